// The message schema of the service worker: which `type`s exist and the exact fields each takes.
// Pure (no chrome.* calls) so it is unit-tested in Node as well.

/** @typedef {import('../shared/contract').MessageType} MessageType */
/** @typedef {import('../shared/contract').Message} Message */
/** @typedef {'object' | 'string' | 'number' | 'boolean'} BaseKind */
/** @typedef {BaseKind | `${BaseKind}?`} FieldKind a trailing `?` marks an optional field */

/**
 * Fields of each message type besides `type`. All are required unless marked `?`; no others are
 * accepted.
 * @type {{readonly [T in MessageType]: Readonly<Record<string, FieldKind>>}}
 */
export const MESSAGE_FIELDS = Object.freeze({
  'core.version': {},
  'core.selfCheck': {},
  'core.sign': { request: 'object' },
  'core.request': { request: 'object' },
  'core.parseResponse': { response: 'object' },
  // Credentials for this session (workbench); trusted extension pages only.
  'credentials.set': { side: 'string', credentials: 'object' },
  'credentials.clear': { side: 'string' },
  'credentials.status': {},
  // The verification checks in one go: the answer is the whole report (pages that want live
  // progress use the run port below instead).
  'checks.run': { inputs: 'object' },
  // Open console (popup): the profile as the popup parsed it, and whether read-only.
  'console.open': { profile: 'object', readOnly: 'boolean' },
  // From content scripts (router.js CONTENT_SCRIPT_TYPES, each bound to its pages; switch.js).
  'switch.context': { marker: 'string?', parentAlias: 'string', roleName: 'string' },
  'switch.validate': { parentAlias: 'string', roleName: 'string' },
  'switch.saveProfile': { parentAlias: 'string', roleName: 'string' },
  'identity.lookup': { accountUid: 'string', roleName: 'string' },
  // The RAM console helper panel (ram-helper.js): the page's route, a trust policy read from it,
  // and a copy button pressed (the route and one of the context's copy ids; never the text).
  'ramHelper.context': { path: 'string' },
  'ramHelper.checkTrust': { policy: 'string' },
  // Whether the panel is collapsed: answered, and remembered when `collapsed` is given (the
  // worker keeps it; content scripts cannot reach storage).
  'ramHelper.panel': { collapsed: 'boolean?' },
  'ramHelper.copy': { path: 'string', copyId: 'string' },
});

/**
 * Messages a page sends on a `rolehop.run` port (chrome.runtime.connect): runs that stream their
 * progress back, and the confirmations "Do it for me" waits for.
 * @type {{readonly [T in import('../shared/contract').PortMessageType]: Readonly<Record<string, FieldKind>>}}
 */
const PORT_MESSAGE_FIELDS = Object.freeze({
  'checks.run': { inputs: 'object' },
  'setup.run': { inputs: 'object' },
  'setup.confirm': { stepId: 'string', decision: 'string' },
  'setup.cancel': {},
  // Sent by a page while it waits for the user, so the worker is not stopped as idle.
  'run.keepalive': {},
});

/**
 * Checks that `value` is a message of a known type with exactly the fields that type takes.
 * @param {unknown} value
 * @returns {{ok: true, message: Message} | {ok: false, reason: string}}
 */
export function validateMessage(value) {
  return validateAgainst(MESSAGE_FIELDS, value);
}

/**
 * Checks a message received on a run port, like validateMessage.
 * @param {unknown} value
 * @returns {{ok: true, message: import('../shared/contract').PortMessage} | {ok: false, reason: string}}
 */
export function validatePortMessage(value) {
  return /** @type {any} */ (validateAgainst(PORT_MESSAGE_FIELDS, value));
}

/**
 * @param {Readonly<Record<string, Readonly<Record<string, FieldKind>>>>} table
 * @param {unknown} value
 * @returns {{ok: true, message: Message} | {ok: false, reason: string}}
 */
function validateAgainst(table, value) {
  const knownTypes = Object.keys(table);
  if (!isPlainObject(value)) {
    return fail(`a message must be an object with a "type" field, got ${describe(value)}`);
  }
  const { type } = value;
  if (typeof type !== 'string') {
    return fail(`message.type must be a string naming the message, got ${describe(type)}`);
  }
  if (!Object.prototype.hasOwnProperty.call(table, type)) {
    return fail(`unknown message type ${JSON.stringify(type)}: expected one of ${knownTypes.join(', ')}`);
  }
  const fields = table[type];
  const allowed = ['type', ...Object.keys(fields)];
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      return fail(`unexpected field message.${name} in a ${type} message (it takes only: ${allowed.join(', ')})`);
    }
  }
  for (const [name, declared] of Object.entries(fields)) {
    const optional = declared.endsWith('?');
    const kind = /** @type {BaseKind} */ (optional ? declared.slice(0, -1) : declared);
    if (!(name in value)) {
      if (optional) continue;
      return fail(`missing field message.${name}: a ${type} message needs a ${kind} there`);
    }
    if (!hasKind(value[name], kind)) {
      return fail(`message.${name} must be a JSON ${kind}, got ${describe(value[name])}`);
    }
  }
  return { ok: true, message: /** @type {Message} */ (/** @type {unknown} */ (value)) };
}

/** @param {string} reason @returns {{ok: false, reason: string}} */
function fail(reason) {
  return { ok: false, reason };
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** @param {unknown} value @param {BaseKind} kind */
function hasKind(value, kind) {
  if (kind === 'object') return isPlainObject(value);
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === kind;
}

/** A short description of a value's type for error messages. @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
