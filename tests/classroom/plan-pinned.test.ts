import { describe, expect, it } from "vitest";
import { pinnedSettings, planPinnedGame } from "../../lib/classroom/plan-pinned";
import { MAX_CLASSROOM_QUESTIONS, planClassroomGame } from "../../lib/classroom/plan-game";

describe("planPinnedGame", () => {
  it("asks exactly the pinned questions, in the given order", () => {
    const drawn = planClassroomGame({
      families: ["endpoint-choice"],
      difficulty: 1,
      questionCount: 3,
      secondsPerQuestion: 30,
      gameSeed: 42,
    });
    if (!drawn.ok) throw new Error("the drawn game should plan");
    const reversed = [...drawn.plan.questionIds].reverse();
    expect(planPinnedGame(reversed, 45)).toEqual({
      ok: true,
      plan: { questionIds: reversed, questionTimeLimitMs: 45_000 },
    });
  });

  it("names each id that is not a question, a repeat, and an empty or too long list", () => {
    const result = planPinnedGame(["endpoint-choice.7.1", "nonsense", "endpoint-choice.7.1"], 30);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(["pinned.1", "pinned.2"]);
    const empty = planPinnedGame([], 30);
    expect(empty.ok ? [] : empty.issues.map((issue) => issue.path)).toEqual(["pinned"]);
    const many = Array.from(
      { length: MAX_CLASSROOM_QUESTIONS + 1 },
      (_, seed) => `endpoint-choice.${seed}.1`,
    );
    const tooMany = planPinnedGame(many, 30);
    expect(tooMany.ok ? [] : tooMany.issues.map((issue) => issue.path)).toEqual(["pinned"]);
  });

  it("describes a pinned game by its questions' families and count", () => {
    expect(pinnedSettings(["endpoint-choice.7.1", "endpoint-choice.8.1"])).toEqual({
      families: ["endpoint-choice"],
      questionCount: 2,
    });
  });
});
