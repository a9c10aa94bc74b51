// The offscreen document's one job: copy the text the service worker sends (background/clipboard.js).
// Only the service worker may ask: content scripts' runtime messages reach extension pages too, so
// the sender must be this extension's worker, outside any tab.

import { copyInDocument, OFFSCREEN_COPY } from '../background/clipboard.js';

const WORKER_URL = chrome.runtime.getURL('background/service-worker.js');

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || sender.tab !== undefined || sender.url !== WORKER_URL) return;
  if (typeof message !== 'object' || message === null || message.type !== OFFSCREEN_COPY || typeof message.text !== 'string') return;
  void copyInDocument(document, message.text).then((copied) => sendResponse({ copied }));
  return true; // answered asynchronously
});
