import { describe, expect, it } from "vitest";
import { countRoutes, generateQueries, generateTopology } from "@/bench/topologies";
import { percentile } from "@/bench/report";
import { parseTopology } from "@/lib/net/parse";
import { validate } from "@/lib/net/validate";
import { analyze } from "@/lib/net/reachability";
import { buildNetwork } from "@/lib/net/network";

describe("bench topologies", () => {
  it("are valid topologies with no validation errors", () => {
    const parsed = parseTopology(generateTopology(25, 7).topology);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(validate(parsed.topology).filter((i) => i.severity === "error")).toEqual([]);
    expect(parsed.topology.vpcs).toHaveLength(25);
    expect(parsed.topology.peeringConnections).toHaveLength(5 * 10); // five full meshes of five VPCs
  });

  it("are deterministic for a seed and differ across seeds", () => {
    expect(generateTopology(12, 3).topology).toEqual(generateTopology(12, 3).topology);
    expect(JSON.stringify(generateTopology(12, 3).topology)).not.toEqual(
      JSON.stringify(generateTopology(12, 4).topology),
    );
    const bench = generateTopology(12, 3);
    expect(generateQueries(bench, 50, 9)).toEqual(generateQueries(bench, 50, 9));
  });

  it("grow routes linearly with the VPC count", () => {
    expect(countRoutes(generateTopology(100, 1).topology)).toBe(
      10 * countRoutes(generateTopology(10, 1).topology),
    );
  });

  it("give a mix of reachable and blocked queries, some across the TGW hub", () => {
    const bench = generateTopology(30, 1);
    const parsed = parseTopology(bench.topology);
    if (!parsed.ok) throw new Error("invalid");
    const net = buildNetwork(parsed.topology);
    const results = generateQueries(bench, 200, 1).map((q) => analyze(net, q));
    const reachable = results.filter((r) => r.reachable);
    expect(reachable.length).toBeGreaterThan(20);
    expect(results.length - reachable.length).toBeGreaterThan(20);
    expect(reachable.some((r) => r.forward.some((h) => h.component.type.includes("transit-gateway")))).toBe(
      true,
    );
  });

  it("percentile picks the nearest-rank value", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
  });
});
