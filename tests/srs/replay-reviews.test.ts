import { describe, expect, it } from "vitest";
import { type SrsCard } from "../../lib/srs/card";
import { isCardConsistentWithLog, replayReviews } from "../../lib/srs/replay-reviews";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { at, DAY, newCard, review, T0 } from "./fixtures";

function played(): { start: SrsCard; card: SrsCard; log: ReviewLogEntry[] } {
  const start = newCard("P4");
  let card = start;
  let now = T0;
  const log: ReviewLogEntry[] = [];
  const ratings = ["good", "good", "again", "good", "easy"] as const;
  for (const [step, rating] of ratings.entries()) {
    // The learner changes their retention target half-way: replay must use what each row recorded.
    const settings = step < 3 ? DEFAULT_SRS_SETTINGS : { ...DEFAULT_SRS_SETTINGS, desiredRetention: 0.8 };
    const outcome = review(card, rating, now, settings);
    card = outcome.card;
    log.push(outcome.entry);
    now = at(new Date(card.due), DAY / 2);
  }
  return { start, card, log };
}

describe("replaying the review log", () => {
  it("rebuilds the stored card from its log, rows in any order, other skills ignored", () => {
    const { start, card, log } = played();
    const other = review(newCard("P5"), "good", T0).entry;
    const shuffled = [log[3], other, log[0], log[4], log[1], log[2]].filter((entry) => entry !== undefined);
    expect(replayReviews(start, shuffled)).toEqual({ ok: true, value: card });
    expect(isCardConsistentWithLog(card, shuffled)).toBe(true);
  });

  it("leaves a card without reviews as it is", () => {
    const card = newCard("P4");
    expect(replayReviews(card, [])).toEqual({ ok: true, value: card });
  });

  it("reports a missing row at the row that no longer follows", () => {
    const { card, log } = played();
    const withoutSecond = [log[0], log[2], log[3], log[4]].filter((entry) => entry !== undefined);
    const replayed = replayReviews(card, withoutSecond);
    expect(!replayed.ok && replayed.issues[0]?.path).toEqual([1, "before"]);
  });

  it("reports an edited rating at its row", () => {
    const { card, log } = played();
    const edited = log.map((entry, index) => (index === 4 ? { ...entry, rating: "hard" as const } : entry));
    const replayed = replayReviews(card, edited);
    expect(!replayed.ok && replayed.issues[0]?.path).toEqual([4, "nextDue"]);
    expect(isCardConsistentWithLog(card, edited)).toBe(false);
  });

  it("notices a stored card that drifted from its log", () => {
    const { card, log } = played();
    expect(isCardConsistentWithLog({ ...card, due: at(new Date(card.due), DAY).toISOString() }, log)).toBe(
      false,
    );
  });
});
