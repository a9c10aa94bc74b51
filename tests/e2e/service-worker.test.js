// The shipped service worker in real Chromium: it starts, loads the wasm core, and answers the
// messages of extension pages (sent with chrome.runtime.sendMessage from the popup page).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchExtension, ROOT } from './harness.js';
import { RPC_VECTOR } from '../lib/vectors.js';

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
});
