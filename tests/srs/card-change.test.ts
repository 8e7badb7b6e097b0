import { describe, expect, it } from "vitest";
import { isBuriedAt } from "../../lib/srs/card";
import { buryCard, forgetCard, rescheduleCard, unburyCard } from "../../lib/srs/card-change";
import { exportDeck, importDeck, serializeDeck } from "../../lib/srs/deck-export";
import { buildQueue } from "../../lib/srs/queue";
import { isCardConsistentWithLog } from "../../lib/srs/replay-reviews";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { undoLastReview } from "../../lib/srs/undo-review";
import { at, DAY, MINUTE, newCard, review, T0 } from "./fixtures";

// T0 is 2026-03-02T09:00Z; the learner's day starts at 00:00 UTC (offset 0) unless a test says otherwise.
const settings = DEFAULT_SRS_SETTINGS;
// After learntCard's last review (T0 + 10 minutes).
const LATER = at(T0, 20 * MINUTE);

function learntCard() {
  const first = review(newCard("P3"), "good", T0);
  const second = review(first.card, "good", at(T0, 10 * MINUTE));
  return { card: second.card, log: [first.entry, second.entry] };
}

describe("bury until tomorrow", () => {
  it("hides a due card from the queue until the learner's next day starts, schedule untouched", () => {
    const { card, log } = learntCard();
    const dueAt = new Date(card.due);
    const buried = buryCard(card, dueAt, settings);
    expect(buried.buriedUntil).toBe(
      new Date(Date.UTC(dueAt.getUTCFullYear(), dueAt.getUTCMonth(), dueAt.getUTCDate() + 1)).toISOString(),
    );
    expect({ ...buried, buriedUntil: null }).toEqual(card);
    expect(buildQueue([buried], log, dueAt, settings).due).toEqual([]);
    expect(
      buildQueue([buried], log, new Date(buried.buriedUntil ?? ""), settings).due.map((c) => c.skillId),
    ).toEqual(["P3"]);
    expect(buildQueue([unburyCard(buried)], log, dueAt, settings).due).toHaveLength(1);
  });

  it("counts tomorrow from the learner's own day start", () => {
    const buried = buryCard(newCard("P3"), new Date("2026-03-02T23:30:00Z"), { dayStartOffsetMinutes: -120 });
    // With the day starting at 22:00 UTC, 23:30 is already the 3rd; its next day starts 22:00 UTC on the 3rd.
    expect(buried.buriedUntil).toBe("2026-03-03T22:00:00.000Z");
    expect(isBuriedAt(buried, new Date("2026-03-03T21:59:00Z"))).toBe(true);
    expect(isBuriedAt(buried, new Date("2026-03-03T22:00:00Z"))).toBe(false);
  });
});

describe("forget", () => {
  it("starts a reviewed card over as new with counts reset, and its history still replays to it", () => {
    const { card, log } = learntCard();
    const now = at(T0, 3 * DAY);
    const forgotten = forgetCard(card, now);
    expect(forgotten.ok).toBe(true);
    if (!forgotten.ok) return;
    const after = forgotten.value.card;
    expect([after.state, after.reps, after.lapses, after.due]).toEqual(["new", 0, 0, now.toISOString()]);
    expect(forgotten.value.change).toMatchObject({
      kind: "forget",
      changedAt: now.toISOString(),
      before: { state: "review" },
    });
    expect(isCardConsistentWithLog(after, log)).toBe(false);
    expect(isCardConsistentWithLog(after, log, [forgotten.value.change])).toBe(true);
    // Reviewing it again continues the same history.
    const again = review(after, "good", at(now, MINUTE));
    expect(isCardConsistentWithLog(again.card, [...log, again.entry], [forgotten.value.change])).toBe(true);
  });

  it("refuses a card that was never reviewed", () => {
    expect(forgetCard(newCard("P3"), T0)).toMatchObject({ ok: false, issues: [{ path: ["skillId"] }] });
  });

  it("leaves the earlier review impossible to undo, rather than restoring a schedule the learner replaced", () => {
    const { card, log } = learntCard();
    const forgotten = forgetCard(card, at(T0, DAY));
    if (!forgotten.ok) throw new Error("forget failed");
    expect(undoLastReview(forgotten.value.card, log).ok).toBe(false);
  });
});

describe("reschedule", () => {
  it("moves a reviewed card to the start of the chosen day, keeping its memory state", () => {
    const { card, log } = learntCard();
    const moved = rescheduleCard(card, new Date("2026-03-20T12:00:00Z"), LATER, settings);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.value.card.due).toBe("2026-03-20T00:00:00.000Z");
    expect(moved.value.card.scheduledDays).toBe(
      Math.round((Date.parse("2026-03-20T00:00:00Z") - Date.parse(card.lastReview ?? "")) / DAY),
    );
    expect([moved.value.card.stability, moved.value.card.difficulty, moved.value.card.state]).toEqual([
      card.stability,
      card.difficulty,
      card.state,
    ]);
    expect(isCardConsistentWithLog(moved.value.card, log, [moved.value.change])).toBe(true);
    expect(buildQueue([moved.value.card], log, new Date("2026-03-19T23:59:00Z"), settings).due).toEqual([]);
    expect(buildQueue([moved.value.card], log, new Date("2026-03-20T00:00:00Z"), settings).due).toHaveLength(
      1,
    );
  });

  it("refuses a time before the card's last review", () => {
    const { card } = learntCard();
    expect(rescheduleCard(card, new Date("2026-03-20T12:00:00Z"), T0, settings)).toMatchObject({
      ok: false,
      issues: [{ path: ["now"] }],
    });
    expect(forgetCard(card, T0)).toMatchObject({ ok: false, issues: [{ path: ["now"] }] });
  });

  it("refuses a day before today and a new card, saying what to do", () => {
    const { card } = learntCard();
    expect(rescheduleCard(card, new Date("2026-03-01T12:00:00Z"), LATER, settings)).toMatchObject({
      ok: false,
      issues: [{ path: ["due"], message: "choose today or a later day" }],
    });
    const refused = rescheduleCard(newCard("P3"), new Date("2026-03-20T12:00:00Z"), LATER, settings);
    expect(!refused.ok && refused.issues[0]?.message).toMatch(/new and has no schedule yet; bury or suspend/);
  });

  it("survives an export and import, with the change in the file", () => {
    const { card, log } = learntCard();
    const moved = rescheduleCard(card, new Date("2026-03-20T12:00:00Z"), LATER, settings);
    if (!moved.ok) throw new Error("reschedule failed");
    const text = serializeDeck(exportDeck("learner-1", [moved.value.card], log, LATER, [moved.value.change]));
    const imported = importDeck(text);
    expect(imported.ok && imported.value.cards[0]?.due).toBe("2026-03-20T00:00:00.000Z");
    // Without its change the same file is refused: the card no longer matches its history.
    const withoutChange = JSON.parse(text) as { changes: unknown[] };
    withoutChange.changes = [];
    expect(importDeck(withoutChange).ok).toBe(false);
  });
});
