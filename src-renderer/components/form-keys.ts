/**
 * Keyboard rules shared by every form (STYLE: Enter never saves a half-filled form): Enter in a single-line
 * field moves to the next field; Ctrl+Enter (⌘+Enter) saves from anywhere; Enter on the Save button saves.
 */

const FIELD_SELECTOR = [
  'input:not([type="hidden"]):not([disabled]):not([tabindex="-1"])',
  'textarea:not([disabled]):not([tabindex="-1"])',
  'select:not([disabled])',
  '[role="combobox"]:not(input):not([aria-disabled="true"])',
].join(',');

/** Inputs whose Enter is "go on" (text-like); checkboxes, radios and buttons keep their own Enter. */
const TEXT_TYPES = new Set(['text', 'number', 'password', 'email', 'tel', 'search', 'date', 'url', '']);

export function isSingleLineField(target: EventTarget | null): target is HTMLInputElement {
  return target instanceof HTMLInputElement && TEXT_TYPES.has(target.type) && !target.readOnly;
}

function visible(element: HTMLElement): boolean {
  return element.offsetParent !== null || element.getClientRects().length > 0;
}

/** The fields of a form in Tab order, those a person can reach (not hidden, not removed from the Tab path). */
export function fieldsOf(form: HTMLElement): HTMLElement[] {
  return Array.from(form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (el) => el.tabIndex >= 0 && visible(el) && !el.closest('[aria-hidden="true"]'),
  );
}

/** Moves focus to the field after `from`; after the last field, to the form's Save button. */
export function focusNext(form: HTMLElement, from: HTMLElement): 'field' | 'submit' | 'none' {
  const fields = fieldsOf(form);
  const index = fields.indexOf(from);
  const next = index >= 0 ? fields[index + 1] : undefined;
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && TEXT_TYPES.has(next.type) && next.type !== 'number') {
      next.select();
    }
    return 'field';
  }
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]:not([disabled])');
  if (submit) {
    submit.focus();
    return 'submit';
  }
  return 'none';
}

export function isLastField(form: HTMLElement, field: HTMLElement): boolean {
  const fields = fieldsOf(form);
  return fields.length > 0 && fields[fields.length - 1] === field;
}
