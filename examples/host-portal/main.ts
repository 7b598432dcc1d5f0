import '@portico/elements';

/**
 * In a real portal, the portal's own back end mints the Portico token for its signed-in user. Here the
 * Portico server's demo mode plays that part at /demo/token.
 */
interface DemoToken {
  token: string;
  expiresAt: string;
}

const root = document.querySelector('portico-root');
const picker = document.querySelector<HTMLSelectElement>('#demo-user');
let current: DemoToken | null = null;

async function demoToken(): Promise<string> {
  const user = picker?.value ?? 'security-officer';
  // Refresh a minute before expiry, as a host portal would.
  if (current && new Date(current.expiresAt).getTime() - Date.now() > 60_000) return current.token;
  const response = await fetch(`/demo/token?as=${encodeURIComponent(user)}`);
  if (!response.ok) throw new Error('The demo token service is not available');
  current = await response.json();
  return current?.token ?? '';
}

if (root) {
  root.getToken = demoToken;
  root.url = window.location.origin;
  picker?.addEventListener('change', () => {
    current = null;
    // A new function is a new sign-in for the root, also after an automatic sign-out.
    root.getToken = () => demoToken();
    // Re-mount the widgets so they reload as the newly chosen user.
    for (const tag of [
      'portico-storefront',
      'portico-provider-manager',
      'portico-eligibility',
      'portico-claim-status',
      'portico-remittance',
      'portico-access-hub',
      'portico-user-admin',
      'portico-audit-log',
    ] as const) {
      root.querySelector(tag)?.replaceWith(document.createElement(tag));
    }
  });
  // The host portal hears what the widgets did, e.g. to refresh its own navigation.
  const heard = (what: string) => (event: Event) => {
    const status = document.querySelector('#host-status');
    if (status && event instanceof CustomEvent)
      status.textContent = `Host portal heard: ${what} ${event.detail.action}.`;
  };
  root.addEventListener('portico-providers-changed', heard('provider'));
  root.addEventListener('portico-subscription-changed', heard('subscription'));
  root.addEventListener('portico-payment-method-changed', heard('payment method'));
  root.addEventListener('portico-user-changed', heard('user'));
  root.addEventListener('portico-eligibility-checked', (event) => {
    const status = document.querySelector('#host-status');
    if (status)
      status.textContent = `Host portal heard: an eligibility check, ${event.detail.outcome.toLowerCase()}.`;
  });
  root.addEventListener('portico-claim-status-checked', (event) => {
    const status = document.querySelector('#host-status');
    if (status)
      status.textContent = `Host portal heard: a claim status check, ${event.detail.outcome.toLowerCase().replaceAll('_', ' ')}.`;
  });
  root.addEventListener('portico-remittance-enrolled', (event) => {
    const status = document.querySelector('#host-status');
    if (status)
      status.textContent = `Host portal heard: an EFT enrollment for NPI ${event.detail.payeeNpi}, ${event.detail.status.toLowerCase()}.`;
  });
  // HIPAA automatic log-off: Portico signed out after the idle time, so the portal ends its own session too.
  root.addEventListener('portico-signed-out', () => {
    current = null;
    const status = document.querySelector('#host-status');
    if (status)
      status.textContent = 'Host portal heard: signed out after inactivity. Pick a user to sign in again.';
  });
  // A claims task is worked in the host portal's enrollment worklist: the hub says which tasks to show.
  root.addEventListener('portico-open-worklist', (event) => {
    const status = document.querySelector('#host-status');
    if (status && event instanceof CustomEvent)
      status.textContent = event.detail.allPracticeTasks
        ? 'Host portal heard: open the enrollment worklist with every practice task.'
        : `Host portal heard: open the enrollment worklist for task ${event.detail.taskNumbers.map((n: number) => `#${n}`).join(', ')}.`;
  });
  root.addEventListener('portico-access-response-submitted', () => {
    const status = document.querySelector('#host-status');
    if (status) status.textContent = 'Host portal heard: access issue response submitted.';
  });
}
