import { describe, expect, it } from "vitest";
import { buildNetwork, networkAclOf } from "@/lib/net/network";
import type { Topology } from "@/lib/net/topology";
import { codes, oneVpc, run, topo } from "./helpers";

const withTables = (): Topology =>
  topo(oneVpc({
    subnets: [
      { id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24", networkAclId: "acl-1" },
      { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.0.2.0/24", networkAclId: "acl-1" },
    ],
    routeTables: [{ id: "rtb-1", vpcId: "vpc-1", main: true, routes: [] }],
    networkAcls: [{
      id: "acl-1", vpcId: "vpc-1", isDefault: false,
      inbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
      outbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
    }],
  }));

describe("buildNetwork reuses compiled pieces of unchanged topology objects", () => {
  it("a copy-on-write variant shares compiled SGs, NACLs and route tables with its base", () => {
    const base = withTables();
    const variant: Topology = { ...base, securityGroups: base.securityGroups.map((sg) => ({ ...sg, inbound: [] })) };
    const a = buildNetwork(base);
    const b = buildNetwork(variant);
    expect(b.routeTables.get("rtb-1")).toBe(a.routeTables.get("rtb-1"));
    const subnetA = a.subnets.get("subnet-a");
    if (!subnetA) throw new Error("fixture");
    expect(networkAclOf(b, subnetA)).toBe(networkAclOf(a, subnetA));
    // The changed group is compiled afresh and the verdicts follow the variant, not the cache.
    expect(b.securityGroups.get("sg-open")).not.toBe(a.securityGroups.get("sg-open"));
    expect(b.securityGroups.get("sg-open")?.inbound).toHaveLength(0);
    expect(run(base, "i-a", "i-b").reachable).toBe(true);
    expect(codes(run(variant, "i-a", "i-b"))).toContain("SG_HAS_NO_RULES");
  });

  it("recompiles a route table whose VPC changed even if the table object is the same", () => {
    const base = withTables();
    const a = buildNetwork(base);
    const variant: Topology = { ...base, vpcs: base.vpcs.map((v) => ({ ...v, cidrBlocks: [...v.cidrBlocks, "10.9.0.0/16"] })) };
    const b = buildNetwork(variant);
    expect(b.routeTables.get("rtb-1")).not.toBe(a.routeTables.get("rtb-1"));
    expect(b.routeTables.get("rtb-1")?.lookup.size).toBe(2);
  });
});
