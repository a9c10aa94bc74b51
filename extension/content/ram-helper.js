// The RAM console (https://ram.console.aliyun.com, https://ram.console.alibabacloud.com): the
// tutorial helper panel. Asks the service worker (ramHelper.context) which tutorial step the user
// is on and what is done on this page, shows the values and policy documents to paste with copy
// buttons, and checks the page: on a role or user detail page it reads the rendered permissions
// list (after the single-page app renders it; bounded wait) and says "attached" or "not attached"
// only when it found and read the list, "could not read the page" otherwise; on a role's trust
// policy tab it sends the policy text to the worker, whose core decides whether it trusts B.
// Follows the app's own navigation (history API routes) by watching the address.
// RoleHopUI (rolehop-ui.js) comes from the manifest's console entry, which matches every
// *.console.aliyun.com / *.console.alibabacloud.com page and so runs before this one in the same
// isolated world (a second copy would redeclare its global).
(() => {
  const { t, coreMessage, coreSentences } = RoleHopUI;
  const Reader = RoleHopRamReader;
  const HOSTS = ['ram.console.aliyun.com', 'ram.console.alibabacloud.com'];
  if (!HOSTS.includes(location.hostname) || window.top !== window) return;

  /** How long the app may take to render a permissions list before "could not read the page". */
  const WAIT_MS = 10_000;
  /** A list must say "not attached" this long before RoleHop repeats it (a list may render empty first). */
  const SETTLE_MS = 600;
  const READ_INTERVAL_MS = 120;
  const ROUTE_POLL_MS = 400;
  const PROGRESS_DEBOUNCE_MS = 250;
  const lang = (t('htmlLang') || 'en').startsWith('zh') ? 'zh' : 'en';

  /** @typedef {import('../shared/contract').RamHelperContext} Context */
  /** @typedef {import('../shared/contract').RamHelperTrust} Trust */
  /** @typedef {import('../shared/contract').RamHelperStepRef} StepRef */
  /** @typedef {{error: {kind: string, message: string}}} Failure */
  /**
   * @typedef {object} CheckState one attachment check while the page is read
   * @property {Context['checks'][number]} check
   * @property {number | null} notAttachedSince when the list first read "not attached" (settling)
   */

  // Whether the person collapsed the panel is remembered by the service worker (ramHelper.panel;
  // content scripts cannot reach storage).
  const panel = RoleHopRamPanel.create({
    onToggle: (expanded) => void send({ type: 'ramHelper.panel', collapsed: !expanded }),
  });
  void send({ type: 'ramHelper.panel' }).then((/** @type {{collapsed?: boolean}} */ reply) => {
    if (reply.collapsed === true) panel.setExpanded(false);
  });
  let route = currentRoute();
  let generation = 0;
  /** @type {CheckState[]} */
  let checks = [];
  let trustWanted = false;
  /** The trust policy text last sent to the worker. */
  let trustSent = '';
  let expired = false;
  /** @type {MutationObserver | null} */
  let observer = null;
  /** Stops the current page's planned reads. */
  let cancelReads = () => {};

  function currentRoute() {
    return `${location.pathname}${location.search}${location.hash}`;
  }

  /** Sends a message to the service worker; a failure to reach it comes back as `{error}`. */
  function send(/** @type {Record<string, unknown>} */ message) {
    return chrome.runtime.sendMessage(message).then(
      (reply) => reply ?? { error: { kind: 'internal', message: 'no answer from the service worker' } },
      (e) => ({ error: { kind: 'internal', message: String(e?.message ?? e) } }),
    );
  }

  // The app navigates with the history API, which content scripts cannot hook: watch the address.
  const onRoute = () => {
    if (currentRoute() === route) return;
    route = currentRoute();
    void load();
  };
  setInterval(onRoute, ROUTE_POLL_MS);
  window.addEventListener('popstate', onRoute);
  window.addEventListener('hashchange', onRoute);
  // Steps marked done (or values changed) in the workbench show here at once: the service worker
  // tells the tabs showing the panel (background/ram-panel-state.js). The message carries nothing:
  // the panel asks for its context again, and the worker reads and decides.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let progressTimer;
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only RoleHop's own service worker (a message from a tab would carry sender.tab).
    if (sender.id !== chrome.runtime.id || sender.tab !== undefined) return;
    if (typeof message !== 'object' || message === null || message.type !== 'ramHelper.progressChanged' || Object.keys(message).length !== 1) return;
    sendResponse({ ok: true });
    clearTimeout(progressTimer);
    progressTimer = setTimeout(() => void load(), PROGRESS_DEBOUNCE_MS);
  });
  void load();

  async function load() {
    const gen = ++generation;
    stopReading();
    panel.render({ state: 'loading', page: '', title: t('ramHelperLoading'), lines: [], values: [], policies: [], checks: [] });
    /** @type {Context | Failure} */
    const reply = await send({ type: 'ramHelper.context', path: route });
    if (gen !== generation) return;
    if ('error' in reply) {
      panel.render({ state: 'error', page: '', title: t('ramHelperTitle'), lines: [t('ramHelperError', [reply.error.message])], values: [], policies: [], checks: [] });
      return;
    }
    render(reply);
    startReading(gen, reply);
  }

  /** @param {StepRef} step */
  function stepText(step) {
    return t('ramHelperStep', [String(step.tutorialStep), coreMessage(step.title)]);
  }

  /** @param {Context} context */
  function render(context) {
    const base = { page: context.page.kind, values: [], policies: [], checks: [] };
    if (context.state === 'no-progress') {
      panel.render({ ...base, state: 'no-progress', title: t('ramHelperTitle'), lines: [t('ramHelperNoProgress')] });
      return;
    }
    if (context.state === 'invalid-inputs') {
      panel.render({ ...base, state: 'invalid-inputs', title: t('ramHelperTitle'), lines: [t('ramHelperInvalidInputs', [context.problem?.message ?? ''])] });
      return;
    }
    const { progress, step } = context;
    const next = progress?.next;
    const lines = [];
    if (progress) {
      lines.push(`${t('ramHelperProgress', [String(progress.done), String(progress.total)])} ${next ? t('ramHelperNext', [stepText(next)]) : t('ramHelperAllDone')}`);
    }
    if (step) lines.push(`${t('ramHelperOnThisPage', [stepText(step)])}${step.done ? ` ${t('ramHelperStepDone')}` : ''}`);
    else lines.push(t('ramHelperNothingHere'));
    if (context.tutorialSite && context.tutorialSite !== context.site) {
      lines.push(t('ramHelperSiteMismatch', [t(`ramHelperSite_${context.tutorialSite}`), t(`ramHelperSite_${context.site}`)]));
    }
    if (context.otherSubject) {
      const key = context.otherSubject.kind === 'role' ? 'ramHelperOtherRole' : 'ramHelperOtherUser';
      lines.push(t(key, [context.otherSubject.name, context.otherSubject.expected]));
    }
    if (context.problem) lines.push(t('ramHelperInvalidInputs', [context.problem.message]));
    const link = !step && next?.consolePath?.url && isConsoleLink(next.consolePath.url)
      ? { text: coreMessage(next.consolePath.path), href: next.consolePath.url }
      : null;
    checks = context.checks.map((check) => ({ check, notAttachedSince: null }));
    trustWanted = context.trustCheck;
    trustSent = '';
    panel.render({
      ...base,
      state: 'ready',
      path: route,
      stepId: step?.id ?? '',
      title: step ? stepText(step) : next ? t('ramHelperNext', [stepText(next)]) : t('ramHelperAllDone'),
      lines,
      link,
      values: (step?.values ?? []).map((v) => ({ label: coreMessage(v.label), value: v.value, ...(v.copyId ? { copyId: v.copyId } : {}) })),
      policies: context.policies.map((p) => ({ name: p.name, title: coreMessage(p.title), text: p.text, copyId: p.copyId, ...(p.assumed ? { note: t('ramHelperPolicyAssumed') } : {}) })),
      checks: [
        ...checks.map(({ check }) => ({ id: check.id, state: 'checking', text: t('ramHelperChecking', [subjectText(check)]) })),
        ...(trustWanted ? [{ id: 'trust', state: 'absent', text: t('ramHelperTrustOpenTab') }] : []),
      ],
      ...(context.chain ? { chain: context.chain } : {}),
    });
  }

  /** Links only to the consoles' and the sign-in pages' own hosts. @param {string} href */
  function isConsoleLink(href) {
    try {
      const url = new URL(href);
      return url.protocol === 'https:' && /^(?:ram\.console|signin)\.(?:aliyun|alibabacloud)\.com$/.test(url.hostname);
    } catch {
      return false;
    }
  }

  /** @param {Context['checks'][number]} check */
  function subjectText(check) {
    if (check.subject === 'role') return t('ramHelperSubjectRole', [check.name ?? '']);
    return check.name ? t('ramHelperSubjectUser', [check.name]) : t('ramHelperSubjectThisUser');
  }

  function stopReading() {
    observer?.disconnect();
    observer = null;
    cancelReads();
    cancelReads = () => {};
    checks = [];
    trustWanted = false;
    expired = false;
  }

  /** @param {number} gen @param {Context} context */
  function startReading(gen, context) {
    if (context.checks.length === 0 && !context.trustCheck) return;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let pending;
    let due = 0;
    // Throttled, not debounced: a page that never stops changing (a ticking clock) is still read
    // every READ_INTERVAL_MS. An earlier read already planned is kept.
    const schedule = (/** @type {number} */ delay) => {
      const at = Date.now() + delay;
      if (pending !== undefined && due <= at) return;
      clearTimeout(pending);
      due = at;
      pending = setTimeout(() => {
        pending = undefined;
        if (gen === generation) evaluate(gen, schedule);
      }, delay);
    };
    observer = new MutationObserver(() => schedule(READ_INTERVAL_MS));
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'hidden', 'aria-hidden', 'aria-busy', 'aria-selected', 'style'],
    });
    const deadline = setTimeout(() => {
      expired = true;
      if (gen === generation) evaluate(gen, schedule);
    }, WAIT_MS);
    cancelReads = () => {
      clearTimeout(deadline);
      clearTimeout(pending);
    };
    evaluate(gen, schedule);
  }

  /**
   * Reads the page once and updates the check lines.
   * @param {number} gen
   * @param {(delay: number) => void} schedule asks for another read later
   */
  function evaluate(gen, schedule) {
    for (const state of checks) {
      const { check } = state;
      const result = Reader.readAttachments(document, check.policies);
      const subject = subjectText(check);
      if (result.state !== 'not-attached') state.notAttachedSince = null;
      if (result.state === 'attached') {
        show(state, 'attached', t('ramHelperAttached', [result.found ?? '', subject]));
      } else if (result.state === 'not-attached') {
        const now = Date.now();
        state.notAttachedSince ??= now;
        if (now - state.notAttachedSince >= SETTLE_MS) {
          const names = check.policies.length > 1 ? t('ramHelperEither', [check.policies[0], check.policies.slice(1).join(' / ')]) : check.policies[0];
          show(state, 'not-attached', t('ramHelperNotAttached', [names, subject]));
        } else {
          schedule(SETTLE_MS);
        }
      } else if (result.state === 'unreadable' && result.reason === 'paged') {
        show(state, 'unreadable', t('ramHelperUnreadable', [t('ramHelperUnreadablePaged')]));
      } else if (expired) {
        const reason = result.reason === 'loading' ? 'ramHelperUnreadableLoading' : 'ramHelperUnreadableMissing';
        show(state, 'unreadable', t('ramHelperUnreadable', [t(reason)]));
      } else {
        show(state, 'checking', t('ramHelperChecking', [subject]));
      }
    }
    if (trustWanted) readTrust(gen);
  }

  /** @param {CheckState} state @param {string} shown @param {string} text */
  function show(state, shown, text) {
    panel.updateCheck({ id: state.check.id, state: shown, text });
  }

  /** @param {number} gen */
  function readTrust(gen) {
    const found = Reader.readTrustPolicy(document);
    if (found.state !== 'found' || !found.text) {
      trustSent = '';
      if (found.state === 'unreadable') panel.updateCheck({ id: 'trust', state: 'unreadable', text: t('ramHelperTrustUnreadable') });
      else panel.updateCheck({ id: 'trust', state: 'absent', text: t('ramHelperTrustOpenTab') });
      return;
    }
    if (found.text === trustSent) return;
    const text = found.text;
    trustSent = text;
    panel.updateCheck({ id: 'trust', state: 'checking', text: t('ramHelperTrustChecking') });
    void send({ type: 'ramHelper.checkTrust', policy: text }).then((/** @type {Trust | Failure} */ reply) => {
      if (gen !== generation || trustSent !== text) return;
      const line = 'error' in reply ? { state: 'error', text: t('ramHelperTrustError', [reply.error.message]) } : trustLine(reply);
      panel.updateCheck({ id: 'trust', ...line });
    });
  }

  /** @param {Trust} trust @returns {{state: string, text: string}} */
  function trustLine(trust) {
    const account = trust.account ?? '';
    const warning = trust.findings.find((f) => f.level === 'security-warning');
    // Sentences follow each other with a space in English, none in Chinese.
    const gap = lang === 'zh' ? '' : ' ';
    const note = warning ? `${gap}${t('ramHelperTrustWarning', [coreMessage(warning.message)])}` : '';
    switch (trust.verdict) {
      case 'trusts':
        return { state: 'trusts', text: `${t('ramHelperTrustTrusts', [account, trust.principals.map((p) => p.principal).join(', ')])}${note}` };
      case 'partly':
        return { state: 'partly', text: t('ramHelperTrustPartly', [account, trust.principals.filter((p) => !p.allowed).map((p) => p.principal).join(', ')]) };
      case 'does-not-trust': {
        const denied = trust.principals.find((p) => !p.allowed);
        return { state: 'does-not-trust', text: `${t('ramHelperTrustNotTrusted', [account])}${gap}${coreSentences(denied?.explanation)}`.trim() };
      }
      case 'invalid': {
        const error = trust.findings.find((f) => f.level === 'error');
        const why = error ? `${coreMessage(error.message)}${error.path ? ` (${error.path})` : ''}` : trust.problem?.message ?? '';
        return { state: 'invalid', text: t('ramHelperTrustInvalid', [why]) };
      }
      default:
        return { state: 'unreadable', text: t('ramHelperNoProgress') };
    }
  }
})();
