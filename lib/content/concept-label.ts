// Short labels for concepts where a whole sentence does not fit (the review page's skill list).

/**
 * `text` without its Markdown bold, cut to at most `max` characters at a word boundary, with "…" when cut. A
 * first word longer than `max` is cut where it must be, so the label never exceeds `max` characters plus "…".
 */
export function shortenAtWord(text: string, max: number): string {
  const plain = text.replaceAll("**", "").replace(/\s+/g, " ").trim();
  if (plain.length <= max) return plain;
  const room = plain.slice(0, max + 1);
  const lastSpace = room.lastIndexOf(" ");
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : plain.slice(0, max);
  // No dangling punctuation before the ellipsis ("routes, …" reads as "routes…").
  return `${cut.replace(/[\s,;:(—–-]+$/u, "")}…`;
}
