import { type SkillId } from "./skill-id";

// A review card in plain serialisable form: the ts-fsrs Card fields with dates as ISO-8601 strings, plus
// what the product needs around them. Only scheduler.ts converts to and from ts-fsrs shapes.

export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
export type CardState = (typeof CARD_STATES)[number];

export const CARD_SOURCES = ["lesson", "practice", "exam", "manual"] as const;
export type CardSource = (typeof CARD_SOURCES)[number];

/** The fields FSRS updates on every review; a review log entry keeps a copy of them from before the review. */
export type CardSchedule = {
  readonly state: CardState;
  /** ISO-8601 instant when the card is next due. */
  readonly due: string;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  /** Position in the (re)learning steps. */
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  /** ISO-8601 instant of the last review, null before the first one. */
  readonly lastReview: string | null;
};

export type SrsCard = CardSchedule & {
  readonly learnerId: string;
  readonly skillId: SkillId;
  readonly suspended: boolean;
  /** ISO-8601 instant until which the card stays out of the queue (buried), or null. */
  readonly buriedUntil: string | null;
  readonly addedAt: string;
  readonly source: CardSource;
};

export type NewCardInput = {
  readonly learnerId: string;
  readonly skillId: SkillId;
  readonly source: CardSource;
};

/** A card enters the deck due at once, so the learner's next session can introduce it. */
export function createCard(input: NewCardInput, now: Date): SrsCard {
  const at = now.toISOString();
  return {
    learnerId: input.learnerId,
    skillId: input.skillId,
    source: input.source,
    suspended: false,
    buriedUntil: null,
    addedAt: at,
    state: "new",
    due: at,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

export type EnsuredCard = { readonly card: SrsCard; readonly created: boolean };

/**
 * One card per learner and skill: returns the learner's existing card for the skill (its source is where
 * the learner first met it and does not change), or a new one to insert.
 */
export function ensureCard(cards: readonly SrsCard[], input: NewCardInput, now: Date): EnsuredCard {
  const existing = cards.find((card) => card.learnerId === input.learnerId && card.skillId === input.skillId);
  return existing === undefined
    ? { card: createCard(input, now), created: true }
    : { card: existing, created: false };
}

export function scheduleOf(card: CardSchedule): CardSchedule {
  return {
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.lastReview,
  };
}

export function setSuspended(card: SrsCard, suspended: boolean): SrsCard {
  return { ...card, suspended };
}

/** A buried card sits out the queue until its day is over; its schedule is untouched. */
export function isBuriedAt(card: Pick<SrsCard, "buriedUntil">, now: Date): boolean {
  return card.buriedUntil !== null && Date.parse(card.buriedUntil) > now.getTime();
}

export function isNewCard(card: CardSchedule): boolean {
  return card.state === "new";
}

export function isLearningCard(card: CardSchedule): boolean {
  return card.state === "learning" || card.state === "relearning";
}

export function isDueAt(card: CardSchedule, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

export function isSameSchedule(a: CardSchedule, b: CardSchedule): boolean {
  return (
    a.state === b.state &&
    a.due === b.due &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.lastReview === b.lastReview
  );
}
