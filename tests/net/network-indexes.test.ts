// idsNamed scans the topology's lists for one name instead of building namesIndex; the two list the same lists in
// the same order by hand (kept apart because the scan runs per variant network, where a shared visitor cost ~8 %),
// so this checks them against each other on every family's networks and on names shared across kinds.
import { describe, expect, it } from "vitest";
import { buildNetwork } from "@/lib/net/network";
import { idsNamed, namesIndex } from "@/lib/net/network-indexes";
import type { Topology } from "@/lib/net/topology";
import { generateQuestion } from "@/lib/scenario/generate";
import { FAMILIES } from "@/lib/scenario/registry";

function topologies(): Topology[] {
  const out: Topology[] = [];
  for (const family of FAMILIES)
    for (let seed = 1; seed <= 12; seed += 1)
      for (const difficulty of family.difficulties) {
        const generated = generateQuestion(family.name, seed, difficulty);
        if (generated.ok && generated.question.topology) out.push(generated.question.topology);
      }
  return out;
}

/** Every object named after the first VPC's name: one name shared across kinds, in list order. */
function sharingOneName(t: Topology): Topology {
  const name = t.vpcs[0]?.name ?? "shared";
  const rename = <T extends { readonly name?: string | undefined }>(list: readonly T[]): T[] =>
    list.map((x) => ({ ...x, name }));
  return {
    ...t,
    vpcs: rename(t.vpcs),
    subnets: rename(t.subnets),
    routeTables: rename(t.routeTables),
    networkAcls: rename(t.networkAcls),
    securityGroups: rename(t.securityGroups),
    instances: rename(t.instances),
    internetGateways: rename(t.internetGateways),
    transitGateways: rename(t.transitGateways),
    transitGatewayAttachments: rename(t.transitGatewayAttachments),
    vpnConnections: rename(t.vpnConnections),
    onPremisesNetworks: rename(t.onPremisesNetworks),
  };
}

describe("idsNamed", () => {
  it("gives namesIndex's ids, in namesIndex's order, for every name of every family's networks", () => {
    let names = 0;
    for (const topology of topologies())
      for (const t of [topology, sharingOneName(topology)]) {
        const index = namesIndex(buildNetwork(t));
        const scanned = buildNetwork(t); // a network of its own: idsNamed reads a built index when there is one
        for (const [name, ids] of index) {
          expect(idsNamed(scanned, name)).toEqual(ids);
          names += 1;
        }
        expect(idsNamed(scanned, "no object has this name")).toBeUndefined();
      }
    expect(names).toBeGreaterThan(1000);
  });
});
