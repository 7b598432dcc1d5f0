import { expect } from '@open-wc/testing';
import '../index.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import { mountWidget } from '../testing/mount.ts';

describe('<portico-claim-status>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const widget = await mountWidget(server, 'portico-claim-status', token);
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
  const robert = {
    memberId: 'PSB10001',
    firstName: 'Robert',
    lastName: 'Smith',
    dateOfBirth: '1963-05-19',
    serviceFrom: '2026-11-01',
    serviceTo: '2026-11-30',
  };

  it("finds a member's claims and shows each where the person acted, with the focus on the answer", async () => {
    const { element, text, shadow, button, fill } = await mount(server.tokens.eligibilityFront);
    fill(robert);
    const checked = new Promise<CustomEvent>((resolve) =>
      element.addEventListener('portico-claim-status-checked', (e) => resolve(e), { once: true }),
    );
    button('Check claim status')?.click();
    await until(() => text().includes('Claim PSBC2611001'));
    const event = await checked;
    expect(event.detail.outcome).to.equal('PAID');
    const cards = [...shadow().querySelectorAll('[part="claim"]')].map(
      (card) => card.textContent?.replace(/\s+/g, ' ') ?? '',
    );
    expect(cards).to.have.length(2);
    expect(cards[0]).to.contain('Paid');
    expect(cards[0]).to.contain('$185.50');
    expect(cards[0]).to.contain('Check 0004552100 on Nov 20, 2026');
    expect(cards[0]).to.contain('Finalized/Payment (F1): Claim/line has been paid.');
    expect(cards[1]).to.contain('In process (not final)');
    const lines = [...shadow().querySelectorAll('[part="lines"] tbody tr')].map(
      (row) => row.textContent?.replace(/\s+/g, ' ') ?? '',
    );
    expect(lines.some((row) => row.includes('85025') && row.includes('Service not authorized.'))).to.equal(
      true,
    );
    expect(lines.some((row) => row.includes('99214-25'))).to.equal(true);
    expect(shadow().activeElement?.id).to.equal('result-heading');
    await until(() => shadow().querySelector('[part="history"]')?.textContent?.includes('Paid') === true);
  });

  it("shows the payer's refusal and a mistyped amount at their fields, focused, sending nothing for the amount", async () => {
    const { text, shadow, button, fill } = await mount(server.tokens.eligibilityFront);
    const inquiries = () => shadow().querySelectorAll('[part="history"] li').length;
    const before = inquiries();
    fill({ ...robert, chargedCents: '185.505' });
    button('Check claim status')?.click();
    await until(() => text().includes('Enter the billed amount in dollars and cents'));
    expect(inquiries(), 'nothing was sent').to.equal(before);
    const amount = shadow().querySelector<HTMLInputElement>('input[name="chargedCents"]');
    expect(amount?.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow().activeElement).to.equal(amount);
    fill({ chargedCents: '', dateOfBirth: '1963-05-20' });
    button('Check claim status')?.click();
    await until(() => text().includes("Entity's date of birth"));
    const dob = shadow().querySelector<HTMLInputElement>('input[name="dateOfBirth"]');
    expect(dob?.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow().activeElement).to.equal(dob);
    expect(shadow().querySelector('[part="result"]')?.textContent?.trim()).to.equal('');
    await until(
      () =>
        shadow().querySelector('[part="history"]')?.textContent?.includes('Refused by the payer') === true,
    );
  });

  it('says when the payer finds no claim, and opens an earlier inquiry again from the history', async () => {
    const { text, shadow, button, fill } = await mount(server.tokens.eligibilityManager);
    fill({ ...robert, serviceFrom: '2026-09-01', serviceTo: '2026-09-30' });
    const site = shadow().querySelector<HTMLSelectElement>('select[name="siteId"]');
    if (site) site.value = site.options[0]?.value ?? '';
    button('Check claim status')?.click();
    await until(() => text().includes('The payer found no claim'));
    const show = [...shadow().querySelectorAll<HTMLButtonElement>('[part="open"]')].find((b) =>
      /Robert Smith/.test(b.getAttribute('aria-label') ?? ''),
    );
    expect(show).not.to.equal(undefined);
    const shows = [...shadow().querySelectorAll<HTMLButtonElement>('[part="open"]')];
    shows.at(-1)?.click();
    await until(() => text().includes('Claim PSBC2611001'));
  });

  it('says in words why someone without member data sees no form', async () => {
    const { text, shadow } = await mount(server.tokens.eligibilityNoAccess);
    expect(text()).to.contain('needs access to member data');
    expect(shadow().querySelector('form')).to.equal(null);
    expect(text()).not.to.match(/member_data|claims\.status/);
  });

  it('passes axe-core checks with an answer on screen', async () => {
    const { element, text, button, fill } = await mount(server.tokens.eligibilityFront);
    fill(robert);
    button('Check claim status')?.click();
    await until(() => text().includes('Claim PSBC2611001'));
    await expect(element).to.be.accessible();
  });
});
