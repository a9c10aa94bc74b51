// Injected faults: each matches requests by action / host / service (all optional) and applies to
// the next `count` of them ("the next 2 ListBuckets"), or to all with count "always".

import { ossError, ossErrorReply, ossRequestId, rpcError, rpcErrorReply, rpcRequestId } from './responses.js';

/**
 * @typedef {object} FaultSpec
 * @property {'throttling' | 'internal-error' | 'error' | 'slow' | 'malformed'} kind
 * @property {string} [action] RPC Action (AssumeRole) or OSS operation (ListBuckets, ListObjects,
 *   ListObjectsV2, GetBucketInfo, GetBucketLocation)
 * @property {string} [host] exact host, or a pattern with `*` (`*.oss-cn-hangzhou.aliyuncs.com`)
 * @property {'sts' | 'ram' | 'resourcemanager' | 'oss' | 'signin'} [service]
 * @property {number | 'always'} [count] how many matching requests it applies to (default 1)
 * @property {number} [status] error status (throttling / error kinds)
 * @property {string} [code] error code (throttling / error kinds)
 * @property {string} [message] error message
 * @property {number} [delayMs] wait before answering (slow: default 3000; any kind may add it)
 * @property {number} [truncateAt] malformed: bytes of the real body kept (default: half)
 */
/** @typedef {FaultSpec & {id: number, remaining: number}} Fault */
/** @typedef {{service: string, action: string | null, host: string}} RequestKey */
/** @typedef {import('./responses.js').Reply} Reply */

/** The product names RPC error bodies give (`Recommend` links). @type {Record<string, string>} */
const RPC_PRODUCTS = { sts: 'Sts', ram: 'Ram', resourcemanager: 'ResourceManager' };

const KINDS = new Set(['throttling', 'internal-error', 'error', 'slow', 'malformed']);

/** @param {string} pattern @param {string} value */
const hostMatches = (pattern, value) =>
  new RegExp(`^${pattern.toLowerCase().split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value);

export class Faults {
  constructor() {
    /** @type {Fault[]} */
    this.list = [];
    this.nextId = 1;
  }

  /**
   * @param {FaultSpec} spec
   * @returns {number} the fault's id
   */
  add(spec) {
    if (!spec || !KINDS.has(spec.kind)) throw new Error(`fault: "kind" must be one of ${[...KINDS].join(', ')}, got ${JSON.stringify(spec?.kind)}`);
    if (spec.kind === 'error' && !spec.code) throw new Error('fault: kind "error" needs a "code"');
    const count = spec.count ?? 1;
    if (count !== 'always' && !(Number.isInteger(count) && count > 0)) throw new Error(`fault: "count" must be a positive integer or "always", got ${JSON.stringify(count)}`);
    const id = this.nextId++;
    this.list.push({ ...spec, id, remaining: count === 'always' ? Infinity : count });
    return id;
  }

  clear() {
    this.list = [];
  }

  /**
   * Takes the first fault matching `key` (counting it down), or null.
   * @param {RequestKey} key
   * @returns {Fault | null}
   */
  take(key) {
    const fault = this.list.find((f) =>
      (f.service === undefined || f.service === key.service)
      && (f.action === undefined || f.action === key.action)
      && (f.host === undefined || hostMatches(f.host, key.host)));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.list = this.list.filter((f) => f !== fault);
    return fault;
  }

  /** The pending faults, as JSON. */
  pending() {
    return this.list.map(({ remaining, ...f }) => ({ ...f, remaining: remaining === Infinity ? 'always' : remaining }));
  }
}

/**
 * The error answer a throttling / internal-error / error fault gives instead of the real one.
 * @param {Fault} fault @param {RequestKey} key @param {Date} date
 * @returns {Reply}
 */
export function faultErrorReply(fault, key, date) {
  const rpc = key.service !== 'oss';
  const defaults = fault.kind === 'throttling'
    ? (rpc ? { code: 'Throttling.User' } : { code: 'ServiceUnavailable' })
    : fault.kind === 'internal-error' ? { code: 'InternalError' } : { code: fault.code ?? 'InternalError' };
  const code = fault.code ?? defaults.code;
  if (rpc) {
    const error = rpcError(code, fault.message, fault.status);
    return rpcErrorReply(error, { requestId: rpcRequestId(), host: key.host, product: RPC_PRODUCTS[key.service] ?? 'Ram', date });
  }
  return ossErrorReply(ossError(code, fault.message, {}, fault.status), { requestId: ossRequestId(), host: key.host, date });
}

/**
 * A malformed fault's answer: the real one with its body cut short.
 * @param {Fault} fault @param {Reply} reply
 * @returns {Reply}
 */
export function truncate(fault, reply) {
  const bytes = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  const keep = Math.max(0, Math.min(bytes.length - 1, fault.truncateAt ?? Math.floor(bytes.length / 2)));
  return { ...reply, body: bytes.subarray(0, keep) };
}
