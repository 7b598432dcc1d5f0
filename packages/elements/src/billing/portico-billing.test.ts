import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import type { PaymentMethodChangedDetail } from './portico-billing.ts';
import { mountWidget } from '../testing/mount.ts';
import { capturedDownload, loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-billing>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const mounted = await mountWidget(server, 'portico-billing', token);
    return { ...mounted, billing: mounted.element };
  }

  async function type(input: HTMLInputElement, value: string) {
    input.focus();
    input.value = '';
    await sendKeys({ type: value });
  }

  it('adds cards with inline checks, swaps primary and backup, and removes a card after confirmation', async () => {
    const { billing, shadow, text, button } = await mount(server.tokens.storefrontManager);
    await until(() => shadow().querySelector('[part="card-form"]') !== null);
    const changes: PaymentMethodChangedDetail[] = [];
    billing.addEventListener('portico-payment-method-changed', (event) => changes.push(event.detail));
    const input = (name: string) =>
      shadow().querySelector<HTMLInputElement>(`#card-${name}`) as HTMLInputElement;
    const submit = () =>
      shadow().querySelector<HTMLButtonElement>('[part="card-form"] button[type="submit"]')?.click();

    await type(input('holderName'), 'Dana Whitfield');
    await type(input('number'), '4242 4242 4242 4241');
    await type(input('expMonth'), '8');
    await type(input('expYear'), '2029');
    await type(input('cvc'), '321');
    submit();
    await until(() => shadow().querySelector('#card-number-problem') !== null);
    expect(shadow().querySelector('#card-number-problem')?.textContent).to.contain('not valid');
    expect(input('number').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow().activeElement).to.equal(input('number'));

    // The sandbox's declining card, then a good one as backup.
    await type(input('number'), '4000000000000002');
    submit();
    await until(() => changes.length === 1);
    await until(() => button('Remove Visa ending 0002') !== undefined);
    expect(input('number').value, 'the form is cleared').to.equal('');
    expect(text()).to.contain('Primary');

    await type(input('holderName'), 'Dana Whitfield');
    await type(input('number'), '4242424242424242');
    await type(input('expMonth'), '8');
    await type(input('expYear'), '2025');
    await type(input('cvc'), '321');
    submit();
    await until(() => shadow().querySelector('#card-expYear-problem') !== null);
    expect(shadow().querySelector('#card-expYear-problem')?.textContent).to.contain('expired');
    await type(input('expYear'), '2030');
    const role = shadow().querySelector<HTMLSelectElement>('#card-role') as HTMLSelectElement;
    role.value = 'BACKUP';
    role.dispatchEvent(new Event('change'));
    submit();
    await until(() => changes.length === 2 && button('Make primary: Visa ending 4242') !== undefined);
    expect(text()).to.contain('Backup');

    await until(() => button('Make primary: Visa ending 4242') !== undefined);
    button('Make primary: Visa ending 4242')?.click();
    await until(() => changes.length === 3);
    await until(() => shadow().querySelector('.card')?.textContent?.includes('4242') === true);
    expect(shadow().querySelector('.card .role')?.textContent).to.contain('Primary');

    button('Remove Visa ending 0002')?.click();
    await until(() => button('Keep card') !== undefined);
    await expect(billing).to.be.accessible();
    button('Keep card')?.click();
    await until(() => button('Remove Visa ending 0002') !== undefined);
    button('Remove Visa ending 0002')?.click();
    await until(() => button('Remove card') !== undefined);
    button('Remove card')?.click();
    await until(() => changes.length === 4 && button('Remove Visa ending 0002') === undefined);
    expect(changes.map((change) => change.action)).to.deep.equal([
      'added',
      'added',
      'role-changed',
      'removed',
    ]);

    // The only card of an office with an open balance stays, and the widget says why.
    button('Remove Visa ending 4242')?.click();
    await until(() => button('Remove card') !== undefined);
    button('Remove card')?.click();
    await until(() => text().includes('only card on file'));
    expect(shadow().querySelector('[part="notice"]')?.classList.contains('problem')).to.equal(true);
  });
  it('downloads an invoice PDF and pays the open balance', async () => {
    const { shadow, text, button } = await mount(server.tokens.storefrontManager);
    await until(() => text().includes('Open balance'));
    expect(text()).to.contain('Open balance: $59.90');
    const pdf = await capturedDownload(() => button(/^Download PDF of invoice INV-\d+$/)?.click());
    expect(pdf.type).to.equal('application/pdf');
    expect((await pdf.text()).slice(0, 5)).to.equal('%PDF-');
    expect(text()).to.match(/INV-\d+\.pdf downloaded/);

    shadow().querySelector<HTMLButtonElement>('[part="pay"]')?.click();
    await until(() => text().includes('Open balance: $0.00'));
    expect(text()).to.contain('Paid $59.90');
    expect(shadow().querySelector('[part="pay"]')).to.equal(null);
    expect(text()).to.contain('Visa ending 4242');
  });
});
