import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating,
  State,
  type Card,
  type FSRS,
  type Grade,
} from "ts-fsrs";
import { type CardSchedule, type CardState } from "./card";
import { type ReviewRating } from "./rating";
import { type SrsSettings } from "./settings";

// The one boundary to ts-fsrs (style.md: one boundary per outside system). Everything else in the app sees
// CardSchedule with ISO strings and string unions.

const STATE_TO_FSRS: Readonly<Record<CardState, State>> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const STATE_FROM_FSRS: Readonly<Record<State, CardState>> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

const RATING_TO_FSRS: Readonly<Record<ReviewRating, Grade>> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/**
 * Fuzz stays on: it spreads reviews of cards learnt together over neighbouring days. ts-fsrs seeds it
 * from the card and the review time, so the same inputs still give the same due date.
 * Short-term steps (1m, 10m; relearning 10m) are the ts-fsrs defaults: a concept missed today comes back
 * within the session with a fresh scenario.
 */
export type SchedulingTarget = Pick<SrsSettings, "desiredRetention" | "maximumIntervalDays"> & {
  /** The learner's fitted parameters; absent or null means the ts-fsrs defaults (as before fitting existed). */
  readonly fsrsParameters?: SrsSettings["fsrsParameters"] | undefined;
};

export function createScheduler(settings: SchedulingTarget): FSRS {
  const fitted = settings.fsrsParameters ?? null;
  return fsrs(
    generatorParameters({
      ...(fitted === null ? {} : { w: [...fitted] }),
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: true,
      enable_short_term: true,
      learning_steps: ["1m", "10m"],
      relearning_steps: ["10m"],
    }),
  );
}

export function toFsrsCard(schedule: CardSchedule): Card {
  // ts-fsrs 5 still requires the deprecated elapsed_days but recomputes it from last_review on every review,
  // so it is not stored: the library's empty card supplies it (0), and every other field comes from ours.
  const { last_review: _unset, ...empty } = createEmptyCard();
  const card: Card = {
    ...empty,
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: STATE_TO_FSRS[schedule.state],
  };
  if (schedule.lastReview !== null) {
    card.last_review = new Date(schedule.lastReview);
  }
  return card;
}

export function fromFsrsCard(card: Card): CardSchedule {
  return {
    state: STATE_FROM_FSRS[card.state],
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review === undefined ? null : card.last_review.toISOString(),
  };
}

export function toFsrsGrade(rating: ReviewRating): Grade {
  return RATING_TO_FSRS[rating];
}

const DAY_MS = 86_400_000;

/**
 * ts-fsrs 5.4 keeps Hard < Good < Easy by adding a day to each, which can push Good and Easy past
 * maximum_interval when the cap is near (seen with a 5-day cap: Easy scheduled 7 days). The learner's
 * setting is a promise, so the interval is clamped here; at the cap the buttons give equal intervals.
 */
export function capToMaximumInterval(
  schedule: CardSchedule,
  reviewedAt: Date,
  maximumIntervalDays: number,
): CardSchedule {
  if (schedule.scheduledDays <= maximumIntervalDays) {
    return schedule;
  }
  return {
    ...schedule,
    scheduledDays: maximumIntervalDays,
    due: new Date(reviewedAt.getTime() + maximumIntervalDays * DAY_MS).toISOString(),
  };
}

/** One FSRS step: the schedule after rating a card with `before` at `now`, capped at the maximum interval. */
export function scheduleNext(
  before: CardSchedule,
  rating: ReviewRating,
  now: Date,
  target: SchedulingTarget,
): CardSchedule {
  const next = createScheduler(target).next(toFsrsCard(before), now, toFsrsGrade(rating));
  return capToMaximumInterval(fromFsrsCard(next.card), now, target.maximumIntervalDays);
}

/**
 * What each rating would schedule for a card with `before` reviewed at `now`: ts-fsrs's `repeat` preview,
 * capped like scheduleNext so a button never promises an interval the review would not give.
 */
export function previewNext(
  before: CardSchedule,
  now: Date,
  target: SchedulingTarget,
): Readonly<Record<ReviewRating, CardSchedule>> {
  const preview = createScheduler(target).repeat(toFsrsCard(before), now);
  const after = (rating: ReviewRating): CardSchedule =>
    capToMaximumInterval(fromFsrsCard(preview[toFsrsGrade(rating)].card), now, target.maximumIntervalDays);
  return { again: after("again"), hard: after("hard"), good: after("good"), easy: after("easy") };
}

/** The schedule of a card forgotten at `now`: new again, due at once; counts reset when `resetCounts`. */
export function forgetSchedule(before: CardSchedule, now: Date, resetCounts: boolean): CardSchedule {
  return fromFsrsCard(fsrs().forget(toFsrsCard(before), now, resetCounts).card);
}
