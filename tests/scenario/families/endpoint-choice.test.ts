import { describe, expect, it } from "vitest";
import { decideEndpoint, ENDPOINT_CHOICES } from "../../../lib/scenario/endpoint-rules";
import { endpointChoice, endpointChoiceScenario } from "../../../lib/scenario/families/endpoint-choice";
import type { Difficulty } from "../../../lib/scenario/question";
import { requesterCanUse, type VpcResource } from "../../../lib/scenario/requester-reach";

const RESOURCE: Partial<Record<string, VpcResource>> = {
  "gateway-endpoint": "gateway-endpoint",
  "interface-endpoint": "interface-endpoint",
  neither: "nat-gateway",
};

describe("endpoint-choice over seeds 1-2000 at d3 (and 1-300 at d1, d2)", () => {
  it("keys only what the requester can use from where it sits, with a stated criterion when two would work", () => {
    const runs: [Difficulty, number][] = [
      [1, 300],
      [2, 300],
      [3, 2000],
    ];
    for (const [difficulty, n] of runs) {
      for (let seed = 1; seed <= n; seed += 1) {
        const scenario = endpointChoiceScenario(seed, difficulty);
        const decision = decideEndpoint(scenario);
        const answer = decision.answer;
        expect(answer, `${String(seed)} d${String(difficulty)}`).toBeDefined();
        const resource = answer !== undefined ? RESOURCE[answer] : undefined;
        if (scenario.role === "consumer" && resource !== undefined)
          expect(
            requesterCanUse(scenario.origin, resource).usable,
            `${String(seed)} d${String(difficulty)}`,
          ).toBe(true);
        const workingWithoutNeed = ENDPOINT_CHOICES.filter(
          (c) => decideEndpoint({ ...scenario, need: "none" }).verdicts[c].works,
        );
        if (workingWithoutNeed.length > 1) expect(scenario.need).not.toBe("none");
      }
    }
  });

  it("seeds 96, 237 and 417 at d3 key a choice whose reason names a rule", () => {
    for (const seed of [96, 237, 417]) {
      const q = endpointChoice.generate(seed, 3);
      const key = q.answer[0] ?? "";
      expect(q.explanation.perOption[key] ?? "", q.id).toMatch(/\([A-Z]+-\d\d/);
    }
  });
});
