// Writes text to the system clipboard from the extension itself, never from a web page, so no
// page can see a `copy` event or change what is copied:
// - Chromium: the service worker has no DOM, so it opens an offscreen document
//   (offscreen/clipboard.html, reason CLIPBOARD) for one copy and closes it right after. There,
//   document.execCommand('copy') on a textarea works without a user gesture with the
//   `clipboardWrite` permission (measured in Chromium 156: without it execCommand answers false;
//   navigator.clipboard.writeText always fails there, "Document is not focused").
// - Firefox: the background is an event page with a document; it copies in place
//   (navigator.clipboard.writeText, allowed at any time with `clipboardWrite`; execCommand('copy')
//   on a textarea of the background document otherwise).
// Which values may be copied, for whom and when is decided by the caller (ram-helper.js).

/** The offscreen document's page and the one message it takes (offscreen/clipboard.js). */
const OFFSCREEN_PAGE = 'offscreen/clipboard.html';
export const OFFSCREEN_COPY = 'rolehop.offscreen.copy';

/** One copy at a time: a second offscreen document cannot be opened while one is. */
let queue = Promise.resolve(false);

/**
 * Copies `text`; resolves to whether the clipboard now holds it.
 * @param {string} text
 * @returns {Promise<boolean>}
 */
export function writeClipboard(text) {
  const run = queue.then(() => (typeof document !== 'undefined' ? copyInDocument(document, text) : copyOffscreen(text)));
  queue = run.catch(() => false);
  return queue;
}

/**
 * The Chromium way: an offscreen document made for this copy and closed after it.
 * @param {string} text
 */
async function copyOffscreen(text) {
  if (!chrome.offscreen) return false;
  await chrome.offscreen.createDocument({
    url: OFFSCREEN_PAGE,
    reasons: [chrome.offscreen.Reason.CLIPBOARD],
    justification: 'Copy a value the user asked RoleHop to copy from its RAM console panel.',
  });
  try {
    const answer = await chrome.runtime.sendMessage({ type: OFFSCREEN_COPY, text });
    return answer?.copied === true;
  } finally {
    await chrome.offscreen.closeDocument().catch(() => {});
  }
}

/**
 * Copies with a document of the extension's own (the Firefox background page, the offscreen
 * document): the Clipboard API where it is allowed, else the copy command on a textarea.
 * @param {Document} doc
 * @param {string} text
 */
export async function copyInDocument(doc, text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    doc.body.append(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
