import { isBuriedAt, type CardState, type SrsCard } from "./card";
import { conceptIdOf } from "./skill-id";

// The card browser's view of a deck: each card's status as the learner thinks of it (suspended and buried
// win over the FSRS state, since they decide whether the card comes up), and the search and filters.

export const CARD_STATUSES = ["new", "learning", "review", "relearning", "suspended", "buried"] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export function cardStatus(card: SrsCard, now: Date): CardStatus {
  if (card.suspended) return "suspended";
  if (isBuriedAt(card, now)) return "buried";
  return card.state satisfies CardState;
}

export type CardFilter = {
  /** Case-insensitive text matched against the skill ID and the concept's text. */
  readonly query?: string | undefined;
  readonly conceptId?: string | undefined;
  readonly status?: CardStatus | undefined;
};

/**
 * The cards matching every given filter, in the deck's order. `describe` gives the text searched besides the
 * skill ID (the concept's rule), so lib/srs needs no content lookup.
 */
export function filterCards(
  cards: readonly SrsCard[],
  filter: CardFilter,
  now: Date,
  describe: (card: SrsCard) => string = () => "",
): readonly SrsCard[] {
  const query = filter.query?.trim().toLowerCase() ?? "";
  return cards.filter(
    (card) =>
      (filter.conceptId === undefined || conceptIdOf(card.skillId) === filter.conceptId) &&
      (filter.status === undefined || cardStatus(card, now) === filter.status) &&
      (query === "" || `${card.skillId} ${describe(card)}`.toLowerCase().includes(query)),
  );
}

/** How many cards have each status; every status is present, zero included. */
export function countByStatus(cards: readonly SrsCard[], now: Date): Readonly<Record<CardStatus, number>> {
  const counts: Record<CardStatus, number> = {
    new: 0,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    buried: 0,
  };
  for (const card of cards) counts[cardStatus(card, now)] += 1;
  return counts;
}
