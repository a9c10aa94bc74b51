// The RoleHop banner on the Switch Role page: one line saying what RoleHop does (or why it does
// nothing), the profile's colour and name when the switch came from RoleHop, and at most one
// action button. Drawn in a closed shadow root in the top layer (RoleHopUI.guardedHost), so the
// page can neither read nor fake it. A classic script; its one global is RoleHopSwitchBanner.
const RoleHopSwitchBanner = (() => {
  const { t, h, safeColor, textColorOn, guardedHost, styleElement } = RoleHopUI;

  const CSS = `
    :host { all: initial; }
    .banner {
      box-sizing: border-box; display: flex; align-items: center; gap: 8px; flex-wrap: wrap;
      max-width: 460px; padding: 8px 10px; border-radius: 8px;
      font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
      color: #1d1d1f; background: #fff; border: 1px solid #c9ccd1; border-left: 4px solid #5b6cff;
      box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18);
    }
    .banner[data-tone="warn"] { border-left-color: #d9480f; }
    .banner[data-tone="ok"] { border-left-color: #2b8a3e; }
    .brand { font-weight: 700; }
    .chip { padding: 1px 8px; border-radius: 10px; font-weight: 600; white-space: nowrap; }
    .chip[hidden], button[hidden] { display: none; }
    .text { flex: 1 1 200px; min-width: 0; overflow-wrap: anywhere; }
    button {
      font: inherit; padding: 3px 10px; border-radius: 6px; cursor: pointer;
      border: 1px solid #5b6cff; background: #5b6cff; color: #fff;
    }
    button.close { border-color: transparent; background: transparent; color: inherit; padding: 0 6px; font-size: 16px; }
    button:focus-visible { outline: 2px solid #ffb100; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .banner { color: #eceef2; background: #23252b; border-color: #454a55; }
      button.close { color: #eceef2; }
    }
  `;

  /**
   * @typedef {object} BannerView
   * @property {'looking' | 'ready' | 'submitting' | 'invalid' | 'not-found' | 'hand' | 'saved' | 'error'} state
   * @property {string} text what RoleHop does, already localised
   * @property {'info' | 'ok' | 'warn'} [tone]
   * @property {{displayName: string, color?: string} | null} [profile] shown as a coloured chip
   * @property {string | null} [action] the action button's label (hidden when null)
   */

  /**
   * @param {{onAction: () => void}} handlers `onAction` runs on a real (isTrusted) click or key press only
   */
  function create({ onAction }) {
    const { root, dispose } = guardedHost('switch-banner', 'top: 12px; right: 12px');
    const chip = h('span', { class: 'chip', hidden: '' });
    const text = h('span', { class: 'text' });
    const action = h('button', { type: 'button', class: 'action', hidden: '' });
    const close = h('button', { type: 'button', class: 'close', 'aria-label': t('switchBannerClose'), title: t('switchBannerClose') }, ['×']);
    const banner = h('section', { class: 'banner', role: 'status', 'aria-live': 'polite', 'data-state': 'looking', lang: t('htmlLang') || 'en' }, [
      h('span', { class: 'brand' }, ['RoleHop']),
      chip,
      text,
      action,
      close,
    ]);
    root.append(styleElement(CSS), banner);

    // Pages can dispatch synthetic events at the host but cannot reach inside a closed root; the
    // isTrusted check makes sure only the person at the keyboard or mouse triggers an action.
    action.addEventListener('click', (event) => {
      if (event.isTrusted) onAction();
    });
    close.addEventListener('click', (event) => {
      if (event.isTrusted) dispose();
    });

    /** @param {BannerView} view */
    function show(view) {
      banner.dataset.state = view.state;
      banner.dataset.tone = view.tone ?? 'info';
      text.textContent = view.text;
      const color = safeColor(view.profile?.color);
      if (view.profile) {
        chip.textContent = view.profile.displayName;
        chip.hidden = false;
        chip.style.background = color ?? '#5b6cff';
        chip.style.color = textColorOn(chip, color ?? '#5b6cff');
      } else {
        chip.hidden = true;
      }
      if (view.action) {
        action.textContent = view.action;
        action.hidden = false;
      } else {
        action.hidden = true;
      }
    }

    return { show };
  }

  return Object.freeze({ create });
})();
