// The options page's pure text helpers: positions, format detection, merging an import.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareIds, detectFormat, lineCount, mergeIni, offsetOf } from '../../extension/options/ini-text.js';

test('offsetOf: 1-based line and column, clamped, astral characters count once', () => {
  const text = 'ab\n😀x\nlast';
  assert.equal(offsetOf(text, 1, 1), 0);
  assert.equal(offsetOf(text, 2, 2), 5); // after the emoji (2 UTF-16 units)
  assert.equal(offsetOf(text, 2, 99), 6);
  assert.equal(offsetOf(text, 9, 1), text.length);
  assert.equal(lineCount(text), 3);
});

test('detectFormat', () => {
  assert.equal(detectFormat('  {"profiles": []}'), 'aliyun-cli');
  assert.equal(detectFormat('[profile a]'), 'ini');
});

test('mergeIni replaces sections by id (case-insensitive), keeps every comment, appends the import', () => {
  const text = '# mine\n[profile a]\naccount = a\n\n# b follows\n[profile B]\naccount = b\n';
  const profiles = [{ id: 'a', line: 2 }, { id: 'B', line: 6 }];
  const imported = [{ id: 'b', line: 1 }, { id: 'c', line: 4 }];
  assert.deepEqual(compareIds(profiles, imported), { added: ['c'], replaced: ['b'] });
  const merged = mergeIni(text, profiles, '[profile b]\naccount = b2\n[profile c]\naccount = c\n', ['b']);
  assert.equal(merged, '# mine\n[profile a]\naccount = a\n\n# b follows\n\n[profile b]\naccount = b2\n[profile c]\naccount = c\n');
  assert.equal(mergeIni('', [], '[profile c]\n', []), '[profile c]\n');
  // Comments inside a replaced section stay; its keys and blank lines go.
  const noted = '[profile a]\n; owner: ops\naccount = a\n\n# next\n[profile b]\naccount = b\n';
  assert.equal(
    mergeIni(noted, [{ id: 'a', line: 1 }, { id: 'b', line: 6 }], '[profile a]\naccount = a2\n', ['a']),
    '; owner: ops\n# next\n[profile b]\naccount = b\n\n[profile a]\naccount = a2\n',
  );
});
