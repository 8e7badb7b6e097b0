import { describe, expect, it } from "vitest";
import { initialTransition } from "xstate";
import { applyEvent } from "../../lib/quiz/apply-event";
import { practiceMachine } from "../../lib/quiz/practice-machine";
import { MAX_KEPT_REFUSALS } from "../../lib/quiz/refusal";

const settings = {
  type: "settings.submit",
  settings: { selection: { kind: "everything" }, questionLimit: 3 },
  now: 1,
} as const;

describe("applyEvent", () => {
  it("returns ok with the next snapshot for an accepted event", () => {
    const result = applyEvent(practiceMachine, initialTransition(practiceMachine)[0], settings);
    expect(result.ok).toBe(true);
    expect(result.snapshot.value).toBe("loading");
  });

  it("returns the refusal as an issue with the event as path, leaving the state as it was", () => {
    const result = applyEvent(practiceMachine, initialTransition(practiceMachine)[0], {
      type: "answer.submit",
      questionId: "q9",
      response: ["a"],
      now: 2,
    });
    expect(result).toMatchObject({
      ok: false,
      issues: [
        {
          path: "answer.submit",
          code: "not-accepted-now",
          message: expect.stringContaining("answer.submit") as unknown,
        },
      ],
    });
    expect(result.snapshot.value).toBe("choosing");
  });

  it("still detects refusals once the kept list is full", () => {
    let snapshot = initialTransition(practiceMachine)[0];
    for (let i = 0; i < MAX_KEPT_REFUSALS + 5; i += 1) {
      const result = applyEvent(practiceMachine, snapshot, { type: "question.next", now: i });
      expect(result.ok).toBe(false);
      snapshot = result.snapshot;
    }
    expect(snapshot.context.refusals).toHaveLength(MAX_KEPT_REFUSALS);
    expect(snapshot.context.refusals.at(-1)?.at).toBe(MAX_KEPT_REFUSALS + 4);
  });
});
