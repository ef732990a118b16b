// The CodeArtifact pages in a real browser: domains → domain → repository → package, light and dark; a domain and
// repositories created through the page and seen by the AWS CLI; a repository deleted (after confirming) and gone
// for the CLI too; a refused domain delete's API error shown. The JUnit test ConsoleCodeArtifactBrowserTest asserts
// on the output. Extra input: AWS_CLI (/usr/bin/aws), SERVER_URL (its --endpoint-url), AWS_WORK_DIR (empty config).
import { env, go, loaded, screenshot, signIn, withConsole } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** An AWS CLI codeartifact call's JSON answer (the keys travel in the child's environment only). */
function cli(...args) {
  const work = env('AWS_WORK_DIR');
  const out = execFileSync(env('AWS_CLI'), ['--endpoint-url', env('SERVER_URL'), '--region', env('CONSOLE_REGION'),
    '--output', 'json', 'codeartifact', ...args], {
    env: {
      PATH: process.env.PATH, HOME: work,
      AWS_ACCESS_KEY_ID: env('CONSOLE_ACCESS_KEY_ID'), AWS_SECRET_ACCESS_KEY: env('CONSOLE_SECRET_ACCESS_KEY'),
      AWS_CONFIG_FILE: join(work, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(work, 'credentials'),
    },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** The repositories of a domain as the AWS CLI lists them. */
const cliRepositories = (domain) =>
  cli('list-repositories-in-domain', '--domain', domain).repositories.map((r) => r.name).sort();

/** The domains as the AWS CLI lists them. */
const cliDomains = () => cli('list-domains').domains.map((d) => d.name).sort();

const texts = (page, selector) => page.$$eval(selector, (cells) => cells.map((c) => c.textContent.trim()));
const text = async (page, selector) => (await page.textContent(selector)).trim();

async function lightAndDark(page, name) {
  await screenshot(page, `console-codeartifact-${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `console-codeartifact-${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

await withConsole(async (page, seen) => {
  // every API call the pages make that the server refused: operation (path and query) and status
  seen.refusedCalls = [];
  page.on('response', (response) => {
    if (response.status() >= 400) {
      const url = new URL(response.url());
      const index = seen.refusedCalls.push(`${response.request().method()} ${url.pathname}${url.search} `
        + `${response.status()}`) - 1;
      if (response.status() === 403) {
        response.text().then((body) => { seen.refusedCalls[index] += ` ${body}`; }, () => {});
      }
    }
  });
  seen.errorSources = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errorSources.push(`${message.text()} @ ${JSON.stringify(message.location())}`);
  });
  await signIn(page);

  // Domains: the navigation link, the table (name, owner, status, repository count, asset size, created)
  await page.click('nav a[href="#/domains"]');
  await loaded(page);
  seen.domainsTitle = await text(page, '#view-title');
  seen.domainsHeadings = await texts(page, '#domains-table th');
  seen.domainRows = await page.$$eval('#domains-table tbody tr', (rows) => rows.map((r) =>
    Array.from(r.cells, (c) => c.textContent.trim())));
  await lightAndDark(page, 'domains');

  // the seeded domain's page, its repositories, and on to the repository with the published package
  await page.click('#domains-table a:text-is("team")');
  await loaded(page);
  seen.teamRepositories = await texts(page, '#repositories tbody td:first-child');
  seen.teamOwner = await text(page, '#domain-owner');
  seen.teamRepositoryCount = await text(page, '#domain-repository-count');
  await lightAndDark(page, 'domain');

  await page.click('#repositories a:text-is("libs")');
  await loaded(page);
  seen.repositoryDescription = await text(page, '#repository-description');
  seen.repositoryUpstreams = await text(page, '#repository-upstreams');
  seen.repositoryExternalConnections = await text(page, '#repository-external-connections');
  seen.endpoints = {};
  for (const format of ['npm', 'pypi', 'maven']) seen.endpoints[format] = await text(page, `#endpoint-${format}`);
  seen.logins = {};
  for (const tool of ['npm', 'pip', 'twine', 'maven', 'gradle']) seen.logins[tool] = await text(page, `#login-${tool}`);
  seen.mavenDistribution = await text(page, '#maven-distribution');
  seen.packageRows = await page.$$eval('#packages tbody tr', (rows) => rows.map((r) =>
    Array.from(r.cells, (c) => c.textContent.trim())));
  await lightAndDark(page, 'repository');

  await page.click('#packages a:text-is("hello")');
  await loaded(page);
  seen.packageRoute = await page.evaluate(() => location.hash);
  seen.packageFacts = {};
  for (const id of ['format', 'namespace', 'name', 'default-version', 'origin-publish', 'origin-upstream']) {
    seen.packageFacts[id] = await text(page, `#package-${id}`);
  }
  seen.versionRows = await page.$$eval('#versions tbody tr', (rows) => rows.map((r) =>
    Array.from(r.cells, (c) => c.textContent.trim())));
  await lightAndDark(page, 'package');

  // create a domain through the page, from the keyboard: the form's Enter submits it
  await go(page, 'domains');
  await page.focus('#create-domain-domain');
  await page.keyboard.type('ui-domain');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('domain-name')?.textContent === 'ui-domain');
  await loaded(page);
  seen.createdDomainRoute = await page.evaluate(() => location.hash);
  seen.createdDomainOwner = await text(page, '#domain-owner');
  seen.cliDomainsAfterCreate = cliDomains();

  // two repositories through the page; both in the table, and both for the AWS CLI
  for (const [name, description] of [['ui-repo', 'made in the browser'], ['ui-gone', '']]) {
    await page.fill('#create-repository-repository', name);
    await page.fill('#create-repository-description', description);
    await page.click('#create-repository-button');
    await page.waitForFunction((n) => Array.from(document.querySelectorAll('#repositories tbody td:first-child'))
      .some((c) => c.textContent === n), name);
  }
  seen.uiRepositoriesAfterCreate = await texts(page, '#repositories tbody td:first-child');
  seen.uiRepositoryDescriptions = await texts(page, '#repositories tbody td:nth-child(2)');
  seen.cliAfterCreate = cliRepositories('ui-domain');

  // deleting a domain that still has repositories: the API refuses, the page shows its ConflictException
  await page.click('#delete-domain');
  await page.waitForSelector('#confirm[open]');
  seen.deleteDomainConfirm = await text(page, '#confirm-message');
  await page.click('#confirm-yes');
  await page.waitForSelector('#error:not([hidden])');
  seen.refusedDeleteError = await text(page, '#error');
  seen.routeAfterRefusedDelete = await page.evaluate(() => location.hash);
  await screenshot(page, 'console-codeartifact-refused-delete');

  // delete ui-gone: cancelling keeps it; confirming deletes it, for the page and for the CLI
  await go(page, 'domains/ui-domain/repositories/ui-gone');
  seen.errorClearedOnNavigation = await page.isHidden('#error');
  await page.click('#delete-repository');
  await page.waitForSelector('#confirm[open]');
  seen.deleteRepositoryConfirm = await text(page, '#confirm-message');
  seen.focusInDialog = await page.evaluate(() => document.activeElement?.id);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#confirm', { state: 'detached' });
  seen.cliAfterCancel = cliRepositories('ui-domain');
  await page.click('#delete-repository');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => location.hash === '#/domains/ui-domain'
    && document.getElementById('domain-page') !== null);
  await loaded(page);
  seen.uiRepositoriesAfterDelete = await texts(page, '#repositories tbody td:first-child');
  seen.cliAfterDelete = cliRepositories('ui-domain');
  seen.errorHiddenAfterDelete = await page.isHidden('#error');

  // with its last repository deleted, the domain can go: back on the domains page, gone for the CLI
  await go(page, 'domains/ui-domain/repositories/ui-repo');
  await page.click('#delete-repository');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => location.hash === '#/domains/ui-domain'
    && document.getElementById('domain-page') !== null);
  await loaded(page);
  await page.click('#delete-domain');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => location.hash === '#/domains'
    && document.getElementById('domains-page') !== null);
  await loaded(page);
  seen.domainsAfterDomainDelete = await texts(page, '#domains-table tbody td:first-child');
  seen.cliDomainsAfterDelete = cliDomains();

  // a page for something that does not exist shows the API's error in place of the page
  await go(page, 'domains/team/repositories/no-such-repo');
  seen.missingRepositoryError = await text(page, '#page-error');
});
