// The console's first walk: a wrong secret, sign-in from the keyboard, the overview, light and dark, reload, sign-out.
// Shared launch and sign-in: browser.mjs. The JUnit test (gatepass-server ConsoleBrowserTest) asserts on the output.
import { env, withConsole } from './browser.mjs';
import { join } from 'node:path';

const url = env('CONSOLE_URL');
const screenshots = env('SCREENSHOT_DIR');

await withConsole(async (page, seen, context) => {
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
});
