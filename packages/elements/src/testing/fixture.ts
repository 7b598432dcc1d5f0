/** The running Portico test server and tokens that web-test-runner's fixture plugin exposes. */
export interface PorticoFixture {
  url: string;
  tokens: {
    officeUser: string;
    otherOffice: string;
    expired: string;
    markupOffice: string;
    providerManager: string;
    providerViewer: string;
    /** Willow Bend Clinic: Medicare signed up, no provider list yet; a billing manager. */
    awaitingMedicare: string;
    /** Birch Lane Clinic: AllPayer Access, two open invoices, no card. */
    storefrontManager: string;
    listenerManager: string;
    /** Birch Lane Clinic, a user made view-only for the storefront. */
    storefrontViewer: string;
    /** Oak Hill Medical Group: 5,000 providers, read by an office user. */
    bigRoster: string;
    /** Aspen Ridge Clinic: Medicare with a pending cancellation. */
    cancellingManager: string;
    /** Elm Court Clinic: access-hub issues (unpostables, claims, with the payer), a billing manager. */
    hubManager: string;
    /** Elm Court Clinic, an office user without the practice set-up permission. */
    hubViewer: string;
    /** Elm Court's twin for the task dialog's tests, which answer its unpostables task. */
    hubResponder: string;
    /** Elm Court's twin for the live-update test, whose staff move an issue. */
    hubLive: string;
    /** Pine Hollow Health: 10,000 open claims tasks. */
    hubBig: string;
    /** Payer support staff (access issues). */
    support: string;
    /** Linden Family Health (North and South clinics): the security officer, on both. */
    usersOfficer: string;
    /** Linden's user administrator, on North only. */
    usersAdmin: string;
    /** Linden's billing manager, on both sites. */
    usersBilling: string;
    /** Linden's access request, waiting for approval. */
    usersPending: string;
    /** Juniper Health's security officer: 60 audited acts to read. */
    auditOfficer: string;
    /** Juniper's office user (no audit permission). */
    auditViewer: string;
    eligibilityFront: string;
    eligibilityManager: string;
    eligibilityNoAccess: string;
    /** Chestnut Family Care: a billing manager at both sites, 30 payments to North, EFT active for one NPI. */
    remittanceManager: string;
    /** Chestnut's front desk, at South only (no payment there), without the practice set-up permission. */
    remittanceFront: string;
    /** Chestnut's user administrator: neither member data nor practice set-up. */
    remittanceNoAccess: string;
  };
}

/** Reads the fixture from the test runner's dev server. */
export async function loadFixture(): Promise<PorticoFixture> {
  const response = await fetch('/__portico-fixture');
  if (!response.ok) throw new Error('The Portico fixture server is not running');
  const fixture: PorticoFixture = await response.json();
  return fixture;
}

/** Resolves when `predicate` holds, polling each animation frame, or rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error('Timed out waiting for the element');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Runs `action` and resolves with the file an element then hands to the browser's download (its Blob). */
export async function capturedDownload(action: () => void, timeoutMs = 10000): Promise<Blob> {
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    if (blob instanceof Blob) blobs.push(blob);
    return create.call(URL, blob);
  };
  try {
    action();
    await until(() => blobs.length > 0, timeoutMs);
  } finally {
    URL.createObjectURL = create;
  }
  const [blob] = blobs;
  if (!blob) throw new Error('No file was downloaded');
  return blob;
}
