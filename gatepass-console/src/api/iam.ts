// IAM (query protocol) and Gatepass's own token key API (restJson under /gatepass/v1/, signed for "gatepass").
import { Credentials } from '../sigv4';
import { allPages, ApiError, queryCall, restJson, xmlText } from './client';

const VERSION = '2010-05-08';

function iam(credentials: Credentials, action: string, params: Record<string, string> = {}): Promise<Document> {
  return queryCall(credentials, 'iam', action, VERSION, params);
}

/** Every page of a marker-paged IAM listing: `read` takes the items out of one answer. */
async function listAll<T>(credentials: Credentials, action: string, params: Record<string, string>,
                          read: (doc: Document) => T[]): Promise<T[]> {
  const pages = await allPages((marker) => iam(credentials, action, marker ? { ...params, Marker: marker } : params),
    (doc) => xmlText(doc, 'IsTruncated') === 'true' ? xmlText(doc, 'Marker') : undefined);
  return pages.flatMap(read);
}

function members(doc: Document, list: string): Element[] {
  const container = doc.getElementsByTagName(list)[0];
  return container ? Array.from(container.children).filter((e) => e.localName === 'member') : [];
}

/** A policy document as IAM answers it: URL-encoded on the wire (as AWS does), plain text here. */
function policyText(raw: string): string {
  if (!raw.trimStart().startsWith('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export interface User { userName: string; userId: string; arn: string; path: string; createDate: string }
export interface Role extends Omit<User, 'userName' | 'userId'> {
  roleName: string; roleId: string; description: string; trustPolicy: string; maxSessionDuration: string;
}
export interface AccessKey { accessKeyId: string; status: string; createDate: string; userName: string }
export interface NewAccessKey extends AccessKey { secretAccessKey: string }
export interface LastUsed { date: string; service: string; region: string }

function user(e: Element): User {
  return { userName: xmlText(e, 'UserName'), userId: xmlText(e, 'UserId'), arn: xmlText(e, 'Arn'),
    path: xmlText(e, 'Path'), createDate: xmlText(e, 'CreateDate') };
}

function role(e: Element): Role {
  return { roleName: xmlText(e, 'RoleName'), roleId: xmlText(e, 'RoleId'), arn: xmlText(e, 'Arn'),
    path: xmlText(e, 'Path'), createDate: xmlText(e, 'CreateDate'), description: xmlText(e, 'Description'),
    trustPolicy: policyText(xmlText(e, 'AssumeRolePolicyDocument')),
    maxSessionDuration: xmlText(e, 'MaxSessionDuration') };
}

export const listUsers = (c: Credentials) => listAll(c, 'ListUsers', {}, (d) => members(d, 'Users').map(user));
export const getUser = async (c: Credentials, userName: string) =>
  user((await iam(c, 'GetUser', { UserName: userName })).getElementsByTagName('User')[0]);
export const createUser = async (c: Credentials, userName: string) =>
  user((await iam(c, 'CreateUser', { UserName: userName })).getElementsByTagName('User')[0]);

export const listAccessKeys = (c: Credentials, userName: string) =>
  listAll(c, 'ListAccessKeys', { UserName: userName }, (d) => members(d, 'AccessKeyMetadata').map((e) => ({
    accessKeyId: xmlText(e, 'AccessKeyId'), status: xmlText(e, 'Status'), createDate: xmlText(e, 'CreateDate'),
    userName: xmlText(e, 'UserName'),
  })));

/** CreateAccessKey: the only answer that carries the secret. The caller shows it once and keeps it nowhere. */
export async function createAccessKey(c: Credentials, userName: string): Promise<NewAccessKey> {
  const doc = await iam(c, 'CreateAccessKey', { UserName: userName });
  return { accessKeyId: xmlText(doc, 'AccessKeyId'), secretAccessKey: xmlText(doc, 'SecretAccessKey'),
    status: xmlText(doc, 'Status'), createDate: xmlText(doc, 'CreateDate'), userName: xmlText(doc, 'UserName') };
}

export const updateAccessKey = (c: Credentials, userName: string, accessKeyId: string, status: 'Active' | 'Inactive') =>
  iam(c, 'UpdateAccessKey', { UserName: userName, AccessKeyId: accessKeyId, Status: status });
export const deleteAccessKey = (c: Credentials, userName: string, accessKeyId: string) =>
  iam(c, 'DeleteAccessKey', { UserName: userName, AccessKeyId: accessKeyId });

/**
 * GetAccessKeyLastUsed, or null when this server does not record when keys were last used (it answers the action
 * as unknown): the page then says so instead of showing an error.
 */
export async function getAccessKeyLastUsed(c: Credentials, accessKeyId: string): Promise<LastUsed | null> {
  try {
    const doc = await iam(c, 'GetAccessKeyLastUsed', { AccessKeyId: accessKeyId });
    return { date: xmlText(doc, 'LastUsedDate'), service: xmlText(doc, 'ServiceName'), region: xmlText(doc, 'Region') };
  } catch (error) {
    if (error instanceof ApiError && ['InvalidAction', 'UnknownOperation', 'UnknownOperationException']
      .includes(error.code)) return null;
    throw error;
  }
}

export const listRoles = (c: Credentials) => listAll(c, 'ListRoles', {}, (d) => members(d, 'Roles').map(role));
export const getRole = async (c: Credentials, roleName: string) =>
  role((await iam(c, 'GetRole', { RoleName: roleName })).getElementsByTagName('Role')[0]);

/** The owner of inline policies: a user or a role. */
export type Owner = { kind: 'user' | 'role'; name: string };
const OWNER = { user: ['UserName', 'User'], role: ['RoleName', 'Role'] } as const;

export const listInlinePolicies = (c: Credentials, owner: Owner) =>
  listAll(c, `List${OWNER[owner.kind][1]}Policies`, { [OWNER[owner.kind][0]]: owner.name },
    (d) => members(d, 'PolicyNames').map((e) => e.textContent ?? ''));
export async function getInlinePolicy(c: Credentials, owner: Owner, policyName: string): Promise<string> {
  const doc = await iam(c, `Get${OWNER[owner.kind][1]}Policy`,
    { [OWNER[owner.kind][0]]: owner.name, PolicyName: policyName });
  return policyText(xmlText(doc, 'PolicyDocument'));
}
export const putInlinePolicy = (c: Credentials, owner: Owner, policyName: string, document: string) =>
  iam(c, `Put${OWNER[owner.kind][1]}Policy`,
    { [OWNER[owner.kind][0]]: owner.name, PolicyName: policyName, PolicyDocument: document });
export const deleteInlinePolicy = (c: Credentials, owner: Owner, policyName: string) =>
  iam(c, `Delete${OWNER[owner.kind][1]}Policy`, { [OWNER[owner.kind][0]]: owner.name, PolicyName: policyName });

// Token keys: Gatepass's own API (no AWS API covers them), authorized as gatepass:ListTokenKeys / RotateTokenKeys.
export interface TokenKey {
  keyId: string; state: 'signing' | 'verifying' | 'retiring'; createdAt: number; signsFrom: number;
  verifiesUntil?: number;
}
export interface TokenKeyRing { ring: string; purpose: string; keys: TokenKey[] }
export interface RotatedKey { ring: string; keyId: string; createdAt: number; signsAtLatest: number }

export async function listTokenKeys(c: Credentials): Promise<TokenKeyRing[]> {
  return (await restJson<{ rings: TokenKeyRing[] }>(c, 'gatepass', 'GET', '/gatepass/v1/token-keys')).rings;
}

export async function rotateTokenKeys(c: Credentials, ring: 'compute' | 'repository' | 'all')
  : Promise<{ rotated: RotatedKey[]; rings: TokenKeyRing[] }> {
  return await restJson(c, 'gatepass', 'POST', '/gatepass/v1/token-keys/rotate', undefined, { ring });
}
