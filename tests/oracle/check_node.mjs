// Checks the WASM build (extension/pkg, as build.sh produces it) against the official Node SDKs,
// and the wasm's answers against the native CLI's (WORK_DIR/native.jsonl from check_python.py).
//
// Usage: node check_node.mjs WORK_DIR
// Reads WORK_DIR/cases.jsonl and WORK_DIR/oss2-subresources.json, writes WORK_DIR/summary-node.json.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as oracles from './node_oracles.mjs';
import { isDeepStrictEqual } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'extension/pkg');
const SHOW_IN_FULL = 10;

const workDir = process.argv[2];
if (!workDir) {
  console.error('usage: node check_node.mjs WORK_DIR');
  process.exit(2);
}
for (const file of ['rolehop_api.js', 'rolehop_api_bg.wasm']) {
  if (!fs.existsSync(path.join(PKG, file))) {
    console.error(`extension/pkg/${file} is missing: build the wasm first with ./build.sh`);
    process.exit(2);
  }
}
// Signing is the api module's (build.sh builds the core as one wasm module per caller).
const wasm = await import(pathToFileURL(path.join(PKG, 'rolehop_api.js')).href);
wasm.initSync({ module: fs.readFileSync(path.join(PKG, 'rolehop_api_bg.wasm')) });

const readLines = (file) => fs.readFileSync(path.join(workDir, file), 'utf8').split('\n').filter((l) => l !== '');
const cases = readLines('cases.jsonl').map((l) => JSON.parse(l));
const native = fs.existsSync(path.join(workDir, 'native.jsonl')) ? readLines('native.jsonl') : null;
const subresources = new Set(JSON.parse(fs.readFileSync(path.join(workDir, 'oss2-subresources.json'), 'utf8')));

const counts = new Map(); // "algo\0oracle" -> [passed, failed]
const mismatches = [];
const count = (c, oracle) => {
  const key = `${c.algo}\0${oracle}`;
  if (!counts.has(key)) counts.set(key, [0, 0]);
  return counts.get(key);
};
const ok = (c, oracle) => { count(c, oracle)[0] += 1; };
const fail = (c, oracle, stage, core, sdk) => {
  count(c, oracle)[1] += 1;
  mismatches.push({ id: c.id, oracle, stage, core, sdk, request: c.text });
};

function compareStages(c, oracle, sdk, core) {
  if (core.error) return fail(c, oracle, 'result', core.error, 'a signature');
  for (const [stage, expected] of Object.entries(sdk)) {
    const got = stage === 'url' ? oracles.splitUrl(core.url) : core[stage];
    // Never let a missing SDK value compare equal to a missing core value.
    if (expected === undefined || expected === null) return fail(c, oracle, stage, got, '(the SDK gave no value)');
    if (!isDeepStrictEqual(got, expected)) return fail(c, oracle, stage, got, expected);
  }
  return ok(c, oracle);
}

function checkError(c, core) {
  const err = core && Object.keys(core).length === 1 ? core.error : undefined;
  if (!err || typeof err !== 'object') return fail(c, 'contract errors', 'result', core, { error: c.expect });
  const got = { kind: err.kind, path: err.path ?? null };
  const want = { kind: c.expect.kind, path: c.expect.path };
  if (c.expect.position) {
    got['line:column'] = Number.isInteger(err.line) && Number.isInteger(err.column);
    want['line:column'] = true;
  }
  if (!isDeepStrictEqual(got, want) || !err.message) return fail(c, 'contract errors', 'error', got, want);
  return ok(c, 'contract errors');
}

/**
 * A presigned URL is opened by browsers and fetch, whose URL parser (WHATWG) removes `.` and `..`
 * path segments: the parsed URL must still name the signed object.
 */
function checkUrlParsing(c, req, core) {
  const oracle = 'WHATWG URL keeps the key';
  const parsed = new URL(core.url);
  const got = decodeURIComponent(parsed.pathname);
  const want = `/${req.key ?? ''}`;
  if (got === want) ok(c, oracle);
  else fail(c, oracle, 'url path after new URL()', got, want);
}

for (const [i, c] of cases.entries()) {
  const answer = wasm.sign(c.text);
  if (native) {
    if (answer === native[i]) ok(c, 'wasm == native CLI');
    else fail(c, 'wasm == native CLI', 'answer text', answer, native[i]);
  }
  const core = JSON.parse(answer);
  if (c.algo === 'invalid') {
    checkError(c, core);
    continue;
  }
  if (c.only && c.only !== 'node') continue;
  const req = JSON.parse(c.text);
  let results;
  try {
    if (c.algo === 'rpc') results = await oracles.rpc(req);
    else if (c.algo === 'oss') results = oracles.ossHeader(req, subresources);
    else if (c.algo === 'presign') results = oracles.ossPresign(req, c.now, subresources);
    else results = oracles.postPolicy(req);
  } catch (e) {
    fail(c, 'SDK adapter', 'exception', core, String(e?.stack ?? e));
    continue;
  }
  for (const [oracle, sdk] of Object.entries(results)) compareStages(c, oracle, sdk, core);
  if (c.algo === 'presign' && !core.error) checkUrlParsing(c, req, core);
}

console.log('node (wasm):');
for (const [key, [passed, failed]] of counts) {
  const [algo, oracle] = key.split('\0');
  console.log(`  ${algo.padEnd(12)} vs ${oracle.padEnd(27)} ${String(passed).padStart(6)} passed ${String(failed).padStart(4)} failed`);
}
for (const m of mismatches.slice(0, SHOW_IN_FULL)) {
  console.log(`MISMATCH ${m.id} vs ${m.oracle}, stage ${m.stage}:`);
  console.log(`  core: ${JSON.stringify(m.core)}`);
  console.log(`  sdk:  ${JSON.stringify(m.sdk)}`);
  console.log(`  request: ${m.request}`);
}
if (mismatches.length > SHOW_IN_FULL) console.log(`... and ${mismatches.length - SHOW_IN_FULL} more mismatches`);
if (!native) console.log('  (no native.jsonl: the wasm == native CLI check was skipped)');
let passed = 0;
let failed = 0;
for (const [p, f] of counts.values()) { passed += p; failed += f; }
fs.writeFileSync(path.join(workDir, 'summary-node.json'), JSON.stringify({ side: 'node (wasm)', passed, failed }));
