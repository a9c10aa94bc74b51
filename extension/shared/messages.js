// Typed messages from extension pages to the service worker.

/** @typedef {import('./contract').MessageType} MessageType */

/**
 * What the service worker tells the extension's open pages when the stored credentials change
 * (set or cleared from any page): they ask for the masked status again. It carries nothing else.
 */
export const CREDENTIALS_CHANGED = 'credentials.changed';

/**
 * Sends one message to the service worker and resolves to its answer: the result, or `{error}`
 * (see `ReplyOf` in contract.d.ts). Rejects only when the worker could not be reached.
 * @template {MessageType} T
 * @param {import('./contract').MessageOf<T>} message
 * @returns {Promise<import('./contract').ReplyOf<T>>}
 */
export async function sendMessage(message) {
  const reply = await chrome.runtime.sendMessage(message);
  if (reply === undefined) {
    throw new Error(`no answer to ${message.type}: the service worker did not respond`);
  }
  return reply;
}

/**
 * The error carried by an answer, if any.
 * @param {unknown} reply
 * @returns {{kind: string, message: string} | null}
 */
export function replyError(reply) {
  if (typeof reply === 'object' && reply !== null && 'error' in reply) {
    const { error } = /** @type {{error: {kind: string, message: string}}} */ (reply);
    return error;
  }
  return null;
}
