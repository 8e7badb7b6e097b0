// Which concept a question is about. A scenario touches several concepts (a flow-log question
// runs through security groups too), but a question is written to test one: families list that concept first.
// A miss counts against that concept only, a right answer for every concept the learner had to hold.

/** The concept a question assesses first; the others are context. */
export function primaryConcept(concepts: readonly string[]): string | undefined {
  return concepts[0];
}

/** The concepts a wrong answer counts against: the question's own concept, not its whole scenario. */
export function blamedConcepts(concepts: readonly string[]): readonly string[] {
  const primary = primaryConcept(concepts);
  return primary === undefined ? [] : [primary];
}
