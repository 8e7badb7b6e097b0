import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SrsCard } from "../../lib/srs/card";
import { REVIEW_RATINGS, type ReviewRating } from "../../lib/srs/rating";
import { reviewCard } from "../../lib/srs/review-card";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { srsSettingsSchema, type SrsSettings } from "../../lib/srs/settings";
import { replayReviews } from "../../lib/srs/replay-reviews";
import { undoLastReview } from "../../lib/srs/undo-review";
import { newCard, T0 } from "./fixtures";

const settingsArb = fc
  .record({
    desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
    maximumIntervalDays: fc.integer({ min: 1, max: 36500 }),
  })
  .map((fields): SrsSettings => srsSettingsSchema.parse(fields));

/** A review session: each step waits some time after the card's due date (negative = early) and rates it. */
const stepsArb = fc.array(
  fc.record({
    rating: fc.constantFrom<ReviewRating>(...REVIEW_RATINGS),
    // From 2 days early to 200 days late, in minutes.
    delayMinutes: fc.integer({ min: -2 * 24 * 60, max: 200 * 24 * 60 }),
  }),
  { minLength: 1, maxLength: 15 },
);

function play(settings: SrsSettings, steps: readonly { rating: ReviewRating; delayMinutes: number }[]) {
  let card: SrsCard = newCard("can-a-reach-c:P3");
  let last = T0;
  const history: { before: SrsCard; after: SrsCard; entry: ReviewLogEntry; now: Date }[] = [];
  for (const step of steps) {
    // Never before the previous review: the clock only moves forward.
    const now = new Date(Math.max(last.getTime(), Date.parse(card.due) + step.delayMinutes * 60_000));
    const result = reviewCard(card, step.rating, now, settings, {
      correct: step.rating !== "again",
      timeTakenMs: 5_000,
      questionSeed: String(history.length),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    history.push({ before: card, after: result.value.card, entry: result.value.entry, now });
    card = result.value.card;
    last = now;
  }
  return history;
}

describe("review invariants", () => {
  it("never schedules a due date before the review time, nor past the maximum interval", () => {
    fc.assert(
      fc.property(settingsArb, stepsArb, (settings, steps) => {
        for (const { after, now } of play(settings, steps)) {
          const due = Date.parse(after.due);
          expect(due).toBeGreaterThanOrEqual(now.getTime());
          expect(due - now.getTime()).toBeLessThanOrEqual(settings.maximumIntervalDays * 86_400_000);
          expect(after.lastReview).toBe(now.toISOString());
        }
      }),
      { numRuns: 200 },
    );
  });

  it("undo after review gives back the card exactly", () => {
    fc.assert(
      fc.property(settingsArb, stepsArb, (settings, steps) => {
        const history = play(settings, steps);
        for (const [index, { before, after, entry }] of history.entries()) {
          const logSoFar = history.slice(0, index + 1).map((step) => step.entry);
          expect(undoLastReview(after, logSoFar)).toEqual({ ok: true, value: { card: before, entry } });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("replaying the log from the new card gives the final card", () => {
    fc.assert(
      fc.property(settingsArb, stepsArb, (settings, steps) => {
        const history = play(settings, steps);
        const first = history[0];
        const last = history.at(-1);
        if (first === undefined || last === undefined) throw new Error("empty session");
        expect(
          replayReviews(
            first.before,
            history.map((step) => step.entry),
          ),
        ).toEqual({ ok: true, value: last.after });
      }),
      { numRuns: 100 },
    );
  });

  it("logs a predicted recall in [0, 1] for every card that had been reviewed before", () => {
    fc.assert(
      fc.property(settingsArb, stepsArb, (settings, steps) => {
        for (const { before, entry } of play(settings, steps)) {
          if (before.state === "new") {
            expect(entry.predictedRecall).toBeNull();
          } else {
            expect(entry.predictedRecall).toBeGreaterThanOrEqual(0);
            expect(entry.predictedRecall).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
