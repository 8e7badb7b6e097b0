import { describe, expect, it } from "vitest";
import { examScoreHistory, type FinishedExam } from "../../lib/practice/exam-history";
import { examDomainShares } from "../../lib/practice/exam-questions";

const exam = (sessionId: string, finishedAt: number, percent: number, isRetake = false): FinishedExam => ({
  sessionId,
  finishedAt,
  isRetake,
  percent,
  correct: percent / 10,
  total: 10,
  passed: percent >= 70,
});

describe("exam score history", () => {
  it("numbers mock exams oldest first and leaves retakes out", () => {
    const history = examScoreHistory([
      exam("c", 300, 90),
      exam("r", 250, 100, true),
      exam("a", 100, 40),
      exam("b", 200, 70),
    ]);
    expect(history.map((point) => [point.attempt, point.sessionId, point.percent])).toEqual([
      [1, "a", 40],
      [2, "b", 70],
      [3, "c", 90],
    ]);
  });

  it("is empty with no mock exam", () => {
    expect(examScoreHistory([exam("r", 1, 50, true)])).toEqual([]);
  });
});

describe("exam domain shares", () => {
  it("spreads the questions evenly over the domains that have questions, and adds up to the exam", () => {
    for (const count of [1, 5, 20, 23, 65]) {
      const shares = examDomainShares(count);
      expect(shares.length).toBeGreaterThan(0);
      const fewest = shares.reduce((sum, share) => sum + share.fewest, 0);
      const most = shares.reduce((sum, share) => sum + share.most, 0);
      expect(fewest).toBeLessThanOrEqual(count);
      expect(most).toBeGreaterThanOrEqual(count);
      for (const share of shares) expect(share.most - share.fewest).toBeLessThanOrEqual(1);
    }
  });

  it("gives every domain the same share when the count divides evenly", () => {
    const shares = examDomainShares(20);
    expect(new Set(shares.map((share) => share.fewest))).toEqual(new Set([20 / shares.length]));
  });
});
