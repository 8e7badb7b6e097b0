import { describe, expect, it } from "vitest";
import { CONCEPT_GROUPS, CONCEPTS } from "../../lib/content/concepts";
import { checkCoverage, computeCoverage } from "../../lib/content/coverage";
import { parseLessons } from "../../lib/content/lessons";
import { readLessonFiles } from "./support/course-files";

describe("computeCoverage", () => {
  const lessons = [
    { slug: "peering", frontmatter: { concepts: ["P1", "E12"] } },
    { slug: "endpoints", frontmatter: { concepts: ["E12", "X9"] } },
  ];

  it("maps each checklist ID to the lessons teaching it and lists the uncovered ones", () => {
    const report = computeCoverage(lessons, ["P1", "E12", "E15"]);
    expect(report.lessonsByConcept.get("E12")).toEqual(["peering", "endpoints"]);
    expect(report.uncovered).toEqual(["E15"]);
    expect(report.unknown).toEqual([{ slug: "endpoints", conceptId: "X9" }]);
  });

  it("turns gaps into issues with paths", () => {
    expect(checkCoverage(lessons, ["P1", "E12", "E15"]).map((issue) => issue.path)).toEqual([
      "concepts.E15",
      "endpoints:frontmatter.concepts",
    ]);
    expect(checkCoverage(lessons.slice(0, 1), ["P1", "E12"])).toEqual([]);
  });
});

describe("the course against the concept checklist (lib/content/concepts.ts)", () => {
  const checklistIds = CONCEPTS.map((concept) => concept.id);
  const parsed = parseLessons(readLessonFiles());
  const lessons = parsed.ok ? parsed.value : [];

  it("has a non-trivial checklist with unique IDs, each in a known group, naming notes by their NNN prefix", () => {
    expect(checklistIds.length).toBeGreaterThan(40);
    expect(new Set(checklistIds).size).toBe(checklistIds.length);
    const groups = new Set(CONCEPT_GROUPS.map((group) => group.id));
    expect(CONCEPTS.filter((concept) => !groups.has(concept.group)).map((c) => c.id)).toEqual([]);
    expect(
      CONCEPTS.filter((concept) => concept.seeds.some((seed) => !/^\d{3}$/.test(seed))).map((c) => c.id),
    ).toEqual([]);
  });

  it("every lesson parses, so coverage is computed over the whole course", () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(lessons.length).toBeGreaterThanOrEqual(9);
  });

  it("every concept of the checklist is taught by at least one lesson", () => {
    expect(computeCoverage(lessons, checklistIds).uncovered).toEqual([]);
  });

  it("every concept a lesson names exists in the checklist", () => {
    expect(computeCoverage(lessons, checklistIds).unknown).toEqual([]);
  });
});
