// The CodeArtifact pages: domains → a domain's repositories → a repository (endpoints, login commands, packages) →
// a package's versions. Every call is the public CodeArtifact API, signed; its errors are shown as the API said them.
import {
  createDomain, createRepository, deleteDomain, deleteRepository, describeDomain, describePackage,
  describePackageVersion, describeRepository, DomainDescription, getRepositoryEndpoint, listDomains, listPackages,
  listPackageVersions, listRepositoriesInDomain, OriginConfiguration, PackageRef, PackageSummary, SERVED_FORMATS,
} from '../api/codeartifact';
import { Page, PageContext, segment } from '../router';
import {
  act, button, confirmAction, copyable, describe, focusHeading, h, instant, link, status, table,
} from '../ui';

const domainRoute = (domain: string) => `domains/${segment(domain)}`;
const repositoryRoute = (domain: string, repository: string) =>
  `${domainRoute(domain)}/repositories/${segment(repository)}`;
const packageRoute = (ref: PackageRef) => `${repositoryRoute(ref.domain, ref.repository)}/packages/`
  + `${segment(ref.format)}/${ref.namespace ? segment(ref.namespace) + '/' : ''}${segment(ref.package)}`;

/** A byte count as people read it, with the exact number: "1.2 MB (1234567 bytes)". */
function size(bytes: number | undefined): string {
  if (bytes === undefined || bytes === null) return '';
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}

/** A definition list of facts: [label, id, value]. */
function facts(...rows: [string, string, Node | string][]): HTMLDListElement {
  return h('dl', { class: 'facts' }, ...rows.flatMap(([label, id, value]) =>
    [h('dt', {}, label), h('dd', { id }, value)]));
}

function origin(configuration: OriginConfiguration | undefined): string {
  const r = configuration?.restrictions;
  return r ? `publish ${r.publish ?? '?'}, upstream ${r.upstream ?? '?'}` : '';
}

/** A small form: labelled text inputs and a submit button; `submit` gets the trimmed values by input name. */
function form(id: string, title: string, fields: { name: string; label: string; required?: boolean; hint?: string }[],
              submitText: string, context: PageContext,
              submit: (values: Record<string, string>) => Promise<void>): HTMLElement {
  const submitButton = h('button', { type: 'submit', id: `${id}-button` }, submitText);
  const element = h('form', { id, class: 'inline-form', 'aria-labelledby': `${id}-title` },
    ...fields.flatMap((f) => [
      h('label', { for: `${id}-${f.name}` }, f.label),
      h('input', { id: `${id}-${f.name}`, name: f.name, required: f.required ?? false, spellcheck: 'false',
        autocapitalize: 'off', ...(f.hint ? { placeholder: f.hint } : {}) }),
    ]),
    submitButton);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(element);
    const values = Object.fromEntries(fields.map((f) => [f.name, String(data.get(f.name) ?? '').trim()]));
    void act(context, submitButton, () => submit(values));
  });
  return h('section', { class: 'panel' }, h('h3', { id: `${id}-title` }, title), element);
}

const domainsPage: Page = {
  route: 'domains',
  title: 'Domains',
  nav: 'Domains',
  render: async (context) => {
    const { credentials } = context;
    const domains = await listDomains(credentials);
    // ListDomains has no repository count or size: DescribeDomain has them.
    const described = await Promise.all(domains.map((d) => describeDomain(credentials, d.name)
      .catch((): DomainDescription => d)));
    return h('div', { id: 'domains-page' },
      status('domains-status', described.length === 0 ? 'No domains yet.' : `${described.length} shown.`),
      table('domains-table', 'view-title', [
        { heading: 'Name', cell: (d) => link(domainRoute(d.name), d.name) },
        { heading: 'Owner', cell: (d) => d.owner },
        { heading: 'Status', cell: (d) => d.status },
        { heading: 'Repositories', cell: (d) => d.repositoryCount === undefined ? '' : String(d.repositoryCount) },
        { heading: 'Asset size', cell: (d) => size(d.assetSizeBytes) },
        { heading: 'Created', cell: (d) => instant(d.createdTime) },
      ], described),
      form('create-domain', 'Create a domain', [{ name: 'domain', label: 'Domain name', required: true,
        hint: 'lower-case letters, digits and hyphens' }], 'Create domain', context, async ({ domain }) => {
        const created = await createDomain(credentials, domain);
        context.navigate(domainRoute(created.name));
      }));
  },
};

const domainPage: Page = {
  route: 'domains/:domain',
  title: 'Domain',
  render: async (context) => {
    const { credentials, params } = context;
    const domain = params.domain;
    const [description, repositories] = await Promise.all([
      describeDomain(credentials, domain), listRepositoriesInDomain(credentials, domain)]);
    return h('div', { id: 'domain-page' },
      h('p', { class: 'breadcrumbs' }, link('domains', 'Domains'), ' / ', h('span', { id: 'domain-name' }, domain)),
      facts(
        ['Name', 'domain-facts-name', description.name],
        ['Owner', 'domain-owner', description.owner],
        ['ARN', 'domain-arn', description.arn ?? ''],
        ['Status', 'domain-status', description.status],
        ['Repositories', 'domain-repository-count', String(description.repositoryCount ?? repositories.length)],
        ['Asset size', 'domain-asset-size', size(description.assetSizeBytes)],
        ['Created', 'domain-created', instant(description.createdTime)]),
      h('h3', { id: 'repositories-title' }, 'Repositories'),
      status('repositories-status', repositories.length === 0 ? 'No repositories in this domain.'
        : `${repositories.length} shown.`),
      table('repositories', 'repositories-title', [
        { heading: 'Name', cell: (r) => link(repositoryRoute(domain, r.name), r.name) },
        { heading: 'Description', cell: (r) => r.description ?? '' },
        { heading: 'Administrator', cell: (r) => r.administratorAccount ?? '' },
        { heading: 'Created', cell: (r) => instant(r.createdTime) },
      ], repositories),
      form('create-repository', 'Create a repository', [
        { name: 'repository', label: 'Repository name', required: true, hint: 'e.g. libs' },
        { name: 'description', label: 'Description (optional)' },
      ], 'Create repository', context, async ({ repository, description: text }) => {
        await createRepository(credentials, domain, repository, text);
        context.refresh();
        focusHeading();
      }),
      h('section', { class: 'panel danger-zone' }, h('h3', { id: 'delete-domain-title' }, 'Delete this domain'),
        h('p', { class: 'hint' }, 'A domain can be deleted only when it has no repositories left.'),
        button('delete-domain', `Delete domain ${domain}`, () => {
          const control = document.getElementById('delete-domain') as HTMLButtonElement;
          void (async () => {
            if (!await confirmAction(`Delete the domain ${domain}? This cannot be undone.`)) return;
            await act(context, control, async () => {
              await deleteDomain(credentials, domain);
              context.navigate('domains');
            });
          })();
        }, 'danger')));
  },
};

/** The commands a user types to point each tool at the repository, exactly as the tools and docs spell them. */
function loginCommands(domain: string, owner: string, repository: string, region: string)
  : { id: string; tool: string; command: string }[] {
  const server = location.origin;
  const aws = (tool: string) => `aws codeartifact login --tool ${tool} --domain ${domain} --domain-owner ${owner} `
    + `--repository ${repository} --endpoint-url ${server} --region ${region}`;
  const gatepass = (tool: string) => `./gatepass --endpoint-url ${server} --region ${region} codeartifact login `
    + `--tool ${tool} --domain ${domain} --domain-owner ${owner} --repository ${repository}`;
  return [
    { id: 'login-npm', tool: 'npm', command: aws('npm') },
    { id: 'login-pip', tool: 'pip', command: aws('pip') },
    { id: 'login-twine', tool: 'twine', command: aws('twine') },
    { id: 'login-maven', tool: 'Maven (the AWS CLI has no Maven login; Gatepass\'s CLI writes ~/.m2/settings.xml)',
      command: gatepass('maven') },
    { id: 'login-gradle', tool: 'Gradle (writes ~/.gradle/gradle.properties)', command: gatepass('gradle') },
  ];
}

const repositoryPage: Page = {
  route: 'domains/:domain/repositories/:repository',
  title: 'Repository',
  render: async (context) => {
    const { credentials, params } = context;
    const { domain, repository } = params;
    const [description, endpoints, packages] = await Promise.all([
      describeRepository(credentials, domain, repository),
      Promise.all(SERVED_FORMATS.map(async (format) =>
        ({ format, url: await getRepositoryEndpoint(credentials, domain, repository, format) }))),
      listPackages(credentials, domain, repository),
    ]);
    const owner = description.domainOwner ?? '';
    const upstreams = description.upstreams ?? [];
    const connections = description.externalConnections ?? [];
    const maven = endpoints.find((e) => e.format === 'maven')?.url ?? '';
    const serverId = `${domain}-${repository}`;
    const distribution = `<distributionManagement>\n`
      + `  <repository><id>${serverId}</id><url>${maven}</url></repository>\n`
      + `  <snapshotRepository><id>${serverId}</id><url>${maven}</url></snapshotRepository>\n`
      + `</distributionManagement>`;
    return h('div', { id: 'repository-page' },
      h('p', { class: 'breadcrumbs' }, link('domains', 'Domains'), ' / ', link(domainRoute(domain), domain), ' / ',
        h('span', { id: 'repository-name' }, repository)),
      facts(
        ['Description', 'repository-description', description.description || '(none)'],
        ['Domain owner', 'repository-domain-owner', owner],
        ['Administrator', 'repository-administrator', description.administratorAccount ?? ''],
        ['ARN', 'repository-arn', description.arn ?? ''],
        ['Upstreams', 'repository-upstreams', upstreams.length === 0 ? '(none)' : h('span', {},
          ...upstreams.flatMap((u, i) => [i > 0 ? ', ' : '', link(repositoryRoute(domain, u.repositoryName),
            u.repositoryName)]))],
        ['External connections', 'repository-external-connections', connections.length === 0 ? '(none)'
          : connections.map((c) => `${c.externalConnectionName} (${c.packageFormat ?? '?'}, ${c.status ?? '?'})`)
            .join(', ')],
        ['Created', 'repository-created', instant(description.createdTime)]),
      h('h3', { id: 'endpoints-title' }, 'Endpoints'),
      h('p', { class: 'hint' }, 'From GetRepositoryEndpoint. Each tool needs an authorization token: the login ',
        'commands below fetch one (12 hours) and configure the tool.'),
      h('dl', { class: 'facts', id: 'endpoints', 'aria-labelledby': 'endpoints-title' },
        ...endpoints.flatMap((e) => [h('dt', {}, e.format), h('dd', {}, copyable(`endpoint-${e.format}`, e.url))])),
      h('h3', { id: 'login-title' }, 'Log a tool in'),
      h('div', { id: 'login-commands' }, ...loginCommands(domain, owner, repository, credentials.region)
        .flatMap((c) => [h('p', { class: 'tool' }, c.tool), copyable(c.id, c.command)])),
      h('p', { class: 'tool' }, 'Maven publishing: name the same server id in the project\'s pom.xml'),
      copyable('maven-distribution', distribution),
      h('h3', { id: 'packages-title' }, 'Packages'),
      status('packages-status', packages.length === 0 ? 'No packages in this repository yet.'
        : `${packages.length} shown.`),
      table('packages', 'packages-title', [
        { heading: 'Format', cell: (p: PackageSummary) => p.format },
        { heading: 'Namespace', cell: (p) => p.namespace ?? '' },
        { heading: 'Package', cell: (p) => link(packageRoute({ domain, repository, format: p.format,
          namespace: p.namespace, package: p.package }), p.package) },
        { heading: 'Origin controls', cell: (p) => origin(p.originConfiguration) },
      ], packages),
      h('section', { class: 'panel danger-zone' }, h('h3', {}, 'Delete this repository'),
        h('p', { class: 'hint' }, 'Its packages and versions are deleted with it.'),
        button('delete-repository', `Delete repository ${repository}`, () => {
          const control = document.getElementById('delete-repository') as HTMLButtonElement;
          void (async () => {
            if (!await confirmAction(`Delete the repository ${repository} of ${domain} and all its packages? `
              + 'This cannot be undone.')) return;
            await act(context, control, async () => {
              await deleteRepository(credentials, domain, repository);
              context.navigate(domainRoute(domain));
            });
          })();
        }, 'danger')));
  },
};

async function renderPackage(context: PageContext): Promise<Node> {
  const { credentials, params } = context;
  const ref: PackageRef = { domain: params.domain, repository: params.repository, format: params.format,
    namespace: params.namespace, package: params.package };
  const [description, versions] = await Promise.all([
    describePackage(credentials, ref), listPackageVersions(credentials, ref)]);
  // ListPackageVersions has no published time: DescribePackageVersion has it (the newest 100 versions).
  const details = await Promise.all(versions.versions.slice(0, 100).map((v) =>
    describePackageVersion(credentials, ref, v.version).catch((error) => describe(error))));
  const published = new Map(details.filter((d) => typeof d !== 'string').map((d) => [d.version, d]));
  return h('div', { id: 'package-page' },
    h('p', { class: 'breadcrumbs' }, link('domains', 'Domains'), ' / ', link(domainRoute(ref.domain), ref.domain),
      ' / ', link(repositoryRoute(ref.domain, ref.repository), ref.repository), ' / ',
      h('span', { id: 'package-title' }, ref.namespace ? `${ref.namespace}/${ref.package}` : ref.package)),
    facts(
      ['Format', 'package-format', description.format],
      ...(description.namespace ? [['Namespace', 'package-namespace', description.namespace] as
        [string, string, string]] : []),
      ['Name', 'package-name', description.name],
      ['Default version', 'package-default-version', versions.defaultDisplayVersion ?? ''],
      ['Publish', 'package-origin-publish', description.originConfiguration?.restrictions?.publish ?? ''],
      ['Upstream', 'package-origin-upstream', description.originConfiguration?.restrictions?.upstream ?? '']),
    h('h3', { id: 'versions-title' }, 'Versions'),
    status('versions-status', versions.versions.length === 0 ? 'No versions.'
      : `${versions.versions.length} shown, newest published first.`),
    table('versions', 'versions-title', [
      { heading: 'Version', cell: (v) => v.version },
      { heading: 'Status', cell: (v) => v.status },
      { heading: 'Published', cell: (v) => instant(published.get(v.version)?.publishedTime) },
      { heading: 'Summary', cell: (v) => published.get(v.version)?.summary ?? '' },
      { heading: 'Origin', cell: (v) => v.origin?.originType ?? '' },
    ], versions.versions));
}

const packageRoutes = ['domains/:domain/repositories/:repository/packages/:format/:package',
  'domains/:domain/repositories/:repository/packages/:format/:namespace/:package'];

export const pages: Page[] = [domainsPage, domainPage, repositoryPage,
  ...packageRoutes.map((route): Page => ({ route, title: 'Package', render: renderPackage }))];
