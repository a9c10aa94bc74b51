// The popup: the user's profiles, searched from the keyboard, one Enter from switching. Everything
// it needs starts loading at once and in parallel (the wasm core, the stored profiles, settings,
// recent uses, the current tab); the list renders as soon as those are in.
//
// Performance marks (read by bench/popup; harmless otherwise): `rolehop:popup-start` (this module
// runs: the page and its modules are loaded), `rolehop:core-ready` (wasm compiled),
// `rolehop:profiles-read` (storage read: the pointer and chunks in hand), `rolehop:parsed` (the
// profiles in hand, `detail.cached`: from the cached parse, else decompressed and profileParse'd),
// `rolehop:popup-ready` (the list rendered with the core loaded); a `rolehop:search` measure per
// search, from the input event to the updated list.

import { loadProfilesCore } from '../shared/profiles-core.js';
import { locateProfiles, readProfilesText } from '../shared/profile-store.js';
import { cacheArea, cachedParse, keyFor, PARSED_PROFILES_KEY, rememberParse } from '../shared/parsed-profiles.js';
import { DEFAULT_SETTINGS, loadSettings } from '../shared/settings.js';
import { t, tCount, localizePage, useLanguage } from '../shared/i18n.js';
import { openShortcut, renderKeys } from './keys.js';
import { loadRecent, RECENT_KEY, validRecent } from './recent.js';
import { buildIndex, highlights, Searcher, tokenize } from './search.js';
import { browseRows, matchRows } from './rows.js';
import { ListView } from './list-view.js';
import { currentTab, destinationOf, exitUrlOf, openUrl, siteOfUrl } from './tabs.js';
// Not needed for the first render, so not in the static module graph (each module there delays
// the first line of this one): switching.js, identity.js and about.js load in parallel.
const switchingModule = import('./switching.js');
const identityModule = import('./identity.js');
const aboutModule = import('./about.js');
const consoleModule = import('./console-actions.js');

/** @typedef {import('./search.js').Profile} Profile */
/** @typedef {import('./search.js').Entry} Entry */
/** @typedef {import('./tabs.js').Destination} Destination */

// All at once: none of these waits for another. The wasm and the stored items have usually been
// on their way since early.js ran, before this module graph loaded; without them (or when the
// early compile failed) the normal loads run.
const early = globalThis.rolehopEarly;
const coreReady = early ? early.wasm.then(loadProfilesCore, () => loadProfilesCore()) : loadProfilesCore();
const locatedReady = locateProfiles(early && { prefetched: { sync: early.syncItems, local: early.localItems } });
const parsedItemsReady = readParsedItems();
performance.mark('rolehop:popup-start');
coreReady.then(() => performance.mark('rolehop:core-ready'), () => {});
locatedReady.then(() => performance.mark('rolehop:profiles-read'), () => {});
// Settings and recent uses are in the items early.js already read: no second storage round trip.
const settingsReady = early
  ? Promise.all([early.syncItems, early.localItems]).then(
      ([sync, local]) => loadSettings({ prefetched: { sync, local } }),
      () => loadSettings(),
    )
  : loadSettings();
const recentReady = early ? early.localItems.then((local) => validRecent(local[RECENT_KEY]), () => loadRecent()) : loadRecent();
const tabReady = currentTab();
const identityReady = Promise.all([tabReady, identityModule]).then(([tab, m]) => m.askIdentity(tab?.id));
// Unhandled rejections are reported where each is awaited; these keep the console quiet meanwhile.
for (const p of [coreReady, locatedReady, parsedItemsReady, settingsReady, recentReady, identityReady]) p.catch(() => {});

/**
 * The cached parse's item (shared/parsed-profiles.js, in storage.session): early.js's read, else
 * read now; {} without storage.session.
 * @returns {Promise<Record<string, unknown>>}
 */
async function readParsedItems() {
  try {
    if (early?.parsedItems) return await early.parsedItems;
  } catch {
    // the early read failed: read again below
  }
  return (await cacheArea()?.get(PARSED_PROFILES_KEY)) ?? {};
}

/** @param {string} id @returns {HTMLElement} */
function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html has no #${id}`);
  return el;
}

const search = /** @type {HTMLInputElement} */ (byId('search'));
const results = byId('results');

search.focus();
// The workbench is reachable whatever the list's state (loading, empty, failed).
byId('workbench').addEventListener(
  'click',
  () => void chrome.tabs.create({ url: chrome.runtime.getURL('workbench/workbench.html') }),
);
wireKeys();

/**
 * The ? button shows and hides the keys (rendered at the first opening, in the page's language).
 * Esc inside the list of keys hides it again and gives the focus back to the button.
 */
function wireKeys() {
  const toggle = byId('keys-toggle');
  const panel = byId('keys');
  /** @param {boolean} open */
  const show = async (open) => {
    if (open && !panel.dataset.rendered) {
      renderKeys(byId('keys-list'), (id) => t(id), await openShortcut());
      panel.dataset.rendered = 'true';
    }
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => void show(panel.hidden));
  for (const el of [toggle, panel]) {
    el.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || panel.hidden) return;
      e.preventDefault();
      e.stopPropagation();
      void show(false);
      toggle.focus();
    });
  }
}

/**
 * Texts in the language of the settings (the browser's by default). Until the settings are read
 * the page keeps its English markup, a few milliseconds at most.
 * @param {'auto' | 'en' | 'zh_CN'} language
 */
async function localize(language) {
  if (language !== 'auto') await useLanguage(language);
  localizePage(document);
}

/** @param {unknown} e */
function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

/** @param {string} message */
function showError(message) {
  const el = byId('error');
  el.textContent = message;
  el.hidden = false;
}

/** Appends `text` to `parent`, with the characters at `positions` in <mark>. */
function appendMarked(/** @type {HTMLElement} */ parent, /** @type {string} */ text, /** @type {number[] | undefined} */ positions) {
  // Highlights index the lowercase key; when lowercasing changed the length they would be off.
  if (!positions?.length || text.toLowerCase().length !== text.length) {
    parent.append(text);
    return;
  }
  let at = 0;
  let i = 0;
  while (i < positions.length) {
    const start = /** @type {number} */ (positions[i]);
    let end = start + 1;
    while (i + 1 < positions.length && positions[i + 1] === end) {
      i++;
      end++;
    }
    i++;
    if (start > at) parent.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    at = end;
  }
  if (at < text.length) parent.append(text.slice(at));
}

async function main() {
  const [settings, recent] = await Promise.all([settingsReady.catch(() => DEFAULT_SETTINGS), recentReady.catch(() => ({}))]);
  await localize(settings.language);

  /** @type {{profiles: Profile[], errorCount: number}} */
  let parsed;
  try {
    parsed = await storedProfiles(settings.defaultSite);
  } catch (e) {
    results.removeAttribute('aria-busy');
    showError(t(e instanceof CoreLoadError ? 'popupCoreError' : 'popupLoadError', errorText(e)));
    return;
  }
  const { profiles, errorCount } = parsed;
  byId('options').addEventListener('click', () => void chrome.runtime.openOptionsPage());
  // The list needs the core only to switch, so it renders while the core may still be loading.
  /** @type {(profileId: string | null) => void} */
  let markCurrent = () => {};
  if (!profiles.length) {
    showEmpty(errorCount);
  } else {
    markCurrent = showProfiles(profiles, recent);
    if (errorCount) showNotice(errorCount);
  }

  let core;
  try {
    core = await coreReady;
  } catch (e) {
    showError(t('popupCoreError', errorText(e)));
    return;
  }
  wireExit(core, settings.defaultSite);
  performance.mark('rolehop:popup-ready');

  void Promise.all([identityReady, identityModule]).then(([identity, m]) => {
    if (!identity) return; // not a console tab, or not known: no identity, no way back shown
    const profile = m.profileOfIdentity(identity, profiles);
    showIdentity(identity, profile, m.isSwitched(identity));
    markCurrent(profile?.id ?? null);
  });
}

/** The core did not load (its message says why): nothing can be parsed or switched. */
class CoreLoadError extends Error {}

/** @returns {Promise<import('../shared/profiles-core.js').ProfilesCore>} */
async function theCore() {
  try {
    return await coreReady;
  } catch (e) {
    throw new CoreLoadError(errorText(e));
  }
}

/**
 * The stored profiles: the cached parse when it is the one for the stored copy, the default site
 * and this build (no core needed); otherwise the text, decompressed and parsed by the core, and
 * the parse cached for the next open (not awaited: the list does not wait for a write).
 * @param {'cn' | 'intl'} defaultSite
 * @returns {Promise<{profiles: Profile[], errorCount: number}>}
 */
async function storedProfiles(defaultSite) {
  const located = await locatedReady;
  const key = located.meta && keyFor(located.meta.sha256, defaultSite);
  const hit = key && cachedParse(await parsedItemsReady.catch(() => ({})), key);
  if (hit) {
    performance.mark('rolehop:parsed', { detail: { cached: true } });
    return hit;
  }
  const { text } = await readProfilesText(located);
  if (!text.trim()) return { profiles: [], errorCount: 0 };
  const result = (await theCore()).profileParse({ text, defaultSite });
  if ('error' in result) throw new Error(result.error.message);
  const parsed = { profiles: /** @type {Profile[]} */ (result.profiles), errorCount: result.errors.length };
  performance.mark('rolehop:parsed', { detail: { cached: false } });
  const area = cacheArea();
  if (key && area) void rememberParse(area, key, parsed);
  return parsed;
}

/**
 * "Back to my identity" (shown only when the tab's console says it is a switched identity): the
 * exit page of the site of the tab the popup acts on (asked at the click, like a switch), or of
 * the default site when that tab is not on either site.
 * @param {import('../shared/profiles-core.js').ProfilesCore} core
 * @param {'cn' | 'intl'} defaultSite
 */
function wireExit(core, defaultSite) {
  const exit = byId('exit');
  const exitUrl = (/** @type {chrome.tabs.Tab | null} */ tab) => exitUrlOf(core, siteOfUrl(tab?.url) ?? defaultSite);
  // The tooltip says where it goes once the tab is known (the list does not wait for it).
  void tabReady.then((tab) => {
    exit.title = exitUrl(tab);
  });
  /** @param {Destination} destination */
  const go = (destination) => {
    currentTab()
      .then((tab) => openUrl(exitUrl(tab), { tab, destination }))
      .then(
        () => closeIfPopup(destination),
        (e) => showError(t('popupSwitchError', errorText(e))),
      );
  };
  exit.addEventListener('click', (e) => go(destinationOf(e)));
  exit.addEventListener('auxclick', (e) => {
    if (e.button === 1) go('background-tab');
  });
}

/**
 * Closes the popup once its job is done, unless it was opened in a tab of its own (then closing
 * would close a page the user opened on purpose) or the switch went to a background tab.
 * @param {Destination} destination
 */
async function closeIfPopup(destination) {
  if (destination === 'background-tab') return;
  if ((await chrome.tabs.getCurrent()) === undefined) window.close();
}

/** @param {number} errorCount entries that did not parse */
function showEmpty(errorCount) {
  results.removeAttribute('aria-busy');
  byId('profiles').hidden = true;
  byId('empty').hidden = false;
  if (errorCount) showNotice(errorCount);
  const add = byId('empty-add');
  add.addEventListener('click', () => void chrome.runtime.openOptionsPage());
  add.focus();
}

/** @param {number} errorCount */
function showNotice(errorCount) {
  const notice = byId('notice');
  notice.textContent = tCount('popupParseErrors', errorCount);
  const fix = document.createElement('button');
  fix.type = 'button';
  fix.textContent = t('popupFixErrors');
  fix.addEventListener('click', () => void chrome.runtime.openOptionsPage());
  notice.append(fix);
  notice.hidden = false;
  if (byId('profiles').hidden) byId('empty').before(notice);
}

/**
 * The list, the search and the keys.
 * @param {Profile[]} profiles
 * @param {Record<string, number>} recent
 * @returns {(profileId: string | null) => void} marks the profile the tab is in now
 */
function showProfiles(profiles, recent) {
  const entries = buildIndex(profiles, recent);
  const searcher = new Searcher(entries);
  const labels = { recent: t('popupRecentHeading'), ungrouped: t('popupUngroupedHeading'), all: t('popupAllHeading') };
  const noMatch = byId('no-match');
  const count = byId('result-count');
  /** @type {string[]} */
  let tokens = [];
  /** The id of the profile the current tab is in (from its console), if any. @type {string | null} */
  let currentId = null;

  /** Told when the active profile may have changed (the Open console actions follow it). */
  let activeChanged = () => {};
  // Wired in a task of its own, after the one that renders the list: the list needs none of it,
  // and its message to the worker (credentials.status) put an IPC inside that task.
  void new Promise((resolve) => setTimeout(resolve, 0))
    .then(() => consoleModule)
    .then((m) => m.wireConsoleActions({ activeProfile: () => view.activeRow()?.entry.profile ?? null }))
    .then((refresh) => {
      activeChanged = refresh;
    })
    .catch((e) => showError(t('popupConsoleError', errorText(e))));

  const view = new ListView({
    listbox: results,
    input: search,
    renderOption: (row, el) => renderOption(row.entry, el, tokens, row.entry.profile.id === currentId),
  });

  function update() {
    const query = search.value;
    tokens = tokenize(query);
    if (tokens.length) {
      const matches = searcher.search(query);
      view.setRows(matchRows(matches));
      noMatch.hidden = matches.length > 0;
      if (!matches.length) noMatch.textContent = t('popupNoMatch', query.trim());
      count.textContent = matches.length ? tCount('popupResultCount', matches.length) : noMatch.textContent;
    } else {
      searcher.reset();
      view.setRows(browseRows(entries, labels));
      noMatch.hidden = true;
      count.textContent = tCount('popupResultCount', entries.length);
    }
    activeChanged();
  }

  /** @param {number} rowIndex @param {Destination} destination */
  function activate(rowIndex, destination) {
    const row = view.rows[rowIndex];
    if (row?.kind !== 'option') return;
    const { profile } = row.entry;
    // The tab is asked for now, not at load: it is the one the user sees when acting.
    Promise.all([currentTab(), switchingModule, coreReady])
      .then(([tab, { switchTo }, core]) => switchTo(core, profile, { tab, destination }))
      .then(
        () => closeIfPopup(destination),
        (e) => showError(t('popupSwitchError', errorText(e))),
      );
  }

  search.addEventListener('input', (e) => {
    if (/** @type {InputEvent} */ (e).isComposing) return; // wait for the IME to finish the word
    update();
    performance.measure('rolehop:search', { start: e.timeStamp, end: performance.now(), detail: search.value });
  });
  search.addEventListener('compositionend', update);

  search.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        view.move(1);
        break;
      case 'ArrowUp':
        view.move(-1);
        break;
      case 'PageDown':
        view.move(view.pageSize());
        break;
      case 'PageUp':
        view.move(-view.pageSize());
        break;
      case 'Enter':
        activate(view.active, destinationOf(e));
        break;
      case 'c':
      case 'C':
        // Ctrl/Cmd+C with no text selected in the box copies the active profile's switch link.
        if (!(e.ctrlKey || e.metaKey) || e.altKey || search.selectionStart !== search.selectionEnd) return;
        copyLink(view.activeRow()?.entry.profile);
        break;
      case 'Escape':
        if (!search.value) {
          window.close(); // a second Esc closes, as the browser's own would
          return;
        }
        search.value = '';
        update();
        break;
      default:
        return;
    }
    e.preventDefault();
    activeChanged();
  });

  // Clicks keep the focus in the search box (the listbox is driven from there).
  results.addEventListener('mousedown', (e) => {
    if (view.rowIndexOf(e.target) >= 0) e.preventDefault();
  });
  results.addEventListener('mousemove', (e) => {
    view.hover(view.rowIndexOf(e.target));
    activeChanged();
  });
  results.addEventListener('click', (e) => activate(view.rowIndexOf(e.target), destinationOf(e)));
  results.addEventListener('auxclick', (e) => {
    if (e.button === 1) activate(view.rowIndexOf(e.target), 'background-tab');
  });

  update();
  results.removeAttribute('aria-busy');
  return (profileId) => {
    currentId = profileId;
    view.render();
  };
}

/**
 * Copies `profile`'s switch URL, without a marker: whoever opens it (a teammate, with or without
 * RoleHop) gets the Switch Role page with the fields filled, and nothing submits by itself.
 * @param {Profile | undefined} profile
 */
function copyLink(profile) {
  if (!profile) return;
  coreReady
    .then((core) => {
      const target = core.switchUrl({ profile });
      if ('error' in target) throw new Error(target.error.message);
      return navigator.clipboard.writeText(target.url);
    })
    .then(
      () => {
        const copied = byId('copied');
        copied.textContent = t('popupLinkCopied', profile.displayName);
        copied.hidden = false;
      },
      (e) => showError(t('popupCopyError', errorText(e))),
    );
}

/**
 * Fills an option: colour, display name, role @ account (and group when searching), site tag, and
 * the Current tag (also aria-current) on the profile the tab is in now.
 * @param {Entry} entry @param {HTMLElement} el @param {string[]} tokens @param {boolean} current
 */
function renderOption(entry, el, tokens, current) {
  const { profile } = entry;
  const marks = tokens.length ? highlights(entry, tokens) : {};
  if (profile.color) el.style.setProperty('--profile-color', profile.color);
  if (profile.note) el.title = profile.note;

  const text = document.createElement('div');
  text.className = 'text';
  const name = document.createElement('div');
  name.className = 'name';
  appendMarked(name, profile.displayName, marks.displayName);
  if (marks.id && profile.id !== profile.displayName) {
    name.append(' (');
    appendMarked(name, profile.id, marks.id);
    name.append(')');
  }

  const meta = document.createElement('div');
  meta.className = 'meta';
  appendMarked(meta, profile.roleName, marks.roleName);
  meta.append(' @ ');
  appendMarked(meta, profile.account, marks.account);
  if (profile.accountUid && profile.accountUid !== profile.account) {
    meta.append(' · ');
    appendMarked(meta, profile.accountUid, marks.accountUid);
  }
  if (tokens.length && profile.group) {
    meta.append(' · ');
    appendMarked(meta, profile.group, marks.group);
  }
  text.append(name, meta);
  el.append(text);

  if (current) {
    el.setAttribute('aria-current', 'true');
    const tag = document.createElement('span');
    tag.className = 'tag current';
    tag.textContent = t('popupCurrent');
    el.append(tag);
  }
  if (profile.site === 'intl') {
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = t('popupSiteIntl');
    el.append(tag);
  }
}

/**
 * @param {import('./identity.js').ConsoleIdentity} identity
 * @param {Profile | null} profile the profile of that identity, if any
 * @param {boolean} switched whether it is a switched identity (then the way back is offered)
 */
function showIdentity(identity, profile, switched) {
  const main = byId('identity-main');
  const detail = byId('identity-detail');
  if (identity.roleName) {
    main.textContent = identity.sessionName ? `${identity.roleName}/${identity.sessionName}` : identity.roleName;
  } else {
    main.textContent = t(switched ? 'popupIdentitySwitched' : 'popupIdentityOwn');
  }
  const parts = [];
  if (profile) parts.push(profile.displayName);
  if (identity.accountUid) parts.push(t('popupIdentityAccount', identity.accountUid));
  detail.textContent = parts.join(' · ');
  if (profile?.color) byId('identity-swatch').style.setProperty('--profile-color', profile.color);
  byId('exit').hidden = !switched;
  byId('identity').hidden = false;
}

main()
  .catch((e) => {
    results.removeAttribute('aria-busy');
    showError(t('popupLoadError', errorText(e)));
  })
  // After the list (or its error): the self-check asks the service worker, which has its own core.
  .finally(() => aboutModule.then((m) => setTimeout(m.startAbout, 0)));
