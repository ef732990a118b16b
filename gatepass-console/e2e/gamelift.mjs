// The GameLift pages in a real browser: walk Locations, Fleets, a fleet, a game session; create a location (and see
// a duplicate refused with the API's error), create a fleet, create and terminate a game session, deregister a
// compute, delete the fleet — each effect read back with the AWS CLI v2; a compute's connected processes and their
// health opened from the keyboard. Light and dark screenshots of the main pages.
// Input besides browser.mjs's: GAMELIFT_FLEET (a fleet with computes rack-1 (two healthy game servers, one of them
// waiting) and rack-2 (one game server reporting itself unhealthy)),
// GAMELIFT_GAME_SESSION (a game session on it with players), AWS_CLI, GATEPASS_ENDPOINT.
import { env, go, loaded, screenshot, signIn, withConsole } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const seedFleet = env('GAMELIFT_FLEET');
const arena = env('GAMELIFT_GAME_SESSION');

/** `aws gamelift <args>` against this server, with the console's keys in the environment; answers the parsed JSON. */
function cli(...args) {
  const out = execFileSync(env('AWS_CLI'), ['--endpoint-url', env('GATEPASS_ENDPOINT'), '--region',
    env('CONSOLE_REGION'), '--output', 'json', 'gamelift', ...args], {
    env: {
      PATH: process.env.PATH,
      AWS_ACCESS_KEY_ID: env('CONSOLE_ACCESS_KEY_ID'),
      AWS_SECRET_ACCESS_KEY: env('CONSOLE_SECRET_ACCESS_KEY'),
      AWS_CONFIG_FILE: join(env('PROFILE_DIR'), 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(env('PROFILE_DIR'), 'no-aws-credentials'),
      AWS_PAGER: '',
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return out.trim() ? JSON.parse(out) : {};
}

const rows = (page, selector) => page.$$eval(`${selector} tbody tr`,
  (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
/** The computes table's own rows (not the rows of details below them, nor the tables in those). */
const computeRows = (page) => page.$$eval('#computes > tbody > tr:not(.details)',
  (trs) => trs.map((tr) => [...tr.querySelectorAll(':scope > td')].map((td) => td.textContent.trim())));
const texts = (page, selector) => page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent.trim()));
const facts = (page, selector) => page.$$eval(`${selector} dt`,
  (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
const routeParam = (page) => page.evaluate(() => decodeURIComponent(location.hash.split('/').pop()));

async function lightAndDark(page, name) {
  await screenshot(page, `console-gamelift-${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `console-gamelift-${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

await withConsole(async (page, seen) => {
  seen.failedCalls = [];
  page.on('response', (response) => {
    if (response.status() >= 400) {
      seen.failedCalls.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname} `
        + (response.request().headers()['x-amz-target'] ?? ''));
    }
  });
  seen.consoleErrorSources = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrorSources.push(new URL(message.location().url || 'about:blank').pathname);
  });
  await signIn(page);
  seen.nav = await texts(page, '#nav a');

  // Locations: create one from the keyboard, then the same again is the API's ConflictException, shown plainly
  await go(page, 'locations');
  seen.locationsTitle = await page.textContent('#view-title');
  seen.locationsBefore = (await rows(page, '#location-list')).map((r) => r[0]);
  await page.fill('#location-name', 'custom-ui-made');
  await page.press('#location-name', 'Enter');
  await page.waitForSelector('#location-list td:text-is("custom-ui-made")');
  seen.locationsAfterCreate = (await rows(page, '#location-list')).map((r) => r[0]);
  seen.cliLocations = cli('list-locations').Locations.map((l) => l.LocationName);
  await page.fill('#location-name', 'custom-ui-made');
  await page.click('#create-location');
  await page.waitForSelector('#error:not([hidden])');
  seen.duplicateLocationError = await page.textContent('#error');

  // Fleets: the list, then a new ANYWHERE fleet in the new location
  await go(page, 'fleets');
  seen.errorClearedOnNavigation = await page.isHidden('#error');
  seen.fleetListHeadings = await texts(page, '#fleet-list th');
  seen.fleetList = await rows(page, '#fleet-list');
  await lightAndDark(page, 'fleets');
  await page.fill('#fleet-name', 'ui-fleet');
  await page.fill('#fleet-description', 'made in the console');
  await page.check('#fleet-locations label:text-is("custom-ui-made")');
  await page.click('#create-fleet');
  await page.waitForSelector('#fleet-page');
  await loaded(page);
  seen.createdFleetId = await routeParam(page);
  seen.createdFleetAttributes = await facts(page, '#fleet-attributes');
  seen.createdFleetLocations = await rows(page, '#fleet-location-list');
  seen.cliCreatedFleet = cli('describe-fleet-attributes', '--fleet-ids', seen.createdFleetId).FleetAttributes;
  seen.cliCreatedFleetLocations = cli('describe-fleet-location-attributes', '--fleet-id', seen.createdFleetId)
    .LocationAttributes.map((a) => a.LocationState);

  // The seeded fleet: computes, the token's expiry counting down (never the token), processes, game sessions
  await go(page, `fleets/${encodeURIComponent(seedFleet)}`);
  seen.fleetTitle = await page.textContent('#view-title');
  seen.seedAttributes = await facts(page, '#fleet-attributes');
  seen.seedUtilization = await facts(page, '#fleet-utilization');
  seen.seedLocations = await rows(page, '#fleet-location-list');
  seen.computeHeadings = await texts(page, '#computes > thead th');
  seen.computes = await computeRows(page);
  seen.gameSessions = await rows(page, '#game-sessions');
  await page.click('#token-rack-1');
  await page.waitForSelector('#token-rack-1-expiry');
  seen.tokenExpiry = await page.getAttribute('#token-rack-1-expiry time', 'datetime');
  seen.tokenLeftFirst = await page.textContent('#token-rack-1-expiry-left');
  await page.waitForFunction((first) => document.getElementById('token-rack-1-expiry-left').textContent !== first,
    seen.tokenLeftFirst);
  seen.tokenLeftLater = await page.textContent('#token-rack-1-expiry-left');
  // Each compute's processes: the count and their health, then the processes themselves, opened from the keyboard
  seen.processSummaries = {
    'rack-1': await page.textContent('#processes-rack-1-summary'),
    'rack-2': await page.textContent('#processes-rack-2-summary'),
  };
  seen.processesHiddenAtFirst = await page.isHidden('#processes-rack-1-row');
  await page.focus('#processes-rack-1');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#processes-rack-1-row', { state: 'visible' });
  seen.processesExpanded = await page.getAttribute('#processes-rack-1', 'aria-expanded');
  seen.processHeadings = await texts(page, '#processes-rack-1-list th');
  seen.processes = await rows(page, '#processes-rack-1-list');
  await page.focus('#processes-rack-2');
  await page.keyboard.press('Space');
  await page.waitForSelector('#processes-rack-2-row', { state: 'visible' });
  seen.unhealthyProcesses = await rows(page, '#processes-rack-2-list');
  seen.fleetPageHtml = await page.innerHTML('#view');
  await lightAndDark(page, 'fleet');

  // Create a game session: it is placed on the waiting game server
  await page.fill('#game-session-name', 'ui-session');
  await page.fill('#game-session-max-players', '4');
  await page.selectOption('#game-session-location', 'custom-seed');
  await page.click('#create-game-session');
  await page.waitForSelector('#game-session-page');
  await loaded(page);
  seen.createdSessionId = await routeParam(page);
  seen.createdSession = await facts(page, '#game-session-attributes');
  seen.cliCreatedSession = cli('describe-game-sessions', '--game-session-id', seen.createdSessionId).GameSessions;

  // The seeded game session and its players
  await go(page, `game-sessions/${encodeURIComponent(arena)}`);
  seen.arenaTitle = await page.textContent('#view-title');
  seen.arena = await facts(page, '#game-session-attributes');
  seen.arenaPlayerHeadings = await texts(page, '#player-sessions th');
  seen.arenaPlayers = await rows(page, '#player-sessions');
  await lightAndDark(page, 'game-session');

  // Terminate the new game session: cancelled once, then confirmed
  await go(page, `game-sessions/${encodeURIComponent(seen.createdSessionId)}`);
  await page.click('#terminate-game-session');
  await page.click('#confirm-no');
  await page.waitForSelector('#confirm', { state: 'detached' });
  seen.cliSessionAfterCancel = cli('describe-game-sessions', '--game-session-id', seen.createdSessionId)
    .GameSessions[0].Status;
  await page.focus('#terminate-game-session');
  await page.keyboard.press('Enter');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => !document.getElementById('terminate-game-session')
    && document.getElementById('game-session-attributes'));
  seen.terminatedSession = await facts(page, '#game-session-attributes');
  seen.cliTerminatedSession = cli('describe-game-sessions', '--game-session-id', seen.createdSessionId)
    .GameSessions[0];

  // Deregister rack-2
  await go(page, `fleets/${encodeURIComponent(seedFleet)}`);
  await page.click('#deregister-rack-2');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => !document.getElementById('deregister-rack-2')
    && document.getElementById('computes'));
  seen.computesAfterDeregister = (await computeRows(page)).map((r) => r[0]);
  seen.cliComputesAfterDeregister = cli('list-compute', '--fleet-id', seedFleet).ComputeList.map((c) => c.ComputeName);

  // Delete the fleet made above
  await go(page, `fleets/${encodeURIComponent(seen.createdFleetId)}`);
  await page.click('#delete-fleet');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => location.hash === '#/fleets' && document.getElementById('fleet-list'));
  await loaded(page);
  seen.fleetListAfterDelete = (await rows(page, '#fleet-list')).map((r) => r[1]);
  seen.cliFleetAfterDelete = cli('describe-fleet-attributes', '--fleet-ids', seen.createdFleetId).FleetAttributes;

  // A game session that does not exist: the page says so
  await go(page, 'game-sessions/' + encodeURIComponent(seen.createdSessionId + '-missing'));
  seen.missingSession = await page.textContent('#view');
});
