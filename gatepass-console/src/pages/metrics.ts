// The Activity page: tokens minted and refused per minute and request latency, from the server's own /metrics,
// read every few seconds while the page is shown and the user is signed in.
import { Page } from '../router';
import { h } from '../ui';
import { Rates, rates, scrape, Snapshot } from '../api/metrics';

/** How often the page reads /metrics. */
export const POLL_MS = 3000;
const HISTORY = 40;
/** Rates are over the last minute of readings (or since the page opened, when that is shorter). */
const WINDOW_MS = 60_000;
const SVG = 'http://www.w3.org/2000/svg';
const CREDENTIALS_KEY = 'gatepass.console.credentials';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

const perMinute = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));
const ms = (value: number | null) => (value === null ? '—' : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);

/** A small line chart of the last samples: minted (compute + repository) and refused per minute. */
function chart(history: Rates[]): SVGSVGElement {
  const width = 600;
  const height = 140;
  const root = svg('svg', {
    id: 'activity-chart', class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Tokens minted and refused per minute, last two minutes of readings',
  });
  root.append(svg('line', { class: 'chart-axis', x1: '0', y1: String(height - 1), x2: String(width), y2: String(height - 1) }));
  const minted = history.map((r) => r.computeTokensPerMinute + r.repositoryTokensPerMinute);
  const refused = history.map((r) => r.refusedPerMinute);
  const top = Math.max(1, ...minted, ...refused);
  const step = (width - 12) / (HISTORY - 1);
  const points = (values: number[]) => values.map((v, i) =>
    `${(6 + (HISTORY - values.length + i) * step).toFixed(1)},${(height - 4 - (v / top) * (height - 12)).toFixed(1)}`).join(' ');
  if (history.length > 0) {
    root.append(svg('polyline', { class: 'chart-minted', points: points(minted) }));
    root.append(svg('polyline', { class: 'chart-refused', points: points(refused) }));
    // the newest reading as a dot, so a single reading shows too
    for (const [values, name] of [[minted, 'chart-minted'], [refused, 'chart-refused']] as const) {
      const [x, y] = points(values.slice(-1)).split(',');
      root.append(svg('circle', { class: `${name} chart-dot`, cx: x, cy: y, r: '3.5' }));
    }
  }
  const label = svg('text', { class: 'chart-label', x: '4', y: '14' });
  label.textContent = `max ${perMinute(top)}/min`;
  root.append(label);
  return root;
}

function figure(id: string, label: string): [HTMLElement, HTMLElement] {
  const value = h('dd', { id }, '—');
  return [h('dt', {}, label), value];
}

async function render(): Promise<Node> {
  const fields = {
    compute: figure('activity-compute-tokens', 'Compute auth tokens minted / min'),
    repository: figure('activity-repository-tokens', 'Repository tokens minted / min'),
    refused: figure('activity-refused', 'Token verifications refused / min'),
    requests: figure('activity-requests', 'API requests / min'),
    p50: figure('activity-p50', 'Latency p50'),
    p99: figure('activity-p99', 'Latency p99'),
    mean: figure('activity-mean', 'Latency mean'),
    totals: figure('activity-totals', 'Since the server started'),
  };
  const figures = h('dl', { class: 'identity', id: 'activity-figures' }, ...Object.values(fields).flat());
  const chartBox = h('div', { class: 'chart-box' }, chart([]));
  const updated = h('p', { id: 'activity-updated', class: 'status', 'aria-live': 'polite' }, 'Reading /metrics…');
  const root = h('section', { id: 'activity', 'data-samples': '0' },
    h('p', { class: 'hint' },
      `The server's own metrics (GET /metrics), read every ${POLL_MS / 1000} s while this page is open. Per-minute `
      + 'rates are the change over the last minute of readings (the plain change while the page has been open for '
      + 'less than a minute); latency is over all API requests in that minute: p50 '
      + 'and p99 are the upper bounds of the histogram buckets they fall in, the mean is Δsum / Δcount.'),
    figures,
    h('p', { class: 'legend' }, h('span', { class: 'legend-minted' }, 'minted'), ' ',
      h('span', { class: 'legend-refused' }, 'refused'), ' per minute'),
    chartBox,
    updated);

  const history: Rates[] = [];
  const readings: Snapshot[] = []; // the last minute's readings: rates are from the oldest to the newest
  let samples = 0;
  const shown = () => root.isConnected && sessionStorage.getItem(CREDENTIALS_KEY) !== null;
  const tick = async () => {
    if (!shown() && samples > 0) return; // navigated away or signed out: stop
    try {
      const now = await scrape();
      samples++;
      root.setAttribute('data-samples', String(samples));
      fields.totals[1].textContent = `${now.computeTokens} compute, ${now.repositoryTokens} repository tokens `
        + `minted; ${now.refused} refused; ${now.requests} requests`;
      readings.push(now);
      while (readings.length > 2 && now.at - readings[1].at >= WINDOW_MS) readings.shift();
      if (readings.length >= 2) {
        const r = rates(readings[0], now);
        history.push(r);
        if (history.length > HISTORY) history.shift();
        fields.compute[1].textContent = perMinute(r.computeTokensPerMinute);
        fields.repository[1].textContent = perMinute(r.repositoryTokensPerMinute);
        fields.refused[1].textContent = perMinute(r.refusedPerMinute);
        fields.requests[1].textContent = perMinute(r.requestsPerMinute);
        fields.p50[1].textContent = r.p50Ms === null ? '—' : `≤ ${ms(r.p50Ms)}`;
        fields.p99[1].textContent = r.p99Ms === null ? '—' : `≤ ${ms(r.p99Ms)}`;
        fields.mean[1].textContent = ms(r.meanMs);
        chartBox.replaceChildren(chart(history));
      }
      updated.textContent = `Read at ${new Date(now.at).toLocaleTimeString()}`;
    } catch (error) {
      updated.textContent = String(error instanceof Error ? error.message : error);
    }
    window.setTimeout(() => void tick(), POLL_MS); // the next reading first checks the page is still shown
  };
  await tick();
  return root;
}

export const pages: Page[] = [
  { route: 'activity', title: 'Activity', nav: 'Activity', render },
];
