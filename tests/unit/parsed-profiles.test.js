// The popup's cached parse (extension/shared/parsed-profiles.js): used only for exactly the copy,
// default site and build it was made for; anything malformed is a miss; a failed write is reported,
// never thrown. The browser side (the popup taking it, a new save never shown stale) is in
// tests/e2e/popup-profiles.test.js.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cachedParse, forgetParse, PARSED_PROFILES_KEY, rememberParse } from '../../extension/shared/parsed-profiles.js';
import { createFakeArea, LOCAL_QUOTAS } from '../lib/fake-storage.js';

/** @type {import('../../extension/shared/parsed-profiles.js').ParsedKey} */
const KEY = { sha256: 'a'.repeat(64), defaultSite: 'cn', build: '0.1.0' };
const PROFILES = [
  { id: 'acme-prod', displayName: 'Acme production', account: 'acme', accountKind: 'alias', roleName: 'admin-oss', color: '#e8590c', site: 'cn', line: 1 },
  {
    id: 'globex',
    displayName: 'globex',
    account: '1746000000000001',
    accountKind: 'uid',
    accountUid: '1746000000000001',
    roleName: 'audit',
    roleArn: 'acs:ram::1746000000000001:role/audit',
    color: 'teal',
    site: 'intl',
    line: 6,
  },
];

/** @typedef {import('../../extension/shared/parsed-profiles.js').StoredEntry} StoredEntry */

/** storage.local's items after remembering PROFILES for KEY, and the entry written. */
async function remembered() {
  const local = createFakeArea(LOCAL_QUOTAS);
  assert.equal(await rememberParse(local, KEY, { profiles: /** @type {any} */ (PROFILES), errorCount: 2 }), true);
  const items = await local.get(null);
  return { local, items, entry: /** @type {StoredEntry} */ (items[PARSED_PROFILES_KEY]) };
}

describe('parsed profiles cache', () => {
  test('gives back what was remembered, for the same key', async () => {
    const { items, entry } = await remembered();
    assert.deepEqual(cachedParse(items, KEY), { profiles: PROFILES, errorCount: 2 });
    assert.equal(typeof entry.profiles, 'string', 'stored as JSON text');
  });

  test('misses for another stored copy, default site or build', async () => {
    const { items } = await remembered();
    assert.equal(cachedParse(items, { ...KEY, sha256: 'b'.repeat(64) }), null);
    assert.equal(cachedParse(items, { ...KEY, defaultSite: 'intl' }), null);
    assert.equal(cachedParse(items, { ...KEY, build: '0.1.1' }), null);
    assert.equal(cachedParse({}, KEY), null, 'nothing cached');
  });

  test('anything malformed is a miss, never an exception', async () => {
    const { entry } = await remembered();
    const damaged = [
      null,
      'text',
      { ...entry, profiles: undefined },
      { ...entry, profiles: PROFILES }, // an object, not the JSON text
      { ...entry, profiles: '[{"id": "x"' },
      { ...entry, profiles: '{"id": "x"}' },
      { ...entry, profiles: '[null]' },
      { ...entry, profiles: JSON.stringify([{ ...PROFILES[0], site: 'mars' }]) },
      { ...entry, profiles: JSON.stringify([{ ...PROFILES[0], roleName: 7 }]) },
      { ...entry, profiles: JSON.stringify([{ ...PROFILES[0], color: 'url(https://tracker.example/x.png)' }]) },
      { ...entry, profiles: JSON.stringify([{ ...PROFILES[0], color: 7 }]) },
      { ...entry, errorCount: '2' },
      { ...entry, errorCount: 1.5 },
    ];
    for (const value of damaged) {
      assert.equal(cachedParse({ [PARSED_PROFILES_KEY]: value }, KEY), null, JSON.stringify(value)?.slice(0, 80));
    }
  });

  test('a failed write (quota) is reported and not thrown; forgetParse removes the entry', async () => {
    const { local } = await remembered();
    const full = {
      set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
    };
    /** @type {string[]} */
    const warnings = [];
    const warn = console.warn;
    console.warn = (/** @type {string} */ message) => warnings.push(message);
    try {
      assert.equal(await rememberParse(full, KEY, { profiles: [], errorCount: 0 }), false);
    } finally {
      console.warn = warn;
    }
    assert.match(warnings.join('\n'), /not cached \(QUOTA_BYTES quota exceeded\)/);
    await forgetParse(local);
    assert.deepEqual(await local.get(null), {});
  });
});
