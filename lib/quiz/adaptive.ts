// Adaptive practice: favour the concepts the learner gets wrong, but never starve any concept, so a
// learner who answered a concept right once still sees it again now and then.
import type { ConceptTallies } from "./concept-tallies";

/** A source of uniform numbers in [0, 1); seeded by the caller so that picks are reproducible. */
export type Rng = () => number;

/**
 * The weight of a concept: its Laplace-smoothed error rate, (wrong + 1) / (right + wrong + 2).
 * An untried concept weighs 1/2, all-wrong tends to 1, all-right tends to 0 but never reaches it.
 */
export function focusWeight(tally: { readonly right: number; readonly wrong: number } | undefined): number {
  const right = tally?.right ?? 0;
  const wrong = tally?.wrong ?? 0;
  return (wrong + 1) / (right + wrong + 2);
}

/**
 * Picks the concept to practise next, with probability proportional to `focusWeight`. Candidates are the
 * tallied concepts plus `candidates` (concepts in the learner's selection not yet asked). Returns null when
 * there is nothing to pick from. Candidates are sorted first so the key order of `tallies` cannot change a pick.
 */
export function pickNextFocus(
  tallies: ConceptTallies,
  rng: Rng,
  candidates: readonly string[] = [],
): string | null {
  const concepts = [...new Set([...Object.keys(tallies), ...candidates])].sort();
  if (concepts.length === 0) return null;
  const weights = concepts.map((concept) => focusWeight(tallies[concept]));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = rng() * total;
  for (const [index, concept] of concepts.entries()) {
    remaining -= weights[index] ?? 0;
    if (remaining < 0) return concept;
  }
  // rng() returned (almost) 1 and rounding left a sliver: the last concept owns the top of the range.
  return concepts[concepts.length - 1] ?? null;
}
