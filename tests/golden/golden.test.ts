// Golden set: 165 questions whose keys were read against the rule catalogue. A changed key, or a
// changed byte in a fixed slice of generator output, fails here; after a reviewed, intended change, run
// `npx tsx tests/golden/update-golden.ts` and commit the new golden.json with the reason.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findFamily } from "../../lib/scenario/registry";
import { keyOf, outputSliceHash, reasonOf, type GoldenEntry } from "./golden-set";
import { must } from "../support/must";

const golden = JSON.parse(readFileSync(new URL("./golden.json", import.meta.url), "utf8")) as {
  outputSliceSha256: string;
  entries: GoldenEntry[];
};

describe("golden set", () => {
  it("holds at least 150 questions over every family and difficulty, each reason citing a rule", () => {
    expect(golden.entries.length).toBeGreaterThanOrEqual(150);
    const families = new Set(golden.entries.map((e) => e.family));
    expect(families.size).toBe(11);
    for (const d of [1, 2, 3]) expect(golden.entries.some((e) => e.difficulty === d)).toBe(true);
    for (const e of golden.entries)
      expect(e.reason, `${e.family}.${e.seed}.${e.difficulty}`).toMatch(/\b[A-Z]{2,4}-\d{2}\b/);
  });

  it("regenerates every golden question with the same key and reason", () => {
    for (const e of golden.entries) {
      const q = must(findFamily(e.family)).generate(e.seed, e.difficulty);
      expect(keyOf(q), q.id).toBe(e.key);
      expect(reasonOf(q), q.id).toBe(e.reason);
    }
  }, 120_000);

  it("prints the same bytes for a fixed slice of generator output (seeds 0-4, every family and difficulty)", () => {
    expect(outputSliceHash()).toBe(golden.outputSliceSha256);
  }, 120_000);
});
