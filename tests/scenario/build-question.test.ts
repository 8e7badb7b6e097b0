// Stored attempts regenerate questions from (family, seed, difficulty) and compare JSON, so the key order of
// a built question is part of its contract, with and without the optional parts.
import { describe, expect, it } from "vitest";
import { RULE_ID_PATTERN } from "../../lib/content/rule-id";
import { buildQuestion, citedRules, type QuestionParts } from "../../lib/scenario/build-question";
import { createRng } from "../../lib/scenario/rng";
import { TopologySchema } from "../../lib/net/index";

const base: QuestionParts = {
  family: "test",
  seed: 7,
  difficulty: 2,
  concepts: ["P1"],
  stem: "Can A reach C?",
  candidates: [
    { text: "Yes", correct: true, why: "works (SG-03)" },
    { text: "No", correct: false, why: "does not (SG-03)" },
  ],
  summary: "It works (PCX-08).",
};

describe("citedRules", () => {
  it("lists exactly the rule IDs the summary and the option reasons cite, once each, sorted", () => {
    expect(
      citedRules("Dropped (RT-04); see PCX-02.", { A: "Right (RT-04).", B: "Wrong (SG-01, ACL-02)." }),
    ).toEqual(["ACL-02", "PCX-02", "RT-04", "SG-01"]);
    expect(citedRules("No citation here.", { A: "None either." })).toEqual([]);
  });

  it("finds what RULE_ID_PATTERN finds, at word boundaries, for IDs of every length and near misses", () => {
    const texts = [
      "A-01 AB-01 ABCDE-01 ABCDEF-01 1B-01 aAB-01 _AB-01 AB-012 AB-01x AB-01_ AB-1 AB-01-02 (EIGW-01)",
      "-01 X-99 RT-04. see:PCX-13,ACL-02;TGW-07/SG-01 A1B2C-34 AB-0 AB-01é éAB-01 rtb-01 ÄB-12 Ab-12",
      "",
      "DX-08 DX-08 EIGW-01-02 Q9-00 ZZ-99",
    ];
    const byRegex = [...new Set(texts.join("\n").match(RULE_ID_PATTERN) ?? [])].sort();
    expect(citedRules(texts[0] ?? "", { a: texts[1] ?? "", b: texts[2] ?? "", c: texts[3] ?? "" })).toEqual(
      byRegex,
    );
  });
});

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
