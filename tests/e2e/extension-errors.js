// Uncaught exceptions in every JavaScript context of the browser, sorted into the extension's own
// (its service worker, its pages, offscreen documents, and its content scripts: the isolated
// worlds and MAIN-world scripts it injects into web pages) and the web pages' own.
//
// Playwright reports uncaught errors of a page's main world only (`weberror`); an exception in a
// content script's isolated world or in the service worker never reaches it. So this watches the
// whole browser over one browser-level DevTools session: it discovers every target (tabs, frames
// in their own process, workers, the service worker, extension pages) and attaches to each
// (non-flat sessions, beside Playwright's own), with `Runtime.enable`, whose
// `Runtime.exceptionThrown` covers every world of the target. V8 replays the exceptions a target
// threw before the attach when the domain is enabled, so nothing is lost to the attach's delay;
// `Runtime.exceptionRevoked` (a rejection handled late) takes one back.

/** @typedef {import('playwright-core').Browser} Browser */

/**
 * @typedef {object} ExceptionDetails the fields of CDP Runtime.ExceptionDetails read here
 * @property {number} exceptionId
 * @property {string} text
 * @property {string} [url]
 * @property {number} [lineNumber]
 * @property {number} [columnNumber]
 * @property {number} [executionContextId]
 * @property {{callFrames: Array<{url: string, lineNumber: number, columnNumber: number, functionName: string}>}} [stackTrace]
 * @property {{description?: string, value?: unknown}} [exception]
 */

/** @typedef {{id: number, origin: string, name: string, auxData?: {type?: string, isDefault?: boolean, frameId?: string}}} ContextInfo */

/**
 * @typedef {object} SeenException one uncaught exception, with where it was thrown
 * @property {string} targetType `page`, `iframe`, `service_worker`, ...
 * @property {string} targetUrl the document or worker that threw it
 * @property {ContextInfo | undefined} context the world it was thrown in (page targets)
 * @property {ExceptionDetails} details
 */

/**
 * @typedef {object} SeenLog one console API call, with where it was made
 * @property {string} level `log`, `warning`, `error`, ...
 * @property {string} targetType
 * @property {string} targetUrl
 * @property {ContextInfo | undefined} context
 * @property {{text: string, url?: string, stackTrace?: ExceptionDetails['stackTrace']}} details its arguments as text, and where
 */

/**
 * @typedef {object} ErrorWatch
 * @property {(extensionId: string) => Promise<string[]>} extensionErrors the extension's
 *   exceptions not yet taken, each as one readable line (after every attached target has
 *   delivered what it threw so far)
 * @property {(extensionId: string) => Promise<string[]>} takeExtensionErrors the same, and
 *   forgets them (a test that provokes one on purpose takes it)
 * @property {(extensionId: string) => Promise<string[]>} pageErrors the web pages' own exceptions
 *   (fixture pages may throw on purpose; not the extension's)
 * @property {(extensionId: string) => Promise<string[]>} extensionLogs every console message the
 *   extension wrote so far (any level, in any of its worlds), each as `level: text`: a test that
 *   handles secrets asserts none of them is there
 * @property {() => Promise<void>} stop
 */

/** Targets without JavaScript of their own, or the browser's own UI. */
const SKIPPED_TARGETS = new Set(['browser', 'tab', 'browser_ui', 'webview']);

/**
 * @param {Browser} browser
 * @returns {Promise<ErrorWatch>}
 */
export async function watchErrors(browser) {
  const cdp = await browser.newBrowserCDPSession();
  /**
   * @typedef {object} Attached
   * @property {string} targetId
   * @property {string} type
   * @property {string} url
   * @property {Map<number, ContextInfo>} contexts
   * @property {Map<number, (reply: any) => void>} waiting
   */
  /** @type {Map<string, Attached>} by CDP session id */
  const sessions = new Map();
  /** @type {Map<string, string>} target id -> its latest URL */
  const urls = new Map();
  /** @type {Set<string>} */
  const attachedTargets = new Set();
  /** @type {Array<SeenException & {sessionId: string}>} */
  const seen = [];
  /** @type {SeenLog[]} */
  const logged = [];
  let nextId = 1_000_000;
  let stopped = false;

  /** @param {string} sessionId @param {string} method @param {object} [params] */
  function sendTo(sessionId, method, params = {}) {
    const session = sessions.get(sessionId);
    if (!session) return Promise.resolve(null);
    const id = nextId++;
    const answered = new Promise((resolve) => session.waiting.set(id, resolve));
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => {
      session.waiting.get(id)?.(null);
      session.waiting.delete(id);
    });
    return answered;
  }

  /** @param {{targetId: string, type: string, url: string}} info */
  async function attach(info) {
    urls.set(info.targetId, info.url);
    if (stopped || SKIPPED_TARGETS.has(info.type) || attachedTargets.has(info.targetId)) return;
    attachedTargets.add(info.targetId);
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      sessions.set(sessionId, { targetId: info.targetId, type: info.type, url: info.url, contexts: new Map(), waiting: new Map() });
      await sendTo(sessionId, 'Runtime.enable');
    } catch {
      // The target went away before the attach (a closed tab): nothing it threw is left to read.
    }
  }

  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => {
    urls.set(targetInfo.targetId, targetInfo.url);
    void attach(targetInfo);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    const session = sessions.get(sessionId);
    if (!session) return;
    for (const resolve of session.waiting.values()) resolve(null);
    sessions.delete(sessionId);
    attachedTargets.delete(session.targetId);
  });
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const session = sessions.get(sessionId);
    if (!session) return;
    const packet = JSON.parse(message);
    if (typeof packet.id === 'number') {
      session.waiting.get(packet.id)?.(packet);
      session.waiting.delete(packet.id);
      return;
    }
    const { method, params } = packet;
    if (method === 'Runtime.executionContextCreated') session.contexts.set(params.context.id, params.context);
    else if (method === 'Runtime.exceptionThrown') {
      const details = /** @type {ExceptionDetails} */ (params.exceptionDetails);
      seen.push({
        sessionId,
        targetType: session.type,
        targetUrl: urls.get(session.targetId) ?? session.url,
        context: details.executionContextId === undefined ? undefined : session.contexts.get(details.executionContextId),
        details,
      });
    } else if (method === 'Runtime.consoleAPICalled') {
      /** @type {Array<{value?: unknown, description?: string}>} */
      const args = params.args ?? [];
      const text = args.map((a) => (typeof a.value === 'string' ? a.value : a.description ?? JSON.stringify(a.value))).join(' ');
      const top = params.stackTrace?.callFrames?.[0];
      logged.push({
        level: params.type,
        targetType: session.type,
        targetUrl: urls.get(session.targetId) ?? session.url,
        context: session.contexts.get(params.executionContextId),
        details: { text, url: top?.url, stackTrace: params.stackTrace },
      });
    } else if (method === 'Runtime.exceptionRevoked') {
      const at = seen.findIndex((e) => e.sessionId === sessionId && e.details.exceptionId === params.exceptionId);
      if (at >= 0) seen.splice(at, 1);
    }
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });

  /** Every attached target answers a round trip: what it threw before is in by then. */
  async function settle() {
    const pending = [...sessions.keys()].map((sessionId) =>
      Promise.race([sendTo(sessionId, 'Runtime.evaluate', { expression: '0' }), new Promise((resolve) => setTimeout(resolve, 2000))]),
    );
    await Promise.all(pending);
  }

  /** @param {string} extensionId @param {boolean} ofExtension @param {boolean} take */
  async function select(extensionId, ofExtension, take) {
    await settle();
    const picked = seen.filter((e) => isExtensions(e, extensionId) === ofExtension);
    if (take) for (const e of picked) seen.splice(seen.indexOf(e), 1);
    return picked.map((e) => describeException(e, extensionId));
  }

  return {
    extensionErrors: (extensionId) => select(extensionId, true, false),
    takeExtensionErrors: (extensionId) => select(extensionId, true, true),
    pageErrors: (extensionId) => select(extensionId, false, false),
    async extensionLogs(extensionId) {
      await settle();
      return logged.filter((e) => isExtensions(e, extensionId)).map((e) => `${e.level}: ${e.details.text}`);
    },
    async stop() {
      stopped = true;
      await cdp.detach().catch(() => {});
    },
  };
}

/**
 * Whether an exception was thrown by the extension: in one of its own documents or workers, in
 * its isolated world on a web page, or by a script of its own in a page's main world (the MAIN-world
 * content script; its frames have the extension's URL).
 * @param {SeenException | SeenLog} e
 * @param {string} extensionId
 */
function isExtensions(e, extensionId) {
  const base = `chrome-extension://${extensionId}`;
  if (e.targetUrl.startsWith(`${base}/`)) return true;
  if (e.context?.auxData?.type === 'isolated' && e.context.origin === base) return true;
  const urls = [e.details.url, ...(e.details.stackTrace?.callFrames ?? []).map((f) => f.url)];
  return urls.some((u) => typeof u === 'string' && u.startsWith(`${base}/`));
}

/** @param {SeenException} e @param {string} extensionId */
function describeException(e, extensionId) {
  const base = `chrome-extension://${extensionId}`;
  const isolated = e.context?.auxData?.type === 'isolated';
  const world = isolated
    ? ` (isolated world of ${e.context?.origin === base ? 'RoleHop' : e.context?.origin})`
    : e.targetType === 'page' || e.targetType === 'iframe' ? ' (main world)' : '';
  const top = e.details.stackTrace?.callFrames?.[0];
  const at = top ? ` at ${top.url || '(anonymous)'}:${top.lineNumber + 1}:${top.columnNumber + 1}` : '';
  const what = e.details.exception?.description ?? e.details.text;
  return `${e.targetType} ${e.targetUrl}${world}: ${what.split('\n')[0]}${at}`;
}
