// The console's transport: each call a SigV4-signed request of a public API the command line also uses, sent to this
// origin. Area modules (gamelift.ts, codeartifact.ts, iam.ts, …) build on the three protocol helpers below.
import { Credentials, sign, UnsignedRequest } from '../sigv4';

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
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
    credentials: 'omit',
    cache: 'no-store',
  });
}

function unsigned(method: string, path: string, headers: Record<string, string>, body: string,
                  query?: Record<string, string>): UnsignedRequest {
  return { method, host: location.host, path, query, headers, body };
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

/** An awsJson1_0/1_1 call (GameLift): POST / with X-Amz-Target. */
export async function awsJson<T>(credentials: Credentials, service: string, target: string, input: unknown,
                                 version = '1.1'): Promise<T> {
  const response = await send(unsigned('POST', '/', {
    'content-type': `application/x-amz-json-${version}`,
    'x-amz-target': target,
  }, JSON.stringify(input ?? {})), credentials, service);
  if (!response.ok) throw await failure(response);
  return await response.json() as T;
}

/**
 * A restJson1 call (CodeArtifact): method, path (already URI-encoded), query parameters and an optional JSON body.
 * Answers the parsed JSON, or null for an empty body.
 */
export async function restJson<T>(credentials: Credentials, service: string, method: string, path: string,
                                  query?: Record<string, string>, body?: unknown): Promise<T> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  const response = await send(unsigned(method, path, headers, body === undefined ? '' : JSON.stringify(body), query),
    credentials, service);
  if (!response.ok) throw await failure(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** A query-protocol call (IAM, STS): POST / with a form body; answers the XML document. */
export async function queryCall(credentials: Credentials, service: string, action: string, version: string,
                                params: Record<string, string> = {}): Promise<Document> {
  const form = new URLSearchParams({ Action: action, Version: version, ...params });
  const response = await send(unsigned('POST', '/', {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  }, form.toString()), credentials, service);
  if (!response.ok) throw await failure(response);
  return new DOMParser().parseFromString(await response.text(), 'application/xml');
}

/** The text of the first element named `name` under `node` ('' when absent). */
export function xmlText(node: ParentNode, name: string): string {
  return (node as Element | Document).getElementsByTagName(name)[0]?.textContent ?? '';
}

/** Every page of a paginated call: `next` reads a page's token, `call` fetches the page for a token. */
export async function allPages<P>(call: (token?: string) => Promise<P>, next: (page: P) => string | undefined)
  : Promise<P[]> {
  const pages: P[] = [];
  let token: string | undefined;
  do {
    const page = await call(token);
    pages.push(page);
    token = next(page) || undefined;
  } while (token);
  return pages;
}
