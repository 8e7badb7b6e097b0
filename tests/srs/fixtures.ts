import { createCard, type CardSource, type SrsCard } from "../../lib/srs/card";
import { type ReviewRating } from "../../lib/srs/rating";
import { reviewCard, type ReviewOutcome } from "../../lib/srs/review-card";
import { DEFAULT_SRS_SETTINGS, type SrsSettings } from "../../lib/srs/settings";
import { toSkillId } from "../../lib/srs/skill-id";

export const T0 = new Date("2026-03-02T09:00:00.000Z");
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export function at(base: Date, offsetMs: number): Date {
  return new Date(base.getTime() + offsetMs);
}

export function newCard(
  skill: string,
  now: Date = T0,
  source: CardSource = "lesson",
  learnerId = "learner-1",
): SrsCard {
  return createCard({ learnerId, skillId: toSkillId(skill), source }, now);
}

/** Reviews or fails the test: the fixtures only feed valid reviews. */
export function review(
  card: SrsCard,
  rating: ReviewRating,
  now: Date,
  settings: SrsSettings = DEFAULT_SRS_SETTINGS,
  questionSeed = "seed-1",
): ReviewOutcome {
  const result = reviewCard(card, rating, now, settings, {
    correct: rating !== "again",
    timeTakenMs: 12_000,
    questionSeed,
  });
  if (!result.ok) {
    throw new Error(`fixture review rejected: ${JSON.stringify(result.issues)}`);
  }
  return result.value;
}
