// Exam readiness per domain: the share of questions the learner would get right, estimated from their first
// answers to distinct question variants in that domain (a repeated variant shows memory of one answer, not
// the rule), with a Wilson score interval so a domain answered three times does not look as settled as one
// answered thirty times. The verdict compares the interval with the pass mark.
import { primaryConcept } from "../quiz/blame";
import type { GradedAnswer } from "./mastery";

/** The most recent distinct variants read per domain: readiness is about now, not the first week. */
export const READINESS_WINDOW = 30;
/** z for a two-sided 95% interval. */
export const WILSON_Z = 1.96;

export type ReadinessVerdict = "likely-ready" | "not-yet" | "uncertain" | "no-data";

export type DomainReadiness = {
  readonly group: string;
  /** Distinct variants in the window. */
  readonly answered: number;
  readonly right: number;
  /** Wilson interval bounds and its centre, 0..1; 0 when nothing was answered. */
  readonly low: number;
  readonly estimate: number;
  readonly high: number;
  readonly verdict: ReadinessVerdict;
};

export type Interval = { readonly low: number; readonly centre: number; readonly high: number };

/** Wilson score interval for `right` successes out of `total`. */
export function wilsonInterval(right: number, total: number, z: number = WILSON_Z): Interval {
  if (!(total > 0) || right < 0 || right > total) return { low: 0, centre: 0, high: 1 };
  const p = right / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { low: Math.max(0, centre - half), centre, high: Math.min(1, centre + half) };
}

/** The first answer to each variant, oldest first. */
function firstAnswers(answers: readonly GradedAnswer[]): GradedAnswer[] {
  const seen = new Set<string>();
  return [...answers]
    .sort((a, b) => a.answeredAt - b.answeredAt)
    .filter((answer) => {
      if (seen.has(answer.questionId)) return false;
      seen.add(answer.questionId);
      return true;
    });
}

export function domainReadiness(input: {
  readonly answers: readonly GradedAnswer[];
  readonly groups: readonly string[];
  readonly groupOf: (concept: string) => string | undefined;
  /** 0..100 */
  readonly passPercent: number;
  readonly window?: number;
}): DomainReadiness[] {
  const window = input.window ?? READINESS_WINDOW;
  const pass = input.passPercent / 100;
  const distinct = firstAnswers(input.answers);
  return input.groups.map((group) => {
    // Each question counts in one domain, the one of the concept it assesses (as the exam report does).
    const inGroup = distinct
      .filter((answer) => {
        const primary = primaryConcept(answer.concepts);
        return primary !== undefined && input.groupOf(primary) === group;
      })
      .slice(-window);
    const right = inGroup.filter((answer) => answer.correct).length;
    if (inGroup.length === 0)
      return { group, answered: 0, right: 0, low: 0, estimate: 0, high: 1, verdict: "no-data" as const };
    const interval = wilsonInterval(right, inGroup.length);
    const verdict: ReadinessVerdict =
      interval.low >= pass ? "likely-ready" : interval.high < pass ? "not-yet" : "uncertain";
    return {
      group,
      answered: inGroup.length,
      right,
      low: interval.low,
      estimate: right / inGroup.length,
      high: interval.high,
      verdict,
    };
  });
}
