// The GameLift pages: fleets → a fleet (locations, computes, game sessions) → a game session (player sessions), and
// the account's locations. Every figure is an API's answer; every action an API call, its error shown as it came.
import {
  Compute, computeTokenExpiry, createFleet, createGameSession, createLocation, deleteFleet, deleteLocation,
  deregisterCompute, describeAllFleets, describeFleet, fleetLocations, fleetUtilization, gameSession, GameSession,
  gameSessions, listCompute, listLocations, playerSessions, ServerProcess, serverProcesses, terminateGameSession,
} from '../api/gamelift';
import { Page, PageContext, segment } from '../router';
import { act, button, confirmAction, describe, focusHeading, h, instant, link, status, table } from '../ui';

const fleetRoute = (fleetId: string) => `fleets/${segment(fleetId)}`;
const sessionRoute = (gameSessionId: string) => `game-sessions/${segment(gameSessionId)}`;

/** A definition list of label/value pairs (values left out when empty). */
function facts(id: string, pairs: [string, Node | string | number | undefined | null][]): HTMLDListElement {
  const list = h('dl', { id, class: 'identity' });
  for (const [label, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    list.append(h('dt', {}, label), h('dd', {}, typeof value === 'number' ? String(value) : value));
  }
  return list;
}

function count(rows: unknown[], noun: string, empty: string): string {
  return rows.length === 0 ? empty : `${rows.length} ${noun}${rows.length === 1 ? '' : 's'}.`;
}

function field(id: string, label: string, attributes: Record<string, string | boolean> = {}): Node[] {
  return [h('label', { for: id }, label), h('input', { id, name: id, ...attributes })];
}

/** "2 h 59 min 58 s" until `epochSeconds`, or "expired". */
function remaining(epochSeconds: number): string {
  let left = Math.floor(epochSeconds - Date.now() / 1000);
  if (left <= 0) return 'expired';
  const hours = Math.floor(left / 3600);
  left -= hours * 3600;
  const minutes = Math.floor(left / 60);
  const seconds = left - minutes * 60;
  return (hours ? `${hours} h ` : '') + (hours || minutes ? `${minutes} min ` : '') + `${seconds} s`;
}

/** The expiry and a countdown that ticks every second while the element is on the page. */
function countdown(id: string, epochSeconds: number): HTMLElement {
  const left = h('span', { id: `${id}-left`, class: 'countdown' }, remaining(epochSeconds));
  const element = h('span', { id }, h('time', { datetime: instant(epochSeconds) }, instant(epochSeconds)), ' (',
    left, ')');
  const timer = window.setInterval(() => {
    if (!element.isConnected) window.clearInterval(timer); // the page was left or shown again
    else left.textContent = remaining(epochSeconds);
  }, 1000);
  return element;
}

// ------------------------------------------------------------------------------------------- server processes

/** How many computes' processes the fleet page reads when it opens; the others' on request. */
const PROCESS_FETCH_LIMIT = 50;
const COMPUTE_COLUMNS = 7;

/** A compute's processes as read (a list, or the API's error), or null when not read yet. */
type Processes = { list: ServerProcess[] } | { error: string } | null;

function readProcesses(context: PageContext, fleetId: string, computeName: string): Promise<Processes> {
  return serverProcesses(context.credentials, fleetId, computeName)
    .then((list) => ({ list }), (error) => ({ error: describe(error) }));
}

/** "None", or "3 (2 healthy, 1 unhealthy)". */
function processSummary(list: ServerProcess[]): string {
  if (list.length === 0) return 'None';
  const healthy = list.filter((p) => p.healthy).length;
  return `${list.length} (${healthy} healthy${list.length > healthy ? `, ${list.length - healthy} unhealthy` : ''})`;
}

/**
 * The Processes cell of a compute's row, and the row of details below it (hidden until shown): the count with the
 * healthy and unhealthy ones, a Show/Hide button for the table of its processes, or Load when not read yet.
 */
function processesCell(context: PageContext, fleetId: string, computeName: string, read: Processes)
  : { cell: HTMLElement; details: HTMLTableRowElement } {
  const id = `processes-${computeName}`;
  const details = h('tr', { id: `${id}-row`, class: 'details', hidden: true });
  const cell = h('span', { class: 'processes' });
  const toggle = button(id, 'Show', () => {
    const open = details.hidden;
    details.hidden = !open;
    toggle.textContent = open ? 'Hide' : 'Show';
    toggle.setAttribute('aria-expanded', String(open));
  });
  toggle.classList.add('small');
  toggle.setAttribute('aria-controls', details.id);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-label', `Processes of ${computeName}`);

  const show = (result: Processes) => {
    if (result === null) return;
    if ('error' in result) {
      cell.replaceChildren(h('span', { id: `${id}-summary`, class: 'problem-error', tabindex: '-1' }, result.error));
      return;
    }
    const summary = h('span', { id: `${id}-summary`, tabindex: '-1' }, processSummary(result.list));
    cell.replaceChildren(summary);
    if (result.list.length === 0) return;
    cell.append(' ', toggle);
    details.replaceChildren(h('td', { colspan: String(COMPUTE_COLUMNS) },
      h('h4', { id: `${id}-title` }, `Server processes on ${computeName}`),
      table(`${id}-list`, `${id}-title`, [
        { heading: 'Process ID', cell: (p) => p.processId },
        { heading: 'Status', cell: (p) => p.status },
        { heading: 'Health', cell: (p) => p.healthy ? 'Healthy' : h('span', { class: 'unhealthy' }, 'Unhealthy') },
        { heading: 'Port', cell: (p) => String(p.port) },
        {
          heading: 'Game session',
          cell: (p) => p.gameSessionId ? link(sessionRoute(p.gameSessionId), p.gameSessionId.split('/').pop()!) : '',
        },
        { heading: 'Last heartbeat', cell: (p) => instant(p.lastHeartbeatAt) },
        { heading: 'Node', cell: (p) => p.node },
      ], result.list)));
  };

  if (read === null) {
    const load = button(id, 'Load', () => {
      void act(context, load, async () => {
        show(await readProcesses(context, fleetId, computeName));
        (document.getElementById(id) ?? document.getElementById(`${id}-summary`))?.focus();
      });
    });
    load.classList.add('small');
    load.setAttribute('aria-label', `Load processes of ${computeName}`);
    cell.append(load);
  } else {
    show(read);
  }
  return { cell, details };
}

// ------------------------------------------------------------------------------------------------------- fleets

async function fleetsPage(context: PageContext): Promise<Node> {
  const { credentials } = context;
  const [fleets, locations] = await Promise.all([describeAllFleets(credentials), listLocations(credentials)]);
  const fleetLocationLists = await Promise.all(fleets.map((f) => fleetLocations(credentials, f.FleetId)
    .then((l) => l.map((s) => s.Location).join(', '), (error) => describe(error))));
  const rows = fleets.map((fleet, i) => ({ fleet, locations: fleetLocationLists[i] }));

  const custom = locations.filter((l) => l.LocationName.startsWith('custom-'));
  const form = h('form', { id: 'create-fleet-form', 'aria-labelledby': 'create-fleet-title' },
    ...field('fleet-name', 'Name', { required: true, maxlength: '1024', autocomplete: 'off' }),
    ...field('fleet-description', 'Description (optional)', { maxlength: '1024', autocomplete: 'off' }),
    h('fieldset', { id: 'fleet-locations' }, h('legend', {}, 'Custom locations'),
      ...(custom.length === 0
        ? [h('p', { class: 'hint' }, 'No custom locations yet: create one on the Locations page first.')]
        : custom.map((l, i) => h('div', { class: 'check' },
          h('input', { type: 'checkbox', id: `fleet-location-${i}`, name: 'location', value: l.LocationName }),
          h('label', { for: `fleet-location-${i}` }, l.LocationName))))),
    h('button', { type: 'submit', id: 'create-fleet' }, 'Create ANYWHERE fleet'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    void act(context, form.querySelector('button'), async () => {
      const created = await createFleet(credentials, String(data.get('fleet-name') ?? '').trim(),
        String(data.get('fleet-description') ?? '').trim(), data.getAll('location').map(String));
      context.navigate(fleetRoute(created.FleetId));
      focusHeading();
    });
  });

  return h('div', { id: 'fleets-page' },
    status('fleet-list-status', count(rows, 'fleet', 'No fleets.')),
    table('fleet-list', 'view-title', [
      { heading: 'Name', cell: (r) => link(fleetRoute(r.fleet.FleetId), r.fleet.Name || r.fleet.FleetId) },
      { heading: 'Fleet ID', cell: (r) => r.fleet.FleetId },
      { heading: 'Status', cell: (r) => r.fleet.Status ?? '' },
      { heading: 'Compute type', cell: (r) => r.fleet.ComputeType ?? '' },
      { heading: 'Locations', cell: (r) => r.locations },
    ], rows),
    h('h3', { id: 'create-fleet-title' }, 'Create a fleet'),
    h('p', { class: 'hint' }, 'An ANYWHERE fleet runs game servers on computes you register, in custom locations.'),
    form);
}

async function fleetPage(context: PageContext): Promise<Node> {
  const { credentials } = context;
  const fleetId = context.params.fleetId;
  const fleet = await describeFleet(credentials, fleetId);
  if (!fleet) return h('p', { id: 'page-error', class: 'error', role: 'alert' }, `No fleet ${fleetId}.`);
  const [locations, computes, sessions, utilization] = await Promise.all([
    fleetLocations(credentials, fleetId), listCompute(credentials, fleetId), gameSessions(credentials, fleetId),
    fleetUtilization(credentials, fleetId)]);
  // each compute's processes, for the first PROCESS_FETCH_LIMIT computes only (the others on request)
  const processes = await Promise.all(computes.map((c, i) => i < PROCESS_FETCH_LIMIT
    ? readProcesses(context, fleetId, c.ComputeName) : Promise.resolve(null)));
  const processCells = computes.map((c, i) => processesCell(context, fleetId, c.ComputeName, processes[i]));

  const deleteButton = button('delete-fleet', 'Delete fleet', () => {
    void confirmAction(`Delete fleet ${fleet.Name ?? ''} (${fleetId})? Its computes are deregistered and their `
      + 'tokens stop working.', 'Delete fleet').then((yes) => {
      if (!yes) return;
      void act(context, deleteButton, async () => {
        await deleteFleet(credentials, fleetId);
        context.navigate('fleets');
        focusHeading();
      });
    });
  }, 'danger');

  const tokenCell = (compute: Compute) => {
    const id = `token-${compute.ComputeName}`;
    const cell = h('span', { class: 'token-expiry' });
    const ask = button(id, 'Show expiry', () => {
      void act(context, ask, async () => {
        const expiry = await computeTokenExpiry(credentials, fleetId, compute.ComputeName);
        cell.replaceChildren(countdown(`${id}-expiry`, expiry));
      });
    });
    ask.setAttribute('aria-label', `Show token expiry of ${compute.ComputeName}`);
    ask.classList.add('small');
    cell.append(ask);
    return cell;
  };
  const deregisterButton = (compute: Compute) => {
    const control = button(`deregister-${compute.ComputeName}`, 'Deregister', () => {
      void confirmAction(`Deregister compute ${compute.ComputeName}? Its processes are told to end and its token `
        + 'stops working.', 'Deregister').then((yes) => {
        if (!yes) return;
        void act(context, control, async () => {
          await deregisterCompute(credentials, fleetId, compute.ComputeName);
          context.refresh();
        });
      });
    }, 'danger');
    control.setAttribute('aria-label', `Deregister ${compute.ComputeName}`);
    control.classList.add('small');
    return control;
  };

  const computeTable = table('computes', 'computes-title', [
    { heading: 'Name', cell: (c: Compute) => c.ComputeName },
    { heading: 'Status', cell: (c) => c.ComputeStatus ?? '' },
    { heading: 'Address', cell: (c) => [c.IpAddress, c.DnsName].filter(Boolean).join(' · ') },
    { heading: 'Location', cell: (c) => c.Location ?? '' },
    { heading: 'Processes', cell: (c) => processCells[computes.indexOf(c)].cell },
    { heading: 'Token expiry', cell: (c) => tokenCell(c) },
    { heading: 'Actions', cell: (c) => deregisterButton(c) },
  ], computes);
  [...computeTable.tBodies[0].rows].forEach((row, i) => row.after(processCells[i].details));

  const sessionForm = h('form', { id: 'create-game-session-form', 'aria-labelledby': 'create-game-session-title' },
    ...field('game-session-name', 'Name (optional)', { maxlength: '1024', autocomplete: 'off' }),
    ...field('game-session-max-players', 'Maximum players', { type: 'number', min: '0', required: true, value: '8' }),
    h('label', { for: 'game-session-location' }, 'Location'),
    h('select', { id: 'game-session-location', name: 'game-session-location' },
      ...locations.map((l) => h('option', { value: l.Location }, l.Location))),
    h('button', { type: 'submit', id: 'create-game-session' }, 'Create game session'));
  sessionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(sessionForm);
    const name = String(data.get('game-session-name') ?? '').trim();
    const location = String(data.get('game-session-location') ?? '');
    void act(context, sessionForm.querySelector('button'), async () => {
      const created = await createGameSession(credentials, {
        FleetId: fleetId,
        MaximumPlayerSessionCount: Number(data.get('game-session-max-players')),
        ...(name ? { Name: name } : {}),
        ...(location ? { Location: location } : {}),
      });
      context.navigate(sessionRoute(created.GameSessionId));
      focusHeading();
    });
  });

  return h('div', { id: 'fleet-page' },
    h('div', { class: 'page-actions' }, deleteButton),
    h('h3', { id: 'fleet-attributes-title' }, 'Attributes'),
    facts('fleet-attributes', [
      ['Name', fleet.Name], ['Fleet ID', fleet.FleetId], ['ARN', fleet.FleetArn], ['Status', fleet.Status],
      ['Compute type', fleet.ComputeType], ['Description', fleet.Description],
      ['Created', instant(fleet.CreationTime)],
      ['Game session protection', fleet.NewGameSessionProtectionPolicy],
      ['Instance role', fleet.InstanceRoleArn],
    ]),
    h('h3', { id: 'fleet-health-title' }, 'Server processes'),
    facts('fleet-utilization', [
      ['Healthy active processes', utilization?.ActiveServerProcessCount ?? 0],
      ['Active game sessions', utilization?.ActiveGameSessionCount ?? 0],
      ['Players', `${utilization?.CurrentPlayerSessionCount ?? 0} of ${utilization?.MaximumPlayerSessionCount ?? 0}`],
    ]),
    h('p', { class: 'hint' }, 'Healthy processes are counted by DescribeFleetUtilization; a compute one of whose ' +
      'connected processes is unhealthy shows as IMPAIRED below.'),
    h('h3', { id: 'fleet-locations-title' }, 'Locations'),
    table('fleet-location-list', 'fleet-locations-title', [
      { heading: 'Location', cell: (l) => l.Location },
      { heading: 'Status', cell: (l) => l.Status ?? '' },
    ], locations),
    h('h3', { id: 'computes-title' }, 'Computes'),
    status('computes-status', count(computes, 'compute', 'No computes registered.')),
    computeTable,
    h('p', { class: 'hint' }, 'Processes are the server processes connected to each compute, from Gatepass\'s own ' +
      `API (gatepass:ListServerProcesses), read for the first ${PROCESS_FETCH_LIMIT} computes when this page opens; ` +
      'a process is unhealthy when its last heartbeat said so or its heartbeats stopped.'),
    h('p', { class: 'hint' }, 'The token expiry comes from GetComputeAuthToken (the only API that tells it), asked ' +
      'only when you press the button; the token itself is never shown or kept.'),
    h('h3', { id: 'game-sessions-title' }, 'Game sessions'),
    status('game-sessions-status', count(sessions, 'game session', 'No game sessions.')),
    table('game-sessions', 'game-sessions-title', [
      { heading: 'Name', cell: (s) => link(sessionRoute(s.GameSessionId), s.Name || s.GameSessionId.split('/').pop()!) },
      { heading: 'Status', cell: (s) => s.Status ?? '' },
      { heading: 'Players', cell: (s) => `${s.CurrentPlayerSessionCount ?? 0} / ${s.MaximumPlayerSessionCount ?? 0}` },
      { heading: 'Location', cell: (s) => s.Location ?? '' },
      { heading: 'Compute', cell: (s) => s.ComputeName ?? '' },
      { heading: 'Created', cell: (s) => instant(s.CreationTime) },
    ], sessions),
    h('h3', { id: 'create-game-session-title' }, 'Create a game session'),
    sessionForm);
}

// ------------------------------------------------------------------------------------------------ game sessions

function address(session: GameSession): string {
  const host = session.DnsName || session.IpAddress;
  return host ? `${host}${session.Port ? ':' + session.Port : ''}` : '';
}

async function gameSessionPage(context: PageContext): Promise<Node> {
  const { credentials } = context;
  const id = context.params.gameSessionId;
  const session = await gameSession(credentials, id);
  if (!session) return h('p', { id: 'page-error', class: 'error', role: 'alert' }, `No game session ${id}.`);
  const players = await playerSessions(credentials, id);

  const ended = session.Status === 'TERMINATED' || session.Status === 'TERMINATING';
  const mode = h('select', { id: 'termination-mode', name: 'termination-mode' },
    h('option', { value: 'TRIGGER_ON_PROCESS_TERMINATE' }, 'TRIGGER_ON_PROCESS_TERMINATE (the process ends it)'),
    h('option', { value: 'FORCE_TERMINATE' }, 'FORCE_TERMINATE'));
  const terminate = button('terminate-game-session', 'Terminate game session', () => {
    void confirmAction(`Terminate game session ${session.Name ?? id}? Its players are disconnected.`, 'Terminate')
      .then((yes) => {
        if (!yes) return;
        void act(context, terminate, async () => {
          await terminateGameSession(credentials, id, mode.value);
          context.refresh();
        });
      });
  }, 'danger');

  return h('div', { id: 'game-session-page' },
    facts('game-session-attributes', [
      ['Name', session.Name], ['Game session ID', session.GameSessionId],
      ['Fleet', session.FleetId ? link(fleetRoute(session.FleetId), session.FleetId) : undefined],
      ['Status', session.Status], ['Status reason', session.StatusReason],
      ['Players', `${session.CurrentPlayerSessionCount ?? 0} of ${session.MaximumPlayerSessionCount ?? 0}`],
      ['New players', session.PlayerSessionCreationPolicy], ['Location', session.Location],
      ['Compute', session.ComputeName], ['Address', address(session)], ['Creator', session.CreatorId],
      ['Created', instant(session.CreationTime)], ['Terminated', instant(session.TerminationTime)],
      ['Game properties', (session.GameProperties ?? []).map((p) => `${p.Key}=${p.Value}`).join(', ')],
    ]),
    ended ? null : h('div', { class: 'inline-form' },
      h('label', { for: 'termination-mode' }, 'Termination mode'), mode, terminate),
    h('h3', { id: 'player-sessions-title' }, 'Player sessions'),
    status('player-sessions-status', count(players, 'player session', 'No player sessions.')),
    table('player-sessions', 'player-sessions-title', [
      { heading: 'Player', cell: (p) => p.PlayerId ?? '' },
      { heading: 'Player session ID', cell: (p) => p.PlayerSessionId },
      { heading: 'Status', cell: (p) => p.Status ?? '' },
      { heading: 'Created', cell: (p) => instant(p.CreationTime) },
      { heading: 'Ended', cell: (p) => instant(p.TerminationTime) },
    ], players));
}

// ---------------------------------------------------------------------------------------------------- locations

async function locationsPage(context: PageContext): Promise<Node> {
  const { credentials } = context;
  const locations = await listLocations(credentials);
  const form = h('form', { id: 'create-location-form', 'aria-labelledby': 'create-location-title' },
    ...field('location-name', 'Name (custom-…)', {
      required: true, maxlength: '64', value: 'custom-', autocomplete: 'off', spellcheck: 'false',
    }),
    h('button', { type: 'submit', id: 'create-location' }, 'Create location'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = String(new FormData(form).get('location-name') ?? '').trim();
    void act(context, form.querySelector('button'), async () => {
      await createLocation(credentials, name);
      context.refresh();
    });
  });
  const deleteButton = (name: string) => {
    const control = button(`delete-location-${name}`, 'Delete', () => {
      void confirmAction(`Delete location ${name}?`).then((yes) => {
        if (!yes) return;
        void act(context, control, async () => {
          await deleteLocation(credentials, name);
          context.refresh();
        });
      });
    }, 'danger');
    control.setAttribute('aria-label', `Delete location ${name}`);
    control.classList.add('small');
    return control;
  };
  return h('div', { id: 'locations-page' },
    status('location-list-status', count(locations, 'location', 'No locations.')),
    table('location-list', 'view-title', [
      { heading: 'Name', cell: (l) => l.LocationName },
      { heading: 'ARN', cell: (l) => l.LocationArn ?? '' },
      { heading: 'Actions', cell: (l) => l.LocationName.startsWith('custom-') ? deleteButton(l.LocationName) : '' },
    ], locations),
    h('h3', { id: 'create-location-title' }, 'Create a custom location'),
    form);
}

export const pages: Page[] = [
  { route: 'fleets', title: 'Fleets', nav: 'Fleets', render: fleetsPage },
  { route: 'fleets/:fleetId', title: 'Fleet', render: fleetPage },
  { route: 'game-sessions/:gameSessionId', title: 'Game session', render: gameSessionPage },
  { route: 'locations', title: 'Locations', nav: 'Locations', render: locationsPage },
];
