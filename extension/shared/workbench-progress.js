// The workbench's audience, values and steps marked done: storage.local `rolehop.workbench` (never
// a secret). Trusted state: these values are what the RAM console panel tells the user to paste
// (B's account UID in a trust policy) and what Do it for me sends, so they are written tagged and
// read through trusted-storage.js (where content scripts could have changed them, the last good
// copy is used). The value is returned as stored, without its tag: each reader keeps only the
// fields it knows (workbench.js, background/ram-helper.js readProgress).

import { trustedStorage } from './trusted-storage.js';

export const WORKBENCH_PROGRESS_KEY = 'rolehop.workbench';

/**
 * @typedef {Pick<ReturnType<typeof import('./trusted-storage.js').createTrustedStorage>, 'open' | 'seal' | 'commit'>} Trust
 * @typedef {{get: (key: string) => Promise<Record<string, unknown>>, set: (items: Record<string, unknown>) => Promise<void>}} AreaLike
 */

/**
 * @param {{local: AreaLike, trust: Trust, now?: () => number}} deps
 */
export function createProgressStore({ local, trust, now = Date.now }) {
  /** @type {Promise<unknown>} saves in the order they were asked for */
  let queue = Promise.resolve();

  return {
    /** The progress as the trust allows (null: nothing saved). @returns {Promise<unknown>} */
    async load() {
      const stored = (await local.get(WORKBENCH_PROGRESS_KEY))[WORKBENCH_PROGRESS_KEY];
      return (await trust.open('workbench', stored)).value;
    },

    /**
     * Saves `progress` (copied now: the caller may change it right after), tagged.
     * @param {Record<string, unknown>} progress
     * @returns {Promise<void>}
     */
    save(progress) {
      const copy = JSON.parse(JSON.stringify(progress));
      const run = queue.then(async () => {
        const at = now();
        await local.set({ [WORKBENCH_PROGRESS_KEY]: await trust.seal('workbench', copy, at) });
        await trust.commit('workbench', copy, { at });
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}

/** @type {ReturnType<typeof createProgressStore> | undefined} */
let defaultStore;
const store = () =>
  (defaultStore ??= createProgressStore({
    local: /** @type {AreaLike} */ (/** @type {unknown} */ (chrome.storage.local)),
    trust: trustedStorage(),
  }));

/** The workbench's progress as stored (tag removed), or null. */
export const loadWorkbenchProgress = () => store().load();
/** @param {Record<string, unknown>} progress */
export const saveWorkbenchProgress = (progress) => store().save(progress);
