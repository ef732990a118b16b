// The IAM pages in a real browser: users, a user's access keys (create with the secret shown once, deactivate,
// delete, each confirmed), roles, inline policies, the policy editor's checks as you type, and token key rotation.
// Shared launch and sign-in: browser.mjs. The JUnit test (gatepass-server ConsoleIamBrowserTest) asserts on the
// output and checks each action's effect with the AWS CLI. The new secret never leaves this process: it is used here,
// in the environment of one `aws sts get-caller-identity`, and masked in screenshots.
// Extra input: IAM_USER (a user with one access key, IAM_SETUP_KEY), IAM_ROLE, AWS_CLI, AWS_CLI_HOME (a directory for
// the CLI's empty configuration).
import { env, go, screenshot, signIn, withConsole } from './browser.mjs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const user = env('IAM_USER');
const setupKey = env('IAM_SETUP_KEY');
const role = env('IAM_ROLE');
const origin = new URL(env('CONSOLE_URL')).origin;

/** `aws sts get-caller-identity` with the given keys in its environment; answers the ARN, or the failure's text. */
function callerIdentity(accessKeyId, secretAccessKey) {
  const home = env('AWS_CLI_HOME');
  return new Promise((resolve) => {
    execFile(env('AWS_CLI'), ['sts', 'get-caller-identity', '--endpoint-url', origin, '--region',
      env('CONSOLE_REGION'), '--output', 'json'], {
      env: { PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey,
        AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_PAGER: '' },
      timeout: 60_000,
    }, (error, stdout, stderr) => {
      if (error) resolve({ error: String(stderr || error.message).split(secretAccessKey).join('<secret>') });
      else resolve({ arn: JSON.parse(stdout).Arn });
    });
  });
}

const texts = (page, selector) => page.$$eval(selector, (cells) => cells.map((c) => c.textContent.trim()));

async function both(page, name, options = {}) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(env('SCREENSHOT_DIR'), `console-iam-${name}-light.png`), fullPage: true, ...options });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(env('SCREENSHOT_DIR'), `console-iam-${name}-dark.png`), fullPage: true, ...options });
  await page.emulateMedia({ colorScheme: 'light' });
}

async function confirm(page, yes) {
  await page.waitForSelector('#confirm[open]');
  const message = await page.textContent('#confirm-message');
  await page.click(yes ? '#confirm-yes' : '#confirm-no');
  await page.waitForSelector('#confirm', { state: 'detached' });
  return message;
}

await withConsole(async (page, seen) => {
  // every refused request, by what it asked (the action or path), so the test can tell expected refusals apart
  seen.refused = [];
  page.on('response', async (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const action = /Action=([A-Za-z]+)/.exec(request.postData() ?? '')?.[1];
    seen.refused.push(`${response.status()} ${action ?? new URL(request.url()).pathname}`);
  });
  seen.errorUrls = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errorUrls.push(message.location()?.url ?? '');
  });
  await signIn(page);
  seen.navLinks = await texts(page, '#nav a');

  // Users
  await page.click('#nav a:text-is("IAM")');
  await page.waitForSelector('#users');
  seen.users = await texts(page, '#users tbody tr td:first-child');
  await both(page, 'users');

  // A user: its keys, then a new key whose secret is shown once
  await page.click(`#users a:text-is("${user}")`);
  await page.waitForSelector('#access-keys');
  seen.userArn = await page.textContent('#user-details dd:nth-of-type(2)');
  seen.keysBefore = await texts(page, '#access-keys tbody tr td:first-child');
  seen.lastUsedCells = await texts(page, '#access-keys tbody tr td:nth-child(4)');
  seen.accessKeysStatus = await page.textContent('#access-keys-status');
  seen.noGroupsNote = await page.textContent('#no-groups');

  await page.focus('#create-access-key');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#new-key');
  seen.focusAfterCreate = await page.evaluate(() => document.activeElement?.id);
  seen.newKeyId = (await page.textContent('#new-key-id')).trim();
  seen.newKeyWarning = await page.textContent('#new-key-warning');
  const secret = (await page.textContent('#new-key-secret')).trim();
  seen.secretLength = secret.length;
  await page.waitForFunction((id) => [...document.querySelectorAll('#access-keys tbody tr td:first-child')]
    .some((c) => c.textContent === id), seen.newKeyId);
  seen.keysAfterCreate = await texts(page, '#access-keys tbody tr td:first-child');
  seen.newKeyCaller = await callerIdentity(seen.newKeyId, secret);
  seen.secretInStorage = await page.evaluate((s) => JSON.stringify({ ...sessionStorage }).includes(s)
    || JSON.stringify({ ...localStorage }).includes(s), secret);
  await both(page, 'user', { mask: [page.locator('#new-key-secret')] });
  await page.click('#new-key-done');
  await page.waitForSelector('#new-key', { state: 'detached' });
  seen.secretInPageAfterDone = await page.evaluate((s) => document.documentElement.outerHTML.includes(s), secret);

  // Deactivate the new key, confirmed
  await page.click(`#toggle-${seen.newKeyId}`);
  seen.deactivateMessage = await confirm(page, true);
  await page.waitForFunction((id) => document.getElementById(`toggle-${id}`)?.textContent === 'Activate',
    seen.newKeyId);
  seen.newKeyStatusShown = await page.$eval(`#access-keys tr:has(#toggle-${seen.newKeyId}) td:nth-child(2)`,
    (c) => c.textContent);

  // Delete the setup key: cancelled first (nothing happens), then confirmed
  await page.click(`#delete-${setupKey}`);
  seen.deleteMessage = await confirm(page, false);
  seen.keysAfterCancel = await texts(page, '#access-keys tbody tr td:first-child');
  await page.click(`#delete-${setupKey}`);
  await confirm(page, true);
  await page.waitForSelector(`#delete-${setupKey}`, { state: 'detached' });
  seen.keysAfterDelete = await texts(page, '#access-keys tbody tr td:first-child');

  // Roles and a role's trust policy
  await go(page, 'iam/roles');
  seen.roles = await texts(page, '#roles tbody tr td:first-child');
  await page.click(`#roles a:text-is("${role}")`);
  await page.waitForSelector('#trust-policy');
  seen.trustPolicy = await page.textContent('#trust-policy');
  seen.roleInlinePolicies = await texts(page, '#inline-policies tbody tr td:first-child');

  // Policies, and one policy's document
  await go(page, 'iam/policies');
  seen.policies = await page.$$eval('#policies tbody tr', (rows) => rows.map((r) =>
    [...r.querySelectorAll('td')].map((c) => c.textContent).join('|')));
  await page.click('#policies tbody tr:first-child td:first-child a');
  await page.waitForSelector('#policy-document');
  seen.policyDocument = await page.textContent('#policy-document');

  // The policy editor: a syntax error with its line and column, then a grammar error, as typed
  await go(page, `iam/policy-editor/user/${encodeURIComponent(user)}`);
  seen.editorValidAtStart = await page.textContent('#policy-problems-status');
  await page.fill('#policy-name', 'console-written');
  await page.fill('#policy-document-input', '{\n  "Version": "2012-10-17",\n  "Statement": {\n'
    + '    "Effect": "Allow",\n    "Action": "gamelift:ListFleets"\n    "Resource": "*"\n  }\n}');
  seen.syntaxProblems = await texts(page, '#policy-problems li');
  seen.saveDisabledOnSyntaxError = await page.isDisabled('#save-policy');
  await page.fill('#policy-document-input', '{\n  "Version": "2012-10-17",\n  "Statement": {\n'
    + '    "Effect": "Permit",\n    "Action": "gamelift:ListFleets"\n  }\n}');
  seen.grammarProblems = await texts(page, '#policy-problems li');
  seen.problemsStatus = await page.textContent('#policy-problems-status');
  await both(page, 'policy-editor');
  // passes the page's checks, refused by the server: its MalformedPolicyDocument shown as it said it
  await page.fill('#policy-document-input', '{"Version":"2012-10-17","Statement":{"Effect":"Allow",'
    + '"Action":"gamelift:ListFleets","Resource":"fleet-1"}}');
  seen.saveEnabledWhenValid = await page.isEnabled('#save-policy');
  await page.click('#save-policy');
  await page.waitForSelector('#policy-server-error:not([hidden])');
  seen.serverRefusal = await page.textContent('#policy-server-error');
  // typed key by key: the checks follow every keystroke
  await page.fill('#policy-document-input', '');
  await page.focus('#policy-document-input');
  await page.keyboard.type('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["gamelift:ListFleets"],'
    + '"Resource":"*"}]}');
  seen.typedStatus = await page.textContent('#policy-problems-status');
  await page.click('#save-policy');
  await page.waitForSelector('#policy-document');
  seen.savedRoute = await page.evaluate(() => location.hash);
  seen.savedDocument = await page.textContent('#policy-document');

  // Token keys: rotate both rings, confirmed; the new ids in the page and in the JWKS
  await page.click('#nav a:text-is("Token keys")');
  await page.waitForSelector('#token-key-rings');
  seen.keyIdsBefore = await texts(page, '#token-key-rings tbody tr td:first-child');
  seen.statesBefore = await texts(page, '#token-key-rings tbody tr td:nth-child(2)');
  await page.click('#rotate-token-keys');
  seen.rotateMessage = await confirm(page, true);
  await page.waitForFunction(() => document.getElementById('rotate-status')?.textContent !== '');
  seen.rotateStatus = await page.textContent('#rotate-status');
  seen.newTokenKeys = await page.$$eval('.new-key', (cells) => cells.map((c) => c.textContent.replace(' (new)', '')));
  seen.newRepositoryKey = await page.$eval('#ring-repository .new-key', (c) => c.textContent.replace(' (new)', ''));
  seen.newRepositoryKeyState = await page.$eval('#ring-repository tr:has(.new-key) td:nth-child(2)',
    (c) => c.textContent);
  seen.jwksKids = (await (await fetch(origin + '/.well-known/jwks.json')).json()).keys.map((k) => k.kid);
  await both(page, 'token-keys');
});
