// Who sent a message. Extension pages (popup, options, workbench) are trusted; content scripts
// run inside web pages and are not; other extensions are refused outright.
// Pure: the extension's id and base URL are passed in, so this is unit-tested in Node as well.

/** @typedef {'extension-page' | 'content-script' | 'foreign'} SenderKind */

/**
 * @typedef {object} SenderInfo the fields of `chrome.runtime.MessageSender` this module reads
 * @property {string} [id] the sending extension's id
 * @property {string} [url] the sending document's URL
 * @property {{url?: string, id?: number}} [tab] set when the sender is a document in a tab
 * @property {string} [origin] the sending frame's origin (read by content-pages.js)
 * @property {number} [frameId] 0 for a tab's top frame (read by content-pages.js)
 */

/**
 * @param {SenderInfo} sender
 * @param {{extensionId: string, extensionBase: string}} self
 *   `extensionBase` is `chrome.runtime.getURL('')`, e.g. `chrome-extension://<id>/`.
 * @returns {SenderKind}
 */
export function classifySender(sender, { extensionId, extensionBase }) {
  if (sender.id !== extensionId) return 'foreign';
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(extensionBase);
  // An extension page framed inside a web page has a web page as its tab: not trusted. (Without
  // host permissions `tab.url` may be hidden; no page is web-accessible, so none can be framed.)
  const tabUrl = sender.tab?.url;
  const inWebPageTab = typeof tabUrl === 'string' && !tabUrl.startsWith(extensionBase);
  return fromOwnPage && !inWebPageTab ? 'extension-page' : 'content-script';
}
