// The message schema of the service worker: which `type`s exist and the exact fields each takes.
// Pure (no chrome.* calls) so it is unit-tested in Node as well.

/** @typedef {import('../shared/contract').MessageType} MessageType */
/** @typedef {import('../shared/contract').Message} Message */
/** @typedef {'object' | 'string'} FieldKind */

/**
 * Fields of each message type besides `type`. All are required; no others are accepted.
 * @type {{readonly [T in MessageType]: Readonly<Record<string, FieldKind>>}}
 */
export const MESSAGE_FIELDS = Object.freeze({
  'core.version': {},
  'core.selfCheck': {},
  'core.sign': { request: 'object' },
  'core.request': { request: 'object' },
  'core.parseResponse': { response: 'object' },
});

/** @type {ReadonlyArray<string>} */
const KNOWN_TYPES = Object.keys(MESSAGE_FIELDS);

/**
 * Checks that `value` is a message of a known type with exactly the fields that type takes.
 * @param {unknown} value
 * @returns {{ok: true, message: Message} | {ok: false, reason: string}}
 */
export function validateMessage(value) {
  if (!isPlainObject(value)) {
    return fail(`a message must be an object with a "type" field, got ${describe(value)}`);
  }
  const { type } = value;
  if (typeof type !== 'string') {
    return fail(`message.type must be a string naming the message, got ${describe(type)}`);
  }
  if (!isKnownType(type)) {
    return fail(`unknown message type ${JSON.stringify(type)}: expected one of ${KNOWN_TYPES.join(', ')}`);
  }
  const fields = MESSAGE_FIELDS[type];
  const allowed = ['type', ...Object.keys(fields)];
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      return fail(`unexpected field message.${name} in a ${type} message (it takes only: ${allowed.join(', ')})`);
    }
  }
  for (const [name, kind] of Object.entries(fields)) {
    if (!(name in value)) {
      return fail(`missing field message.${name}: a ${type} message needs a ${kind} there`);
    }
    if (!hasKind(value[name], kind)) {
      return fail(`message.${name} must be a JSON ${kind}, got ${describe(value[name])}`);
    }
  }
  return { ok: true, message: /** @type {Message} */ (/** @type {unknown} */ (value)) };
}

/**
 * @param {string} type
 * @returns {type is MessageType}
 */
export function isKnownType(type) {
  return Object.prototype.hasOwnProperty.call(MESSAGE_FIELDS, type);
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

/** @param {unknown} value @param {FieldKind} kind */
function hasKind(value, kind) {
  return kind === 'object' ? isPlainObject(value) : typeof value === kind;
}

/** A short description of a value's type for error messages. @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
