import { describe, expect, it } from "vitest";
import { classroomInput, planClassroomGame, type ClassroomSettings } from "../../lib/classroom/plan-game";
import { parseQuestionId } from "../../lib/scenario/question";

const settings: ClassroomSettings = {
  families: ["can-a-reach-c", "endpoint-choice"],
  difficulty: 2,
  questionCount: 5,
  secondsPerQuestion: 30,
  gameSeed: 1234,
};

function plan(overrides: Partial<ClassroomSettings> = {}) {
  const result = planClassroomGame({ ...settings, ...overrides });
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  return result.plan;
}

describe("planClassroomGame", () => {
  it("draws the asked number of distinct questions from the chosen topics at the chosen difficulty", () => {
    const { questionIds, questionTimeLimitMs } = plan();
    expect(questionIds).toHaveLength(5);
    expect(new Set(questionIds).size).toBe(5);
    expect(questionTimeLimitMs).toBe(30_000);
    for (const id of questionIds) {
      const parsed = parseQuestionId(id);
      expect(parsed.ok && settings.families.includes(parsed.value.family)).toBe(true);
      expect(parsed.ok && parsed.value.difficulty).toBe(2);
    }
  });

  it("asks every chosen topic when there are at least as many questions as topics", () => {
    const families = ["can-a-reach-c", "endpoint-choice", "hybrid"];
    const asked = plan({ families, questionCount: 3 }).questionIds.map((id) => id.split(".")[0]);
    expect(new Set(asked)).toEqual(new Set(families));
  });

  it("gives the same game for the same seed and another for another seed", () => {
    expect(plan().questionIds).toEqual(plan().questionIds);
    expect(plan({ gameSeed: 1235 }).questionIds).not.toEqual(plan().questionIds);
  });

  it("refuses bad settings naming each field", () => {
    const result = planClassroomGame({
      families: ["nope"],
      difficulty: 2,
      questionCount: 0,
      secondsPerQuestion: 2,
      gameSeed: -1,
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path);
    expect(paths).toEqual(["families.0", "questionCount", "secondsPerQuestion", "gameSeed"]);
    const empty = planClassroomGame({ ...settings, families: [] });
    expect(empty.ok ? [] : empty.issues.map((issue) => issue.path)).toEqual(["families"]);
  });

  it("turns a plan into the classroom machine's input", () => {
    const planned = plan({ questionCount: 2 });
    expect(classroomInput("ABC234", planned, 99)).toEqual({
      joinCode: "ABC234",
      questionIds: planned.questionIds,
      questionTimeLimitMs: 30_000,
      createdAt: 99,
    });
  });
});
