// Switching the browser to a profile: record the pending switch (so the Switch Role page knows it
// came from RoleHop), remember the use, then send the tab to the profile's switch URL.

import { newMarker, recordPendingSwitch } from '../shared/pending-switch.js';
import { markUsed } from './recent.js';
import { besides } from './tabs.js';

/** @typedef {import('./tabs.js').Destination} Destination */

/** @typedef {import('./search.js').Profile} Profile */

/**
 * The switch URL of `profile` as the core builds it, with a fresh marker.
 * @param {import('../shared/profiles-core.js').ProfilesCore} core
 * @param {Profile} profile
 */
export function switchTarget(core, profile) {
  const marker = newMarker();
  const target = core.switchUrl({ profile, marker });
  if ('error' in target) throw new Error(target.error.message);
  return { ...target, marker };
}

/**
 * Opens `profile`'s Switch Role page. Resolves once the browser has the navigation.
 * @param {import('../shared/profiles-core.js').ProfilesCore} core
 * @param {Profile} profile
 * @param {{tab: chrome.tabs.Tab | null, destination: Destination}} where
 */
export async function switchTo(core, profile, { tab, destination }) {
  const target = switchTarget(core, profile);
  // A new tab is created blank first: the pending switch must name its id BEFORE the page loads.
  const tabId = destination === 'current' && tab?.id !== undefined ? tab.id : await blankTab(tab);
  await Promise.all([
    recordPendingSwitch({
      marker: target.marker,
      tabId,
      parentAlias: target.parentAlias,
      roleName: target.roleName,
      site: target.site,
      profileId: profile.id,
      displayName: profile.displayName,
      ...(profile.color ? { color: profile.color } : {}),
    }),
    markUsed(profile.id),
  ]);
  await chrome.tabs.update(tabId, { url: target.url, ...(destination === 'new-tab' ? { active: true } : {}) });
}

/** @param {chrome.tabs.Tab | null} tab @returns {Promise<number>} */
async function blankTab(tab) {
  // Inactive at first: activating it would close the popup before the switch is recorded.
  const created = await chrome.tabs.create({ url: 'about:blank', active: false, ...besides(tab) });
  const { id } = created;
  if (id === undefined) throw new Error('the browser created a tab without an id');
  // A navigation sent while the blank page is still being set up can be dropped (seen with
  // background tabs): wait until it is complete (at most a second).
  if (created.status !== 'complete') await loaded(id, 1000);
  return id;
}

/** Resolves when tab `tabId` has finished loading, or after `ms`. @param {number} tabId @param {number} ms */
function loaded(tabId, ms) {
  return new Promise((resolve) => {
    /** @param {number} id @param {{status?: string}} info */
    const listener = (id, info) => {
      if (id === tabId && info.status === 'complete') done();
    };
    const timer = setTimeout(() => done(), ms);
    function done() {
      clearTimeout(timer);
      chrome.tabs.onUpdated.removeListener(listener);
      resolve(undefined);
    }
    chrome.tabs.onUpdated.addListener(listener);
    chrome.tabs.get(tabId).then(
      (t) => t.status === 'complete' && done(),
      () => done(),
    );
  });
}

