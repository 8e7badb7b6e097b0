/**
 * A sentence continued after a colon starts in lower case ("fixes it: a route …"), but a name or an acronym
 * keeps its capitals ("VPC", "TCP", "Amazon"): only a capital followed by a lower-case letter or a space ("A route") is lowered,
 * and never a product name.
 */
const KEEP: readonly string[] = ["Amazon", "AWS", "Site-to-Site", "Transit", "Direct Connect"];

export function lowerInitial(text: string): string {
  if (!/^[A-Z](?:[a-z]| )/.test(text) || KEEP.some((k) => text.startsWith(k))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
