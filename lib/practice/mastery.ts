// Mastery per concept for the progress page: from every graded answer, whatever the mode. Recent
// answers decide the level, so a concept once failed and since answered right several times reads as mastered.

export type GradedAnswer = {
  readonly concepts: readonly string[];
  readonly correct: boolean;
  readonly answeredAt: number;
};

export type MasteryLevel = "mastered" | "learning" | "struggling";

export type ConceptMastery = {
  readonly concept: string;
  readonly answered: number;
  readonly right: number;
  /** Share right among the last RECENT_WINDOW answers, 0..1. */
  readonly recentShare: number;
  readonly level: MasteryLevel;
  readonly lastAnsweredAt: number;
};

export const RECENT_WINDOW = 5;
export const MASTERED_MIN_ANSWERS = 3;
export const MASTERED_SHARE = 0.8;
export const STRUGGLING_SHARE = 0.5;

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
      const ordered = [...list].sort((a, b) => a.answeredAt - b.answeredAt);
      const recent = ordered.slice(-RECENT_WINDOW);
      const recentShare = recent.filter((answer) => answer.correct).length / recent.length;
      const level: MasteryLevel =
        ordered.length >= MASTERED_MIN_ANSWERS && recentShare >= MASTERED_SHARE
          ? "mastered"
          : recentShare < STRUGGLING_SHARE
            ? "struggling"
            : "learning";
      return {
        concept,
        answered: ordered.length,
        right: ordered.filter((answer) => answer.correct).length,
        recentShare,
        level,
        lastAnsweredAt: ordered[ordered.length - 1]?.answeredAt ?? 0,
      };
    });
}
