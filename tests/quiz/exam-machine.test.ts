import { describe, expect, it } from "vitest";
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import { applyEvent } from "../../lib/quiz/apply-event";
import {
  DEFAULT_EXAM_DURATION_MS,
  DEFAULT_EXAM_QUESTION_COUNT,
  planExam,
  type ExamInput,
} from "../../lib/quiz/exam-config";
import { examMachine, type ExamEvent } from "../../lib/quiz/exam-machine";
import { getExamResult, getExamReview } from "../../lib/quiz/exam-result";
import { explore, leafStateIds } from "./support/graph";

type Snap = SnapshotFrom<typeof examMachine>;

const STARTED = 1_700_000_000_000;
const DEADLINE = STARTED + 60_000;
const input: ExamInput = {
  examSeed: 42,
  questionIds: ["q0", "q1", "q2"],
  startedAt: STARTED,
  deadline: DEADLINE,
};
const before = STARTED + 10_000;
const late = DEADLINE + 1;

function start(from: ExamInput = input): Snap {
  return initialTransition(examMachine, from)[0];
}
function run(events: readonly ExamEvent[], from: Snap = start()): Snap {
  return events.reduce((snapshot, event) => transition(examMachine, snapshot, event)[0], from);
}
const select = (questionId: string, optionIds: readonly string[] = ["a"], now = before): ExamEvent => ({
  type: "answer.select",
  questionId,
  optionIds,
  now,
});
const lastRefusal = (snapshot: Snap) => snapshot.context.refusals.at(-1);

describe("exam plan", () => {
  it("defaults to 30 minutes and turns the duration into an absolute deadline", () => {
    expect(DEFAULT_EXAM_QUESTION_COUNT).toBe(20);
    const result = planExam({ examSeed: 7, questionIds: ["a", "b"], startedAt: STARTED });
    expect(result).toEqual({
      ok: true,
      input: {
        examSeed: 7,
        questionIds: ["a", "b"],
        startedAt: STARTED,
        deadline: STARTED + DEFAULT_EXAM_DURATION_MS,
      },
    });
    expect(DEFAULT_EXAM_DURATION_MS).toBe(30 * 60 * 1000);
  });

  it("takes a configured duration", () => {
    const result = planExam({ examSeed: 7, questionIds: ["a"], startedAt: STARTED, durationMs: 5_000 });
    expect(result.ok && result.input.deadline).toBe(STARTED + 5_000);
  });

  it.each([
    [{ examSeed: 1, questionIds: [], startedAt: STARTED }, "questionIds"],
    [{ examSeed: 1, questionIds: ["a", "a"], startedAt: STARTED }, "questionIds"],
    [{ examSeed: 1, questionIds: ["a"], startedAt: STARTED, durationMs: 0 }, "durationMs"],
    [{ examSeed: 1, questionIds: ["a"], startedAt: Number.NaN }, "startedAt"],
  ])("refuses a bad plan with the field path (%o)", (plan, path) => {
    const result = planExam(plan);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toContain(path);
  });
});

describe("exam machine: answering", () => {
  it("starts on the first question with the server's deadline in context", () => {
    const snapshot = start();
    expect(snapshot.value).toEqual({ inProgress: "answering" });
    expect(snapshot.context).toMatchObject({
      currentIndex: 0,
      deadline: DEADLINE,
      examSeed: 42,
      answers: {},
      flagged: [],
    });
  });

  it("answers can be changed until submission", () => {
    const snapshot = run([select("q1", ["a"]), select("q1", ["b", "c"])]);
    expect(snapshot.context.answers).toEqual({ q1: ["b", "c"] });
  });

  it("answer.clear makes a question unanswered again", () => {
    const snapshot = run([select("q1"), { type: "answer.clear", questionId: "q1", now: before }]);
    expect(snapshot.context.answers).toEqual({});
    expect(getExamReview(snapshot.context).unanswered).toEqual(["q0", "q1", "q2"]);
  });

  it("refuses an answer for a question not in this exam", () => {
    const snapshot = run([select("intruder")]);
    expect(snapshot.context.answers).toEqual({});
    expect(lastRefusal(snapshot)?.code).toBe("not-in-session");
  });

  it("refuses an empty selection", () => {
    const snapshot = run([select("q0", [])]);
    expect(snapshot.context.answers).toEqual({});
    expect(lastRefusal(snapshot)?.code).toBe("invalid-answer");
  });

  it("navigates forward, back and to a position, refusing moves off either end", () => {
    const nextEvent: ExamEvent = { type: "question.next", now: before };
    const previousEvent: ExamEvent = { type: "question.previous", now: before };
    expect(run([nextEvent, nextEvent]).context.currentIndex).toBe(2);
    const atEnd = run([nextEvent, nextEvent, nextEvent]);
    expect(atEnd.context.currentIndex).toBe(2);
    expect(lastRefusal(atEnd)?.code).toBe("out-of-range");
    expect(run([nextEvent, previousEvent]).context.currentIndex).toBe(0);
    const atStart = run([previousEvent]);
    expect(atStart.context.currentIndex).toBe(0);
    expect(lastRefusal(atStart)?.code).toBe("out-of-range");
    expect(run([{ type: "question.goto", index: 2, now: before }]).context.currentIndex).toBe(2);
    for (const index of [-1, 3, 1.5]) {
      const snapshot = run([{ type: "question.goto", index, now: before }]);
      expect(snapshot.context.currentIndex).toBe(0);
      expect(lastRefusal(snapshot)?.code).toBe("out-of-range");
    }
  });

  it("flags and unflags, once each, refusing unknown questions", () => {
    const flagged = run([
      { type: "question.flag", questionId: "q2", now: before },
      { type: "question.flag", questionId: "q0", now: before },
      { type: "question.flag", questionId: "q2", now: before },
    ]);
    expect(flagged.context.flagged).toEqual(["q2", "q0"]);
    expect(getExamReview(flagged.context).flagged).toEqual(["q0", "q2"]);
    const unflagged = run([{ type: "question.unflag", questionId: "q2", now: before }], flagged);
    expect(unflagged.context.flagged).toEqual(["q0"]);
    const refused = run([{ type: "question.flag", questionId: "nope", now: before }]);
    expect(refused.context.flagged).toEqual([]);
    expect(lastRefusal(refused)?.code).toBe("not-in-session");
  });
});

describe("exam machine: review screen", () => {
  const reviewing = () =>
    run([
      select("q0"),
      { type: "question.flag", questionId: "q2", now: before },
      { type: "review.open", now: before },
    ]);

  it("review.open lists unanswered and flagged questions", () => {
    const snapshot = reviewing();
    expect(snapshot.value).toEqual({ inProgress: "reviewing" });
    expect(getExamReview(snapshot.context)).toEqual({ unanswered: ["q1", "q2"], flagged: ["q2"] });
  });

  it("review.close returns to the question on screen", () => {
    expect(run([{ type: "review.close", now: before }], reviewing()).value).toEqual({
      inProgress: "answering",
    });
  });

  it("question.goto from the review screen jumps to that question", () => {
    const snapshot = run([{ type: "question.goto", index: 2, now: before }], reviewing());
    expect(snapshot.value).toEqual({ inProgress: "answering" });
    expect(snapshot.context.currentIndex).toBe(2);
  });

  it("answers and flags still change on the review screen", () => {
    const snapshot = run(
      [select("q1"), { type: "question.unflag", questionId: "q2", now: before }],
      reviewing(),
    );
    expect(snapshot.value).toEqual({ inProgress: "reviewing" });
    expect(getExamReview(snapshot.context)).toEqual({ unanswered: ["q2"], flagged: [] });
  });

  it("exam.submit from the review screen submits by the learner", () => {
    const snapshot = run([{ type: "exam.submit", now: before + 5 }], reviewing());
    expect(snapshot.value).toBe("submitted");
    expect(snapshot.context).toMatchObject({ endedBy: "learner", submittedAt: before + 5 });
  });
});

describe("exam machine: timer and deadline", () => {
  it("a tick before the deadline keeps state and context", () => {
    const answered = run([select("q0")]);
    const snapshot = run([{ type: "timer.tick", now: DEADLINE - 1 }], answered);
    expect(snapshot.value).toEqual({ inProgress: "answering" });
    expect(snapshot.context).toEqual(answered.context);
  });

  it.each([DEADLINE, DEADLINE + 5_000])("a tick at or after the deadline (%i) auto-submits", (now) => {
    const snapshot = run([select("q0"), { type: "timer.tick", now }]);
    expect(snapshot.value).toBe("submitted");
    expect(snapshot.status).toBe("done");
    expect(snapshot.context).toMatchObject({
      endedBy: "timeout",
      submittedAt: DEADLINE,
      answers: { q0: ["a"] },
    });
    expect(snapshot.context.refusals).toEqual([]);
  });

  it("timer.expired at the deadline auto-submits; before it, it is refused", () => {
    expect(run([{ type: "timer.expired", now: DEADLINE }]).value).toBe("submitted");
    const early = run([{ type: "timer.expired", now: DEADLINE - 1 }]);
    expect(early.value).toEqual({ inProgress: "answering" });
    expect(lastRefusal(early)?.code).toBe("before-deadline");
  });

  it("an answer at the deadline is refused and the exam is submitted without it", () => {
    const snapshot = run([select("q0", ["a"]), select("q0", ["b"], DEADLINE), select("q1", ["c"], late)]);
    expect(snapshot.value).toBe("submitted");
    expect(snapshot.context.answers).toEqual({ q0: ["a"] });
    expect(snapshot.context.endedBy).toBe("timeout");
    expect(lastRefusal(snapshot)).toMatchObject({
      code: "past-deadline",
      eventType: "answer.select",
      at: DEADLINE,
    });
  });

  it.each<ExamEvent>([
    { type: "answer.clear", questionId: "q0", now: late },
    { type: "question.flag", questionId: "q0", now: late },
    { type: "question.unflag", questionId: "q0", now: late },
    { type: "question.next", now: late },
    { type: "question.previous", now: late },
    { type: "question.goto", index: 1, now: late },
    { type: "review.open", now: late },
    { type: "review.close", now: late },
  ])("$type after the deadline has no effect and submits by timeout", (event) => {
    const answered = run([select("q0")]);
    const snapshot = run([event], answered);
    expect(snapshot.value).toBe("submitted");
    expect(snapshot.context).toMatchObject({
      endedBy: "timeout",
      answers: answered.context.answers,
      flagged: [],
      currentIndex: 0,
    });
    expect(lastRefusal(snapshot)?.code).toBe("past-deadline");
  });

  it("the deadline holds on the review screen too", () => {
    const reviewing = run([select("q0"), { type: "review.open", now: before }]);
    const ticked = run([{ type: "timer.tick", now: before + 1 }], reviewing);
    expect(ticked.value).toEqual({ inProgress: "reviewing" });
    const late = run([select("q1", ["b"], DEADLINE)], reviewing);
    expect(late.value).toBe("submitted");
    expect(late.context.answers).toEqual({ q0: ["a"] });
    expect(run([{ type: "timer.tick", now: DEADLINE }], reviewing).context.endedBy).toBe("timeout");
  });

  it("exam.submit after the deadline counts as a timeout, not a learner submission", () => {
    const snapshot = run([{ type: "exam.submit", now: late }]);
    expect(snapshot.context).toMatchObject({ endedBy: "timeout", submittedAt: DEADLINE });
  });

  it("applyEvent reports a late answer as refused while handing back the submitted snapshot", () => {
    const result = applyEvent(examMachine, start(), select("q0", ["a"], late));
    expect(result.ok).toBe(false);
    expect(result.snapshot.value).toBe("submitted");
    expect(!result.ok && result.issues).toEqual([
      {
        path: "answer.select",
        code: "past-deadline",
        message: expect.stringContaining("time is up") as unknown,
      },
    ]);
  });

  it("applyEvent refuses anything once submitted", () => {
    const submitted = run([{ type: "exam.submit", now: before }]);
    const result = applyEvent(examMachine, submitted, select("q0"));
    expect(result).toMatchObject({ ok: false, issues: [{ code: "session-finished" }] });
    expect(result.snapshot.context.answers).toEqual({});
  });
});

describe("exam machine: result", () => {
  it("is null while running and lists every question's response and flag once submitted", () => {
    const running = run([select("q2", ["x", "y"]), { type: "question.flag", questionId: "q1", now: before }]);
    expect(getExamResult(running.context)).toBeNull();
    const submitted = run([{ type: "exam.submit", now: before + 1 }], running);
    expect(getExamResult(submitted.context)).toEqual({
      examSeed: 42,
      startedAt: STARTED,
      deadline: DEADLINE,
      submittedAt: before + 1,
      endedBy: "learner",
      responses: [
        { questionId: "q0", response: null, flagged: false, timeMs: 10_001, answeredAt: null },
        { questionId: "q1", response: null, flagged: true, timeMs: 0, answeredAt: null },
        { questionId: "q2", response: ["x", "y"], flagged: false, timeMs: 0, answeredAt: before },
      ],
    });
  });
});

describe("exam machine: graph", () => {
  const exploration = explore(examMachine, {
    input,
    serialize: (s) =>
      JSON.stringify([
        s.value,
        s.context.currentIndex,
        Object.keys(s.context.answers).length,
        s.context.flagged.length,
        s.context.endedBy,
      ]),
    events: () =>
      [
        select("q0"),
        select("q1", [], before),
        { type: "answer.clear", questionId: "q0", now: before },
        { type: "question.flag", questionId: "q0", now: before },
        { type: "question.unflag", questionId: "q0", now: before },
        { type: "question.next", now: before },
        { type: "question.previous", now: before },
        { type: "question.goto", index: 2, now: before },
        { type: "review.open", now: before },
        { type: "review.close", now: before },
        { type: "exam.submit", now: before },
        { type: "timer.tick", now: before },
        { type: "timer.tick", now: DEADLINE },
        { type: "timer.expired", now: DEADLINE },
      ] as ExamEvent[],
  });

  it("reaches every state", () => {
    expect(exploration.reachedLeafIds).toEqual(leafStateIds(examMachine));
  });

  it("has no dead ends", () => {
    expect(exploration.situations).toBeGreaterThan(10);
    expect(exploration.deadEnds).toEqual([]);
  });
});
