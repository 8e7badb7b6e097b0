// Stored attempts regenerate questions from (family, seed, difficulty) and compare JSON, so the key order of
// a built question is part of its contract, with and without the optional parts.
import { describe, expect, it } from "vitest";
import { buildQuestion, type QuestionParts } from "../../lib/scenario/build-question";
import { createRng } from "../../lib/scenario/rng";
import { TopologySchema } from "../../lib/net/index";

const base: QuestionParts = {
  family: "test",
  seed: 7,
  difficulty: 2,
  concepts: ["P1"],
  stem: "Can A reach C?",
  candidates: [
    { text: "Yes", correct: true, why: "works" },
    { text: "No", correct: false, why: "does not" },
  ],
  summary: "It works.",
  rules: ["SG-03", "PCX-08", "SG-03"],
};

describe("buildQuestion", () => {
  it("writes the keys in JSON order, leaving out absent optional parts", () => {
    const q = buildQuestion(createRng(1), base);
    expect(Object.keys(q)).toEqual([
      "id",
      "family",
      "seed",
      "difficulty",
      "concepts",
      "stem",
      "options",
      "answer",
      "explanation",
    ]);
    expect(Object.keys(q.explanation)).toEqual(["summary", "perOption", "rules"]);
    expect(q.explanation.rules).toEqual(["PCX-08", "SG-03"]);
  });

  it("puts every optional part in its place", () => {
    const topology = TopologySchema.parse({ region: "us-east-1" });
    const parts: QuestionParts = {
      ...base,
      topology,
      query: { from: "a", to: "c", protocol: "tcp", port: 22 },
      exhibit: ["line"],
      trace: ["hop"],
      multiSelect: true,
      candidates: [...base.candidates, { text: "Maybe", correct: true, why: "also" }],
    };
    const q = buildQuestion(createRng(1), parts);
    expect(Object.keys(q)).toEqual([
      "id",
      "family",
      "seed",
      "difficulty",
      "concepts",
      "stem",
      "topology",
      "query",
      "exhibit",
      "options",
      "answer",
      "explanation",
      "multiSelect",
    ]);
    expect(Object.keys(q.explanation)).toEqual(["summary", "perOption", "rules", "trace"]);
    expect(q.concepts).not.toBe(parts.concepts);
    expect(q.exhibit).not.toBe(parts.exhibit);
    expect(q.explanation.trace).toEqual(["hop"]);
  });
});
