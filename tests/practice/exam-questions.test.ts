import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { DEFAULT_CATALOG } from "../../lib/practice/catalog";
import { buildExamQuestions } from "../../lib/practice/exam-questions";
import { fakeCatalog } from "./fake-catalog";

const ids = (result: ReturnType<typeof buildExamQuestions>) =>
  result.ok ? result.questions.map((q) => q.id) : [];

describe("buildExamQuestions", () => {
  it("gives the same exam for the same seed, and another for another seed", () => {
    const a = ids(buildExamQuestions({ examSeed: 2026, count: 20 }));
    const b = ids(buildExamQuestions({ examSeed: 2026, count: 20 }));
    const c = ids(buildExamQuestions({ examSeed: 2027, count: 20 }));
    expect(a).toHaveLength(20);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(new Set(a).size).toBe(20);
  });

  it("spreads the questions across every concept group a family assesses", () => {
    const result = buildExamQuestions({ examSeed: 42, count: 20, catalog: DEFAULT_CATALOG });
    if (!result.ok) throw new Error("expected questions");
    const groupOf = new Map(CONCEPTS.map((concept) => [concept.id, concept.group]));
    const covered = new Set(
      DEFAULT_CATALOG.families.flatMap((family) => family.concepts.map((c) => groupOf.get(c))),
    );
    const asked = new Set(
      result.questions.flatMap((question) => question.concepts.map((c) => groupOf.get(c))),
    );
    for (const group of covered) expect(asked).toContain(group);
  });

  it("splits evenly over groups: with three groups and six questions, two each", () => {
    const result = buildExamQuestions({
      examSeed: 9,
      count: 6,
      catalog: fakeCatalog,
      groups: ["alpha", "beta", "gamma"],
    });
    if (!result.ok) throw new Error("expected questions");
    // gamma has no family, so alpha and beta share the six.
    const perGroup = (group: string) =>
      result.questions.filter((q) => q.concepts.some((c) => fakeCatalog.groupOf(c) === group)).length;
    expect(perGroup("alpha")).toBe(3);
    expect(perGroup("beta")).toBe(3);
  });

  it("refuses a length out of range, naming the field", () => {
    const result = buildExamQuestions({ examSeed: 1, count: 0 });
    expect(!result.ok && result.issues[0]?.path).toBe("questionCount");
  });
});
