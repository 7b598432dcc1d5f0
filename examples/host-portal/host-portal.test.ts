import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';
import { EXAMPLE_PORTAL_DIR, startApp, type PorticoApp } from '../../packages/server/src/app.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { createLogger } from '../../packages/server/src/logger.ts';

// The page `npm start` serves, in headless Chromium: the widgets read the demo office's data from the database.
describe('example host portal served by the Portico server', () => {
  let app: PorticoApp;
  let browser: Browser;
  before(async () => {
    const config = loadConfig({
      PORT: '0',
      PORTICO_DATA_DIR: 'memory://',
      PORTICO_JWT_SECRET: 'example-portal-test-secret-0123456789abcdef',
      PORTICO_DEMO: 'true',
      PORTICO_STATIC_DIR: EXAMPLE_PORTAL_DIR,
      PORTICO_CLOCK: '2026-11-23T15:00:00Z',
    });
    app = await startApp(config, createLogger('silent'));
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the catalogue and the demo office's subscription from the database", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/`);
    const storefront = page.locator('portico-storefront');
    await storefront
      .getByRole('heading', { name: 'Subscriptions for Maple Street Family Practice' })
      .waitFor();
    const row = storefront.locator('tbody tr').first();
    assert.match(await row.innerText(), /AllPayer Access\s+Active\s+\$29\.95\s+Sep 1, 2026/);
    const planNames = await storefront.locator('[part="plan"] .plan-name').allInnerTexts();
    assert.deepEqual(planNames, ['AllPayer Access', 'Medicare', 'AllPayer Advantage']);
    if (process.env.PORTICO_SCREENSHOT)
      await page.screenshot({ path: process.env.PORTICO_SCREENSHOT, fullPage: true });
    await page.close();
  });

  it('lets the billing manager add a provider in the provider manager, and the host page hears of it', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/`);
    await page.selectOption('#demo-user', 'billing-manager');
    const manager = page.locator('portico-provider-manager');
    await manager.getByText('No providers yet').waitFor();
    await manager.getByRole('button', { name: 'Add provider' }).click();
    const dialog = manager.locator('dialog[open]');
    await dialog.getByLabel('NPI').fill('1234567893');
    await dialog.getByLabel('First name').fill('Jordan');
    await dialog.getByLabel('Last name').fill('Reyes');
    await dialog.getByLabel('TIN (EIN or SSN)').fill('12-3456789');
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await manager.getByRole('rowheader', { name: 'Jordan Reyes' }).waitFor();
    await manager.getByRole('cell', { name: 'Enrolled', exact: true }).waitFor();
    await page.getByText('Host portal heard: provider added.').waitFor();
    if (process.env.PORTICO_SCREENSHOT)
      await page.screenshot({
        path: process.env.PORTICO_SCREENSHOT.replace('.png', '-providers.png'),
        fullPage: true,
      });
    await page.close();
  });

  it("checks a sandbox member's eligibility for the provider just added, and the host page hears of it", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/`);
    await page.selectOption('#demo-user', 'billing-manager');
    const widget = page.locator('portico-eligibility');
    await widget.getByLabel('Member ID').fill('PSB10001');
    await widget.getByLabel('First name').fill('Robert');
    await widget.getByLabel('Last name').fill('Smith');
    await widget.getByLabel('Date of birth').fill('1963-05-19');
    await widget.getByLabel('Site of the visit').selectOption({ label: 'Riverside clinic' });
    await widget.getByRole('button', { name: 'Check eligibility' }).click();
    await widget
      .locator('[part="coverage"]')
      .getByText(/Gold HMO 1500/)
      .waitFor();
    assert.match(await widget.locator('[part="status"]').innerText(), /Active/);
    await page.getByText('Host portal heard: an eligibility check, active.').waitFor();
    await widget.locator('[part="history"]').getByText('Active coverage').waitFor();
    await page.close();
  });

  it("follows a sandbox member's claims on the page, and the host page hears of it", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/`);
    await page.selectOption('#demo-user', 'billing-manager');
    const widget = page.locator('portico-claim-status');
    await widget.getByLabel('Member ID').fill('PSB10002');
    await widget.getByLabel('First name').fill('Maria');
    await widget.getByLabel('Last name').fill('Garcia');
    await widget.getByLabel('Date of birth').fill('1988-11-02');
    await widget.getByLabel('Site of the visit').selectOption({ label: 'Riverside clinic' });
    await widget.getByLabel('Dates of service from').fill('2026-11-01');
    await widget.getByLabel('to', { exact: true }).fill('2026-11-30');
    await widget.getByRole('button', { name: 'Check claim status' }).click();
    await widget.getByRole('heading', { name: 'Claim PSBC2611004' }).waitFor();
    assert.match(
      await widget.locator('[part="claim"]').first().innerText(),
      /Finalized[\s\S]*Charges applied to deductible/,
    );
    await page.getByText('Host portal heard: a claim status check, finalized.').waitFor();
    await page.close();
  });

  it("reads Harbor's remittances the job retrieved at start, opens one, and enrolls Maple Street for EFT", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/`);
    await page.selectOption('#demo-user', 'other-office-admin');
    const widget = page.locator('portico-remittance');
    await widget.getByRole('button', { name: 'Show remittance 0004552100' }).click();
    await widget.getByRole('heading', { name: /Check 0004552100, \$85\.00/ }).waitFor();
    assert.match(
      await widget.locator('[part="claim"]').first().innerText(),
      /PSBC2611001[\s\S]*CO-45 \$30\.00: Contractual Obligations/,
    );
    assert.equal(await widget.locator('[part="enrollment"]').count(), 0);
    await page.selectOption('#demo-user', 'billing-manager');
    const manager = page.locator('portico-remittance');
    const form = manager.locator('[part="enroll-form"]');
    await form.getByLabel('Account holder').fill('Maple Street Family Practice');
    await form.getByLabel('Routing number (9 digits)').fill('011000015');
    await form.getByLabel('Account number').fill('000123456789');
    await form.getByRole('button', { name: 'Submit for verification' }).click();
    await page.getByText('Host portal heard: an EFT enrollment for NPI 1234567893, pending.').waitFor();
    await manager.getByText('Checking ending 6789').waitFor();
    await page.close();
  });

  it('lets the billing manager add Medicare through the review step, and the host page hears of it', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/`);
    await page.selectOption('#demo-user', 'billing-manager');
    const storefront = page.locator('portico-storefront');
    await storefront.getByRole('checkbox', { name: 'Medicare', exact: true }).check();
    await storefront.getByRole('button', { name: 'Add/Update Subscriptions' }).click();
    await storefront.getByRole('heading', { name: 'Review your subscription' }).waitFor();
    await storefront.getByRole('checkbox', { name: /I have read and accept the use agreement/ }).check();
    await storefront.getByRole('button', { name: 'Subscribe Now' }).click();
    await page.getByText('Host portal heard: subscription subscribed.').waitFor();
    await storefront
      .getByRole('row', { name: /Medicare/ })
      .first()
      .waitFor();
    await page.close();
  });

  it('switches to another office when the host portal signs in someone else', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.server.url}/`);
    await page.locator('portico-storefront').getByText('Maple Street Family Practice').waitFor();
    await page.selectOption('#demo-user', 'other-office-admin');
    await page.locator('portico-storefront').getByText('Subscriptions for Harbor Pediatrics').waitFor();
    await page.locator('portico-storefront').getByText('Your office has no subscriptions yet').waitFor();
    await page.close();
  });

  it("shows the demo office's payer portal access issues, and hands a claims task to the host's worklist", async () => {
    const page = await browser.newPage();
    const pending = new Set<string>();
    page.on('request', (request) => pending.add(request.url()));
    page.on('requestfinished', (request) => pending.delete(request.url()));
    page.on('requestfailed', (request) => pending.delete(request.url()));
    await page.goto(`${app.server.url}/`);
    await page.selectOption('#demo-user', 'billing-manager');
    const hub = page.locator('portico-access-hub');
    await hub.getByText('2 tasks need your attention').waitFor();
    await hub.getByRole('button', { name: 'Issues of Bay State Payer Gateway' }).click();
    await hub.getByRole('button', { name: 'Resolve claims task' }).click();
    await page.getByText(/Host portal heard: open the enrollment worklist for task #\d+\./).waitFor();
    await hub.getByRole('tab', { name: 'Tasks' }).click();
    await hub
      .getByRole('rowheader')
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        // Say what the Tasks panel showed instead, so a failure in CI can be read.
        const shown = await hub.evaluate((el) => el.shadowRoot?.querySelector('#panel-tasks')?.textContent);
        throw new Error(`no task rows; the Tasks panel showed: ${shown?.replace(/\s+/g, ' ')}`, {
          cause: error,
        });
      });
    assert.equal(await hub.locator('[part="tasks"] tbody tr').count(), 2);
    await page.close();
  });
});
