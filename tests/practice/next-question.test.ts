import { describe, expect, it } from "vitest";
import { chooseNextQuestion, type NextQuestionInput } from "../../lib/practice/next-question";
import { addToTallies, type ConceptTallies } from "../../lib/quiz/concept-tallies";
import { createRng } from "../../lib/scenario/rng";
import { fakeCatalog, fakeFamily } from "./fake-catalog";

const everything: NextQuestionInput["settings"] = { selection: { kind: "everything" }, questionLimit: null };

describe("chooseNextQuestion", () => {
  it("never repeats a seed across a long session, even with few families", () => {
    const rng = createRng(7);
    const asked: number[] = [];
    let tallies: ConceptTallies = {};
    for (let step = 0; step < 200; step += 1) {
      const result = chooseNextQuestion({
        settings: everything,
        adaptive: true,
        tallies,
        askedSeeds: asked,
        rng,
        catalog: fakeCatalog,
      });
      if (!result.ok) throw new Error("expected a question");
      expect(asked).not.toContain(result.next.question.seed);
      asked.push(result.next.question.seed);
      tallies = addToTallies(tallies, result.next.question.concepts, step % 3 === 0);
    }
    expect(new Set(asked).size).toBe(200);
  });

  it("stays inside the selection: topic, family and difficulty", () => {
    const rng = createRng(11);
    for (let step = 0; step < 50; step += 1) {
      const result = chooseNextQuestion({
        settings: {
          selection: { kind: "chosen", conceptGroups: ["beta"], families: [], difficulties: [2] },
          questionLimit: 10,
        },
        adaptive: true,
        tallies: {},
        askedSeeds: [],
        rng,
        catalog: fakeCatalog,
      });
      if (!result.ok) throw new Error("expected a question");
      expect(result.next.question.family).toBe("fam-ab");
      expect(result.next.question.difficulty).toBe(2);
      expect(result.next.focus).toBe("B1");
    }
  });

  it("keeps drawing variants until the question assesses the focus concept", () => {
    const result = chooseNextQuestion({
      settings: everything,
      adaptive: true,
      tallies: {},
      askedSeeds: [],
      rng: createRng(3),
      catalog: fakeCatalog,
    });
    if (!result.ok) throw new Error("expected a question");
    expect(result.next.question.concepts).toContain(result.next.focus);
  });

  it("adaptive: favours the concept answered wrong; not adaptive: ignores the tallies", () => {
    const catalog = { families: [fakeFamily("fx", ["X"]), fakeFamily("fy", ["Y"])], groupOf: () => "g" };
    const tallies: ConceptTallies = { X: { right: 0, wrong: 8 }, Y: { right: 8, wrong: 0 } };
    const count = (adaptive: boolean) => {
      const rng = createRng(99);
      let x = 0;
      for (let i = 0; i < 400; i += 1) {
        const result = chooseNextQuestion({
          settings: everything,
          adaptive,
          tallies,
          askedSeeds: [],
          rng,
          catalog,
        });
        if (result.ok && result.next.focus === "X") x += 1;
      }
      return x;
    };
    // Weights 0.9 vs 0.1 adaptive, 0.5 vs 0.5 otherwise.
    expect(count(true)).toBeGreaterThan(320);
    expect(count(false)).toBeGreaterThan(150);
    expect(count(false)).toBeLessThan(250);
  });

  it("is reproducible from the rng seed", () => {
    const pick = () =>
      chooseNextQuestion({
        settings: everything,
        adaptive: true,
        tallies: {},
        askedSeeds: [],
        rng: createRng(5),
        catalog: fakeCatalog,
      });
    const first = pick();
    const second = pick();
    expect(first.ok && second.ok && first.next.question.id === second.next.question.id).toBe(true);
  });

  it("draws real generator questions for everything", () => {
    const result = chooseNextQuestion({
      settings: everything,
      adaptive: true,
      tallies: {},
      askedSeeds: [],
      rng: createRng(1),
    });
    expect(result.ok && result.next.question.options.length).toBeGreaterThan(1);
  });
});

describe("chooseNextQuestion with the real generator", () => {
  it("keeps to the selected topic and does not repeat a stem, with adaptive off", async () => {
    const { CONCEPTS } = await import("../../lib/content/concepts");
    const group = new Map(CONCEPTS.map((concept) => [concept.id, concept.group as string]));
    const settings = {
      selection: { kind: "chosen" as const, conceptGroups: ["flow-logs"], families: [], difficulties: [] },
      questionLimit: 10,
    };
    const rng = createRng(77);
    const seeds: number[] = [];
    const stems: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const result = chooseNextQuestion({
        settings,
        adaptive: false,
        tallies: {},
        askedSeeds: seeds,
        askedStems: stems,
        rng,
      });
      if (!result.ok) throw new Error("expected a question");
      const { question } = result.next;
      expect(question.concepts.some((concept) => group.get(concept) === "flow-logs")).toBe(true);
      expect(stems).not.toContain(question.stem);
      seeds.push(question.seed);
      stems.push(question.stem);
    }
  });
});
