// How every browser test here starts Debian's Chromium (no browser download): headless, as root, with the
// background traffic this machine's closed network refuses switched off.
export const chromiumExecutable = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];
