// Which concept a question is about. A scenario touches several concepts (a flow-log question
// runs through security groups too), but a question is written to test one: families list that concept first.
// A miss counts against that concept only, a right answer for every concept the learner had to hold.

/** The concept a question assesses first; the others are context. */
export function primaryConcept(concepts: readonly string[]): string | undefined {
  return concepts[0];
}

/**
 * The one exam domain (concept group) a question counts in: its primary concept's group, else the first of
 * its concepts that has a group. The exam draws by this and the result page reports by it, so they agree.
 */
export function questionDomain(
  concepts: readonly string[],
  groupOf: (concept: string) => string | undefined,
): string | undefined {
  const primary = primaryConcept(concepts);
  const own = primary === undefined ? undefined : groupOf(primary);
  if (own !== undefined) return own;
  for (const concept of concepts) {
    const group = groupOf(concept);
    if (group !== undefined) return group;
  }
  return undefined;
}

/** The concepts a wrong answer counts against: the question's own concept, not its whole scenario. */
export function blamedConcepts(concepts: readonly string[]): readonly string[] {
  const primary = primaryConcept(concepts);
  return primary === undefined ? [] : [primary];
}
