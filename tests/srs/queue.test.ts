import { describe, expect, it } from "vitest";
import { setSuspended, type SrsCard } from "../../lib/srs/card";
import { buildQueue } from "../../lib/srs/queue";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { at, DAY, MINUTE, newCard, review, T0 } from "./fixtures";

const ALL_CONCEPTS = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "E1", "E2"];

function withDue(card: SrsCard, due: Date): SrsCard {
  return { ...card, due: due.toISOString() };
}

describe("the review queue", () => {
  it("offers at most the daily limit of new cards, counting those already started today", () => {
    const settings = { ...DEFAULT_SRS_SETTINGS, newCardsPerDay: 5 };
    const cards = ALL_CONCEPTS.map((id) => newCard(id));
    const morning = at(T0, -8 * 60 * MINUTE); // 01:00 UTC, same UTC day as T0
    const started = cards.slice(0, 3).map((card) => review(card, "good", morning, settings));
    const deck = [...started.map((outcome) => outcome.card), ...cards.slice(3)];
    const log = started.map((outcome) => outcome.entry);

    const queue = buildQueue(deck, log, T0, settings);
    expect(queue.counts.newToday).toBe(3);
    expect(queue.counts.newRemaining).toBe(2);
    expect(queue.fresh.map((card) => card.skillId)).toEqual(["E1", "E2"]);
  });

  it("does not count a new card twice when it was reviewed twice today", () => {
    const first = review(newCard("P1"), "again", T0);
    const second = review(first.card, "good", at(T0, MINUTE));
    const queue = buildQueue(
      [second.card, newCard("P2")],
      [first.entry, second.entry],
      at(T0, 2 * MINUTE),
      DEFAULT_SRS_SETTINGS,
    );
    expect(queue.counts.newToday).toBe(1);
  });

  it("gives a fresh allowance on the next day", () => {
    const settings = { ...DEFAULT_SRS_SETTINGS, newCardsPerDay: 2 };
    const started = [
      review(newCard("P1"), "good", T0, settings),
      review(newCard("P2"), "good", T0, settings),
    ];
    const deck = [...started.map((outcome) => outcome.card), newCard("P3"), newCard("P4")];
    const log = started.map((outcome) => outcome.entry);
    expect(buildQueue(deck, log, at(T0, 60 * MINUTE), settings).counts.newRemaining).toBe(0);
    const tomorrow = new Date("2026-03-03T00:00:01.000Z");
    expect(buildQueue(deck, log, tomorrow, settings).counts).toMatchObject({ newToday: 0, newRemaining: 2 });
  });

  it("moves the day boundary with dayStartOffsetMinutes", () => {
    // Reviewed at 23:30 UTC on 2 March. For a learner in UTC+2 (offset -120) the day began at 22:00 UTC.
    const late = new Date("2026-03-02T23:30:00.000Z");
    const started = review(newCard("P1"), "good", late);
    const nextMorning = new Date("2026-03-03T00:30:00.000Z");
    const utc = buildQueue([started.card], [started.entry], nextMorning, DEFAULT_SRS_SETTINGS);
    const plusTwo = buildQueue([started.card], [started.entry], nextMorning, {
      ...DEFAULT_SRS_SETTINGS,
      dayStartOffsetMinutes: -120,
    });
    expect(utc.counts.newToday).toBe(0);
    expect(plusTwo.counts.newToday).toBe(1);
  });

  it("orders due cards most overdue first, ties broken by skill ID", () => {
    const graduated = (id: string) => {
      const first = review(newCard(id), "good", T0).card;
      return review(first, "good", new Date(first.due)).card;
    };
    const now = at(T0, 20 * DAY);
    const cards = [
      withDue(graduated("P4"), at(now, -1 * DAY)),
      withDue(graduated("P2"), at(now, -3 * DAY)),
      withDue(graduated("E1"), at(now, -3 * DAY)),
      withDue(graduated("P9"), at(now, 1 * DAY)), // not yet due
      withDue(graduated("P5"), now), // due exactly now
    ];
    const queue = buildQueue(cards, [], now, DEFAULT_SRS_SETTINGS);
    expect(queue.due.map((card) => card.skillId)).toEqual(["E1", "P2", "P4", "P5"]);
    expect(queue.counts).toEqual({ dueNow: 4, learning: 0, newToday: 0, newRemaining: 0 });
  });

  it("counts learning cards apart from review cards and leaves out suspended ones", () => {
    const learning = review(newCard("P1"), "good", T0).card; // due in 10 minutes
    const later = at(T0, 11 * MINUTE);
    const cards = [learning, setSuspended(newCard("P2"), true), newCard("P3")];
    const queue = buildQueue(cards, [] as ReviewLogEntry[], later, DEFAULT_SRS_SETTINGS);
    expect(queue.counts).toEqual({ dueNow: 0, learning: 1, newToday: 0, newRemaining: 1 });
    expect(queue.fresh.map((card) => card.skillId)).toEqual(["P3"]);
    const early = buildQueue(cards, [], at(T0, 5 * MINUTE), DEFAULT_SRS_SETTINGS);
    expect(early.counts.learning).toBe(0);
    expect(early.nextDueAt).toBe(learning.due);
    expect(queue.nextDueAt).toBeNull();
  });
});
