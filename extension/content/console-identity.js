// Console pages (https://*.console.aliyun.com/*, https://*.console.alibabacloud.com/*): who am I?
// Reads the identity the page states (window.ALIYUN_CONSOLE_CONFIG, handed over by the page-world
// script page-identity.js; else the top navigation's "<RoleName>/<SessionName>"), checks its shape,
// asks the service worker which profile (if any) it is, and shows it in a strip along the top of
// the window, in the profile's colour: the profile's name, the role and the full account UID
// (never shortened; at narrow widths the strip wraps, and the name may break, never the account).
// The page is given room for the strip (RoleHopUI.takeRoom), so it covers none of the page's
// controls. The strip is in a closed shadow root in the top layer and is put back when the page
// removes or hides it (see rolehop-ui.js for what a page can and cannot do against it).
// Answers the popup's {type: "identity.get"}.
// Structure: constants, state and functions first, then ONE entry point (start) at the end, so
// nothing runs before every binding it may reach is initialised, whether the page's config and
// top navigation are already there when the script is injected or appear later.
(() => {
  const { t, h, safeColor, textColorOn, guardedHost, themedStyle, takeRoom } = RoleHopUI;

  /** The page-world script's hand-over: this prefix, then JSON `{config}` (see page-identity.js). */
  const FROM_PAGE = 'rolehop-page-identity:';
  const MAX_HANDOVER = 512;
  const ASK_PAGE = 'rolehop-identity-request';
  const ACCOUNT_TYPES = new Set(['main', 'sub', 'sts']);
  const { UID } = RoleHopRules;
  /** RAM role names (1-64 of [A-Za-z0-9.-]) and session names (2-64 of [\w.@-]). */
  const ROLE_SESSION = /(?:^|[\s:：])([A-Za-z0-9.-]{1,64})\/([\w.@-]{2,64})(?=$|\s)/;
  /** How long to wait for the page's config and its top navigation to appear. */
  const WAIT_MS = 10_000;
  /** The longest account name a profile has: a default domain (`<alias>.onaliyun.com`). */
  const MAX_ACCOUNT = 128;
  const ASK_AGAIN_MS = [500, 2000, 5000];
  /** The strip's colour when the identity is none of the user's profiles (a neutral grey). */
  const NO_PROFILE_COLOR = '#59636e';
  const CSS = `
    .badge {
      display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 16px; row-gap: 0;
      padding: 4px 12px; background: var(--rolehop-color); color: var(--rolehop-on-color);
      box-shadow: 0 1px 0 rgba(0, 0, 0, 0.3); cursor: default;
    }
    .brand { font-size: var(--text-small); font-weight: 700; }
    .name { font-weight: 700; min-width: 0; overflow-wrap: anywhere; }
    .field { display: inline-flex; align-items: baseline; gap: 6px; white-space: nowrap; }
    .label { font-size: var(--text-small); }
    .value { font: 600 var(--text-code)/1.45 var(--font-code); }
    /* A role/session name (up to 64 + 64 characters) may wrap at its slash, never inside a name
       unless one name alone is wider than the window. */
    .role { white-space: normal; flex-wrap: wrap; min-width: 0; }
    .role .value { overflow-wrap: anywhere; }
  `;

  /**
   * @typedef {object} Identity what the popup's identity.get is answered with
   * @property {string} [accountUid]
   * @property {'main' | 'sub' | 'sts'} [accountType]
   * @property {string} [roleName]
   * @property {string} [sessionName]
   * @property {'page-config' | 'top-nav' | 'page-config+top-nav' | 'none'} source
   */
  /** @typedef {{id: string, displayName: string, color?: string, account?: string}} ProfileRef */

  /** @type {{accountUid?: string, accountType?: 'main' | 'sub' | 'sts'} | null} */
  let fromConfig = null;
  /** @type {{roleName: string, sessionName: string} | null} */
  let fromTopNav = null;
  /** @type {ProfileRef | null} */
  let profile = null;
  let lookedUp = '';
  /** The one badge of this page (made when there is first something to show). */
  /** @type {ReturnType<typeof createBadge> | null} */
  let badge = null;

  function start() {
    if (window.top !== window) return;
    // The popup's question first: it is answered even when the page says nothing yet.
    chrome.runtime.onMessage.addListener(onPopupMessage);
    window.addEventListener('message', onHandOver);
    askPage();
    watchTopNav();
    update();
  }

  // --- the page-world script's hand-over ------------------------------------------------------
  /** @param {MessageEvent} event */
  function onHandOver(event) {
    // Only this window's own posts, from this origin, of the exact shape page-identity.js sends.
    if (event.source !== window || event.origin !== location.origin) return;
    const text = event.data;
    if (typeof text !== 'string' || !text.startsWith(FROM_PAGE) || text.length > MAX_HANDOVER) return;
    let data;
    try {
      data = JSON.parse(text.slice(FROM_PAGE.length));
    } catch {
      return;
    }
    if (!isPlainObject(data) || Object.keys(data).length !== 1) return;
    const config = checkConfig(data.config);
    if (!config) return;
    fromConfig = config;
    update();
  }

  /** Asks the page-world script for the config now and a few times later (the page may define it late). */
  function askPage() {
    window.postMessage(ASK_PAGE, location.origin);
    for (const ms of ASK_AGAIN_MS) {
      setTimeout(() => {
        if (!fromConfig) window.postMessage(ASK_PAGE, location.origin);
      }, ms);
    }
  }

  /**
   * The config's fields when they have the documented shape, else null (a partly wrong config is
   * not trusted at all).
   * @param {unknown} value
   */
  function checkConfig(value) {
    if (!isPlainObject(value)) return null;
    const { ACCOUNT_TYPE: type, CURRENT_PK: current, MAIN_ACCOUNT_PK: main } = value;
    if (typeof current !== 'string' || !UID.test(current)) return null;
    if (main !== undefined && (typeof main !== 'string' || !UID.test(main))) return null;
    if (type !== undefined && (typeof type !== 'string' || !ACCOUNT_TYPES.has(type))) return null;
    return {
      accountUid: current,
      ...(type ? { accountType: /** @type {'main' | 'sub' | 'sts'} */ (type) } : {}),
    };
  }

  /** @param {unknown} value @returns {value is Record<string, unknown>} */
  function isPlainObject(value) {
    return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
  }

  // --- the top navigation (fallback, and the role/session names the config does not carry) -----
  function readTopNav() {
    const nav = document.querySelector('[data-spm="top-nav"]');
    const buttons = [
      ...(nav ?? document).querySelectorAll('.console-base-top-nav-button-account, [class*="account-info"], [class*="top-nav-account"]'),
    ];
    for (const el of buttons) {
      const text = `${el.textContent ?? ''} ${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.replace(/\s+/g, ' ');
      const match = ROLE_SESSION.exec(text.trim());
      if (match) return { roleName: match[1], sessionName: match[2] };
    }
    return null;
  }

  function watchTopNav() {
    fromTopNav = readTopNav();
    if (fromTopNav) return;
    const observer = new MutationObserver(() => {
      const found = readTopNav();
      if (!found) return;
      fromTopNav = found;
      observer.disconnect();
      update();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    setTimeout(() => observer.disconnect(), WAIT_MS);
  }

  /** @returns {Identity} */
  function identity() {
    const source =
      fromConfig && fromTopNav ? 'page-config+top-nav' : fromConfig ? 'page-config' : fromTopNav ? 'top-nav' : 'none';
    // The top navigation's role is only believed for an STS (switched) identity, or when the page
    // gives no account type at all.
    const role = fromTopNav && (!fromConfig?.accountType || fromConfig.accountType === 'sts') ? fromTopNav : null;
    return {
      ...(fromConfig?.accountUid ? { accountUid: fromConfig.accountUid } : {}),
      ...(fromConfig?.accountType ? { accountType: fromConfig.accountType } : {}),
      ...(role ? { roleName: role.roleName, sessionName: role.sessionName } : {}),
      source,
    };
  }

  /** Shows what is known now, and asks the worker for a matching profile once per identity. */
  function update() {
    const who = identity();
    if (who.source === 'none') return;
    badge ??= createBadge();
    badge.show(who, profile);
    const key = `${who.accountUid ?? ''}/${who.roleName ?? ''}`;
    if (!who.accountUid || !who.roleName || key === lookedUp) return;
    lookedUp = key;
    chrome.runtime
      .sendMessage({ type: 'identity.lookup', accountUid: who.accountUid, roleName: who.roleName })
      .then((reply) => {
        if (key !== lookedUp || !isPlainObject(reply) || 'error' in reply) return;
        const found = reply.profile;
        profile = isPlainObject(found) && typeof found.displayName === 'string' && typeof found.id === 'string'
          ? {
              id: found.id,
              displayName: found.displayName,
              ...(typeof found.color === 'string' ? { color: found.color } : {}),
              ...(typeof found.account === 'string' && found.account.length <= MAX_ACCOUNT ? { account: found.account } : {}),
            }
          : null;
        badge?.show(identity(), profile);
      })
      .catch(() => {});
  }

  // --- the popup asks who this tab is -----------------------------------------------------------
  /**
   * @param {unknown} message
   * @param {chrome.runtime.MessageSender} sender
   * @param {(answer: Identity) => void} sendResponse
   */
  function onPopupMessage(message, sender, sendResponse) {
    // Only RoleHop's own extension pages (the popup); chrome.tabs.sendMessage is the only way a
    // message reaches this listener, and no web page or other extension can call it for this tab.
    const own = sender.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
    if (!own || !isPlainObject(message) || message.type !== 'identity.get' || Object.keys(message).length !== 1) return;
    sendResponse(identity());
  }

  // --- the badge: a strip along the top of the window -------------------------------------------
  function createBadge() {
    // Everything is built before the host goes into the page: a host is never left empty.
    const brand = h('span', { class: 'brand' }, ['RoleHop']);
    const box = h('div', { class: 'badge rolehop-theme', role: 'status', lang: t('htmlLang') || 'en' }, [brand]);
    const { root } = guardedHost('identity-badge', 'top: 0; left: 0; right: 0; max-width: none');
    root.append(themedStyle(CSS), box);
    // The page keeps the strip's height free at its top, however often the strip wraps.
    new ResizeObserver(() => takeRoom('identity-badge', { top: box.getBoundingClientRect().height })).observe(box);

    /**
     * A labelled value (the spaces between the parts are for screen readers and copied text; the
     * flex layout spaces them).
     * @param {string} kind @param {string} label @param {Array<Node | string>} value
     */
    const field = (kind, label, value) =>
      h('span', { class: `field ${kind}` }, [h('span', { class: 'label' }, [label]), ' ', h('span', { class: 'value' }, value)]);

    /** @param {Identity} who @param {ProfileRef | null} match */
    function show(who, match) {
      const color = safeColor(match?.color) ?? NO_PROFILE_COLOR;
      box.style.setProperty('--rolehop-color', color);
      box.style.setProperty('--rolehop-on-color', textColorOn(brand, color));
      box.dataset.profile = match?.id ?? '';
      const roleText = who.roleName ? `${who.roleName}/${who.sessionName}` : '';
      const kindText = who.accountType && !roleText ? t(`badgeType_${who.accountType}`) : '';
      /** @type {Array<Node | string>} */
      const parts = [brand];
      if (match) parts.push(' ', h('span', { class: 'name' }, [match.displayName]));
      // A break is allowed after the slash only (<wbr>), so a name stays whole where it fits.
      if (who.roleName) parts.push(' ', field('role', t('badgeRoleLabel'), [`${who.roleName}/`, h('wbr'), who.sessionName ?? '']));
      // The account as the profile names it (enterprise alias or default domain), then its UID.
      if (match?.account) parts.push(' ', field('alias', t('badgeAliasLabel'), [match.account]));
      if (who.accountUid) parts.push(' ', field('account', t('badgeAccountLabel'), [who.accountUid]));
      if (kindText) parts.push(' ', h('span', { class: 'field kind' }, [kindText]));
      box.replaceChildren(...parts);
      box.title = `RoleHop: ${[match?.displayName, roleText, match?.account, who.accountUid, kindText].filter(Boolean).join(' · ')}`;
    }
    return { show };
  }

  start();
})();
