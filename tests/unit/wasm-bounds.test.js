// The shipped wasm core (dist/chromium/pkg) on the hostile inputs of tests/lib/hostile-cases.json,
// each document up to 256 KB: every call answers (findings, a decision, or an error naming a
// limit), none ends in `RuntimeError: unreachable` (an abort, e.g. out of memory), and the
// module's memory stays within a bound linear in the input. Timing is bench/hostile's business.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hostileCases } from '../lib/hostile.js';
import { formatMessage } from '../../extension/shared/i18n.js';
import { loadWasmCore } from '../lib/wasm-core.js';

/** A core message in a catalog's words (plural entries by the English rule; Chinese has one form). @param {{id: string, args: Record<string, any>}} message @param {'en' | 'zh_CN'} locale @returns {string} */
function render(message, locale) {
  const catalog = JSON.parse(readFileSync(fileURLToPath(new URL(`../../extension/_locales/${locale}/messages.json`, import.meta.url)), 'utf8'));
  const values = Object.values(message.args).map((v) => (typeof v === 'object' ? render(v, locale) : String(v)));
  const count = message.args.count;
  const entry = typeof count === 'number' ? catalog[`${message.id}_${count === 1 && locale === 'en' ? 'one' : 'other'}`] ?? catalog[message.id] : catalog[message.id];
  return formatMessage(entry, values);
}

const PKG = fileURLToPath(new URL('../../dist/chromium/pkg/', import.meta.url));

/** @type {any} */
let wasm;
/** @type {WebAssembly.Memory} */
let memory;

before(async () => {
  const core = await loadWasmCore(PKG);
  wasm = core.wasm;
  // The hostile inputs are policies: the policy module's memory.
  memory = core.memories.policy;
});

describe('the wasm core on hostile inputs', () => {
  for (const c of hostileCases()) {
    test(`${c.name}: ${c.what}`, () => {
      assert.ok(c.documentBytes <= 256 * 1024, `${c.documentBytes} bytes`);
      const answer = JSON.parse(wasm[c.call](c.input));
      assert.equal(answer.error, undefined, JSON.stringify(answer.error));
      if (c.call === 'policyLint') assert.ok(Array.isArray(answer.findings));
      else assert.match(answer.decision, /^(Allow|ExplicitDeny|ImplicitDeny)$/);
      // Memory never shrinks: this is the peak so far. 256 MB is 64 times the largest input.
      assert.ok(memory.buffer.byteLength <= 256 * 1024 * 1024, `${memory.buffer.byteLength} bytes of wasm memory`);
    });
  }

  test('the checks that would be quadratic say so', () => {
    const byName = Object.fromEntries(hostileCases().map((c) => [c.name, c]));
    for (const name of ['many-statements', 'long-wildcard-patterns', 'trust-many-roots']) {
      const answer = JSON.parse(wasm.policyLint(byName[name].input));
      const bounded = answer.findings.filter((/** @type {any} */ f) => f.code === 'too-large-to-check');
      assert.equal(bounded.length, 1, name);
      // A message id with its arguments, in words from both catalogs.
      assert.ok(['core_policy_shadow_too_large', 'core_policy_too_many_findings'].includes(bounded[0].message.id), bounded[0].message.id);
      assert.match(render(bounded[0].message, 'en'), /^The policy is too large to check fully/);
      assert.match(render(bounded[0].message, 'zh_CN'), /^策略太大，无法完整检查/);
    }
  });

  test('a document past 256 KB is refused with the limit, not worked on', () => {
    const statement = '{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"},';
    const policy = `{"Version":"1","Statement":[${statement.repeat(5000)}{"Effect":"Deny","Action":"*","Resource":"*"}]}`;
    const answer = JSON.parse(wasm.policyLint(JSON.stringify({ policy })));
    assert.equal(answer.error.kind, 'invalid-value');
    assert.equal(answer.error.path, '$.policy');
    assert.equal(answer.error.text.id, 'core_policy_document_too_large');
    assert.match(render(answer.error.text, 'en'), /at most 262144 bytes/);
    assert.match(render(answer.error.text, 'zh_CN'), /最多 262144 字节/);
  });
});
