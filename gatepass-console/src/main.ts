// The console page: sign in (keys kept in this tab's sessionStorage only), then the overview, every call signed.
import './style.css';
import { ApiError, getCallerIdentity, listDomains, listFleets } from './api';
import { Credentials } from './sigv4';

const STORAGE_KEY = 'gatepass.console.credentials';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message ? `${error.code}: ${error.message}` : error.code;
  if (error instanceof TypeError) return `The server could not be reached (${error.message}).`;
  return String(error);
}

function showError(error: unknown | null): void {
  const box = element<HTMLParagraphElement>('error');
  box.textContent = error === null ? '' : describe(error);
  box.hidden = error === null;
}

function stored(): Credentials | null {
  const text = sessionStorage.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as Credentials;
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

function fillRows(table: HTMLTableElement, rows: string[][]): void {
  const body = table.tBodies[0];
  body.replaceChildren(...rows.map((cells) => {
    const row = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      td.textContent = cell;
      row.append(td);
    }
    return row;
  }));
}

async function loadTable(name: string, load: () => Promise<string[][]>, empty: string): Promise<void> {
  const status = element<HTMLParagraphElement>(`${name}-status`);
  const table = element<HTMLTableElement>(name);
  status.textContent = 'Loading…';
  try {
    const rows = await load();
    fillRows(table, rows);
    status.textContent = rows.length === 0 ? empty : `${rows.length} shown.`;
  } catch (error) {
    fillRows(table, []);
    status.textContent = describe(error);
  }
}

async function showOverview(credentials: Credentials): Promise<void> {
  const identity = await getCallerIdentity(credentials);
  element('identity-account').textContent = identity.account;
  element('identity-arn').textContent = identity.arn;
  element('identity-user').textContent = identity.userId;
  element('who-arn').textContent = identity.arn;
  element('who').hidden = false;
  element('sign-in').hidden = true;
  element('overview').hidden = false;
  element<HTMLHeadingElement>('overview-title').focus();
  await Promise.all([
    loadTable('fleets', async () => (await listFleets(credentials)).map((id) => [id]), 'No fleets.'),
    loadTable('domains', async () => (await listDomains(credentials)).map((d) => [
      d.name, d.owner, d.status, d.createdTime ? new Date(d.createdTime * 1000).toISOString() : '',
    ]), 'No domains.'),
  ]);
}

function showSignIn(): void {
  element('who').hidden = true;
  element('overview').hidden = true;
  element('sign-in').hidden = false;
  for (const id of ['identity-account', 'identity-arn', 'identity-user', 'who-arn']) element(id).textContent = '';
  fillRows(element('fleets'), []);
  fillRows(element('domains'), []);
}

async function signIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const credentials: Credentials = {
    accessKeyId: value('accessKeyId'),
    secretAccessKey: value('secretAccessKey'),
    sessionToken: value('sessionToken') || undefined,
    region: value('region') || 'us-west-2',
  };
  const button = element<HTMLButtonElement>('sign-in-button');
  button.disabled = true;
  showError(null);
  try {
    await getCallerIdentity(credentials); // the keys work before anything is kept
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(credentials));
    element<HTMLInputElement>('secret-access-key').value = '';
    element<HTMLInputElement>('session-token').value = '';
    await showOverview(credentials);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  showError(null);
  showSignIn();
  element<HTMLInputElement>('access-key-id').focus();
}

function start(): void {
  element<HTMLHeadingElement>('overview-title').tabIndex = -1;
  element<HTMLFormElement>('sign-in-form').addEventListener('submit', (e) => void signIn(e as SubmitEvent));
  element<HTMLButtonElement>('sign-out').addEventListener('click', signOut);
  if (!window.isSecureContext || !crypto.subtle) {
    showError('This page needs a secure context to sign requests: open it over https, or at localhost/127.0.0.1.');
    element<HTMLButtonElement>('sign-in-button').disabled = true;
    return;
  }
  const credentials = stored();
  if (credentials) {
    showOverview(credentials).catch((error) => {
      sessionStorage.removeItem(STORAGE_KEY);
      showSignIn();
      showError(error);
    });
  }
}

start();
