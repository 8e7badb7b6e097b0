import { describe, expect, it } from "vitest";
import { createCard, ensureCard, isDueAt, setSuspended } from "../../lib/srs/card";
import { toSkillId } from "../../lib/srs/skill-id";
import { at, MINUTE, newCard, T0 } from "./fixtures";

describe("cards", () => {
  it("creates a new card due at once with empty FSRS state", () => {
    const card = createCard(
      { learnerId: "learner-1", skillId: toSkillId("can-a-reach-c:P3"), source: "practice" },
      T0,
    );
    expect(card).toEqual({
      learnerId: "learner-1",
      skillId: "can-a-reach-c:P3",
      source: "practice",
      suspended: false,
      buriedUntil: null,
      addedAt: T0.toISOString(),
      state: "new",
      due: T0.toISOString(),
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
    });
    expect(isDueAt(card, T0)).toBe(true);
    expect(isDueAt(card, at(T0, -MINUTE))).toBe(false);
  });

  it("keeps one card per learner and skill, with the source of the first meeting", () => {
    const fromLesson = newCard("P3", T0, "lesson");
    const again = ensureCard(
      [fromLesson],
      { learnerId: "learner-1", skillId: toSkillId("P3"), source: "exam" },
      at(T0, MINUTE),
    );
    expect(again).toEqual({ card: fromLesson, created: false });
    const otherLearner = ensureCard(
      [fromLesson],
      { learnerId: "learner-2", skillId: toSkillId("P3"), source: "exam" },
      T0,
    );
    expect(otherLearner.created).toBe(true);
    expect(otherLearner.card.source).toBe("exam");
  });

  it("suspends and restores by hand without touching the schedule", () => {
    const card = newCard("P3");
    const suspended = setSuspended(card, true);
    expect(suspended.suspended).toBe(true);
    expect(setSuspended(suspended, false)).toEqual(card);
  });
});
