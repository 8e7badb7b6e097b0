import { describe, expect, it } from "vitest";
import { exhibitWords } from "../../../lib/scenario/exhibit";
import { analyze } from "../../../lib/net/index";
import { edgeToEdge } from "../../../lib/scenario/families/edge-to-edge";
import type { Difficulty } from "../../../lib/scenario/question";
import { must } from "../../support/must";

const FILTER_CODES = /SECURITY_GROUP|ACL/;

describe("edge-to-edge", () => {
  it("asks only edge-to-edge situations: a peer or hub owns the way out, and no SG or NACL fault is the key", () => {
    for (const difficulty of [1, 2, 3] as Difficulty[]) {
      for (let seed = 0; seed < 120; seed += 1) {
        const q = edgeToEdge.generate(seed, difficulty);
        const t = must(q.topology);
        const from = must(t.instances.find((i) => i.name === q.query?.from));
        const fromVpc = must(t.subnets.find((s) => s.id === from.subnetId)).vpcId;
        const elsewhere = [
          ...t.internetGateways.map((g) => g.vpcId),
          ...t.gatewayEndpoints.map((g) => g.vpcId),
        ].some((vpc) => vpc !== fromVpc);
        expect(elsewhere, q.id).toBe(true);
        expect(t.peeringConnections.length + t.transitGateways.length, q.id).toBeGreaterThan(0);
        const first = analyze(t, must(q.query)).blockers[0];
        if (first) expect(first.code, q.id).not.toMatch(FILTER_CODES);
      }
    }
  }, 120_000);

  it("an S3 question's exhibit and, when blocked, its explanation name the pl → vpce route", () => {
    let checked = 0;
    for (let seed = 0; seed < 120; seed += 1) {
      const q = edgeToEdge.generate(seed, 3);
      if (q.query?.to !== "s3") continue;
      // From difficulty 2 the stem's prose leaves routes to the exhibit's route tables.
      expect(exhibitWords(must(q.exhibit)), q.id).toMatch(/pl-\w+ \([^)]*\) vpce-\w+ gateway endpoint/);
      expect(q.stem, q.id).not.toMatch(/route pl-\w+ → vpce-\w+/);
      if (!analyze(must(q.topology), must(q.query)).reachable) {
        expect(q.explanation.summary, q.id).toMatch(/pl-\w+ → vpce-\w+/);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(3);
  }, 120_000);
});
