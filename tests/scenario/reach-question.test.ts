// The reach-question engine analyses variants lazily and trusts a variant's `works` declaration only to pick
// which variant is shown; every variant it analyses must agree with its declaration.
import { describe, expect, it } from "vitest";
import { analyze } from "../../lib/net/index";
import { cidrText } from "../../lib/scenario/names";
import { buildEstate, peerSites } from "../../lib/scenario/reach-fixtures";
import { buildReachQuestion, isYesText, type Variant } from "../../lib/scenario/reach-question";
import { createRng } from "../../lib/scenario/rng";
import { filtering } from "../../lib/scenario/families/filtering";
import { hybrid } from "../../lib/scenario/families/hybrid";
import { must } from "../support/must";
import { removeRoute, setSecurityGroupInbound } from "../../lib/scenario/topology-edits";

function peeredPair(seed: number) {
  const rng = createRng(seed);
  const estate = buildEstate(rng, 2);
  const [a, c] = estate.sites as [(typeof estate.sites)[0], (typeof estate.sites)[0]];
  peerSites(estate, a, c);
  const base = estate.builder.build("pair");
  const query = { from: a.instance.name, to: c.instance.name, protocol: "tcp" as const, port: estate.port };
  return {
    rng,
    base,
    query,
    noRoute: removeRoute(a.subnet.routeTableId, cidrText(c.vpc.cidr))(base),
    closed: setSecurityGroupInbound(c.instance.sgId, [])(base),
  };
}

const setup = (
  query: { from: string; to: string; protocol: "tcp"; port: number },
  variants: Variant[],
  shown?: number,
) => ({
  family: "test",
  seed: 1,
  difficulty: 1 as const,
  concepts: ["P1"],
  stem: "Can A reach C?",
  query,
  variants,
  ...(shown !== undefined ? { shown } : {}),
});

describe("buildReachQuestion", () => {
  it("keys the model's verdict on the shown variant and offers other variants' first blockers as wrong options", () => {
    const { rng, base, query, noRoute, closed } = peeredPair(7);
    const q = buildReachQuestion(
      rng,
      setup(query, [{ topology: base, works: true }, { topology: noRoute }, { topology: closed }], 0),
    );
    const key = q.options.find((o) => o.id === q.answer[0])?.text;
    expect(isYesText(key ?? "")).toBe(true);
    const expectedWrong = [noRoute, closed].map((t) => `No: ${analyze(t, query).blockers[0]?.message ?? ""}`);
    expect(
      q.options
        .filter((o) => !q.answer.includes(o.id))
        .map((o) => o.text)
        .sort(),
    ).toEqual(expectedWrong.sort());
  });

  it("throws when a variant declared working is blocked (a family bug, never a silently wrong question)", () => {
    const { rng, query, noRoute, closed } = peeredPair(8);
    expect(() =>
      buildReachQuestion(rng, setup(query, [{ topology: noRoute, works: true }, { topology: closed }], 0)),
    ).toThrow(/declared working is blocked/);
  });

  it("throws when an analysed variant declared faulty is reachable", () => {
    const { rng, base, query, closed } = peeredPair(9);
    expect(() =>
      buildReachQuestion(rng, setup(query, [{ topology: closed }, { topology: base }], 0)),
    ).toThrow(/declared faulty is reachable/);
  });

  it("says 'every hop before X' only when hops came before X; a first check is told by what it lacks", () => {
    let firstChecks = 0;
    for (const difficulty of [1, 2, 3] as const) {
      for (let seed = 0; seed < 120; seed += 1) {
        const q = filtering.generate(seed, difficulty);
        const a = analyze(must(q.topology), must(q.query));
        const b = a.blockers[0];
        if (!b || b.direction === "return") continue;
        const at = a.forward.findIndex((h) => h.component.id === b.component);
        const keyWhy = q.explanation.perOption[must(q.answer[0])] ?? "";
        if (a.forward.slice(0, at).every((h) => h.detail.kind === "send")) {
          firstChecks += 1;
          expect(keyWhy, q.id).not.toMatch(/every hop before/i);
          expect(keyWhy, q.id).toMatch(/is the first check the request meets, and (it has no|its)/);
        } else expect(keyWhy, q.id).toMatch(/every hop before/i);
      }
    }
    expect(firstChecks).toBeGreaterThan(0);
  });

  it("rebuts a VPN distractor with the tunnels the exhibit shows up, never a bare 'not at fault'", () => {
    let vpnRebuttals = 0;
    for (const difficulty of [1, 2, 3] as const) {
      for (let seed = 0; seed < 80; seed += 1) {
        const q = hybrid.generate(seed, difficulty);
        for (const o of q.options) {
          const why = q.explanation.perOption[o.id] ?? "";
          expect(why, q.id).not.toMatch(/not at fault in this setup \(/);
          if (/VPN connection .* (are down|is DOWN)/.test(o.text) && !q.answer.includes(o.id)) {
            vpnRebuttals += 1;
            // The exhibit shows a tunnel UP, so the option is the misreading "one DOWN tunnel stops the VPN",
            // never "both tunnels are down" (refuted at a glance).
            expect(o.text, q.id).toMatch(/^No: Tunnel \d of VPN connection .* is DOWN/);
            expect(why, q.id).toMatch(/has \d of its \d tunnels UP.*\(VPN-02\)/);
          }
        }
      }
    }
    expect(vpnRebuttals).toBeGreaterThan(0);
  });

  it("names the ephemeral-port return rules when numbered NACL rules let a working flow's reply through", () => {
    let named = 0;
    for (const difficulty of [1, 2, 3] as const) {
      for (let seed = 0; seed < 120; seed += 1) {
        const q = filtering.generate(seed, difficulty);
        const a = analyze(must(q.topology), must(q.query));
        if (!a.reachable) continue;
        const topology = must(q.topology);
        const returnRule = a.return.some((h) => {
          const d = h.detail;
          if (d.kind !== "network-acl" || !d.allowed || d.ruleNumber === "*") return false;
          const acl = topology.networkAcls.find((x) => x.id === d.acl);
          const rules = d.side === "inbound" ? acl?.inbound : acl?.outbound;
          return rules?.find((r) => r.ruleNumber === d.ruleNumber)?.fromPort !== undefined;
        });
        if (!returnRule) continue;
        named += 1;
        expect(q.explanation.summary, q.id).toMatch(
          /Network ACLs are stateless.*return rules .*(inbound|outbound) rule \d+ \(TCP \d+-\d+ (to|from) [\d.:a-f/]+\).*\(ACL-02\)/,
        );
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});
