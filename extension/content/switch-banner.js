// The RoleHop banner on the Switch Role page: one line saying what RoleHop does (or why it does
// nothing), the profile's colour and name when the switch came from RoleHop, and at most one
// action button. A strip along the top of the window that the page makes room for
// (RoleHopUI.takeRoom), so it never covers the form's fields or its submit button; drawn in a
// closed shadow root in the top layer (RoleHopUI.guardedHost), so the page can neither read nor
// fake it. A classic script; its one global is RoleHopSwitchBanner.
const RoleHopSwitchBanner = (() => {
  const { t, h, safeColor, textColorOn, guardedHost, themedStyle, takeRoom } = RoleHopUI;

  /** A profile without a colour gets a neutral grey chip (as the console's identity strip does). */
  const NO_PROFILE_COLOR = '#59636e';
  const CSS = `
    .banner {
      display: flex; align-items: center; gap: 4px 12px; flex-wrap: wrap; padding: 6px 8px 6px 12px;
      background: var(--card); border-bottom: 1px solid var(--border); border-left: 4px solid var(--accent);
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12);
    }
    .banner[data-tone="warn"] { border-left-color: var(--warn); background: var(--warn-bg); }
    .banner[data-tone="ok"] { border-left-color: var(--pass); }
    .brand { font-weight: 700; color: var(--accent-ink); }
    .chip { padding: 0 8px; border-radius: 10px; font-weight: 600; overflow-wrap: anywhere; }
    .chip[hidden], button[hidden] { display: none; }
    .text { flex: 1 1 240px; min-width: 0; overflow-wrap: anywhere; }
    button {
      padding: 3px 12px; border-radius: 6px; cursor: pointer;
      border: 1px solid var(--accent-ink); background: var(--accent-ink); color: var(--bg);
    }
    button:hover { background: var(--accent); border-color: var(--accent); color: #000; }
    button.close { display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px; padding: 0; border-color: transparent; background: transparent; color: var(--ink); }
    button.close svg { width: 16px; height: 16px; stroke: currentColor; stroke-width: 2; }
    button.close:hover { background: color-mix(in srgb, var(--ink) 10%, transparent); color: var(--ink); }
    button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
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
    const { root, dispose } = guardedHost('switch-banner', 'top: 0; left: 0; right: 0; max-width: none');
    const chip = h('span', { class: 'chip', hidden: '' });
    const text = h('span', { class: 'text' });
    const action = h('button', { type: 'button', class: 'action', hidden: '' });
    const cross = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    cross.setAttribute('viewBox', '0 0 24 24');
    cross.setAttribute('aria-hidden', 'true');
    const stroke = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    stroke.setAttribute('d', 'M6 6l12 12M18 6L6 18');
    cross.append(stroke);
    const close = h('button', { type: 'button', class: 'close', 'aria-label': t('switchBannerClose'), title: t('switchBannerClose') }, [cross]);
    const banner = h('section', { class: 'banner rolehop-theme', role: 'status', 'aria-live': 'polite', 'data-state': 'looking', lang: t('htmlLang') || 'en' }, [
      h('span', { class: 'brand' }, ['RoleHop']),
      chip,
      text,
      action,
      close,
    ]);
    root.append(themedStyle(CSS), banner);
    // The page keeps the banner's height free at its top, however often it wraps.
    const sizes = new ResizeObserver(() => takeRoom('switch-banner', { top: banner.getBoundingClientRect().height }));
    sizes.observe(banner);

    // Pages can dispatch synthetic events at the host but cannot reach inside a closed root; the
    // isTrusted check makes sure only the person at the keyboard or mouse triggers an action.
    action.addEventListener('click', (event) => {
      if (event.isTrusted) onAction();
    });
    close.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      sizes.disconnect();
      dispose();
      takeRoom('switch-banner', {});
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
        chip.style.background = color ?? NO_PROFILE_COLOR;
        chip.style.color = textColorOn(chip, color ?? NO_PROFILE_COLOR);
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
