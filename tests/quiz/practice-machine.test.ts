import { describe, expect, it } from "vitest";
import { createActor, initialTransition, transition, type SnapshotFrom } from "xstate";
import { applyEvent } from "../../lib/quiz/apply-event";
import { practiceMachine, type PracticeEvent } from "../../lib/quiz/practice-machine";
import type { PracticeSettings } from "../../lib/quiz/practice-settings";
import { summarizePractice } from "../../lib/quiz/practice-summary";
import { explore, leafStateIds } from "./support/graph";

type Snap = SnapshotFrom<typeof practiceMachine>;

const everything = (questionLimit: number | null): PracticeSettings => ({
  selection: { kind: "everything" },
  questionLimit,
});

function start(): Snap {
  return initialTransition(practiceMachine)[0];
}

function run(events: readonly PracticeEvent[], from: Snap = start()): Snap {
  return events.reduce((snapshot, event) => transition(practiceMachine, snapshot, event)[0], from);
}

const submitSettings = (questionLimit: number | null = 3): PracticeEvent => ({
  type: "settings.submit",
  settings: everything(questionLimit),
  now: 1_000,
});
const load = (n: number, concepts: readonly string[] = ["P3"], seed = n): PracticeEvent => ({
  type: "question.loaded",
  questionId: `q${n}`,
  seed,
  family: "peering-transitivity",
  concepts,
  now: 2_000 + n,
});
const submit = (n: number, response: readonly string[] = ["a"]): PracticeEvent => ({
  type: "answer.submit",
  questionId: `q${n}`,
  response,
  now: 3_000 + n,
});
const graded = (n: number, correct: boolean): PracticeEvent => ({
  type: "answer.graded",
  questionId: `q${n}`,
  correct,
  now: 4_000 + n,
});
const next: PracticeEvent = { type: "question.next", now: 5_000 };
const finish: PracticeEvent = { type: "session.finish", now: 9_000 };

const lastRefusal = (snapshot: Snap) => snapshot.context.refusals.at(-1);

describe("practice machine: choosing", () => {
  it("starts in choosing with an empty session", () => {
    const snapshot = start();
    expect(snapshot.value).toBe("choosing");
    expect(snapshot.context.asked).toEqual([]);
    expect(snapshot.context.tallies).toEqual({});
  });

  it("valid settings start the session and wait for a question", () => {
    const snapshot = run([submitSettings(5)]);
    expect(snapshot.value).toBe("loading");
    expect(snapshot.context.settings).toEqual(everything(5));
    expect(snapshot.context.startedAt).toBe(1_000);
  });

  it("a chosen selection with topics, families and difficulty is accepted", () => {
    const settings: PracticeSettings = {
      selection: {
        kind: "chosen",
        conceptGroups: ["peering"],
        families: ["nacl-return-traffic"],
        difficulties: [1, 2],
      },
      questionLimit: null,
    };
    expect(run([{ type: "settings.submit", settings, now: 1 }]).value).toBe("loading");
  });

  it.each([
    [
      "an empty chosen selection",
      { selection: { kind: "chosen", conceptGroups: [], families: [], difficulties: [] }, questionLimit: 5 },
      "settings.selection",
    ],
    [
      "a zero question limit",
      { selection: { kind: "everything" }, questionLimit: 0 },
      "settings.questionLimit",
    ],
    [
      "a fractional difficulty",
      {
        selection: { kind: "chosen", conceptGroups: ["peering"], families: [], difficulties: [1.5] },
        questionLimit: 5,
      },
      "difficulties",
    ],
  ] as const)("refuses %s and stays in choosing", (_name, settings, path) => {
    const snapshot = run([{ type: "settings.submit", settings, now: 7 }]);
    expect(snapshot.value).toBe("choosing");
    expect(lastRefusal(snapshot)).toMatchObject({
      code: "invalid-settings",
      eventType: "settings.submit",
      at: 7,
    });
    expect(lastRefusal(snapshot)?.message).toContain(path);
  });

  it.each([load(1), submit(1), graded(1, true), next])("refuses $type before settings", (event) => {
    const snapshot = run([event]);
    expect(snapshot.value).toBe("choosing");
    expect(lastRefusal(snapshot)).toMatchObject({ code: "not-accepted-now", eventType: event.type });
  });

  it("session.finish from choosing ends the session", () => {
    const snapshot = run([finish]);
    expect(snapshot.value).toBe("finished");
    expect(snapshot.status).toBe("done");
    expect(snapshot.context.finishedAt).toBe(9_000);
  });
});

describe("practice machine: loading", () => {
  const loading = () => run([submitSettings()]);

  it("a loaded question is asked and recorded with its seed and concepts", () => {
    const snapshot = run([load(1, ["P3", "P4"])], loading());
    expect(snapshot.value).toBe("asking");
    expect(snapshot.context.asked).toEqual([
      {
        questionId: "q1",
        seed: 1,
        family: "peering-transitivity",
        concepts: ["P3", "P4"],
        askedAt: 2_001,
        response: null,
        submittedAt: null,
        correct: null,
        gradedAt: null,
      },
    ]);
  });

  it("refuses a seed already asked in this session (never repeat a seed)", () => {
    const snapshot = run([load(1), submit(1), graded(1, true), next, load(2, ["P3"], 1)], loading());
    expect(snapshot.value).toBe("loading");
    expect(snapshot.context.asked).toHaveLength(1);
    expect(lastRefusal(snapshot)?.code).toBe("seed-repeated");
  });

  it("refuses a question id already asked even with a new seed", () => {
    const snapshot = run([load(1), submit(1), graded(1, true), next, load(1, ["P3"], 99)], loading());
    expect(snapshot.value).toBe("loading");
    expect(lastRefusal(snapshot)?.code).toBe("question-repeated");
  });

  it.each([submitSettings(), submit(1), graded(1, true), next])("refuses $type while loading", (event) => {
    const snapshot = run([event], loading());
    expect(snapshot.value).toBe("loading");
    expect(lastRefusal(snapshot)?.code).toBe("not-accepted-now");
  });

  it("session.finish while loading ends the session", () => {
    expect(run([finish], loading()).value).toBe("finished");
  });
});

describe("practice machine: asking and grading", () => {
  const asking = () => run([submitSettings(), load(1)]);

  it("an answer to the question on screen goes to grading and is recorded", () => {
    const snapshot = run([submit(1, ["b", "c"])], asking());
    expect(snapshot.value).toBe("grading");
    expect(snapshot.context.asked[0]).toMatchObject({
      response: ["b", "c"],
      submittedAt: 3_001,
      correct: null,
    });
  });

  it("refuses an answer for a question that is not on screen", () => {
    const snapshot = run([submit(7)], asking());
    expect(snapshot.value).toBe("asking");
    expect(lastRefusal(snapshot)?.code).toBe("not-current-question");
  });

  it("refuses an empty answer", () => {
    const snapshot = run([submit(1, [])], asking());
    expect(snapshot.value).toBe("asking");
    expect(lastRefusal(snapshot)?.code).toBe("invalid-answer");
  });

  it.each([submitSettings(), load(2), graded(1, true), next])("refuses $type while asking", (event) => {
    const snapshot = run([event], asking());
    expect(snapshot.value).toBe("asking");
    expect(lastRefusal(snapshot)?.code).toBe("not-accepted-now");
  });

  it("refuses a second answer while grading", () => {
    const snapshot = run([submit(1), submit(1, ["z"])], asking());
    expect(snapshot.value).toBe("grading");
    expect(snapshot.context.asked[0]?.response).toEqual(["a"]);
    expect(lastRefusal(snapshot)?.code).toBe("already-answered");
  });

  it("a correct grade shows correct feedback and counts right for every concept of the question", () => {
    const snapshot = run([submitSettings(), load(1, ["P3", "P4"]), submit(1), graded(1, true)]);
    expect(snapshot.value).toEqual({ answered: "correct" });
    expect(snapshot.context.tallies).toEqual({ P3: { right: 1, wrong: 0 }, P4: { right: 1, wrong: 0 } });
    expect(snapshot.context.asked[0]).toMatchObject({ correct: true, gradedAt: 4_001 });
  });

  it("a wrong grade shows wrong feedback and counts wrong", () => {
    const snapshot = run([submit(1), graded(1, false)], asking());
    expect(snapshot.value).toEqual({ answered: "wrong" });
    expect(snapshot.context.tallies).toEqual({ P3: { right: 0, wrong: 1 } });
  });

  it("refuses a grade for another question", () => {
    const snapshot = run([submit(1), graded(2, true)], asking());
    expect(snapshot.value).toBe("grading");
    expect(snapshot.context.tallies).toEqual({});
    expect(lastRefusal(snapshot)?.code).toBe("not-current-question");
  });

  it.each([submitSettings(), load(2), next])("refuses $type while grading", (event) => {
    const snapshot = run([submit(1), event], asking());
    expect(snapshot.value).toBe("grading");
    expect(lastRefusal(snapshot)?.code).toBe("not-accepted-now");
  });

  it("session.finish while asking or grading ends the session", () => {
    expect(run([finish], asking()).value).toBe("finished");
    expect(run([submit(1), finish], asking()).value).toBe("finished");
  });
});

describe("practice machine: answered", () => {
  it("question.next loads another question while the limit is not reached", () => {
    const snapshot = run([submitSettings(2), load(1), submit(1), graded(1, true), next]);
    expect(snapshot.value).toBe("loading");
  });

  it("question.next after the last question of the limit finishes", () => {
    const snapshot = run([
      submitSettings(2),
      load(1),
      submit(1),
      graded(1, true),
      next,
      load(2),
      submit(2),
      graded(2, false),
      next,
    ]);
    expect(snapshot.value).toBe("finished");
    expect(snapshot.context.finishedAt).toBe(5_000);
  });

  it("without a limit question.next always loads another", () => {
    let snapshot = run([submitSettings(null)]);
    for (let n = 1; n <= 30; n += 1)
      snapshot = run([load(n), submit(n), graded(n, n % 2 === 0), next], snapshot);
    expect(snapshot.value).toBe("loading");
    expect(snapshot.context.asked).toHaveLength(30);
  });

  it("refuses a second answer once feedback is shown", () => {
    const snapshot = run([submitSettings(), load(1), submit(1), graded(1, true), submit(1)]);
    expect(snapshot.value).toEqual({ answered: "correct" });
    expect(lastRefusal(snapshot)?.code).toBe("already-answered");
  });

  it.each([submitSettings(), load(2), graded(1, false)])("refuses $type once feedback is shown", (event) => {
    const snapshot = run([submitSettings(), load(1), submit(1), graded(1, true), event]);
    expect(snapshot.value).toEqual({ answered: "correct" });
    expect(snapshot.context.tallies).toEqual({ P3: { right: 1, wrong: 0 } });
    expect(lastRefusal(snapshot)?.code).toBe("not-accepted-now");
  });

  it("session.finish from feedback finishes with the summary by concept", () => {
    const snapshot = run([
      submitSettings(null),
      load(1, ["P3"]),
      submit(1),
      graded(1, false),
      next,
      load(2, ["P3", "E2"]),
      submit(2),
      graded(2, true),
      next,
      load(3, ["E2"]),
      submit(3),
      graded(3, false),
      finish,
    ]);
    expect(snapshot.value).toBe("finished");
    expect(summarizePractice(snapshot.context)).toEqual({
      graded: 3,
      correct: 1,
      byConcept: [
        { concept: "E2", right: 1, wrong: 1 },
        { concept: "P3", right: 1, wrong: 1 },
      ],
      toReview: ["E2", "P3"],
    });
  });

  it("a finished session takes no more events (actor and applyEvent)", () => {
    const actor = createActor(practiceMachine).start();
    actor.send(finish);
    actor.send(submitSettings());
    expect(actor.getSnapshot().value).toBe("finished");
    expect(actor.getSnapshot().context.settings).toBeNull();

    const finished = run([finish]);
    const result = applyEvent(practiceMachine, finished, submitSettings());
    expect(result).toMatchObject({ ok: false, issues: [{ code: "session-finished" }] });
    expect(result.snapshot).toBe(finished);
  });
});

describe("practice machine: graph", () => {
  const exploration = explore(practiceMachine, {
    serialize: (s) => JSON.stringify([s.value, s.context.asked.length, s.context.settings === null]),
    events: (s) => {
      const asked = s.context.asked.length;
      return [
        submitSettings(2),
        { type: "settings.submit", settings: everything(0), now: 1 },
        load(asked + 1),
        load(asked + 1, ["P3"], 1),
        submit(asked),
        submit(asked + 5),
        graded(asked, true),
        graded(asked, false),
        next,
        finish,
      ] as PracticeEvent[];
    },
  });

  it("reaches every state", () => {
    expect(exploration.reachedLeafIds).toEqual(leafStateIds(practiceMachine));
  });

  it("has no dead ends: every reachable situation can still finish", () => {
    expect(exploration.situations).toBeGreaterThan(5);
    expect(exploration.deadEnds).toEqual([]);
  });
});
