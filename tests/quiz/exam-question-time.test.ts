import { describe, expect, it } from "vitest";
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import type { ExamInput } from "../../lib/quiz/exam-config";
import { examMachine, type ExamEvent } from "../../lib/quiz/exam-machine";
import { getExamResult } from "../../lib/quiz/exam-result";

type Snap = SnapshotFrom<typeof examMachine>;

// The clock is injected: every event carries the server's `now`, so these tests move time by hand.
const T0 = 1_700_000_000_000;
const input: ExamInput = {
  examSeed: 1,
  questionIds: ["q0", "q1", "q2"],
  startedAt: T0,
  deadline: T0 + 600_000,
};
const run = (events: readonly ExamEvent[]): Snap =>
  events.reduce(
    (snapshot, event) => transition(examMachine, snapshot, event)[0],
    initialTransition(examMachine, input)[0],
  );
const timesOf = (snapshot: Snap) =>
  getExamResult(snapshot.context)?.responses.map((r) => [r.timeMs, r.answeredAt]);

describe("exam time per question", () => {
  it("adds the time between being shown and being left, over every visit", () => {
    const done = run([
      { type: "answer.select", questionId: "q0", optionIds: ["a"], now: T0 + 4_000 },
      { type: "question.next", now: T0 + 5_000 },
      { type: "question.next", now: T0 + 12_000 },
      { type: "question.goto", index: 0, now: T0 + 20_000 },
      { type: "question.goto", index: 2, now: T0 + 23_000 },
      { type: "exam.submit", now: T0 + 30_000 },
    ]);
    expect(timesOf(done)).toEqual([
      [5_000 + 3_000, T0 + 4_000],
      [7_000, null],
      [8_000 + 7_000, null],
    ]);
  });

  it("does not count the review screen against any question", () => {
    const done = run([
      { type: "question.next", now: T0 + 1_000 },
      { type: "review.open", now: T0 + 3_000 },
      { type: "review.close", now: T0 + 50_000 },
      { type: "answer.select", questionId: "q1", optionIds: ["b"], now: T0 + 51_000 },
      { type: "exam.submit", now: T0 + 52_000 },
    ]);
    expect(timesOf(done)).toEqual([
      [1_000, null],
      [2_000 + 2_000, T0 + 51_000],
      [0, null],
    ]);
  });

  it("stops the clock at the deadline when time runs out, however late the next event", () => {
    const done = run([
      { type: "question.next", now: T0 + 100_000 },
      { type: "timer.tick", now: T0 + 900_000 },
    ]);
    expect(done.context.endedBy).toBe("timeout");
    expect(timesOf(done)).toEqual([
      [100_000, null],
      [500_000, null],
      [0, null],
    ]);
  });

  it("sums to the time the exam was open outside the review screen", () => {
    const done = run([
      { type: "question.goto", index: 2, now: T0 + 9_000 },
      { type: "question.previous", now: T0 + 11_000 },
      { type: "exam.submit", now: T0 + 17_500 },
    ]);
    const total = getExamResult(done.context)?.responses.reduce((sum, r) => sum + r.timeMs, 0);
    expect(total).toBe(17_500);
  });
});
