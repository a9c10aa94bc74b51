// The tutorial steps of one audience, as the tutorial core wrote them with the user's values,
// under the tutorial's own step numbers (the core's outline: "Step 1 · Company A creates the RAM
// role"). Each task is short by default: its title, where in the console, the values to paste;
// the instructions, policy documents, aliyun CLI and Terraform are tabs inside it (tabs.js).

import { t, coreMessage, joinSentences } from '../shared/i18n.js';
import { el, codeBlock, copyButton } from './dom.js';
import { tabs } from './tabs.js';

/** @typedef {import('../shared/contract').CoreMessage} CoreMessage */

/**
 * The tokens of a draft's missing values (`<account-a>`), each with the catalog's placeholder
 * the page shows in its place ("<A's account UID>").
 * @type {Array<{token: string, text: CoreMessage}>}
 */
let placeholders = [];

/**
 * Text the core keeps in one form (values, documents, commands, a message's arguments), with a
 * draft's tokens in the catalog's words.
 * @param {string} text
 */
function local(text) {
  return placeholders.reduce((out, p) => out.replaceAll(p.token, coreMessage(p.text)), text);
}

/** @param {string} text */
function hasPlaceholder(text) {
  return placeholders.some((p) => text.includes(p.token));
}

/**
 * A tutorial text from the catalogs: one message, or sentences (a list of messages).
 * @param {CoreMessage | CoreMessage[] | undefined} text
 */
function words(text) {
  if (text === undefined) return '';
  return local(Array.isArray(text) ? joinSentences(text.map((m) => coreMessage(m))) : coreMessage(text));
}

/**
 * @param {HTMLElement} root
 * @param {any} tutorial TutorialResult
 * @param {'en' | 'zh'} lang
 * @param {Record<string, boolean>} done step id -> done
 * @param {(stepId: string, done: boolean) => void} onDone
 */
export function renderSteps(root, tutorial, lang, done, onDone) {
  placeholders = tutorial.placeholders ?? [];
  const steps = /** @type {any[]} */ (tutorial.steps);
  const groups = (tutorial.outline ?? []).map((/** @type {any} */ entry) => {
    const tasks = steps.filter((s) => s.tutorialStep === entry.step);
    const headingId = `tutorial-step-${entry.step}`;
    return el('section', { class: 'tutorial-step', 'data-tutorial-step': String(entry.step), 'aria-labelledby': headingId }, [
      el('h3', { id: headingId }, [
        el('span', { class: 'step-number', text: words(entry.label) }),
        ` ${words(entry.title)}`,
      ]),
      el('ul', { class: 'tasks' }, tasks.map((step) => renderTask(step, lang, Boolean(done[step.id]), onDone))),
    ]);
  });
  root.replaceChildren(...groups);
}

/**
 * Ticks the task `stepId` (Do it for me wrote it, or Verify proved it).
 * @param {HTMLElement} root
 * @param {string} stepId
 */
export function showDone(root, stepId) {
  const item = /** @type {HTMLElement | null} */ (root.querySelector(`li[data-step="${CSS.escape(stepId)}"]`));
  if (!item) return;
  item.dataset.done = 'true';
  const box = /** @type {HTMLInputElement | null} */ (item.querySelector('input[type="checkbox"]'));
  if (box) box.checked = true;
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
    el('strong', { text: `${t('workbenchTutorialStep', String(item.tutorialStep))}${lang === 'zh' ? '：' : ': '}` }),
    `${words(item.cause)} `,
    el('span', { class: 'field-hint', text: words(item.fix) }),
  ])));
}

/**
 * @param {any} step
 * @param {'en' | 'zh'} lang
 * @param {boolean} isDone
 * @param {(stepId: string, done: boolean) => void} onDone
 */
function renderTask(step, lang, isDone, onDone) {
  const title = words(step.title);
  const checkboxId = `done-${step.id}`;
  const titleId = `task-${step.id}`;
  const checkbox = el('input', { type: 'checkbox', id: checkboxId, 'aria-describedby': titleId });
  checkbox.checked = isDone;
  const item = el('li', { id: `step-${step.id}`, class: 'task', 'data-step': step.id, 'data-tutorial-step': String(step.tutorialStep), 'data-done': String(isDone) });
  checkbox.addEventListener('change', () => {
    item.dataset.done = String(checkbox.checked);
    onDone(step.id, checkbox.checked);
  });
  item.append(el('div', { class: 'task-head' }, [
    el('h4', { id: titleId, text: title }),
    el('label', { for: checkboxId, class: 'done-box' }, [checkbox, ` ${t('workbenchStepDone')}`]),
  ]));
  if (step.consolePath) {
    const path = words(step.consolePath.path);
    item.append(el('p', { class: 'console-path' }, [
      el('span', { class: 'visually-hidden', text: `${t('workbenchConsolePath')}${lang === 'zh' ? '：' : ': '}` }),
      step.consolePath.url && !hasPlaceholder(step.consolePath.url)
        ? el('a', { href: step.consolePath.url, target: '_blank', rel: 'noopener noreferrer', text: path })
        : path,
    ]));
  }
  if (Array.isArray(step.values) && step.values.length > 0) {
    const values = el('dl', { class: 'values' });
    for (const value of step.values) {
      const label = words(value.label);
      const text = local(String(value.value));
      const pending = hasPlaceholder(String(value.value));
      values.append(el('div', { class: 'value', ...(pending ? { 'data-placeholder': 'true' } : {}) }, [
        el('dt', { text: label }),
        el('dd', {}, [el('code', { text })]),
        value.copy && !pending ? copyButton(() => String(value.value), label) : el('span'),
      ]));
    }
    item.append(values);
  }
  item.append(tabs(`tabs-${step.id}`, t('workbenchTaskDetails', title), taskTabs(step, lang)));
  return item;
}

/**
 * The task's tabs: what to do (and how to tell it worked), its policy documents, the aliyun CLI
 * and Terraform; each only when the core wrote it.
 * @param {any} step
 * @param {'en' | 'zh'} lang
 * @returns {Array<{id: string, label: string, panel: () => Node[]}>}
 */
function taskTabs(step, lang) {
  /** @type {Array<{id: string, label: string, panel: () => Node[]}>} */
  const out = [{
    id: 'how',
    label: t('workbenchTabHow'),
    panel: () => [
      el('p', { text: words(step.body) }),
      step.verify ? el('p', { class: 'intro' }, [el('strong', { text: `${t('workbenchStepVerify')}${lang === 'zh' ? '：' : ': '}` }), words(step.verify)]) : null,
    ].filter((n) => n !== null),
  }];
  const policies = /** @type {any[]} */ (step.policies ?? []);
  if (policies.length > 0) {
    out.push({
      id: 'policy',
      label: t(policies.length === 1 ? 'workbenchTabPolicy' : 'workbenchTabPolicies'),
      panel: () => policies.flatMap((policy) => {
        const name = `${words(policy.title)}${policy.assumed ? ` (${t('workbenchPolicyAssumed')})` : ''}`;
        const nodes = [codeBlock(name, local(policy.text))];
        const purpose = joinSentences([policy.description ? coreMessage(policy.description) : '', policy.purpose ? words(policy.purpose) : '']);
        if (purpose) nodes.push(el('p', { class: 'field-hint', text: purpose }));
        const findings = (policy.lint?.findings ?? []).filter((/** @type {any} */ f) => f.level !== 'suggestion');
        for (const finding of findings) {
          const level = t(`lintLevel_${String(finding.level).replaceAll('-', '_')}`);
          nodes.push(el('p', { class: 'field-hint', text: t('workbenchFinding', [level, coreMessage(finding.message)]) }));
        }
        return nodes;
      }),
    });
  }
  if (step.cli) out.push({ id: 'cli', label: t('workbenchCli'), panel: () => [codeBlock(t('workbenchCli'), local(step.cli))] });
  if (step.terraform) out.push({ id: 'terraform', label: t('workbenchTerraform'), panel: () => [codeBlock(t('workbenchTerraform'), local(step.terraform))] });
  return out;
}
