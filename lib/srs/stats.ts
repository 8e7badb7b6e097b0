import { isNewCard, type SrsCard } from "./card";
import { DAY_MS, reviewDayKey, reviewDaysBetween, startOfReviewDay } from "./day";
import { predictRecall } from "./retrievability";
import { type ReviewLogEntry } from "./review-log";
import { type SrsSettings } from "./settings";
import { conceptIdOf } from "./skill-id";

export type DailyReviews = { readonly day: string; readonly reviews: number; readonly correct: number };

/** Reviews per learner-day for the last `days` days, oldest first, today last; empty days included. */
export function countReviewsPerDay(
  log: readonly ReviewLogEntry[],
  now: Date,
  days: number,
  settings: SrsSettings,
): readonly DailyReviews[] {
  const offset = settings.dayStartOffsetMinutes;
  const todayStart = startOfReviewDay(now, offset).getTime();
  const rows = Array.from({ length: days }, (_, index) => ({
    day: reviewDayKey(new Date(todayStart - (days - 1 - index) * DAY_MS), offset),
    reviews: 0,
    correct: 0,
  }));
  for (const entry of log) {
    const back = reviewDaysBetween(new Date(entry.reviewedAt), now, offset);
    const row = rows[days - 1 - back];
    if (back >= 0 && row !== undefined) {
      row.reviews += 1;
      row.correct += entry.correct ? 1 : 0;
    }
  }
  return rows;
}

export type RetentionReport = {
  /** Reviews of graduated cards (state "review" before the review) in the window. */
  readonly reviews: number;
  readonly correct: number;
  /** correct / reviews, or null without reviews. */
  readonly retention: number | null;
  readonly target: number;
};

/**
 * True retention as FSRS defines its target: the share of recalls among reviews of cards already in the
 * review state. Learning steps are excluded because they are scheduled within minutes, not by retention.
 * `sinceDays` limits the window to the last N learner-days (all history when omitted).
 */
export function measureRetention(
  log: readonly ReviewLogEntry[],
  now: Date,
  settings: SrsSettings,
  sinceDays?: number,
): RetentionReport {
  let reviews = 0;
  let correct = 0;
  for (const entry of log) {
    const back = reviewDaysBetween(new Date(entry.reviewedAt), now, settings.dayStartOffsetMinutes);
    const inWindow = back >= 0 && (sinceDays === undefined || back < sinceDays);
    if (entry.before.state === "review" && inWindow) {
      reviews += 1;
      correct += entry.correct ? 1 : 0;
    }
  }
  return {
    reviews,
    correct,
    retention: reviews === 0 ? null : correct / reviews,
    target: settings.desiredRetention,
  };
}

export type DailyForecast = { readonly day: string; readonly due: number };

/**
 * Cards falling due on each of the next `days` learner-days starting today. Overdue cards count today,
 * since that is when the learner meets them; new and suspended cards are not forecast.
 */
export function forecastDue(
  cards: readonly SrsCard[],
  now: Date,
  settings: SrsSettings,
  days = 30,
): readonly DailyForecast[] {
  const offset = settings.dayStartOffsetMinutes;
  const todayStart = startOfReviewDay(now, offset).getTime();
  const rows = Array.from({ length: days }, (_, index) => ({
    day: reviewDayKey(new Date(todayStart + index * DAY_MS), offset),
    due: 0,
  }));
  for (const card of cards) {
    if (card.suspended || isNewCard(card)) {
      continue;
    }
    const ahead = Math.max(0, reviewDaysBetween(now, new Date(card.due), offset));
    const row = rows[ahead];
    if (row !== undefined) {
      row.due += 1;
    }
  }
  return rows;
}

export type ConceptWeakness = {
  readonly conceptId: string;
  /** Mean predicted recall now over the concept's reviewed cards. */
  readonly retrievability: number;
  readonly lapses: number;
  readonly cards: number;
};

/**
 * Concepts ranked weakest first: lowest mean predicted recall, then most lapses, then concept ID. Family
 * cards of the same concept count towards it. Cards never reviewed have no prediction and are left out.
 */
export function findWeakestConcepts(
  cards: readonly SrsCard[],
  now: Date,
  settings: SrsSettings,
  limit = 5,
): readonly ConceptWeakness[] {
  const byConcept = new Map<string, { recall: number; lapses: number; cards: number }>();
  for (const card of cards) {
    const recall = card.suspended ? null : predictRecall(card, now, settings);
    if (recall === null) {
      continue;
    }
    const conceptId = conceptIdOf(card.skillId);
    const sum = byConcept.get(conceptId) ?? { recall: 0, lapses: 0, cards: 0 };
    byConcept.set(conceptId, {
      recall: sum.recall + recall,
      lapses: sum.lapses + card.lapses,
      cards: sum.cards + 1,
    });
  }
  return [...byConcept.entries()]
    .map(([conceptId, sum]) => ({
      conceptId,
      retrievability: sum.recall / sum.cards,
      lapses: sum.lapses,
      cards: sum.cards,
    }))
    .sort(
      (a, b) =>
        a.retrievability - b.retrievability ||
        b.lapses - a.lapses ||
        (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0),
    )
    .slice(0, limit);
}

export type IntervalBucket = {
  readonly label: string;
  readonly fromDays: number;
  readonly toDays: number;
  readonly cards: number;
};

// Anki's interval histogram groups days; fixed edges keep the bars comparable from one week to the next.
const INTERVAL_EDGES = [1, 2, 3, 4, 7, 14, 21, 30, 60, 90, 180, 365] as const;

/**
 * Reviewed cards (not new, not suspended) by their current interval in days, the gap FSRS chose at their
 * last review. Buckets are [from, to) days; the last is open-ended. Learning steps under a day fall in "<1d".
 */
export function histogramIntervals(cards: readonly SrsCard[]): readonly IntervalBucket[] {
  const edges = [0, ...INTERVAL_EDGES];
  const buckets = edges.map((from, index) => {
    const to = edges[index + 1] ?? Number.POSITIVE_INFINITY;
    const label =
      from === 0
        ? "<1d"
        : to === Number.POSITIVE_INFINITY
          ? `${from}d+`
          : to - from === 1
            ? `${from}d`
            : `${from}–${to - 1}d`;
    return { label, fromDays: from, toDays: to, cards: 0 };
  });
  for (const card of cards) {
    if (card.suspended || isNewCard(card)) continue;
    const bucket = buckets.find(
      (candidate) => card.scheduledDays >= candidate.fromDays && card.scheduledDays < candidate.toDays,
    );
    if (bucket !== undefined) bucket.cards += 1;
  }
  return buckets;
}

export type HeatmapDay = DailyReviews & {
  /** 0 (no reviews) to 4 (the busiest days), for the colour of the calendar cell. */
  readonly level: 0 | 1 | 2 | 3 | 4;
};

/**
 * The review calendar: every learner-day of the last `days` days (about six months by default), oldest
 * first, with a level scaled to the busiest day so a light week still shows.
 */
export function reviewHeatmap(
  log: readonly ReviewLogEntry[],
  now: Date,
  settings: SrsSettings,
  days = 182,
): readonly HeatmapDay[] {
  const perDay = countReviewsPerDay(log, now, days, settings);
  const busiest = Math.max(0, ...perDay.map((day) => day.reviews));
  return perDay.map((day) => ({
    ...day,
    level: day.reviews === 0 ? 0 : (Math.max(1, Math.ceil((day.reviews / busiest) * 4)) as 1 | 2 | 3 | 4),
  }));
}

export type HourlyReviews = { readonly hour: number; readonly reviews: number; readonly correct: number };

/**
 * Reviews and right answers by hour of the learner's day (hour 0 starts at the day boundary), over the last
 * `sinceDays` learner-days, to show when recall is best.
 */
export function countReviewsByHour(
  log: readonly ReviewLogEntry[],
  now: Date,
  settings: SrsSettings,
  sinceDays = 30,
): readonly HourlyReviews[] {
  const offset = settings.dayStartOffsetMinutes;
  const rows = Array.from({ length: 24 }, (_, hour) => ({ hour, reviews: 0, correct: 0 }));
  for (const entry of log) {
    const at = new Date(entry.reviewedAt);
    const back = reviewDaysBetween(at, now, offset);
    if (back < 0 || back >= sinceDays) continue;
    const row = rows[Math.floor((at.getTime() - startOfReviewDay(at, offset).getTime()) / 3_600_000)];
    if (row !== undefined) {
      row.reviews += 1;
      row.correct += entry.correct ? 1 : 0;
    }
  }
  return rows;
}
