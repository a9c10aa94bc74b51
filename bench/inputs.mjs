// The benchmark's inputs: fixed, RoleHop-shaped signing requests, written as contract requests
// (one JSON per line) so that the Node benchmark and the native example sign the same ones.
//
// Usage: node bench/inputs.mjs OUT_DIR   -> OUT_DIR/rpc.jsonl, OUT_DIR/oss.jsonl

import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../tests/lib/prng.js';

const COUNT = 64;

// Seeded: the inputs never change between runs.
const rand = mulberry32(20240611);
const pick = (s, n) => Array.from({ length: n }, () => s[Math.floor(rand() * s.length)]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;
const iso = (unix) => new Date(unix * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const rfc1123 = (unix) => new Date(unix * 1000).toUTCString();

/** STS AssumeRole, as RoleHop sends it to hop into a role (half of them chained from STS credentials). */
function rpcRequest(i) {
  const sts = i % 2 === 1;
  const params = {
    Action: 'AssumeRole',
    Version: '2015-04-01',
    Format: 'JSON',
    AccessKeyId: (sts ? 'STS.' : 'LTAI') + pick(ALNUM, 20),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: pick('0123456789abcdef', 32),
    Timestamp: iso(1_700_000_000 + i * 37),
    RoleArn: `acs:ram::${1_000_000_000_000_000 + i * 7919}:role/rolehop-admin-${i}`,
    RoleSessionName: `rolehop-alice-${i}@example.com`,
    DurationSeconds: '3600',
  };
  if (sts) params.SecurityToken = `CAIS${pick(B64, 600)}`;
  if (i % 4 === 0) {
    params.Policy = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['oss:GetObject', 'oss:ListObjects'], Resource: [`acs:oss:*:*:bucket-${i}/*`] }],
    });
  }
  return { kind: 'rpc', method: 'POST', params, accessKeySecret: pick(ALNUM, 30) };
}

/** OSS GetObject / ListObjects with STS credentials from a role hop. */
function ossRequest(i) {
  const object = i % 3 !== 0;
  return {
    kind: 'oss',
    method: 'GET',
    bucket: `rolehop-bench-${i}`,
    key: object ? `reports/2024/财务 ${i}.csv` : null,
    headers: { 'x-oss-date': rfc1123(1_700_000_000 + i * 61), 'x-oss-request-payer': 'requester' },
    query: object ? (i % 2 ? { versionId: `CAEQ${pick(ALNUM, 16)}` } : {}) : { prefix: 'reports/', 'max-keys': '100' },
    accessKeyId: `STS.${pick(ALNUM, 20)}`,
    accessKeySecret: pick(ALNUM, 30),
    securityToken: `CAIS${pick(B64, 600)}`,
  };
}

const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/inputs.mjs OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const lines = (make) => Array.from({ length: COUNT }, (_, i) => `${JSON.stringify(make(i))}\n`).join('');
fs.writeFileSync(path.join(out, 'rpc.jsonl'), lines(rpcRequest));
fs.writeFileSync(path.join(out, 'oss.jsonl'), lines(ossRequest));
