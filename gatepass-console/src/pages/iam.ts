// The IAM pages: users (access keys, inline policies), roles (trust policy), inline policies and their editor, and
// the token signing keys (Gatepass's own API). Each page is a Page: see router.ts. Every call is a signed API call.
import {
  AccessKey, createAccessKey, createUser, deleteAccessKey, deleteInlinePolicy, getAccessKeyLastUsed,
  getInlinePolicy, getRole, getUser, listAccessKeys, listInlinePolicies, listRoles, listTokenKeys, listUsers, Owner,
  putInlinePolicy, rotateTokenKeys, TokenKeyRing, updateAccessKey,
} from '../api/iam';
import { Page, PageContext, segment } from '../router';
import { act, button, confirmAction, copyable, describe, h, instant, link, status, table } from '../ui';
import { checkPolicy, pretty, Problem } from './policy-check';

/** The IAM area's own tabs, above each of its pages. */
function tabs(current: string): HTMLElement {
  const items: [string, string][] = [['iam/users', 'Users'], ['iam/roles', 'Roles'], ['iam/policies', 'Policies'],
    ['iam/policy-editor', 'Policy editor'], ['iam/token-keys', 'Token keys']];
  return h('nav', { class: 'tabs', 'aria-label': 'IAM' }, h('ul', {}, ...items.map(([route, text]) =>
    h('li', {}, h('a', { href: '#/' + route, 'aria-current': route === current ? 'page' : false }, text)))));
}

function details(id: string, rows: [string, Node | string][]): HTMLDListElement {
  return h('dl', { class: 'identity', id }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** An ISO date from XML ('2026-12-06T16:40:00.123Z') to the second, readable: '2026-12-06 16:40:00Z'. */
function date(text: string): string {
  return text ? text.replace(/\.\d+Z$/, 'Z').replace('T', ' ') : '';
}

/** Epoch seconds (restJson), as date() shows them, in a cell that does not wrap. */
function time(seconds: number | undefined): HTMLElement {
  return h('span', { class: 'time' }, date(instant(seconds)));
}

function policyRoute(owner: Owner, policyName: string): string {
  return `iam/policies/${owner.kind}/${segment(owner.name)}/${segment(policyName)}`;
}

/** The inline policies of a user or role: names linking to their documents, and a link to add one. */
async function inlinePolicies(context: PageContext, owner: Owner): Promise<Node> {
  const names = await listInlinePolicies(context.credentials, owner);
  return h('div', {},
    h('h3', { id: 'inline-policies-title' }, 'Inline policies'),
    status('inline-policies-status', names.length === 0 ? 'No inline policies.' : `${names.length} shown.`),
    table('inline-policies', 'inline-policies-title', [
      { heading: 'Policy name', cell: (name: string) => link(policyRoute(owner, name), name) },
    ], names),
    h('p', {}, link(`iam/policy-editor/${owner.kind}/${segment(owner.name)}`, 'Add an inline policy')));
}

// ---------------------------------------------------------------------------------------------------------------- users

async function usersPage(context: PageContext): Promise<Node> {
  const users = await listUsers(context.credentials);
  const nameInput = h('input', { id: 'new-user-name', name: 'userName', required: true, spellcheck: 'false',
    autocapitalize: 'off' });
  const form = h('form', { id: 'create-user-form', class: 'inline-form' },
    h('label', { for: 'new-user-name' }, 'New user name'), nameInput,
    h('button', { type: 'submit', id: 'create-user' }, 'Create user'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    createUser(context.credentials, name).then(() => context.navigate('iam/users/' + segment(name)),
      (error) => context.showError(error));
  });
  return h('div', { id: 'iam-users' }, tabs('iam/users'),
    h('h3', { id: 'users-title' }, 'Users'),
    status('users-status', users.length === 0 ? 'No users.' : `${users.length} shown.`),
    table('users', 'users-title', [
      { heading: 'User name', cell: (u) => link('iam/users/' + segment(u.userName), u.userName) },
      { heading: 'ARN', cell: (u) => u.arn },
      { heading: 'Created', cell: (u) => date(u.createDate) },
    ], users),
    form);
}

/** The panel that shows a new key's secret, once. The secret lives only in this element and is gone with it. */
function secretPanel(key: { accessKeyId: string; secretAccessKey: string }, done: () => void): HTMLElement {
  const panel = h('section', { id: 'new-key', class: 'secret-panel', 'aria-labelledby': 'new-key-title' },
    h('h3', { id: 'new-key-title', tabindex: '-1' }, 'New access key'),
    h('p', { class: 'warning', id: 'new-key-warning' }, 'Copy the secret access key now: you will not see it again. ',
      'Gatepass keeps only an encrypted copy, and this page forgets it when you leave or press Done.'),
    h('p', { class: 'label' }, 'Access key ID'), copyable('new-key-id', key.accessKeyId),
    h('p', { class: 'label' }, 'Secret access key'), copyable('new-key-secret', key.secretAccessKey));
  panel.append(button('new-key-done', 'Done', () => {
    panel.remove();
    done();
  }));
  return panel;
}

/** Whether this server records when keys were last used: unknown (null) until GetAccessKeyLastUsed was asked once. */
let lastUsedRecorded: boolean | null = null;

async function accessKeysTable(context: PageContext, userName: string): Promise<HTMLElement> {
  const keys = await listAccessKeys(context.credentials, userName);
  const lastUsed = new Map<string, string>();
  for (const key of keys) { // the server may not record it (GetAccessKeyLastUsed unknown): asked once, then said so
    if (lastUsedRecorded === false) break;
    const used = await getAccessKeyLastUsed(context.credentials, key.accessKeyId);
    lastUsedRecorded = used !== null;
    if (used) lastUsed.set(key.accessKeyId, used.date ? `${date(used.date)} (${used.service}, ${used.region})` : 'Never');
  }
  const lastUsedTracked = lastUsedRecorded !== false;
  const actions = (key: AccessKey): Node => {
    const active = key.status === 'Active';
    const toggle = button(`toggle-${key.accessKeyId}`, active ? 'Deactivate' : 'Activate', () => {
      const go = active ? confirmAction(`Deactivate access key ${key.accessKeyId}? Requests signed with it will be `
        + 'refused until it is activated again.', 'Deactivate') : Promise.resolve(true);
      void go.then((yes) => {
        if (yes) {
          void act(context, toggle, async () => {
            await updateAccessKey(context.credentials, userName, key.accessKeyId, active ? 'Inactive' : 'Active');
            await reload();
          });
        }
      });
    }, active ? 'danger' : 'primary');
    const remove = button(`delete-${key.accessKeyId}`, 'Delete', () => {
      void confirmAction(`Delete access key ${key.accessKeyId} of ${userName}? This cannot be undone.`).then((yes) => {
        if (yes) {
          void act(context, remove, async () => {
            await deleteAccessKey(context.credentials, userName, key.accessKeyId);
            await reload();
          });
        }
      });
    }, 'danger');
    toggle.setAttribute('aria-label', `${active ? 'Deactivate' : 'Activate'} ${key.accessKeyId}`);
    remove.setAttribute('aria-label', `Delete ${key.accessKeyId}`);
    return h('span', { class: 'row-actions' }, toggle, remove);
  };
  const container = h('div', { id: 'access-keys-section' },
    status('access-keys-status', (keys.length === 0 ? 'No access keys.' : `${keys.length} shown.`)
      + (lastUsedTracked ? '' : ' This server does not record when keys were last used.')),
    table('access-keys', 'access-keys-title', [
      { heading: 'Access key ID', cell: (k) => k.accessKeyId },
      { heading: 'Status', cell: (k) => h('span', { class: `state state-${k.status.toLowerCase()}` }, k.status) },
      { heading: 'Created', cell: (k) => date(k.createDate) },
      { heading: 'Last used', cell: (k) => lastUsedTracked ? lastUsed.get(k.accessKeyId) ?? '' : 'Not recorded' },
      { heading: 'Actions', cell: actions },
    ], keys));
  async function reload(): Promise<void> {
    context.showError(null);
    try {
      container.replaceWith(await accessKeysTable(context, userName));
    } catch (error) {
      context.showError(error);
    }
  }
  return container;
}

async function userPage(context: PageContext): Promise<Node> {
  const userName = context.params.user;
  const [user, keys, policies] = await Promise.all([getUser(context.credentials, userName),
    accessKeysTable(context, userName), inlinePolicies(context, { kind: 'user', name: userName })]);
  const slot = h('div', { id: 'new-key-slot' });
  const create = button('create-access-key', 'Create access key', () => {
    create.disabled = true;
    context.showError(null);
    createAccessKey(context.credentials, userName).then(async (key) => {
      slot.replaceChildren(secretPanel(key, () => {
        create.disabled = false;
        create.focus();
      }));
      (document.getElementById('new-key-title') as HTMLElement).focus();
      const current = document.getElementById('access-keys-section');
      current?.replaceWith(await accessKeysTable(context, userName));
    }).catch((error) => {
      create.disabled = false;
      context.showError(error);
    });
  });
  return h('div', { id: 'iam-user' }, tabs(''),
    details('user-details', [['User name', user.userName], ['ARN', user.arn], ['User ID', user.userId],
      ['Path', user.path], ['Created', date(user.createDate)]]),
    h('h3', { id: 'access-keys-title' }, 'Access keys'),
    h('p', { class: 'hint' }, 'A user has at most two access keys. The secret is shown once, when the key is created.'),
    h('div', { class: 'toolbar' }, create), slot, keys,
    policies,
    h('h3', {}, 'Groups and managed policies'),
    h('p', { class: 'hint', id: 'no-groups' }, 'Gatepass has no IAM groups or managed policies: a user\'s permissions '
      + 'are its inline policies.'));
}

// ---------------------------------------------------------------------------------------------------------------- roles

async function rolesPage(context: PageContext): Promise<Node> {
  const roles = await listRoles(context.credentials);
  return h('div', { id: 'iam-roles' }, tabs('iam/roles'),
    h('h3', { id: 'roles-title' }, 'Roles'),
    status('roles-status', roles.length === 0 ? 'No roles.' : `${roles.length} shown.`),
    table('roles', 'roles-title', [
      { heading: 'Role name', cell: (r) => link('iam/roles/' + segment(r.roleName), r.roleName) },
      { heading: 'Description', cell: (r) => r.description },
      { heading: 'Created', cell: (r) => date(r.createDate) },
    ], roles));
}

async function rolePage(context: PageContext): Promise<Node> {
  const roleName = context.params.role;
  const [role, policies] = await Promise.all([getRole(context.credentials, roleName),
    inlinePolicies(context, { kind: 'role', name: roleName })]);
  return h('div', { id: 'iam-role' }, tabs(''),
    details('role-details', [['Role name', role.roleName], ['ARN', role.arn], ['Role ID', role.roleId],
      ['Description', role.description], ['Maximum session', role.maxSessionDuration ? `${role.maxSessionDuration} s` : ''],
      ['Created', date(role.createDate)]]),
    h('h3', { id: 'trust-policy-title' }, 'Trust policy'),
    h('pre', { id: 'trust-policy', class: 'document', tabindex: '0', 'aria-labelledby': 'trust-policy-title' },
      pretty(role.trustPolicy)),
    policies);
}

// ------------------------------------------------------------------------------------------------------------- policies

interface PolicyRow { owner: Owner; policyName: string }

async function policiesPage(context: PageContext): Promise<Node> {
  const [users, roles] = await Promise.all([listUsers(context.credentials), listRoles(context.credentials)]);
  const owners: Owner[] = [...users.map((u) => ({ kind: 'user' as const, name: u.userName })),
    ...roles.map((r) => ({ kind: 'role' as const, name: r.roleName }))];
  const rows: PolicyRow[] = (await Promise.all(owners.map(async (owner) =>
    (await listInlinePolicies(context.credentials, owner)).map((policyName) => ({ owner, policyName }))))).flat();
  return h('div', { id: 'iam-policies' }, tabs('iam/policies'),
    h('p', { class: 'hint' }, 'Gatepass keeps policies inline, on a user or a role (it has no managed policies).'),
    h('h3', { id: 'policies-title' }, 'Inline policies'),
    status('policies-status', rows.length === 0 ? 'No inline policies.' : `${rows.length} shown.`),
    table('policies', 'policies-title', [
      { heading: 'Policy name', cell: (r) => link(policyRoute(r.owner, r.policyName), r.policyName) },
      { heading: 'On', cell: (r) => r.owner.kind === 'user' ? 'User' : 'Role' },
      { heading: 'Name', cell: (r) => link(`iam/${r.owner.kind}s/${segment(r.owner.name)}`, r.owner.name) },
    ], rows),
    h('p', {}, link('iam/policy-editor', 'Write a new inline policy')));
}

function ownerOf(context: PageContext): Owner {
  const kind = context.params.kind;
  if (kind !== 'user' && kind !== 'role') throw new Error(`No page for "${kind}" policies: user or role.`);
  return { kind, name: context.params.owner };
}

async function policyPage(context: PageContext): Promise<Node> {
  const owner = ownerOf(context);
  const policyName = context.params.policy;
  const document = await getInlinePolicy(context.credentials, owner, policyName);
  const remove = button('delete-policy', 'Delete policy', () => {
    void confirmAction(`Delete the inline policy ${policyName} of ${owner.kind} ${owner.name}?`).then((yes) => {
      if (yes) {
        deleteInlinePolicy(context.credentials, owner, policyName).then(
          () => context.navigate(`iam/${owner.kind}s/${segment(owner.name)}`), (e) => context.showError(e));
      }
    });
  }, 'danger');
  return h('div', { id: 'iam-policy' }, tabs(''),
    details('policy-details', [['Policy name', policyName], [owner.kind === 'user' ? 'User' : 'Role',
      link(`iam/${owner.kind}s/${segment(owner.name)}`, owner.name)]]),
    h('h3', { id: 'policy-document-title' }, 'Document'),
    h('pre', { id: 'policy-document', class: 'document', tabindex: '0', 'aria-labelledby': 'policy-document-title' },
      pretty(document)),
    h('div', { class: 'toolbar' },
      h('a', { class: 'button-link', id: 'edit-policy',
        href: `#/iam/policy-editor/${owner.kind}/${segment(owner.name)}/${segment(policyName)}` }, 'Edit'), remove));
}

// -------------------------------------------------------------------------------------------------------- policy editor

const EXAMPLE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["gamelift:ListFleets", "gamelift:DescribeFleetAttributes"],
      "Resource": "*"
    }
  ]
}`;

function problemItem(problem: Problem): HTMLLIElement {
  const where = problem.line ? `Line ${problem.line}, column ${problem.column}: ` : '';
  return h('li', { class: problem.warning ? 'problem-warning' : 'problem-error' },
    (problem.warning ? 'Warning: ' : '') + where + problem.message);
}

async function editorPage(context: PageContext): Promise<Node> {
  const kind = (context.params.kind ?? 'user') as Owner['kind'];
  const existing = context.params.policy;
  let text = EXAMPLE;
  if (existing && context.params.owner) {
    text = pretty(await getInlinePolicy(context.credentials, { kind, name: context.params.owner }, existing));
  }
  const kindSelect = h('select', { id: 'policy-owner-kind', name: 'kind' },
    h('option', { value: 'user', selected: kind === 'user' }, 'User'),
    h('option', { value: 'role', selected: kind === 'role' }, 'Role'));
  const ownerInput = h('input', { id: 'policy-owner', name: 'owner', required: true, spellcheck: 'false',
    autocapitalize: 'off', value: context.params.owner ?? '' });
  const nameInput = h('input', { id: 'policy-name', name: 'policyName', required: true, spellcheck: 'false',
    autocapitalize: 'off', value: existing ?? '' });
  const documentInput = h('textarea', { id: 'policy-document-input', name: 'document', rows: '12', cols: '80',
    spellcheck: 'false', autocapitalize: 'off', 'aria-describedby': 'policy-problems-status' });
  documentInput.value = text;
  const problemsStatus = h('p', { id: 'policy-problems-status', class: 'status', role: 'status' });
  const problemList = h('ul', { id: 'policy-problems', class: 'problems' });
  const serverError = h('p', { id: 'policy-server-error', class: 'error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', id: 'save-policy' }, 'Save policy');
  const check = () => {
    const problems = checkPolicy(documentInput.value);
    const errors = problems.filter((p) => !p.warning).length;
    problemList.replaceChildren(...problems.map(problemItem));
    problemsStatus.textContent = errors === 0
      ? (problems.length === 0 ? 'The document looks valid.' : 'The document looks valid, with warnings.')
      : `${errors} problem${errors === 1 ? '' : 's'} to fix before saving.`;
    problemsStatus.className = errors === 0 ? 'status ok' : 'status problem';
    documentInput.setAttribute('aria-invalid', errors === 0 ? 'false' : 'true');
    save.disabled = errors > 0;
  };
  documentInput.addEventListener('input', check);
  check();
  const form = h('form', { id: 'policy-form', class: 'editor' },
    h('label', { for: 'policy-owner-kind' }, 'Attach to'), kindSelect,
    h('label', { for: 'policy-owner' }, 'User or role name'), ownerInput,
    h('label', { for: 'policy-name' }, 'Policy name'), nameInput,
    h('label', { for: 'policy-document-input' }, 'Policy document (JSON)'), documentInput,
    problemsStatus, problemList, serverError, save);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check();
    if (save.disabled) return;
    serverError.hidden = true;
    save.disabled = true;
    const owner: Owner = { kind: kindSelect.value as Owner['kind'], name: ownerInput.value.trim() };
    const policyName = nameInput.value.trim();
    putInlinePolicy(context.credentials, owner, policyName, documentInput.value)
      .then(() => context.navigate(policyRoute(owner, policyName)), (error) => {
        serverError.textContent = `The server refused the policy: ${describe(error)}`;
        serverError.hidden = false;
        save.disabled = false;
        serverError.focus();
      });
  });
  serverError.tabIndex = -1;
  return h('div', { id: 'iam-policy-editor' }, tabs('iam/policy-editor'),
    h('p', { class: 'hint' }, 'Puts an inline policy on a user or role (PutUserPolicy, PutRolePolicy). The document '
      + 'is checked as you type; the server checks it again when you save.'),
    form);
}

// ----------------------------------------------------------------------------------------------------------- token keys

function ringTables(rings: TokenKeyRing[], added: Set<string>): HTMLElement {
  return h('div', { id: 'token-key-rings' }, ...rings.map((ring) => h('div', {},
    h('h3', { id: `ring-${ring.ring}-title` }, ring.ring === 'compute' ? 'Compute auth tokens (GameLift)'
      : ring.ring === 'repository' ? 'Repository tokens (CodeArtifact, published in the JWKS)' : ring.ring),
    table(`ring-${ring.ring}`, `ring-${ring.ring}-title`, [
      { heading: 'Key ID', cell: (k) => h('span', { class: added.has(k.keyId) ? 'new-key' : 'key' }, k.keyId,
        added.has(k.keyId) ? ' (new)' : '') },
      { heading: 'State', cell: (k) => h('span', { class: `state state-${k.state}` }, k.state) },
      { heading: 'Created', cell: (k) => time(k.createdAt) },
      { heading: 'Signs from', cell: (k) => time(k.signsFrom) },
      { heading: 'Verifies until', cell: (k) => k.verifiesUntil === undefined || k.verifiesUntil === null ? 'while newest' : time(k.verifiesUntil) },
    ], ring.keys))));
}

async function tokenKeysPage(context: PageContext): Promise<Node> {
  let rings = await listTokenKeys(context.credentials);
  let current = ringTables(rings, new Set());
  const outcome = status('rotate-status', '');
  const ringSelect = h('select', { id: 'rotate-ring' },
    h('option', { value: 'all' }, 'Both rings'), h('option', { value: 'compute' }, 'Compute tokens only'),
    h('option', { value: 'repository' }, 'Repository tokens only'));
  const rotate = button('rotate-token-keys', 'Rotate token keys', () => {
    const ring = ringSelect.value as 'all' | 'compute' | 'repository';
    void confirmAction('Add a new signing key' + (ring === 'all' ? ' to each ring' : ` to the ${ring} ring`) + '? '
      + 'It is published at once and signs once every live node has loaded it (at the latest in 5 minutes); old keys '
      + 'keep verifying until their tokens expire.', 'Rotate').then(async (yes) => {
      if (!yes) return;
      await act(context, rotate, async () => {
        const result = await rotateTokenKeys(context.credentials, ring);
        rings = result.rings;
        const next = ringTables(rings, new Set(result.rotated.map((k) => k.keyId)));
        current.replaceWith(next);
        current = next;
        outcome.textContent = result.rotated.map((k) => `Added ${k.ring} key ${k.keyId}; it signs once every live `
          + `node has loaded it, at the latest ${date(instant(k.signsAtLatest))}.`).join(' ');
      });
      rotate.focus();
    });
  }, 'danger');
  return h('div', { id: 'iam-token-keys' }, tabs('iam/token-keys'),
    h('p', { class: 'hint' }, 'Gatepass signs compute auth tokens and repository tokens with keys of its own, rotated on '
      + 'a schedule (--token-key-rotation). A key is "verifying" from the moment it is published, "signing" once '
      + 'every live node has loaded it, and "retiring" until the tokens it signed have expired. The repository '
      + 'keys\' public halves are at ', h('a', { href: '/.well-known/jwks.json' }, '/.well-known/jwks.json'), '.'),
    h('div', { class: 'toolbar' }, h('label', { for: 'rotate-ring' }, 'Rotate'), ringSelect, rotate),
    outcome, current);
}

export const pages: Page[] = [
  { route: 'iam/users', title: 'IAM users', nav: 'IAM', render: usersPage },
  { route: 'iam/users/:user', title: 'IAM user', render: userPage },
  { route: 'iam/roles', title: 'IAM roles', render: rolesPage },
  { route: 'iam/roles/:role', title: 'IAM role', render: rolePage },
  { route: 'iam/policies', title: 'IAM policies', render: policiesPage },
  { route: 'iam/policies/:kind/:owner/:policy', title: 'IAM inline policy', render: policyPage },
  { route: 'iam/policy-editor', title: 'Policy editor', render: editorPage },
  { route: 'iam/policy-editor/:kind/:owner', title: 'Policy editor', render: editorPage },
  { route: 'iam/policy-editor/:kind/:owner/:policy', title: 'Policy editor', render: editorPage },
  { route: 'iam/token-keys', title: 'Token keys', nav: 'Token keys', render: tokenKeysPage },
];
