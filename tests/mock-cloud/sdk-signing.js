// The mock cloud's signature checks, computed by the official npm SDKs' own signing code:
// @alicloud/pop-core (RPC V1) and ali-oss (OSS V1 header and presigned URLs).
//
// pop-core's signing helpers (encode, normalize, canonicalize in lib/rpc.js) are not exported, so
// RPCClient.request is driven on the received parameters and its HTTP call is captured. Unlike
// tests/oracle/node_oracles.mjs, which patches the shared httpx/kitx modules, this loads a PRIVATE
// instance of lib/rpc.js (its own file, compiled once with Node's module wrapper) whose `require`
// hands it a capturing httpx and kitx: tests in the same process can still use the real
// RPCClient (the official client) against the mock, untouched.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';

const load = createRequire(import.meta.url);
const signUtils = load('ali-oss/lib/common/signUtils');

/**
 * @typedef {object} Capture
 * @property {string} [url]
 * @property {string} [data]
 * @property {string} [stringToSign]
 * @property {string} [signature]
 */

/** @type {Capture | null} */
let capture = null;
class Captured extends Error {}

/** @returns {any} lib/rpc.js's RPCClient, with capturing httpx and kitx. */
function loadPrivateRpcClient() {
  const rpcPath = join(dirname(load.resolve('@alicloud/pop-core')), 'lib', 'rpc.js');
  const popRequire = createRequire(rpcPath);
  const kitx = popRequire('kitx');
  const privateKitx = {
    ...kitx,
    /** @type {(data: string, key: string, encoding: string) => string} */
    sha1(data, key, encoding) {
      const signature = kitx.sha1(data, key, encoding);
      if (capture) Object.assign(capture, { stringToSign: data, signature });
      return signature;
    },
  };
  const privateHttpx = {
    /** @param {string} url @param {{data?: string}} opts */
    async request(url, opts) {
      if (capture) Object.assign(capture, { url, data: opts.data });
      throw new Captured('captured by the mock cloud');
    },
  };
  /** @param {string} id */
  const localRequire = (id) => (id === 'httpx' ? privateHttpx : id === 'kitx' ? privateKitx : popRequire(id));
  const wrapper = runInThisContext(Module.wrap(readFileSync(rpcPath, 'utf8')), { filename: rpcPath });
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, localRequire, module, rpcPath, dirname(rpcPath));
  return module.exports;
}

const RPCClient = loadPrivateRpcClient();

/**
 * pop-core's string to sign and signature for `params` (the request's parameters, without
 * `Signature`) signed with `secret`.
 * @param {string} method GET or POST
 * @param {Record<string, string>} params
 * @param {string} secret
 * @returns {Promise<{stringToSign: string, signature: string}>}
 */
export function rpcSignature(method, params, secret) {
  // pop-core awaits its credentials provider before it signs, so two calls could interleave on
  // the one capture: calls are queued.
  const run = queue.then(() => rpcSignatureNow(method, params, secret));
  queue = run.catch(() => undefined);
  return run;
}

/** @type {Promise<unknown>} */
let queue = Promise.resolve();

/**
 * @param {string} method
 * @param {Record<string, string>} params
 * @param {string} secret
 * @returns {Promise<{stringToSign: string, signature: string}>}
 */
async function rpcSignatureNow(method, params, secret) {
  // Every common parameter comes from the request itself: RPCClient merges the given parameters
  // over its defaults (Timestamp, SignatureNonce, ...). formatAction/formatParams off: otherwise it
  // upper-cases the first letter of names.
  const client = new RPCClient({
    endpoint: 'https://mock.invalid',
    apiVersion: params.Version || 'unknown',
    accessKeyId: params.AccessKeyId || 'unknown',
    accessKeySecret: secret,
  });
  capture = {};
  try {
    await client.request(params.Action, params, { method, formatAction: false, formatParams: false });
    throw new Error('pop-core did not send its request through httpx');
  } catch (e) {
    if (!(e instanceof Captured)) throw e;
  }
  const { stringToSign, signature } = capture;
  capture = null;
  if (stringToSign === undefined || signature === undefined) throw new Error('pop-core computed no signature');
  return { stringToSign, signature };
}

/**
 * ali-oss's OSS V1 string to sign and signature.
 * @param {object} request
 * @param {string} request.method
 * @param {string} request.resource `/`, `/bucket/` or `/bucket/key`
 * @param {Record<string, string>} request.headers lower-case names
 * @param {Record<string, string | null>} request.subresources the signed query parameters
 * @param {string} [request.dateSlot] the Date slot when not x-oss-date (a Date header, or Expires)
 * @param {string} secret
 * @returns {{stringToSign: string, signature: string}}
 */
export function ossSignature({ method, resource, headers, subresources, dateSlot }, secret) {
  const stringToSign = signUtils.buildCanonicalString(method, resource, { headers, parameters: subresources }, dateSlot);
  return { stringToSign, signature: signUtils.computeSignature(secret, stringToSign) };
}
