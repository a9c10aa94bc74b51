// The popup's pure parts in Node: fuzzy scoring and ranking, narrowing on a longer query, rows
// (recent, groups), highlights, modifier keys, sites of URLs and the identity a tab hands over.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildIndex, highlights, scoreToken, search, Searcher, tokenize } from '../../extension/popup/search.js';
import { browseRows, matchRows, RECENT_COUNT } from '../../extension/popup/rows.js';
import { destinationOf, siteOfUrl } from '../../extension/popup/tabs.js';
import { validIdentity, profileOfIdentity } from '../../extension/popup/identity.js';

/** @typedef {import('../../extension/shared/contract').Profile} Profile */

/** @param {Partial<Profile> & {id: string}} p @returns {Profile} */
function profile(p) {
  return { displayName: p.id, account: 'acme', accountKind: 'alias', roleName: 'admin', site: 'cn', line: 1, ...p };
}

const TEAM = [
  profile({ id: 'acme-prod', displayName: 'Acme production', account: 'acme', roleName: 'admin-oss', group: 'Acme' }),
  profile({ id: 'acme-dev', displayName: 'Acme dev', account: 'acme-dev.onaliyun.com', roleName: 'developer', group: 'Acme' }),
  profile({
    id: 'globex-audit',
    displayName: 'Globex audit',
    account: '1746000000000001',
    accountKind: 'uid',
    accountUid: '1746000000000001',
    roleName: 'security-audit',
    group: 'Globex',
    site: 'intl',
  }),
  profile({ id: 'sandbox', account: '1746000000000002', accountKind: 'uid', accountUid: '1746000000000002', roleName: 'readonly' }),
];

/** @param {import('../../extension/popup/search.js').Match[]} matches */
const ids = (matches) => matches.map((m) => m.entry.profile.id);

describe('scoreToken', () => {
  test('a subsequence matches; anything else does not', () => {
    assert.ok(scoreToken('glaud', 'globex audit') > 0);
    assert.equal(scoreToken('zz', 'globex audit'), -1);
    assert.equal(scoreToken('', 'x'), -1);
    assert.equal(scoreToken('longer than key', 'short'), -1);
  });

  test('contiguous and word-start matches score above scattered ones', () => {
    assert.ok(scoreToken('oss', 'admin-oss') > scoreToken('aos', 'admin-oss'));
    assert.ok(scoreToken('prod', 'acme production') > scoreToken('prod', 'acme-reproduce'));
    assert.ok(scoreToken('acme', 'acme') > scoreToken('acme', 'acme production'), 'a whole-key match wins');
  });

  test('positions are the matched characters', () => {
    /** @type {number[]} */
    const at = [];
    scoreToken('glaud', 'globex audit', at);
    assert.deepEqual(at, [0, 1, 7, 8, 9]);
    /** @type {number[]} */
    const sub = [];
    scoreToken('audit', 'globex audit', sub);
    assert.deepEqual(sub, [7, 8, 9, 10, 11]);
  });
});

describe('search', () => {
  const entries = buildIndex(TEAM, {});

  test('matches display name, id, alias, UID, role and group', () => {
    assert.deepEqual(ids(search(entries, tokenize('glaud'))), ['globex-audit']);
    assert.deepEqual(ids(search(entries, tokenize('1746000000000002'))), ['sandbox']);
    assert.deepEqual(ids(search(entries, tokenize('onaliyun'))), ['acme-dev']);
    assert.deepEqual(ids(search(entries, tokenize('security'))), ['globex-audit']);
    assert.deepEqual(ids(search(entries, tokenize('sandbox'))), ['sandbox']);
    assert.deepEqual(ids(search(entries, tokenize('globex'))), ['globex-audit']);
  });

  test('every token must match; the best match comes first', () => {
    assert.equal(ids(search(entries, tokenize('acme adm')))[0], 'acme-prod');
    assert.equal(ids(search(entries, tokenize('dev')))[0], 'acme-dev');
    assert.deepEqual(ids(search(entries, tokenize('acme zzz'))), []);
  });

  test('equal scores: most recently used first, then file order', () => {
    const twins = [profile({ id: 'a1', displayName: 'x' }), profile({ id: 'a2', displayName: 'x' }), profile({ id: 'a3', displayName: 'x' })];
    assert.deepEqual(ids(search(buildIndex(twins, {}), ['x'])), ['a1', 'a2', 'a3']);
    assert.deepEqual(ids(search(buildIndex(twins, { a3: 20, a2: 10 }), ['x'])), ['a3', 'a2', 'a1']);
  });

  test('a longer query searches only the last matches, with the same answer as a full search', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      profile({
        id: `p${i}`,
        displayName: `${['Acme', 'Globex', 'Initech'][i % 3]} ${['prod', 'dev', 'audit', 'logs'][i % 4]} ${i}`,
        account: `acct${i % 17}`,
        roleName: ['admin-oss', 'readonly', 'ops'][i % 3] ?? 'ops',
        ...(i % 5 ? { group: `G${i % 7}` } : {}),
      }),
    );
    const all = buildIndex(many, { p7: 3, p99: 9 });
    const searcher = new Searcher(all);
    for (const typed of ['acme prod 1', 'glo  aud', 'ops 2', 'g3 ini', 'xyz']) {
      for (let i = 1; i <= typed.length; i++) {
        const query = typed.slice(0, i);
        assert.deepEqual(ids(searcher.search(query)), ids(search(all, tokenize(query))), query);
      }
      // Deleting a character (not a narrowing) falls back to a full search.
      const shorter = typed.slice(0, -1);
      assert.deepEqual(ids(searcher.search(shorter)), ids(search(all, tokenize(shorter))), shorter);
      searcher.reset();
    }
  });

  test('highlights name the field each token matched best', () => {
    const [acmeProd, , globex] = entries;
    assert.deepEqual(highlights(/** @type {any} */ (globex), tokenize('glaud')), { displayName: [0, 1, 7, 8, 9] });
    assert.deepEqual(highlights(/** @type {any} */ (acmeProd), tokenize('prod oss')), {
      displayName: [5, 6, 7, 8],
      roleName: [6, 7, 8],
    });
  });
});

describe('rows', () => {
  const labels = { recent: 'Recent', ungrouped: 'Other', all: 'All' };
  /** @param {import('../../extension/popup/rows.js').Row[]} rows */
  const show = (rows) => rows.map((r) => (r.kind === 'heading' ? `# ${r.label}` : r.entry.profile.id));

  test('groups in the order the text names them; ungrouped profiles last', () => {
    assert.deepEqual(show(browseRows(buildIndex(TEAM, {}), labels)), [
      '# Acme',
      'acme-prod',
      'acme-dev',
      '# Globex',
      'globex-audit',
      '# Other',
      'sandbox',
    ]);
  });

  test('the most recently used come first, at most RECENT_COUNT of them', () => {
    const recent = Object.fromEntries(TEAM.map((p, i) => [p.id, 100 + i]));
    const rows = show(browseRows(buildIndex(TEAM, recent), labels));
    assert.deepEqual(rows.slice(0, 5), ['# Recent', 'sandbox', 'globex-audit', 'acme-dev', 'acme-prod']);
    const many = Array.from({ length: 9 }, (_, i) => profile({ id: `p${i}` }));
    const used = Object.fromEntries(many.map((p, i) => [p.id, i + 1]));
    const options = browseRows(buildIndex(many, used), labels);
    const firstBlock = show(options).slice(1, show(options).indexOf('# All'));
    assert.equal(firstBlock.length, RECENT_COUNT);
    assert.deepEqual(firstBlock, ['p8', 'p7', 'p6', 'p5', 'p4']);
  });

  test('no headings when nothing needs telling apart', () => {
    const plain = [profile({ id: 'a' }), profile({ id: 'b' })];
    assert.deepEqual(show(browseRows(buildIndex(plain, {}), labels)), ['a', 'b']);
    assert.deepEqual(show(matchRows(search(buildIndex(TEAM, {}), ['acme']))), ['acme-prod', 'acme-dev']);
  });
});

describe('switching and identity helpers', () => {
  test('modifiers choose the destination', () => {
    const keys = { ctrlKey: false, metaKey: false, shiftKey: false };
    assert.equal(destinationOf(keys), 'current');
    assert.equal(destinationOf({ ...keys, shiftKey: true }), 'new-tab');
    assert.equal(destinationOf({ ...keys, ctrlKey: true }), 'background-tab');
    assert.equal(destinationOf({ ...keys, metaKey: true }), 'background-tab');
    assert.equal(destinationOf(keys, true), 'background-tab');
  });

  test('the site of a URL: exact domains only', () => {
    assert.equal(siteOfUrl('https://oss.console.aliyun.com/overview'), 'cn');
    assert.equal(siteOfUrl('https://signin.alibabacloud.com/switchRole.htm'), 'intl');
    assert.equal(siteOfUrl('https://signin.aliyun.com.example.test/'), null);
    assert.equal(siteOfUrl('https://evil-aliyun.com/'), null);
    assert.equal(siteOfUrl(undefined), null);
    assert.equal(siteOfUrl('not a url'), null);
  });

  test('what a tab hands over is checked: strings only, short, and it must name someone', () => {
    assert.equal(validIdentity(undefined), null);
    assert.equal(validIdentity('admin'), null);
    assert.equal(validIdentity({ source: 'page-config' }), null);
    assert.deepEqual(validIdentity({ accountUid: '1746000000000001', accountType: 'sts', roleName: 'x'.repeat(200), source: 'top-nav', extra: 1 }), {
      accountUid: '1746000000000001',
      accountType: 'sts',
      source: 'top-nav',
    });
    const identity = validIdentity({ accountUid: '1746000000000001', roleName: 'Security-Audit', source: 'top-nav' });
    assert.equal(profileOfIdentity(/** @type {any} */ (identity), TEAM)?.id, 'globex-audit');
  });
});
