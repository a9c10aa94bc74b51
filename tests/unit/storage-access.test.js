// Closing storage.local and storage.sync to content scripts (extension/shared/storage-access.js):
// true only when the browser accepted TRUSTED_CONTEXTS for both areas; false (then the tags are
// checked) where the call is missing for either area or refused.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closeAreas } from '../../extension/shared/storage-access.js';

/** @param {(options: object) => Promise<void>} [setAccessLevel] */
function area(setAccessLevel) {
  /** @type {object[]} */
  const calls = [];
  return {
    calls,
    ...(setAccessLevel ? { setAccessLevel: (/** @type {any} */ options) => (calls.push(options), setAccessLevel(options)) } : {}),
  };
}

describe('closing storage to content scripts', () => {
  test('both areas accept TRUSTED_CONTEXTS: closed', async () => {
    const local = area(async () => {});
    const sync = area(async () => {});
    assert.equal(await closeAreas({ local, sync }), true);
    assert.deepEqual([local.calls, sync.calls], [[{ accessLevel: 'TRUSTED_CONTEXTS' }], [{ accessLevel: 'TRUSTED_CONTEXTS' }]]);
  });

  test('no setAccessLevel (Firefox) on either area, or no storage.sync: not closed, nothing called', async () => {
    const local = area(async () => {});
    assert.equal(await closeAreas({ local: area(), sync: area() }), false);
    assert.equal(await closeAreas({ local, sync: area() }), false);
    assert.equal(await closeAreas({ local }), false);
    assert.deepEqual(local.calls, []);
  });

  test('refused (an older Chromium accepts it for storage.session only): not closed, said as a warning', async () => {
    /** @type {string[]} */
    const warnings = [];
    const warn = console.warn;
    console.warn = (/** @type {string} */ m) => void warnings.push(m);
    try {
      const refuse = async () => {
        throw new Error('This StorageArea is not available for setting access level');
      };
      assert.equal(await closeAreas({ local: area(refuse), sync: area(async () => {}) }), false);
    } finally {
      console.warn = warn;
    }
    assert.match(String(warnings[0]), /storage could not be closed to content scripts \(This StorageArea is not available/);
  });
});
