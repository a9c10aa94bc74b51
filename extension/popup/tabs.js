// The tab the popup acts on, and where a click or key sends a page: the current tab, or a new one.
// Needs no "tabs" permission: tab ids come from tabs.query, and tabs.update/create work without it.
// (Loaded with the popup; switching.js, which records pending switches, loads after the list.)

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
 * @param {import('../shared/profiles-core.js').ProfilesCore} core
 * @param {'cn' | 'intl'} site
 */
export function exitUrlOf(core, site) {
  const target = core.switchUrl({ profile: { account: 'rolehop', roleName: 'rolehop', site } });
  if ('error' in target) throw new Error(target.error.message);
  return target.exitUrl;
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

/** Next to the current tab, in its window, as a link opened from it would be. @param {chrome.tabs.Tab | null} tab */
export function besides(tab) {
  if (!tab || tab.id === undefined) return {};
  return { windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id };
}
