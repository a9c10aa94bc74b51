// What content scripts may ask the service worker (the only content-script messages it accepts):
// - `switch.context` (Switch Role page): did RoleHop start this switch, and may the page be
//   submitted by itself? Only a pending switch recorded for this tab, with this marker, site and
//   these values, answers yes, once; auto-submit also needs the user's setting.
// - `switch.validate` (Switch Role page): are these values a valid switch (the core's rules), and
//   which saved profile are they?
// - `switch.saveProfile` (Switch Role page): append them as a profile (the content script sends it
//   only on the person's own click).
// - `identity.lookup` (console pages): which saved profile is this account UID + role? Answered
//   only about the page's own identity: the first the document asks about, within per-tab and
//   per-browser limits (identity-lookups.js).
// Answers carry profile ids, names and colours only: never a secret, never the profile text.

import { takePendingSwitch as takeFromSession } from '../shared/pending-switch.js';
import { documentKeyOf } from './identity-lookups.js';

/** @typedef {import('./content-pages.js').SwitchRolePage} SwitchRolePage */
/** @typedef {import('./content-pages.js').ConsolePage} ConsolePage */
/** @typedef {import('./profile-index.js').ProfileCore} ProfileCore */
/** @typedef {ReturnType<typeof import('./profile-index.js').createProfileIndex>} ProfileIndex */

const MARKER = /^[A-Za-z0-9_-]{8,64}$/;
const UID = /^\d{16}$/;
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
 * @param {typeof takeFromSession} [deps.takePendingSwitch]
 */
export function createContentServices({ profiles, loadSettings, lookups, takePendingSwitch = takeFromSession }) {
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
      return profiles.validate(core, { parentAlias: message.parentAlias, roleName: message.roleName, site: page.site });
    },

    /**
     * @param {ProfileCore} core
     * @param {{parentAlias: string, roleName: string}} message
     * @param {SwitchRolePage} page
     */
    async switchSaveProfile(core, message, page) {
      checkText('parentAlias', message.parentAlias);
      checkText('roleName', message.roleName);
      return profiles.append(core, { parentAlias: message.parentAlias, roleName: message.roleName, site: page.site });
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
