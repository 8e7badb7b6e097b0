import { isSameSchedule, scheduleOf, type SrsCard } from "./card";
import { type CardChange } from "./card-change";
import { deckExportSchema, DECK_EXPORT_VERSION } from "./deck-schema";
import { fail, fromZodIssues, succeed, type SrsResult } from "./result";
import { replayReviews } from "./replay-reviews";
import { type ReviewLogEntry } from "./review-log";

export type DeckExport = {
  readonly version: typeof DECK_EXPORT_VERSION;
  readonly exportedAt: string;
  readonly learnerId: string;
  readonly cards: readonly SrsCard[];
  readonly log: readonly ReviewLogEntry[];
  readonly changes: readonly CardChange[];
};

/** A learner's cards, full review log and schedule changes; cards and rows of other learners are left out. */
export function exportDeck(
  learnerId: string,
  cards: readonly SrsCard[],
  log: readonly ReviewLogEntry[],
  now: Date,
  changes: readonly CardChange[] = [],
): DeckExport {
  return {
    version: DECK_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    learnerId,
    cards: cards.filter((card) => card.learnerId === learnerId),
    log: log.filter((entry) => entry.learnerId === learnerId),
    changes: changes.filter((change) => change.learnerId === learnerId),
  };
}

export function serializeDeck(deck: DeckExport): string {
  return `${JSON.stringify(deck, null, 2)}\n`;
}

/**
 * Validates an uploaded deck (JSON text or an already parsed value). Every card and row must belong to
 * the file's learner, each skill may have one card, and each card's schedule must be what replaying its
 * review log gives, so an imported deck schedules exactly as the exported one did.
 */
export function importDeck(input: unknown): SrsResult<DeckExport> {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      return fail([], "the file is not valid JSON");
    }
  }
  const parsed = deckExportSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  }
  const deck = parsed.data;
  const seen = new Set<string>();
  for (const [index, card] of deck.cards.entries()) {
    if (card.learnerId !== deck.learnerId) {
      return fail(["cards", index, "learnerId"], "card belongs to another learner than the file's learnerId");
    }
    if (seen.has(card.skillId)) {
      return fail(["cards", index, "skillId"], `a second card for skill ${card.skillId}; one card per skill`);
    }
    seen.add(card.skillId);
  }
  for (const [index, entry] of deck.log.entries()) {
    if (entry.learnerId !== deck.learnerId) {
      return fail(["log", index, "learnerId"], "review belongs to another learner than the file's learnerId");
    }
  }
  for (const [index, change] of deck.changes.entries()) {
    if (change.learnerId !== deck.learnerId) {
      return fail(
        ["changes", index, "learnerId"],
        "change belongs to another learner than the file's learnerId",
      );
    }
  }
  for (const [index, card] of deck.cards.entries()) {
    const replayed = replayReviews(card, deck.log, deck.changes);
    if (!replayed.ok) {
      return {
        ok: false,
        issues: replayed.issues.map((issue) => ({
          ...issue,
          path: issue.path[0] === "changes" ? issue.path : ["log", ...issue.path],
        })),
      };
    }
    if (!isSameSchedule(scheduleOf(replayed.value), scheduleOf(card))) {
      return fail(["cards", index], `card ${card.skillId} does not match what its review log schedules`);
    }
  }
  return succeed(deck);
}
