// What the RAM console panel keeps between pages, held for it by the service worker (content
// scripts cannot reach storage: DESIGN decision 5):
// - whether the person collapsed the panel (`ramHelper.panel`; storage.local, nothing secret);
// - which tabs show the panel, so that a change of the workbench's progress reaches them at once:
//   the worker sends those tabs `{type: "ramHelper.progressChanged"}` (no data; the panel asks
//   `ramHelper.context` again). The tabs are kept in storage.session, because the worker may be
//   stopped between the panel's question and the change.
// Storage areas are injected so the logic runs in Node as well.

/** storage.local: `{collapsed: boolean}`. */
export const PANEL_KEY = 'rolehop.ramHelperPanel';
/** storage.session: the tab ids that asked `ramHelper.context` lately, most recent last. */
export const PANEL_TABS_KEY = 'rolehop.ramHelperTabs';
/** At most this many tabs are told (the oldest are forgotten first). */
const MAX_TABS = 32;

/**
 * @typedef {object} AreaLike
 * @property {(keys: string) => Promise<Record<string, unknown>>} get
 * @property {(items: Record<string, unknown>) => Promise<void>} set
 */

/**
 * @param {object} deps
 * @param {AreaLike} deps.local where the collapsed state lives
 * @param {AreaLike | null} deps.session where the panel's tabs are remembered (null: only in memory)
 * @param {(tabId: number, message: {type: 'ramHelper.progressChanged'}) => Promise<unknown>} deps.sendToTab
 */
export function createRamPanelState({ local, session, sendToTab }) {
  /** @type {number[]} used when there is no storage.session */
  let inMemory = [];
  /** @type {Promise<unknown>} tab-list updates one at a time (read, change, write) */
  let queue = Promise.resolve();

  /** @returns {Promise<number[]>} */
  async function readTabs() {
    if (!session) return inMemory;
    const value = (await session.get(PANEL_TABS_KEY))[PANEL_TABS_KEY];
    return Array.isArray(value) ? value.filter((id) => Number.isSafeInteger(id) && id >= 0) : [];
  }

  /** @param {number[]} tabs */
  async function writeTabs(tabs) {
    if (session) await session.set({ [PANEL_TABS_KEY]: tabs });
    else inMemory = tabs;
  }

  /** @param {(tabs: number[]) => number[]} change */
  function updateTabs(change) {
    const run = queue.then(async () => writeTabs(change(await readTabs())));
    queue = run.catch(() => {});
    return run;
  }

  return {
    /**
     * `ramHelper.panel`: with `collapsed`, remembers it; answers the remembered state.
     * @param {{collapsed?: boolean}} message
     * @returns {Promise<{collapsed: boolean}>}
     */
    async panel(message) {
      if (message.collapsed !== undefined) {
        await local.set({ [PANEL_KEY]: { collapsed: message.collapsed } });
        return { collapsed: message.collapsed };
      }
      const saved = (await local.get(PANEL_KEY))[PANEL_KEY];
      return { collapsed: typeof saved === 'object' && saved !== null && /** @type {{collapsed?: unknown}} */ (saved).collapsed === true };
    },

    /** A tab showing the panel (it just asked for its context). @param {number} tabId */
    shownIn(tabId) {
      return updateTabs((tabs) => [...tabs.filter((id) => id !== tabId), tabId].slice(-MAX_TABS));
    },

    /**
     * The workbench's progress changed: tells every tab that showed the panel; a tab that no
     * longer has it (closed, navigated away) is forgotten.
     */
    async progressChanged() {
      const tabs = await readTabs();
      const gone = new Set();
      await Promise.all(
        tabs.map((id) => sendToTab(id, { type: 'ramHelper.progressChanged' }).catch(() => gone.add(id))),
      );
      if (gone.size) await updateTabs((now) => now.filter((id) => !gone.has(id)));
    },
  };
}
