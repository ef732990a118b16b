// Shared by the console's browser scripts: launch Debian's Chromium headless with playwright-core, watch for console
// errors and Content-Security-Policy violations, sign in, and print what was seen as one JSON line for the JUnit test.
// Input (environment, so no key appears in a process list): CONSOLE_URL, CONSOLE_ACCESS_KEY_ID,
// CONSOLE_SECRET_ACCESS_KEY, CONSOLE_REGION, CHROMIUM (executable), SCREENSHOT_DIR, PROFILE_DIR; optionally
// CONSOLE_SESSION_TOKEN and CONSOLE_IGNORE_HTTPS_ERRORS=1 (the TLS listener's self-signed certificate).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/**
 * Runs `script(page, seen, context)` in a fresh browser profile, then prints `seen` (with consoleErrors and
 * policyViolations filled in) as one JSON line. The browser is always closed.
 */
export async function withConsole(script) {
  const screenshots = env('SCREENSHOT_DIR');
  mkdirSync(screenshots, { recursive: true });
  const context = await chromium.launchPersistentContext(env('PROFILE_DIR'), {
    executablePath: env('CHROMIUM'),
    headless: true,
    ignoreHTTPSErrors: process.env.CONSOLE_IGNORE_HTTPS_ERRORS === '1',
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
    await script(page, seen, context);
  } finally {
    await context.close();
  }
  process.stdout.write(JSON.stringify(seen) + '\n');
}

/** Opens the console and signs in with the environment's keys; answers when the first page has loaded. */
export async function signIn(page) {
  await page.goto(env('CONSOLE_URL'));
  await page.fill('#access-key-id', env('CONSOLE_ACCESS_KEY_ID'));
  await page.fill('#secret-access-key', env('CONSOLE_SECRET_ACCESS_KEY'));
  if (process.env.CONSOLE_SESSION_TOKEN) await page.fill('#session-token', process.env.CONSOLE_SESSION_TOKEN);
  await page.fill('#region', env('CONSOLE_REGION'));
  await page.click('#sign-in-button');
  await page.waitForSelector('#app:not([hidden])');
  await loaded(page);
}

/** Goes to a route ('fleets/fleet-1') and waits until its page has rendered. */
export async function go(page, route) {
  await page.evaluate((hash) => { location.hash = hash; }, '#/' + route);
  await loaded(page);
}

/** Waits until the current page is no longer loading. */
export async function loaded(page) {
  await page.waitForFunction(() => {
    const view = document.getElementById('view');
    return view && view.childElementCount > 0 && !view.textContent.startsWith('Loading…');
  });
}

/** A full-page screenshot named `name`.png in SCREENSHOT_DIR. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(env('SCREENSHOT_DIR'), `${name}.png`), fullPage: true });
}
