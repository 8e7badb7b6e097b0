// can-a-reach-c and filtering over seed sweeps: every question has four options, each wrong one carries a proof,
// the near-miss problems (NACL rule order, the reply's route at the wrong peering, a TGW route to the wrong
// attachment, two faults at once) are asked, and nearby seeds ask different problems.
import { describe, expect, it } from "vitest";
import { analyze, type Blocker } from "../../../lib/net/index";
import { canAReachC } from "../../../lib/scenario/families/can-a-reach-c";
import { filtering } from "../../../lib/scenario/families/filtering";
import type { ProofSink } from "../../../lib/scenario/proofs";
import { problemSignature } from "../../../lib/scenario/question-metrics";
import type { Difficulty, Question } from "../../../lib/scenario/question";
import type { Family } from "../../../lib/scenario/family";
import { must } from "../../support/must";

const difficultyOf = (seed: number): Difficulty => ((seed % 3) + 1) as Difficulty;

function sweep(family: Family, seeds: number): Question[] {
  const out: Question[] = [];
  for (let seed = 0; seed < seeds; seed += 1) out.push(family.generate(seed, difficultyOf(seed)));
  return out;
}

/** The questions with the proof of each option (the sink family.generate fills). */
function sweepWithProofs(family: Family, seeds: number): { q: Question; proofs: ProofSink["proofs"] }[] {
  const out: { q: Question; proofs: ProofSink["proofs"] }[] = [];
  for (let seed = 0; seed < seeds; seed += 1) {
    const sink: ProofSink = {};
    out.push({ q: family.generate(seed, difficultyOf(seed), sink), proofs: sink.proofs });
  }
  return out;
}

function firstBlocker(q: Question): Blocker | undefined {
  return analyze(must(q.topology, "topology"), must(q.query, "query")).blockers[0];
}

describe.each([canAReachC, filtering])("$name options", (family) => {
  it("offers four options on every seed, each wrong one proven wrong, none about the VPC's own range", () => {
    for (const { q, proofs: sunk } of sweepWithProofs(family, 150)) {
      expect(q.options.length, q.id).toBe(4);
      expect(q.answer, q.id).toHaveLength(1);
      const proofs = must(sunk, `${q.id} proofs`);
      for (const o of q.options) {
        expect(proofs[o.id], `${q.id} option ${o.id}`).toBeTruthy();
        expect(o.text, q.id).not.toMatch(/own range|local route/i);
        const why = must(q.explanation.perOption[o.id], `${q.id} why ${o.id}`);
        expect(why, `${q.id} option ${o.id}`).toMatch(/\b[A-Z]{2,4}-\d{2}\b/);
        expect(why, q.id).not.toMatch(/\bthe model\b/i);
        // The reason never just repeats its option.
        expect(why.includes(o.text), q.id).toBe(false);
      }
    }
  }, 120_000);
});

describe("can-a-reach-c problems", () => {
  const questions = sweep(canAReachC, 300);

  it("keys a network ACL deny that is read before the allow (ACL-03)", () => {
    const found = questions.some((q) => {
      const b = firstBlocker(q);
      if (b?.detail.kind !== "network-acl" || typeof b.detail.ruleNumber !== "number") return false;
      const aclId = b.detail.acl.id;
      const number = b.detail.ruleNumber;
      const acl = must(q.topology).networkAcls.find((a) => a.id === aclId);
      // An allow for the same flow exists, numbered after the deny that wins.
      return (acl?.inbound ?? []).some((r) => r.action === "allow" && r.ruleNumber > number);
    });
    expect(found).toBe(true);
  });

  it("keys a reply route that points at the wrong peering connection (PCX-02)", () => {
    const found = questions.some((q) => {
      const b = firstBlocker(q);
      return b?.code === "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR" && b.direction === "return";
    });
    expect(found).toBe(true);
  });

  it("keys a request route that points at a peering instead of the transit gateway (PCX-10)", () => {
    const found = questions.some((q) => {
      const b = firstBlocker(q);
      return (
        b?.code === "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR" &&
        b.direction === "forward" &&
        must(q.topology).transitGatewayAttachments.length >= 3
      );
    });
    expect(found).toBe(true);
  });

  it("keys a transit gateway static route to the wrong attachment (TGW-07)", () => {
    const found = questions.some(
      (q) =>
        firstBlocker(q) !== undefined &&
        must(q.topology).transitGatewayRouteTables.some((t) =>
          t.routes.some((r) => r.attachmentId !== undefined),
        ),
    );
    expect(found).toBe(true);
  });

  it("asks where the request is first dropped when two faults are present, offering only false alternatives", () => {
    const twoFaults = questions.filter((q) => analyze(must(q.topology), must(q.query)).blockers.length >= 2);
    expect(twoFaults.length).toBeGreaterThan(0);
    for (const q of twoFaults) {
      expect(q.stem, q.id).toMatch(/first dropped/);
      const blockers = analyze(must(q.topology), must(q.query)).blockers;
      const key = must(q.options.find((o) => q.answer.includes(o.id)));
      expect(key.text, q.id).toContain(must(blockers[0]).message.slice(0, 20));
    }
  });

  it("asks at least 18 different problems in every 20 consecutive seeds (sliding)", () => {
    const signatures = questions.map(problemSignature);
    for (let start = 0; start + 20 <= signatures.length; start += 1)
      expect(
        new Set(signatures.slice(start, start + 20)).size,
        `seeds ${start}-${start + 19}`,
      ).toBeGreaterThanOrEqual(18);
  });
});
