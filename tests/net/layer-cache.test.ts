import { describe, expect, it } from "vitest";
import { LayerCache, MAX_CACHED_OBJECTS } from "@/lib/net/layer-cache";
import { buildNetwork } from "@/lib/net/network";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { codes, topo, twoPeered } from "./helpers";

const q = { from: "h-1", to: "h-2", protocol: "tcp" as const, port: 22 };

describe("LayerCache", () => {
  it("returns the compiled value for identical inputs and compiles again when any input differs", () => {
    const cache = new LayerCache<number>(2);
    const item = { id: "a", list: [1] };
    let compiled = 0;
    const get = () => cache.get(["r"], [[item]], () => ++compiled);
    expect(get()).toBe(1);
    expect(get()).toBe(1);
    item.list.push(2); // in place: the array's length is part of the stamp
    expect(get()).toBe(2);
    item.id = "b"; // in place: every field value is part of the stamp
    expect(get()).toBe(3);
    expect(cache.get(["other region"], [[item]], () => ++compiled)).toBe(4);
    expect(cache.get(["other region"], [[item, item]], () => ++compiled)).toBe(5);
  });

  it("keeps the most recently used input sets (the least recently used one is compiled again)", () => {
    const cache = new LayerCache<string>(2);
    const [a, b, c] = [{ v: 1 }, { v: 2 }, { v: 3 }];
    let n = 0;
    const get = (x: object) => cache.get([], [[x]], () => `${++n}`);
    expect([get(a), get(b)]).toEqual(["1", "2"]);
    expect(get(a)).toBe("1"); // a is now the most recent, so c evicts b
    expect(get(c)).toBe("3");
    expect(get(a)).toBe("1");
    expect(get(b)).toBe("4");
  });

  it("does not cache inputs with more objects than MAX_CACHED_OBJECTS", () => {
    const cache = new LayerCache<number>(2);
    const big = Array.from({ length: MAX_CACHED_OBJECTS + 1 }, (_, i) => ({ i }));
    let n = 0;
    expect(cache.get([], [big], () => ++n)).toBe(1);
    expect(cache.get([], [big], () => ++n)).toBe(2);
    const small = big.slice(0, 10);
    expect(cache.get([], [small], () => ++n)).toBe(3);
    expect(cache.get([], [small], () => ++n)).toBe(3);
  });
});

describe("buildNetwork layers", () => {
  it("a variant that changes a security group reuses the routing and peering layers and rebuilds the groups", () => {
    const base = topo(twoPeered());
    const closed: Topology = { ...base, securityGroups: base.securityGroups.map((sg) => (sg.id === "sg-2" ? { ...sg, inbound: [] } : sg)) };
    const a = buildNetwork(base);
    const b = buildNetwork(closed);
    expect(b.routeTables).toBe(a.routeTables);
    expect(b.peeringsByPair).toBe(a.peeringsByPair);
    expect(b.tgw).toBe(a.tgw);
    expect(b.securityGroups).not.toBe(a.securityGroups);
  });
});
