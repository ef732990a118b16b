// The console: sign in (keys kept in this tab's sessionStorage only), then pages reached by hash routes, every call
// signed. Pages live in pages/<area>.ts; this file only signs in and out, builds the navigation and shows a route.
import './style.css';
import { getCallerIdentity } from './api/sts';
import { pages as codeArtifactPages } from './pages/codeartifact';
import { pages as gameLiftPages } from './pages/gamelift';
import { pages as iamPages } from './pages/iam';
import { pages as metricsPages } from './pages/metrics';
import { pages as overviewPages } from './pages/overview';
import { match, Page } from './router';
import { Credentials } from './sigv4';
import { describe, h } from './ui';

const STORAGE_KEY = 'gatepass.console.credentials';
const PAGES: Page[] = [...overviewPages, ...gameLiftPages, ...codeArtifactPages, ...iamPages, ...metricsPages];

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
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

let rendering = 0; // the newest render wins when routes change faster than pages load

async function showRoute(credentials: Credentials): Promise<void> {
  const generation = ++rendering;
  const view = element<HTMLElement>('view');
  const title = element<HTMLHeadingElement>('view-title');
  const found = match(PAGES, location.hash);
  for (const a of element('nav').querySelectorAll('a')) {
    if (a.getAttribute('href') === (location.hash || '#/')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!found) {
    title.textContent = 'Not found';
    view.replaceChildren(h('p', { class: 'status', role: 'status' }, `No page at ${location.hash}.`));
    return;
  }
  title.textContent = found.page.title;
  document.title = `${found.page.title} · Gatepass console`;
  view.replaceChildren(h('p', { class: 'status', role: 'status' }, 'Loading…'));
  let content: Node;
  try {
    content = await found.page.render({
      credentials,
      params: found.params,
      navigate: (route) => { location.hash = '#/' + route; },
      refresh: () => void showRoute(credentials),
      showError,
    });
  } catch (error) {
    content = h('p', { id: 'page-error', class: 'error', role: 'alert' }, describe(error));
  }
  if (generation !== rendering) return;
  view.replaceChildren(content);
}

function buildNav(): void {
  element('nav').replaceChildren(h('ul', {}, ...PAGES.filter((p) => p.nav).map((p) =>
    h('li', {}, h('a', { href: '#/' + p.route }, p.nav!)))));
}

async function showApp(credentials: Credentials): Promise<void> {
  const identity = await getCallerIdentity(credentials);
  element('who-arn').textContent = identity.arn;
  element('who').hidden = false;
  element('sign-in').hidden = true;
  element('nav').hidden = false;
  element('app').hidden = false;
  window.onhashchange = () => {
    showError(null);
    void showRoute(credentials);
  };
  await showRoute(credentials);
  element<HTMLHeadingElement>('view-title').focus();
}

function showSignIn(): void {
  rendering++;
  window.onhashchange = null;
  element('who').hidden = true;
  element('nav').hidden = true;
  element('app').hidden = true;
  element('sign-in').hidden = false;
  element('who-arn').textContent = '';
  element('view').replaceChildren();
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
    await showApp(credentials);
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
  buildNav();
  element<HTMLHeadingElement>('view-title').tabIndex = -1;
  element<HTMLFormElement>('sign-in-form').addEventListener('submit', (e) => void signIn(e as SubmitEvent));
  element<HTMLButtonElement>('sign-out').addEventListener('click', signOut);
  if (!window.isSecureContext || !crypto.subtle) {
    showError('This page needs a secure context to sign requests: open it over https, or at localhost/127.0.0.1.');
    element<HTMLButtonElement>('sign-in-button').disabled = true;
    return;
  }
  const credentials = stored();
  if (credentials) {
    showApp(credentials).catch((error) => {
      sessionStorage.removeItem(STORAGE_KEY);
      showSignIn();
      showError(error);
    });
  }
}

start();
