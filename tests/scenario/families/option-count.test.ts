import { describe, expect, it } from "vitest";
import { edgeToEdge } from "../../../lib/scenario/families/edge-to-edge";
import { hybrid } from "../../../lib/scenario/families/hybrid";
import type { Difficulty } from "../../../lib/scenario/question";

const SEEDS = 150;

describe("at least four options where the model can disprove each distractor", () => {
  it("hybrid: every seed and difficulty", () => {
    for (const difficulty of [1, 2, 3] as Difficulty[])
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const q = hybrid.generate(seed, difficulty);
        expect(q.options.length, q.id).toBeGreaterThanOrEqual(4);
      }
  }, 240_000);

  it("edge-to-edge: never two options, and four except where the path has too few components", () => {
    for (const difficulty of [1, 2, 3] as Difficulty[])
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const q = edgeToEdge.generate(seed, difficulty);
        expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
        // Centralised egress (d2, d3) has components enough for four in every seed.
        if (q.stem.includes("egress VPC")) expect(q.options.length, q.id).toBeGreaterThanOrEqual(4);
      }
  }, 240_000);
});
