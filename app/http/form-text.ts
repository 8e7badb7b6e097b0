/**
 * The text a form field submitted, or `fallback` when the field is missing or is a file: every field
 * these forms read is a text input, so a File here means the page was tampered with, not a value to use.
 */
export function formText(form: FormData, name: string, fallback = ""): string {
  const value = form.get(name);
  return typeof value === "string" ? value : fallback;
}
