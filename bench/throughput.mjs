// Signing throughput in ONE Node process, same inputs for every contender: the wasm core through
// its public API (what a caller pays: JSON.stringify, sign, JSON.parse) against the official
// Node SDKs' own signing code. Also the wasm module's size. Prints a table; writes
// bench/out/results.json.
//
// Usage: node bench/throughput.mjs   (after bench/inputs.mjs; bench/run.sh does both and adds
// the native figures from bench/out/native.json when present). ROLEHOP_PKG overrides the
// wasm-bindgen output directory (default extension/pkg), to compare builds.

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench/out');
const PKG = path.resolve(ROOT, process.env.ROLEHOP_PKG ?? 'extension/pkg');
const ROUNDS = 9;
const ROUND_MS = 250;
const require = createRequire(import.meta.url);

for (const file of ['rolehop_api.js', 'rolehop_api_bg.wasm']) {
  if (!fs.existsSync(path.join(PKG, file))) {
    console.error(`${path.relative(ROOT, PKG)}/${file} is missing: build the wasm first with ./build.sh`);
    process.exit(2);
  }
}
const wasmBytes = fs.readFileSync(path.join(PKG, 'rolehop_api_bg.wasm'));
const wasm = await import(pathToFileURL(path.join(PKG, 'rolehop_api.js')).href);
wasm.initSync({ module: wasmBytes });

const readRequests = (name) => fs.readFileSync(path.join(OUT, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const rpcRequests = readRequests('rpc.jsonl');
const ossRequests = readRequests('oss.jsonl');

// ---------------------------------------------------------------------------- contenders

/** The wasm core as a caller uses it: request object in, answer object out. */
const wasmSign = (req) => JSON.parse(wasm.sign(JSON.stringify(req)));

/**
 * @alicloud/pop-core signs inside RPCClient#request with helpers of lib/rpc.js (encode, normalize,
 * canonicalize) that the module does not export. They are loaded from the installed file itself,
 * compiled unchanged with one line appended that returns them (nothing is copied into this repo),
 * and combined exactly as RPCClient#request combines them: normalize, canonicalize, then
 * `METHOD&encode('/')&encode(canonical)` signed with kitx.sha1 under `secret + '&'`.
 */
function popCoreSigner() {
  const file = require.resolve('@alicloud/pop-core/lib/rpc.js');
  const body = `${fs.readFileSync(file, 'utf8')}\n;return { encode, normalize, canonicalize };`;
  const load = vm.compileFunction(body, ['require', 'module', 'exports'], { filename: file });
  const mod = { exports: {} };
  const popRequire = createRequire(file);
  const { encode, normalize, canonicalize } = load(popRequire, mod, mod.exports);
  const kitx = popRequire('kitx');
  return (req) => {
    const canonicalized = canonicalize(normalize(req.params));
    const stringToSign = `${req.method}&${encode('/')}&${encode(canonicalized)}`;
    return kitx.sha1(stringToSign, `${req.accessKeySecret}&`, 'base64');
  };
}

/** The same SDK's public path: RPCClient#request with its HTTP call intercepted (async, adds its
 * default parameters, timestamp and nonce before signing; the request's own values override them). */
function popCoreClient() {
  const RPCClient = require('@alicloud/pop-core').RPCClient;
  const httpx = createRequire(require.resolve('@alicloud/pop-core'))('httpx');
  const sent = { url: '', data: '' };
  httpx.request = async (url, opts) => {
    sent.url = url;
    sent.data = opts.data;
    throw sent;
  };
  const clients = new Map();
  return async (req) => {
    let client = clients.get(req);
    if (!client) {
      client = new RPCClient({ endpoint: 'https://sts.aliyuncs.com', apiVersion: req.params.Version, accessKeyId: req.params.AccessKeyId, accessKeySecret: req.accessKeySecret, securityToken: req.params.SecurityToken });
      clients.set(req, client);
    }
    try {
      await client.request(req.params.Action, req.params, { method: req.method, formatAction: false, formatParams: false });
    } catch (e) {
      if (e !== sent) throw e;
    }
    const body = req.method === 'POST' ? sent.data : sent.url;
    return decodeURIComponent(body.slice(body.lastIndexOf('&Signature=') + 11));
  };
}

/**
 * ali-oss: signUtils.buildCanonicalString + computeSignature (via signUtils.authorization), as its
 * client signs a request. ali-oss takes the resource already built and only the sub-resource
 * parameters (its API methods pass those), so both are prepared outside the timed call (this
 * favours ali-oss: the core builds the resource and filters the sub-resources itself). STS: the
 * client adds x-oss-security-token to the headers, done here beforehand as well.
 */
function aliOssSigner() {
  const OSS = require('ali-oss');
  const signUtils = require('ali-oss/lib/common/signUtils');
  const SUBRESOURCES_IN_INPUTS = new Set(['versionId']); // the inputs' prefix/max-keys are not signed
  const prepared = new Map();
  const prepare = (req) => ({
    resource: OSS.prototype._getResource.call({ options: { headerEncoding: 'utf-8' } }, { bucket: req.bucket, object: req.key ?? undefined }),
    headers: { ...req.headers, ...(req.securityToken ? { 'x-oss-security-token': req.securityToken } : {}) },
    parameters: Object.fromEntries(Object.entries(req.query).filter(([k]) => SUBRESOURCES_IN_INPUTS.has(k))),
  });
  return (req) => {
    let p = prepared.get(req);
    if (!p) {
      p = prepare(req);
      prepared.set(req, p);
    }
    const stringToSign = signUtils.buildCanonicalString(req.method, p.resource, { headers: p.headers, parameters: p.parameters });
    return signUtils.authorization(req.accessKeyId, req.accessKeySecret, stringToSign);
  };
}

// ---------------------------------------------------------------------------- timing

let sink = 0; // keeps results alive so that no work is optimised away

/** CPU time of this process in ms (user + system): unlike wall time it does not count the time
 * the process waits for a core, so figures stay comparable on a busy 2-core machine. It does
 * count V8's background GC threads, a real cost of the contender that allocates. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timeRound(fn, inputs, iterations) {
  const start = cpuMs();
  for (let i = 0; i < iterations; i += 1) sink += fn(inputs[i % inputs.length]).length;
  return cpuMs() - start;
}

async function timeRoundAsync(fn, inputs, iterations) {
  const start = cpuMs();
  for (let i = 0; i < iterations; i += 1) sink += (await fn(inputs[i % inputs.length])).length;
  return cpuMs() - start;
}

/** Warm-up (which sizes a round to about ROUND_MS), then ROUNDS rounds per contender,
 * interleaved so that machine noise hits all of them alike; median ops/s of each. */
async function compare(contenders, inputs) {
  const sized = [];
  for (const c of contenders) {
    const round = c.async ? timeRoundAsync : timeRound;
    let iterations = 200;
    for (;;) {
      const ms = await round(c.fn, inputs, iterations);
      if (ms >= ROUND_MS / 2) {
        iterations = Math.max(1, Math.round((iterations * ROUND_MS) / ms));
        break;
      }
      iterations *= 2;
    }
    sized.push({ ...c, round, iterations, rates: [] });
  }
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const c of sized) c.rates.push(c.iterations / ((await c.round(c.fn, inputs, c.iterations)) / 1000));
  }
  return Object.fromEntries(sized.map((c) => [c.name, median(c.rates)]));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---------------------------------------------------------------------------- run

const popSign = popCoreSigner();
const popClient = popCoreClient();
const aliSign = aliOssSigner();

// Every contender must produce the same signature on every input, or the timing means nothing.
for (const req of rpcRequests) {
  const ours = wasmSign(req).signature;
  const theirs = [popSign(req), await popClient(req)];
  if (theirs.some((s) => s !== ours)) throw new Error(`RPC signatures differ: ${ours} vs ${theirs}`);
}
for (const req of ossRequests) {
  const ours = wasmSign(req).authorization;
  if (aliSign(req) !== ours) throw new Error(`OSS authorizations differ: ${ours} vs ${aliSign(req)}`);
}

const rpc = await compare([
  { name: 'wasm', fn: (req) => wasmSign(req).signature },
  { name: 'peer', fn: popSign },
  { name: 'peerClient', fn: popClient, async: true },
], rpcRequests);
const oss = await compare([
  { name: 'wasm', fn: (req) => wasmSign(req).authorization },
  { name: 'peer', fn: aliSign },
], ossRequests);

const nativePath = path.join(OUT, 'native.json');
const native = fs.existsSync(nativePath) ? JSON.parse(fs.readFileSync(nativePath, 'utf8')) : null;
const glue = fs.readFileSync(path.join(PKG, 'rolehop_api.js'));
const size = {
  wasm: wasmBytes.length,
  wasmGzip: zlib.gzipSync(wasmBytes, { level: 9 }).length,
  glue: glue.length,
  glueGzip: zlib.gzipSync(glue, { level: 9 }).length,
};
const results = { date: new Date().toISOString(), node: process.version, pkg: path.relative(ROOT, PKG), size, rpc, oss, native, sink: sink > 0 };
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

// ---------------------------------------------------------------------------- table

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ops = (n) => `${Math.round(n).toLocaleString('en-US')} ops/s`;
const rows = [
  ['size', 'wasm (wasm-opt -Oz), raw', kb(size.wasm), ''],
  ['size', 'wasm, gzip -9', kb(size.wasmGzip), `target <= 100 KB: ${size.wasmGzip <= 100 * 1024 ? 'met' : 'NOT met'}`],
  ['size', 'JS glue (rolehop_api.js), raw / gzip -9', `${kb(size.glue)} / ${kb(size.glueGzip)}`, ''],
  ['RPC V1', 'wasm sign() + JSON (AssumeRole)', ops(rpc.wasm), `${(rpc.wasm / rpc.peer).toFixed(2)}x pop-core signing`],
  ['RPC V1', '@alicloud/pop-core normalize+canonicalize+HMAC', ops(rpc.peer), 'peer'],
  ['RPC V1', '@alicloud/pop-core RPCClient#request (intercepted)', ops(rpc.peerClient), `wasm is ${(rpc.wasm / rpc.peerClient).toFixed(2)}x`],
  ['OSS V1', 'wasm sign() + JSON (GetObject, STS)', ops(oss.wasm), `${(oss.wasm / oss.peer).toFixed(2)}x ali-oss signing`],
  ['OSS V1', 'ali-oss buildCanonicalString+computeSignature', ops(oss.peer), 'peer'],
];
if (native) {
  rows.push(['RPC V1', 'native: JSON contract (ceiling)', ops(native.rpc.contract), `${(native.rpc.contract / rpc.wasm).toFixed(2)}x wasm`]);
  rows.push(['RPC V1', 'native: signer only', ops(native.rpc.signer), '']);
  rows.push(['OSS V1', 'native: JSON contract (ceiling)', ops(native.oss.contract), `${(native.oss.contract / oss.wasm).toFixed(2)}x wasm`]);
  rows.push(['OSS V1', 'native: signer only', ops(native.oss.signer), '']);
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`RoleHop signing benchmark (${results.date.slice(0, 10)}, node ${process.version}, ${results.pkg}; median of ${ROUNDS} interleaved rounds, CPU time)`);
for (const r of rows) console.log(`  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padStart(widths[2])}  ${r[3]}`);
