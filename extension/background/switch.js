// What content scripts may ask the service worker (the only content-script messages it accepts):
// - `switch.context` (Switch Role page): did RoleHop start this switch, and may the page be
//   submitted by itself? Only a pending switch recorded for this tab, with this marker, site and
//   these values, answers yes, once; auto-submit also needs the user's setting.
// - `switch.validate` (Switch Role page): are these values a valid switch (the core's rules), and
//   which saved profile are they? The profile is told only within per-tab and per-browser limits
//   of different profiles (identity-lookups.js), so the page cannot enumerate the user's profiles.
// - `switch.saveProfile` (Switch Role page): append them as a profile (the content script sends it
//   only on the person's own click, which the worker cannot prove: a few per tab and browser).
// - `identity.lookup` (console pages): which saved profile is this account UID + role? Answered
//   only about the page's own identity: the first the document asks about, within per-tab and
//   per-browser limits (identity-lookups.js).
// Answers carry profile ids, names and colours only: never a secret, never the profile text.

import { takePendingSwitch as takeFromSession } from '../shared/pending-switch.js';
import { documentKeyOf } from './identity-lookups.js';
import { MARKER, UID } from '../shared/rules.js';

/** @typedef {import('./content-pages.js').SwitchRolePage} SwitchRolePage */
/** @typedef {import('./content-pages.js').ConsolePage} ConsolePage */
/** @typedef {import('./profile-index.js').ProfileCore} ProfileCore */
/** @typedef {ReturnType<typeof import('./profile-index.js').createProfileIndex>} ProfileIndex */

const MAX_TEXT = 128;

/**
 * Thrown for a message whose fields have the right JSON types but unusable values; the router
 * answers it as `invalid-message` with this text.
 */
export class InvalidContentMessage extends Error {}

/**
 * @param {object} deps
 * @param {ProfileIndex} deps.profiles
 * @param {() => Promise<{autoSubmit: boolean}>} deps.loadSettings
 * @param {Pick<ReturnType<typeof import('./identity-lookups.js').createIdentityLookups>, 'admit'>} deps.lookups
 *   which identities a console page may ask about (identity-lookups.js)
 * @param {Pick<ReturnType<typeof import('./identity-lookups.js').createIdentityLookups>, 'admit'>} deps.switchPageLookups
 *   which profiles the Switch Role page may be told its values match (SWITCH_PAGE_LIMITS)
 * @param {Pick<ReturnType<typeof import('./identity-lookups.js').createIdentityLookups>, 'admit'>} deps.saves
 *   which profiles the Switch Role page may save (SAVE_LIMITS)
 * @param {typeof takeFromSession} [deps.takePendingSwitch]
 */
export function createContentServices({ profiles, loadSettings, lookups, switchPageLookups, saves, takePendingSwitch = takeFromSession }) {
  return {
    /**
     * @param {{marker?: string, parentAlias: string, roleName: string}} message
     * @param {SwitchRolePage} page
     */
    async switchContext(message, page) {
      checkText('parentAlias', message.parentAlias);
      checkText('roleName', message.roleName);
      const notFromRoleHop = { fromRoleHop: false, autoSubmit: false };
      if (message.marker === undefined) return notFromRoleHop;
      if (!MARKER.test(message.marker)) throw new InvalidContentMessage('message.marker must be 8-64 characters [A-Za-z0-9_-]');
      const record = await takePendingSwitch({
        marker: message.marker,
        tabId: page.tabId,
        parentAlias: message.parentAlias,
        roleName: message.roleName,
        site: page.site,
      });
      if (!record) return notFromRoleHop;
      const settings = await loadSettings();
      return {
        fromRoleHop: true,
        autoSubmit: settings.autoSubmit === true,
        profile: { id: record.profileId, displayName: record.displayName, ...(record.color ? { color: record.color } : {}) },
      };
    },

    /**
     * @param {ProfileCore} core
     * @param {{parentAlias: string, roleName: string}} message
     * @param {SwitchRolePage} page
     */
    async switchValidate(core, message, page) {
      checkText('parentAlias', message.parentAlias);
      checkText('roleName', message.roleName);
      const checked = await profiles.validate(core, { parentAlias: message.parentAlias, roleName: message.roleName, site: page.site });
      if (!('profile' in checked) || !checked.profile) return checked;
      // Which profile these values are is told only within the limits; past them, the answer is
      // the same as for values no profile has.
      const admitted = await switchPageLookups.admit({ tabId: page.tabId, identity: checked.profile.id });
      if (admitted.ok) return checked;
      const { profile: _withheld, ...rest } = checked;
      return rest;
    },

    /**
     * @param {ProfileCore} core
     * @param {{parentAlias: string, roleName: string}} message
     * @param {SwitchRolePage} page
     */
    async switchSaveProfile(core, message, page) {
      checkText('parentAlias', message.parentAlias);
      checkText('roleName', message.roleName);
      const values = { parentAlias: message.parentAlias, roleName: message.roleName, site: page.site };
      // Values the core refuses are answered with their problems (append checks them again);
      // valid ones count against the limits first.
      if ((await profiles.validate(core, values)).ok) {
        const admitted = await saves.admit({ tabId: page.tabId, identity: `${page.site}/${values.parentAlias.toLowerCase()}/${values.roleName.toLowerCase()}` });
        if (!admitted.ok) {
          const text = { id: 'switchSaveLimit', args: {} };
          return { error: { kind: /** @type {const} */ ('not-allowed'), message: `switch.saveProfile refused: ${admitted.message} (add the profile on the options page)`, text } };
        }
      }
      return profiles.append(core, values);
    },

    /**
     * @param {ProfileCore} core
     * @param {{accountUid: string, roleName: string}} message
     * @param {ConsolePage} page
     */
    async identityLookup(core, message, page) {
      if (!UID.test(message.accountUid)) throw new InvalidContentMessage('message.accountUid must be a 16-digit account UID');
      checkText('roleName', message.roleName);
      // Only the page's own identity: the first one this document asks about, within the limits.
      const admitted = await lookups.admit({
        documentKey: documentKeyOf(page),
        tabId: page.tabId,
        identity: `${message.accountUid}/${message.roleName.toLowerCase()}`,
      });
      if (!admitted.ok) return { error: { kind: /** @type {const} */ ('not-allowed'), message: `identity.lookup refused: ${admitted.message}` } };
      const profile = await profiles.lookup(core, { accountUid: message.accountUid, roleName: message.roleName, site: page.site });
      return profile ? { profile } : {};
    },
  };
}

/** @param {string} name @param {string} value */
function checkText(name, value) {
  if (value.length === 0 || value.length > MAX_TEXT) {
    throw new InvalidContentMessage(`message.${name} must be 1-${MAX_TEXT} characters, got ${value.length}`);
  }
}
