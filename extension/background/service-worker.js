// RoleHop's background service worker (an ES module). Every listener is registered synchronously at
// the top level (so the worker never misses the event that woke it) and loads the wasm core's
// modules it needs inside.

import { loadCore, loadModules } from '../shared/core.js';
import { createRouter, messageError } from './router.js';
import * as credentials from './credentials.js';
import { runChecks } from './checks.js';
import { openConsole } from './console.js';
import { createRunPortListener } from './run-port.js';
import { createProfileIndex } from './profile-index.js';
import { createContentServices } from './switch.js';
import { createIdentityLookups, SAVE_KEY, SAVE_LIMITS, SWITCH_PAGE_KEY, SWITCH_PAGE_LIMITS } from './identity-lookups.js';
import { createRamHelperServices, WORKBENCH_PROGRESS_KEY } from './ram-helper.js';
import { createRamPanelState } from './ram-panel-state.js';
import { loadProfilesText, locateProfiles, onProfilesChanged, readProfilesText, saveProfilesText } from '../shared/profile-store.js';
import { loadSettings } from '../shared/settings.js';
import { createParseWarmer } from './parse-warmer.js';
import { cacheArea } from '../shared/parsed-profiles.js';
import { closeStorageToContentScripts } from '../shared/storage-access.js';
import { loadWorkbenchProgress } from '../shared/workbench-progress.js';

// First, before any listener can run: content scripts may not read or write storage (DESIGN
// decision 5). local and sync hold what RoleHop trusts (profiles, settings, the workbench's
// progress); where the browser cannot close them, trusted-storage.js checks their tags.
void closeStorageToContentScripts();
// Secrets live in storage.session: keep it closed to content scripts (TRUSTED_CONTEXTS).
credentials.restrictSessionStorage().catch((e) => console.error('RoleHop: storage.session access level:', e));
credentials.announceCredentialChanges();

// Mark for bench/worker (cold start): the module graph is loaded when this line runs. No wasm
// module starts here: each loads at the first message or run that needs it (router.js
// CORE_MODULES, the parse warmer), so a message that needs none (credentials.status, the popup's
// first) is answered without compiling any, and one that needs the api module does not share the
// CPU with the profiles module's compile. core-module.js measures each load (`rolehop:wasm:<name>`).
performance.mark('rolehop:worker-start');

// The popup's parse of the profiles, made ahead of time (parse-warmer.js): at browser start (its
// storage.session is empty then), and on install and update (a new build may parse differently).
const parsedArea = cacheArea();
const parseWarmer =
  parsedArea &&
  createParseWarmer({
    core: loadCore,
    locateProfiles: () => locateProfiles(),
    readProfilesText,
    loadSettings,
    area: parsedArea,
  });
chrome.runtime.onStartup.addListener(() => void parseWarmer?.warmSoon());
chrome.runtime.onInstalled.addListener(() => void parseWarmer?.reinstalled());
// Per area: the profiles and settings are in sync and local (storage.onChanged would also bring
// every write of the cached parse itself, from storage.session).
for (const area of [chrome.storage.sync, chrome.storage.local]) area?.onChanged.addListener((changes) => parseWarmer?.storageChanged(changes));

// The RAM console panel's state, and the tabs told at once when the workbench's progress changes
// (content scripts cannot listen to storage: it is closed to them).
const ramPanelState = createRamPanelState({
  local: chrome.storage.local,
  session: chrome.storage.session ?? null,
  sendToTab: (tabId, message) => chrome.tabs.sendMessage(tabId, message),
});
chrome.storage.local.onChanged.addListener((changes) => {
  if (!(WORKBENCH_PROGRESS_KEY in changes)) return;
  // Read through the trust at once, so a change RoleHop did not make is noticed even with no panel open.
  void loadWorkbenchProgress().catch(() => {});
  void ramPanelState.progressChanged().catch(() => {});
});

/** The core, each of its modules loaded by the message or run that needs it. */
const core = loadModules();

const route = createRouter({
  core,
  extensionId: chrome.runtime.id,
  extensionBase: chrome.runtime.getURL(''),
  services: {
    credentials,
    runChecks: async (inputs) => runChecks(await core, inputs),
    openConsole: async (message) => openConsole(await core, message),
    // The Switch Role page's and the console pages' content scripts (switch.js).
    content: createContentServices({
      profiles: createProfileIndex({ loadProfilesText, saveProfilesText, onProfilesChanged, loadSettings }),
      loadSettings,
      lookups: createIdentityLookups({ area: chrome.storage.session ?? null }),
      switchPageLookups: createIdentityLookups({ area: chrome.storage.session ?? null, key: SWITCH_PAGE_KEY, limits: SWITCH_PAGE_LIMITS }),
      saves: createIdentityLookups({ area: chrome.storage.session ?? null, key: SAVE_KEY, limits: SAVE_LIMITS }),
    }),
    // The RAM console helper panel (ram-helper.js): reads the workbench's progress.
    ramHelper: createRamHelperServices({ panelState: ramPanelState }),
  },
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  route(message, sender)
    .catch((e) => messageError('internal', `the router failed: ${e instanceof Error ? e.message : e}`))
    .then(sendResponse);
  return true; // the answer is sent asynchronously
});

// Checks and "Do it for me" stream their progress over a port (run-port.js).
chrome.runtime.onConnect.addListener(createRunPortListener({
  core,
  extensionId: chrome.runtime.id,
  extensionBase: chrome.runtime.getURL(''),
}));
