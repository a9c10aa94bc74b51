// The workbench's messages in Node, with stand-ins: credentials.* and checks.run only from the
// extension's own pages; the run port refuses content scripts and other extensions before reading
// anything, and validates every message on it. (checks.test.js proves the same in Chromium.)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRouter } from '../../extension/background/router.js';
import { createRunPortListener, RUN_PORT_NAME } from '../../extension/background/run-port.js';
import { validatePortMessage } from '../../extension/background/messages.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const WORKBENCH = { id: ID, url: `${BASE}workbench/workbench.html`, tab: { url: `${BASE}workbench/workbench.html` } };
const CONTENT_SCRIPT = { id: ID, url: 'https://signin.aliyun.com/switchRole.htm', tab: { url: 'https://signin.aliyun.com/switchRole.htm' }, origin: 'https://signin.aliyun.com', frameId: 0 };
const FRAMED = { id: ID, url: `${BASE}workbench/workbench.html`, tab: { url: 'https://evil.example/' } };
const OTHER_EXTENSION = { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/x.html' };

/** @type {string[]} */
let calls = [];
const status = { a: null, b: null, storage: /** @type {const} */ ('session') };
const services = {
  credentials: {
    setCredentials: async (/** @type {unknown} */ side) => (calls.push(`set:${side}`), status),
    clearCredentials: async (/** @type {unknown} */ side) => (calls.push(`clear:${side}`), status),
    credentialsStatus: async () => (calls.push('status'), status),
  },
  runChecks: async () => (calls.push('runChecks'), { report: {}, sent: [] }),
  openConsole: async () => (calls.push('openConsole'), { opened: { arn: 'a', expiration: 'e', readOnly: false } }),
};
const route = createRouter({ core: Promise.resolve(/** @type {any} */ ({})), extensionId: ID, extensionBase: BASE, services });

const MESSAGES = [
  { type: 'credentials.set', side: 'b', credentials: { accessKeyId: 'LTAI5tBbAlice000000000B2', accessKeySecret: 'BbAliceSecret000000000000000B2' } },
  { type: 'credentials.clear', side: 'all' },
  { type: 'credentials.status' },
  { type: 'checks.run', inputs: {} },
  // Open console: from the popup only; a web page's content script can never start a sign-in.
  { type: 'console.open', profile: { id: 'a', displayName: 'A', site: 'cn', roleArn: 'acs:ram::1746205010153210:role/admin-oss', accountUid: '1746205010153210' }, readOnly: false },
];

describe('credentials and checks messages', () => {
  test('reach their service from the workbench', async () => {
    calls = [];
    for (const message of MESSAGES) assert.ok(!('error' in /** @type {any} */ (await route(message, WORKBENCH))));
    assert.deepEqual(calls, ['set:b', 'clear:all', 'status', 'runChecks', 'openConsole']);
  });

  for (const [who, sender] of /** @type {const} */ ([['a content script', CONTENT_SCRIPT], ['a framed extension page', FRAMED], ['another extension', OTHER_EXTENSION]])) {
    test(`are refused from ${who}, before any service runs`, async () => {
      calls = [];
      for (const message of MESSAGES) {
        const reply = /** @type {any} */ (await route(message, sender));
        assert.equal(reply.error?.kind, 'not-allowed', `${message.type}: ${JSON.stringify(reply)}`);
      }
      assert.deepEqual(calls, []);
    });
  }

  test('malformed ones are refused by the schema', async () => {
    const reply = /** @type {any} */ (await route({ type: 'credentials.set', side: 'b' }, WORKBENCH));
    assert.match(reply.error.message, /missing field message\.credentials/);
  });
});

/** A stand-in chrome.runtime.Port recording what the worker does with it. */
function fakePort(/** @type {object} */ sender, name = RUN_PORT_NAME) {
  /** @type {unknown[]} */
  const posted = [];
  /** @type {Array<(m: unknown) => void>} */
  const listeners = [];
  const port = {
    name, sender, posted, disconnected: false,
    postMessage: (/** @type {unknown} */ m) => posted.push(m),
    disconnect() { port.disconnected = true; },
    onMessage: { addListener: (/** @type {(m: unknown) => void} */ f) => listeners.push(f) },
    onDisconnect: { addListener: () => {} },
    /** @param {unknown} m */
    receive: (m) => Promise.all(listeners.map((f) => f(m))),
  };
  return port;
}

describe('the run port', () => {
  const listener = createRunPortListener({ core: Promise.resolve({}), extensionId: ID, extensionBase: BASE });

  for (const [who, sender] of /** @type {const} */ ([['a content script', CONTENT_SCRIPT], ['another extension', OTHER_EXTENSION], ['a framed page', FRAMED]])) {
    test(`disconnects ${who} at once`, () => {
      const port = fakePort(sender);
      listener(/** @type {any} */ (port));
      assert.equal(port.disconnected, true);
      // The English message for logs, and the catalog's words for a page (background/run-port.js).
      const text = { id: 'runNotAllowed', args: {} };
      assert.deepEqual(port.posted, [{ event: 'error', error: { kind: 'not-allowed', message: 'only RoleHop\'s own pages may run checks or setup', text } }]);
    });
  }

  test('ignores other ports', () => {
    const port = fakePort(CONTENT_SCRIPT, 'someone-else');
    listener(/** @type {any} */ (port));
    assert.equal(port.disconnected, false);
    assert.deepEqual(port.posted, []);
  });

  test('validates messages and refuses a confirmation nobody asked for', async () => {
    const port = fakePort(WORKBENCH);
    listener(/** @type {any} */ (port));
    await port.receive({ type: 'run.keepalive' }); // accepted silently
    await port.receive({ type: 'checks.run' });
    await port.receive({ type: 'setup.confirm', stepId: 'role.create', decision: 'send' });
    assert.deepEqual(port.posted.map((/** @type {any} */ e) => e.error.message), [
      'missing field message.inputs: a checks.run message needs a object there',
      'nothing is waiting for a decision on role.create',
    ]);
  });

  test('its schema: exact fields per type', () => {
    assert.ok(validatePortMessage({ type: 'setup.cancel' }).ok);
    assert.ok(!validatePortMessage({ type: 'setup.cancel', now: true }).ok);
    assert.ok(!validatePortMessage({ type: 'credentials.status' }).ok);
  });
});
