// The shipped service worker in real Chromium: it starts, loads the wasm core, and answers the
// messages of extension pages (sent with chrome.runtime.sendMessage from the popup page).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchExtension, ROOT } from './harness.js';
import { RPC_VECTOR } from '../lib/vectors.js';
import { runCli } from '../lib/cli.js';

const CARGO_VERSION = /\[workspace\.package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(
  readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'),
)?.[1];

describe('service worker', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @param {unknown} message @returns {Promise<any>} */
  const send = (message) => browser.sendMessage(page, message);

  before(async () => {
    browser = await launchExtension();
    page = await browser.openPage('popup/popup.html');
  });
  after(async () => {
    await browser?.close();
  });

  test('starts as a module worker of the extension', () => {
    assert.match(browser.extensionId, /^[a-p]{32}$/);
    assert.equal(browser.worker.url(), browser.url('background/service-worker.js'));
  });

  test('answers core.version with the workspace version', async () => {
    const reply = await send({ type: 'core.version' });
    assert.equal(reply.name, 'rolehop');
    assert.equal(reply.version, CARGO_VERSION);
    assert.ok(reply.signing.includes('rpc-v1'), JSON.stringify(reply));
  });

  test('answers core.selfCheck: the public RPC vector signs correctly in wasm', async () => {
    const reply = await send({ type: 'core.selfCheck' });
    assert.deepEqual(reply, {
      ok: true,
      check: reply.check,
      expected: RPC_VECTOR.signature,
      actual: RPC_VECTOR.signature,
    });
    assert.match(reply.check, /RPC/);
  });

  test('core.sign returns the documented signature of the public RPC vector', async () => {
    const reply = await send({ type: 'core.sign', request: RPC_VECTOR.request });
    assert.equal(reply.signature, RPC_VECTOR.signature);
    assert.equal(reply.stringToSign, RPC_VECTOR.stringToSign);
  });

  test('core.sign passes the core\'s errors through with kind and JSON path', async () => {
    const { accessKeySecret: _omitted, ...withoutSecret } = RPC_VECTOR.request;
    const reply = await send({ type: 'core.sign', request: withoutSecret });
    assert.equal(reply.error.kind, 'missing-field');
    assert.equal(reply.error.path, '$.accessKeySecret');
  });

  test('core.sign in wasm equals the native CLI for every signing kind', async () => {
    const credentials = { accessKeyId: 'LTAI-example', accessKeySecret: 'example-secret' };
    const object = { bucket: 'examplebucket', key: 'docs/a b+c.txt', ...credentials };
    const requests = [
      RPC_VECTOR.request,
      { kind: 'rpc', method: 'POST', params: { Action: 'GetCallerIdentity', Format: 'JSON', Version: '2015-04-01' }, accessKeySecret: 's' },
      { kind: 'oss', method: 'GET', ...object, headers: { Date: 'Wed, 28 Dec 2022 10:27:41 GMT', 'x-oss-meta-a': '1' }, query: { acl: null } },
      { kind: 'oss-presign', method: 'GET', ...object, securityToken: 'sts-token', expires: 1700000000, endpoint: 'oss-cn-hangzhou.aliyuncs.com' },
      { kind: 'post-policy', policy: '{"expiration":"2030-01-01T00:00:00.000Z","conditions":[["content-length-range",0,1048576]]}', ...credentials },
      { kind: 'oss', method: 'GET', ...object }, // no Date: an error, also identical
    ];
    for (const request of requests) {
      const fromWasm = await send({ type: 'core.sign', request });
      assert.deepEqual(fromWasm, runCli('sign', request), JSON.stringify(request));
    }
  });

  test('core.request in wasm equals the native CLI', async () => {
    const credentials = { accessKeyId: 'LTAI-example', accessKeySecret: 'example-secret' };
    const common = { credentials, time: '2024-05-06T07:08:09Z', nonce: '00000000-0000-4000-8000-000000000001' };
    const inputs = [
      { action: 'GetCallerIdentity', ...common },
      { action: 'AssumeRole', ...common, roleArn: 'acs:ram::1746000000000000:role/admin-oss', roleSessionName: 'rolehop', durationSeconds: 3600 },
      { action: 'ListBuckets', ...common, credentials: { ...credentials, securityToken: 'sts-token' } },
      { action: 'AssumeRole', ...common }, // missing roleArn: an error, also identical
    ];
    for (const request of inputs) {
      const fromWasm = await send({ type: 'core.request', request });
      assert.deepEqual(fromWasm, runCli('request', request), JSON.stringify(request));
    }
    const built = await send({ type: 'core.request', request: inputs[0] });
    assert.equal(built.url, 'https://sts.aliyuncs.com/');
    assert.match(built.body, /Signature=/);
  });

  test('core.parseResponse in wasm equals the native CLI', async () => {
    const responses = [
      {
        action: 'GetCallerIdentity',
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          AccountId: '1746000000000000', Arn: 'acs:ram::1746000000000000:user/alice', IdentityType: 'RAMUser',
          PrincipalId: '200000000000000000', UserId: '200000000000000000', RequestId: 'req-1',
        }),
      },
      {
        action: 'AssumeRole',
        status: 403,
        headers: {},
        body: JSON.stringify({ RequestId: 'req-2', HostId: 'sts.aliyuncs.com', Code: 'NoPermission', Message: 'You are not authorized to do this action.' }),
      },
      { action: 'ListBuckets', status: 200, headers: {}, body: '<not xml' }, // an error, also identical
    ];
    for (const response of responses) {
      const fromWasm = await send({ type: 'core.parseResponse', response });
      assert.deepEqual(fromWasm, runCli('parse', response), JSON.stringify(response));
    }
    assert.equal((await send({ type: 'core.parseResponse', response: responses[0] })).result.accountId, '1746000000000000');
    assert.equal((await send({ type: 'core.parseResponse', response: responses[1] })).apiError.code, 'NoPermission');
  });

  test('malformed messages are refused with invalid-message', async () => {
    const cases = [
      'core.version',
      null,
      { type: 'core.unknown' },
      { type: 'core.version', extra: true },
      { type: 'core.sign' },
      { type: 'core.sign', request: 'not an object' },
    ];
    for (const message of cases) {
      const reply = await send(message);
      assert.equal(reply?.error?.kind, 'invalid-message', `${JSON.stringify(message)} -> ${JSON.stringify(reply)}`);
      assert.ok(reply.error.message.length > 10, reply.error.message);
    }
  });

  test('keeps answering after a burst of concurrent messages', async () => {
    const replies = await page.evaluate(() =>
      Promise.all(Array.from({ length: 20 }, () => chrome.runtime.sendMessage({ type: 'core.selfCheck' }))),
    );
    assert.equal(replies.length, 20);
    assert.ok(replies.every((r) => r.ok === true));
  });

  test('no console errors or uncaught errors in the worker or the page', () => {
    assert.deepEqual(browser.errors, []);
  });
});
