// The verification checks' core (crate/src/checks) in the shipped wasm equals the native CLI:
// every decision-table scenario of crate/tests/checks/ is played through checksNext with the
// scenario's scripted answers, comparing the wasm's and the CLI's answers at every step, then
// the plans and the final diagnoses. Node only (no browser): the wasm is dist/chromium's.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ROOT } from './harness.js';
import { CLI } from '../lib/cli.js';
import { loadWasmCore } from '../lib/wasm-core.js';

const SCENARIOS = join(ROOT, 'crate/tests/checks');
const FIXTURES = join(ROOT, 'crate/tests/fixtures/responses');

/** @type {any} */
let wasm;

/**
 * `rolehop check <command> --json` on one JSON input.
 * @param {string} command @param {unknown} input @returns {any}
 */
function cli(command, input) {
  const run = spawnSync(CLI, ['check', command, '--json'].slice(0, command === 'diagnose' ? 3 : 2), {
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return JSON.parse(run.stdout);
}

/** The attempt a runner records for one scripted answer. @param {string} action @param {any} response */
function attempt(action, response) {
  const localTime = response.localTime ?? '2026-01-01T00:00:00Z';
  if (response.transportError) return { transportError: response.transportError, localTime };
  // The runner had no credentials for the request (background/checks.js).
  if (response.skipped) return { skipped: response.skipped, localTime };
  const body = response.bodyFile
    ? readFileSync(join(FIXTURES, response.bodyFile), 'utf8')
    : response.bodyJson
      ? JSON.stringify(response.bodyJson)
      : (response.body ?? '');
  const headers = response.headers ?? {};
  const status = response.status ?? 200;
  const parsed = JSON.parse(wasm.parseResponse(JSON.stringify({ action, status, headers, body })));
  return { ...parsed, localTime, httpStatus: status, ...(headers.date ? { serverDate: headers.date } : {}) };
}

describe('checks core: wasm equals the CLI', () => {
  before(async () => {
    const pkg = join(ROOT, 'dist/chromium/pkg');
    ({ wasm } = await loadWasmCore(pkg));
  });

  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();
  test('there are scenarios', () => assert.ok(files.length >= 15));

  for (const file of files) {
    test(file, () => {
      const scenario = JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8'));
      const { inputs } = scenario;
      assert.deepEqual(JSON.parse(wasm.checksPlan(JSON.stringify(inputs))), cli('plan', inputs), 'plan');
      /** @type {Record<string, any[]>} */
      const queues = structuredClone(scenario.responses);
      /** @type {Record<string, any[]>} */
      const facts = {};
      for (let round = 0; ; round++) {
        assert.ok(round < 40, 'the run ends');
        const state = { inputs, facts };
        const next = JSON.parse(wasm.checksNext(JSON.stringify(state)));
        assert.deepEqual(next, cli('next', state), `next, round ${round}`);
        if (next.done) break;
        for (const request of next.next) {
          const response = queues[request.id]?.shift();
          assert.ok(response, `a scripted answer for ${request.id}`);
          (facts[request.id] ??= []).push(attempt(request.action, response));
        }
      }
      const state = { inputs, facts };
      const report = JSON.parse(wasm.checksDiagnose(JSON.stringify(state)));
      assert.deepEqual(report, cli('diagnose', state), 'diagnose');
      assert.equal(report.verdict.status, scenario.expect.verdict.status);
    });
  }

  test('checksRetry and errors are identical too', () => {
    const inputs = [
      { action: 'ListBuckets', attempt: 1, outcome: { apiError: { code: 'Throttling.User', status: 503 } } },
      { action: 'CreateRole', attempt: 1, outcome: { transportError: 'timeout' } },
      { action: 'Nope', attempt: 1, outcome: {} },
    ];
    for (const input of inputs) {
      assert.deepEqual(JSON.parse(wasm.checksRetry(JSON.stringify(input))), cli('retry', input));
    }
    const bad = { inputs: { roleArn: 'acs:ram::x:role/r' }, facts: {} };
    const fromWasm = JSON.parse(wasm.checksNext(JSON.stringify(bad)));
    assert.equal(fromWasm.error.path, '$.inputs.roleArn');
    assert.deepEqual(fromWasm, cli('next', bad));
  });
});
