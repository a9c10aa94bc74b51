// Policy simulator throughput in ONE Node process on the workload that
// crate/examples/policy_throughput.rs emits (10,000 requests, 50 statements in 5 policies, with
// wildcards and String/IP/Date/Bool conditions, Allow and Deny):
//   - RoleHop's wasm core through its public API, policySimulate(JSON text) -> JSON text, one call
//     deciding all requests (detail "decision"), JSON.stringify and JSON.parse included; also one
//     request per call, where every call re-reads the 50 statements;
//   - @cloud-copilot/iam-simulate on the same policies and requests in AWS shape (s3 actions,
//     arn:aws:s3::: resources, aws:/s3: condition keys): runUnsafeSimulation (its fast,
//     unvalidated entry) and runSimulation (validated, async).
// It also checks the decisions: wasm must equal native exactly; iam-simulate's are compared and
// every disagreement is counted and shown.
//
// Usage: node bench/policy/run.mjs OUT_DIR   (bench/policy/run.sh prepares OUT_DIR)

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';

const OUT = path.resolve(process.argv[2] ?? 'bench/policy/out');
const ROUNDS = 7;

const workload = JSON.parse(fs.readFileSync(path.join(OUT, 'workload.json'), 'utf8'));
const { ram, aws, nativeDecisions, nativeDecisionsPerSecond } = workload;
const N = ram.requests.length;

const wasm = await import(pathToFileURL(path.join(OUT, 'pkg/rolehop.js')).href);
wasm.initSync({ module: fs.readFileSync(path.join(OUT, 'pkg/rolehop_bg.wasm')) });

/** Best wall time of ROUNDS runs of `fn` (after one warm-up run), in seconds. */
async function best(fn) {
  await fn();
  let min = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return min;
}

// ------------------------------------------------------------------------------- RoleHop wasm

const wasmBatch = () => {
  const text = JSON.stringify({ identityPolicies: ram.identityPolicies, requests: ram.requests, detail: 'decision' });
  const out = JSON.parse(wasm.policySimulate(text));
  if (out.error) throw new Error(JSON.stringify(out.error));
  return out.decisions;
};

const wasmOneByOne = (count) => {
  const decisions = [];
  for (let i = 0; i < count; i++) {
    const text = JSON.stringify({ identityPolicies: ram.identityPolicies, request: ram.requests[i], detail: 'decision' });
    decisions.push(JSON.parse(wasm.policySimulate(text)).decision);
  }
  return decisions;
};

// ----------------------------------------------------------------------------- iam-simulate

const simulation = (i) => ({
  request: aws.requests[i],
  identityPolicies: aws.identityPolicies.map((p) => ({ name: p.name, policy: p.document })),
  serviceControlPolicies: [],
  resourceControlPolicies: [],
});
const simulations = Array.from({ length: N }, (_, i) => simulation(i));
const AWS_NAMES = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' };

const awsUnsafe = () => simulations.map((s) => AWS_NAMES[runUnsafeSimulation(s, {})] ?? 'error');
const awsValidated = async () => {
  const out = [];
  for (const s of simulations) {
    const r = await runSimulation(s, {});
    out.push(r.resultType === 'error' ? `error: ${r.errors.message}` : AWS_NAMES[r.overallResult]);
  }
  return out;
};

// ------------------------------------------------------------------------------ decisions

const wasmDecisions = wasmBatch();
const mismatchNative = wasmDecisions.filter((d, i) => d !== nativeDecisions[i]).length;
const oneByOne = wasmOneByOne(200);
const mismatchSingle = oneByOne.filter((d, i) => d !== nativeDecisions[i]).length;
const unsafeDecisions = awsUnsafe();
const validatedDecisions = await awsValidated();

function compare(theirs) {
  const diffs = [];
  theirs.forEach((d, i) => {
    if (d !== wasmDecisions[i]) diffs.push(i);
  });
  const kinds = {};
  for (const i of diffs) {
    const key = `RoleHop ${wasmDecisions[i]} / iam-simulate ${theirs[i]}`;
    kinds[key] = (kinds[key] ?? 0) + 1;
  }
  return { agree: N - diffs.length, diffs, kinds };
}
const unsafeCmp = compare(unsafeDecisions);
const validatedCmp = compare(validatedDecisions);

// ---------------------------------------------------------------------------------- timing

const tBatch = await best(wasmBatch);
const SINGLE = 1000;
const tSingle = await best(() => wasmOneByOne(SINGLE));
const tUnsafe = await best(awsUnsafe);
const tValidated = await best(awsValidated);

const rate = (n, t) => Math.round(n / t);
const rows = [
  ['RoleHop native (Rust, Simulator::decide)', nativeDecisionsPerSecond],
  ['RoleHop wasm, policySimulate batch of 10,000 (JSON in/out)', rate(N, tBatch)],
  ['RoleHop wasm, policySimulate one request per call', rate(SINGLE, tSingle)],
  ['@cloud-copilot/iam-simulate runUnsafeSimulation', rate(N, tUnsafe)],
  ['@cloud-copilot/iam-simulate runSimulation (validated)', rate(N, tValidated)],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${N} requests, ${workload.ram.identityPolicies.reduce((n, p) => n + p.document.Statement.length, 0)} statements; node ${process.version}; best of ${ROUNDS}`);
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${String(value).padStart(10)} decisions/s`);
console.log(`\nwasm vs native decisions: ${N - mismatchNative}/${N} identical (one-per-call sample: ${200 - mismatchSingle}/200)`);
for (const [label, cmp] of [['runUnsafeSimulation', unsafeCmp], ['runSimulation', validatedCmp]]) {
  console.log(`iam-simulate ${label} agrees with RoleHop on ${cmp.agree}/${N}`);
  for (const [k, n] of Object.entries(cmp.kinds)) console.log(`  ${n} x ${k}`);
  for (const i of cmp.diffs.slice(0, 2)) {
    console.log(`  e.g. #${i}: ${JSON.stringify(ram.requests[i])}`);
  }
}
const counts = {};
for (const d of wasmDecisions) counts[d] = (counts[d] ?? 0) + 1;
const results = {
  requests: N,
  decisions: counts,
  node: process.version,
  decisionsPerSecond: Object.fromEntries(rows),
  wasmMatchesNative: mismatchNative === 0 && mismatchSingle === 0,
  iamSimulateAgreement: { runUnsafeSimulation: unsafeCmp.agree, runSimulation: validatedCmp.agree, differences: validatedCmp.kinds },
};
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
if (mismatchNative !== 0 || mismatchSingle !== 0) process.exit(1);
