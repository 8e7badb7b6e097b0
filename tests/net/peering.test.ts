import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import { codes, example, run, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

describe("VPC peering", () => {
  it("PCX-02: peering is not transitive – A-B and B-C peered, A cannot reach C (golden: abc-peering-chain)", () => {
    const t = example("abc-peering-chain");
    expect(run(t, "app-a", "app-b").reachable).toBe(true);
    expect(run(t, "app-b", "app-c").reachable).toBe(true);
    const a = run(t, "app-a", "app-c");
    expect(a.reachable).toBe(false);
    expect(a.blockers).toHaveLength(1);
    expect(a.blockers[0]).toMatchObject({ code: "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", component: "pcx-ab" });
    expect(a.blockers[0]?.rules).toContain("PCX-02");
    expect(a.forward.some((h) => h.component.id === "pcx-bc")).toBe(false);
  });

  it("PCX-05/PCX-08: a pending peering makes its routes blackholes; the walk still reports what lies beyond", () => {
    const a = run(topo(twoPeered({ status: "pending-acceptance" })), "h-1", "h-2");
    expect(a.reachable).toBe(false);
    expect(codes(a)[0]).toBe("BAD_STATE_ROUTE");
    expect(a.blockers[0]?.rules).toEqual(expect.arrayContaining(["PCX-05", "PCX-08"]) as unknown);
    expect(a.forward.at(-1)).toMatchObject({ component: { id: "eni-2" }, action: "deliver" });
  });

  it("PCX-06: a request not accepted within 7 days expires", () => {
    const t = topo(twoPeered({ status: "pending-acceptance", createdAt: 1700000000 - 8 * 24 * 3600 }));
    // Reachability Analyzer has no expired-peering code: the route to it is a blackhole like any inactive peering's.
    const expired = run(t, "h-1", "h-2");
    expect(codes(expired)[0]).toBe("BAD_STATE_ROUTE");
    expect(expired.blockers[0]?.message).toMatch(
      /is expired, not active.*not accepted within 7 days expires/,
    );
    expect(expired.blockers[0]?.rules).toContain("PCX-06");
    const fresh = topo(twoPeered({ status: "pending-acceptance", createdAt: 1700000000 - 24 * 3600 }));
    expect(run(fresh, "h-1", "h-2").blockers[0]?.message).not.toMatch(/expired/);
  });

  it("PCX-08: both route tables need a route to the peering – missing return route blocks the reply", () => {
    const a = run(topo(twoPeered({ routeBack: false })), "h-1", "h-2");
    expect(a.reachable).toBe(false);
    expect(a.blockers).toEqual([
      expect.objectContaining({ code: "NO_ROUTE_TO_DESTINATION", component: "rtb-2", direction: "return" }),
    ]);
  });

  it("PCX-09: with overlapping peers, longest prefix match decides and replies can go to the wrong VPC", () => {
    const input = twoPeered();
    must(input.vpcs).push({ id: "vpc-3", cidrBlocks: ["10.1.0.0/16"] });
    must(input.subnets).push({
      id: "subnet-3",
      vpcId: "vpc-3",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.1.1.0/24",
      routeTableId: "rtb-3",
    });
    must(input.routeTables).push({
      id: "rtb-3",
      vpcId: "vpc-3",
      routes: [{ destination: "10.0.0.0/16", target: "pcx-13" }],
    });
    must(must(must(input.routeTables)[0]).routes).push({ destination: "10.1.1.20/32", target: "pcx-13" });
    must(input.peeringConnections).push({ id: "pcx-13", requesterVpcId: "vpc-1", accepterVpcId: "vpc-3" });
    must(input.securityGroups).push({
      id: "sg-3",
      vpcId: "vpc-3",
      inbound: [{ protocol: "all", cidrBlock: "10.0.0.0/8" }],
    });
    must(input.instances).push({
      id: "i-3",
      name: "h-3",
      subnetId: "subnet-3",
      privateIp: "10.1.1.20",
      securityGroupIds: ["sg-3"],
    });
    const t = topo(input);
    expect(run(t, "h-1", "h-3").reachable).toBe(true);
    const a = run(t, "h-1", "h-2");
    expect(a.reachable).toBe(true);
    expect(a.forward.some((h) => h.component.id === "pcx-12")).toBe(true);
  });

  it("PCX-10: a peer cannot use the other VPC's gateway endpoint (golden: gateway-endpoint-from-peer)", () => {
    const t = example("gateway-endpoint-from-peer");
    expect(run(t, "shared-host", "s3", 443).reachable).toBe(true);
    const a = run(t, "app-host", "s3", 443);
    expect(a.reachable).toBe(false);
    expect(a.blockers).toEqual([
      expect.objectContaining({
        code: "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR",
        rules: expect.arrayContaining(["PCX-10"]) as unknown,
      }),
    ]);
    expect(a.forward.some((h) => h.component.id === "vpce-s3")).toBe(false);
  });

  it("PCX-10/NAT-06: a peer cannot use the other VPC's NAT gateway or internet gateway", () => {
    const input = twoPeered();
    must(must(must(input.routeTables)[0]).routes).push({ destination: "0.0.0.0/0", target: "pcx-12" });
    must(must(must(input.routeTables)[1]).routes).push({ destination: "0.0.0.0/0", target: "nat-2" });
    must(input.subnets).push({
      id: "subnet-2p",
      vpcId: "vpc-2",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.1.0.0/24",
      routeTableId: "rtb-2p",
    });
    must(input.routeTables).push({
      id: "rtb-2p",
      vpcId: "vpc-2",
      routes: [{ destination: "0.0.0.0/0", target: "igw-2" }],
    });
    input.internetGateways = [{ id: "igw-2", vpcId: "vpc-2" }];
    input.natGateways = [
      { id: "nat-2", subnetId: "subnet-2p", privateIp: "10.1.0.100", publicIp: "3.3.3.3" },
    ];
    const t = topo(input);
    expect(run(t, "h-2", "8.8.8.8", 443).reachable).toBe(true);
    const a = run(t, "h-1", "8.8.8.8", 443);
    expect(codes(a)).toEqual(["PCX_REQUIRES_ADDRESS_IN_VPC_CIDR"]);
    expect(a.forward.some((h) => h.component.id === "nat-2" || h.component.id === "igw-2")).toBe(false);
  });

  it("PCX-03/PCX-04: validate refuses overlapping CIDRs (even a secondary block) and duplicate peerings", () => {
    const input = twoPeered();
    must(must(input.vpcs)[1]).cidrBlocks = ["10.1.0.0/16", "10.0.128.0/17"];
    must(input.peeringConnections).push({ id: "pcx-dup", requesterVpcId: "vpc-2", accepterVpcId: "vpc-1" });
    const issues = validate(topo(input));
    expect(issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["RCH_PEERING_CIDR_OVERLAP", "RCH_DUPLICATE_PEERING"]) as unknown,
    );
    expect(issues.find((i) => i.code === "RCH_PEERING_CIDR_OVERLAP")?.rules).toContain("PCX-03");
    expect(issues.find((i) => i.code === "RCH_DUPLICATE_PEERING")?.path).toBe("peeringConnections[1]");
  });

  it("PCX-15: IPv6 over a peering needs IPv6 routes to the pcx on both sides", () => {
    const input = twoPeered();
    must(must(input.vpcs)[0]).ipv6CidrBlocks = ["2600:1f18:1::/56"];
    must(must(input.vpcs)[1]).ipv6CidrBlocks = ["2600:1f18:2::/56"];
    must(must(input.subnets)[0]).ipv6CidrBlock = "2600:1f18:1:1::/64";
    must(must(input.subnets)[1]).ipv6CidrBlock = "2600:1f18:2:1::/64";
    must(must(input.instances)[0]).ipv6Addresses = ["2600:1f18:1:1::10"];
    must(must(input.instances)[1]).ipv6Addresses = ["2600:1f18:2:1::10"];
    must(must(must(input.securityGroups)[1]).inbound).push({ protocol: "all", cidrBlock: "::/0" });
    const noV6Routes = run(topo(input), "h-1", "2600:1f18:2:1::10");
    expect(codes(noV6Routes)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    must(must(must(input.routeTables)[0]).routes).push({ destination: "2600:1f18:2::/56", target: "pcx-12" });
    must(must(must(input.routeTables)[1]).routes).push({ destination: "2600:1f18:1::/56", target: "pcx-12" });
    expect(run(topo(input), "h-1", "2600:1f18:2:1::10").reachable).toBe(true);
  });
});
