// The console's platform walk (issue #18): sign in with temporary credentials from STS (and a broken session token
// refused), the Activity page fed by /metrics (a refused token shows up; polling stops on leaving and on sign-out),
// keyboard-only navigation and WCAG AA contrast of every visible text on every page, light and dark, and the same
// console over the TLS listener with its CSP header. The JUnit test (ConsolePlatformBrowserTest) asserts on the output.
// Extra input: CONSOLE_BAD_SESSION_TOKEN, CONSOLE_REFUSE_URL (a package endpoint URL), CONSOLE_TLS_URL.
import { env, go, loaded, screenshot, signIn, withConsole } from './browser.mjs';

const POLL_MS = 3000;

/** Every element with its own visible text: its colour against the first opaque background behind it. */
function contrasts() {
  const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
    }
    return rgb(getComputedStyle(document.documentElement).backgroundColor || 'rgb(255,255,255)');
  };
  const out = [];
  for (const element of document.querySelectorAll('body *')) {
    if (!element.checkVisibility()) continue;
    if (![...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const style = getComputedStyle(element);
    const fg = rgb(style.color);
    const bg = background(element);
    const [a, b] = [lum(fg), lum(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
      + (typeof element.className === 'string' && element.className ? '.' + element.className.replace(/ /g, '.') : '');
    out.push({ element: name, ratio: Math.round(ratio * 100) / 100, color: style.color, background: `rgb(${bg.slice(0, 3)})` });
  }
  return out;
}

await withConsole(async (page, seen, context) => {
  let scrapes = 0;
  page.on('request', (request) => { if (new URL(request.url()).pathname === '/metrics') scrapes++; });
  await page.clock.install();

  // a session token that is not the one STS issued: the API's error, nothing kept
  await page.goto(env('CONSOLE_URL'));
  await page.fill('#access-key-id', env('CONSOLE_ACCESS_KEY_ID'));
  await page.fill('#secret-access-key', env('CONSOLE_SECRET_ACCESS_KEY'));
  await page.fill('#session-token', env('CONSOLE_BAD_SESSION_TOKEN'));
  await page.fill('#region', env('CONSOLE_REGION'));
  await page.click('#sign-in-button');
  await page.waitForSelector('#error:not([hidden])');
  seen.badSessionTokenError = await page.textContent('#error');
  seen.storedAfterBadSessionToken = await page.evaluate(() => sessionStorage.length);
  seen.errorContrast = { light: await page.evaluate(contrasts) };
  await page.emulateMedia({ colorScheme: 'dark' });
  seen.errorContrast.dark = await page.evaluate(contrasts);
  await page.emulateMedia({ colorScheme: 'light' });
  seen.scrapesBeforeSignIn = scrapes;

  // the temporary credentials (CONSOLE_SESSION_TOKEN): the assumed identity is shown
  await signIn(page);
  seen.identityArn = await page.textContent('#who-arn');
  // the README's screenshot: the overview with demo content, light, 1280 wide (the viewport only)
  await page.waitForFunction(() => !['', 'Loading…'].includes(document.getElementById('fleets-status')?.textContent)
    && !['', 'Loading…'].includes(document.getElementById('domains-status')?.textContent));
  await page.screenshot({ path: `${env('SCREENSHOT_DIR')}/console-readme-overview.png` });

  // keyboard only: Tab from the top of the page through the bar and the navigation
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.mouse.click(2, 2); // the top-left corner of the bar: where sequential focus navigation starts
  seen.tabStops = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const style = getComputedStyle(e);
      return { id: e.id, href: e.getAttribute('href') ?? '', text: e.textContent.trim().slice(0, 40),
        focusVisible: e.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
    });
    if (!stop) break;
    seen.tabStops.push(stop);
  }
  // Enter on the focused Activity link opens it
  const activityLink = await page.$('#nav a[href="#/activity"]');
  await activityLink.focus();
  await page.keyboard.press('Enter');
  await loaded(page);
  seen.hashAfterEnter = await page.evaluate(() => location.hash);

  // Activity: a reading, then a refused repository token, then the next reading counts it
  await page.waitForFunction(() => Number(document.getElementById('activity')?.dataset.samples) >= 1);
  seen.totalsAtStart = await page.textContent('#activity-totals');
  const refused = await context.request.get(env('CONSOLE_REFUSE_URL'), {
    headers: { authorization: 'Bearer not-a-token' }, ignoreHTTPSErrors: true });
  seen.refusedStatus = refused.status();
  // and an API request (unsigned, so refused by the API) for the latency figures
  const unsigned = await context.request.post(new URL('/', env('CONSOLE_URL')).href, {
    form: { Action: 'GetCallerIdentity', Version: '2011-06-15' } });
  seen.unsignedApiStatus = unsigned.status();
  const samples = await page.evaluate(() => Number(document.getElementById('activity').dataset.samples));
  await page.clock.runFor(POLL_MS);
  await page.waitForFunction((n) => Number(document.getElementById('activity').dataset.samples) >= n + 1, samples);
  // rates are over the last minute of readings: the refusal shows until it is a minute old
  const figures = await page.waitForFunction(() => {
    const refusedRate = document.getElementById('activity-refused').textContent;
    if (refusedRate === '—' || Number(refusedRate) === 0) return null;
    if (!document.getElementById('activity-mean').textContent.endsWith(' ms')) return null;
    return Object.fromEntries([...document.querySelectorAll('#activity-figures dd')].map((c) => [c.id, c.textContent]));
  });
  seen.activity = await figures.jsonValue();
  seen.chartLines = await page.$$eval('#activity-chart polyline', (lines) => lines.map((l) => l.getAttribute('class')));
  await screenshot(page, 'console-activity-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'console-activity-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // leaving the page stops the polling
  await go(page, '');
  const afterLeaving = scrapes;
  await page.clock.runFor(POLL_MS * 4);
  await page.evaluate(() => document.title);
  seen.scrapesWhileAway = scrapes - afterLeaving;

  // every page in the navigation, light and dark: contrast of each visible text
  const routes = await page.$$eval('#nav a', (links) => links.map((a) => a.getAttribute('href').replace(/^#\//, '')));
  seen.contrast = [];
  for (const route of routes) {
    await go(page, route);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const c of await page.evaluate(contrasts)) seen.contrast.push({ route, scheme, ...c });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  seen.pagesChecked = routes;

  // signing out on the Activity page stops the polling too
  await go(page, 'activity');
  await page.click('#sign-out');
  const afterSignOut = scrapes;
  await page.clock.runFor(POLL_MS * 4);
  await page.evaluate(() => document.title);
  seen.scrapesAfterSignOut = scrapes - afterSignOut;

  // the same console over the TLS listener (self-signed certificate, CONSOLE_IGNORE_HTTPS_ERRORS=1)
  const tls = await page.goto(env('CONSOLE_TLS_URL'));
  seen.tlsCsp = (await tls.allHeaders())['content-security-policy'] ?? '';
  seen.tlsProtocol = await page.evaluate(() => location.protocol);
  await page.fill('#access-key-id', env('CONSOLE_ACCESS_KEY_ID'));
  await page.fill('#secret-access-key', env('CONSOLE_SECRET_ACCESS_KEY'));
  await page.fill('#session-token', env('CONSOLE_SESSION_TOKEN'));
  await page.fill('#region', env('CONSOLE_REGION'));
  await page.click('#sign-in-button');
  await page.waitForSelector('#app:not([hidden])');
  await loaded(page);
  seen.tlsIdentityArn = await page.textContent('#who-arn');
  await go(page, 'activity');
  await page.waitForFunction(() => Number(document.getElementById('activity')?.dataset.samples) >= 1);
  seen.tlsTotals = await page.textContent('#activity-totals');
  await screenshot(page, 'console-tls-activity');
});
