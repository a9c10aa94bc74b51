// The RAM console helper panel, in a closed shadow root in the top layer (RoleHopUI.guardedHost, so
// the page can neither read, restyle nor fake it): the tutorial step, the values and policy
// documents to paste with copy buttons, and the page checks. It is docked, and the page makes room
// for it (RoleHopUI.takeRoom), so it never covers the page's columns: at the right edge below the
// identity strip in a window at least SIDE_DOCK_MIN_WIDTH wide, else across the top below the strip
// (the page's content starts below it; at the bottom it would cover whatever the page shows there).
// Collapsed, it is a narrow rail at the right (its toggle where the collapse button was) or its one
// header line at the top.
// It only draws what it is given; ram-helper.js decides what. Copy buttons act on real (isTrusted)
// clicks only, and never copy from the page: the service worker copies the value it gave the panel
// (ramHelper.copy, by copy id), so the page sees no `copy` event and cannot change what is copied.
// When the worker cannot copy, the value is shown selected for the person to copy with Ctrl+C, and
// the panel says so. A classic script; its one global is RoleHopRamPanel.
const RoleHopRamPanel = (() => {
  const { t, h, coreMessage, guardedHost, themedStyle, takeRoom, roomTaken, onRoomChange } = RoleHopUI;

  /** Narrower windows get the panel across the top: a side panel would leave the page too little. */
  const SIDE_DOCK_MIN_WIDTH = 1000;
  const SIDE_WIDTH = 360;
  const CSS = `
    .panel {
      display: flex; flex-direction: column; overflow: hidden; background: var(--bg);
      border: 0 solid var(--border); box-shadow: 0 0 12px rgba(0, 0, 0, 0.12);
    }
    .panel[data-dock="side"] { width: ${SIDE_WIDTH}px; max-height: var(--rolehop-max-height, 100vh); border-left-width: 1px; border-bottom-width: 1px; border-bottom-left-radius: 8px; }
    .panel[data-dock="top"] { max-height: 40vh; border-bottom-width: 1px; }
    .panel[data-dock="side"][data-expanded="false"] { width: auto; }
    header { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 12px; border-top: 3px solid var(--accent); }
    .panel[data-dock="side"][data-expanded="false"] header { flex-direction: column; padding: 6px; }
    .panel[data-dock="side"][data-expanded="false"] .title { display: none; }
    .panel[data-dock="side"][data-expanded="false"] .brand { writing-mode: vertical-rl; }
    /* The rail's toggle sits where the collapse button was (first; the tab order is unchanged). */
    .panel[data-dock="side"][data-expanded="false"] .toggle { order: -1; }
    .brand { font-weight: 700; color: var(--accent-ink); }
    .title { flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .body { overflow: auto; padding: 0 12px 12px; }
    .body[hidden] { display: none; }
    p { margin: 6px 0; }
    .muted { color: var(--muted); }
    h2 { font-size: var(--text-small); margin: 12px 0 4px; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
    .value { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; align-items: center; margin: 6px 0; }
    .value .label { grid-column: 1 / -1; color: var(--muted); font-size: var(--text-small); }
    code, pre { font: var(--text-code)/1.45 var(--font-code); overflow-wrap: anywhere; }
    code { background: var(--code-bg); padding: 1px 4px; border-radius: 4px; }
    pre { margin: 4px 0; padding: 6px 8px; background: var(--code-bg); border-radius: 4px; max-height: 160px; overflow: auto; white-space: pre; }
    .policy-head { display: flex; align-items: center; gap: 8px; justify-content: space-between; margin-top: 8px; }
    details { margin: 2px 0 6px; }
    summary { cursor: pointer; color: var(--muted); font-size: var(--text-small); }
    ul.checks { list-style: none; margin: 6px 0 0; padding: 0; }
    ul.checks li { margin: 4px 0; padding: 4px 8px; border: 1px solid var(--border); border-left: 4px solid var(--muted); border-radius: 6px; background: var(--card); }
    ul.checks li:is([data-state="attached"], [data-state="trusts"]) { border-left-color: var(--pass); }
    ul.checks li:is([data-state="not-attached"], [data-state="does-not-trust"], [data-state="partly"], [data-state="invalid"]) { border-left-color: var(--fail); }
    ul.checks li:is([data-state="unreadable"], [data-state="error"]) { border-left-color: var(--warn); }
    button {
      padding: 2px 10px; border-radius: 6px; cursor: pointer; white-space: nowrap;
      border: 1px solid var(--accent-ink); background: transparent; color: var(--accent-ink);
    }
    button:hover { background: color-mix(in srgb, var(--accent) 12%, transparent); }
    button[data-copied="true"] { color: var(--pass); border-color: var(--pass); }
    button[data-copied="false"] { color: var(--warn); border-color: var(--warn); }
    button.toggle { display: inline-flex; align-items: center; justify-content: center; padding: 0; width: 28px; height: 28px; color: var(--ink); border-color: var(--border); }
    button.toggle svg { width: 16px; height: 16px; fill: none; stroke: currentColor; stroke-width: 2; }
    .manual { margin: 4px 0 8px; padding: 6px 8px; border-radius: 6px; border-left: 4px solid var(--warn); background: var(--warn-bg); }
    .manual p { margin: 0 0 4px; }
    .manual textarea {
      width: 100%; max-height: 160px; resize: vertical; margin: 0; padding: 4px;
      font: var(--text-code)/1.45 var(--font-code); color: inherit; background: var(--field);
      border: 1px solid var(--border); border-radius: 4px;
    }
    .manual textarea:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible, pre:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    a { color: var(--accent-ink); }
  `;
  /** The toggle's chevron, pointing where the panel goes: right/left (side), up/down (top). */
  const CHEVRONS = { side: { true: 'M9 5l7 7-7 7', false: 'M15 5l-7 7 7 7' }, top: { true: 'M5 15l7-7 7 7', false: 'M5 9l7 7 7-7' } };

  /** @typedef {{label: string, value: string, copyId?: string}} PanelValue a copy button when copyId is given */
  /** @typedef {{name: string, title: string, text: string, note?: string, copyId?: string}} PanelPolicy `name` as RAM knows it, `title` as the panel shows it */
  /** @typedef {{id: string, state: string, text: string}} PanelCheck */

  /**
   * @typedef {object} PanelView
   * @property {string} state `ready`, `no-progress`, `invalid-inputs`, `error`, `loading`
   * @property {string} page the page kind (data attribute for tests and styling)
   * @property {string} [path] the route the values are for (sent back with a copy button's id)
   * @property {string} title the one line shown when collapsed
   * @property {string} [stepId]
   * @property {string[]} lines paragraphs (progress, where, notes)
   * @property {{text: string, href: string} | null} [link] where the next step is done
   * @property {PanelValue[]} values
   * @property {PanelPolicy[]} policies
   * @property {PanelCheck[]} checks
   * @property {import('../shared/contract').ChainLink[]} [chain] the workbench's last checks run (chain-picture.js)
   */

  /**
   * @param {{onToggle?: (expanded: boolean) => void}} [handlers] `onToggle` runs after the person
   *   opens or collapses the panel (to remember it)
   */
  function create({ onToggle } = {}) {
    const host = guardedHost('ram-helper', 'top: 0; right: 0');
    const title = h('span', { class: 'title' });
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const chevron = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    svg.append(chevron);
    const toggle = h('button', { type: 'button', class: 'toggle', 'aria-expanded': 'true' }, [svg]);
    const body = h('div', { class: 'body', id: 'rolehop-ram-body' });
    toggle.setAttribute('aria-controls', 'rolehop-ram-body');
    const panel = h('section', { class: 'panel rolehop-theme', 'aria-label': t('ramHelperPanelLabel'), lang: t('htmlLang') || 'en', 'data-state': 'loading' }, [
      h('header', {}, [h('span', { class: 'brand' }, ['RoleHop']), title, toggle]),
      body,
    ]);
    const status = h('div', { role: 'status', 'aria-live': 'polite', style: 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)' });
    host.root.append(themedStyle(CSS + RoleHopChainPicture.CSS), panel, status);

    const wide = matchMedia(`(min-width: ${SIDE_DOCK_MIN_WIDTH}px)`);
    /** Docks the panel for the window's width, below the room others took at the top (the identity strip). */
    function dock() {
      const side = wide.matches;
      const top = roomTaken('ram-helper').top;
      panel.dataset.dock = side ? 'side' : 'top';
      panel.style.setProperty('--rolehop-max-height', `calc(100vh - ${top}px)`);
      host.place(side ? `top: ${top}px; right: 0` : `top: ${top}px; left: 0; right: 0; max-width: none`);
      chevron.setAttribute('d', CHEVRONS[side ? 'side' : 'top'][body.hidden ? 'false' : 'true']);
    }
    // The page keeps the panel's width (side) or height (top) free.
    const giveRoom = () => {
      const box = panel.getBoundingClientRect();
      takeRoom('ram-helper', panel.dataset.dock === 'side' ? { right: box.width } : { top: box.height });
    };
    new ResizeObserver(giveRoom).observe(panel);
    wide.addEventListener('change', () => {
      dock();
      giveRoom();
    });
    onRoomChange(dock);

    function setExpanded(/** @type {boolean} */ open) {
      body.hidden = !open;
      panel.dataset.expanded = String(open);
      toggle.setAttribute('aria-expanded', String(open));
      const label = t(open ? 'ramHelperCollapse' : 'ramHelperExpand');
      toggle.setAttribute('aria-label', label);
      toggle.title = label;
      dock();
    }
    setExpanded(true);
    toggle.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      setExpanded(body.hidden);
      onToggle?.(!body.hidden);
    });

    let copying = false;

    /**
     * A copy button for `text` (labelled for screen readers with what it copies). The worker copies
     * it (ramHelper.copy); `place` is where the text is shown selected when it cannot.
     * @param {string} what @param {string} text @param {string} copyId @param {string} path
     * @param {(manual: HTMLElement) => void} place puts the by-hand box next to the value
     */
    function copyButton(what, text, copyId, path, place) {
      const button = h('button', { type: 'button', class: 'copy', 'aria-label': t('ramHelperCopyLabel', [what]) }, [t('ramHelperCopy')]);
      button.addEventListener('click', (event) => {
        // One copy at a time (the worker refuses a second one meanwhile): a double click copies once.
        if (!event.isTrusted || copying) return;
        copying = true;
        void copyThroughWorker(path, copyId).then((copied) => {
          copying = false;
          button.dataset.copied = String(copied);
          button.textContent = t(copied ? 'ramHelperCopied' : 'ramHelperCopyFailed');
          if (copied) {
            status.textContent = t('ramHelperCopiedWhat', [what]);
            setTimeout(() => {
              button.textContent = t('ramHelperCopy');
              delete button.dataset.copied;
            }, 2000);
          } else {
            status.textContent = t('ramHelperCopyManual', [what]);
            place(copyByHand(what, text));
          }
        });
      });
      return button;
    }

    /**
     * Asks the service worker to copy the value with this id; resolves to whether it did.
     * @param {string} path @param {string} copyId
     */
    function copyThroughWorker(path, copyId) {
      return chrome.runtime.sendMessage({ type: 'ramHelper.copy', path, copyId }).then(
        (reply) => reply?.copied === true,
        () => false,
      );
    }

    /**
     * The value shown selected, to copy with Ctrl+C, and the sentence saying so (one such box in
     * the panel at a time). The copy event of that key press is the page's to see (it is composed):
     * the box answers it itself, at its target, with its own text, and stops it there, so a
     * listener of the page that bubbles cannot change what is copied.
     * @param {string} what @param {string} text
     */
    function copyByHand(what, text) {
      body.querySelector('.manual')?.remove();
      const area = /** @type {HTMLTextAreaElement} */ (h('textarea', { readonly: '', rows: String(Math.min(8, text.split('\n').length)), spellcheck: 'false', 'aria-label': what }, [text]));
      area.addEventListener('copy', (event) => {
        const selected = area.value.slice(area.selectionStart, area.selectionEnd) || area.value;
        event.clipboardData?.setData('text/plain', selected);
        event.preventDefault();
        event.stopPropagation();
      });
      const box = h('div', { class: 'manual', 'data-manual': what }, [h('p', {}, [t('ramHelperCopyManual', [what])]), area]);
      queueMicrotask(() => {
        area.focus();
        area.select();
      });
      return box;
    }

    /** @param {PanelView} view */
    function render(view) {
      panel.dataset.state = view.state;
      panel.dataset.page = view.page;
      panel.dataset.step = view.stepId ?? '';
      title.textContent = view.title;
      title.title = view.title;
      /** @type {Node[]} */
      const parts = view.lines.map((line) => h('p', {}, [line]));
      if (view.link) parts.push(h('p', {}, [h('a', { href: view.link.href, class: 'next-link' }, [view.link.text])]));
      if (view.checks.length > 0) {
        parts.push(h('h2', {}, [t('ramHelperChecks')]));
        parts.push(h('ul', { class: 'checks' }, view.checks.map((c) => h('li', { 'data-check': c.id, 'data-state': c.state }, [c.text]))));
      }
      if (view.chain) {
        parts.push(
          h('h2', {}, [t('ramHelperChainHeading')]),
          RoleHopChainPicture.draw(view.chain, { t, coreMessage }),
          h('p', { class: 'muted' }, [t('ramHelperChainNote')]),
        );
      }
      if (view.values.length > 0) {
        parts.push(h('h2', {}, [t('ramHelperValues')]));
        for (const v of view.values) {
          const row = h('div', { class: 'value', 'data-label': v.label }, [h('span', { class: 'label' }, [v.label]), h('code', {}, [v.value])]);
          if (v.copyId) row.append(copyButton(v.label, v.value, v.copyId, view.path ?? '', (manual) => row.after(manual)));
          parts.push(row);
        }
      }
      if (view.policies.length > 0) {
        parts.push(h('h2', {}, [t('ramHelperPolicies')]));
        for (const p of view.policies) {
          // The document folds away (the copy button is what is needed most); the note stays visible.
          const head = h('div', { class: 'policy-head', 'data-policy': p.name }, [h('strong', {}, [p.title])]);
          if (p.copyId) head.append(copyButton(p.title, p.text, p.copyId, view.path ?? '', (manual) => head.after(manual)));
          parts.push(
            head,
            h('details', {}, [h('summary', {}, [t('ramHelperShowDocument')]), h('pre', { tabindex: '0', 'aria-label': p.title }, [p.text])]),
          );
          if (p.note) parts.push(h('p', { class: 'muted' }, [p.note]));
        }
      }
      body.replaceChildren(...parts);
    }

    /**
     * Updates one check's line in place (the rest of the panel, and any focus in it, stays).
     * @param {PanelCheck} check
     */
    function updateCheck(check) {
      const item = [...body.querySelectorAll('li[data-check]')].find((li) => li.getAttribute('data-check') === check.id);
      if (!item) return false;
      if (item.getAttribute('data-state') !== check.state) status.textContent = check.text;
      item.setAttribute('data-state', check.state);
      item.textContent = check.text;
      return true;
    }

    return { render, updateCheck, setExpanded };
  }

  return Object.freeze({ create });
})();
