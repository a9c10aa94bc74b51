// Console pages (https://*.console.aliyun.com/*, https://*.console.alibabacloud.com/*): who am I?
// Reads the identity the page states (window.ALIYUN_CONSOLE_CONFIG, handed over by the page-world
// script page-identity.js; else the top navigation's "<RoleName>/<SessionName>"), checks its shape,
// asks the service worker which profile (if any) it is, and shows a badge with that profile's
// colour and name. The badge is in a closed shadow root in the top layer and is put back when the
// page removes or hides it (see rolehop-ui.js for what a page can and cannot do against it).
// Answers the popup's {type: "identity.get"}.
// Structure: constants, state and functions first, then ONE entry point (start) at the end, so
// nothing runs before every binding it may reach is initialised, whether the page's config and
// top navigation are already there when the script is injected or appear later.
(() => {
  const { t, h, safeColor, textColorOn, guardedHost, styleElement } = RoleHopUI;

  /** The page-world script's hand-over: this prefix, then JSON `{config}` (see page-identity.js). */
  const FROM_PAGE = 'rolehop-page-identity:';
  const MAX_HANDOVER = 512;
  const ASK_PAGE = 'rolehop-identity-request';
  const ACCOUNT_TYPES = new Set(['main', 'sub', 'sts']);
  const UID = /^\d{16}$/;
  /** RAM role names (1-64 of [A-Za-z0-9.-]) and session names (2-64 of [\w.@-]). */
  const ROLE_SESSION = /(?:^|[\s:：])([A-Za-z0-9.-]{1,64})\/([\w.@-]{2,64})(?=$|\s)/;
  /** How long to wait for the page's config and its top navigation to appear. */
  const WAIT_MS = 10_000;
  const ASK_AGAIN_MS = [500, 2000, 5000];
  const CSS = `
    :host { all: initial; }
    .badge {
      box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; max-width: 360px;
      padding: 3px 10px 3px 4px; border-radius: 14px; border: 2px solid var(--rolehop-color);
      font: 12px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
      color: #1d1d1f; background: #fff; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); white-space: nowrap;
    }
    .name { padding: 0 8px; border-radius: 10px; font-weight: 700; background: var(--rolehop-color); color: var(--rolehop-on-color); }
    .detail { overflow: hidden; text-overflow: ellipsis; }
    @media (prefers-color-scheme: dark) { .badge { color: #eceef2; background: #23252b; } }
  `;

  /**
   * @typedef {object} Identity what the popup's identity.get is answered with
   * @property {string} [accountUid]
   * @property {'main' | 'sub' | 'sts'} [accountType]
   * @property {string} [roleName]
   * @property {string} [sessionName]
   * @property {'page-config' | 'top-nav' | 'page-config+top-nav' | 'none'} source
   */
  /** @typedef {{id: string, displayName: string, color?: string}} ProfileRef */

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
          ? { id: found.id, displayName: found.displayName, ...(typeof found.color === 'string' ? { color: found.color } : {}) }
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

  // --- the badge ----------------------------------------------------------------------------------
  function createBadge() {
    // Everything is built before the host goes into the page: a host is never left empty.
    const name = h('span', { class: 'name' });
    const detail = h('span', { class: 'detail' });
    const box = h('div', { class: 'badge', role: 'status', lang: t('htmlLang') || 'en' }, [name, detail]);
    const style = styleElement(CSS);
    const { root } = guardedHost('identity-badge', 'bottom: 12px; left: 12px');
    root.append(style, box);

    /** @param {Identity} who @param {ProfileRef | null} match */
    function show(who, match) {
      const color = safeColor(match?.color) ?? '#5b6cff';
      box.style.setProperty('--rolehop-color', color);
      box.style.setProperty('--rolehop-on-color', textColorOn(name, color));
      box.dataset.profile = match?.id ?? '';
      const role = who.roleName ? `${who.roleName}/${who.sessionName}` : '';
      const account = who.accountUid ? t('badgeAccount', [who.accountUid]) : '';
      const kind = who.accountType ? t(`badgeType_${who.accountType}`) : '';
      name.textContent = match ? match.displayName : role || kind || 'RoleHop';
      // The name says the most specific thing known; the detail line the rest.
      const rest = match ? [role, account] : role ? [account, kind] : [account];
      detail.textContent = rest.filter(Boolean).join(' · ');
      box.title = `RoleHop: ${[match?.displayName, role, account, kind].filter(Boolean).join(' · ')}`;
    }
    return { show };
  }

  start();
})();
