// The stored profiles as the content-script services need them: parsed once per saved text (the
// store tells us when it changes), looked up by account + role, and extended by one profile that
// a Switch Role page offers to save. Every check of an account or role value is the core's
// (profileParse); nothing here re-states the alias, UID or role-name rules.

/** @typedef {'cn' | 'intl'} Site */
/**
 * The parts of a core Profile read here (see the issue-4 contract).
 * @typedef {object} IndexedProfile
 * @property {string} id
 * @property {string} displayName
 * @property {string} account
 * @property {'alias' | 'default-domain' | 'uid'} accountKind
 * @property {string} [accountUid]
 * @property {string} roleName
 * @property {string} [color]
 * @property {Site} site
 */
/** @typedef {import('../shared/contract').CoreMessage} CoreMessage */
/** @typedef {{kind: string, message: CoreMessage, line: number, column: number, profile?: string, field?: string}} ProfileProblem */
/** @typedef {{field: 'parentAlias' | 'roleName', message: CoreMessage}} SwitchProblem the field and, in the catalog's words, what is wrong with it */
/** @typedef {{profiles: IndexedProfile[], errors: ProfileProblem[]}} ParsedProfiles */
/**
 * The core functions used here (objects in, objects out; `{error}` for bad contract input).
 * @typedef {object} ProfileCore
 * @property {(input: {text: string, defaultSite?: Site}) => ParsedProfiles | {error: {message: string}}} profileParse
 * @property {(input: {profiles: IndexedProfile[]}) => {text: string} | {error: {message: string}}} profileSerialize
 */
/**
 * A profile as content scripts may know it; `account` is how the profile names the account when
 * that is an enterprise alias or default domain (the strip shows it beside the UID).
 * @typedef {{id: string, displayName: string, color?: string, account?: string}} ProfileRef
 */

/** Characters no account alias, default domain, UID or role name has, and that would change the
 * meaning of an INI line (a new line, a comment, a section); refused before any INI is built. */
const NOT_IN_A_VALUE = /[\u0000-\u001f\u007f;#=[\]]/;
const MAX_VALUE_LENGTH = 128;

/**
 * @param {object} deps
 * @param {() => Promise<{text: string}>} deps.loadProfilesText
 * @param {(text: string) => Promise<unknown>} deps.saveProfilesText
 * @param {(callback: () => void) => unknown} [deps.onProfilesChanged]
 * @param {() => Promise<{defaultSite: Site}>} deps.loadSettings
 * @param {() => Date} [deps.now]
 */
export function createProfileIndex({ loadProfilesText, saveProfilesText, onProfilesChanged, loadSettings, now = () => new Date() }) {
  /** @type {Promise<{text: string, parsed: ParsedProfiles}> | null} */
  let cached = null;
  /** @type {Promise<unknown>} */
  let saving = Promise.resolve();
  onProfilesChanged?.(() => {
    cached = null;
  });

  /** @param {ProfileCore} core */
  function current(core) {
    cached ??= (async () => {
      const [{ text }, { defaultSite }] = await Promise.all([loadProfilesText(), loadSettings()]);
      const parsed = core.profileParse({ text, defaultSite });
      if ('error' in parsed) throw new Error(`the stored profiles could not be read: ${parsed.error.message}`);
      return { text, parsed };
    })();
    cached.catch(() => {
      cached = null;
    });
    return cached;
  }

  /**
   * Checks one account + role pair as a profile would be checked. `problems` name the message
   * field (`parentAlias` / `roleName`); `profile` is the pair as the core reads it when valid.
   * @param {ProfileCore} core
   * @param {{parentAlias: string, roleName: string, site: Site}} values
   * @param {{id?: string, displayName?: string}} [extra]
   * @returns {{problems: SwitchProblem[], profile: IndexedProfile | null, text: string}}
   */
  function check(core, { parentAlias, roleName, site }, extra = {}) {
    /** @type {SwitchProblem[]} */
    const problems = [];
    for (const [field, value] of /** @type {const} */ ([['parentAlias', parentAlias], ['roleName', roleName]])) {
      if (value.trim() === '') problems.push({ field, message: { id: 'switchValueEmpty', args: {} } });
      else if (value.length > MAX_VALUE_LENGTH || NOT_IN_A_VALUE.test(value)) {
        problems.push({ field, message: { id: field === 'parentAlias' ? 'switchAccountUnusable' : 'switchRoleUnusable', args: {} } });
      }
    }
    if (problems.length) return { problems, profile: null, text: '' };
    const lines = [
      `[profile ${extra.id ?? 'rolehop-check'}]`,
      `account = ${parentAlias.trim()}`,
      `role_name = ${roleName.trim()}`,
      `site = ${site}`,
      ...(extra.displayName ? [`display_name = ${extra.displayName}`] : []),
    ];
    const text = `${lines.join('\n')}\n`;
    const parsed = core.profileParse({ text });
    if ('error' in parsed) throw new Error(`profileParse refused its input: ${parsed.error.message}`);
    for (const error of parsed.errors) {
      problems.push({ field: error.field === 'role_name' ? 'roleName' : 'parentAlias', message: error.message });
    }
    return { problems, profile: problems.length ? null : (parsed.profiles[0] ?? null), text };
  }

  /**
   * The stored profile for this account + role on this site, if any (account compared as the
   * core reads it: alias case-insensitively, or by the UID it names).
   * @param {ParsedProfiles} parsed
   * @param {IndexedProfile} wanted
   */
  function findSame(parsed, wanted) {
    const same = (/** @type {IndexedProfile} */ p) =>
      p.site === wanted.site &&
      p.roleName.toLowerCase() === wanted.roleName.toLowerCase() &&
      (p.account.toLowerCase() === wanted.account.toLowerCase() ||
        (p.accountUid !== undefined && p.accountUid === wanted.accountUid));
    return parsed.profiles.find(same) ?? null;
  }

  return {
    /**
     * @param {ProfileCore} core
     * @param {{parentAlias: string, roleName: string, site: Site}} values
     * @returns {Promise<{ok: boolean, problems: SwitchProblem[], profile?: ProfileRef}>}
     */
    async validate(core, values) {
      const { problems, profile } = check(core, values);
      if (!profile) return { ok: false, problems };
      const existing = findSame((await current(core)).parsed, profile);
      return { ok: true, problems: [], ...(existing ? { profile: ref(existing) } : {}) };
    },

    /**
     * The profile (if any) of an identity seen in the console: same account UID and role name;
     * a profile of the console's own site first.
     * @param {ProfileCore} core
     * @param {{accountUid: string, roleName: string, site: Site}} identity
     * @returns {Promise<ProfileRef | null>}
     */
    async lookup(core, { accountUid, roleName, site }) {
      const { parsed } = await current(core);
      const matches = parsed.profiles.filter(
        (p) => p.accountUid === accountUid && p.roleName.toLowerCase() === roleName.toLowerCase(),
      );
      const best = matches.find((p) => p.site === site) ?? matches[0];
      return best ? ref(best) : null;
    },

    /**
     * Appends a profile for this account + role to the stored text (comments and order of the
     * user's text kept), unless one exists. The whole new text is parse-checked before saving.
     * @param {ProfileCore} core
     * @param {{parentAlias: string, roleName: string, site: Site}} values
     * @returns {Promise<{saved: boolean, profile: ProfileRef} | {error: {kind: 'invalid-value', message: string, text: CoreMessage, problems: SwitchProblem[]}}>}
     */
    append(core, values) {
      // One save at a time: two quick clicks must not both append.
      const run = saving.then(() => appendNow(core, values));
      saving = run.catch(() => {});
      return run;
    },
  };

  /**
   * @param {ProfileCore} core
   * @param {{parentAlias: string, roleName: string, site: Site}} values
   * @returns {Promise<{saved: boolean, profile: ProfileRef} | {error: {kind: 'invalid-value', message: string, text: CoreMessage, problems: SwitchProblem[]}}>}
   */
  async function appendNow(core, values) {
    const checked = check(core, values);
    if (!checked.profile) {
      const text = { id: 'switchNotValid', args: {} };
      return { error: { kind: 'invalid-value', message: 'these values are not a valid switch', text, problems: checked.problems } };
    }
    const { text, parsed } = await current(core);
    const existing = findSame(parsed, checked.profile);
    if (existing) return { saved: false, profile: ref(existing) };
    // A text with errors is saved as the user wrote it (the broken profiles are skipped): a new
    // section after it is read on its own, so it is appended as long as it adds no error.
    const id = uniqueId(parsed, `${checked.profile.account}.${checked.profile.roleName}`);
    const displayName = `${checked.profile.roleName} @ ${checked.profile.account}`;
    const section = check(core, values, { id, displayName });
    if (!section.profile) throw new Error(`the new profile ${id} did not parse: ${section.problems.map((p) => JSON.stringify(p.message)).join('; ')}`);
    const canonical = core.profileSerialize({ profiles: [section.profile] });
    if ('error' in canonical) throw new Error(`profileSerialize failed: ${canonical.error.message}`);
    const stamp = now().toISOString().slice(0, 10);
    const combined = `${text.trimEnd()}${text.trim() ? '\n\n' : ''}# saved by RoleHop from a switch made by hand (${stamp})\n${canonical.text.trim()}\n`;
    const whole = core.profileParse({ text: combined });
    if ('error' in whole || whole.errors.length > parsed.errors.length || !whole.profiles.some((p) => p.id === id)) {
      throw new Error(`the profiles with ${id} appended did not parse cleanly; nothing was saved`);
    }
    await saveProfilesText(combined);
    cached = null;
    return { saved: true, profile: ref(section.profile) };
  }
}

/** @param {IndexedProfile} p @returns {ProfileRef} */
function ref(p) {
  return { id: p.id, displayName: p.displayName, ...(p.color ? { color: p.color } : {}), ...(p.accountKind !== 'uid' ? { account: p.account } : {}) };
}

/**
 * `base` made a valid profile id (1-64 of [A-Za-z0-9._-]) not used yet (case-insensitively).
 * @param {ParsedProfiles} parsed
 * @param {string} base
 */
function uniqueId(parsed, base) {
  // Ids of profiles skipped for their errors are taken too: the user will fix them.
  const taken = new Set([...parsed.profiles.map((p) => p.id), ...parsed.errors.flatMap((e) => (e.profile ? [e.profile] : []))].map((id) => id.toLowerCase()));
  const clean = base.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 60) || 'profile';
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n += 1) {
    const candidate = `${clean}-${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
