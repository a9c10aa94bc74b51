// `rolehop console` and `rolehop credentials` (the release CLI, built by ./build.sh) against the
// mock cloud over HTTPS, through the test-only overrides ROLEHOP_STS_ENDPOINT,
// ROLEHOP_SIGNIN_ENDPOINT and ROLEHOP_CA_FILE: success, the Login URL's single use and 30-second
// life, a read-only session, AssumeRole denied, expired credentials, clock skew, no credentials,
// an unreachable endpoint; every failure with its documented exit code, and no secret printed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../lib/cli.js';
import { authorize } from './authorize.js';
import { startMockCloud } from './index.js';
import { ossClient } from './sdk-clients.js';
import { CONSOLE_COOKIE } from './federation.js';

const A_UID = '1746205010153210';
const ROLE_ARN = `acs:ram::${A_UID}:role/admin-oss`;
const PROFILES = `[profile company-a]
account = ${A_UID}
role_name = admin-oss

[profile by-alias]
account = company-a
role_name = admin-oss
`;

/** @typedef {import('./index.js').MockCloud} MockCloud */
/** @typedef {{status: number, stdout: string, stderr: string}} Run */

/** A scratch HOME with the profile file and the mock's certificate. */
function scratch(/** @type {MockCloud} */ cloud) {
  const dir = mkdtempSync(join(tmpdir(), 'rolehop-console-'));
  writeFileSync(join(dir, 'profiles.ini'), PROFILES);
  writeFileSync(join(dir, 'ca.pem'), cloud.ca);
  return dir;
}

/**
 * A mock cloud in `scenario` and a scratch HOME for it, both removed when test `t` ends.
 * @param {import('node:test').TestContext} t @param {string} [scenario]
 */
async function mockWithHome(t, scenario = 'happy-path') {
  const cloud = await startMockCloud({ scenario });
  const home = scratch(cloud);
  t.after(async () => {
    rmSync(home, { recursive: true, force: true });
    await cloud.close();
  });
  return { cloud, home };
}

/**
 * Runs the CLI asynchronously (the mock answers from this same process).
 * @param {MockCloud} cloud @param {string} home @param {string[]} args
 * @param {Record<string, string>} [caller] the caller's environment credentials
 * @param {Record<string, string>} [extra] more environment
 * @returns {Promise<Run>}
 */
function rolehop(cloud, home, args, caller = {}, extra = {}) {
  return rolehopWith(cloud, home, [...args, '--profiles', join(home, 'profiles.ini')], caller, extra);
}

/**
 * Runs the CLI with exactly `args` (no --profiles added).
 * @param {MockCloud} cloud @param {string} home @param {string[]} args
 * @param {Record<string, string>} [caller] @param {Record<string, string>} [extra]
 * @returns {Promise<Run>}
 */
function rolehopWith(cloud, home, args, caller = {}, extra = {}) {
  const endpoint = `https://127.0.0.1:${cloud.port}`;
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    ROLEHOP_STS_ENDPOINT: endpoint,
    ROLEHOP_SIGNIN_ENDPOINT: endpoint,
    ROLEHOP_CA_FILE: join(home, 'ca.pem'),
    ...caller,
    ...extra,
  };
  return new Promise((resolve) => {
    execFile(CLI, args, { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A user's keys as the standard environment variables. @param {{accessKeyId: string, accessKeySecret: string, securityToken?: string}} k */
const envOf = (k) => ({
  ALIBABA_CLOUD_ACCESS_KEY_ID: k.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: k.accessKeySecret,
  ...(k.securityToken ? { ALIBABA_CLOUD_SECURITY_TOKEN: k.securityToken } : {}),
});

/**
 * GETs `url` from the mock (whatever its host), following no redirect.
 * @param {MockCloud} cloud @param {string} url
 * @returns {Promise<{status: number, headers: import('node:http').IncomingHttpHeaders, body: string}>}
 */
function get(cloud, url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: cloud.agent() }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `export NAME='value'` lines as an object. @param {string} text */
function exportsOf(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const line of text.trim().split('\n')) {
    const m = /^export ([A-Z_]+)='(.*)'$/.exec(line);
    assert.ok(m, `not an export line: ${line}`);
    out[m[1]] = m[2].replaceAll("'\\''", "'");
  }
  return out;
}

/** Every secret of the mock's sessions and users, which must never be printed. @param {MockCloud} cloud */
function secrets(cloud) {
  const users = Object.values(cloud.credentials).flatMap((a) => Object.values(a.users).map((u) => /** @type {any} */ (u).accessKeySecret));
  const sessions = [...cloud.world.sessions.values()].flatMap((s) => [s.secret, s.token]);
  return [...users, ...sessions];
}

test('console --print: AssumeRole as the caller, a Login URL that signs in once, within 30 seconds', async (t) => {
  const { cloud, home } = await mockWithHome(t);
  const alice = envOf(cloud.credentials.B.users.alice);
  const run = await rolehop(cloud, home, ['console', 'company-a', '--print'], alice);
  assert.equal(run.status, 0, run.stderr);
  const url = new URL(run.stdout.trim());
  assert.equal(url.origin + url.pathname, 'https://signin.aliyun.com/federation');
  assert.equal(url.searchParams.get('Action'), 'Login');
  assert.equal(url.searchParams.get('Destination'), 'https://oss.console.aliyun.com/');
  assert.match(run.stderr, /signs in whoever opens it within 30 seconds/);
  for (const secret of secrets(cloud)) assert.ok(!run.stderr.includes(secret) && !run.stdout.includes(secret), 'a secret was printed');

  // What the mock received: the caller's identity, AssumeRole with the caller's name, a form POST.
  const sent = cloud.requests();
  assert.deepEqual(sent.map((r) => r.action), ['GetCallerIdentity', 'AssumeRole', 'GetSigninToken']);
  const token = sent[2];
  assert.equal(token.method, 'POST');
  assert.equal(token.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(token.rawQuery, '', 'the STS secret must not travel in the URL');
  const [session] = cloud.world.sessions.values();
  assert.equal(session.sessionName, 'alice');
  assert.equal(session.roleName, 'admin-oss');
  assert.equal(session.policy, null);

  const first = await get(cloud, url.href);
  assert.equal(first.status, 302, first.body);
  assert.equal(first.headers.location, 'https://oss.console.aliyun.com/');
  const cookie = String(first.headers['set-cookie']);
  const ticket = new RegExp(`${CONSOLE_COOKIE}=(\\w+)`).exec(cookie)?.[1] ?? '';
  assert.equal(cloud.world.consoleSessions.get(ticket)?.session, session, 'the console session is the role session');

  const again = await get(cloud, url.href);
  assert.equal(again.status, 401, 'a sign-in token works once');
  assert.equal(JSON.parse(again.body).Code, 'InvalidCredential.AuthenticateFail');

  const late = await rolehop(cloud, home, ['console', 'company-a', '--print', '--session-name', 'late-one'], alice);
  assert.equal(late.status, 0, late.stderr);
  cloud.setClock({ offsetMs: 31_000 });
  const expired = await get(cloud, late.stdout.trim());
  assert.equal(expired.status, 401, 'a sign-in token lives 30 seconds');
});

test('console without --print opens the default browser (xdg-open) on the Login URL and prints no URL', async (t) => {
  const { cloud, home } = await mockWithHome(t);
  // A stand-in for the desktop's opener: records the URL it was given.
  const bin = join(home, 'bin');
  mkdirSync(bin);
  const opened = join(home, 'opened.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
  const alice = envOf(cloud.credentials.B.users.alice);
  const run = await rolehop(cloud, home, ['console', 'company-a'], alice, { PATH: `${bin}:${process.env.PATH ?? ''}` });
  assert.equal(run.status, 0, run.stderr);
  const url = new URL(readFileSync(opened, 'utf8'));
  assert.equal(url.origin + url.pathname, 'https://signin.aliyun.com/federation');
  assert.equal(url.searchParams.get('Action'), 'Login');
  assert.ok(!run.stdout.includes(url.searchParams.get('SigninToken') ?? '-') && !run.stderr.includes('SigninToken='), 'the Login URL (a secret) is not printed');
  for (const secret of secrets(cloud)) assert.ok(!run.stderr.includes(secret) && !run.stdout.includes(secret), 'a secret was printed');
  const signedIn = await get(cloud, url.href);
  assert.equal(signedIn.status, 302, 'the opened URL signs in');

  // No opener on the machine: exit code 9 (the browser could not be opened), and the URL still not printed.
  const noOpener = join(home, 'empty-bin');
  mkdirSync(noOpener);
  const failed = await rolehop(cloud, home, ['console', 'company-a', '--session-name', 'no-opener'], alice, { PATH: noOpener });
  assert.equal(failed.status, 9, failed.stderr);
  assert.ok(!failed.stdout.includes('SigninToken=') && !failed.stderr.includes('SigninToken='), failed.stderr);
});

test('console --read-only: the session policy allows OSS reads and no write', async (t) => {
  const { cloud, home } = await mockWithHome(t);
  const run = await rolehop(cloud, home, ['console', 'company-a', '--print', '--read-only', '--destination', 'https://oss.console.aliyun.com/bucket/oss-cn-hangzhou/company-a-reports/object'], envOf(cloud.credentials.B.users.bob));
  assert.equal(run.status, 0, run.stderr);
  assert.equal(new URL(run.stdout.trim()).searchParams.get('Destination'), 'https://oss.console.aliyun.com/bucket/oss-cn-hangzhou/company-a-reports/object');
  const [session] = cloud.world.sessions.values();
  assert.ok(session.policy, 'a session policy was passed');
  const caller = { kind: 'session', account: session.account, session };
  const decide = (/** @type {string} */ action, /** @type {string} */ resource) => authorize(cloud.world, /** @type {any} */ (caller), { action, resource, context: {} });
  assert.equal(decide('oss:GetObject', `acs:oss:*:${A_UID}:company-a-reports/2024/q1.csv`), 'Allow');
  assert.equal(decide('oss:ListObjects', `acs:oss:*:${A_UID}:company-a-reports`), 'Allow');
  assert.notEqual(decide('oss:PutObject', `acs:oss:*:${A_UID}:company-a-reports/new.csv`), 'Allow');
  assert.notEqual(decide('oss:DeleteObject', `acs:oss:*:${A_UID}:company-a-reports/2024/q1.csv`), 'Allow');
});

test('credentials: shell exports and the aliyun CLI process JSON that the official OSS client uses', async (t) => {
  const { cloud, home } = await mockWithHome(t);
  const alice = envOf(cloud.credentials.B.users.alice);
  const run = await rolehop(cloud, home, ['credentials', 'company-a', '--session-name', 'nightly-job', '--duration', '900'], alice);
  assert.equal(run.status, 0, run.stderr);
  const vars = exportsOf(run.stdout);
  assert.deepEqual(Object.keys(vars), ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN']);
  const client = ossClient(cloud, { accessKeyId: vars.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: vars.ALIBABA_CLOUD_ACCESS_KEY_SECRET, securityToken: vars.ALIBABA_CLOUD_SECURITY_TOKEN });
  const listed = await client.listBuckets({});
  assert.ok(listed.buckets.some((/** @type {any} */ b) => b.name === 'company-a-reports'));
  const session = cloud.world.sessions.get(vars.ALIBABA_CLOUD_ACCESS_KEY_ID);
  assert.equal(session?.sessionName, 'nightly-job');

  const process = await rolehop(cloud, home, ['credentials', 'company-a', '--format', 'process'], alice);
  assert.equal(process.status, 0, process.stderr);
  const json = JSON.parse(process.stdout);
  assert.deepEqual(Object.keys(json), ['mode', 'access_key_id', 'access_key_secret', 'sts_token']);
  assert.equal(json.mode, 'StsToken');
  assert.ok(cloud.world.sessions.get(json.access_key_id));

  // The aliyun CLI's own profile as the caller.
  const aliyun = join(home, '.aliyun');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(aliyun);
  const bob = cloud.credentials.B.users.bob;
  writeFileSync(join(aliyun, 'config.json'), JSON.stringify({ current: 'b', profiles: [{ name: 'b', mode: 'AK', access_key_id: bob.accessKeyId, access_key_secret: bob.accessKeySecret }, { name: 'sso', mode: 'CloudSSO' }] }));
  const viaProfile = await rolehop(cloud, home, ['credentials', 'company-a', '--aliyun-profile', 'b']);
  assert.equal(viaProfile.status, 0, viaProfile.stderr);
  assert.equal([...cloud.world.sessions.values()].at(-1)?.sessionName, 'bob');
  // An StsToken profile as the caller: its key, secret and token are read and accepted by STS (a
  // session of admin-oss itself, so AssumeRole of admin-oss is refused: exit code 5, not 3 or 4).
  const chained = exportsOf((await rolehop(cloud, home, ['credentials', 'company-a', '--session-name', 'carol'], alice)).stdout);
  writeFileSync(join(aliyun, 'config.json'), JSON.stringify({ current: 'b', profiles: [{ name: 'b', mode: 'AK', access_key_id: bob.accessKeyId, access_key_secret: bob.accessKeySecret }, { name: 'sts', mode: 'StsToken', access_key_id: chained.ALIBABA_CLOUD_ACCESS_KEY_ID, access_key_secret: chained.ALIBABA_CLOUD_ACCESS_KEY_SECRET, sts_token: chained.ALIBABA_CLOUD_SECURITY_TOKEN }, { name: 'sso', mode: 'CloudSSO' }] }));
  const viaSts = await rolehop(cloud, home, ['console', 'company-a', '--print', '--aliyun-profile', 'sts']);
  assert.equal(viaSts.status, 5, viaSts.stderr);
  assert.match(viaSts.stderr, /AssumeRole of .* was refused \(NoPermission\)/);
  const wrongMode = await rolehop(cloud, home, ['credentials', 'company-a', '--aliyun-profile', 'sso']);
  assert.equal(wrongMode.status, 3);
  assert.match(wrongMode.stderr, /mode CloudSSO/);
  const noSuch = await rolehop(cloud, home, ['credentials', 'company-a', '--aliyun-profile', 'nope']);
  assert.equal(noSuch.status, 3);
  assert.match(noSuch.stderr, /has no profile "nope"/);
});

test('the session as asked: --duration, --policy FILE; the profile file from its documented default path', async (t) => {
  const { cloud, home } = await mockWithHome(t);
  const alice = envOf(cloud.credentials.B.users.alice);
  const latest = () => /** @type {import('./world.js').Session} */ ([...cloud.world.sessions.values()].at(-1));

  // --duration: the session lasts that long (STS's default is 3600 s); out of its rule, exit code 1 naming the flag.
  const short = await rolehop(cloud, home, ['credentials', 'company-a', '--duration', '900'], alice);
  assert.equal(short.status, 0, short.stderr);
  const lasts = Math.round((latest().expiresMs - Date.now()) / 1000);
  assert.ok(lasts > 880 && lasts <= 900, `the session lasts ${lasts} s`);
  const plain = await rolehop(cloud, home, ['credentials', 'company-a'], alice);
  assert.equal(plain.status, 0, plain.stderr);
  assert.ok(latest().expiresMs - Date.now() > 3500_000, 'without --duration: 3600 s');
  const tooShort = await rolehop(cloud, home, ['console', 'company-a', '--print', '--duration', '60'], alice);
  assert.equal(tooShort.status, 1, tooShort.stderr);
  assert.match(tooShort.stderr, /^rolehop: --duration: /);
  const notANumber = await rolehop(cloud, home, ['console', 'company-a', '--print', '--duration', 'soon'], alice);
  assert.equal(notANumber.status, 2, notANumber.stderr);

  // --policy FILE: your own session policy goes to AssumeRole as written, and the session can do only that.
  const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:ListObjects', Resource: `acs:oss:*:${A_UID}:company-a-reports` }] });
  writeFileSync(join(home, 'list-only.json'), policy);
  const own = await rolehop(cloud, home, ['console', 'company-a', '--print', '--policy', join(home, 'list-only.json')], alice);
  assert.equal(own.status, 0, own.stderr);
  const session = latest();
  assert.equal(session.policy, policy);
  const caller = { kind: 'session', account: session.account, session };
  const decide = (/** @type {string} */ action, /** @type {string} */ resource) => authorize(cloud.world, /** @type {any} */ (caller), { action, resource, context: {} });
  assert.equal(decide('oss:ListObjects', `acs:oss:*:${A_UID}:company-a-reports`), 'Allow');
  assert.notEqual(decide('oss:GetObject', `acs:oss:*:${A_UID}:company-a-reports/2024/q1.csv`), 'Allow');
  const missing = await rolehop(cloud, home, ['console', 'company-a', '--print', '--policy', join(home, 'nope.json')], alice);
  assert.equal(missing.status, 1, missing.stderr);
  assert.ok(missing.stderr.includes(join(home, 'nope.json')), missing.stderr);

  // No --profiles: ~/.config/rolehop/profiles.ini, or $XDG_CONFIG_HOME/rolehop/profiles.ini when set.
  const noFile = await rolehopWith(cloud, home, ['console', 'company-a', '--print'], alice);
  assert.equal(noFile.status, 1, noFile.stderr);
  assert.ok(noFile.stderr.includes(join(home, '.config', 'rolehop', 'profiles.ini')), noFile.stderr);
  mkdirSync(join(home, '.config', 'rolehop'), { recursive: true });
  writeFileSync(join(home, '.config', 'rolehop', 'profiles.ini'), PROFILES);
  const byHome = await rolehopWith(cloud, home, ['console', 'company-a', '--print'], alice);
  assert.equal(byHome.status, 0, byHome.stderr);
  const xdg = join(home, 'xdg');
  mkdirSync(join(xdg, 'rolehop'), { recursive: true });
  writeFileSync(join(xdg, 'rolehop', 'profiles.ini'), PROFILES.replace('[profile company-a]', '[profile from-xdg]'));
  const byXdg = await rolehopWith(cloud, home, ['console', 'from-xdg', '--print'], alice, { XDG_CONFIG_HOME: xdg });
  assert.equal(byXdg.status, 0, byXdg.stderr);
  assert.equal(new URL(byXdg.stdout.trim()).hostname, 'signin.aliyun.com');
});

test('each failure is named with its exit code', async (t) => {
  const { cloud: denied, home: deniedHome } = await mockWithHome(t, 'user-lacks-assume-role');
  const { cloud, home } = await mockWithHome(t);
  const alice = envOf(cloud.credentials.B.users.alice);

  const refused = await rolehop(denied, deniedHome, ['console', 'company-a', '--print'], alice);
  assert.equal(refused.status, 5, refused.stderr);
  assert.match(refused.stderr, new RegExp(`AssumeRole of ${ROLE_ARN} was refused \\(NoPermission\\)`));
  // The checks' diagnosis: the cloud named B's own policies, so step 2 and its fix are named.
  assert.match(refused.stderr, new RegExp(`B's user alice may not assume ${ROLE_ARN}: it lacks the sts:AssumeRole permission`));
  assert.match(refused.stderr, /policy type AccountLevelIdentityBasedPolicy/);
  assert.match(refused.stderr, /RAM console > Users > alice > Permissions > Grant/);
  // The policy document the fix names follows, indented: sts:AssumeRole on exactly this role.
  const snippet = JSON.parse(refused.stderr.split('\n').filter((line) => line.startsWith('  ')).join('\n'));
  assert.deepEqual(snippet.Statement.map((/** @type {any} */ s) => [s.Effect, s.Action, s.Resource]), [['Allow', 'sts:AssumeRole', ROLE_ARN]]);
  assert.equal(refused.stdout, '');
  const zh = await rolehop(denied, deniedHome, ['console', 'company-a', '--print', '--zh'], alice);
  assert.match(zh.stderr, /扮演角色 .* 被拒绝（NoPermission）/);
  assert.doesNotMatch(zh.stderr, /may not assume|RAM console/, 'the diagnosis is in Chinese too');
  // With --session-name, who you are is asked only after the refusal, for the same diagnosis.
  const named = await rolehop(denied, deniedHome, ['credentials', 'company-a', '--session-name', 'job'], alice);
  assert.equal(named.status, 5, named.stderr);
  assert.match(named.stderr, /B's user alice may not assume/);
  // The other side: A's trust policy refuses B (step 1), not B's policies.
  const { cloud: untrusted, home: untrustedHome } = await mockWithHome(t, 'trust-does-not-trust-b');
  const trust = await rolehop(untrusted, untrustedHome, ['console', 'company-a', '--print'], envOf(untrusted.credentials.B.users.alice));
  assert.equal(trust.status, 5, trust.stderr);
  assert.match(trust.stderr, /is not trusted by the trust policy of RAM role admin-oss/);
  assert.match(trust.stderr, /Roles > admin-oss > Trust Policy > Edit/);
  assert.doesNotMatch(trust.stderr, /lacks the sts:AssumeRole permission/);
  for (const run of [refused, zh, named, trust]) {
    for (const secret of [...secrets(denied), ...secrets(untrusted)]) assert.ok(!run.stderr.includes(secret), 'a secret was printed');
  }

  const none = await rolehop(cloud, home, ['console', 'company-a', '--print']);
  assert.equal(none.status, 3);
  assert.match(none.stderr, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
  const half = await rolehop(cloud, home, ['console', 'company-a'], { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tBbAlice000000000B2' });
  assert.equal(half.status, 3);
  assert.match(half.stderr, /ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set/);

  const wrongSecret = await rolehop(cloud, home, ['console', 'company-a', '--print'], { ...alice, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong' });
  assert.equal(wrongSecret.status, 4, wrongSecret.stderr);
  assert.match(wrongSecret.stderr, /SignatureDoesNotMatch/);
  assert.ok(!wrongSecret.stderr.includes('wrong'), 'the secret is not echoed');

  // Expired credentials: a role session as the caller, after it ended. Issued 850 s in the mock's
  // past (a skew STS tolerates), the 900 s session ends 50 s from now; a minute later it is over.
  cloud.setClock({ offsetMs: -850_000 });
  const chained = exportsOf((await rolehop(cloud, home, ['credentials', 'company-a', '--duration', '900'], alice)).stdout);
  const caller = { ALIBABA_CLOUD_ACCESS_KEY_ID: chained.ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: chained.ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: chained.ALIBABA_CLOUD_SECURITY_TOKEN };
  cloud.setClock({ offsetMs: 60_000 });
  const expired = await rolehop(cloud, home, ['console', 'company-a', '--print', '--session-name', 'chained'], caller);
  assert.equal(expired.status, 4, expired.stderr);
  assert.match(expired.stderr, /Your STS credentials have expired \(InvalidSecurityToken\.Expired\)/);

  cloud.setClock({ offsetMs: 20 * 60_000 });
  const skewed = await rolehop(cloud, home, ['console', 'company-a', '--print'], alice);
  assert.equal(skewed.status, 7, skewed.stderr);
  assert.match(skewed.stderr, /differs from the server's \(.+GMT\) by more than 15 minutes/);
  cloud.setClock({ offsetMs: 0 });

  const alias = await rolehop(cloud, home, ['console', 'by-alias', '--print'], alice);
  assert.equal(alias.status, 1);
  assert.match(alias.stderr, /add role_arn/);
  const unknown = await rolehop(cloud, home, ['console', 'nobody', '--print'], alice);
  assert.equal(unknown.status, 1);
  const badDestination = await rolehop(cloud, home, ['console', 'company-a', '--print', '--destination', 'https://evil.example/'], alice);
  assert.equal(badDestination.status, 1);
  assert.match(badDestination.stderr, /not an official Alibaba Cloud address/);
  const usage = await rolehop(cloud, home, ['console', 'company-a', '--read-only', '--policy', 'x.json'], alice);
  assert.equal(usage.status, 2);

  const closed = await freePort();
  const unreachable = await rolehop(cloud, home, ['console', 'company-a', '--print'], alice, { ROLEHOP_STS_ENDPOINT: `https://127.0.0.1:${closed}` });
  assert.equal(unreachable.status, 8, unreachable.stderr);
  assert.match(unreachable.stderr, /Could not reach sts\.aliyuncs\.com/);
});

test('the sign-in token refused: exit code 6', async (t) => {
  const { cloud, home } = await mockWithHome(t);
  cloud.injectFault({ kind: 'error', service: 'signin', action: 'GetSigninToken', status: 401, code: 'InvalidCredential.AuthenticateFail', message: 'The credential you provided is invalid.' });
  const run = await rolehop(cloud, home, ['console', 'company-a', '--print'], envOf(cloud.credentials.B.users.alice));
  assert.equal(run.status, 6, run.stderr);
  assert.match(run.stderr, /refused the session \(InvalidCredential\.AuthenticateFail/);
  assert.equal(run.stdout, '');
});

/** A port nothing listens on (taken from the system, then released). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}
