import { describe, expect, it } from "vitest";
import { createActor, initialTransition, transition, type SnapshotFrom } from "xstate";
import type { ClassroomEvent } from "../../lib/quiz/classroom-machine";
import type { ExamEvent } from "../../lib/quiz/exam-machine";
import {
  classroomSessionCodec,
  EXAM_MACHINE_VERSION,
  examSessionCodec,
  practiceSessionCodec,
} from "../../lib/quiz/persistence";
import type { PracticeEvent } from "../../lib/quiz/practice-machine";

const STARTED = 1_700_000_000_000;
const DEADLINE = STARTED + 60_000;
const examInput = { examSeed: 9, questionIds: ["q0", "q1", "q2"], startedAt: STARTED, deadline: DEADLINE };

const examBefore: ExamEvent[] = [
  { type: "answer.select", questionId: "q0", optionIds: ["a"], now: STARTED + 1 },
  { type: "question.flag", questionId: "q0", now: STARTED + 2 },
  { type: "question.next", now: STARTED + 3 },
  { type: "review.open", now: STARTED + 4 },
];
const examAfter: ExamEvent[] = [
  { type: "question.goto", index: 2, now: STARTED + 5 },
  { type: "answer.select", questionId: "q2", optionIds: ["c"], now: STARTED + 6 },
  { type: "timer.tick", now: DEADLINE - 1 },
  { type: "answer.select", questionId: "q1", optionIds: ["b"], now: DEADLINE },
];

function runExam(events: readonly ExamEvent[], from = initialTransition(examMachineOf(), examInput)[0]) {
  return events.reduce((snapshot, event) => transition(examMachineOf(), snapshot, event)[0], from);
}
function examMachineOf() {
  return examSessionCodec.logic;
}

describe("persisted sessions", () => {
  it("an exam saved mid-way (review screen open) and restored continues identically", () => {
    const midway = runExam(examBefore);
    const stored = JSON.parse(JSON.stringify(examSessionCodec.save(midway))) as unknown;
    expect(stored).toMatchObject({ machine: "exam", version: EXAM_MACHINE_VERSION });
    const restored = examSessionCodec.restore(stored);
    if (!restored.ok) throw new Error(restored.issues.map((issue) => issue.message).join("; "));
    expect(restored.snapshot.value).toEqual({ inProgress: "reviewing" });
    expect(restored.snapshot.context).toEqual(midway.context);

    const uninterrupted = runExam(examAfter, midway);
    const resumed = runExam(examAfter, restored.snapshot);
    expect(resumed.value).toEqual(uninterrupted.value);
    expect(resumed.status).toBe("done");
    expect(resumed.context).toEqual(uninterrupted.context);
    expect(resumed.context.answers).toEqual({ q0: ["a"], q2: ["c"] });
  });

  it("a restored snapshot also drives a live actor", () => {
    const stored = examSessionCodec.save(runExam(examBefore));
    const restored = examSessionCodec.restore(stored);
    if (!restored.ok) throw new Error("restore failed");
    // xstate's types require `input` whenever the machine declares one; a restored actor ignores it.
    const actor = createActor(examSessionCodec.logic, {
      snapshot: restored.snapshot,
      input: examInput,
    }).start();
    actor.send({ type: "exam.submit", now: STARTED + 10 });
    expect(actor.getSnapshot().value).toBe("submitted");
    expect(actor.getSnapshot().context).toMatchObject({
      endedBy: "learner",
      flagged: ["q0"],
      currentIndex: 1,
    });
  });

  it("a practice session restored in the middle of grading takes the grade as if never interrupted", () => {
    const logic = practiceSessionCodec.logic;
    const before: PracticeEvent[] = [
      { type: "settings.submit", settings: { selection: { kind: "everything" }, questionLimit: 2 }, now: 1 },
      { type: "question.loaded", questionId: "q1", seed: 11, family: "f", concepts: ["P3"], now: 2 },
      { type: "answer.submit", questionId: "q1", response: ["a"], now: 3 },
    ];
    const after: PracticeEvent[] = [
      { type: "answer.graded", questionId: "q1", correct: false, now: 4 },
      { type: "question.next", now: 5 },
      { type: "question.loaded", questionId: "q2", seed: 11, family: "f", concepts: ["P3"], now: 6 },
    ];
    const run = (events: readonly PracticeEvent[], from: SnapshotFrom<typeof logic>) =>
      events.reduce((snapshot, event) => transition(logic, snapshot, event)[0], from);
    const midway = run(before, initialTransition(logic)[0]);
    const restored = practiceSessionCodec.restore(
      JSON.parse(JSON.stringify(practiceSessionCodec.save(midway))),
    );
    if (!restored.ok) throw new Error("restore failed");
    const resumed = run(after, restored.snapshot);
    expect(resumed.context).toEqual(run(after, midway).context);
    // The repeated seed is still refused after the reload: the asked seeds came back with the snapshot.
    expect(resumed.value).toBe("loading");
    expect(resumed.context.refusals.at(-1)?.code).toBe("seed-repeated");
  });

  it("a classroom restored during an open question still refuses a second answer", () => {
    const logic = classroomSessionCodec.logic;
    const events: ClassroomEvent[] = [
      { type: "player.join", joinCode: "ABC234", playerId: "p1", displayName: "Ana", now: 1 },
      { type: "question.open", index: 0, now: 10 },
      { type: "answer.submit", playerId: "p1", questionId: "q0", response: ["a"], now: 11 },
    ];
    const midway = events.reduce(
      (snapshot, event) => transition(logic, snapshot, event)[0],
      initialTransition(logic, { joinCode: "ABC234", questionIds: ["q0"], createdAt: 0 })[0],
    );
    const restored = classroomSessionCodec.restore(
      JSON.parse(JSON.stringify(classroomSessionCodec.save(midway))),
    );
    if (!restored.ok) throw new Error("restore failed");
    const [again] = transition(logic, restored.snapshot, {
      type: "answer.submit",
      playerId: "p1",
      questionId: "q0",
      response: ["b"],
      now: 12,
    });
    expect(again.context.refusals.at(-1)?.code).toBe("already-answered");
  });

  it("refuses a snapshot of an unknown version with a clear message", () => {
    const stored = { ...examSessionCodec.save(runExam(examBefore)), version: EXAM_MACHINE_VERSION + 1 };
    const result = examSessionCodec.restore(stored);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      {
        path: "version",
        message: `unknown exam snapshot version ${EXAM_MACHINE_VERSION + 1}: this build reads version ${EXAM_MACHINE_VERSION} only; start a new session`,
      },
    ]);
  });

  it("refuses another machine's snapshot", () => {
    const stored = examSessionCodec.save(runExam(examBefore));
    const result = practiceSessionCodec.restore({ ...stored, machine: "exam" });
    expect(!result.ok && result.issues[0]).toMatchObject({
      path: "machine",
      message: expect.stringContaining('"practice"') as unknown,
    });
  });

  it.each([null, "text", { machine: "exam", version: 1 }, { machine: "exam", version: "1", snapshot: {} }])(
    "refuses something that is not a persisted session (%o)",
    (stored) => {
      const result = examSessionCodec.restore(stored);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.issues[0]?.message).toMatch(/not a persisted session/);
    },
  );

  it("refuses a snapshot whose state no longer exists in the machine", () => {
    const stored = examSessionCodec.save(runExam(examBefore));
    const tampered = {
      ...stored,
      snapshot: { ...(stored.snapshot as object), value: { inProgress: "vanished" } },
    };
    const result = examSessionCodec.restore(tampered);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.path).toBe("snapshot");
  });
});
