import { describe, expect, it } from "vitest";
import { setSuspended } from "../../lib/srs/card";
import { undoLastReview } from "../../lib/srs/undo-review";
import { at, DAY, newCard, review, T0 } from "./fixtures";

describe("undoing the last review", () => {
  it("restores a new card exactly", () => {
    const original = newCard("P3");
    const { card, entry } = review(original, "good", T0);
    expect(undoLastReview(card, entry)).toEqual({ ok: true, value: original });
  });

  it("restores a late-reviewed review card with its original due date", () => {
    let card = review(newCard("P3"), "good", T0).card;
    card = review(card, "good", new Date(card.due)).card;
    const beforeLapse = card;
    // Reviewed three days late: ts-fsrs's rollback would set due to the review time; ours keeps it.
    const { card: lapsed, entry } = review(card, "again", at(new Date(card.due), 3 * DAY));
    const undone = undoLastReview(lapsed, entry);
    expect(undone).toEqual({ ok: true, value: beforeLapse });
  });

  it("keeps suspension changed after the review", () => {
    const { card, entry } = review(newCard("P3"), "good", T0);
    const undone = undoLastReview(setSuspended(card, true), entry);
    expect(undone.ok && undone.value.suspended).toBe(true);
    expect(undone.ok && undone.value.state).toBe("new");
  });

  it("refuses to undo a review that is not the card's latest", () => {
    const first = review(newCard("P3"), "good", T0);
    const second = review(first.card, "good", new Date(first.card.due));
    const undone = undoLastReview(second.card, first.entry);
    expect(!undone.ok && undone.issues[0]?.path).toEqual(["entry", "reviewedAt"]);
  });

  it("refuses a review of another skill", () => {
    const { entry } = review(newCard("P3"), "good", T0);
    const other = review(newCard("P4"), "good", T0).card;
    expect(undoLastReview(other, entry).ok).toBe(false);
  });
});
