// The mock cloud's own policy evaluator (authorize.js) on small decision tables, and every
// scenario file: it loads, is consistent, and decides the tutorial's questions as its
// description says.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { authorize, evaluate, grammarError, trustDecision, wildcardMatch } from './authorize.js';
import { SCENARIOS, World, loadScenario } from './world.js';

const doc = (/** @type {object[]} */ ...Statement) => JSON.stringify({ Version: '1', Statement });

describe('wildcards', () => {
  const cases = /** @type {[string, string, boolean, boolean][]} */ ([
    ['*', '', false, true],
    ['oss:List*', 'oss:ListObjects', true, true],
    ['OSS:list*', 'oss:ListObjects', true, true],
    ['OSS:list*', 'oss:ListObjects', false, false],
    ['oss:Get?', 'oss:GetX', false, true],
    ['oss:Get?', 'oss:Get', false, false],
    ['acs:oss:*:123:bucket/*', 'acs:oss:*:123:bucket/a/b', false, true],
    ['acs:oss:*:123:bucket/*', 'acs:oss:*:123:bucket', false, false],
    ['a*b*c', 'aXbYbZc', false, true],
    ['a*b*c', 'aXbYbZ', false, false],
  ]);
  for (const [pattern, value, ignoreCase, expected] of cases) {
    test(`${pattern} ${expected ? 'matches' : 'does not match'} "${value}"${ignoreCase ? ' (any case)' : ''}`, () => {
      assert.equal(wildcardMatch(pattern, value, ignoreCase), expected);
    });
  }
});

describe('identity policies', () => {
  const bucket = 'acs:oss:*:1746205010153210:reports';
  test('default deny, Allow, and Deny over Allow', () => {
    assert.equal(evaluate([], { action: 'oss:ListObjects', resource: bucket }), 'ImplicitDeny');
    const allow = doc({ Effect: 'Allow', Action: 'oss:List*', Resource: '*' });
    assert.equal(evaluate([allow], { action: 'oss:ListObjects', resource: bucket }), 'Allow');
    const deny = doc({ Effect: 'Deny', Action: 'oss:*', Resource: bucket });
    assert.equal(evaluate([allow, deny], { action: 'oss:ListObjects', resource: bucket }), 'ExplicitDeny');
  });

  test('NotAction and NotResource', () => {
    const notAction = doc({ Effect: 'Allow', NotAction: 'oss:Delete*', Resource: '*' });
    assert.equal(evaluate([notAction], { action: 'oss:ListObjects', resource: bucket }), 'Allow');
    assert.equal(evaluate([notAction], { action: 'oss:DeleteObject', resource: bucket }), 'ImplicitDeny');
    const notResource = doc({ Effect: 'Deny', Action: '*', NotResource: bucket });
    assert.equal(evaluate([notResource], { action: 'oss:ListObjects', resource: 'acs:oss:*:1:other' }), 'ExplicitDeny');
  });

  test('conditions: StringLike on oss:Prefix, IfExists, negated operators on absent keys, unknown operators', () => {
    const prefixed = doc({ Effect: 'Allow', Action: 'oss:ListObjects', Resource: bucket, Condition: { StringLike: { 'oss:Prefix': 'a/*' } } });
    const req = (/** @type {Record<string, string>} */ context) => ({ action: 'oss:ListObjects', resource: bucket, context });
    assert.equal(evaluate([prefixed], req({ 'oss:prefix': 'a/b' })), 'Allow');
    assert.equal(evaluate([prefixed], req({ 'oss:prefix': 'b/' })), 'ImplicitDeny');
    assert.equal(evaluate([prefixed], req({})), 'ImplicitDeny');
    const ifExists = doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'x' } } });
    assert.equal(evaluate([ifExists], req({})), 'Allow');
    const negated = doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'sts:ExternalId': 'x' } } });
    assert.equal(evaluate([negated], req({})), 'Allow');
    const unknown = doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } });
    assert.equal(evaluate([unknown], req({ 'acs:sourceip': '10.1.1.1' })), 'ImplicitDeny');
  });

  test('grammar errors name what is wrong', () => {
    assert.match(grammarError('{') ?? '', /not JSON/);
    assert.match(grammarError(doc()) ?? '', /non-empty/);
    assert.match(grammarError(JSON.stringify({ Version: '2', Statement: [] })) ?? '', /Version/);
    assert.match(grammarError(doc({ Effect: 'Allow', Action: '*' })) ?? '', /Resource/);
    assert.match(grammarError(doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), { trust: true }) ?? '', /Principal/);
    assert.equal(grammarError(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: ['x'] } }), { trust: true }), null);
  });
});

describe('callers and trust', () => {
  const world = new World(loadScenario('happy-path'));
  const A = world.byLabel.A;
  const B = world.byLabel.B;
  const alice = B.users.get('alice');
  const role = A.roles.get('admin-oss');
  if (!alice || !role) throw new Error('happy-path lacks alice or admin-oss');

  test('root may do anything in its own account and nothing in another', () => {
    const root = /** @type {const} */ ({ kind: 'root', account: A });
    assert.equal(authorize(world, root, { action: 'oss:ListObjects', resource: `acs:oss:*:${A.uid}:x` }), 'Allow');
    assert.equal(authorize(world, root, { action: 'oss:ListObjects', resource: `acs:oss:*:${B.uid}:x` }), 'ImplicitDeny');
  });

  test("a user's attached custom policy decides sts:AssumeRole on the other account's role", () => {
    const caller = /** @type {const} */ ({ kind: 'user', account: B, user: alice });
    assert.equal(authorize(world, caller, { action: 'sts:AssumeRole', resource: `acs:ram::${A.uid}:role/admin-oss` }), 'Allow');
    assert.equal(authorize(world, caller, { action: 'sts:AssumeRole', resource: `acs:ram::${A.uid}:role/other` }), 'ImplicitDeny');
  });

  test('trust: the account root entry trusts its users and roles; other accounts, services and other names do not', () => {
    const caller = /** @type {const} */ ({ kind: 'user', account: B, user: alice });
    assert.equal(trustDecision(role, caller, {}), 'Allow');
    const narrowed = { ...role, trustPolicy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B.uid}:user/ALICE`] } }) };
    assert.equal(trustDecision(narrowed, caller, {}), 'Allow', 'user names are case-insensitive');
    const other = { ...role, trustPolicy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B.uid}:user/bob`] } }) };
    assert.equal(trustDecision(other, caller, {}), 'ImplicitDeny');
    const service = { ...role, trustPolicy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }) };
    assert.equal(trustDecision(service, caller, {}), 'ImplicitDeny');
    const bareUid = { ...role, trustPolicy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [B.uid] } }) };
    assert.equal(trustDecision(bareUid, caller, {}), 'Allow');
    const denied = { ...role, trustPolicy: doc(
      { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B.uid}:root`] } },
      { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${B.uid}:user/alice`] } }) };
    assert.equal(trustDecision(denied, caller, {}), 'ExplicitDeny');
  });
});

describe('scenario files', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
  test('the required scenarios exist', () => {
    for (const name of ['happy-path', 'role-lacks-oss-policy', 'user-lacks-assume-role', 'trust-does-not-trust-b', 'empty-account-a']) {
      assert.ok(files.includes(`${name}.json`), name);
    }
  });
  for (const file of files) {
    test(`${file} loads, is consistent and says what it is`, () => {
      const scenario = loadScenario(file);
      assert.ok(scenario.description.length > 40, 'a description');
      const world = new World(scenario);
      assert.deepEqual(world.problems(), []);
      assert.deepEqual(Object.keys(world.byLabel).sort(), ['A', 'B']);
      assert.ok(world.byLabel.A.rootKeys.length > 0 && world.byLabel.B.rootKeys.length > 0, 'root keys for A and B');
    });
  }
  test('an inconsistent scenario is refused with what is wrong', () => {
    const broken = loadScenario('happy-path');
    broken.accounts.A.roles[0].policies.push({ type: 'Custom', name: 'missing-policy' });
    assert.throws(() => new World(broken), /role admin-oss: no Custom policy missing-policy/);
    const grouped = loadScenario('happy-path');
    grouped.accounts.A.roles[0].policies[0].resourceGroupId = 'rg-nowhere';
    grouped.accounts.A.buckets[0].resourceGroupId = 'rg-elsewhere';
    assert.throws(() => new World(grouped), /attached for resource group rg-nowhere, which the account does not have; account A bucket company-a-reports: no resource group rg-elsewhere/);
    assert.throws(() => loadScenario({ accounts: { A: { uid: '${C.uid}' } } }), /names no uid of an account "C"/);
  });
});
