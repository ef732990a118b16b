// The console's calls: each one a SigV4-signed request of a public API the command line also uses, to this origin.
import { Credentials, sign, UnsignedRequest } from './sigv4';

/** An API's error, as the API reported it. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

async function send(request: UnsignedRequest, credentials: Credentials, service: string): Promise<Response> {
  const headers = await sign(request, credentials, service);
  const query = request.query ? '?' + new URLSearchParams(request.query).toString() : '';
  return fetch(request.path + query, {
    method: request.method,
    headers,
    body: request.method === 'GET' ? undefined : request.body,
    credentials: 'omit',
    cache: 'no-store',
  });
}

function unsigned(method: string, path: string, headers: Record<string, string>, body: string): UnsignedRequest {
  return { method, host: location.host, path, headers, body };
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('xml') || text.trimStart().startsWith('<')) {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const code = doc.querySelector('Error > Code')?.textContent;
    const message = doc.querySelector('Error > Message')?.textContent;
    if (code) return new ApiError(code, message ?? '', response.status);
  }
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const raw = response.headers.get('x-amzn-errortype') ?? String(json['__type'] ?? json['code'] ?? '');
    const code = raw.split(':')[0].split('#').pop() ?? '';
    const message = String(json['message'] ?? json['Message'] ?? '');
    if (code) return new ApiError(code, message, response.status);
  } catch {
    // not JSON: reported below as it came
  }
  return new ApiError(`HTTP ${response.status}`, text.slice(0, 500), response.status);
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** STS GetCallerIdentity (query protocol). */
export async function getCallerIdentity(credentials: Credentials): Promise<CallerIdentity> {
  const response = await send(unsigned('POST', '/', {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  }, 'Action=GetCallerIdentity&Version=2011-06-15'), credentials, 'sts');
  if (!response.ok) throw await failure(response);
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const field = (name: string) => doc.getElementsByTagName(name)[0]?.textContent ?? '';
  return { account: field('Account'), arn: field('Arn'), userId: field('UserId') };
}

async function awsJson(credentials: Credentials, service: string, target: string, input: unknown): Promise<unknown> {
  const response = await send(unsigned('POST', '/', {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': target,
  }, JSON.stringify(input)), credentials, service);
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** GameLift ListFleets (awsJson1_1), every page. */
export async function listFleets(credentials: Credentials): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined;
  do {
    const page = await awsJson(credentials, 'gamelift', 'GameLift.ListFleets',
      next ? { NextToken: next } : {}) as { FleetIds?: string[]; NextToken?: string };
    ids.push(...(page.FleetIds ?? []));
    next = page.NextToken;
  } while (next);
  return ids;
}

export interface Domain {
  name: string;
  owner: string;
  status: string;
  createdTime?: number;
}

/** CodeArtifact ListDomains (restJson: POST /v1/domains), every page. */
export async function listDomains(credentials: Credentials): Promise<Domain[]> {
  const domains: Domain[] = [];
  let next: string | undefined;
  do {
    const response = await send(unsigned('POST', '/v1/domains', { 'content-type': 'application/json' },
      JSON.stringify(next ? { nextToken: next } : {})), credentials, 'codeartifact');
    if (!response.ok) throw await failure(response);
    const page = await response.json() as { domains?: Domain[]; nextToken?: string };
    domains.push(...(page.domains ?? []));
    next = page.nextToken;
  } while (next);
  return domains;
}
