// Open console: sign in to the console as a profile's role with company B's credentials of this
// session, the way the federation endpoint documents it. Who you are (GetCallerIdentity, for the
// session name), AssumeRole (with the read-only session policy when asked), GetSigninToken with
// the role session, then the Login URL in a new tab (Firefox: in the profile's own container).
// The core builds every request and reads every answer (consoleSignin); this module only sends,
// opens the tab and names what went wrong.
//
// Secrets (DESIGN decision 6): your credentials are read from storage.session and stay in this
// worker; the role session and the sign-in token live only in this function's variables, are
// never stored, never logged and never sent to a page. The sign-in token leaves only inside the
// Login URL, at once (it is valid 30 seconds, for one use).

import { readCredentials } from './credentials.js';
import { allSecrets, nowIso, signingCredentials } from './request-context.js';
import { errorText, isNetworkFailure, send, sendSigninTokenRequest } from './transport.js';
import { containerFor } from './containers.js';

/** @typedef {import('../shared/contract').CoreMessage} CoreMessage */
/** @typedef {import('../shared/contract').ConsoleProfile} ConsoleProfile */
/** @typedef {import('../shared/contract').ConsoleOpened} ConsoleOpened */
/** @typedef {import('../shared/contract').ConsoleFailure} ConsoleFailure */
/** @typedef {import('../shared/contract').CoreErrorResult} CoreErrorResult */

/**
 * What Open console reads of each answer.
 * @typedef {object} ConsoleResults
 * @property {import('../shared/contract').CallerIdentity} GetCallerIdentity
 * @property {import('../shared/contract').AssumeRoleResult} AssumeRole
 */

/**
 * The core functions used here (core.js).
 * @typedef {object} ConsoleCore
 * @property {import('../shared/core.js').Core['request']} request
 * @property {import('../shared/core.js').Core['consoleSignin']} consoleSignin
 * @property {import('../shared/core.js').Core['consoleRefusal']} consoleRefusal
 * @property {(module: 'checks') => Promise<unknown>} [load] (absent in the tests' stand-ins)
 */

/**
 * What the worker needs from the browser: the tab opener (a new tab, in the container when
 * given) and the containers (Firefox only; null elsewhere).
 * @typedef {object} ConsoleDeps
 * @property {(url: string, cookieStoreId: string | null) => Promise<unknown>} [openTab]
 * @property {typeof fetch} [fetch]
 */

/** A failure the popup shows: its kind and the catalog message saying what to do. */
class Stop extends Error {
  /**
   * @param {ConsoleFailure['kind']} kind @param {CoreMessage | string} text
   * @param {string} [policy] the policy document the fix names (a refused AssumeRole's diagnosis)
   */
  constructor(kind, text, policy) {
    super(kind);
    this.kind = kind;
    this.text = text;
    this.policy = policy;
  }
}

/**
 * Opens the console as `profile`'s role.
 * @param {ConsoleCore} core
 * @param {{profile: Record<string, unknown>, readOnly: boolean}} message
 * @param {ConsoleDeps} [deps]
 * @returns {Promise<ConsoleOpened | {error: ConsoleFailure}>}
 */
export async function openConsole(core, message, deps = {}) {
  try {
    return await signIn(core, consoleProfile(message.profile), message.readOnly, deps);
  } catch (e) {
    if (e instanceof Stop) return { error: { kind: e.kind, text: e.text, ...(e.policy ? { policy: e.policy } : {}) } };
    throw e;
  }
}

/**
 * @param {ConsoleCore} core @param {ConsoleProfile} profile @param {boolean} readOnly
 * @param {ConsoleDeps} deps
 * @returns {Promise<ConsoleOpened>}
 */
async function signIn(core, profile, readOnly, deps) {
  const own = await readCredentials('b');
  if (!own) throw new Stop('no-credentials', { id: 'core_signin_no_session_credentials', args: {} });
  if (!profile.roleArn || !profile.accountUid) {
    throw new Stop('profile', { id: 'core_signin_profile_needs_uid', args: { id: profile.id } });
  }
  // The container first (Firefox): with containers turned off nothing is sent at all.
  const container = await containerFor(profile).catch((e) => {
    throw new Stop('containers', { id: 'consoleContainersUnavailable', args: { reason: e instanceof Error ? e.message : String(e) } });
  });
  const signer = signingCredentials(own);
  const secrets = allSecrets(own);
  const options = deps.fetch ? { fetch: deps.fetch } : {};

  const callerRequest = built(core.request({ action: 'GetCallerIdentity', credentials: signer, time: nowIso(), nonce: crypto.randomUUID() }));
  const caller = await read(core, 'GetCallerIdentity', callerRequest, await answered(send(callerRequest, secrets, options), callerRequest), profile, null);

  const assumeRequest = built(core.consoleSignin({
    step: 'assume',
    roleArn: profile.roleArn,
    accountUid: profile.accountUid,
    readOnly,
    callerArn: caller.arn,
    credentials: signer,
    time: nowIso(),
    nonce: crypto.randomUUID(),
  }));
  const assumed = await read(core, 'AssumeRole', assumeRequest, await answered(send(assumeRequest, secrets, options), assumeRequest), profile, String(caller.arn));
  const session = {
    accessKeyId: String(assumed.credentials.accessKeyId),
    accessKeySecret: String(assumed.credentials.accessKeySecret),
    securityToken: String(assumed.credentials.securityToken),
  };

  const tokenRequest = built(core.consoleSignin({ step: 'token', site: profile.site, credentials: session }));
  const tokenAnswer = await answered(sendSigninTokenRequest(tokenRequest, session, secrets, options), tokenRequest);
  const token = built(core.consoleSignin({ step: 'tokenAnswer', status: tokenAnswer.status, headers: tokenAnswer.headers, body: tokenAnswer.body }), 'token');
  if ('refusal' in token) throw new Stop('token', token.refusal.text);

  const login = built(core.consoleSignin({ step: 'login', site: profile.site, signinToken: token.signinToken }));
  await (deps.openTab ?? openTab)(login.url, container?.cookieStoreId ?? null);
  return {
    opened: {
      arn: String(assumed.assumedRoleUser.arn),
      expiration: String(assumed.credentials.expiration),
      readOnly,
      ...(container ? { container: container.name } : {}),
    },
  };
}

/**
 * What the core answered, or the Stop naming why it could not (`kind`: whose fault).
 * @template T
 * @param {T | CoreErrorResult} result
 * @param {ConsoleFailure['kind']} [kind]
 * @returns {T}
 */
function built(result, kind = 'input') {
  if (isCoreError(result)) throw new Stop(kind, result.error.text ?? result.error.message);
  return result;
}

/**
 * @template T
 * @param {T | CoreErrorResult} result
 * @returns {result is CoreErrorResult}
 */
function isCoreError(result) {
  return typeof result === 'object' && result !== null && 'error' in result;
}

/**
 * The answer, or the Stop for none (no network, refused before sending).
 * @param {Promise<import('./transport.js').Received | import('./transport.js').NetworkFailure>} sending
 * @param {{url: string}} request
 * @returns {Promise<import('./transport.js').Received>}
 */
async function answered(sending, request) {
  const host = new URL(request.url).hostname;
  let answer;
  try {
    answer = await sending;
  } catch (e) {
    answer = { networkError: errorText(e) };
  }
  if (isNetworkFailure(answer)) {
    throw new Stop('unreachable', { id: 'core_signin_unreachable', args: { host, reason: answer.networkError } });
  }
  return answer;
}

/**
 * The result of a GetCallerIdentity or AssumeRole answer, or the Stop the core names; a refused
 * AssumeRole is named with the checks' diagnosis for `callerArn` (who you are), from the checks
 * module, loaded only then.
 * @template {keyof ConsoleResults} A
 * @param {ConsoleCore} core @param {A} action
 * @param {import('../shared/contract').BuiltRequest} request
 * @param {import('./transport.js').Received} answer @param {ConsoleProfile} profile
 * @param {string | null} callerArn
 * @returns {Promise<ConsoleResults[A]>}
 */
async function read(core, action, request, answer, profile, callerArn) {
  const parsed = built(core.consoleSignin({
    step: 'answer',
    action,
    roleArn: profile.roleArn,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    stringToSign: request.signing?.stringToSign ?? null,
  }));
  // The core reads an answer as the action's result (parseResponse's contract).
  if (!('refusal' in parsed)) return /** @type {ConsoleResults[A]} */ (parsed.result);
  const { refusal } = parsed;
  if (refusal.kind === 'assume-role' && callerArn && profile.roleArn) {
    await core.load?.('checks');
    const { status, headers, body } = answer;
    const diagnosed = core.consoleRefusal({ roleArn: profile.roleArn, callerArn, status, headers, body });
    if (isCoreError(diagnosed)) throw new Stop('assume-role', refusal.text);
    throw new Stop('assume-role', diagnosed.text, diagnosed.snippet);
  }
  throw new Stop(refusal.kind, refusal.text);
}

/**
 * The profile fields Open console uses, checked (the popup sends the parsed profile).
 * @param {Record<string, unknown>} p
 * @returns {ConsoleProfile}
 */
function consoleProfile(p) {
  // The popup sends what it parsed; anything else is a fault of the sender, named for the log.
  const unusable = (/** @type {string} */ reason) => new Stop('input', { id: 'consoleProfileUnusable', args: { reason } });
  const text = (/** @type {string} */ name, /** @type {boolean} */ required) => {
    const v = p[name];
    if (v === undefined || v === null) {
      if (required) throw unusable(`message.profile.${name} is missing`);
      return undefined;
    }
    if (typeof v !== 'string' || v.length > 256) throw unusable(`message.profile.${name} must be a text of at most 256 characters`);
    return v;
  };
  const site = text('site', true);
  if (site !== 'cn' && site !== 'intl') throw unusable('message.profile.site must be cn or intl');
  return {
    id: /** @type {string} */ (text('id', true)),
    displayName: /** @type {string} */ (text('displayName', true)),
    site,
    roleArn: text('roleArn', false),
    accountUid: text('accountUid', false),
    color: text('color', false),
  };
}

/** Opens the Login URL in a new, active tab. @param {string} url @param {string | null} cookieStoreId */
function openTab(url, cookieStoreId) {
  return chrome.tabs.create({ url, active: true, ...(cookieStoreId ? { cookieStoreId } : {}) });
}
