// The chain the workbench keeps for the RAM console panel survives storage: chrome.storage sorts an
// object's keys, and a catalog's placeholders are by position, so the chain is stored with its
// messages' arguments as ordered pairs (storedChain) and read back in the core's order (readChain).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readChain, storedChain } from '../../extension/shared/chain-links.js';

/** What chrome.storage gives back: a JSON copy with every object's keys sorted. @param {unknown} value @returns {any} */
function throughStorage(value) {
  /** @type {(v: unknown) => unknown} */
  const sortKeys = (v) => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(/** @type {any} */ (v)[k])]));
  };
  return sortKeys(JSON.parse(JSON.stringify(value)));
}

const detail = { id: 'core_check_cloud_detail', args: { policy_type: 'AccountLevelIdentityBasedPolicy', no_permission_type: 'ImplicitDeny', action: 'oss:ListBuckets', principal: 'admin-oss:rolehop-check' } };
const title = (/** @type {string} */ name) => ({ id: `core_chain_title_${name}` });
const chain = [
  { link: 'b-user', title: title('b_user'), step: 2, status: 'pass' },
  { link: 'assume-grant', title: title('assume_grant'), step: 2, status: 'pass' },
  { link: 'role-trust', title: title('role_trust'), step: 1, status: 'pass' },
  { link: 'oss-permission', title: title('oss_permission'), step: 1, status: 'fail', check: 'b.list-buckets', cause: { id: 'core_check_broken_cause', args: { step: 1, problem: detail } }, fix: { id: 'core_check_grant_oss_fix', args: { role: 'admin-oss' } } },
  { link: 'bucket', title: title('bucket'), step: 4, status: 'not-checked' },
];

test("a stored chain reads back with every message's arguments in the core's order", () => {
  const read = readChain(throughStorage(storedChain(/** @type {any} */ (chain))));
  assert.deepEqual(read, chain);
  const nested = /** @type {any} */ (read)?.[3].cause.args.problem.args;
  assert.deepEqual(Object.keys(nested), ['policy_type', 'no_permission_type', 'action', 'principal']);
});

test('without storedChain the order is lost (why it exists)', () => {
  const read = /** @type {any} */ (readChain(throughStorage(chain)));
  assert.deepEqual(Object.keys(read[3].cause.args.problem.args), ['action', 'no_permission_type', 'policy_type', 'principal']);
});

test('a chain in any other shape is refused', () => {
  const pairsBroken = structuredClone(/** @type {any} */ (storedChain(/** @type {any} */ (chain))));
  pairsBroken[3].cause.args = [['step', 1, 'extra']];
  assert.equal(readChain(pairsBroken), undefined);
  const badId = structuredClone(/** @type {any} */ (chain));
  badId[0].title = { id: 'popupTitle' };
  assert.equal(readChain(badId), undefined);
  assert.equal(readChain(chain.slice(1)), undefined);
});
