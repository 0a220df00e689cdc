// Page-wide keyboard shortcuts share one rule: a key typed into a control belongs to that control.

/** Keys that act on the page, not on the control that has focus (text fields, lists, dialogs keep theirs). */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input:not([type=checkbox]), textarea, select, dialog, [role=combobox]") !== null;
}
