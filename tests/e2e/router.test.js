// The service worker's message router, run in Node with a stand-in core: sender classification,
// validation and refusals that a browser test cannot reach yet (there are no content scripts).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRouter, CONTENT_SCRIPT_TYPES } from '../../extension/background/router.js';
import { WORKER_MESSAGES } from '../../extension/background/messages.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const POPUP = { id: ID, url: `${BASE}popup/popup.html` };
const TAB_PAGE = { id: ID, url: `${BASE}popup/popup.html`, tab: { url: `${BASE}popup/popup.html` } };
const CONTENT_SCRIPT = { id: ID, url: 'https://signin.aliyun.com/switchRole.htm', tab: { url: 'https://signin.aliyun.com/switchRole.htm' } };
const FRAMED_IN_WEB_PAGE = { id: ID, url: `${BASE}popup/popup.html`, tab: { url: 'https://evil.example/' } };
const OTHER_EXTENSION = { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/x.html' };

/** @type {string[]} */
let calls = [];
/** A stand-in for core.js: records calls, answers like the core does. @type {import('../../extension/shared/core.js').Core} */
const fakeCore = {
  version: () => (calls.push('version'), { name: 'rolehop', version: '9.9.9', signing: ['rpc-v1', 'oss-v1', 'oss-v1-presign', 'post-policy-v1'], actions: ['AssumeRole'] }),
  selfCheck: () => (calls.push('selfCheck'), { ok: true, check: 'c', expected: 'x', actual: 'x' }),
  sign: (request) => (calls.push(`sign:${request.kind}`), { canonicalQuery: 'q', stringToSign: 's', signature: 'sig' }),
  request: (input) => (calls.push(`request:${input.action}`), { method: 'POST', url: 'u', headers: {}, body: null, signing: { stringToSign: 's', signature: 'sig' } }),
  parseResponse: (input) => (calls.push(`parseResponse:${input.action}`), { result: { requestId: 'r' } }),
  policyLint: () => (calls.push('policyLint'), { kind: 'identity', valid: true, summary: { error: 0, securityWarning: 0, warning: 0, suggestion: 0 }, findings: [], size: 2 }),
  policySimulate: () => (calls.push('policySimulate'), { decision: 'Allow', policies: [] }),
  profileParse: () => (calls.push('profileParse'), { profiles: [], errors: [] }),
  profileSerialize: () => (calls.push('profileSerialize'), { text: '' }),
  profileImport: () => (calls.push('profileImport'), { profiles: [], text: '', skipped: [], errors: [] }),
  profileExport: () => (calls.push('profileExport'), { text: '{}', skipped: [], exported: [] }),
  switchUrl: () => (calls.push('switchUrl'), { url: 'u', exitUrl: 'e', site: 'cn', parentAlias: 'a', roleName: 'r' }),
  checksPlan: () => (calls.push('checksPlan'), { checks: [], requests: [], retryPolicy: { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4000, backoff: '', reads: { actions: [], retryOn: [] }, writes: { actions: [], retryOn: [] } } }),
  checksNext: () => (calls.push('checksNext'), { next: [], done: true }),
  checksDiagnose: () => (calls.push('checksDiagnose'), { error: { kind: 'invalid-value', message: 'stand-in' } }),
  checksRetry: () => (calls.push('checksRetry'), { retry: false, kind: 'read', reason: { id: 'core_check_retry_final', args: {} } }),
  tutorialSteps: () => (calls.push('tutorialSteps'), { error: { kind: 'invalid-value', message: 'stand-in' } }),
  setupPlan: () => (calls.push('setupPlan'), { error: { kind: 'invalid-value', message: 'stand-in' } }),
  setupNext: () => (calls.push('setupNext'), { error: { kind: 'invalid-value', message: 'stand-in' } }),
  consoleSignin: () => (calls.push('consoleSignin'), { error: { kind: 'invalid-value', message: 'stand-in' } }),
  consoleRefusal: () => (calls.push('consoleRefusal'), { error: { kind: 'invalid-value', message: 'stand-in' } }),
};

/** Stand-ins for the worker's credential and checks services (credentials.js, checks.js). */
const fakeServices = {
  credentials: {
    setCredentials: async (/** @type {unknown} */ side) => (calls.push(`setCredentials:${side}`), { a: null, b: null, storage: /** @type {const} */ ('session') }),
    clearCredentials: async (/** @type {unknown} */ side) => (calls.push(`clearCredentials:${side}`), { a: null, b: null, storage: /** @type {const} */ ('session') }),
    credentialsStatus: async () => (calls.push('credentialsStatus'), { a: null, b: null, storage: /** @type {const} */ ('session') }),
  },
  runChecks: async () => (calls.push('runChecks'), { report: {}, sent: [] }),
  openConsole: async () => (calls.push('openConsole'), { opened: { arn: 'a', expiration: 'e', readOnly: false } }),
};

const router = createRouter({ core: Promise.resolve(fakeCore), extensionId: ID, extensionBase: BASE, services: fakeServices });
/** The router's answer, loosely typed for assertions. @param {unknown} message @param {object} sender @returns {Promise<any>} */
const route = (message, sender) => router(message, sender);

/** @param {unknown} reply */
function errorOf(reply) {
  assert.ok(reply && typeof reply === 'object' && 'error' in reply, `expected an error, got ${JSON.stringify(reply)}`);
  return /** @type {{error: {kind: string, message: string}}} */ (reply).error;
}

describe('router: trusted extension pages', () => {
  test('each message type reaches its core function with its payload', async () => {
    calls = [];
    assert.equal((await route({ type: 'core.version' }, POPUP)).version, '9.9.9');
    assert.equal((await route({ type: 'core.selfCheck' }, TAB_PAGE)).ok, true);
    assert.equal((await route({ type: 'core.sign', request: { kind: 'rpc' } }, POPUP)).signature, 'sig');
    assert.equal((await route({ type: 'core.request', request: { action: 'GetRole' } }, POPUP)).method, 'POST');
    assert.deepEqual(await route({ type: 'core.parseResponse', response: { action: 'ListBuckets' } }, POPUP), { result: { requestId: 'r' } });
    assert.deepEqual(calls, ['version', 'selfCheck', 'sign:rpc', 'request:GetRole', 'parseResponse:ListBuckets']);
  });

  test('every known type has a handler', async () => {
    for (const [type, { fields }] of Object.entries(WORKER_MESSAGES)) {
      // Content-script types answer only their pages' senders (tests/e2e/content-messages.test.js).
      if (CONTENT_SCRIPT_TYPES.has(/** @type {any} */ (type))) continue;
      const message = { type, ...Object.fromEntries(Object.entries(fields).map(([f, kind]) => [f, kind.startsWith('string') ? 'a' : kind.startsWith('boolean') ? false : { kind: 'rpc' }])) };
      const reply = await route(message, POPUP);
      assert.ok(!('error' in reply), `${type}: ${JSON.stringify(reply)}`);
    }
  });
});

describe('router: malformed messages', () => {
  /** @type {Array<[unknown, RegExp]>} */
  const cases = [
    ['core.version', /must be an object with a "type" field, got a string/],
    [null, /got null/],
    [undefined, /got nothing/],
    [[{ type: 'core.version' }], /got an array/],
    [{}, /message\.type must be a string/],
    [{ type: 7 }, /message\.type must be a string naming the message, got a number/],
    [{ type: 'core.nope' }, /unknown message type "core\.nope": expected one of core\.version, core\.selfCheck, core\.sign, core\.request, core\.parseResponse\b/],
    [{ type: 'toString' }, /unknown message type "toString"/],
    [{ type: '__proto__' }, /unknown message type "__proto__"/],
    [{ type: 'core.version', extra: 1 }, /unexpected field message\.extra in a core\.version message \(it takes only: type\)/],
    [{ type: 'core.sign' }, /missing field message\.request/],
    [{ type: 'core.sign', request: 'GET' }, /message\.request must be a JSON object, got a string/],
    [{ type: 'core.sign', request: [] }, /message\.request must be a JSON object, got an array/],
    [{ type: 'core.sign', request: null }, /message\.request must be a JSON object, got null/],
    [{ type: 'core.request', response: {} }, /unexpected field message\.response in a core\.request message \(it takes only: type, request\)/],
    [{ type: 'core.parseResponse', request: {} }, /unexpected field message\.request/],
    [{ type: 'core.parseResponse' }, /missing field message\.response/],
  ];
  for (const [message, reason] of cases) {
    test(`refuses ${JSON.stringify(message) ?? 'undefined'}`, async () => {
      calls = [];
      const error = errorOf(await route(message, POPUP));
      assert.equal(error.kind, 'invalid-message');
      assert.match(error.message, reason);
      assert.deepEqual(calls, [], 'the core must not be called');
    });
  }
});

describe('router: untrusted senders', () => {
  test('content scripts may send only the switch.*, identity.lookup and ramHelper.* types', async () => {
    assert.deepEqual([...CONTENT_SCRIPT_TYPES].sort(), ['identity.lookup', 'ramHelper.checkTrust', 'ramHelper.context', 'ramHelper.copy', 'ramHelper.panel', 'switch.context', 'switch.saveProfile', 'switch.validate']);
    calls = [];
    for (const type of ['core.version', 'core.selfCheck']) {
      const error = errorOf(await route({ type }, CONTENT_SCRIPT));
      assert.equal(error.kind, 'not-allowed');
      assert.match(error.message, new RegExp(`content scripts may not send ${type.replace('.', '\\.')}`));
    }
    assert.deepEqual(calls, []);
  });

  test('an extension page framed in a web page counts as untrusted', async () => {
    assert.equal(errorOf(await route({ type: 'core.version' }, FRAMED_IN_WEB_PAGE)).kind, 'not-allowed');
  });

  test('a sender without a URL is untrusted', async () => {
    assert.equal(errorOf(await route({ type: 'core.version' }, { id: ID })).kind, 'not-allowed');
  });

  test('other extensions are refused before their message is read', async () => {
    const error = errorOf(await route({ type: 'core.version' }, OTHER_EXTENSION));
    assert.equal(error.kind, 'not-allowed');
    assert.match(error.message, /other extensions/);
  });

  test('malformed content-script messages are reported as invalid', async () => {
    assert.equal(errorOf(await route({ type: 'x' }, CONTENT_SCRIPT)).kind, 'invalid-message');
  });
});

describe('router: failures', () => {
  test('a core that failed to load gives core-unavailable', async () => {
    const broken = Promise.reject(new Error('CompileError: bad module'));
    broken.catch(() => {});
    const routeBroken = createRouter({ core: broken, extensionId: ID, extensionBase: BASE });
    const error = errorOf(await routeBroken({ type: 'core.version' }, POPUP));
    assert.equal(error.kind, 'core-unavailable');
    assert.match(error.message, /CompileError: bad module/);
  });

  test('a throwing core call gives internal, naming the message type', async () => {
    const throwing = { ...fakeCore, sign: () => { throw new Error('boom'); } };
    const routeThrowing = createRouter({ core: Promise.resolve(throwing), extensionId: ID, extensionBase: BASE });
    const error = errorOf(await routeThrowing({ type: 'core.sign', request: {} }, POPUP));
    assert.equal(error.kind, 'internal');
    assert.equal(error.message, 'core.sign failed: boom');
  });
});
