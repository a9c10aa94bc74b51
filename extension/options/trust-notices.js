// The options page's notices of changed copies (shared/trusted-storage.js): where content scripts
// could write storage and the settings, the profiles or the workbench's values there were changed
// by something other than
// RoleHop's own pages, RoleHop keeps using the last good copy and says so here: what changed, when
// it was noticed, and two choices. Keep mine writes the good copy back, tagged; Accept the changed
// copy (the honest case: a change made in another browser, whose key differs) writes the changed
// copy as the user's own, tagged. Until the user decides, the changed copy stays in the notice.

import { t } from '../shared/i18n.js';
import { loadProfilesText, payloadText, saveProfilesText } from '../shared/profile-store.js';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, validSettings } from '../shared/settings.js';
import { trustedStorage } from '../shared/trusted-storage.js';
import { loadWorkbenchProgress, saveWorkbenchProgress } from '../shared/workbench-progress.js';
import { DEFAULT_INPUTS, FIELDS } from '../shared/workbench-inputs.js';
import { setStatus } from './status.js';
import { byId } from './dom.js';

/** @typedef {import('../shared/trusted-storage.js').Notice} Notice */
/** @typedef {import('../shared/contract').Profile} Profile */

/** Profile fields as the INI text names them. */
const PROFILE_FIELDS = /** @type {const} */ ([
  ['account', 'account'], ['roleName', 'role_name'], ['displayName', 'display_name'], ['site', 'site'], ['color', 'color'], ['group', 'group'], ['note', 'note'],
]);
/** What each notice says, by item. */
const NOTICE_TEXT = /** @type {const} */ ({ settings: 'trustNoticeSettings', profiles: 'trustNoticeProfiles', workbench: 'trustNoticeWorkbench' });
/** Settings fields with the label the settings form shows. */
const SETTING_LABELS = /** @type {const} */ ({ defaultSite: 'optionsDefaultSite', autoSubmit: 'optionsAutoSubmit', language: 'optionsLanguage' });

/**
 * @param {object} deps
 * @param {{profileParse: (input: {text: string, defaultSite?: 'cn' | 'intl'}) => any}} deps.core
 * @param {() => 'cn' | 'intl'} deps.getDefaultSite
 * @param {(name: import('../shared/trusted-storage.js').TrustedName) => Promise<void>} deps.onResolved
 *   the page shows the stored copy again (the editor, the settings form)
 */
export function setUpTrustNotices({ core, getDefaultSite, onResolved }) {
  const section = byId('trust-notices');
  const list = byId('trust-notice-list');
  const trust = trustedStorage();

  /** @param {string} text @returns {Map<string, Profile>} */
  function profilesOf(text) {
    const parsed = core.profileParse({ text, defaultSite: getDefaultSite() });
    return new Map(('error' in parsed ? [] : /** @type {Profile[]} */ (parsed.profiles)).map((p) => [p.id, p]));
  }

  /** @param {unknown} value */
  function shown(value) {
    if (value === true) return t('trustValueOn');
    if (value === false) return t('trustValueOff');
    return value === undefined || value === null || value === '' ? t('trustValueNone') : String(value);
  }

  /**
   * The changes, one sentence each; null for the profiles when the changed text is unreadable.
   * @param {Notice} notice
   * @returns {Promise<string[] | null>}
   */
  async function changesOf(notice) {
    if (notice.changed === null) return [t('trustDeleted')];
    if (notice.name === 'settings') {
      // As the settings are used: defaults for what is absent.
      const good = /** @type {Record<string, unknown>} */ ({ ...DEFAULT_SETTINGS, ...validSettings(notice.good) });
      const changed = { ...DEFAULT_SETTINGS, ...validSettings(notice.changed) };
      const lines = Object.entries(SETTING_LABELS).flatMap(([field, label]) => {
        const after = /** @type {Record<string, unknown>} */ (changed)[field];
        return good[field] === after ? [] : [t('trustSettingChanged', [t(label), shown(good[field]), shown(after)])];
      });
      return lines.length ? lines : [t('trustNoDifference')];
    }
    if (notice.name === 'workbench') return workbenchChanges(notice.good, notice.changed);
    if (notice.payload === undefined) return null;
    const before = profilesOf((await loadProfilesText()).text);
    const after = profilesOf(await payloadText(notice.payload));
    /** @type {string[]} */
    const lines = [];
    for (const [id, was] of before) {
      const now = after.get(id);
      if (!now) {
        lines.push(t('trustProfileRemoved', [id]));
        continue;
      }
      for (const [field, name] of PROFILE_FIELDS) {
        if (was[field] !== now[field]) lines.push(t('trustProfileChanged', [id, name, shown(was[field]), shown(now[field])]));
      }
    }
    for (const id of after.keys()) if (!before.has(id)) lines.push(t('trustProfileAdded', [id]));
    return lines.length ? lines : [t('trustNoDifference')];
  }

  /**
   * The workbench's changed values (labels as its form shows them) and steps marked done.
   * @param {unknown} goodValue @param {unknown} changedValue
   */
  function workbenchChanges(goodValue, changedValue) {
    const good = /** @type {any} */ (goodValue ?? {});
    const changed = /** @type {any} */ (changedValue ?? {});
    /** @type {string[]} */
    const lines = [];
    if ((good.audience ?? 'a') !== (changed.audience ?? 'a')) {
      lines.push(t('trustSettingChanged', [t('workbenchAudienceHeading'), shown(good.audience), shown(changed.audience)]));
    }
    for (const { name } of FIELDS) {
      const before = good.inputs?.[name] ?? DEFAULT_INPUTS[name];
      const after = changed.inputs?.[name] ?? DEFAULT_INPUTS[name];
      if (before !== after) lines.push(t('trustSettingChanged', [t(`workbenchField_${name}`), shown(before), shown(after)]));
    }
    const steps = new Set([...Object.keys(good.done ?? {}), ...Object.keys(changed.done ?? {})]);
    for (const id of steps) {
      const before = good.done?.[id] === true;
      const after = changed.done?.[id] === true;
      if (before !== after) lines.push(t('trustWorkbenchStep', [id, t(before ? 'trustValueYes' : 'trustValueNo'), t(after ? 'trustValueYes' : 'trustValueNo')]));
    }
    return lines.length ? lines : [t('trustNoDifference')];
  }

  /**
   * Writes the chosen copy, tagged, and closes the notice.
   * @param {Notice} notice @param {'keep' | 'accept'} choice
   */
  async function decide(notice, choice) {
    if (notice.name === 'settings') {
      await saveSettings(choice === 'keep' ? await loadSettings() : validSettings(notice.changed));
    } else if (notice.name === 'workbench') {
      const chosen = choice === 'keep' ? await loadWorkbenchProgress() : notice.changed;
      await saveWorkbenchProgress(/** @type {Record<string, unknown>} */ (typeof chosen === 'object' && chosen !== null ? chosen : {}));
    } else if (choice === 'keep') {
      await saveProfilesText((await loadProfilesText()).text);
    } else {
      if (notice.payload === undefined) throw new Error(t('trustChangedUnreadable'));
      await saveProfilesText(await payloadText(notice.payload));
    }
    await trust.resolve(notice.name);
  }

  /** @param {Notice} notice */
  async function render(notice) {
    const item = document.createElement('div');
    item.className = 'trust-notice';
    item.dataset.item = notice.name;
    item.dataset.noticedAt = String(notice.noticedAt);
    const when = new Date(notice.noticedAt).toLocaleString();
    const text = document.createElement('p');
    text.className = 'what';
    text.textContent = t(NOTICE_TEXT[notice.name], [when]);
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = t('trustNoticeHint');
    const heading = document.createElement('p');
    heading.textContent = t('trustChangesHeading');
    const changes = document.createElement('ul');
    changes.className = 'changes';
    const lines = await changesOf(notice);
    for (const line of lines ?? [t('trustChangedUnreadable')]) {
      const li = document.createElement('li');
      li.textContent = line;
      changes.append(li);
    }
    const status = document.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'status');
    const toolbar = document.createElement('div');
    toolbar.className = 'toolbar';
    for (const [choice, label] of /** @type {const} */ ([['keep', 'trustKeepMine'], ['accept', 'trustAcceptChanged']])) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.choice = choice;
      button.textContent = t(label);
      button.disabled = choice === 'accept' && lines === null;
      button.addEventListener('click', async () => {
        for (const b of toolbar.querySelectorAll('button')) b.disabled = true;
        try {
          await decide(notice, choice);
          setStatus(status, () => t(choice === 'keep' ? 'trustKept' : 'trustAccepted'), { result: 'pass', data: { choice } });
          item.dataset.resolved = choice;
          await onResolved(notice.name);
        } catch (error) {
          setStatus(status, () => t('trustActionFailed', [error instanceof Error ? error.message : String(error)]), { result: 'fail' });
          for (const b of toolbar.querySelectorAll('button')) b.disabled = false;
        }
      });
      toolbar.append(button);
    }
    item.append(text, hint, heading, changes, toolbar, status);
    return item;
  }

  /** Shows the notices waiting now (each changed copy once; a decided one stays with its result). */
  async function refresh() {
    // The workbench's values have no reader on this page: read them, so a change is noticed here too.
    await loadWorkbenchProgress().catch(() => {});
    const notices = await trust.notices();
    const items = await Promise.all(notices.map(render));
    const decided = [...list.querySelectorAll('.trust-notice[data-resolved]')].filter(
      (el) => !notices.some((n) => n.name === /** @type {HTMLElement} */ (el).dataset.item),
    );
    list.replaceChildren(...decided, ...items);
    section.hidden = list.childElementCount === 0;
  }

  return { refresh };
}
