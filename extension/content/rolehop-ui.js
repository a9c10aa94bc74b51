// What RoleHop's content scripts share (a classic script: the manifest lists it before each
// content script, and its one global, RoleHopUI, lives in the extension's isolated world, which
// page scripts cannot see).
//
// guardedHost() makes the element RoleHop draws its banner, identity strip and RAM panel in (each
// docked at an edge of the window, with room made for it on the page: takeRoom(), page-room.js). What a page can
// and cannot do against it:
// - CANNOT read or change what is inside: the shadow root is closed (host.shadowRoot is null
//   for the page, a second attachShadow throws), and its styles are in the shadow, so page CSS
//   does not reach them. The host is a plain <div> (a custom tag could be pre-defined by the page
//   to run its own code on upgrade).
// - CANNOT restyle the host with its own CSS: the host's position and visibility are inline
//   `!important` declarations, which win over any author style sheet; if the page edits the
//   style attribute, an attribute observer writes it back.
// - CANNOT cover it with z-index: the host is shown as a manual popover, i.e. in the top layer,
//   above every element of the page (only a popover or modal dialog the page opens LATER is
//   drawn above it; a hidePopover() call is undone on its `toggle` event).
// - CAN remove it or hide it again and again: it is put back whenever that is seen (a document
//   observer, the toggle event and a 1 s check), at most MAX_RESTORES times a minute so a page
//   fighting it cannot make RoleHop loop; after that, once per check.
// - CAN draw a look-alike of its own elsewhere, and can lie about itself in what RoleHop reads
//   (its globals, its DOM): the badge shows what the page SAYS, checked for shape, never more.
const RoleHopUI = (() => {
  const MAX_RESTORES = 30;
  const CHECK_INTERVAL_MS = 1000;

  /**
   * A message in the browser's language (falls back to English, then to the key itself).
   * @param {string} key
   * @param {string | string[]} [substitutions]
   */
  function t(key, substitutions) {
    return chrome.i18n.getMessage(key, substitutions) || key;
  }

  const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
  const NAMED_COLOR = /^[a-zA-Z]{3,20}$/;

  /**
   * The colour if it is a #rgb / #rrggbb value or a plain colour name the browser knows, else null
   * (a profile's colour only ever reaches a style property through here).
   * @param {unknown} value
   * @returns {string | null}
   */
  function safeColor(value) {
    if (typeof value !== 'string') return null;
    if (HEX_COLOR.test(value)) return value;
    return NAMED_COLOR.test(value) && CSS.supports('color', value) ? value : null;
  }

  /**
   * Black or white, whichever has the higher contrast with `color` (WCAG relative luminance;
   * resolved by the browser, so names work). One of the two always reaches 4.5:1.
   * @param {HTMLElement} probe an element in the document to resolve the colour with
   * @param {string} color a safeColor()
   */
  function textColorOn(probe, color) {
    probe.style.color = color;
    const match = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
    probe.style.color = '';
    if (!match || match.length < 3) return '#fff';
    const [r, g, b] = match.slice(0, 3).map((c) => Number(c) / 255);
    const lin = (/** @type {number} */ c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    // Contrast with white: 1.05 / (L + 0.05); with black: (L + 0.05) / 0.05.
    return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#fff' : '#000';
  }

  /**
   * @typedef {object} GuardedHost
   * @property {HTMLDivElement} host the element in the page (shows nothing of its own)
   * @property {ShadowRoot} root its closed shadow root: put the UI here
   * @property {(placement: string) => void} place moves the host (inline CSS as for guardedHost)
   * @property {() => void} dispose removes the host and stops guarding it
   */

  /**
   * The host's inline style: everything a page could use to hide or move it, as `!important`
   * declarations (which win over any author style sheet); `placement` last, so it may size the host.
   * @param {string} placement
   */
  function hostStyle(placement) {
    return [
      'all: initial',
      'position: fixed',
      'inset: auto',
      'margin: 0',
      'padding: 0',
      'border: 0',
      'background: transparent',
      'overflow: visible',
      'display: block',
      'visibility: visible',
      'opacity: 1',
      'z-index: 2147483647',
      'pointer-events: auto',
      'transform: none',
      'filter: none',
      'clip-path: none',
      'width: auto',
      'height: auto',
      'max-width: 100vw',
      placement,
    ]
      .flatMap((d) => d.split(';'))
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => `${d} !important`)
      .join('; ');
  }

  /**
   * A host element with a closed shadow root, kept attached, visible and in the top layer.
   * @param {string} name the host's `data-rolehop` value (e.g. `switch-banner`)
   * @param {string} placement inline CSS placing and sizing the host, e.g. `top: 0; left: 0; right: 0`
   * @returns {GuardedHost}
   */
  function guardedHost(name, placement) {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const attributes = /** @type {Record<string, string>} */ ({ 'data-rolehop': name, style: hostStyle(placement), popover: 'manual' });
    const hasPopover = typeof host.showPopover === 'function';
    if (!hasPopover) delete attributes.popover;

    let restores = 0;
    let windowStart = Date.now();
    let disposed = false;

    /** May we restore now? Limits a page that removes the host in a loop. */
    function budget() {
      const now = Date.now();
      if (now - windowStart > 60_000) {
        windowStart = now;
        restores = 0;
      }
      restores += 1;
      return restores <= MAX_RESTORES;
    }

    function writeAttributes() {
      for (const attr of [...host.attributes]) {
        if (!(attr.name in attributes)) host.removeAttribute(attr.name);
      }
      for (const [key, value] of Object.entries(attributes)) {
        if (host.getAttribute(key) !== value) host.setAttribute(key, value);
      }
    }

    function show() {
      if (!hasPopover || !host.isConnected) return;
      try {
        if (!host.matches(':popover-open')) host.showPopover();
      } catch {
        // Not shown in the top layer (e.g. the document is being torn down): it stays fixed.
      }
    }

    /** Puts the host back as it should be; `force` skips the budget (the periodic check). */
    function restore(force = false) {
      if (disposed) return;
      const broken =
        !host.isConnected ||
        host.parentNode !== document.documentElement ||
        Object.entries(attributes).some(([k, v]) => host.getAttribute(k) !== v) ||
        host.attributes.length !== Object.keys(attributes).length ||
        (hasPopover && !host.matches(':popover-open'));
      if (!broken || (!force && !budget())) return;
      writeAttributes();
      // Appended to <html> itself (after <body>): hiding or replacing <body> does not take it along.
      if (host.parentNode !== document.documentElement) document.documentElement.append(host);
      show();
    }

    writeAttributes();
    document.documentElement.append(host);
    show();

    const treeWatch = new MutationObserver(() => {
      if (!host.isConnected || host.parentNode !== document.documentElement) restore();
    });
    treeWatch.observe(document, { childList: true, subtree: true });
    const attributeWatch = new MutationObserver(() => restore());
    attributeWatch.observe(host, { attributes: true });
    const onToggle = () => queueMicrotask(() => restore());
    host.addEventListener('toggle', onToggle);
    const timer = setInterval(() => restore(true), CHECK_INTERVAL_MS);

    return {
      host,
      root,
      place(next) {
        attributes.style = hostStyle(next);
        writeAttributes();
      },
      dispose() {
        disposed = true;
        treeWatch.disconnect();
        attributeWatch.disconnect();
        host.removeEventListener('toggle', onToggle);
        clearInterval(timer);
        host.remove();
      },
    };
  }

  /**
   * A <style> element with `css` (for a shadow root).
   * @param {string} css
   */
  function styleElement(css) {
    const el = document.createElement('style');
    el.textContent = css;
    return el;
  }

  /**
   * A <style> element with RoleHop's palette and type scale (shared/theme.css, through the
   * generated content/theme.js) for the element of class `rolehop-theme`, then `css`.
   * @param {string} css
   */
  function themedStyle(css) {
    return styleElement(`:host { all: initial; }
${RoleHopTheme.css}
.rolehop-theme { font: var(--text-body)/1.45 var(--font-ui); color: var(--ink); }
${css}`);
  }

  /**
   * Creates an element with attributes and children (strings become text nodes; never HTML).
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {Array<Node | string>} [children]
   */
  function h(tag, attrs = {}, children = []) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
    el.append(...children);
    return el;
  }

  const { takeRoom, roomTaken, onRoomChange } = RoleHopRoom;
  return Object.freeze({ t, safeColor, textColorOn, guardedHost, styleElement, themedStyle, takeRoom, roomTaken, onRoomChange, h });
})();
