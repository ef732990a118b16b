// Drives the console in a real (headless) Chromium and prints what a user saw, as one JSON object on stdout; the
// JUnit test (gatepass-server ConsoleBrowserTest) started the server and asserts on it.
// Input (environment, so no key appears in a process list): CONSOLE_URL, CONSOLE_ACCESS_KEY_ID,
// CONSOLE_SECRET_ACCESS_KEY, CONSOLE_REGION, CHROMIUM (executable), SCREENSHOT_DIR, PROFILE_DIR.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const url = env('CONSOLE_URL');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

const context = await chromium.launchPersistentContext(env('PROFILE_DIR'), {
  executablePath: env('CHROMIUM'),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 60_000,
});
const seen = { consoleErrors: [], policyViolations: [] };
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(String(error)));
  await page.exposeFunction('reportViolation', (directive) => seen.policyViolations.push(directive));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));

  await page.goto(url);
  seen.title = await page.title();
  seen.signInVisibleAtStart = await page.isVisible('#sign-in-form');
  seen.overviewVisibleAtStart = await page.isVisible('#overview');

  // a wrong secret: the API's own error, shown plainly, nothing kept
  await page.fill('#access-key-id', env('CONSOLE_ACCESS_KEY_ID'));
  await page.fill('#secret-access-key', 'not-the-secret');
  await page.fill('#region', env('CONSOLE_REGION'));
  await page.click('#sign-in-button');
  await page.waitForSelector('#error:not([hidden])');
  seen.wrongSecretError = await page.textContent('#error');
  seen.storedAfterWrongSecret = await page.evaluate(() => sessionStorage.length);
  await page.screenshot({ path: join(screenshots, 'console-wrong-secret.png'), fullPage: true });

  // the right keys, typed and submitted from the keyboard
  await page.fill('#secret-access-key', '');
  await page.focus('#secret-access-key');
  await page.keyboard.type(env('CONSOLE_SECRET_ACCESS_KEY'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#overview:not([hidden])');
  await page.waitForFunction(() => !['', 'Loading…'].includes(document.getElementById('fleets-status').textContent)
    && !['', 'Loading…'].includes(document.getElementById('domains-status').textContent));
  seen.errorHiddenAfterSignIn = await page.isHidden('#error');
  seen.identityArn = await page.textContent('#identity-arn');
  seen.identityAccount = await page.textContent('#identity-account');
  seen.fleets = await page.$$eval('#fleets tbody tr td:first-child', (cells) => cells.map((c) => c.textContent));
  seen.domains = await page.$$eval('#domains tbody tr td:first-child', (cells) => cells.map((c) => c.textContent));
  seen.fleetsStatus = await page.textContent('#fleets-status');
  seen.secretFieldAfterSignIn = await page.inputValue('#secret-access-key');
  seen.storedKeys = await page.evaluate(() => Object.keys(sessionStorage));
  seen.localStorageLength = await page.evaluate(() => localStorage.length);
  seen.cookies = (await context.cookies()).length;
  await page.screenshot({ path: join(screenshots, 'console-overview-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  seen.darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.screenshot({ path: join(screenshots, 'console-overview-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  seen.lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  // a reload keeps the tab signed in (sessionStorage), sign-out forgets it
  await page.reload();
  await page.waitForSelector('#overview:not([hidden])');
  seen.signedInAfterReload = await page.textContent('#identity-arn');
  await page.click('#sign-out');
  await page.waitForSelector('#sign-in:not([hidden])');
  seen.storedAfterSignOut = await page.evaluate(() => sessionStorage.length);
  seen.overviewVisibleAfterSignOut = await page.isVisible('#overview');
  seen.fleetsAfterSignOut = await page.$$eval('#fleets tbody tr', (rows) => rows.length);
} finally {
  await context.close();
}
process.stdout.write(JSON.stringify(seen) + '\n');
