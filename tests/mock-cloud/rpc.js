// The RPC gateway of sts.aliyuncs.com, ram.aliyuncs.com and resourcemanager.aliyuncs.com: reads the parameters (query and
// form body), checks the common parameters, the 15-minute Timestamp window, the AccessKey (and
// STS token), the signature (by @alicloud/pop-core's own code) and SignatureNonce reuse, then runs
// the action.

import { authorizeWhy } from './authorize.js';
import { rpcRefusal } from './denials.js';
import { ApiError, missingParameter, rpcError, rpcErrorReply, rpcReply, rpcRequestId } from './responses.js';
import { rpcSignature } from './sdk-signing.js';
import { RAM_ACTIONS } from './ram.js';
import { STS_ACTIONS } from './sts.js';
import { RESOURCE_MANAGER_ACTIONS } from './resourcemanager.js';

/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').Caller} Caller */
/** @typedef {import('./responses.js').Reply} Reply */

/**
 * What an action handler gets.
 * @typedef {object} RpcContext
 * @property {World} world
 * @property {Caller} caller
 * @property {Record<string, string>} params
 * @property {number} now the mock clock (ms)
 * @property {(action: string, resource: string, context?: Record<string, string>) => void} require
 *   throws NoPermission (with its AccessDeniedDetail) unless the caller may do `action` on `resource`
 */
/** @typedef {(ctx: RpcContext) => object} RpcAction */

/** 15 minutes: the documented allowed clock skew. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** @type {Record<string, {version: string, product: string, actions: Record<string, RpcAction>}>} */
const SERVICES = {
  sts: { version: '2015-04-01', product: 'Sts', actions: STS_ACTIONS },
  ram: { version: '2015-05-01', product: 'Ram', actions: RAM_ACTIONS },
  resourcemanager: { version: '2020-03-31', product: 'ResourceManager', actions: RESOURCE_MANAGER_ACTIONS },
};

/**
 * The RPC service of `host` (`sts.aliyuncs.com`, `sts.cn-hangzhou.aliyuncs.com`, `ram.aliyuncs.com`,
 * `resourcemanager.aliyuncs.com`), or null.
 */
export function rpcServiceOf(/** @type {string} */ host) {
  const m = /^(sts|ram|resourcemanager)(\.[a-z0-9-]+)?\.aliyuncs\.com$/.exec(host);
  return m ? m[1] : null;
}

/**
 * The request's parameters: query, then form body (which wins, as for the real gateway).
 * @param {URL} url @param {string} contentType @param {string} body
 * @returns {Record<string, string>}
 */
export function rpcParams(url, contentType, body) {
  /** @type {Record<string, string>} */
  const params = Object.fromEntries(url.searchParams);
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  }
  return params;
}

/** `YYYY-MM-DDThh:mm:ssZ` (optionally with milliseconds) to ms, or null. */
function parseTimestamp(/** @type {string} */ text) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Who signed the request, after every gateway check; throws the gateway's error otherwise.
 * @param {World} world @param {string} method @param {Record<string, string>} params @param {number} now
 * @returns {Promise<Caller>}
 */
async function authenticate(world, method, params, now) {
  for (const name of ['AccessKeyId', 'SignatureNonce', 'Timestamp']) {
    if (!params[name]) throw missingParameter(name);
  }
  if (!params.Signature) throw rpcError('IncompleteSignature', 'The request signature does not conform to Aliyun standards: "Signature" is missing.');
  if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
    throw rpcError('IncompleteSignature', `The request signature does not conform to Aliyun standards: SignatureMethod "${params.SignatureMethod ?? ''}" / SignatureVersion "${params.SignatureVersion ?? ''}" (the mock supports HMAC-SHA1 / 1.0).`);
  }
  const at = parseTimestamp(params.Timestamp);
  if (at === null) throw rpcError('InvalidTimeStamp.Format');
  if (Math.abs(now - at) > MAX_SKEW_MS) throw rpcError('InvalidTimeStamp.Expired');

  /** @type {Caller} */
  let caller;
  let secret;
  const session = world.sessions.get(params.AccessKeyId);
  if (session) {
    const token = params.SecurityToken;
    if (!token) throw rpcError('MissingSecurityToken');
    if (token !== session.token) {
      const other = [...world.sessions.values()].some((s) => s.token === token);
      throw rpcError(other ? 'InvalidSecurityToken.MismatchWithAccessKey' : 'InvalidSecurityToken.Malformed');
    }
    if (now >= session.expiresMs) throw rpcError('InvalidSecurityToken.Expired');
    caller = { kind: 'session', account: session.account, session };
    secret = session.secret;
  } else {
    const owner = world.keyOwner(params.AccessKeyId);
    if (!owner) throw rpcError('InvalidAccessKeyId.NotFound');
    if (owner.key.status !== 'Active') throw rpcError('InvalidAccessKeyId.Inactive');
    caller = owner.user ? { kind: 'user', account: owner.account, user: owner.user } : { kind: 'root', account: owner.account };
    secret = owner.key.secret;
  }

  const { Signature, ...signed } = params;
  let expected;
  try {
    expected = await rpcSignature(method, signed, secret);
  } catch (e) {
    throw rpcError('IncompleteSignature', `The request signature does not conform to Aliyun standards: ${/** @type {Error} */ (e).message}`);
  }
  if (expected.signature !== Signature) {
    throw rpcError('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${expected.stringToSign}`);
  }
  const nonce = `${params.AccessKeyId}\n${params.SignatureNonce}`;
  if (world.nonces.has(nonce)) throw rpcError('SignatureNonceUsed');
  world.nonces.set(nonce, now);
  return caller;
}

/**
 * Answers one RPC request.
 * @param {{world: World, service: string, host: string, method: string, params: Record<string, string>, now: number}} request
 * @returns {Promise<Reply>}
 */
export async function handleRpc({ world, service, host, method, params, now }) {
  const requestId = rpcRequestId();
  const { version, product, actions } = SERVICES[service];
  const date = new Date(now);
  try {
    if (method !== 'GET' && method !== 'POST') throw rpcError('InvalidAction.NotFound');
    if (!params.Action) throw missingParameter('Action');
    const action = Object.hasOwn(actions, params.Action) ? actions[params.Action] : undefined;
    if (!action) throw rpcError('InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${params.Action} is not an action of ${product} that the mock cloud implements.`);
    if (!params.Version) throw missingParameter('Version');
    if (params.Version !== version) throw rpcError('InvalidVersion', `Specified parameter Version is not valid: ${product} has ${version}, not ${params.Version}.`);
    const caller = await authenticate(world, method, params, now);
    /** @type {RpcContext} */
    const ctx = {
      world,
      caller,
      params,
      now,
      require(act, resource, context) {
        const { decision, policyType } = authorizeWhy(world, caller, { action: act, resource, context });
        if (decision !== 'Allow') throw rpcRefusal(world, caller, { action: act, resource, policyType, explicitDeny: decision === 'ExplicitDeny' });
      },
    };
    return rpcReply(200, { RequestId: requestId, ...action(ctx) }, requestId, date);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return rpcErrorReply(e, { requestId, host, product, date });
  }
}
