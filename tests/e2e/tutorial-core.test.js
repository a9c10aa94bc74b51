// The guided tutorial's core (crate/src/tutorial) in the shipped wasm equals the native CLI:
// tutorialSteps for every reader and choice, setupPlan for both sides, and setupNext played from
// an empty account to done and over a finished account (nothing changes), with answers read by
// the wasm's own parseResponse. Node only (no browser): the wasm is dist/chromium's.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ROOT } from './harness.js';
import { CLI } from '../lib/cli.js';
import { loadWasmCore } from '../lib/wasm-core.js';

const A = '1746000000000001';
const B = '1999000000000002';

/** @type {any} */
let wasm;

/**
 * `rolehop tutorial <command> --request - --json` on one JSON input.
 * @param {'steps' | 'plan' | 'next'} command @param {unknown} input @returns {any}
 */
function cli(command, input) {
  const run = spawnSync(CLI, ['tutorial', command, '--request', '-', '--json'], {
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return JSON.parse(run.stdout);
}

/** @param {string} name @param {unknown} input @returns {any} */
function call(name, input) {
  return JSON.parse(wasm[name](JSON.stringify(input)));
}

/** @param {Record<string, unknown>} patch */
function input(patch = {}) {
  return {
    audience: 'company-a',
    accountA: { uid: A, alias: 'acme' },
    accountB: { uid: B },
    roleName: 'admin-oss',
    trust: { kind: 'principals', users: ['alice'] },
    permission: { kind: 'custom', buckets: ['reports'], prefixes: ['team/2024/'] },
    assumePolicy: 'scoped',
    site: 'cn',
    ...patch,
  };
}

const RID = { RequestId: '04F0F334-1335-436C-A1D7-6C044FE73368' };
/** @param {string} code */
const notFound = (code) => ({ status: 404, body: { ...RID, HostId: 'ram.aliyuncs.com', Code: code, Message: 'does not exist' } });
const ok = (/** @type {object} */ body) => ({ status: 200, body: { ...RID, ...body } });

/**
 * Scripted answers, by operation id, of an account where nothing exists yet (`empty`) or
 * where the plan has already run (`finished`).
 * @param {any} plan @param {'empty' | 'finished'} state @returns {Record<string, {status: number, body: object}>}
 */
function answers(plan, state) {
  /** @param {string} id */
  const request = (id) => plan.operations.find((/** @type {any} */ o) => o.id === id)?.request ?? {};
  const account = plan.account;
  const role = {
    RoleId: '344584339364951186', RoleName: 'admin-oss', Arn: `acs:ram::${account}:role/admin-oss`,
    AssumeRolePolicyDocument: request('role.create').assumeRolePolicyDocument, CreateDate: '2026-01-01T00:00:00Z',
  };
  const policyName = request('policy.create').policyName;
  const policy = { PolicyName: policyName, PolicyType: 'Custom', DefaultVersion: 'v1' };
  const version = { VersionId: 'v1', PolicyDocument: request('policy.create').policyDocument, IsDefaultVersion: true };
  const attached = { PolicyName: request('attach.write').policyName, PolicyType: request('attach.write').policyType };
  const list = (/** @type {object[]} */ p) => ok({ Policies: { Policy: p } });
  const common = {
    'identity.read': ok({ AccountId: account, Arn: `acs:ram::${account}:user/admin`, IdentityType: 'RAMUser', PrincipalId: '1', UserId: '1' }),
    'role.create': ok({ Role: role }),
    'policy.create': ok({ Policy: policy }),
    'user.create': ok({ User: { UserId: '269292475069846412', UserName: 'alice' } }),
    'attach.write': ok({}),
  };
  if (state === 'empty') {
    return {
      ...common,
      'role.read': notFound('EntityNotExist.Role'),
      'policy.read': notFound('EntityNotExist.Policy'),
      'user.read': notFound('EntityNotExist.User'),
      'attach.read': list([]),
    };
  }
  return {
    ...common,
    'role.read': ok({ Role: role }),
    'policy.read': ok({ Policy: policy, DefaultPolicyVersion: version }),
    'user.read': list([attached]),
    'attach.read': list([attached]),
  };
}

/**
 * Plays setupNext to the end in wasm, comparing every answer with the CLI's.
 * @param {any} plan @param {'empty' | 'finished'} state @returns {{final: any, sent: string[]}}
 */
function play(plan, state) {
  const script = answers(plan, state);
  /** @type {any[]} */
  const results = [];
  /** @type {string[]} */
  const sent = [];
  for (let round = 0; round < 20; round++) {
    const next = call('setupNext', { plan, results });
    assert.deepEqual(next, cli('next', { plan, results }), `setupNext, round ${round}`);
    if (next.status !== 'send') return { final: next, sent };
    const { id, action } = next.next;
    sent.push(action);
    const answer = script[id];
    assert.ok(answer, `a scripted answer for ${id}`);
    const response = call('parseResponse', { action, status: answer.status, headers: {}, body: JSON.stringify(answer.body) });
    results.push({ id, response });
  }
  throw new Error('setupNext did not finish');
}

describe('tutorial core: wasm equals the CLI', () => {
  before(async () => {
    const pkg = join(ROOT, 'dist/chromium/pkg');
    ({ wasm } = await loadWasmCore(pkg));
  });

  test('tutorialSteps for every reader and choice', () => {
    const choices = [
      {},
      { trust: { kind: 'account' }, permission: { kind: 'system' }, assumePolicy: 'system', site: 'intl', userName: 'bob' },
      { permission: { kind: 'custom', buckets: ['reports', 'logs-2024'], policyName: 'acme-read' }, accountA: { uid: A } },
    ];
    for (const choice of choices) {
      for (const audience of ['company-a', 'company-b', 'b-user']) {
        const i = input({ ...choice, audience });
        const out = call('tutorialSteps', i);
        assert.ok(!out.error, JSON.stringify(out));
        assert.deepEqual(out, cli('steps', i), `${audience} ${JSON.stringify(choice)}`);
        assert.equal(out.steps.at(-1).tutorialStep, 4);
      }
    }
  });

  test('errors are identical, with the JSON path', () => {
    const bad = input({ trust: { kind: 'principals', users: ['alice', 'no way'] } });
    const out = call('tutorialSteps', bad);
    assert.equal(out.error.path, '$.trust.users[1]');
    assert.deepEqual(out, cli('steps', bad));
  });

  for (const side of ['A', 'B']) {
    test(`side ${side}: from an empty account to done, then a re-run changes nothing`, () => {
      const i = { ...input(), side };
      const plan = call('setupPlan', i);
      assert.deepEqual(plan, cli('plan', i));
      const first = play(plan, 'empty');
      assert.equal(first.final.status, 'done');
      assert.equal(first.final.changed, 3);
      const again = play(plan, 'finished');
      assert.equal(again.final.status, 'done');
      assert.equal(again.final.changed, 0);
      assert.ok(again.sent.every((a) => /^(Get|List)/.test(a)), `a re-run only reads: ${again.sent}`);
    });
  }
});
