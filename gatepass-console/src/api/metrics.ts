// The server's own metrics: Prometheus text from GET /metrics on this origin (public on the server by design, the
// Prometheus convention; the console reads it only once signed in), taken apart into the few numbers the Activity
// page shows.

/** One sample line: metric name, labels and value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text exposition format (comment lines skipped). */
export function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
    for (let m = labelPattern.exec(match[2] ?? ''); m; m = labelPattern.exec(match[2] ?? '')) {
      labels[m[1]] = m[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The counters the Activity page compares between two scrapes. */
export interface Snapshot {
  at: number;
  /** GetComputeAuthToken calls answered with a token. */
  computeTokens: number;
  /** GetAuthorizationToken calls answered with a token. */
  repositoryTokens: number;
  /** Token presentations refused: SDK and agent websocket handshakes, package endpoint 401s. */
  refused: number;
  /** API requests in all, their summed seconds, and the cumulative latency histogram (upper bound → count). */
  requests: number;
  seconds: number;
  buckets: Map<number, number>;
}

const sum = (samples: Sample[], test: (s: Sample) => boolean) =>
  samples.filter(test).reduce((total, s) => total + s.value, 0);

export function snapshot(samples: Sample[], at: number): Snapshot {
  const minted = (operation: string) => sum(samples, (s) => s.name === 'gatepass_requests_seconds_count'
    && s.labels.operation === operation && s.labels.outcome === 'success');
  const buckets = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== 'gatepass_requests_seconds_bucket') continue;
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    buckets.set(le, (buckets.get(le) ?? 0) + s.value);
  }
  return {
    at,
    computeTokens: minted('GetComputeAuthToken'),
    repositoryTokens: minted('GetAuthorizationToken'),
    refused: sum(samples, (s) => s.name === 'gatepass_sdk_handshake_refusals_total'
      || s.name === 'gatepass_agent_handshake_refusals_total'
      || s.name === 'gatepass_packages_token_refusals_total'),
    requests: sum(samples, (s) => s.name === 'gatepass_requests_seconds_count'),
    seconds: sum(samples, (s) => s.name === 'gatepass_requests_seconds_sum'),
    buckets,
  };
}

/** Reads /metrics now. */
export async function scrape(): Promise<Snapshot> {
  const response = await fetch('/metrics', { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return snapshot(parse(await response.text()), Date.now());
}

/** What changed between two scrapes, per minute (the plain change when they are less than a minute apart); latency over the requests between them (null when there were none). */
export interface Rates {
  computeTokensPerMinute: number;
  repositoryTokensPerMinute: number;
  refusedPerMinute: number;
  requestsPerMinute: number;
  /** Mean latency in ms: Δsum / Δcount. */
  meanMs: number | null;
  /** p50 and p99 in ms: the upper bound of the histogram bucket the quantile falls in (Δ buckets). */
  p50Ms: number | null;
  p99Ms: number | null;
}

export function rates(before: Snapshot, after: Snapshot): Rates {
  // a window shorter than a minute is not extrapolated: the rate is then what happened in it
  const minutes = Math.max((after.at - before.at) / 60_000, 1);
  const perMinute = (key: 'computeTokens' | 'repositoryTokens' | 'refused' | 'requests') =>
    Math.max(after[key] - before[key], 0) / minutes;
  const count = after.requests - before.requests;
  const quantile = (q: number): number | null => {
    if (count <= 0) return null;
    const bounds = [...after.buckets.keys()].sort((a, b) => a - b);
    for (const bound of bounds) {
      const delta = (after.buckets.get(bound) ?? 0) - (before.buckets.get(bound) ?? 0);
      if (delta >= q * count) return bound === Infinity ? null : bound * 1000;
    }
    return null;
  };
  return {
    computeTokensPerMinute: perMinute('computeTokens'),
    repositoryTokensPerMinute: perMinute('repositoryTokens'),
    refusedPerMinute: perMinute('refused'),
    requestsPerMinute: perMinute('requests'),
    meanMs: count > 0 ? ((after.seconds - before.seconds) / count) * 1000 : null,
    p50Ms: quantile(0.5),
    p99Ms: quantile(0.99),
  };
}
