import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AccessResponseSubmittedDetail } from './portico-access-hub.ts';
import { hubClients, openUnpostablesTask } from '../testing/access-hub-harness.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-access-task-dialog> in the hub', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });
  const practice = () => hubClients(server, server.tokens.hubResponder).practice();

  it('opens the unpostables task: response and affected unpostables tabs, history rendered as text; Cancel saves nothing', async () => {
    const { hub, button, dialog } = await openUnpostablesTask(server, server.tokens.hubResponder);
    expect(dialog.open).to.equal(true);
    const content = dialog.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(content).to.contain('Reset the billing account password and enter it here.');
    expect(content).to.contain('TINs to add to the account: 27-7654321');
    expect(content).to.contain('elm.billing');
    expect(content).to.contain('Password Not set');
    // The staff note is markup: shown as text, never run.
    expect(content).to.contain(
      '<img src=x onerror="window.__porticoPwned=1"> The portal says the password expired.',
    );
    expect(dialog.querySelector('img')).to.equal(null);
    expect((window as unknown as { __porticoPwned?: number }).__porticoPwned).to.equal(undefined);

    // The second tab, by keyboard.
    const responseTab = dialog.querySelector<HTMLButtonElement>('#dialog-tab-response') as HTMLButtonElement;
    responseTab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await hub.updateComplete;
    const unpostablesPanel = dialog.querySelector<HTMLElement>('#dialog-panel-unpostables');
    expect(unpostablesPanel?.hidden).to.equal(false);
    expect(unpostablesPanel?.textContent?.replace(/\s+/g, ' ')).to.contain('U-5001 Blocked $1,842.50');
    expect(unpostablesPanel?.textContent?.replace(/\s+/g, ' ')).to.contain('U-5002 Not blocked $99.00');
    await expect(hub).to.be.accessible();
    await sendKeys({ press: 'ArrowLeft' });
    await hub.updateComplete;

    const comment = dialog.querySelector<HTMLTextAreaElement>(
      'textarea[name="comment"]',
    ) as HTMLTextAreaElement;
    comment.focus();
    await sendKeys({ type: 'Not sure yet' });
    (button('Cancel') as HTMLButtonElement).click();
    await hub.updateComplete;
    expect(dialog.open).to.equal(false);
    const tasks = await practice().accessHub.tasks.query({});
    const task = tasks.rows.find((row) => row.kind === 'UNPOSTABLES');
    expect(task).to.not.equal(undefined);
    const detail = await practice().accessHub.task.query({ taskId: task?.id ?? '' });
    expect(detail.canRespond).to.equal(true);
    expect(detail.history.length).to.equal(1);
  });

  it('submits a response with a new password that is never shown again, and updates the dashboard', async () => {
    const PASSWORD = 'Elm-Court-new-password-7731';
    const { hub, shadow, button, dialog } = await openUnpostablesTask(server, server.tokens.hubResponder);
    button('Change account information')?.click();
    await hub.updateComplete;
    const password = dialog.querySelector<HTMLInputElement>('input[name="password"]') as HTMLInputElement;
    expect(password.type).to.equal('password');
    password.focus();
    await sendKeys({ type: PASSWORD });
    // Show password lets the person check what they typed, then hides it again.
    const reveal = dialog.querySelector<HTMLButtonElement>('[part="reveal-password"]');
    reveal?.click();
    await hub.updateComplete;
    expect(password.type).to.equal('text');
    expect(reveal?.getAttribute('aria-pressed')).to.equal('true');
    reveal?.click();
    await hub.updateComplete;
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('new-password');
    const comment = dialog.querySelector<HTMLTextAreaElement>(
      'textarea[name="comment"]',
    ) as HTMLTextAreaElement;
    comment.focus();
    await sendKeys({ type: 'Reset today.' });
    dialog.querySelector<HTMLInputElement>('input[name="assistance"]')?.click();
    await expect(hub).to.be.accessible();
    const submitted = oneEvent(hub, 'portico-access-response-submitted');
    button('Submit response')?.click();
    const event = (await submitted) as CustomEvent<AccessResponseSubmittedDetail>;
    expect(dialog.open).to.equal(false);
    await until(() =>
      (shadow().querySelector('[part="attention-card"]')?.textContent ?? '').includes('1 task needs'),
    );
    const detail = await practice().accessHub.task.query({ taskId: event.detail.taskId });
    expect(detail.assignee).to.equal('SERVICE');
    expect(detail.assistanceNeeded).to.equal(true);
    expect(detail.account?.passwordSet).to.equal(true);
    expect(detail.history.at(-1)?.body).to.contain('Reset today.');
    expect(JSON.stringify(detail)).to.not.contain(PASSWORD);
    expect(shadow().innerHTML).to.not.contain(PASSWORD);
    expect([...shadow().querySelectorAll('input')].some((input) => input.value === PASSWORD)).to.equal(false);
  });
});
