// The key of every model family is what lib/net's analyze says for the question's own topology and query,
// re-checked here independently of the family code.
import { describe, expect, it } from "vitest";
import { analyze } from "../../lib/net/index";
import { canAReachC } from "../../lib/scenario/families/can-a-reach-c";
import { filtering } from "../../lib/scenario/families/filtering";
import { edgeToEdge } from "../../lib/scenario/families/edge-to-edge";
import { hybrid } from "../../lib/scenario/families/hybrid";
import { ipv6Egress } from "../../lib/scenario/families/ipv6-egress";
import { verifyQuestion } from "../../lib/scenario/verify";
import { missingPiece } from "../../lib/scenario/families/missing-piece";
import { blockerText, FIRST_DROP, isYesText } from "../../lib/scenario/reach-question";
import type { Question } from "../../lib/scenario/question";
import { must } from "../support/must";

const SEEDS = 200;

function keyText(q: Question): string {
  return q.options.find((o) => o.id === q.answer[0])?.text ?? "";
}

describe.each([canAReachC, filtering, edgeToEdge, hybrid].map((f) => [f.name, f] as const))(
  "%s",
  (_name, family) => {
    it("keys 'Yes' exactly when analyze finds the flow reachable, else the model's first blocker", () => {
      let yes = 0;
      let total = 0;
      for (const difficulty of family.difficulties) {
        for (let seed = 0; seed < SEEDS; seed += 1) {
          const q = family.generate(seed, difficulty);
          const analysis = analyze(must(q.topology), must(q.query));
          const key = keyText(q);
          if (analysis.reachable) expect(isYesText(key)).toBe(true);
          else expect(key).toBe(blockerText(must(analysis.blockers[0]), q.topology));
          // The first-dropped sentence is in every stem, whatever the key, so it cannot give the key away.
          expect(q.stem).toContain(FIRST_DROP);
          // Every wrong "No: ..." option names a blocker that the model does not report for this topology.
          const blockerTexts = new Set(analysis.blockers.map((b) => blockerText(b, q.topology)));
          for (const option of q.options) {
            if (q.answer.includes(option.id)) continue;
            expect(blockerTexts.has(option.text), `${q.id}: ${option.text}`).toBe(false);
            if (isYesText(option.text)) expect(analysis.reachable).toBe(false);
          }
          if (analysis.reachable) yes += 1;
          total += 1;
        }
      }
      // Both verdicts occur often: between 20 % and 60 % yes.
      expect(yes / total).toBeGreaterThan(0.2);
      expect(yes / total).toBeLessThan(0.6);
    }, 120_000);
  },
);

describe("missing-piece", () => {
  it("shows a topology that analyze finds blocked, with the blocker message in the key's explanation", () => {
    for (const difficulty of missingPiece.difficulties) {
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const q = missingPiece.generate(seed, difficulty);
        const analysis = analyze(must(q.topology), must(q.query));
        expect(analysis.reachable, q.id).toBe(false);
        expect(q.explanation.perOption[must(q.answer[0])]).toContain(analysis.blockers[0]?.rules[0] ?? "?");
      }
    }
  }, 120_000);
});

describe("flow-log-diagnosis", () => {
  it("keys the diagnosis that the model's records show (rules ORD-03..05), re-derived from the records alone", async () => {
    const { flowLogCase } = await import("../../lib/scenario/families/flow-log-diagnosis");
    const { parseFlowLogRecord } = await import("../../lib/net/index");
    const seen = new Set<string>();
    for (const difficulty of [1, 2, 3] as const) {
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const { question: q, hiddenTopology } = flowLogCase(seed, difficulty);
        expect(q.topology).toBeUndefined();
        const again = analyze(hiddenTopology, must(q.query));
        expect(again.reachable).toBe(false);
        const records = must(q.exhibit)
          .lines.slice(1)
          .map((line) => must(parseFlowLogRecord(line)));
        const rejects = records.filter((r) => r.action === "REJECT");
        expect(rejects).toHaveLength(1);
        const reject = must(rejects[0]);
        // The reply comes from the service port; the request goes to it.
        const isReply = reject.srcPort === must(q.query).port;
        // The first record is always the client's own ENI sending the request.
        const onClientEni = reject.interfaceId === must(records[0]).interfaceId;
        const natEni = hiddenTopology.natGateways.length > 0 && !onClientEni;
        const key = keyText(q);
        if (natEni) expect(key, q.id).toContain("public subnet");
        else if (onClientEni)
          expect(key, q.id).toMatch(
            isReply ? /client subnet|private subnet/ : /client side|instance's security group/,
          );
        else expect(key, q.id).toContain("server");
        expect(key.includes("reply"), q.id).toBe(isReply);
        // A reply is never rejected by a security group (SG-02), and a NAT gateway has none (NAT-05).
        expect(key).not.toContain("security group blocks the reply");
        expect(key).not.toContain("NAT gateway's security group");
        seen.add(key);
      }
    }
    // 8: the NAT path (d3 only) no longer shows the instance-side request fault, d1's single REJECT (qexam5 F4).
    expect(seen.size).toBe(8);
  }, 120_000);
});

describe("fix-it", () => {
  it("its right fix makes the flow reachable and every wrong fix leaves it blocked (checked with analyze)", async () => {
    const { fixItCase } = await import("../../lib/scenario/families/fix-it");
    for (const difficulty of [1, 2, 3] as const) {
      for (let seed = 0; seed < 60; seed += 1) {
        const { question: q, right, wrong } = fixItCase(seed, difficulty);
        expect(analyze(must(q.topology), must(q.query)).reachable, q.id).toBe(false);
        expect(analyze(right.topology, must(q.query)).reachable, q.id).toBe(true);
        expect(keyText(q)).toBe(right.description);
        expect(wrong.length).toBeGreaterThanOrEqual(2);
        for (const w of wrong) {
          expect(analyze(w.result, must(q.query)).reachable, `${q.id}: ${w.text}`).toBe(false);
          expect(q.options.some((o) => o.text === w.text && !q.answer.includes(o.id))).toBe(true);
        }
      }
    }
  }, 120_000);
});

describe("ipv6-egress", () => {
  it("keys the one change (route, SG or NACL rule) for which analyze's verdicts on every required flow meet the requirement", () => {
    const keys = new Set<string>();
    for (const difficulty of [1, 2, 3] as const) {
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const q = ipv6Egress.generate(seed, difficulty);
        expect(verifyQuestion(q)).toEqual([]);
        const key = keyText(q);
        // The required flow fails in the shown setup, and the key is a route or a filtering rule that fixes it.
        expect(analyze(must(q.topology), must(q.query)).reachable).toBe(false);
        // d2's dual-stack question keys a pair of routes (qexam5 F5).
        const kind =
          /^Route (?:::\/0|0\.0\.0\.0\/0) → (eigw|nat|igw)-/.exec(key)?.[1] ??
          (/^Routes 0\.0\.0\.0\/0 → nat-\S+ \(NAT gateway\) and ::\/0 → eigw-/.test(key)
            ? "nat+eigw"
            : undefined) ??
          /^Add (?:an )?(?:inbound |outbound )?(?:rule \d+ )?(?:rule )?to (sg|acl)-/.exec(key)?.[1];
        expect(kind, `${q.id}: ${key}`).toBeDefined();
        keys.add(kind ?? "");
      }
    }
    // No lone NAT gateway route: a pure IPv4 design is not this family's subject (exam13 D5).
    expect(keys).toEqual(new Set(["eigw", "igw", "sg", "acl", "nat+eigw"]));
  }, 120_000);
});

describe("missing-piece distractors", () => {
  it("every piece offered as a wrong option matters: removed alone, it also blocks the flow (checked with analyze)", async () => {
    const { missingPieceCase, piecesThatDoNotMatter } =
      await import("../../lib/scenario/families/missing-piece");
    for (const difficulty of missingPiece.difficulties) {
      for (let seed = 0; seed < 60; seed += 1) {
        const c = missingPieceCase(seed, difficulty);
        expect(piecesThatDoNotMatter(c), c.question.id).toEqual([]);
        expect(analyze(c.setup.base, c.setup.query).reachable, c.question.id).toBe(true);
        // Wrong options are changes (none already in the shown setup) that leave the flow blocked.
        expect(c.distractors.length, c.question.id).toBe(3);
        for (const d of c.distractors) {
          expect(JSON.stringify(d.result), `${c.question.id}: ${d.text}`).not.toBe(
            JSON.stringify(c.shownTopology),
          );
          expect(analyze(d.result, c.setup.query).reachable, `${c.question.id}: ${d.text}`).toBe(false);
        }
      }
    }
  }, 60_000);
});

/** The first seeds (difficulty 3) whose stem contains `marker`, with the model's analysis of each. */
function casesWith(family: typeof edgeToEdge, marker: string, count: number) {
  const out: { q: Question; analysis: ReturnType<typeof analyze> }[] = [];
  for (let seed = 0; out.length < count; seed += 1) {
    const q = family.generate(seed, 3);
    if (q.stem.includes(marker)) out.push({ q, analysis: analyze(must(q.topology), must(q.query)) });
  }
  return out;
}

describe("edge-to-edge: the same thing through a transit gateway", () => {
  it("centralised egress through the TGW and the egress VPC's NAT works (TGW-18); the default route over the peering does not (PCX-10)", () => {
    const cases = casesWith(edgeToEdge, "egress VPC", 60);
    const reachable = cases.filter((c) => c.analysis.reachable);
    expect(reachable.length).toBeGreaterThan(5);
    for (const { q, analysis } of reachable) {
      const types = analysis.forward.map((h) => h.component.type);
      expect(types, q.id).toEqual(
        expect.arrayContaining(["transit-gateway", "nat-gateway", "internet-gateway"]),
      );
      expect(types.indexOf("transit-gateway"), q.id).toBeLessThan(types.indexOf("nat-gateway"));
    }
    const overPeering = cases.filter((c) => c.analysis.blockers[0]?.rules.includes("PCX-10") === true);
    expect(overPeering.length).toBeGreaterThan(0);
    for (const { q, analysis } of overPeering)
      expect(q.options.find((o) => o.id === q.answer[0])?.text, q.id).toBe(
        `No: ${analysis.blockers[0]?.message ?? ""}`,
      );
  });
});

describe("hybrid: a VPN attached to a transit gateway", () => {
  it("reaches the spoke through the TGW when the VPN attachment is associated and propagated (TGW-04, TGW-05), else the model names the TGW gap", () => {
    const cases = casesWith(hybrid, "attached to transit gateway", 60);
    const codes = new Set<string>();
    for (const { q, analysis } of cases) {
      if (analysis.reachable) {
        const types = analysis.forward.map((h) => h.component.type);
        expect(types, q.id).toEqual(
          expect.arrayContaining(["vpn-connection", "transit-gateway-attachment", "transit-gateway"]),
        );
        expect(types, q.id).not.toContain("vpn-gateway");
      } else codes.add(analysis.blockers[0]?.code ?? "");
    }
    expect(cases.some((c) => c.analysis.reachable)).toBe(true);
    expect([...codes]).toEqual(
      expect.arrayContaining(["TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION", "TGW_RTB_CANNOT_ROUTE"]),
    );
  });
});
