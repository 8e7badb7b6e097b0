// The reach-question engine analyses variants lazily and trusts a variant's `works` declaration only to pick
// which variant is shown; every variant it analyses must agree with its declaration.
import { describe, expect, it } from "vitest";
import { analyze } from "../../lib/net/index";
import { cidrText } from "../../lib/scenario/names";
import { buildEstate, peerSites } from "../../lib/scenario/reach-fixtures";
import { buildReachQuestion, isYesText, type Variant } from "../../lib/scenario/reach-question";
import { createRng } from "../../lib/scenario/rng";
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
});
