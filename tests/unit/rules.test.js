// The extension's text rules are the core's, generated (crate/tests/rules_js.rs writes
// extension/shared/rules.js and content/rules.js from crate/src/rules/text.rs): the generated
// patterns accept and refuse exactly the samples the core's predicates are tested on, and the
// content scripts' copy is the module's.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as rules from '../../extension/shared/rules.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** @type {Record<string, {valid: string[], invalid: string[]}>} */
const SAMPLES = JSON.parse(readFileSync(join(ROOT, 'crate', 'tests', 'fixtures', 'rule-samples.json'), 'utf8'));

test('every generated rule accepts and refuses the samples the core is tested on', () => {
  assert.deepEqual(Object.keys(rules).sort(), Object.keys(SAMPLES).sort());
  for (const [name, { valid, invalid }] of Object.entries(SAMPLES)) {
    const pattern = /** @type {Record<string, RegExp>} */ (/** @type {unknown} */ (rules))[name];
    for (const text of valid) assert.ok(pattern.test(text), `${name} refuses ${JSON.stringify(text)}`);
    for (const text of invalid) assert.ok(!pattern.test(text), `${name} accepts ${JSON.stringify(text)}`);
  }
});

test("the content scripts' rules are the module's", () => {
  const script = readFileSync(join(ROOT, 'extension', 'content', 'rules.js'), 'utf8');
  const content = vm.runInNewContext(`${script}\nRoleHopRules`);
  assert.ok(Object.isFrozen(content));
  assert.deepEqual(
    Object.fromEntries(Object.entries(content).map(([k, v]) => [k, String(v)])),
    Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, String(v)])),
  );
});
