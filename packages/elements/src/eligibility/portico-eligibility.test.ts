import { expect } from '@open-wc/testing';
import '../index.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import { mountWidget } from '../testing/mount.ts';

describe('<portico-eligibility>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const widget = await mountWidget(server, 'portico-eligibility', token);
    await until(() => !/Loading/.test(widget.text()));
    const form = () => widget.shadow().querySelector<HTMLFormElement>('[part="form"]');
    const fill = (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) {
        const input = form()?.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
        if (input) input.value = value;
      }
    };
    return { ...widget, form, fill };
  }
  const robert = { memberId: 'PSB10001', firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1963-05-19' };

  it('checks a member and shows coverage and benefits where the person acted, with the focus on the answer', async () => {
    const { element, text, shadow, button, fill } = await mount(server.tokens.eligibilityFront);
    expect(shadow().querySelector('select[name="siteId"]'), 'one site: no site to choose').to.equal(null);
    fill(robert);
    const checked = new Promise<CustomEvent>((resolve) =>
      element.addEventListener('portico-eligibility-checked', (e) => resolve(e), { once: true }),
    );
    button('Check eligibility')?.click();
    await until(() => text().includes('Gold HMO 1500'));
    const event = await checked;
    expect(event.detail.outcome).to.equal('ACTIVE');
    expect(shadow().querySelector('[part="status"]')?.textContent).to.equal('Active');
    expect(text()).to.contain('MARCUS JONES (NPI 1003000126)');
    const rows = [...shadow().querySelectorAll('[part="benefits"] tbody tr')].map(
      (row) => row.textContent?.replace(/\s+/g, ' ') ?? '',
    );
    const visit = rows.find((row) => row.includes('Professional (Physician) Visit - Office'));
    expect(visit).to.contain('$650.00 left of $1,500.00');
    expect(visit).to.contain('$25.00');
    expect(visit).to.contain('20 %');
    expect(rows.some((row) => row.includes('Dental Care') && row.includes('Not covered'))).to.equal(true);
    expect(shadow().activeElement?.id).to.equal('result-heading');
    await until(
      () => shadow().querySelector('[part="history"]')?.textContent?.includes('Active coverage') === true,
    );
  });

  it("shows the payer's refusal at the field it concerns, focuses it, and lists it in today's checks", async () => {
    const { text, shadow, button, fill } = await mount(server.tokens.eligibilityFront);
    fill({ ...robert, dateOfBirth: '1963-05-20' });
    button('Check eligibility')?.click();
    await until(() => text().includes('Birth Date Does Not Match'));
    const dob = shadow().querySelector<HTMLInputElement>('input[name="dateOfBirth"]');
    expect(dob?.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow().activeElement).to.equal(dob);
    expect(shadow().querySelector('[part="result"]')?.textContent?.trim()).to.equal('');
    await until(
      () =>
        shadow().querySelector('[part="history"]')?.textContent?.includes('Refused by the payer') === true,
    );
  });

  it('asks a user of two sites where the visit is, and opens an earlier check again', async () => {
    const { text, shadow, button, fill } = await mount(server.tokens.eligibilityManager);
    const site = shadow().querySelector<HTMLSelectElement>('select[name="siteId"]');
    expect([...(site?.options ?? [])].map((o) => o.textContent)).to.deep.equal([
      'Sycamore North',
      'Sycamore South',
    ]);
    fill({ memberId: 'PSB10002', firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '1988-11-02' });
    if (site) site.value = site.options[1]?.value ?? '';
    button('Check eligibility')?.click();
    await until(() => text().includes('Silver PPO 500'));
    expect(text()).to.contain('Out of network');
    const show = [...shadow().querySelectorAll<HTMLButtonElement>('[part="open"]')].find((b) =>
      /Robert Smith/.test(b.getAttribute('aria-label') ?? ''),
    );
    expect(show, 'the manager sees the North check of the front desk').not.to.equal(undefined);
    show?.click();
    await until(() => text().includes('Gold HMO 1500'));
  });

  it('says in words why someone without member data sees no form', async () => {
    const { text, shadow } = await mount(server.tokens.eligibilityNoAccess);
    expect(text()).to.contain('needs access to member data');
    expect(shadow().querySelector('form')).to.equal(null);
    expect(text()).not.to.match(/member_data|eligibility\.check/);
  });

  it('passes axe-core checks with an answer on screen', async () => {
    const { element, text, button, fill } = await mount(server.tokens.eligibilityFront);
    fill(robert);
    button('Check eligibility')?.click();
    await until(() => text().includes('Gold HMO 1500'));
    await expect(element).to.be.accessible();
  });
});
