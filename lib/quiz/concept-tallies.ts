// Per-concept right/wrong counts for one learner session: what adaptive picking and the session summary read.

export type ConceptTally = { readonly right: number; readonly wrong: number };

/** Keyed by concept id (lib/content/concepts.ts, e.g. "P3"). Plain object so that a persisted snapshot is plain JSON. */
export type ConceptTallies = Readonly<Record<string, ConceptTally>>;

/** Adds one graded answer to every concept the question assesses. */
export function addToTallies(
  tallies: ConceptTallies,
  concepts: readonly string[],
  correct: boolean,
): ConceptTallies {
  const next: Record<string, ConceptTally> = { ...tallies };
  for (const concept of new Set(concepts)) {
    const current = next[concept] ?? { right: 0, wrong: 0 };
    next[concept] = correct
      ? { right: current.right + 1, wrong: current.wrong }
      : { right: current.right, wrong: current.wrong + 1 };
  }
  return next;
}
