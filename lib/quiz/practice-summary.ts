// The end-of-session summary: score by concept and what to review. Lesson links are the UI's job:
// it maps concept ids to lesson sections through content frontmatter.
import type { PracticeContext } from "./practice-machine";

export type ConceptScore = { readonly concept: string; readonly right: number; readonly wrong: number };

export type PracticeSummary = {
  readonly graded: number;
  readonly correct: number;
  /** Sorted by concept id. */
  readonly byConcept: readonly ConceptScore[];
  /** Concepts with at least one wrong answer, the most missed (by share wrong) first. */
  readonly toReview: readonly string[];
};

export function summarizePractice(context: PracticeContext): PracticeSummary {
  const graded = context.asked.filter((attempt) => attempt.correct !== null);
  const byConcept = Object.entries(context.tallies)
    .map(([concept, tally]) => ({ concept, right: tally.right, wrong: tally.wrong }))
    .sort((a, b) => (a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : 0));
  const share = (score: ConceptScore) => score.wrong / (score.right + score.wrong);
  const toReview = byConcept
    .filter((score) => score.wrong > 0)
    .sort((a, b) => share(b) - share(a) || b.wrong - a.wrong)
    .map((score) => score.concept);
  return {
    graded: graded.length,
    correct: graded.filter((attempt) => attempt.correct === true).length,
    byConcept,
    toReview,
  };
}
