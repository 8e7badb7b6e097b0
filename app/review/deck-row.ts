// What the review page shows of the deck and the queue, as plain data: the page renders it on the server, and
// an answer's reply carries the same shapes, so the counters, the card's row and the Undo label update without
// another request.
import { formatDateTime } from "@/app/format-date";
import { dueIn } from "@/lib/review/index";
import { isDueAt, type QueueCounts, type SrsCard } from "@/lib/srs/index";

export type DeckRow = {
  readonly skillId: string;
  /** "suspended" for a suspended card, otherwise its FSRS state. */
  readonly state: string;
  /** "new", "due now" or the due time, from now first ("in 1 min (2026-12-07 12:49 UTC)"). */
  readonly due: string;
  readonly reps: number;
  readonly lapses: number;
  readonly source: string;
  readonly suspended: boolean;
};

function describeDue(card: SrsCard, now: Date): string {
  if (card.state === "new") return "new";
  if (isDueAt(card, now)) return "due now";
  return whenDue(card.due, now);
}

/** "in 1 min (2026-12-07 12:49 UTC)": the wait first, so no reader has to convert from UTC to know it. */
export function whenDue(due: string, now: Date): string {
  return `${dueIn(due, now)} (${formatDateTime(due)})`;
}

export function deckRow(card: SrsCard, now: Date): DeckRow {
  return {
    skillId: card.skillId,
    state: card.suspended ? "suspended" : card.state,
    due: describeDue(card, now),
    reps: card.reps,
    lapses: card.lapses,
    source: card.source,
    suspended: card.suspended,
  };
}

/** The Undo button's text: the card and rating of the review it takes back. */
export function undoLabel(review: { readonly skillId: string; readonly rating: string }): string {
  return `Undo last review (${review.skillId}, ${review.rating})`;
}

/** The part of the page an answer changes. */
export type ReviewPageUpdate = {
  readonly counts: QueueCounts;
  readonly row: DeckRow;
  readonly undoLabel: string;
};
