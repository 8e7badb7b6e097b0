import { default_w } from "ts-fsrs";
import { reviewDaysBetween } from "./day";
import { type ReviewRating } from "./rating";
import { type ReviewLogEntry } from "./review-log";
import { fsrsParametersSchema, type FsrsParameters } from "./settings";

// Fitting FSRS parameters to the learner's own review log. This module is pure: it turns the log into the
// optimizer's input, decides whether there is enough of it, and compares the fit before and after. The
// optimizer itself (Rust, via @open-spaced-repetition/binding) is passed in, so tests need no native code.

/**
 * Minimum data before fitting. The optimizer (fsrs-rs) refuses fewer than 8 training items outright and,
 * with only a few dozen, fits just the four initial stabilities; its authors advise fitting only after
 * several hundred reviews, because with less the fitted curve follows noise and can schedule worse than the
 * defaults, which were fitted to millions of reviews. 400 reviews that follow an earlier review of the same
 * card, over at least 20 cards, keeps one or two cards from dominating the fit. Both numbers are a judgement
 * within that advice, not a figure the optimizer enforces.
 */
export const MIN_FITTING_REVIEWS = 400;
export const MIN_FITTING_CARDS = 20;

const GRADE: Readonly<Record<ReviewRating, 1 | 2 | 3 | 4>> = { again: 1, hard: 2, good: 3, easy: 4 };

/** One review as the optimizer reads it: the grade (1 again … 4 easy) and learner-days since the last one. */
export type OptimiserReview = { readonly rating: 1 | 2 | 3 | 4; readonly deltaT: number };

/** A card's history up to and including the review whose outcome is predicted (the optimizer's FSRSItem). */
export type OptimiserItem = readonly OptimiserReview[];

export type FitMetrics = { readonly logLoss: number; readonly rmse: number };

/** The optimizer behind an interface: fit parameters to items, and score parameters on items. */
export type FsrsOptimiser = {
  readonly fit: (items: readonly OptimiserItem[]) => Promise<readonly number[]>;
  readonly evaluate: (items: readonly OptimiserItem[], parameters: readonly number[]) => Promise<FitMetrics>;
};

function cardKey(entry: ReviewLogEntry): string {
  return `${entry.learnerId}\u0000${entry.skillId}`;
}

/** Oldest first; two reviews in one millisecond are ordered by the review count they started from. */
function byTime(a: ReviewLogEntry, b: ReviewLogEntry): number {
  return Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt) || a.before.reps - b.before.reps;
}

/**
 * Each card's reviews as histories: a history starts at a review of a new card (the first ever, or the first
 * after the learner reset the card with "forget"), since the optimizer's first review must have deltaT 0.
 * Days are learner days (`dayStartOffsetMinutes`), as FSRS counts elapsed days. Undone reviews must not be
 * in `log` (the data layer leaves them out).
 */
export function toCardHistories(
  log: readonly ReviewLogEntry[],
  dayStartOffsetMinutes: number,
): readonly (readonly OptimiserReview[])[] {
  const byCard = new Map<string, ReviewLogEntry[]>();
  for (const entry of log) {
    const list = byCard.get(cardKey(entry));
    if (list === undefined) byCard.set(cardKey(entry), [entry]);
    else list.push(entry);
  }
  const histories: OptimiserReview[][] = [];
  for (const entries of byCard.values()) {
    let current: OptimiserReview[] | undefined;
    let previous: ReviewLogEntry | undefined;
    for (const entry of [...entries].sort(byTime)) {
      if (current === undefined || previous === undefined || entry.before.state === "new") {
        current = [];
        histories.push(current);
        current.push({ rating: GRADE[entry.rating], deltaT: 0 });
      } else {
        const days = reviewDaysBetween(
          new Date(previous.reviewedAt),
          new Date(entry.reviewedAt),
          dayStartOffsetMinutes,
        );
        current.push({ rating: GRADE[entry.rating], deltaT: Math.max(0, days) });
      }
      previous = entry;
    }
  }
  return histories;
}

/** The optimizer's training items: every prefix of a history with at least two reviews (one to predict). */
export function toOptimiserItems(
  histories: readonly (readonly OptimiserReview[])[],
): readonly OptimiserItem[] {
  return histories.flatMap((history) => history.slice(1).map((_, index) => history.slice(0, index + 2)));
}

export type FittingReadiness = {
  /** Reviews that follow an earlier review of the same card: the ones the optimizer learns from. */
  readonly reviews: number;
  /** Cards with at least one such review. */
  readonly cards: number;
  readonly reviewsNeeded: number;
  readonly cardsNeeded: number;
  readonly ready: boolean;
};

/** Whether the log is big enough to fit, and if not how many more reviews and cards it needs. */
export function assessFittingData(histories: readonly (readonly OptimiserReview[])[]): FittingReadiness {
  const reviews = histories.reduce((sum, history) => sum + history.length - 1, 0);
  const cards = histories.filter((history) => history.length >= 2).length;
  const reviewsNeeded = Math.max(0, MIN_FITTING_REVIEWS - reviews);
  const cardsNeeded = Math.max(0, MIN_FITTING_CARDS - cards);
  return { reviews, cards, reviewsNeeded, cardsNeeded, ready: reviewsNeeded === 0 && cardsNeeded === 0 };
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** A sentence for the learner on what is still missing; empty when ready. */
export function describeMissingData(readiness: FittingReadiness): string {
  if (readiness.ready) return "";
  const parts = [
    readiness.reviewsNeeded > 0
      ? `${plural(readiness.reviewsNeeded, "more review")} of cards you have seen before`
      : "",
    readiness.cardsNeeded > 0 ? `repeat reviews on ${plural(readiness.cardsNeeded, "more card")}` : "",
  ].filter((part) => part !== "");
  return (
    `Optimising needs ${parts.join(" and ")}: it learns from reviews that follow an earlier one ` +
    `(you have ${plural(readiness.reviews, "review")} over ${plural(readiness.cards, "card")}; ` +
    `it needs ${MIN_FITTING_REVIEWS} over ${MIN_FITTING_CARDS}).`
  );
}

export type FitOutcome =
  | {
      readonly ok: true;
      readonly parameters: FsrsParameters;
      readonly reviews: number;
      /** Scores on the learner's own log: with the parameters in force before, and with the fitted ones. */
      readonly before: FitMetrics;
      readonly after: FitMetrics;
      readonly fittedAt: string;
    }
  | { readonly ok: false; readonly reason: string; readiness: FittingReadiness };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fits FSRS parameters to the learner's log with `optimiser`, at `now` (the fit's timestamp). Refuses when
 * the minimum-data rule is not met, when the optimizer fails, or when it returns something that is not a set
 * of FSRS-6 parameters; each refusal is a sentence for the learner.
 */
export async function fitParameters(
  log: readonly ReviewLogEntry[],
  settings: { readonly dayStartOffsetMinutes: number; readonly fsrsParameters: FsrsParameters | null },
  now: Date,
  optimiser: FsrsOptimiser,
): Promise<FitOutcome> {
  const histories = toCardHistories(log, settings.dayStartOffsetMinutes);
  const readiness = assessFittingData(histories);
  if (!readiness.ready) {
    return { ok: false, reason: describeMissingData(readiness), readiness };
  }
  const items = toOptimiserItems(histories);
  const current = settings.fsrsParameters ?? default_w;
  try {
    const fitted = fsrsParametersSchema.safeParse(await optimiser.fit(items));
    if (!fitted.success) {
      return {
        ok: false,
        reason: `The optimiser returned parameters this app cannot use (${fitted.error.issues[0]?.message ?? "invalid"}); your schedule is unchanged.`,
        readiness,
      };
    }
    const [before, after] = [
      await optimiser.evaluate(items, current),
      await optimiser.evaluate(items, fitted.data),
    ];
    return {
      ok: true,
      parameters: fitted.data,
      reviews: readiness.reviews,
      before,
      after,
      fittedAt: now.toISOString(),
    };
  } catch (error) {
    return {
      ok: false,
      reason: `The optimiser failed on your review log (${messageOf(error)}); your schedule is unchanged.`,
      readiness,
    };
  }
}
