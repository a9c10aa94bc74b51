// Which web page a content-script message comes from, decided from what the browser reports of
// the sender (never from the message). Content-script messages are accepted only from the exact
// pages their script runs on: a look-alike such as https://signin.aliyun.com.example.test, another
// path, another port, plain http, or a frame inside the page never matches.
// Pure: unit-tested in Node as well.

/** @typedef {'cn' | 'intl'} Site */

/**
 * @typedef {object} PageSender the fields of `chrome.runtime.MessageSender` read here
 * @property {string} [url] the sending frame's URL
 * @property {string} [origin] the sending frame's origin (Chromium 80+)
 * @property {number} [frameId] 0 for a tab's top frame
 * @property {{id?: number}} [tab]
 * @property {string} [documentId] the sending document's id (Chromium 106+, Firefox): a reload or a
 *   navigation gives a new one
 */

/** @typedef {{kind: 'switch-role', site: Site, tabId: number, url: URL}} SwitchRolePage */
/** @typedef {{kind: 'console', site: Site, tabId: number, url: URL, documentId?: string}} ConsolePage */

/** The Switch Role page's hosts and their sites. */
const SWITCH_ROLE_HOSTS = Object.freeze({ 'signin.aliyun.com': 'cn', 'signin.alibabacloud.com': 'intl' });
const SWITCH_ROLE_PATH = '/switchRole.htm';
/** Console pages are any host directly under these (one or more DNS labels before them). */
const CONSOLE_DOMAINS = Object.freeze({ '.console.aliyun.com': 'cn', '.console.alibabacloud.com': 'intl' });
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A browser's document id (Chromium: 32 hex digits; Firefox: its own form). */
const DOCUMENT_ID = /^[\w-]{1,128}$/;

/**
 * The top frame of a tab, over plain https on the default port, as a URL; else null.
 * @param {PageSender} sender
 * @returns {{url: URL, tabId: number} | null}
 */
function topFrame(sender) {
  if (typeof sender.url !== 'string') return null;
  let url;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  if (sender.origin !== undefined && sender.origin !== url.origin) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) return null;
  return { url, tabId };
}

/**
 * @param {PageSender} sender
 * @returns {SwitchRolePage | null}
 */
export function switchRolePage(sender) {
  const frame = topFrame(sender);
  if (!frame || frame.url.pathname !== SWITCH_ROLE_PATH) return null;
  const site = Object.prototype.hasOwnProperty.call(SWITCH_ROLE_HOSTS, frame.url.hostname)
    ? SWITCH_ROLE_HOSTS[/** @type {keyof typeof SWITCH_ROLE_HOSTS} */ (frame.url.hostname)]
    : null;
  return site ? { kind: 'switch-role', site, tabId: frame.tabId, url: frame.url } : null;
}

/**
 * @param {PageSender} sender
 * @returns {ConsolePage | null}
 */
export function consolePage(sender) {
  const frame = topFrame(sender);
  if (!frame) return null;
  const host = frame.url.hostname;
  for (const [suffix, site] of Object.entries(CONSOLE_DOMAINS)) {
    if (!host.endsWith(suffix)) continue;
    const labels = host.slice(0, -suffix.length).split('.');
    if (labels.length > 0 && labels.every((l) => DNS_LABEL.test(l))) {
      const documentId = typeof sender.documentId === 'string' && DOCUMENT_ID.test(sender.documentId) ? sender.documentId : undefined;
      return { kind: 'console', site: /** @type {Site} */ (site), tabId: frame.tabId, url: frame.url, ...(documentId ? { documentId } : {}) };
    }
  }
  return null;
}

/** What each page rule is called in error messages. */
export const PAGE_DESCRIPTIONS = Object.freeze({
  'switch-role': 'the Switch Role page (https://signin.aliyun.com/switchRole.htm or https://signin.alibabacloud.com/switchRole.htm, top frame)',
  console: 'a console page (https://*.console.aliyun.com or https://*.console.alibabacloud.com, top frame)',
});
