// What a rule ID looks like wherever it is cited, and how to find the IDs in a text. Kept apart from the catalogue
// so that client components can link IDs without shipping the whole catalogue to the browser.

/**
 * An upper-case prefix and two digits (PCX-13, EIGW-01). Wider than today's prefixes so that a new family of rules
 * is caught by the same checks and links.
 */
export const RULE_ID_PATTERN = /\b[A-Z][A-Z0-9]{1,4}-\d{2}\b/g;

/** Every rule-ID-shaped token in a text, in order of first appearance. */
export function ruleIdsIn(text: string): string[] {
  return [...new Set(text.match(RULE_ID_PATTERN) ?? [])];
}

export type RuleIdPart =
  { readonly kind: "text"; readonly text: string } | { readonly kind: "rule"; readonly id: string };

/** Splits a text at the rule IDs it cites; `isKnown` keeps unknown IDs as plain text. */
export function splitAtRuleIds(text: string, isKnown: (id: string) => boolean = () => true): RuleIdPart[] {
  const parts: RuleIdPart[] = [];
  let last = 0;
  for (const match of text.matchAll(RULE_ID_PATTERN)) {
    if (!isKnown(match[0])) continue;
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    parts.push({ kind: "rule", id: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** Where a rule's page lives. */
export function ruleHref(id: string): string {
  return `/rules/${id}`;
}
