// The message router: validates every message, checks the sender may send it, and answers from
// the core. Pure apart from the injected core, so it is unit-tested in Node as well.

import { classifySender } from './senders.js';
import { validateMessage } from './messages.js';

/** @typedef {import('../shared/contract').MessageType} MessageType */
/** @typedef {import('../shared/contract').MessageOf<MessageType>} AnyMessage */
/** @typedef {import('../shared/contract').MessageErrorKind} MessageErrorKind */
/** @typedef {import('../shared/contract').MessageError} MessageError */
/** @typedef {import('./core.js').Core} Core */
/** @typedef {import('./senders.js').SenderInfo} SenderInfo */

/**
 * What each trusted message does. The core answers with a result or `{error}`; both go back as is.
 * @type {{readonly [T in MessageType]: (core: Core, message: import('../shared/contract').MessageOf<T>) => unknown}}
 */
const HANDLERS = Object.freeze({
  'core.version': (core) => core.version(),
  'core.selfCheck': (core) => core.selfCheck(),
  'core.sign': (core, message) => core.sign(message.request),
  'core.request': (core, message) => core.request(message.request),
  'core.parseResponse': (core, message) => core.parseResponse(message.response),
});

/**
 * Message types content scripts may send. Empty for now: every content-script message is refused.
 * @type {ReadonlySet<MessageType>}
 */
export const CONTENT_SCRIPT_TYPES = new Set();

/**
 * @param {{core: Promise<Core>, extensionId: string, extensionBase: string}} options
 * @returns {(message: unknown, sender: SenderInfo) => Promise<unknown>}
 */
export function createRouter({ core, extensionId, extensionBase }) {
  return async function route(message, sender) {
    const from = classifySender(sender, { extensionId, extensionBase });
    if (from === 'foreign') {
      return messageError('not-allowed', 'messages from other extensions are not accepted');
    }
    const checked = validateMessage(message);
    if (!checked.ok) return messageError('invalid-message', checked.reason);
    const { type } = checked.message;
    if (from === 'content-script' && !CONTENT_SCRIPT_TYPES.has(type)) {
      return messageError('not-allowed', `content scripts may not send ${type} messages`);
    }
    let loaded;
    try {
      loaded = await core;
    } catch (e) {
      return messageError('core-unavailable', `the WebAssembly core failed to load: ${errorText(e)}`);
    }
    try {
      const handler = /** @type {(core: Core, message: AnyMessage) => unknown} */ (HANDLERS[type]);
      return handler(loaded, checked.message);
    } catch (e) {
      return messageError('internal', `${type} failed: ${errorText(e)}`);
    }
  };
}

/**
 * @param {MessageErrorKind} kind
 * @param {string} message
 * @returns {MessageError}
 */
export function messageError(kind, message) {
  return { error: { kind, message } };
}

/** @param {unknown} e */
function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}
