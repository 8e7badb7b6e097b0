import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { DEFAULT_CATALOG } from "../../lib/practice/catalog";
import { buildExamQuestions, examDomainShares } from "../../lib/practice/exam-questions";
import { questionDomain } from "../../lib/quiz/blame";
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

describe("buildExamQuestions keeps the published blueprint (examDomainShares)", () => {
  // The result page counts each question in questionDomain's domain; the start page promises
  // examDomainShares' counts. uxr5 finding 1: a 20-question exam came out 4/5/2/6/3 against 4 each.
  const countsOf = (count: number, examSeed: number) => {
    const result = buildExamQuestions({ examSeed, count });
    if (!result.ok) throw new Error("expected questions");
    const counts = new Map<string, number>();
    for (const question of result.questions) {
      const domain = questionDomain(question.concepts, DEFAULT_CATALOG.groupOf) ?? "none";
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
    return counts;
  };
  const expectBlueprint = (count: number, examSeed: number) => {
    const shares = examDomainShares(count);
    const counts = countsOf(count, examSeed);
    const known = new Set(shares.map((share) => share.group));
    for (const domain of counts.keys()) expect(known, `seed ${examSeed}: ${domain}`).toContain(domain);
    let total = 0;
    for (const share of shares) {
      const got = counts.get(share.group) ?? 0;
      total += got;
      expect(got, `seed ${examSeed}, ${count} questions, ${share.group}`).toBeGreaterThanOrEqual(
        share.fewest,
      );
      expect(got, `seed ${examSeed}, ${count} questions, ${share.group}`).toBeLessThanOrEqual(share.most);
    }
    expect(total).toBe(count);
  };

  it("gives exactly the promised count per domain for 20 questions over 60 seeds", () => {
    expect(examDomainShares(20).map((share) => [share.fewest, share.most])).toEqual(
      examDomainShares(20).map(() => [4, 4]),
    );
    for (let i = 0; i < 60; i += 1) expectBlueprint(20, (i * 2_654_435_761) >>> 0);
  }, 60_000);

  it("keeps the promise for short and long exams too", () => {
    for (const count of [1, 3, 5, 7, 12, 65])
      for (let i = 0; i < 4; i += 1) expectBlueprint(count, (count * 7919 + i * 104_729) >>> 0);
  }, 60_000);
});
