import { describe, expect, it, vi } from "vitest";
import { default_w } from "ts-fsrs";
import {
  assessFittingData,
  describeMissingData,
  fitParameters,
  MIN_FITTING_CARDS,
  MIN_FITTING_REVIEWS,
  splitByTime,
  toCardHistories,
  toDatedItems,
  toOptimiserItems,
  type FsrsOptimiser,
  type OptimiserItem,
  type OptimiserReview,
} from "../../lib/srs/optimise";
import { CONCEPTS } from "../../lib/content/concepts";
import { forgetCard } from "../../lib/srs/card-change";
import { isCardConsistentWithLog } from "../../lib/srs/replay-reviews";
import { type ReviewLogEntry } from "../../lib/srs/review-log";
import { DEFAULT_SRS_SETTINGS } from "../../lib/srs/settings";
import { at, DAY, newCard, review, T0 } from "./fixtures";

const HOUR = 3_600_000;
const SETTINGS = { dayStartOffsetMinutes: 0, fsrsParameters: null };

/** A log of `cards` cards each reviewed `reviews` times, a few days apart, from the injected clock T0. */
function syntheticLog(cards: number, reviews: number, rating: "good" | "easy" = "good"): ReviewLogEntry[] {
  const log: ReviewLogEntry[] = [];
  for (let c = 0; c < cards; c += 1) {
    const concept = CONCEPTS[c];
    if (concept === undefined) throw new Error("not enough concepts for the synthetic log");
    let card = newCard(concept.id);
    let now = T0;
    for (let r = 0; r < reviews; r += 1) {
      const outcome = review(card, rating, now);
      log.push(outcome.entry);
      card = outcome.card;
      now = new Date(Math.max(Date.parse(card.due), now.getTime() + DAY));
    }
  }
  return log;
}

/** Histories shaped directly, for the rule: `cards` histories of `length` reviews. */
function histories(cards: number, length: number): OptimiserReview[][] {
  return Array.from({ length: cards }, () =>
    Array.from({ length }, (_, index) => ({ rating: 3 as const, deltaT: index === 0 ? 0 : 2 })),
  );
}

function fakeOptimiser(parameters: readonly number[] = default_w.map((w) => w * 1.01)): FsrsOptimiser {
  return {
    fit: vi.fn(() => Promise.resolve(parameters)),
    evaluate: vi.fn((_items: readonly OptimiserItem[], used: readonly number[]) =>
      Promise.resolve({ logLoss: used[0] === parameters[0] ? 0.3 : 0.4, rmse: 0.05 }),
    ),
  };
}

describe("toCardHistories", () => {
  it("orders each card's reviews and counts learner days between them, the first at 0", () => {
    const first = review(newCard("P3"), "good", T0);
    const second = review(first.card, "good", at(T0, 3 * DAY));
    const other = review(newCard("E1"), "easy", at(T0, HOUR));
    // Given in scrambled order: the conversion sorts by time per card.
    const result = toCardHistories([second.entry, other.entry, first.entry], 0);
    expect(result).toEqual(
      expect.arrayContaining([
        [
          { rating: 3, deltaT: 0 },
          { rating: 3, deltaT: 3 },
        ],
        [{ rating: 4, deltaT: 0 }],
      ]),
    );
    expect(result).toHaveLength(2);
  });

  it("counts days in the learner's day, not UTC's", () => {
    const late = new Date("2026-03-02T23:00:00.000Z");
    const first = review(newCard("P3"), "good", late);
    const second = review(first.card, "good", at(late, 2 * HOUR));
    const log = [first.entry, second.entry];
    expect(toCardHistories(log, 0)[0]?.[1]?.deltaT).toBe(1);
    // A day that starts at 02:00 UTC puts 23:00 and 01:00 in the same learner day.
    expect(toCardHistories(log, 120)[0]?.[1]?.deltaT).toBe(0);
  });

  it("starts a new history when a forgotten card is reviewed as new again", () => {
    const first = review(newCard("P3"), "good", T0);
    const forgotten = forgetCard(first.card, at(T0, DAY));
    if (!forgotten.ok) throw new Error("forget refused");
    const again = review(forgotten.value.card, "hard", at(T0, 2 * DAY));
    expect(toCardHistories([first.entry, again.entry], 0)).toEqual([
      [{ rating: 3, deltaT: 0 }],
      [{ rating: 2, deltaT: 0 }],
    ]);
  });
});

describe("toOptimiserItems", () => {
  it("makes one item per review after the first, each holding the history up to it", () => {
    const items = toOptimiserItems([
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 2 },
        { rating: 3, deltaT: 1 },
      ],
      [{ rating: 4, deltaT: 0 }],
    ]);
    expect(items).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 2 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 2 },
        { rating: 3, deltaT: 1 },
      ],
    ]);
  });
});

describe("assessFittingData (minimum-data rule)", () => {
  it("is ready at exactly the minimum reviews over the minimum cards, and one review short is not", () => {
    const perCard = MIN_FITTING_REVIEWS / MIN_FITTING_CARDS + 1;
    const enough = assessFittingData(histories(MIN_FITTING_CARDS, perCard));
    expect(enough).toMatchObject({ reviews: MIN_FITTING_REVIEWS, cards: MIN_FITTING_CARDS, ready: true });
    const short = histories(MIN_FITTING_CARDS, perCard);
    short[0]?.pop();
    expect(assessFittingData(short)).toMatchObject({
      reviews: MIN_FITTING_REVIEWS - 1,
      reviewsNeeded: 1,
      ready: false,
    });
  });

  it("needs enough cards even with enough reviews, and first reviews do not count", () => {
    const few = assessFittingData([...histories(MIN_FITTING_CARDS - 1, 100), ...histories(50, 1)]);
    expect(few).toMatchObject({ reviews: 99 * (MIN_FITTING_CARDS - 1), cardsNeeded: 1, ready: false });
    expect(describeMissingData(few)).toContain("repeat reviews on 1 more card:");
  });

  it("says how many more reviews are needed", () => {
    const readiness = assessFittingData(histories(MIN_FITTING_CARDS, 2));
    expect(describeMissingData(readiness)).toContain(
      `${MIN_FITTING_REVIEWS - MIN_FITTING_CARDS} more reviews`,
    );
  });
});

describe("splitByTime", () => {
  const item = (rating: 1 | 2 | 3 | 4): OptimiserItem => [
    { rating: 3, deltaT: 0 },
    { rating, deltaT: 1 },
  ];

  it("holds out the latest 20% by the time of the review predicted, whatever the input order", () => {
    const dated = [5, 1, 4, 2, 3, 9, 0, 8, 7, 6].map((at) => ({
      item: [{ rating: 3 as const, deltaT: at }],
      at,
    }));
    const { train, test } = splitByTime(dated);
    expect(train.map((entry) => entry[0]?.deltaT)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(test.map((entry) => entry[0]?.deltaT)).toEqual([8, 9]);
  });

  it("keeps at least one item on each side", () => {
    const { train, test } = splitByTime([
      { item: item(3), at: 1 },
      { item: item(1), at: 2 },
    ]);
    expect([train.length, test.length]).toEqual([1, 1]);
  });

  it("dates each item by the review it predicts, across cards", () => {
    const a = review(newCard("P3"), "good", T0);
    const b = review(newCard("P2"), "good", at(T0, HOUR));
    const a2 = review(a.card, "again", at(T0, 3 * DAY));
    const b2 = review(b.card, "easy", at(T0, 2 * DAY));
    const dated = toDatedItems([a.entry, b.entry, a2.entry, b2.entry], 0);
    expect(dated.map((entry) => [entry.at, entry.item.at(-1)?.rating])).toEqual([
      [at(T0, 3 * DAY).getTime(), 1],
      [at(T0, 2 * DAY).getTime(), 4],
    ]);
    expect(splitByTime(dated).test.map((entry) => entry.at(-1)?.rating)).toEqual([1]);
  });
});

describe("fitParameters", () => {
  it("refuses a small log without calling the optimiser", async () => {
    const optimiser = fakeOptimiser();
    const outcome = await fitParameters(syntheticLog(3, 4), SETTINGS, T0, optimiser);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.reason).toMatch(/more reviews/);
    expect(optimiser.fit).not.toHaveBeenCalled();
  });

  it("scores before and after on the latest 20% of reviews only, and schedules with a fit to the whole log", async () => {
    const fitted = default_w.map((w) => w * 1.01);
    const optimiser = fakeOptimiser(fitted);
    const now = new Date("2026-05-01T12:00:00.000Z");
    const log = syntheticLog(MIN_FITTING_CARDS, 21);
    const outcome = await fitParameters(log, SETTINGS, now, optimiser);
    const heldOut = MIN_FITTING_REVIEWS / 5;
    expect(outcome).toMatchObject({
      ok: true,
      parameters: fitted,
      reviews: MIN_FITTING_REVIEWS,
      before: { logLoss: 0.4 },
      after: { logLoss: 0.3 },
      heldOut: { trainReviews: MIN_FITTING_REVIEWS - heldOut, testReviews: heldOut },
      fittedAt: now.toISOString(),
    });
    // Two fits: the evaluation fit on the earlier 80%, then the one kept, on every review.
    const fits = vi.mocked(optimiser.fit).mock.calls.map(([items]) => items.length);
    expect(fits).toEqual([MIN_FITTING_REVIEWS - heldOut, MIN_FITTING_REVIEWS]);
    // Both scores come from the held-out items, none of which the evaluation fit saw; "before" uses the
    // defaults when the learner had no fitted parameters.
    const scored = vi.mocked(optimiser.evaluate).mock.calls;
    expect(scored.map(([items, used]) => [items.length, used === default_w])).toEqual([
      [heldOut, true],
      [heldOut, false],
    ]);
    const trained = new Set(vi.mocked(optimiser.fit).mock.calls[0]?.[0].map((item) => JSON.stringify(item)));
    const tested = scored[0]?.[0].map((item) => JSON.stringify(item)) ?? [];
    expect(tested.filter((item) => trained.has(item))).toEqual([]);
  });

  it("refuses with the unavailable sentence when the optimiser could not be loaded, trying nothing", async () => {
    const outcome = await fitParameters(
      syntheticLog(MIN_FITTING_CARDS, 21),
      SETTINGS,
      T0,
      "Optimisation is unavailable on this server.",
    );
    expect(outcome).toMatchObject({
      ok: false,
      unavailable: true,
      reason: "Optimisation is unavailable on this server.",
      readiness: { ready: true },
    });
  });

  it("refuses parameters of another FSRS version and an optimiser that throws, in a sentence", async () => {
    const log = syntheticLog(MIN_FITTING_CARDS, 21);
    const wrong = await fitParameters(log, SETTINGS, T0, fakeOptimiser(default_w.slice(0, 19)));
    expect(wrong.ok ? "" : wrong.reason).toMatch(/cannot use .*21 numbers/);
    const throwing: FsrsOptimiser = {
      fit: async () => Promise.reject(new Error("training diverged")),
      evaluate: () => Promise.resolve({ logLoss: 0, rmse: 0 }),
    };
    const failed = await fitParameters(log, SETTINGS, T0, throwing);
    expect(failed.ok ? "" : failed.reason).toBe(
      "The optimiser failed on your review log (training diverged); your schedule is unchanged.",
    );
  });
});

describe("scheduling with fitted parameters", () => {
  // Initial stabilities three times the defaults: a learner whose first memories last longer.
  const fitted = default_w.map((w, index) => (index < 4 ? w * 3 : w));
  const settings = { ...DEFAULT_SRS_SETTINGS, fsrsParameters: fitted };

  it("schedules longer first intervals than the defaults and logs the parameters it used", () => {
    const card = newCard("P3");
    const withDefaults = review(card, "easy", T0);
    const withFitted = review(card, "easy", T0, settings);
    expect(withFitted.card.scheduledDays).toBeGreaterThan(withDefaults.card.scheduledDays);
    expect(withFitted.entry.fsrsParameters).toEqual(fitted);
    expect(withDefaults.entry.fsrsParameters).toBeNull();
  });

  it("replays a log that mixes default and fitted parameters to the stored card", () => {
    const first = review(newCard("P3"), "easy", T0, settings);
    const second = review(first.card, "good", new Date(first.card.due));
    const third = review(second.card, "easy", new Date(second.card.due), settings);
    const log = [first.entry, second.entry, third.entry];
    expect(isCardConsistentWithLog(third.card, log)).toBe(true);
    // Dropping the logged parameters replays the first review with the defaults, which the log contradicts.
    const stripped = log.map((entry) => ({ ...entry, fsrsParameters: null }));
    expect(isCardConsistentWithLog(third.card, stripped)).toBe(false);
  });
});
