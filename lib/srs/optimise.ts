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

/** A review in a card's history, with when it happened (ms), so items can be split by time. */
type DatedReview = { readonly review: OptimiserReview; readonly at: number };

/**
 * Each card's reviews as histories: a history starts at a review of a new card (the first ever, or the first
 * after the learner reset the card with "forget"), since the optimizer's first review must have deltaT 0.
 * Days are learner days (`dayStartOffsetMinutes`), as FSRS counts elapsed days. Undone reviews must not be
 * in `log` (the data layer leaves them out).
 */
function datedHistories(
  log: readonly ReviewLogEntry[],
  dayStartOffsetMinutes: number,
): readonly (readonly DatedReview[])[] {
  const byCard = new Map<string, ReviewLogEntry[]>();
  for (const entry of log) {
    const list = byCard.get(cardKey(entry));
    if (list === undefined) byCard.set(cardKey(entry), [entry]);
    else list.push(entry);
  }
  const histories: DatedReview[][] = [];
  for (const entries of byCard.values()) {
    let current: DatedReview[] | undefined;
    let previous: ReviewLogEntry | undefined;
    for (const entry of [...entries].sort(byTime)) {
      const at = Date.parse(entry.reviewedAt);
      if (current === undefined || previous === undefined || entry.before.state === "new") {
        current = [];
        histories.push(current);
        current.push({ review: { rating: GRADE[entry.rating], deltaT: 0 }, at });
      } else {
        const days = reviewDaysBetween(
          new Date(previous.reviewedAt),
          new Date(entry.reviewedAt),
          dayStartOffsetMinutes,
        );
        current.push({ review: { rating: GRADE[entry.rating], deltaT: Math.max(0, days) }, at });
      }
      previous = entry;
    }
  }
  return histories;
}

/** Each card's reviews as the optimizer's histories (see datedHistories). */
export function toCardHistories(
  log: readonly ReviewLogEntry[],
  dayStartOffsetMinutes: number,
): readonly (readonly OptimiserReview[])[] {
  return datedHistories(log, dayStartOffsetMinutes).map((history) => history.map((dated) => dated.review));
}

/** The optimizer's training items: every prefix of a history with at least two reviews (one to predict). */
export function toOptimiserItems(
  histories: readonly (readonly OptimiserReview[])[],
): readonly OptimiserItem[] {
  return histories.flatMap((history) => history.slice(1).map((_, index) => history.slice(0, index + 2)));
}

/** A training item and the time of the review it predicts. */
export type DatedItem = { readonly item: OptimiserItem; readonly at: number };

/** The share of the items, the latest ones, held out of the evaluation fit. */
export const HELD_OUT_SHARE = 0.2;

/**
 * Splits the items by time, as FSRS's own evaluation does (fsrs-rs TimeSeriesSplit, the srs-benchmark): the
 * earlier ones to fit on, the latest `HELD_OUT_SHARE` to score on. A random split would let the fit see a
 * card's later reviews while predicting its earlier ones, which flatters it. Ties keep their order.
 */
export function splitByTime(
  items: readonly DatedItem[],
  heldOutShare = HELD_OUT_SHARE,
): { readonly train: readonly OptimiserItem[]; readonly test: readonly OptimiserItem[] } {
  const sorted = items
    .map((dated, index) => ({ ...dated, index }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const cut = Math.min(sorted.length - 1, Math.max(1, Math.floor(sorted.length * (1 - heldOutShare))));
  return {
    train: sorted.slice(0, cut).map((dated) => dated.item),
    test: sorted.slice(cut).map((dated) => dated.item),
  };
}

/** Every item (see toOptimiserItems) with the time of the review it predicts. */
export function toDatedItems(log: readonly ReviewLogEntry[], dayStartOffsetMinutes: number): DatedItem[] {
  return datedHistories(log, dayStartOffsetMinutes).flatMap((history) =>
    history.slice(1).map((dated, index) => ({
      item: history.slice(0, index + 2).map((entry) => entry.review),
      at: dated.at,
    })),
  );
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

/** How the before/after scores were measured: on the latest reviews, which the scored fit did not see. */
export type HeldOut = {
  /** Reviews the evaluation fit learnt from (the earlier ones). */
  readonly trainReviews: number;
  /** The latest reviews, scored with the parameters in force before and with the evaluation fit. */
  readonly testReviews: number;
};

export type FitOutcome =
  | {
      readonly ok: true;
      /** Fitted to the whole log: these schedule the learner's reviews from now on. */
      readonly parameters: FsrsParameters;
      readonly reviews: number;
      /**
       * Scores on the held-out latest reviews: with the parameters in force before, and with parameters fitted
       * to the earlier reviews only. Never scores on reviews the scored parameters were fitted to.
       */
      readonly before: FitMetrics;
      readonly after: FitMetrics;
      readonly heldOut: HeldOut;
      readonly fittedAt: string;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readiness: FittingReadiness;
      /** True when no optimiser could be loaded on this server (nothing was tried). */
      readonly unavailable?: true;
    };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fits FSRS parameters to the learner's log with `optimiser`, at `now` (the fit's timestamp), and measures the
 * gain honestly: parameters fitted to the earlier 80% of the reviews (by time) and the parameters in force
 * before are both scored on the latest 20%, which that fit never saw. The parameters returned for scheduling
 * are then fitted to the whole log, as Anki and the FSRS authors do (their held-out splits are for
 * evaluating the optimiser, training uses every review). Refuses when the optimiser is unavailable on this
 * server (`optimiser` is then the reason), when the minimum-data rule is not met, when the optimizer fails,
 * or when it returns something that is not a set of FSRS-6 parameters; each refusal is a sentence for the
 * learner, and nothing changes.
 */
export async function fitParameters(
  log: readonly ReviewLogEntry[],
  settings: { readonly dayStartOffsetMinutes: number; readonly fsrsParameters: FsrsParameters | null },
  now: Date,
  optimiser: FsrsOptimiser | string,
): Promise<FitOutcome> {
  const histories = toCardHistories(log, settings.dayStartOffsetMinutes);
  const readiness = assessFittingData(histories);
  if (typeof optimiser === "string") return { ok: false, reason: optimiser, readiness, unavailable: true };
  if (!readiness.ready) {
    return { ok: false, reason: describeMissingData(readiness), readiness };
  }
  const dated = toDatedItems(log, settings.dayStartOffsetMinutes);
  const { train, test } = splitByTime(dated);
  const current = settings.fsrsParameters ?? default_w;
  const unusable = (issue: string | undefined) => ({
    ok: false as const,
    reason: `The optimiser returned parameters this app cannot use (${issue ?? "invalid"}); your schedule is unchanged.`,
    readiness,
  });
  try {
    const trained = fsrsParametersSchema.safeParse(await optimiser.fit(train));
    if (!trained.success) return unusable(trained.error.issues[0]?.message);
    const before = await optimiser.evaluate(test, current);
    const after = await optimiser.evaluate(test, trained.data);
    const fitted = fsrsParametersSchema.safeParse(await optimiser.fit(dated.map((entry) => entry.item)));
    if (!fitted.success) return unusable(fitted.error.issues[0]?.message);
    return {
      ok: true,
      parameters: fitted.data,
      reviews: readiness.reviews,
      before,
      after,
      heldOut: { trainReviews: train.length, testReviews: test.length },
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
