import { describe, expect, it } from "vitest";
import { type SrsCard } from "../../lib/srs/card";
import { exportDeck, importDeck, serializeDeck } from "../../lib/srs/deck-export";
import { buildQueue } from "../../lib/srs/queue";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { at, DAY, MINUTE, newCard, review, T0 } from "./fixtures";

/** A learner with a small history: several cards at different stages, a lapse, one untouched. */
function history(): { cards: SrsCard[]; log: ReviewLogEntry[] } {
  const log: ReviewLogEntry[] = [];
  const cards: SrsCard[] = [];
  const plans: [string, readonly ("again" | "good" | "easy")[]][] = [
    ["P3", ["good", "good", "good", "again", "good"]],
    ["can-a-reach-c:P3", ["good", "good", "easy"]],
    ["E8", ["again", "good", "good"]],
    ["F1", []],
  ];
  for (const [skill, ratings] of plans) {
    let card = newCard(skill);
    let now = T0;
    for (const rating of ratings) {
      const outcome = review(card, rating, now);
      card = outcome.card;
      log.push(outcome.entry);
      now = at(new Date(card.due), 2 * 60 * MINUTE); // a little late each time
    }
    cards.push(card);
  }
  return { cards, log };
}

describe("deck export and import", () => {
  it("round-trips through JSON text unchanged", () => {
    const { cards, log } = history();
    const deck = exportDeck("learner-1", cards, log, T0);
    const imported = importDeck(serializeDeck(deck));
    expect(imported).toEqual({ ok: true, value: deck });
  });

  it("reproduces the same schedule: same due dates, same queue, same next reviews", () => {
    const { cards, log } = history();
    const imported = importDeck(serializeDeck(exportDeck("learner-1", cards, log, T0)));
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    const restored = imported.value;

    expect(restored.cards.map((card) => [card.skillId, card.due])).toEqual(
      cards.map((card) => [card.skillId, card.due]),
    );
    const later = at(T0, 40 * DAY);
    expect(buildQueue(restored.cards, restored.log, later, DEFAULT_SRS_SETTINGS)).toEqual(
      buildQueue(cards, log, later, DEFAULT_SRS_SETTINGS),
    );
    // Reviewing after import schedules exactly as reviewing the original would have.
    for (const [index, card] of cards.entries()) {
      const copy = restored.cards[index];
      if (copy === undefined) throw new Error("card lost in import");
      const when = new Date(Math.max(Date.parse(card.due), T0.getTime()));
      expect(review(copy, "good", when).card.due).toBe(review(card, "good", when).card.due);
    }
  });

  it("exports only the given learner's cards and reviews", () => {
    const mine = review(newCard("P1"), "good", T0);
    const theirs = review(newCard("P1", T0, "lesson", "learner-2"), "good", T0);
    const deck = exportDeck("learner-1", [mine.card, theirs.card], [mine.entry, theirs.entry], T0);
    expect(deck.cards).toEqual([mine.card]);
    expect(deck.log).toEqual([mine.entry]);
  });

  it("rejects a wrong version, a bad date and an unknown skill, naming the field path", () => {
    const { cards, log } = history();
    const good = JSON.parse(serializeDeck(exportDeck("learner-1", cards, log, T0))) as Record<
      string,
      unknown
    > & {
      cards: Record<string, unknown>[];
      log: Record<string, unknown>[];
    };
    const paths = (input: unknown) => {
      const result = importDeck(input);
      return result.ok ? [] : result.issues.map((issue) => issue.path.join("."));
    };
    expect(paths({ ...good, version: 2 })).toEqual(["version"]);
    expect(
      paths({ ...good, cards: good.cards.map((card, i) => (i === 1 ? { ...card, due: "tomorrow" } : card)) }),
    ).toEqual(["cards.1.due"]);
    expect(
      paths({ ...good, log: good.log.map((row, i) => (i === 2 ? { ...row, skillId: "P99" } : row)) }),
    ).toEqual(["log.2.skillId"]);
    expect(
      paths({
        ...good,
        log: good.log.map((row, i) =>
          i === 0 ? { ...row, before: { ...(row.before as object), state: "lost" } } : row,
        ),
      }),
    ).toEqual(["log.0.before.state"]);
    expect(paths("{not json")).toEqual([""]);
    // A time taken past a day could not be stored (PostgreSQL's int4 column): refused by name, not at the insert.
    expect(
      paths({ ...good, log: good.log.map((row, i) => (i === 1 ? { ...row, timeTakenMs: 30 * DAY } : row)) }),
    ).toEqual(["log.1.timeTakenMs"]);
  });

  it("rejects two cards for one skill and rows of another learner", () => {
    const { cards, log } = history();
    const deck = exportDeck("learner-1", cards, log, T0);
    const doubled = importDeck({ ...deck, cards: [...deck.cards, deck.cards[0]] });
    expect(!doubled.ok && doubled.issues[0]?.path).toEqual(["cards", 4, "skillId"]);
    const foreign = importDeck({ ...deck, log: [{ ...log[0], learnerId: "learner-2" }] });
    expect(!foreign.ok && foreign.issues[0]?.path).toEqual(["log", 0, "learnerId"]);
  });

  it("rejects a card whose schedule its review log does not give, and a log with a row missing", () => {
    const { cards, log } = history();
    const deck = exportDeck("learner-1", cards, log, T0);
    const pushedBack = deck.cards.map((card, i) =>
      i === 0 ? { ...card, due: at(new Date(card.due), 30 * DAY).toISOString() } : card,
    );
    const tampered = importDeck({ ...deck, cards: pushedBack });
    expect(!tampered.ok && tampered.issues[0]?.path).toEqual(["cards", 0]);
    const gap = importDeck({ ...deck, log: deck.log.filter((_, i) => i !== 1) });
    expect(!gap.ok && gap.issues[0]?.path).toEqual(["log", 1, "before"]);
  });

  it("normalises dates written with an offset", () => {
    const deck = exportDeck("learner-1", [newCard("P1")], [], T0);
    const shifted = { ...deck, cards: [{ ...deck.cards[0], due: "2026-03-02T11:00:00+02:00" }] };
    const imported = importDeck(shifted);
    expect(imported.ok && imported.value.cards[0]?.due).toBe("2026-03-02T09:00:00.000Z");
  });
});
