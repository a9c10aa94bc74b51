// The tutorial steps of one audience, as the tutorial core wrote them with the user's values:
// what to do, where in the console, the values and policy documents to paste, the aliyun CLI
// command and the Terraform that do the same, each with a copy button; and a "done" box per step.

import { t } from '../shared/i18n.js';
import { el, codeBlock, copyButton } from './dom.js';

/** @typedef {{en: string, zh: string}} Bilingual */

/**
 * The text in the page's language.
 * @param {Bilingual | undefined | null} text
 * @param {'en' | 'zh'} lang
 */
export function pick(text, lang) {
  if (!text) return '';
  return (lang === 'zh' ? text.zh : text.en) || text.en || '';
}

/**
 * @param {HTMLOListElement} list
 * @param {any[]} steps TutorialStep[]
 * @param {'en' | 'zh'} lang
 * @param {Record<string, boolean>} done step id -> done
 * @param {(stepId: string, done: boolean) => void} onDone
 */
export function renderSteps(list, steps, lang, done, onDone) {
  list.replaceChildren(...steps.map((step) => renderStep(step, lang, Boolean(done[step.id]), onDone)));
}

/**
 * The tutorial's "if it fails, check these" list: cause and fix per tutorial step.
 * @param {HTMLElement} details the <details> holding `list`
 * @param {HTMLUListElement} list
 * @param {any[]} items TutorialResult.troubleshooting
 * @param {'en' | 'zh'} lang
 */
export function renderTroubleshooting(details, list, items, lang) {
  details.hidden = items.length === 0;
  list.replaceChildren(...items.map((item) => el('li', { 'data-tutorial-step': String(item.tutorialStep) }, [
    el('strong', { text: `${t('workbenchTutorialStep', String(item.tutorialStep))}: ` }),
    `${pick(item.cause, lang)} `,
    el('span', { class: 'field-hint', text: pick(item.fix, lang) }),
  ])));
}

/**
 * @param {any} step
 * @param {'en' | 'zh'} lang
 * @param {boolean} isDone
 * @param {(stepId: string, done: boolean) => void} onDone
 */
function renderStep(step, lang, isDone, onDone) {
  const title = pick(step.title, lang);
  const checkboxId = `done-${step.id}`;
  const checkbox = el('input', { type: 'checkbox', id: checkboxId });
  checkbox.checked = isDone;
  const item = el('li', { id: `step-${step.id}`, 'data-step': step.id, 'data-tutorial-step': String(step.tutorialStep), 'data-done': String(isDone) });
  checkbox.addEventListener('change', () => {
    item.dataset.done = String(checkbox.checked);
    onDone(step.id, checkbox.checked);
  });
  item.append(
    el('div', { class: 'step-head' }, [
      el('h3', { text: `${t('workbenchTutorialStep', String(step.tutorialStep))} · ${title}` }),
      el('label', { for: checkboxId }, [checkbox, ` ${t('workbenchStepDone')}`]),
    ]),
    el('p', { text: pick(step.body, lang) }),
  );
  if (step.consolePath) {
    const path = pick(step.consolePath, lang);
    item.append(el('p', {}, [
      el('strong', { text: `${t('workbenchConsolePath')}: ` }),
      step.consolePath.url ? el('a', { href: step.consolePath.url, target: '_blank', rel: 'noopener noreferrer', text: path }) : path,
    ]));
  }
  if (Array.isArray(step.values) && step.values.length > 0) {
    const values = el('dl', { class: 'values' });
    for (const value of step.values) {
      const label = pick(value.label, lang);
      values.append(
        el('dt', { text: label }),
        el('dd', {}, [el('code', { text: String(value.value) })]),
        value.copy ? copyButton(() => String(value.value), label) : el('span'),
      );
    }
    item.append(values);
  }
  for (const policy of step.policies ?? []) {
    const name = `${policy.name}${policy.assumed ? ` (${t('workbenchPolicyAssumed')})` : ''}`;
    item.append(codeBlock(name, policy.text));
    if (policy.purpose) item.append(el('p', { class: 'field-hint', text: pick(policy.purpose, lang) }));
    const findings = (policy.lint?.findings ?? []).filter((/** @type {any} */ f) => f.level !== 'suggestion');
    for (const finding of findings) {
      const level = t(`lintLevel_${String(finding.level).replaceAll('-', '_')}`);
      item.append(el('p', { class: 'field-hint', text: t('workbenchFinding', [level, lang === 'zh' ? finding.messageZh : finding.message]) }));
    }
  }
  if (step.cli) item.append(codeBlock(t('workbenchCli'), step.cli));
  if (step.terraform) item.append(codeBlock(t('workbenchTerraform'), step.terraform));
  if (step.verify) item.append(el('p', { class: 'intro', text: `${t('workbenchStepVerify')}: ${pick(step.verify, lang)}` }));
  return item;
}
