// Generated topology objects of one kind with the same keys in the same order must share one V8 hidden class
// (map): lib/net reads every question's topologies, and objects of a kind in hundreds of maps (spread copies
// made at many edit sites) made those reads megamorphic. Checked with V8's %HaveSameMap, allowed at run time;
// spreading a subnet, route table, security group, TGW route table, network ACL, VPN connection or topology
// at an edit site again makes
// this fail (on h/perfgen3's head: 7 groups, e.g. 509 maps for 522 subnets with a network ACL).
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import type { Topology } from "../../lib/net/index";
import { FAMILIES } from "../../lib/scenario/registry";

setFlagsFromString("--allow-natives-syntax");
// Compiled after the flag is set, so the natives syntax parses.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

const SEEDS = 40;
const KINDS = [
  "subnets",
  "routeTables",
  "securityGroups",
  "transitGatewayRouteTables",
  "networkAcls",
  "vpnConnections",
] as const;

function collect(): Map<string, object[]> {
  const groups = new Map<string, object[]>();
  const add = (kind: string, o: object) => {
    const key = `${kind} ${Object.keys(o).join(",")}`;
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  };
  for (const family of FAMILIES.filter((f) => f.usesModel)) {
    for (const difficulty of family.difficulties) {
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const t: Topology | undefined = family.generate(seed, difficulty).topology;
        if (!t) continue;
        add("topology", t);
        for (const kind of KINDS) for (const o of t[kind]) add(kind, o);
      }
    }
  }
  return groups;
}

describe("generated topology objects", () => {
  it("share one hidden class per kind and key order", () => {
    expect(haveSameMap({ a: 1 }, { a: 2 })).toBe(true);
    expect(haveSameMap({ a: 1 }, { b: 1 })).toBe(false);
    const groups = collect();
    expect(groups.size).toBeGreaterThan(5);
    const maps: Record<string, number> = {};
    for (const [key, objects] of groups) {
      const distinct: object[] = [];
      for (const o of objects) if (!distinct.some((d) => haveSameMap(d, o))) distinct.push(o);
      maps[key] = distinct.length;
    }
    const expected = Object.fromEntries([...groups.keys()].map((key) => [key, 1]));
    expect(maps).toEqual(expected);
  });
});
