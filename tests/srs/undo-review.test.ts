import { describe, expect, it } from "vitest";
import { setSuspended } from "../../lib/srs/card";
import { findLastReview } from "../../lib/srs/review-log";
import { undoLastReview } from "../../lib/srs/undo-review";
import { at, DAY, newCard, review, T0 } from "./fixtures";

describe("undoing the last review", () => {
  it("restores a new card exactly and hands back the row to remove", () => {
    const original = newCard("P3");
    const { card, entry } = review(original, "good", T0);
    expect(undoLastReview(card, [entry])).toEqual({ ok: true, value: { card: original, entry } });
  });

  it("restores a late-reviewed review card with its original due date", () => {
    const first = review(newCard("P3"), "good", T0);
    const second = review(first.card, "good", new Date(first.card.due));
    // Reviewed three days late: ts-fsrs's rollback would set due to the review time; ours keeps it.
    const third = review(second.card, "again", at(new Date(second.card.due), 3 * DAY));
    const undone = undoLastReview(third.card, [third.entry, first.entry, second.entry]);
    expect(undone.ok && undone.value.card).toEqual(second.card);
    expect(undone.ok && undone.value.entry).toBe(third.entry);
  });

  it("undoes one review at a time, back to the new card", () => {
    const original = newCard("P3");
    const first = review(original, "again", T0);
    const second = review(first.card, "good", new Date(first.card.due));
    const once = undoLastReview(second.card, [first.entry, second.entry]);
    if (!once.ok) throw new Error(JSON.stringify(once.issues));
    const twice = undoLastReview(once.value.card, [first.entry]);
    expect(twice.ok && twice.value.card).toEqual(original);
  });

  it("keeps suspension changed after the review", () => {
    const { card, entry } = review(newCard("P3"), "good", T0);
    const undone = undoLastReview(setSuspended(card, true), [entry]);
    expect(undone.ok && undone.value.card.suspended).toBe(true);
    expect(undone.ok && undone.value.card.state).toBe("new");
  });

  it("refuses when the card is not what its latest logged review produced", () => {
    const first = review(newCard("P3"), "good", T0);
    const second = review(first.card, "good", new Date(first.card.due));
    // The log lacks the second review, so undoing the first would lose it.
    const undone = undoLastReview(second.card, [first.entry]);
    expect(!undone.ok && undone.issues[0]?.path).toEqual(["card"]);
  });

  it("refuses without a review of this card in the log", () => {
    const { entry } = review(newCard("P3"), "good", T0);
    const other = review(newCard("P4"), "good", T0).card;
    const undone = undoLastReview(other, [entry]);
    expect(!undone.ok && undone.issues[0]?.path).toEqual(["log"]);
  });
});

describe("finding the last review", () => {
  it("takes the later review count when two reviews share a timestamp, whatever the row order", () => {
    const first = review(newCard("P3"), "again", T0);
    const second = review(first.card, "good", T0); // same instant
    expect(findLastReview([second.entry, first.entry], "learner-1", first.card.skillId)).toBe(second.entry);
    expect(findLastReview([first.entry, second.entry], "learner-2", first.card.skillId)).toBeUndefined();
  });
});
