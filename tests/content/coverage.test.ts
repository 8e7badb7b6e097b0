import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { checkCoverage, computeCoverage, parseConceptChecklist } from "../../lib/content/coverage";
import { parseLessons } from "../../lib/content/lessons";
import { readConceptsMarkdown, readLessonFiles } from "./support/course-files";

const sampleChecklist = [
  "## VPC peering",
  "| ID | concept | seeds | Q |",
  "|---|---|---|---|",
  "| P1 | Peering joins two VPCs | 000 002 | Q |",
  "| E12 | IPv4 only (**drift**: IPv6 today) | 001 | Q |",
  "| E15 | Endpoints scale horizontally | 000 002 | |",
  "Some prose mentioning | P9 | in passing.",
].join("\n");

describe("parseConceptChecklist", () => {
  it("reads IDs with their Q and drift flags from table rows only", () => {
    expect(parseConceptChecklist(sampleChecklist)).toEqual([
      { id: "P1", assessed: true, drift: false },
      { id: "E12", assessed: true, drift: true },
      { id: "E15", assessed: false, drift: false },
    ]);
  });
});

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

describe("the course against ../shared/spec/concepts.md", () => {
  const checklist = parseConceptChecklist(readConceptsMarkdown());
  const parsed = parseLessons(readLessonFiles());
  const lessons = parsed.ok ? parsed.value : [];

  it("reads a non-trivial checklist", () => {
    expect(checklist.length).toBeGreaterThan(40);
    expect(new Set(checklist.map((entry) => entry.id)).size).toBe(checklist.length);
  });

  it("lib/content/concepts.ts lists exactly the IDs of concepts.md", () => {
    const inCode = CONCEPTS.map((concept) => concept.id).sort();
    const inSpec = checklist.map((entry) => entry.id).sort();
    expect({
      missingFromCode: inSpec.filter((id) => !inCode.includes(id)),
      extraInCode: inCode.filter((id) => !inSpec.includes(id)),
    }).toEqual({
      missingFromCode: [],
      extraInCode: [],
    });
  });

  it("lib/content/concepts.ts agrees with concepts.md on the Q and drift flags", () => {
    const spec = new Map(checklist.map((entry) => [entry.id, entry]));
    const disagreements = CONCEPTS.filter((concept) => {
      const entry = spec.get(concept.id);
      return entry !== undefined && (entry.assessed !== concept.assessed || entry.drift !== concept.drift);
    }).map((concept) => concept.id);
    expect(disagreements).toEqual([]);
  });

  it("every lesson parses, so coverage is computed over the whole course", () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(lessons.length).toBeGreaterThanOrEqual(9);
  });

  it("every concept of concepts.md is taught by at least one lesson", () => {
    const report = computeCoverage(
      lessons,
      checklist.map((entry) => entry.id),
    );
    expect(report.uncovered).toEqual([]);
  });

  it("every concept a lesson names exists in concepts.md", () => {
    const report = computeCoverage(
      lessons,
      checklist.map((entry) => entry.id),
    );
    expect(report.unknown).toEqual([]);
  });
});
