// The per-question analysis memo answers by topology content: a new top-level object holding the same lists (a
// distractor's variant with the shown component put back) gets the analysis already made, and any edit gets a
// fresh one, equal to what analyze answers without the memo.
import { describe, expect, it } from "vitest";
import { analyze, NetworkCache, type Topology } from "../../lib/net/index";
import { AnalysisMemo, sameFields } from "../../lib/scenario/analysis-memo";
import { cidrText } from "../../lib/scenario/names";
import { buildEstate, peerSites } from "../../lib/scenario/reach-fixtures";
import { createRng } from "../../lib/scenario/rng";
import { removeRoute, setSecurityGroupInbound } from "../../lib/scenario/topology-edits";
import { must } from "../support/must";

function peeredPair(seed: number) {
  const estate = buildEstate(createRng(seed), 2);
  const [a, c] = estate.sites as [(typeof estate.sites)[0], (typeof estate.sites)[0]];
  peerSites(estate, a, c);
  const base = estate.builder.build("pair");
  const query = { from: a.instance.name, to: c.instance.name, protocol: "tcp" as const, port: estate.port };
  const routeTableId = a.subnet.routeTableId;
  return {
    base,
    query,
    routeTableId,
    noRoute: removeRoute(routeTableId, cidrText(c.vpc.cidr))(base),
    closed: setSecurityGroupInbound(c.instance.sgId, [])(base),
  };
}

/** The variant with the base's route table put back, as reach-question's disprove builds it: a new object. */
function putBack(variant: Topology, base: Topology, routeTableId: string): Topology {
  const table = must(base.routeTables.find((rt) => rt.id === routeTableId));
  return { ...variant, routeTables: variant.routeTables.map((rt) => (rt.id === routeTableId ? table : rt)) };
}

describe("sameFields", () => {
  const { base, noRoute, closed, routeTableId } = peeredPair(3);

  it("holds for a copy whose lists hold the same objects, and for the variant with the changed item put back", () => {
    expect(sameFields(base, { ...base })).toBe(true);
    expect(sameFields(base, { ...base, subnets: base.subnets.slice() })).toBe(true);
    expect(sameFields(base, putBack(noRoute, base, routeTableId))).toBe(true);
  });

  it("fails for an edited list, a reordered list, a different value and a field only one side has", () => {
    expect(sameFields(base, noRoute)).toBe(false);
    expect(sameFields(noRoute, closed)).toBe(false);
    expect(sameFields(base, { ...base, subnets: base.subnets.slice().reverse() })).toBe(
      base.subnets.length < 2,
    );
    expect(sameFields(base, { ...base, region: `${base.region}x` })).toBe(false);
    expect(sameFields(base, { ...base, assumptions: undefined })).toBe(false);
    expect(sameFields({ ...base, assumptions: undefined }, base)).toBe(false);
  });
});

describe("AnalysisMemo", () => {
  it("answers a topology with the same content from the first analysis, and an edited one afresh", () => {
    const { base, query, noRoute, closed, routeTableId } = peeredPair(11);
    const memo = new AnalysisMemo(query, new NetworkCache());
    const first = memo.analyze(base);
    expect(first.reachable).toBe(true);
    const again = putBack(noRoute, base, routeTableId);
    expect(memo.analyze(again)).toBe(first);
    expect(analyze(again, query)).toEqual(first);
    for (const variant of [noRoute, closed]) {
      const got = memo.analyze(variant);
      expect(got).not.toBe(first);
      expect(got.reachable).toBe(false);
      expect(got).toEqual(analyze(variant, query));
    }
  });

  it("answers a base with lists put in (analyzeWith) as it answers the object with those lists", () => {
    const { base, query, noRoute, closed, routeTableId } = peeredPair(11);
    const memo = new AnalysisMemo(query, new NetworkCache());
    const first = memo.analyze(base);
    const table = must(base.routeTables.find((rt) => rt.id === routeTableId));
    const putBackLists = new Map([
      ["routeTables", noRoute.routeTables.map((rt) => (rt.id === routeTableId ? table : rt))],
    ]);
    expect(memo.analyzeWith(noRoute, putBackLists)).toBe(first);
    // Not seen before: analysed afresh, then remembered.
    const emptied = new Map([["routeTables", base.routeTables.map((rt) => ({ ...rt, routes: [] }))]]);
    const got = memo.analyzeWith(closed, emptied);
    expect(got.reachable).toBe(false);
    expect(got).toEqual(analyze({ ...closed, routeTables: emptied.get("routeTables") ?? [] }, query));
    expect(memo.analyzeWith(closed, emptied)).toBe(got);
  });

  it("answers a base with one item replaced (analyzeReplaced) as the object with that item put in", () => {
    const { base, query, noRoute, closed, routeTableId } = peeredPair(11);
    const memo = new AnalysisMemo(query, new NetworkCache());
    const first = memo.analyze(base);
    const table = must(base.routeTables.find((rt) => rt.id === routeTableId));
    // The variant analysed before (its entry's fields are reused) and one never seen: the base's table put back.
    expect(memo.analyze(noRoute).reachable).toBe(false);
    expect(memo.analyzeReplaced(noRoute, routeTableId, table)).toBe(first);
    expect(memo.analyzeReplaced({ ...noRoute }, routeTableId, table)).toBe(first);
    // Not seen before: analysed afresh (equal to analyze without the memo), then remembered.
    const emptied = { ...table, routes: [] };
    const got = memo.analyzeReplaced(closed, routeTableId, emptied);
    expect(got.reachable).toBe(false);
    const changed = {
      ...closed,
      routeTables: closed.routeTables.map((rt) => (rt.id === routeTableId ? emptied : rt)),
    };
    expect(got).toEqual(analyze(changed, query));
    expect(memo.analyze(changed)).toBe(got);
    // An id no list holds changes nothing: the base's own analysis.
    expect(memo.analyzeReplaced(closed, "rtb-none", emptied)).toEqual(analyze(closed, query));
  });
});

describe("AnalysisMemo verdicts (analyze's firstBlocker)", () => {
  it("gives a blocked variant's verdict and first blocker, and the full analysis when it is asked for in full", () => {
    const { query, noRoute } = peeredPair(11);
    const memo = new AnalysisMemo(query, new NetworkCache());
    const full = analyze(noRoute, query);
    const verdict = memo.analyze(noRoute, true);
    expect(verdict.reachable).toBe(false);
    expect(verdict.blockers[0]).toEqual(full.blockers[0]);
    // Asked again for the verdict only: the remembered analysis. In full: made again, then remembered.
    expect(memo.analyze(noRoute, true)).toBe(verdict);
    const again = memo.analyze(noRoute);
    expect(again).toEqual(full);
    expect(memo.analyze(noRoute, true)).toBe(again);
  });

  it("remembers a reachable verdict as the full analysis", () => {
    const { base, query } = peeredPair(11);
    const memo = new AnalysisMemo(query, new NetworkCache());
    const verdict = memo.analyze(base, true);
    expect(verdict.truncated).toBeUndefined();
    expect(memo.analyze(base)).toBe(verdict);
    expect(verdict).toEqual(analyze(base, query));
  });
});
