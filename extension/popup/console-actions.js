// Open console / Open read-only for the profile the list has active (a panel behind the header's
// console button): with company B's credentials
// in this session (the workbench's form), the service worker signs in to the console as the
// profile's role (background/console.js) and opens it in a new tab; without them, the way to the
// workbench. The sign-in token never reaches this page: the worker opens the tab itself.
// Chromium has one console session per browser (said before opening); Firefox opens each profile
// in its own container, side by side.

import { coreMessage, t } from '../shared/i18n.js';

/** @typedef {import('./search.js').Profile} Profile */

/** The workbench's credentials section. */
const WORKBENCH_CREDENTIALS = 'workbench/workbench.html#credentials-heading';

/** Firefox has containers (its manifest holds contextualIdentities); Chromium does not. */
const HAS_CONTAINERS = 'contextualIdentities' in chrome;

/**
 * Shows the console actions and keeps them about the active profile.
 * @param {{activeProfile: () => Profile | null}} options
 * @returns {Promise<() => void>} call it when the active profile changed
 */
export async function wireConsoleActions({ activeProfile }) {
  const status = await chrome.runtime.sendMessage({ type: 'credentials.status' }).catch(() => null);
  const haveCredentials = Boolean(status && !status.error && status.b);
  byId('console-no-credentials').hidden = haveCredentials;
  byId('console-ready').hidden = !haveCredentials;
  const link = /** @type {HTMLAnchorElement} */ (byId('console-workbench'));
  link.href = chrome.runtime.getURL(WORKBENCH_CREDENTIALS);
  link.addEventListener('click', (e) => {
    e.preventDefault();
    void chrome.tabs.create({ url: link.href });
  });
  wireToggle(haveCredentials ? 'open-console' : 'console-workbench');
  if (!haveCredentials) return () => {};

  byId('console-note').textContent = t(HAS_CONTAINERS ? 'popupConsoleContainers' : 'popupConsoleReplaces');
  const buttons = /** @type {HTMLButtonElement[]} */ ([byId('open-console'), byId('open-read-only')]);
  const refresh = () => {
    const profile = activeProfile();
    byId('console-for').textContent = profile ? t('popupConsoleFor', profile.displayName) : '';
    for (const b of buttons) b.disabled = !profile;
  };
  buttons.forEach((button, i) => button.addEventListener('click', () => open(activeProfile(), i === 1)));
  refresh();
  return refresh;
}

/**
 * The header button shows and hides the panel (it costs the list no room until asked for); the
 * panel takes the focus when shown, and Esc in it hides it and gives the focus back.
 * @param {string} firstId the element focused when the panel opens
 */
function wireToggle(firstId) {
  const toggle = byId('console-toggle');
  const panel = byId('console');
  /** @param {boolean} open */
  const show = (open) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) byId(firstId).focus();
  };
  toggle.addEventListener('click', () => show(panel.hidden));
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    show(false);
    toggle.focus();
  });
}

/**
 * Asks for what the sign-in needs (inside the click: browsers grant only there), then has the
 * worker open the console.
 * @param {Profile | null} profile @param {boolean} readOnly
 */
function open(profile, readOnly) {
  if (!profile) return;
  const host = profile.site === 'intl' ? 'signin.alibabacloud.com' : 'signin.aliyun.com';
  say('running', t('popupConsoleOpening', profile.displayName));
  // The host is in the manifest (held from install in Chromium); Firefox lets the person withhold
  // host permissions, and a container tab needs `cookies` (optional there): asked at first use.
  /** @type {chrome.permissions.Permissions} */
  const wanted = { origins: [`https://${host}/*`], ...(HAS_CONTAINERS ? { permissions: /** @type {chrome.runtime.ManifestPermission[]} */ (['cookies']) } : {}) };
  chrome.permissions
    .request(wanted)
    .catch(() => chrome.permissions.contains(wanted).catch(() => false))
    .then(async (granted) => {
      if (!granted) {
        const held = await chrome.permissions.contains({ origins: wanted.origins }).catch(() => false);
        say('error', held ? t('popupConsoleNeedsContainers') : t('popupConsoleNeedsHost', host));
        return;
      }
      const answer = await chrome.runtime.sendMessage({ type: 'console.open', profile: consoleFields(profile), readOnly });
      if (answer?.opened) say('pass', t('popupConsoleOpened', [answer.opened.arn, answer.opened.expiration]));
      else if (answer?.error?.kind === 'containers') say('error', t('popupConsoleNeedsContainers'));
      else {
        say('error', t('popupConsoleError', coreMessage(answer?.error?.text ?? answer?.error?.message ?? String(answer))));
        if (typeof answer?.error?.policy === 'string') showPolicy(answer.error.policy);
      }
    })
    .catch((e) => say('error', t('popupConsoleError', e instanceof Error ? e.message : String(e))));
}

/** The fields the worker uses, nothing else. @param {Profile} p */
function consoleFields(p) {
  /** @type {Record<string, string>} */
  const fields = { id: p.id, displayName: p.displayName, site: p.site };
  for (const name of /** @type {const} */ (['roleArn', 'accountUid', 'color'])) {
    const value = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (p))[name];
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/** @param {'running' | 'pass' | 'error'} result @param {string} text */
function say(result, text) {
  const el = byId('console-status');
  el.dataset.result = result;
  el.replaceChildren(...withIdentifiers(text));
  el.hidden = false;
  byId('console-fix').hidden = true;
}

/** An ARN in the status: a span that wraps at the line's end (popup.css), not after a hyphen of a role name. */
const ARN = /acs:[\w:/.@+=*-]*[\w*]/g;

/** @param {string} text @returns {Array<string | HTMLElement>} */
function withIdentifiers(text) {
  /** @type {Array<string | HTMLElement>} */
  const parts = [];
  let from = 0;
  for (const match of text.matchAll(ARN)) {
    const at = match.index ?? 0;
    if (at > from) parts.push(text.slice(from, at));
    const span = document.createElement('span');
    span.className = 'identifier';
    span.textContent = match[0];
    parts.push(span);
    from = at + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/**
 * Under a refusal: the policy document its fix names, to copy in one click or read.
 * @param {string} policy
 */
function showPolicy(policy) {
  byId('console-fix-policy').textContent = policy;
  const copy = byId('console-fix-copy');
  copy.textContent = t('popupConsoleCopyPolicy');
  copy.onclick = () => {
    navigator.clipboard.writeText(policy).then(
      () => { copy.textContent = t('popupConsolePolicyCopied'); },
      () => { copy.textContent = t('popupConsoleCopyFailed'); },
    );
  };
  byId('console-fix').hidden = false;
}

/** @param {string} id */
function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html has no #${id}`);
  return el;
}
