// The shipped dist/firefox in real Firefox ESR: the add-on installs under its gecko id, its
// background script (an event page: background.scripts, type module) loads the wasm core, and the
// popup page gets its answers.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { RPC_VECTOR } from '../lib/vectors.js';

describe('Firefox', () => {
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;

  before(async () => {
    firefox = await launchFirefoxExtension();
    await firefox.openPage('popup/popup.html');
  });
  after(async () => {
    await firefox?.close();
  });

  test('installs the unsigned build as a temporary add-on under its gecko id', () => {
    assert.equal(firefox.addonId, 'rolehop@rolehop');
  });

  test('the popup shows the core version and a passing self-check', async () => {
    const shown = await firefox.evaluate(`const until = Date.now() + 10000;
      const status = () => document.getElementById('check-status');
      while (status().dataset.result === 'pending' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return { result: status().dataset.result, status: status().textContent,
               version: document.getElementById('core-version').textContent,
               actual: document.getElementById('check-actual').textContent, lang: document.documentElement.lang };`);
    assert.deepEqual(shown, {
      result: 'pass',
      status: 'Pass: the signature matches',
      version: shown.version,
      actual: RPC_VECTOR.signature,
      lang: 'en',
    });
    assert.match(shown.version, /^rolehop \d+\.\d+\.\d+/);
  });

  test('the background answers core.sign with the documented signature', async () => {
    const reply = await firefox.sendMessage({ type: 'core.sign', request: RPC_VECTOR.request });
    assert.equal(reply.signature, RPC_VECTOR.signature);
  });

  test('the background refuses a malformed message with invalid-message', async () => {
    const reply = await firefox.sendMessage({ type: 'core.sign', request: 'GET' });
    assert.equal(reply.error.kind, 'invalid-message');
    assert.match(reply.error.message, /message\.request must be a JSON object/);
  });
});
