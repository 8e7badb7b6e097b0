import { describe, expect, it } from "vitest";
import type { Topology } from "@/lib/net/topology";
import { buildNetwork } from "@/lib/net/network";
import { propagatedCidrs } from "@/lib/net/transit-gateway-index";
import { codes, edited, example, run } from "./helpers";
import { must } from "../support/must";

const hub = (): Topology => example("tgw-hub");

describe("transit gateway", () => {
  it("TGW-02: a transit gateway is transitive – every spoke reaches every other (golden: tgw-hub)", () => {
    const t = hub();
    for (const [a, b] of [
      ["host-1", "host-2"],
      ["host-1", "host-3"],
      ["host-3", "host-2"],
    ] as const) {
      expect(run(t, a, b).reachable).toBe(true);
    }
    const trace = run(t, "host-1", "host-3");
    expect(trace.forward.map((h) => h.component.type)).toEqual(
      expect.arrayContaining([
        "transit-gateway-attachment",
        "transit-gateway-route-table",
        "transit-gateway",
      ]),
    );
  });

  it("TGW-05: a VPC attachment with IPv6 support disabled propagates the VPC's IPv4 CIDRs only", () => {
    const t = edited(hub(), (d) => {
      const att = must(d.transitGatewayAttachments.find((a) => a.type === "vpc" && a.vpcId !== undefined));
      must(d.vpcs.find((v) => v.id === att.vpcId)).ipv6CidrBlocks = ["2600:1f18:2500:aa00::/56"];
    });
    const att = must(t.transitGatewayAttachments.find((a) => a.type === "vpc" && a.vpcId !== undefined));
    const texts = (x: Topology, a: typeof att) =>
      propagatedCidrs(x, a, buildNetwork(x).vpcs).cidrs.map((c) => c.text);
    expect(texts(t, att)).toContain("2600:1f18:2500:aa00::/56");
    const off = edited(t, (d) => {
      must(d.transitGatewayAttachments.find((a) => a.id === att.id)).ipv6Support = false;
    });
    const offAtt = must(off.transitGatewayAttachments.find((a) => a.id === att.id));
    expect(texts(off, offAtt)).not.toContain("2600:1f18:2500:aa00::/56");
    expect(texts(off, offAtt).length).toBeGreaterThan(0);
  });

  it("TGW-04: an attachment without an associated route table cannot send through the TGW", () => {
    const t = edited(hub(), (d) => {
      must(d.transitGatewayRouteTables[0]).associations = ["tgw-attach-2", "tgw-attach-3"];
    });
    expect(codes(run(t, "host-1", "host-2"))).toEqual(["TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION"]);
  });

  it("TGW-05: without propagation (or a static route) the TGW route table has no route to the attachment", () => {
    const t = edited(hub(), (d) => {
      must(d.transitGatewayRouteTables[0]).propagations = ["tgw-attach-1", "tgw-attach-2"];
    });
    const a = run(t, "host-1", "host-3");
    expect(codes(a)).toEqual(["TGW_RTB_CANNOT_ROUTE"]);
    expect(run(t, "host-1", "host-2").reachable).toBe(true);
  });

  it("TGW-05: association and propagation are independent – segmentation with two route tables", () => {
    const t = edited(hub(), (d) => {
      d.transitGatewayRouteTables = [
        {
          id: "tgw-rtb-a",
          transitGatewayId: "tgw-hub",
          associations: ["tgw-attach-1"],
          propagations: ["tgw-attach-3"],
          routes: [],
        },
        {
          id: "tgw-rtb-b",
          transitGatewayId: "tgw-hub",
          associations: ["tgw-attach-2", "tgw-attach-3"],
          propagations: ["tgw-attach-1"],
          routes: [],
        },
      ];
    });
    expect(run(t, "host-1", "host-3").reachable).toBe(true);
    expect(codes(run(t, "host-1", "host-2"))).toEqual(["TGW_RTB_CANNOT_ROUTE"]);
  });

  it("TGW-06: the VPC subnet still needs a route to the TGW", () => {
    const t = edited(hub(), (d) => {
      must(d.routeTables[0]).routes = [];
    });
    expect(codes(run(t, "host-1", "host-2"))).toEqual(["NO_ROUTE_TO_DESTINATION"]);
  });

  it("TGW-07: a static TGW route beats a propagated one for the same prefix", () => {
    const t = edited(hub(), (d) => {
      must(d.transitGatewayRouteTables[0]).routes = [
        { destination: "10.3.0.0/16", attachmentId: "tgw-attach-2", blackhole: false },
      ];
    });
    const a = run(t, "host-1", "host-3");
    const hop = a.forward.find((h) => h.component.type === "transit-gateway-route-table");
    expect(hop?.detail).toMatchObject({
      route: {
        description: "10.3.0.0/16 -> tgw-attach-2 (static)",
        origin: "static",
        // The propagated route of the same prefix it won over (exam 8 D7).
        preferredOver: [{ destination: "10.3.0.0/16", origin: "propagated" }],
      },
    });
    expect(a.reachable).toBe(false);
  });

  it("TGW-08: a blackhole route drops matching traffic", () => {
    const t = edited(hub(), (d) => {
      must(d.transitGatewayRouteTables[0]).routes = [{ destination: "10.3.1.0/24", blackhole: true }];
    });
    expect(codes(run(t, "host-1", "host-3"))).toEqual(["TGW_RTB_BAD_STATE_ROUTE"]);
  });

  it("TGW-09: instances in an AZ without an attachment subnet cannot use the TGW", () => {
    const t = edited(hub(), (d) => {
      d.subnets.push({
        id: "subnet-1b",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1b",
        cidrBlock: "10.1.2.0/24",
        routeTableId: "rtb-1",
      });
      d.instances.push({
        id: "i-1b",
        name: "host-1b",
        subnetId: "subnet-1b",
        privateIp: "10.1.2.10",
        securityGroupIds: ["sg-1"],
        ipv6Addresses: [],
        sourceDestCheck: true,
        networkInterfaceIds: [],
        state: "running",
      });
    });
    expect(codes(run(t, "host-1b", "host-2"))).toContain("TGW_ROUTE_AZ_RESTRICTION");
  });

  it("TGW-18: centralized egress – a spoke without an IGW reaches the internet via the TGW and an egress VPC's NAT gateway", () => {
    let t = hub();
    // vpc-3 becomes the egress VPC: NAT in a public subnet, IGW, and routes back to the spokes via the TGW.
    t = edited(t, (d) => {
      d.subnets.push({
        id: "subnet-3pub",
        vpcId: "vpc-3",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.3.0.0/24",
        routeTableId: "rtb-3pub",
      });
      d.routeTables.push({
        id: "rtb-3pub",
        vpcId: "vpc-3",
        main: false,
        propagatingGatewayIds: [],
        routes: [
          { destination: "0.0.0.0/0", target: "igw-3", origin: "static" },
          { destination: "10.0.0.0/8", target: "tgw-hub", origin: "static" },
        ],
      });
      must(d.routeTables[2]).routes.push({ destination: "0.0.0.0/0", target: "nat-3", origin: "static" });
      d.internetGateways.push({ id: "igw-3", vpcId: "vpc-3" });
      d.natGateways.push({
        id: "nat-3",
        subnetId: "subnet-3pub",
        connectivity: "public",
        privateIp: "10.3.0.100",
        publicIp: "3.90.0.1",
        state: "available",
      });
      must(d.routeTables[0]).routes.push({ destination: "0.0.0.0/0", target: "tgw-hub", origin: "static" });
      must(d.transitGatewayRouteTables[0]).routes.push({
        destination: "0.0.0.0/0",
        attachmentId: "tgw-attach-3",
        blackhole: false,
      });
    });
    const a = run(t, "host-1", "internet", 443);
    expect(a.blockers).toEqual([]);
    expect(a.reachable).toBe(true);
    expect(a.forward.find((h) => h.component.id === "igw-3")?.outbound?.srcIp).toBe("3.90.0.1");
  });
});
