import { expect } from '@open-wc/testing';
import { createPorticoClient } from '@portico/core';
import '../index.ts';
import { capturedDownload, loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import { mountWidget } from '../testing/mount.ts';

describe('<portico-remittance>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const widget = await mountWidget(server, 'portico-remittance', token);
    await until(() => !/Loading/.test(widget.text()));
    const rows = () =>
      [...widget.shadow().querySelectorAll('[part="table"] tbody tr')].map(
        (row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      );
    const field = <T extends HTMLElement>(form: string, name: string) =>
      widget.shadow().querySelector<T>(`[part="${form}"] [name="${name}"]`);
    /** Types the enrollment form's fields. */
    const enter = (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) {
        const input = field<HTMLInputElement | HTMLSelectElement>('enroll-form', name);
        if (input) input.value = value;
      }
    };
    return { ...widget, rows, field, enter };
  }

  const ben = {
    payeeNpi: '1245319599',
    accountHolder: 'Chestnut Family Care',
    routingNumber: '011000015',
    accountNumber: '55501234',
  };

  it('lists the payments a page at a time, filters them, and shows one where the person acted', async () => {
    const { text, shadow, button, rows, field } = await mount(server.tokens.remittanceManager);
    expect(rows()).to.have.length(25);
    expect(rows()[0])
      .to.contain('Oct 30, 2026')
      .and.contain('Check')
      .and.contain('CHK260030')
      .and.contain('$85.00');
    expect(rows()[0]).to.contain('Chestnut North');
    button('Show more')?.click();
    await until(() => rows().length === 30);
    expect(button('Show more')).to.equal(undefined);
    const search = field<HTMLInputElement>('filters', 'search');
    if (search) search.value = 'chk260007';
    button('Show')?.click();
    await until(() => rows().length === 1);
    expect(rows()[0]).to.contain('CHK260007');
    button('Show remittance CHK260007')?.click();
    await until(() => text().includes('PSBC2611001'));
    const claim = shadow().querySelector('[part="claim"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(claim).to.contain('ROBERT SMITH').and.contain('$185.50').and.contain('$100.00');
    expect(claim).to.contain('CO-45 $30.00: Contractual Obligations');
    expect(claim).to.contain('N54');
    expect(text()).to.contain('WO Overpayment Recovery, PSBC2609100: $15.00');
    expect(shadow().activeElement?.id).to.equal('detail-heading');
  });

  it('downloads the EOP as a PDF from the list', async () => {
    const { button } = await mount(server.tokens.remittanceManager);
    const blob = await capturedDownload(() => button('Download the EOP of CHK260030 as PDF')?.click());
    expect(blob.type).to.equal('application/pdf');
    expect(new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');
  });

  it('shows the enrollment with its account by the last four digits, and refuses a bad routing number at its field', async () => {
    const { text, shadow, button, field, enter } = await mount(server.tokens.remittanceManager);
    expect(text()).to.contain('Checking ending 4321');
    expect(text()).not.to.contain('000987654321');
    expect(text()).to.contain('Your office is paperless');
    enter({ ...ben, routingNumber: '011000016' });
    button('Submit for verification')?.click();
    await until(() => text().includes('check digit'));
    const routing = field<HTMLInputElement>('enroll-form', 'routingNumber');
    expect(routing?.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow().activeElement).to.equal(routing);
  });

  it('enrolls a second payee, announces it at the form, and shows the payer’s verification live', async () => {
    const { element, text, shadow, button, enter } = await mount(server.tokens.remittanceManager);
    enter(ben);
    const enrolled = new Promise<CustomEvent>((resolve) =>
      element.addEventListener('portico-remittance-enrolled', (e) => resolve(e), { once: true }),
    );
    button('Submit for verification')?.click();
    const event = await enrolled;
    expect(event.detail.status).to.equal('PENDING');
    await until(() => text().includes('the payer verifies the account ending 1234'));
    expect(shadow().activeElement?.getAttribute('part')).to.equal('enrolled');
    expect(text()).to.contain('Waiting for the payer to verify the account');
    expect(text()).to.contain('the payer still mails paper checks');
    const staff = createPorticoClient({ url: server.url, token: server.tokens.support });
    await staff.remittance.decideEnrollment.mutate({
      officeId: 'remittance-office',
      enrollmentId: event.detail.enrollmentId,
      decision: 'ACTIVE',
    });
    await until(() => text().includes('Your office is paperless'), 10_000);
  });

  it('keeps each user to what they may do: no enrollment for the front desk, words for the rest', async () => {
    const front = await mount(server.tokens.remittanceFront);
    expect(front.rows()).to.have.length(0);
    expect(front.text()).to.contain('No remittance matches');
    expect(front.shadow().querySelector('[part="enrollment"]')).to.equal(null);
    const none = await mount(server.tokens.remittanceNoAccess);
    expect(none.text()).to.contain("Ask your office's security officer");
    expect(none.shadow().querySelector('form')).to.equal(null);
    expect(none.text()).not.to.match(/member_data|practice_setup|remittance\.list/);
  });

  it('passes axe-core checks with an explanation of payment on screen', async () => {
    const { element, text, button } = await mount(server.tokens.remittanceManager);
    button('Show remittance CHK260030')?.click();
    await until(() => text().includes('PSBC2611001'));
    await expect(element).to.be.accessible();
  });
});
