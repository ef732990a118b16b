// AWS Signature Version 4 on WebCrypto (HMAC-SHA256 and SHA-256): the same signature the command line and the SDKs
// send, made in the browser so that the secret key never leaves it.

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
}

export interface UnsignedRequest {
  method: string;
  host: string; // what the browser will send as Host (location.host)
  path: string; // already URI-encoded
  query?: Record<string, string>;
  headers: Record<string, string>; // lower-case names
  body: string;
}

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(key: ArrayBuffer | Uint8Array, text: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' },
    false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(text));
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, spaces as %20. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function canonicalQuery(query: Record<string, string> | undefined): string {
  if (!query) return '';
  return Object.entries(query)
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** "20260102T030405Z" for a date. */
export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Returns the headers to send: the request's own headers plus x-amz-date, x-amz-security-token (temporary
 * credentials) and authorization. Host is signed but left to the browser to send.
 */
export async function sign(request: UnsignedRequest, credentials: Credentials, service: string,
                           now: Date = new Date()): Promise<Record<string, string>> {
  const timestamp = amzDate(now);
  const day = timestamp.slice(0, 8);
  const headers: Record<string, string> = { ...request.headers, 'x-amz-date': timestamp };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const signing: Record<string, string> = { ...headers, host: request.host };
  const names = Object.keys(signing).map((n) => n.toLowerCase()).sort();
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(signing)) lower[k.toLowerCase()] = v.trim().replace(/\s+/g, ' ');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method,
    request.path,
    canonicalQuery(request.query),
    names.map((n) => `${n}:${lower[n]}\n`).join(''),
    signedHeaders,
    await sha256Hex(request.body),
  ].join('\n');
  const scope = `${day}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', timestamp, scope, await sha256Hex(canonicalRequest)].join('\n');
  let key = await hmac(encoder.encode('AWS4' + credentials.secretAccessKey), day);
  key = await hmac(key, credentials.region);
  key = await hmac(key, service);
  key = await hmac(key, 'aws4_request');
  const signature = hex(await hmac(key, stringToSign));
  headers['authorization'] = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, `
    + `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
