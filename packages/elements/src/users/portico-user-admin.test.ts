import { expect, oneEvent } from '@open-wc/testing';
import '../index.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import { mountWidget } from '../testing/mount.ts';

describe('<portico-user-admin>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const widget = await mountWidget(server, 'portico-user-admin', token);
    await until(
      () =>
        widget.shadow().querySelector('[part="state"][role="status"]') === null ||
        /administer|waiting/.test(widget.text()),
    );
    return widget;
  }

  it('shows the security officer the request and every user, with status and dates in words and no permission ids', async () => {
    const { text, shadow } = await mount(server.tokens.usersOfficer);
    await until(() => text().includes('Tay Dunn'));
    expect(text()).to.contain('Users of Linden Family Health');
    const request = shadow().querySelector('[part="request"]');
    expect(request?.textContent).to.contain('Tay Dunn');
    const sites = [...shadow().querySelectorAll<HTMLInputElement>('[part="request"] input[name="site"]')];
    expect(sites.map((input) => input.parentElement?.textContent?.trim())).to.deep.equal([
      'North clinic',
      'South clinic',
    ]);
    const members = [...shadow().querySelectorAll('[part="member"]')].map((li) => li.textContent ?? '');
    expect(
      members.some(
        (m) => m.includes('Rae Brook') && m.includes('User administrator') && m.includes('Active'),
      ),
    ).to.equal(true);
    expect(text()).not.to.match(/storefront\.manage|users\.manage|users\.list/);
  });

  it('tells someone without user administration, or still waiting, why in plain words, with no controls', async () => {
    const billing = await mount(server.tokens.usersBilling);
    await until(() => billing.text().includes('do not administer'));
    expect(billing.shadow().querySelector('button')).to.equal(null);
    billing.root.remove();
    const pending = await mount(server.tokens.usersPending);
    await until(() => pending.text().includes('waiting'));
    expect(pending.text()).to.contain(
      "Your access to Linden Family Health is waiting for a user administrator's approval.",
    );
    // Every other widget says the same in plain words while the request waits.
    for (const tag of [
      'portico-storefront',
      'portico-billing',
      'portico-provider-manager',
      'portico-access-hub',
    ] as const) {
      const widget = await mountWidget(server, tag, server.tokens.usersPending);
      await until(() => /waiting for a user administrator/.test(widget.text()));
      expect(widget.text()).not.to.match(/needs [a-z_]+\.[a-z_]+/);
      // Each root holds a live stream open: a browser allows six connections to one server.
      widget.root.remove();
    }
  });

  it('refuses an approval without a site at the request, then approves it and says so there', async () => {
    const { element, text, shadow, button } = await mount(server.tokens.usersOfficer);
    await until(() => text().includes('Tay Dunn'));
    button('Approve')?.click();
    await until(() => shadow().querySelector('[part="result"]') !== null);
    const refusal = shadow().querySelector('[part="result"]');
    expect(refusal?.textContent).to.contain('Choose at least one site');
    expect(shadow().activeElement).to.equal(refusal);
    shadow().querySelector<HTMLInputElement>('[part="request"] input[name="site"]')?.click();
    const changed = oneEvent(element, 'portico-user-changed');
    button('Approve')?.click();
    expect((await changed).detail.action).to.equal('approved');
    await until(() => shadow().querySelector('[part="request"]') === null);
    expect(text()).to.contain('No one is waiting for access.');
    expect(shadow().querySelector('[part="result"]')?.textContent).to.contain('Tay Dunn is approved.');
  });

  it('makes a user view-only in the storefront with one switch, and shows the permissions as a readable matrix', async () => {
    const { text, shadow } = await mount(server.tokens.usersOfficer);
    await until(() => text().includes('Sol Cruz'));
    const sol = () =>
      [...shadow().querySelectorAll('[part="member"]')].find((li) => li.textContent?.includes('Sol Cruz'));
    sol()?.querySelector<HTMLInputElement>('[part="view-only"]')?.click();
    await until(() => text().includes('Sol Cruz now only views the storefront.'));
    await until(() => sol()?.querySelector<HTMLInputElement>('[part="view-only"]')?.checked === true);
    sol()?.querySelector<HTMLButtonElement>('[part="permissions"]')?.click();
    await until(() => shadow().querySelector('[part="matrix"]') !== null);
    const row = [...shadow().querySelectorAll('[part="matrix"] tbody tr')].find((tr) =>
      tr.textContent?.includes('Sign up, upgrade and change billing'),
    );
    expect(row?.querySelector('select')?.value).to.equal('denied');
    expect(row?.textContent).to.contain('Yes'); // the billing manager's role gives it…
    expect(row?.lastElementChild?.textContent?.trim()).to.equal('No'); // …and the denial takes it away
  });

  it('changes a user’s roles from the same panel, and only a security officer may touch the security officer role', async () => {
    const { text, shadow } = await mount(server.tokens.usersOfficer);
    await until(() => text().includes('Sol Cruz'));
    const sol = () =>
      [...shadow().querySelectorAll('[part="member"]')].find((li) => li.textContent?.includes('Sol Cruz'));
    sol()?.querySelector<HTMLButtonElement>('[part="permissions"]')?.click();
    await until(() => sol()?.querySelector('[part="roles"]') !== null);
    const box = (label: string) =>
      [...(sol()?.querySelectorAll<HTMLInputElement>('[part="roles"] input') ?? [])].find((input) =>
        input.parentElement?.textContent?.includes(label),
      );
    box('Provider admin')?.click();
    sol()?.querySelector<HTMLButtonElement>('[part="save-roles"]')?.click();
    await until(() => text().includes("Sol Cruz's roles are saved."));
    expect(sol()?.textContent).to.contain('Billing manager, Provider admin');
    const admin = await mount(server.tokens.usersAdmin);
    await until(() => admin.text().includes('Sol Cruz'));
    const solForRae = [...admin.shadow().querySelectorAll('[part="member"]')].find((li) =>
      li.textContent?.includes('Sol Cruz'),
    );
    solForRae?.querySelector<HTMLButtonElement>('[part="permissions"]')?.click();
    await until(() => solForRae?.querySelector('[part="roles"]') !== null);
    const labels = [...(solForRae?.querySelectorAll('[part="roles"] label') ?? [])].map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).not.to.include('Security officer');
  });

  it('shows the last-administrator refusal at the user the administrator acted on, and no controls on their own row', async () => {
    const { text, shadow } = await mount(server.tokens.usersAdmin);
    await until(() => text().includes('Quinn Ash'));
    const quinn = () =>
      [...shadow().querySelectorAll('[part="member"]')].find((li) => li.textContent?.includes('Quinn Ash'));
    quinn()?.querySelector<HTMLButtonElement>('[part="remove"]')?.click();
    await until(() => text().includes('Press Remove again'));
    quinn()?.querySelector<HTMLButtonElement>('[part="remove"]')?.click();
    await until(() => text().includes('without a user administrator'));
    const refusal = quinn()?.querySelector('[part="result"]');
    expect(refusal?.textContent).to.contain('South clinic without a user administrator');
    expect(shadow().activeElement).to.equal(refusal);
    // Rae administers herself no further: no controls on her own row.
    const rae = [...shadow().querySelectorAll('[part="member"]')].find((li) =>
      li.textContent?.includes('Rae Brook'),
    );
    expect(rae?.querySelector('button')).to.equal(null);
  });

  it('finds users by name or email', async () => {
    const { text, shadow, button } = await mount(server.tokens.usersOfficer);
    await until(() => text().includes('Rae Brook'));
    const field = shadow().querySelector<HTMLInputElement>('input[name="search"]');
    if (field) field.value = 'RAE@linden';
    button('Find')?.click();
    await until(() => !text().includes('Quinn Ash'));
    const names = [...shadow().querySelectorAll('[part="member"] .who strong')].map((n) => n.textContent);
    expect(names).to.deep.equal(['Rae Brook']);
  });

  it('passes axe-core checks with requests, users and the matrix open', async () => {
    const { element, text, shadow } = await mount(server.tokens.usersOfficer);
    await until(() => text().includes('Rae Brook'));
    shadow().querySelector<HTMLButtonElement>('[part="permissions"]')?.click();
    await until(() => shadow().querySelector('[part="matrix"]') !== null);
    await expect(element).to.be.accessible();
  });
});
