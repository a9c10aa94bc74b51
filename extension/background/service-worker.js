// RoleHop's background service worker (an ES module). The wasm core starts loading at once; every
// listener is registered synchronously at the top level (so the worker never misses the event
// that woke it) and waits for the core inside.

import { loadCore } from './core.js';
import { createRouter, messageError } from './router.js';

const ready = loadCore();
ready.catch((e) => console.error('RoleHop: the WebAssembly core failed to load:', e));

const route = createRouter({
  core: ready,
  extensionId: chrome.runtime.id,
  extensionBase: chrome.runtime.getURL(''),
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  route(message, sender)
    .catch((e) => messageError('internal', `the router failed: ${e instanceof Error ? e.message : e}`))
    .then(sendResponse);
  return true; // the answer is sent asynchronously
});
