import { describe, expect, it } from "vitest";
import { familiesForSkill, isQuestionForSkill } from "../../lib/review/index";
import { FAMILIES } from "../../lib/scenario/registry";

describe("familiesForSkill", () => {
  it("offers every family that assesses a concept card's concept", () => {
    const names = familiesForSkill({ conceptId: "P3", family: null }, FAMILIES).map((family) => family.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.sort()).toEqual(
      FAMILIES.filter((family) => family.concepts.includes("P3"))
        .map((family) => family.name)
        .sort(),
    );
  });

  it("offers only its own family to a family card", () => {
    const family = FAMILIES.find((candidate) => candidate.concepts.length > 0);
    if (!family) throw new Error("no family");
    const conceptId = family.concepts[0] as string;
    expect(familiesForSkill({ conceptId, family: family.name }, FAMILIES).map((found) => found.name)).toEqual(
      [family.name],
    );
    expect(familiesForSkill({ conceptId, family: "no-such-family" }, FAMILIES)).toEqual([]);
  });

  it("accepts a question only when it assesses the concept (and comes from the card's family)", () => {
    const question = { family: "concept-check", concepts: ["P1"] };
    expect(isQuestionForSkill(question, { conceptId: "P1", family: null })).toBe(true);
    expect(isQuestionForSkill(question, { conceptId: "P1", family: "concept-check" })).toBe(true);
    expect(isQuestionForSkill(question, { conceptId: "P1", family: "can-a-reach-c" })).toBe(false);
    expect(isQuestionForSkill(question, { conceptId: "P3", family: null })).toBe(false);
  });
});
