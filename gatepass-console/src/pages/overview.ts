// The overview: who is signed in, the fleets and the domains at a glance.
import { listDomains } from '../api/codeartifact';
import { listFleets } from '../api/gamelift';
import { getCallerIdentity } from '../api/sts';
import { Page } from '../router';
import { describe, h, instant, status, table } from '../ui';

async function section<R>(name: string, title: string, load: () => Promise<R[]>,
                          columns: { heading: string; cell: (row: R) => Node | string }[], empty: string)
  : Promise<Node> {
  try {
    const rows = await load();
    return h('div', {}, h('h3', { id: `${name}-title` }, title),
      status(`${name}-status`, rows.length === 0 ? empty : `${rows.length} shown.`),
      table(name, `${name}-title`, columns, rows));
  } catch (error) {
    return h('div', {}, h('h3', { id: `${name}-title` }, title), status(`${name}-status`, describe(error)),
      table(name, `${name}-title`, columns, []));
  }
}

export const pages: Page[] = [{
  route: '',
  title: 'Overview',
  nav: 'Overview',
  render: async ({ credentials }) => {
    const [identity, fleets, domains] = await Promise.all([
      getCallerIdentity(credentials),
      section('fleets', 'GameLift fleets', () => listFleets(credentials),
        [{ heading: 'Fleet ID', cell: (id: string) => h('a', { href: `#/fleets/${encodeURIComponent(id)}` }, id) }],
        'No fleets.'),
      section('domains', 'CodeArtifact domains', () => listDomains(credentials), [
        { heading: 'Name', cell: (d) => h('a', { href: `#/domains/${encodeURIComponent(d.name)}` }, d.name) },
        { heading: 'Owner', cell: (d) => d.owner },
        { heading: 'Status', cell: (d) => d.status },
        { heading: 'Created', cell: (d) => instant(d.createdTime) },
      ], 'No domains.'),
    ]);
    return h('div', { id: 'overview' },
      h('dl', { class: 'identity' },
        h('dt', {}, 'Account'), h('dd', { id: 'identity-account' }, identity.account),
        h('dt', {}, 'ARN'), h('dd', { id: 'identity-arn' }, identity.arn),
        h('dt', {}, 'User ID'), h('dd', { id: 'identity-user' }, identity.userId)),
      fleets, domains);
  },
}];
