import { describe, expect, it } from "vitest";
import { hybrid } from "../../../lib/scenario/families/hybrid";
import type { Difficulty, Question } from "../../../lib/scenario/question";
import { must } from "../../support/must";

const SEEDS = 300;

/** Every text of a question a learner reads: stem, options, summary and per-option reasons. */
function texts(q: Question): string[] {
  return [
    q.stem,
    q.explanation.summary,
    ...q.options.map((o) => o.text),
    ...Object.values(q.explanation.perOption),
  ];
}

describe("hybrid wording follows the exhibit's path", () => {
  it("never mentions a VPN or cites a VPN rule when the setup has no VPN connection (Direct Connect)", () => {
    let directConnect = 0;
    for (const difficulty of [2, 3] as Difficulty[]) {
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const q = hybrid.generate(seed, difficulty);
        if (must(q.topology).vpnConnections.length > 0) continue;
        directConnect += 1;
        for (const text of texts(q)) expect(text, q.id).not.toMatch(/\bVPN\b|Site-to-Site/);
        expect(
          q.explanation.rules.filter((r) => r.startsWith("VPN-")),
          q.id,
        ).toEqual([]);
      }
    }
    // Direct Connect is one of three d2 kinds and one of four d3 kinds: the loop must have seen many.
    expect(directConnect).toBeGreaterThan(100);
  }, 240_000);

  it("names the Direct Connect gateway and the route back when a Direct Connect setup works", () => {
    let working = 0;
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const q = hybrid.generate(seed, 3);
      const t = must(q.topology);
      if (t.vpnConnections.length > 0 || !q.explanation.summary.startsWith("The connection works")) continue;
      working += 1;
      const dxgw = must(t.directConnectGateways[0]);
      expect(q.explanation.summary, q.id).toContain(dxgw.id);
      // Behind a virtual private gateway the route back is learned over the private VIF (DX-08); behind a transit
      // gateway the association's allowed prefixes are what on premises learns (DX-04).
      const onTgw = dxgw.associations.some((a) => t.transitGateways.some((g) => g.id === a.gatewayId));
      expect(q.explanation.summary, q.id).toMatch(onTgw ? /transit VIF .*DX-04/ : /DX-08/);
    }
    expect(working).toBeGreaterThan(5);
  }, 240_000);
});
