// The workbench's form: its controls, which of them an audience sees, and the core's errors under
// them. The values and fields themselves are shared/workbench-inputs.js.

import { t } from '../shared/i18n.js';
import { FIELDS, fieldShown } from '../shared/workbench-inputs.js';
import { el } from './dom.js';

/** @typedef {import('../shared/workbench-inputs.js').WorkbenchInputs} WorkbenchInputs */
/** @typedef {import('../shared/workbench-inputs.js').Audience} Audience */

/**
 * Builds the form controls into `form`, showing the fields `audience` needs (see `showAudience`);
 * `onChange` is called with the new values on every edit.
 * @param {HTMLFormElement} form
 * @param {WorkbenchInputs} values
 * @param {Audience} audience
 * @param {(values: WorkbenchInputs, changed: keyof WorkbenchInputs, left: boolean) => void} onChange
 *   `left`: the user left the field (blur) or chose an option: its error may show now
 */
export function buildForm(form, values, audience, onChange) {
  form.replaceChildren();
  form.dataset.audience = audience;
  for (const field of FIELDS) {
    const id = `input-${field.name}`;
    const key = `workbenchField_${field.name}`;
    const control = field.kind === 'select'
      ? el('select', { id, name: field.name, 'aria-describedby': `${id}-hint ${id}-error` },
        (field.options ?? []).map((option) => el('option', { value: option, text: t(`workbenchOption_${field.name}_${option}`) })))
      : el('input', { id, name: field.name, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: field.placeholder, 'aria-describedby': `${id}-hint ${id}-error` });
    control.value = String(values[field.name] ?? '');
    control.addEventListener(field.kind === 'select' ? 'change' : 'input', () => {
      const next = { ...values, [field.name]: control.value };
      values = next;
      updateVisibility(form, next);
      onChange(next, field.name, field.kind === 'select');
    });
    // A text field is judged when the user leaves it, not while typing.
    if (field.kind !== 'select') control.addEventListener('blur', () => onChange(values, field.name, true));
    form.append(el('div', { class: 'field', 'data-field': field.name }, [
      el('label', { for: id, text: t(key) }),
      control,
      el('span', { id: `${id}-hint`, class: 'field-hint', text: t(`${key}Hint`) }),
      el('span', { id: `${id}-error`, class: 'field-error' }),
    ]));
  }
  updateVisibility(form, values);
}

/**
 * Shows the fields `audience` needs and hides the others. Hidden fields keep what was typed in
 * them: the values are the same whoever reads the page, only the form is shorter.
 * @param {HTMLFormElement} form @param {Audience} audience @param {WorkbenchInputs} values
 */
export function showAudience(form, audience, values) {
  form.dataset.audience = audience;
  updateVisibility(form, values);
}

/** @param {HTMLFormElement} form @param {WorkbenchInputs} values */
function updateVisibility(form, values) {
  const audience = /** @type {Audience} */ (form.dataset.audience ?? 'a');
  for (const field of FIELDS) {
    const hidden = !fieldShown(field.name, audience, values);
    for (const node of form.querySelectorAll(`[data-field="${field.name}"]`)) /** @type {HTMLElement} */ (node).hidden = hidden;
  }
}

/**
 * Shows each error under its field and clears the others.
 * @param {HTMLFormElement} form
 * @param {Map<keyof WorkbenchInputs, string>} errors
 */
export function showFieldErrors(form, errors) {
  for (const f of FIELDS) {
    const control = form.querySelector(`#input-${f.name}`);
    const error = form.querySelector(`#input-${f.name}-error`);
    const message = errors.get(f.name);
    control?.setAttribute('aria-invalid', String(message !== undefined));
    if (error) error.textContent = message ?? '';
  }
}
