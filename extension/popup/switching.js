// Switching the browser to a profile: record the pending switch (so the Switch Role page knows it
// came from RoleHop), remember the use, then send the tab to the profile's switch URL. Needs no
// "tabs" permission: tab ids come from tabs.query, and tabs.update/create work without it.

import { newMarker, recordPendingSwitch } from '../shared/pending-switch.js';
import { markUsed } from './recent.js';

/** @typedef {import('./search.js').Profile} Profile */

/**
 * Where a switch goes: the current tab, or a new tab in the foreground or the background.
 * @typedef {'current' | 'new-tab' | 'background-tab'} Destination
 */

/**
 * The destination the keys or buttons held mean: Ctrl/Cmd (or the middle button) opens a
 * background tab, like a link; Shift opens a foreground tab; nothing uses the current tab.
 * @param {{ctrlKey: boolean, metaKey: boolean, shiftKey: boolean}} event
 * @param {boolean} [middleButton]
 * @returns {Destination}
 */
export function destinationOf(event, middleButton = false) {
  if (event.ctrlKey || event.metaKey || middleButton) return 'background-tab';
  if (event.shiftKey) return 'new-tab';
  return 'current';
}

/**
 * The switch URL of `profile` as the core builds it, with a fresh marker.
 * @param {import('../background/core.js').Core} core
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
 * @param {import('../background/core.js').Core} core
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

/**
 * Opens `url` (the exit page) where `destination` says.
 * @param {string} url
 * @param {{tab: chrome.tabs.Tab | null, destination: Destination}} where
 */
export async function openUrl(url, { tab, destination }) {
  if (destination === 'current' && tab?.id !== undefined) {
    await chrome.tabs.update(tab.id, { url });
  } else {
    await chrome.tabs.create({ url, active: destination !== 'background-tab', ...besides(tab) });
  }
}

/** @param {chrome.tabs.Tab | null} tab @returns {Promise<number>} */
async function blankTab(tab) {
  // Inactive at first: activating it would close the popup before the switch is recorded.
  const created = await chrome.tabs.create({ url: 'about:blank', active: false, ...besides(tab) });
  if (created.id === undefined) throw new Error('the browser created a tab without an id');
  return created.id;
}

/** Next to the current tab, in its window, as a link opened from it would be. @param {chrome.tabs.Tab | null} tab */
function besides(tab) {
  if (!tab || tab.id === undefined) return {};
  return { windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id };
}

/**
 * The tab the popup acts on: the active tab of the window the popup belongs to.
 * @returns {Promise<chrome.tabs.Tab | null>}
 */
export async function currentTab() {
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab ?? null;
  } catch {
    return null;
  }
}

/**
 * The site of a console or sign-in URL, when the browser lets the popup see it (activeTab: the
 * popup was opened by the user on that tab), else null.
 * @param {string | undefined} url
 * @returns {'cn' | 'intl' | null}
 */
export function siteOfUrl(url) {
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    return null;
  }
  if (host === 'aliyun.com' || host.endsWith('.aliyun.com')) return 'cn';
  if (host === 'alibabacloud.com' || host.endsWith('.alibabacloud.com')) return 'intl';
  return null;
}

/**
 * The exit URL ("back to my identity") of a site. The core owns the hosts; it answers for any
 * valid account and role, so a placeholder pair asks it.
 * @param {import('../background/core.js').Core} core
 * @param {'cn' | 'intl'} site
 */
export function exitUrlOf(core, site) {
  const target = core.switchUrl({ profile: { account: 'rolehop', roleName: 'rolehop', site } });
  if ('error' in target) throw new Error(target.error.message);
  return target.exitUrl;
}
