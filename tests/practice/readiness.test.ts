import { describe, expect, it } from "vitest";
import type { GradedAnswer } from "../../lib/practice/mastery";
import { domainReadiness, wilsonInterval } from "../../lib/practice/readiness";

const groupOf = (concept: string) => concept.split("/")[0];
const DAY = 86_400_000;
// The clock is injected through answeredAt: each answer is a day after the previous one.
const answers = (group: string, pattern: string, from = 0): GradedAnswer[] =>
  Array.from(pattern).map((mark, index) => ({
    questionId: `${group}-${from + index}`,
    concepts: [`${group}/c`],
    correct: mark === "1",
    answeredAt: (from + index) * DAY,
  }));
const readiness = (list: GradedAnswer[], passPercent = 70) =>
  domainReadiness({ answers: list, groups: ["a", "b"], groupOf, passPercent });

describe("wilson interval", () => {
  it("matches the textbook value for 8 of 10", () => {
    const interval = wilsonInterval(8, 10);
    expect(interval.low).toBeCloseTo(0.4902, 3);
    expect(interval.high).toBeCloseTo(0.9433, 3);
  });

  it("narrows as more answers come in at the same share", () => {
    const few = wilsonInterval(4, 5);
    const many = wilsonInterval(40, 50);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });

  it("stays inside 0..1 at the extremes", () => {
    expect(wilsonInterval(0, 3).low).toBe(0);
    expect(wilsonInterval(3, 3).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, centre: 0, high: 1 });
  });
});

describe("domain readiness", () => {
  it("says no data for a domain never answered", () => {
    expect(readiness(answers("a", "1"))[1]).toMatchObject({ group: "b", answered: 0, verdict: "no-data" });
  });

  it("is uncertain after a few right answers, likely ready after many", () => {
    expect(readiness(answers("a", "111"))[0]?.verdict).toBe("uncertain");
    expect(readiness(answers("a", "1".repeat(25)))[0]?.verdict).toBe("likely-ready");
  });

  it("is not yet when even the interval's top is under the pass mark", () => {
    expect(readiness(answers("a", "0001000000"))[0]?.verdict).toBe("not-yet");
  });

  it("counts one question answered again and again once, at its first answer", () => {
    const repeated: GradedAnswer[] = Array.from({ length: 20 }, (_, index) => ({
      questionId: "a-same",
      concepts: ["a/c"],
      correct: index > 0,
      answeredAt: index * DAY,
    }));
    expect(readiness(repeated)[0]).toMatchObject({ answered: 1, right: 0 });
  });

  it("reads the latest window of distinct variants, so old misses stop counting", () => {
    const list = [...answers("a", "0".repeat(30)), ...answers("a", "1".repeat(30), 30)];
    expect(readiness(list)[0]).toMatchObject({ answered: 30, right: 30, verdict: "likely-ready" });
  });

  it("files a question under the domain of the concept it assesses, not its context", () => {
    const list: GradedAnswer[] = [
      { questionId: "x", concepts: ["b/c", "a/c"], correct: true, answeredAt: 0 },
    ];
    expect(readiness(list).map((entry) => entry.answered)).toEqual([0, 1]);
  });
});
