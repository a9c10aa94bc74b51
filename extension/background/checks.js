// The verification runner: the I/O half of the checks (the plan and the diagnosis are the core's).
// It loops as the core says: ask `checksNext` what to send, sign each request with the session's
// credentials (time = now, nonce = a fresh UUID), send it through transport.js (decision 4 is
// enforced there), read the answer with `parseResponse`, record the attempt in `facts`; then
// `checksDiagnose` turns the facts into the report. Retries and their delays come from
// checksNext (reads only, bounded); this module adds no rules of its own.

import { readCredentials } from './credentials.js';
import { coreMessage } from '../shared/i18n.js';
import { send, isNetworkFailure, errorText } from './transport.js';
import { allSecrets, boundedDelay, nowIso, signingCredentials } from './request-context.js';

/** @typedef {import('../shared/contract').ApiCredentials} ApiCredentials */
/** @typedef {import('../shared/contract').BuiltRequest} BuiltRequest */
/** @typedef {import('../shared/credential-rules.js').StoredCredentials} StoredCredentials */

/**
 * The core functions the runner uses (core.js).
 * @typedef {object} ChecksCore
 * @property {(input: any) => any} request
 * @property {(input: any) => any} parseResponse
 * @property {(state: any) => any} checksNext
 * @property {(state: any) => any} checksDiagnose
 */

/**
 * One request the runner sent, as the page may see it: no credentials, no signature.
 * @typedef {object} SentRequest
 * @property {string} id the core's request id, e.g. `b.AssumeRole`
 * @property {string} action
 * @property {number} attempt
 * @property {string} host
 * @property {number | null} httpStatus
 * @property {string | null} requestId
 * @property {string | null} serverDate
 * @property {string} outcome `ok`, the API error code, `malformed-response`, `transport-error` or `refused`
 */

/** A plan that never finishes is a bug; stop rather than loop. */
const MAX_ROUNDS = 64;

/**
 * Fields of CheckInputs that describe the credentials: the runner fills them from what is really
 * stored, so a page cannot claim credentials it did not give.
 */
const CREDENTIAL_FIELDS = ['haveCredentialsA', 'haveCredentialsB', 'credentialsKindB'];

/**
 * Runs every check and resolves to the report.
 * @param {ChecksCore} core
 * @param {Record<string, unknown>} pageInputs CheckInputs as the page gives them
 * @param {{onProgress?: (update: {report: any, sent: SentRequest[]}) => void, fetch?: typeof fetch, signal?: AbortSignal}} [options]
 * @returns {Promise<{report: any, sent: SentRequest[]} | {error: {kind: string, message: string, path?: string}}>}
 */
export async function runChecks(core, pageInputs, options = {}) {
  const [credentialsA, credentialsB] = await Promise.all([readCredentials('a'), readCredentials('b')]);
  /** @type {Record<string, unknown>} */
  const inputs = Object.fromEntries(Object.entries(pageInputs).filter(([name]) => !CREDENTIAL_FIELDS.includes(name)));
  inputs.haveCredentialsB = credentialsB !== null;
  inputs.haveCredentialsA = credentialsA !== null;
  if (credentialsB) inputs.credentialsKindB = credentialsB.kind;

  /** @type {Record<string, Array<Record<string, unknown>>>} */
  const facts = {};
  /** @type {SentRequest[]} */
  const sent = [];
  /** STS credentials from AssumeRole: kept here, in memory, for this run only; never in facts. */
  /** @type {ApiCredentials | null} */
  let assumed = null;
  const signers = {
    A: () => credentialsA && signingCredentials(credentialsA),
    B: () => credentialsB && signingCredentials(credentialsB),
    assumed: () => assumed,
  };

  const first = core.checksDiagnose({ inputs, facts });
  if (first.error) return { error: first.error };
  options.onProgress?.({ report: first, sent: [...sent] });

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    if (options.signal?.aborted) break;
    const step = core.checksNext({ inputs, facts });
    if (step.error) return { error: step.error };
    if (step.done || step.next.length === 0) break;
    await Promise.all(step.next.map(async (/** @type {any} */ next) => {
      await boundedDelay(next.delayMs, options.signal);
      const signer = signers[/** @type {'A' | 'B' | 'assumed'} */ (next.credentials)];
      const credentials = signer ? signer() : null;
      if (!credentials) {
        // `true`: the core names whose credentials are missing, in the reader's language.
        record(next.id, { skipped: true });
        return;
      }
      const attempt = await sendOne(core, next, credentials, allSecrets(credentialsA, credentialsB, assumed), options.fetch);
      if (next.action === 'AssumeRole' && attempt.fact.result) {
        assumed = takeAssumedCredentials(attempt.fact.result);
      }
      record(next.id, attempt.fact);
      sent.push({ id: next.id, action: next.action, attempt: Number(next.attempt) || 1, ...attempt.seen });
    }));
    const report = core.checksDiagnose({ inputs, facts });
    if (report.error) return { error: report.error };
    options.onProgress?.({ report, sent: [...sent] });
  }
  const report = core.checksDiagnose({ inputs, facts });
  if (report.error) return { error: report.error };
  return { report, sent };

  /** @param {string} id @param {Record<string, unknown>} fact */
  function record(id, fact) {
    (facts[id] ??= []).push(fact);
  }
}

/**
 * Signs, sends and reads one request. Never throws: every failure becomes the fact the core
 * expects (`transportError`, or the parser's `error` for a malformed body).
 * @param {ChecksCore} core
 * @param {any} next
 * @param {ApiCredentials} credentials
 * @param {import('./transport.js').Secrets} secrets
 * @param {typeof fetch | undefined} fetchImpl
 * @returns {Promise<{fact: Record<string, any>, seen: Omit<SentRequest, 'id' | 'action' | 'attempt'>}>}
 */
async function sendOne(core, next, credentials, secrets, fetchImpl) {
  const time = nowIso();
  const built = core.request({ ...next.params, action: next.action, credentials, time, nonce: crypto.randomUUID() });
  if (built.error) {
    return { fact: { transportError: coreMessage(built.error.text ?? built.error.message), localTime: time }, seen: unseen('', 'refused') };
  }
  const host = new URL(built.url).hostname;
  let answer;
  try {
    answer = await send(built, secrets, fetchImpl ? { fetch: fetchImpl } : {});
  } catch (e) {
    // UnsafeRequestError: refused before sending (decision 4). Reported, never sent.
    return { fact: { transportError: errorText(e), localTime: time }, seen: unseen(host, 'refused') };
  }
  if (isNetworkFailure(answer)) {
    return { fact: { transportError: answer.networkError, localTime: time }, seen: unseen(host, 'transport-error') };
  }
  const parsed = core.parseResponse({
    action: next.action,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    stringToSign: built.signing?.stringToSign ?? null,
  });
  /** @type {Record<string, any>} */
  const fact = { ...parsed, localTime: time, httpStatus: answer.status };
  if (answer.serverDate) fact.serverDate = answer.serverDate;
  if (answer.requestId) fact.requestId = answer.requestId;
  const outcome = parsed.result ? 'ok' : parsed.apiError ? String(parsed.apiError.code) : 'malformed-response';
  const requestId = parsed.result?.requestId ?? parsed.apiError?.requestId ?? answer.requestId;
  return { fact, seen: { host, httpStatus: answer.status, requestId: requestId ?? null, serverDate: answer.serverDate, outcome } };
}

/**
 * Moves the STS credentials out of an AssumeRole result: the core reads only the expiration and
 * the assumed role user, so the secret and the token are blanked in the fact.
 * @param {Record<string, any>} result
 * @returns {ApiCredentials | null}
 */
function takeAssumedCredentials(result) {
  const credentials = result.credentials;
  if (!credentials || typeof credentials.accessKeySecret !== 'string') return null;
  const taken = {
    accessKeyId: String(credentials.accessKeyId),
    accessKeySecret: credentials.accessKeySecret,
    securityToken: String(credentials.securityToken),
  };
  result.credentials = { ...credentials, accessKeySecret: '', securityToken: '' };
  return taken;
}

/** @param {string} host @param {string} outcome */
function unseen(host, outcome) {
  return { host, httpStatus: null, requestId: null, serverDate: null, outcome };
}

