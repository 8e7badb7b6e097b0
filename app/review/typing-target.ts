// Review shortcuts (Space, 1–4, Ctrl+Z) must not fire while the learner types into a field.
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return (
    target instanceof HTMLInputElement &&
    !["radio", "checkbox", "button", "submit", "reset"].includes(target.type)
  );
}
