// The service worker's messages, from one source: for each `type`, the exact fields it takes, each
// with the JSON kind the validator checks and its TypeScript type, and the reply's TypeScript type.
// The validator below reads this table; extension/build/message-types.js writes the declarations
// (extension/shared/generated/messages.d.ts, `./build.sh types`) from it, and a unit test fails
// when the tracked declarations differ. Pure (no chrome.* calls) so it is unit-tested in Node too.
//
// Why generated text rather than TypeScript mapped over `typeof` this table: a field's TypeScript
// type (`SignRequest`, `CredentialSide`) is not a JS value, so JSDoc could only attach it with a
// cast on every field; the generated file reads like the hand-written one did, keeps the docs, and
// is made the way generated/core.d.ts is.

/** @typedef {import('../shared/contract').MessageType} MessageType */
/** @typedef {import('../shared/contract').PortMessageType} PortMessageType */
/** @typedef {import('../shared/contract').Message} Message */
/** @typedef {'object' | 'string' | 'number' | 'boolean'} BaseKind */
/**
 * A field: the JSON kind the validator checks, `?` when it may be left out, then optionally `: `
 * and its TypeScript type (names from shared/contract.d.ts). Without one the type is the kind's
 * (`Record<string, unknown>` for an object). The validator checks kinds only: a value's own rules
 * (a credentials side, a setup decision) are checked by its handler, in its own words.
 * @typedef {`${BaseKind}${'' | '?'}${'' | `: ${string}`}`} FieldSpec
 */
/**
 * @typedef {object} MessageSpec
 * @property {string} [doc] what the message is for (a comment in the declarations)
 * @property {Readonly<Record<string, FieldSpec>>} fields besides `type`; all others are refused
 * @property {string} [reply] TypeScript type of the answer when the message succeeds
 */

/**
 * Messages sent with chrome.runtime.sendMessage, and their answers.
 * @type {{readonly [T in MessageType]: MessageSpec & {reply: string}}}
 */
export const WORKER_MESSAGES = Object.freeze({
  'core.version': { fields: {}, reply: 'VersionInfo' },
  'core.selfCheck': { fields: {}, reply: 'SelfCheckResult' },
  'core.sign': { fields: { request: 'object: SignRequest' }, reply: 'SignResult' },
  'core.request': { fields: { request: 'object: ApiRequestInput' }, reply: 'BuiltRequest' },
  'core.parseResponse': { fields: { response: 'object: ApiResponseInput' }, reply: 'ParsedResponse' },
  'credentials.set': {
    doc: 'Credentials for this session (workbench); trusted extension pages only.',
    fields: { side: 'string: CredentialSide', credentials: 'object: CredentialInput' },
    reply: 'CredentialsStatus',
  },
  'credentials.clear': { fields: { side: 'string: CredentialSide | "all"' }, reply: 'CredentialsStatus' },
  'credentials.status': { fields: {}, reply: 'CredentialsStatus' },
  'checks.run': {
    doc: 'The verification checks in one go: the answer is the whole report (pages that want live progress use the run port instead).',
    fields: { inputs: 'object' },
    reply: 'Record<string, unknown>',
  },
  'console.open': {
    doc: 'Open console (popup): the profile as the popup parsed it, and whether read-only.',
    fields: { profile: 'object', readOnly: 'boolean' },
    reply: 'ConsoleOpened | { error: ConsoleFailure }',
  },
  // Content-script messages: router.js CONTENT_SCRIPT_TYPES, each only from its own pages.
  'switch.context': {
    doc: 'Switch Role page: was it opened by RoleHop (a pending switch with this marker)?',
    fields: { marker: 'string?', parentAlias: 'string', roleName: 'string' },
    reply: 'SwitchContext',
  },
  'switch.validate': {
    doc: "Switch Role page: the core's verdict on the account and role typed, and the profile they already are.",
    fields: { parentAlias: 'string', roleName: 'string' },
    reply: 'SwitchValidation',
  },
  'switch.saveProfile': {
    doc: 'Switch Role page: save the account and role typed as a profile.',
    fields: { parentAlias: 'string', roleName: 'string' },
    reply: '{ saved: boolean; profile: ProfileRef }',
  },
  'identity.lookup': {
    doc: 'Console pages: the profile of the identity the console shows, if there is one.',
    fields: { accountUid: 'string', roleName: 'string' },
    reply: '{ profile?: ProfileRef }',
  },
  'ramHelper.context': {
    doc: "RAM console helper panel (ram-helper.js): everything it shows for the page's route.",
    fields: { path: 'string' },
    reply: 'RamHelperContext',
  },
  'ramHelper.checkTrust': {
    doc: 'RAM console helper panel: the verdict on a trust policy read from the page.',
    fields: { policy: 'string' },
    reply: 'RamHelperTrust',
  },
  'ramHelper.panel': {
    doc: 'RAM console helper panel: whether it is collapsed, answered, and remembered when `collapsed` is given (the worker keeps it; content scripts cannot reach storage).',
    fields: { collapsed: 'boolean?' },
    reply: '{ collapsed: boolean }',
  },
  'ramHelper.copy': {
    doc: "RAM console helper panel: a copy button pressed, as the route and one of the context's copy ids (never the text).",
    fields: { path: 'string', copyId: 'string' },
    reply: 'RamHelperCopy',
  },
});

/**
 * Messages a page sends on a `rolehop.run` port (chrome.runtime.connect): runs that stream their
 * progress back, and the confirmations "Do it for me" waits for.
 * @type {{readonly [T in PortMessageType]: MessageSpec}}
 */
export const PORT_MESSAGES = Object.freeze({
  'checks.run': { fields: { inputs: 'object' } },
  'setup.run': { fields: { inputs: 'object' } },
  'setup.confirm': {
    doc: '`send`: this write; `send-all`: this and every later write without asking; `cancel`: stop here.',
    fields: { stepId: 'string', decision: 'string: "send" | "send-all" | "cancel"' },
  },
  'setup.cancel': { fields: {} },
  'run.keepalive': {
    doc: 'While a preview waits for the user: keeps the service worker from being stopped as idle.',
    fields: {},
  },
});

/**
 * A field spec read: its kind, whether it may be left out, its TypeScript type.
 * @param {FieldSpec} spec
 * @returns {{kind: BaseKind, optional: boolean, type: string}}
 */
export function readField(spec) {
  const match = /^(object|string|number|boolean)(\?)?(?:: (.+))?$/.exec(spec);
  if (!match) throw new Error(`a message field is "<kind>[?][: <TypeScript type>]", got ${JSON.stringify(spec)}`);
  const kind = /** @type {BaseKind} */ (match[1]);
  return { kind, optional: match[2] === '?', type: match[3] ?? (kind === 'object' ? 'Record<string, unknown>' : kind) };
}

/** @typedef {{name: string, kind: BaseKind, optional: boolean}} CheckedField */

/**
 * The fields of each message type, read once for the validator.
 * @param {Readonly<Record<string, MessageSpec>>} messages
 * @returns {Readonly<Record<string, readonly CheckedField[]>>}
 */
function checkedFields(messages) {
  const entries = Object.entries(messages).map(([type, { fields }]) => [
    type,
    Object.entries(fields).map(([name, spec]) => ({ name, ...readField(spec) })),
  ]);
  return Object.freeze(Object.fromEntries(entries));
}

const MESSAGE_FIELDS = checkedFields(WORKER_MESSAGES);
const PORT_MESSAGE_FIELDS = checkedFields(PORT_MESSAGES);

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
 * @param {Readonly<Record<string, readonly CheckedField[]>>} table
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
  const allowed = ['type', ...fields.map((f) => f.name)];
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      return fail(`unexpected field message.${name} in a ${type} message (it takes only: ${allowed.join(', ')})`);
    }
  }
  for (const { name, kind, optional } of fields) {
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
