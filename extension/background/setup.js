// "Do it for me": the I/O half of the tutorial core's setup plan. The core decides every request
// (reads first, then only the writes the account needs) through `setupNext`; this runner signs and
// sends them with the session's credentials of that side, and waits for the user's confirmation
// before EVERY write unless the user chose "send all". The confirmation shows the exact request
// with the key ID, token and signature masked. Writes are never re-sent after an unclear failure
// (the core's retry data says so); reads are retried as the core says, with bounded delays.

import { readCredentials } from './credentials.js';
import { send, isNetworkFailure } from './transport.js';
import { allSecrets, boundedDelay, nowIso, signingCredentials } from './request-context.js';
import { maskAccessKeyId } from '../shared/credential-rules.js';

/** @typedef {import('../shared/contract').BuiltRequest} BuiltRequest */

/**
 * @typedef {object} SetupCore
 * @property {(input: any) => any} request
 * @property {(input: any) => any} parseResponse
 * @property {(input: any) => any} setupPlan
 * @property {(input: any) => any} setupNext
 * @property {(input: any) => any} checksRetry
 */

/** @typedef {'send' | 'send-all' | 'cancel'} Decision */

/**
 * @typedef {object} SetupHooks
 * @property {(preview: {stepId: string, operation: any, request: MaskedRequest}) => Promise<Decision>} confirm
 *   asked before each write (not after "send-all")
 * @property {(update: {event: string, [field: string]: unknown}) => void} [onProgress]
 * @property {typeof fetch} [fetch]
 */

/**
 * @typedef {object} MaskedRequest the request as it will be sent, secrets masked
 * @property {string} method
 * @property {string} url
 * @property {Record<string, string>} headers
 * @property {Record<string, string> | null} params the form body, decoded, when it is one
 */

/** Plans are a dozen operations; more means a loop. */
const MAX_OPERATIONS = 48;
/** A confirmed request older than this is signed again (the gateway refuses timestamps > 15 min old). */
const RESIGN_AFTER_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Runs the setup plan of one side with that side's credentials.
 * @param {SetupCore} core
 * @param {Record<string, unknown>} inputs TutorialInput plus `side: "A" | "B"`
 * @param {SetupHooks} hooks
 * @returns {Promise<any>} setupNext's final answer (`done`, `blocked`, `failed`) plus `cancelled` when the user stopped
 */
export async function runSetup(core, inputs, hooks) {
  const side = inputs.side === 'A' ? 'a' : inputs.side === 'B' ? 'b' : null;
  if (!side) {
    return { error: { kind: 'invalid-value', message: 'side must be "A" or "B"', path: '$.side', text: { id: 'setupSideInvalid', args: {} } } };
  }
  const stored = await readCredentials(side);
  if (!stored) {
    return {
      error: {
        kind: 'missing-credentials',
        message: `"Do it for me" for side ${inputs.side} needs that side's credentials: enter them first`,
        text: { id: side === 'a' ? 'setupNeedsCredentialsA' : 'setupNeedsCredentialsB', args: {} },
      },
    };
  }
  const credentials = signingCredentials(stored);
  const secrets = allSecrets(stored);
  const plan = core.setupPlan(inputs);
  if (plan.error) return plan;
  hooks.onProgress?.({ event: 'setup.plan', tasks: plan.tasks, side: plan.side, account: plan.account });

  /** @type {Array<{id: string, response: any}>} */
  const results = [];
  let sendAll = false;
  for (let count = 0; count <= MAX_OPERATIONS; count += 1) {
    const step = core.setupNext({ plan, results });
    if (step.error) return step;
    hooks.onProgress?.({ event: 'setup.progress', outcomes: step.outcomes, changed: step.changed, status: step.status });
    if (step.status !== 'send') return step;
    const operation = step.next;
    const time = nowIso();
    let built = build(core, operation, credentials, time);
    if (built.error) return built;
    let builtAt = Date.now();
    if (operation.kind === 'write' && !sendAll) {
      const decision = await hooks.confirm({ stepId: operation.id, operation, request: maskRequest(built, stored.accessKeyId) });
      if (decision === 'cancel') return { ...step, status: 'cancelled', next: undefined };
      if (decision === 'send-all') sendAll = true;
      if (Date.now() - builtAt > RESIGN_AFTER_MS) {
        built = build(core, operation, credentials, nowIso());
        if (built.error) return built;
        builtAt = Date.now();
      }
    }
    const response = await sendWithRetries(core, operation, built, credentials, secrets, hooks);
    results.push({ id: operation.id, response });
  }
  return {
    error: {
      kind: 'internal',
      message: `the setup plan did not finish within ${MAX_OPERATIONS} requests`,
      text: { id: 'setupUnfinished', args: { limit: String(MAX_OPERATIONS) } },
    },
  };
}

/**
 * Sends one operation; reads are re-sent (freshly signed) while the core's retry data says so.
 * @param {SetupCore} core @param {any} operation @param {BuiltRequest} built
 * @param {import('../shared/contract').ApiCredentials} credentials
 * @param {import('./transport.js').Secrets} secrets @param {SetupHooks} hooks
 */
async function sendWithRetries(core, operation, built, credentials, secrets, hooks) {
  let request = built;
  for (let attempt = 1; ; attempt += 1) {
    const { response, outcome } = await sendAndParse(core, operation.action, request, secrets, hooks.fetch);
    hooks.onProgress?.({
      event: 'setup.sent', id: operation.id, action: operation.action, kind: operation.kind, attempt,
      httpStatus: outcome.httpStatus ?? null, requestId: response.result?.requestId ?? response.apiError?.requestId ?? null,
      outcome: response.result ? 'ok' : response.apiError?.code ?? response.error?.kind ?? 'error',
    });
    if (response.result || attempt >= MAX_ATTEMPTS) return response;
    const retry = core.checksRetry({ action: operation.action, attempt, outcome });
    if (retry.error || !retry.retry) return response;
    await boundedDelay(retry.delayMs);
    const rebuilt = build(core, operation, credentials, nowIso());
    if (rebuilt.error) return response;
    request = rebuilt;
  }
}

/**
 * @param {SetupCore} core @param {string} action @param {BuiltRequest} built
 * @param {import('./transport.js').Secrets} secrets @param {typeof fetch | undefined} fetchImpl
 * @returns {Promise<{response: any, outcome: Record<string, any>}>}
 */
async function sendAndParse(core, action, built, secrets, fetchImpl) {
  let answer;
  try {
    answer = await send(built, secrets, fetchImpl ? { fetch: fetchImpl } : {});
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const message = `refused before sending: ${reason}`;
    // The core's words for the outcome are `text` (setupNext reads it before `message`).
    const text = { id: 'setupRefusedBeforeSending', args: { reason } };
    return { response: { error: { kind: 'refused', message, text } }, outcome: { transportError: message } };
  }
  if (isNetworkFailure(answer)) {
    const text = { id: 'setupNoAnswer', args: { reason: answer.networkError } };
    return { response: { error: { kind: 'transport-error', message: answer.networkError, text } }, outcome: { transportError: answer.networkError } };
  }
  const response = core.parseResponse({
    action, status: answer.status, headers: answer.headers, body: answer.body, stringToSign: built.signing?.stringToSign ?? null,
  });
  /** @type {Record<string, any>} */
  const outcome = { ...response, httpStatus: answer.status };
  if (answer.serverDate) outcome.serverDate = answer.serverDate;
  return { response, outcome };
}

/** @param {SetupCore} core @param {any} operation @param {import('../shared/contract').ApiCredentials} credentials @param {string} time */
function build(core, operation, credentials, time) {
  return core.request({ ...operation.request, credentials, time, nonce: crypto.randomUUID() });
}

/**
 * The request as it will be sent, for the confirmation: the key ID masked, the token and the
 * signature replaced (the secret itself is never in a request).
 * @param {BuiltRequest} built
 * @param {string} accessKeyId
 * @returns {MaskedRequest}
 */
export function maskRequest(built, accessKeyId) {
  const masked = maskAccessKeyId(accessKeyId);
  /** @param {string} name @param {string} value */
  const maskValue = (name, value) => {
    const lower = name.toLowerCase();
    if (lower === 'accesskeyid') return masked;
    if (lower === 'securitytoken' || lower === 'x-oss-security-token') return '****';
    if (lower === 'signature') return '****';
    if (lower === 'authorization') return value.replace(/^(OSS4?[^ ]*\s+)([^:]+):.*$/, (_m, scheme) => `${scheme}${masked}:****`);
    return value;
  };
  const url = new URL(built.url);
  for (const [name, value] of [...url.searchParams]) url.searchParams.set(name, maskValue(name, value));
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(built.headers ?? {})) headers[name] = maskValue(name, value);
  /** @type {Record<string, string> | null} */
  let params = null;
  if (built.body) {
    params = {};
    for (const [name, value] of new URLSearchParams(built.body)) params[name] = maskValue(name, value);
  }
  return { method: built.method, url: url.toString(), headers, params };
}
