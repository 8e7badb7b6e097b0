// Mastery per concept for the progress page: from every graded answer, whatever the mode (lessons, practice,
// exams, reviews). Recent answers decide the level, so a concept once failed and since answered right several
// times reads as mastered.
//
// Mastery is knowing the rule, not remembering one answer: only the first answer to each question variant counts
// (answering the same question again shows recall of that answer), and "mastered" needs right answers on at least
// two different days.

export type GradedAnswer = {
  /** The variant answered; a second answer to the same variant is not counted. */
  readonly questionId: string;
  readonly concepts: readonly string[];
  readonly correct: boolean;
  readonly answeredAt: number;
};

export type MasteryLevel = "mastered" | "learning" | "struggling";

export type ConceptMastery = {
  readonly concept: string;
  /** Distinct variants answered. */
  readonly answered: number;
  /** Distinct variants answered right at the first try. */
  readonly right: number;
  /** Share right among the last RECENT_WINDOW variants, 0..1. */
  readonly recentShare: number;
  readonly level: MasteryLevel;
  readonly lastAnsweredAt: number;
};

export const RECENT_WINDOW = 5;
export const MASTERED_MIN_ANSWERS = 3;
export const MASTERED_SHARE = 0.8;
export const MASTERED_MIN_DAYS = 2;
export const STRUGGLING_SHARE = 0.5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first answer to each variant, oldest first. */
function firstAnswers(list: readonly GradedAnswer[]): GradedAnswer[] {
  const ordered = [...list].sort((a, b) => a.answeredAt - b.answeredAt);
  const seen = new Set<string>();
  return ordered.filter((answer) => {
    if (seen.has(answer.questionId)) return false;
    seen.add(answer.questionId);
    return true;
  });
}

/** Sorted by concept id; concepts never answered are absent (the page lists them as not started). */
export function computeMastery(answers: readonly GradedAnswer[]): ConceptMastery[] {
  const byConcept = new Map<string, GradedAnswer[]>();
  for (const answer of answers) {
    for (const concept of new Set(answer.concepts)) {
      const list = byConcept.get(concept) ?? [];
      list.push(answer);
      byConcept.set(concept, list);
    }
  }
  return [...byConcept.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([concept, list]) => {
      const distinct = firstAnswers(list);
      const recent = distinct.slice(-RECENT_WINDOW);
      const recentRight = recent.filter((answer) => answer.correct);
      const recentShare = recentRight.length / recent.length;
      const days = new Set(recentRight.map((answer) => Math.floor(answer.answeredAt / DAY_MS))).size;
      const level: MasteryLevel =
        distinct.length >= MASTERED_MIN_ANSWERS && recentShare >= MASTERED_SHARE && days >= MASTERED_MIN_DAYS
          ? "mastered"
          : recentShare < STRUGGLING_SHARE
            ? "struggling"
            : "learning";
      return {
        concept,
        answered: distinct.length,
        right: distinct.filter((answer) => answer.correct).length,
        recentShare,
        level,
        lastAnsweredAt: Math.max(...list.map((answer) => answer.answeredAt)),
      };
    });
}
