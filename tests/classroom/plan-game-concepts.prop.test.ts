import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { conceptChoices } from "../../lib/classroom/concept-choices";
import { planClassroomGame, type ClassroomSettings } from "../../lib/classroom/plan-game";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { FAMILIES } from "../../lib/scenario/registry";

// A concepts filter must not leak: every question a game plans assesses a chosen concept, whatever the topics,
// difficulty and seed; when the choice cannot fill the game the planner says so instead of padding it.

const familyNames = FAMILIES.map((family) => family.name);
/** Concepts some family declares: the ones a teacher is offered. */
const offered = [...new Set(FAMILIES.flatMap((family) => family.concepts))].sort();

function questionsOf(ids: readonly string[]): Question[] {
  return ids.map((id) => {
    const generated = questionFromId(id);
    if (!generated.ok) throw new Error(`planned id does not generate: ${id}`);
    return generated.question;
  });
}

const base: ClassroomSettings = {
  families: familyNames,
  difficulty: 2,
  questionCount: 6,
  secondsPerQuestion: 30,
  gameSeed: 1,
};

describe("planClassroomGame with chosen concepts", () => {
  it("every planned question assesses a chosen concept, comes from a chosen topic, once (property over seeds)", () => {
    fc.assert(
      fc.property(
        fc.record({
          gameSeed: fc.integer({ min: 0, max: 0xffffffff }),
          concepts: fc.subarray(offered, { minLength: 1, maxLength: 4 }),
          families: fc.subarray(familyNames, { minLength: 1 }),
          difficulty: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
          questionCount: fc.integer({ min: 1, max: 6 }),
        }),
        (drawn) => {
          const result = planClassroomGame({ ...base, ...drawn });
          if (!result.ok) {
            // The only refusals a valid choice can get: no chosen topic asks these concepts, or too few questions.
            expect(result.issues.map((issue) => issue.path)).toEqual([
              expect.stringMatching(/^(concepts|questionCount)$/),
            ]);
            if (result.issues[0]?.path === "concepts") {
              const declared = drawn.families.flatMap(
                (name) => FAMILIES.find((f) => f.name === name)?.concepts ?? [],
              );
              expect(declared.some((concept) => drawn.concepts.includes(concept))).toBe(false);
            }
            return;
          }
          const questions = questionsOf(result.plan.questionIds);
          expect(questions).toHaveLength(drawn.questionCount);
          for (const question of questions) {
            expect(question.concepts.some((concept) => drawn.concepts.includes(concept))).toBe(true);
            expect(drawn.families).toContain(question.family);
            expect(question.difficulty).toBe(drawn.difficulty);
          }
          expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
          expect(new Set(questions.map((question) => question.stem)).size).toBe(questions.length);
        },
      ),
      { numRuns: 40, seed: 17 },
    );
  }, 120_000);

  it("with every topic ticked and only flow-log concepts chosen, all questions are about flow logs", () => {
    const flowLogs = CONCEPTS.filter((concept) => concept.group === "flow-logs").map((concept) => concept.id);
    for (const gameSeed of [1, 2, 3, 4, 5]) {
      const result = planClassroomGame({ ...base, concepts: flowLogs, gameSeed });
      if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
      for (const question of questionsOf(result.plan.questionIds))
        expect(question.concepts.filter((concept) => flowLogs.includes(concept))).not.toEqual([]);
    }
  }, 60_000);

  it("says how many questions the choice can give when it cannot fill the game", () => {
    // concept-check asks one fact about V1 (what a site-to-site VPN is), whatever the seed.
    const one = planClassroomGame({
      ...base,
      families: ["concept-check"],
      concepts: ["V1"],
      questionCount: 1,
    });
    expect(one.ok).toBe(true);
    const two = planClassroomGame({
      ...base,
      families: ["concept-check"],
      concepts: ["V1"],
      questionCount: 2,
    });
    expect(two.ok ? [] : two.issues).toEqual([
      {
        path: "questionCount",
        message:
          "only 1 different question on V1 from concept-check at difficulty 2 could be drawn; ask for at most 1, " +
          "or choose more concepts or topics",
      },
    ]);
  }, 60_000);

  it("refuses concepts no chosen topic asks about, unknown concepts and repeats, naming the field", () => {
    const none = planClassroomGame({ ...base, families: ["endpoint-choice"], concepts: ["F7"] });
    expect(none.ok ? [] : none.issues.map((issue) => issue.path)).toEqual(["concepts"]);
    expect(none.ok ? "" : none.issues[0]?.message).toMatch(/^none of the chosen topics asks about F7/);
    const bad = planClassroomGame({ ...base, concepts: ["ZZ9", "E1", "E1"] });
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path)).toEqual(["concepts.0", "concepts"]);
  });

  it("without concepts the game is the same as before the filter existed (empty list = no filter)", () => {
    const without = planClassroomGame(base);
    const empty = planClassroomGame({ ...base, concepts: [] });
    expect(empty).toEqual(without);
  });
});

describe("conceptChoices", () => {
  it("offers exactly the concepts some family asks about, each once, grouped by topic", () => {
    const groups = conceptChoices(FAMILIES);
    const ids = groups.flatMap((group) => group.concepts.map((concept) => concept.id));
    expect([...ids].sort()).toEqual(offered);
    expect(new Set(ids).size).toBe(ids.length);
    expect(groups.every((group) => group.concepts.length > 0)).toBe(true);
    expect(conceptChoices([{ concepts: ["F7"] }]).map((group) => group.id)).toEqual(["flow-logs"]);
  });
});
