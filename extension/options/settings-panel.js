// The settings form: each change is saved at once (sync, or local when sync refuses).

import { t } from '../shared/i18n.js';
import { saveSettings } from '../shared/settings.js';
import { setStatus } from './status.js';
import { byId } from './dom.js';

/** @typedef {import('../shared/settings.js').Settings} Settings */

/**
 * @param {{
 *   initial: Settings,
 *   onLanguage: (language: Settings['language']) => Promise<void>,
 *   onDefaultSite: (site: Settings['defaultSite']) => void,
 * }} deps
 */
export function setUpSettings({ initial, onLanguage, onDefaultSite }) {
  const site = /** @type {HTMLSelectElement} */ (byId('setting-default-site'));
  const autoSubmit = /** @type {HTMLInputElement} */ (byId('setting-auto-submit'));
  const language = /** @type {HTMLSelectElement} */ (byId('setting-language'));
  const status = byId('settings-status');
  site.value = initial.defaultSite;
  autoSubmit.checked = initial.autoSubmit;
  language.value = initial.language;

  /** @param {Partial<Settings>} partial */
  async function store(partial) {
    try {
      const { area } = await saveSettings(partial);
      setStatus(status, () => t(area === 'sync' ? 'optionsSettingsSavedSync' : 'optionsSettingsSavedLocal'), {
        result: 'pass',
        data: { area },
      });
    } catch (error) {
      setStatus(status, () => t('optionsSaveFailed', [error instanceof Error ? error.message : String(error)]), {
        result: 'fail',
      });
    }
  }

  site.addEventListener('change', async () => {
    const value = site.value === 'intl' ? 'intl' : 'cn';
    await store({ defaultSite: value });
    onDefaultSite(value);
  });
  autoSubmit.addEventListener('change', () => store({ autoSubmit: autoSubmit.checked }));
  language.addEventListener('change', async () => {
    const value = language.value === 'en' || language.value === 'zh_CN' ? language.value : 'auto';
    await store({ language: value });
    await onLanguage(value);
  });

  return {
    /** Shows `settings` in the form (after a copy was kept or accepted elsewhere on the page). @param {Settings} settings */
    show(settings) {
      site.value = settings.defaultSite;
      autoSubmit.checked = settings.autoSubmit;
      language.value = settings.language;
    },
  };
}
