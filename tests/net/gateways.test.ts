import { describe, expect, it } from "vitest";
import { codes, edited, example, oneVpc, run, topo } from "./helpers";
import type { TopologyInput } from "@/lib/net/topology";
import { must } from "../support/must";

function publicVpc(publicIp?: string): TopologyInput {
  return oneVpc({
    routeTables: [
      { id: "rtb-m", vpcId: "vpc-1", main: true, routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] },
    ],
    internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
    instances: [
      {
        id: "i-a",
        name: "h-a",
        subnetId: "subnet-a",
        privateIp: "10.0.1.10",
        securityGroupIds: ["sg-open"],
        ...(publicIp ? { publicIp } : {}),
      },
    ],
  });
}

describe("internet gateway", () => {
  it("IGW-01/IGW-03: an instance with a public IP and a route to the IGW reaches the internet; the IGW translates 1:1", () => {
    const a = run(topo(publicVpc("54.1.2.3")), "h-a", "internet", 443);
    expect(a.reachable).toBe(true);
    const igw = a.forward.find((h) => h.component.id === "igw-1");
    expect(igw?.inbound?.srcIp).toBe("10.0.1.10");
    expect(igw?.outbound?.srcIp).toBe("54.1.2.3");
    const back = a.return.find((h) => h.component.id === "igw-1");
    expect(back?.inbound?.dstIp).toBe("54.1.2.3");
    expect(back?.outbound?.dstIp).toBe("10.0.1.10");
  });

  it("IGW-01/IGW-04: without a public IP the IGW cannot translate (IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS)", () => {
    const a = run(topo(publicVpc()), "h-a", "internet", 443);
    expect(codes(a)).toContain("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
  });

  it("IGW-02: a public IP alone does not make a subnet public – it needs the route to the IGW", () => {
    const input = publicVpc("54.1.2.3");
    input.routeTables = [{ id: "rtb-m", vpcId: "vpc-1", main: true }];
    expect(codes(run(topo(input), "h-a", "internet", 443))).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    expect(codes(run(topo(input), "internet", "h-a", 443))).toEqual(["NO_ROUTE_TO_DESTINATION"]);
  });

  it("IGW-04: inbound needs a public address; the IGW never forwards to RFC 1918 destinations", () => {
    expect(codes(run(topo(publicVpc()), "internet", "h-a", 443))).toEqual([
      "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
    ]);
    expect(codes(run(topo(publicVpc("54.1.2.3")), "h-a", "192.168.1.1", 443))).toEqual([
      "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS",
    ]);
  });

  it("ORD-02: inbound from the internet goes IGW (DNAT) -> NACL in -> SG in -> ENI, with no route-table hop", () => {
    const a = run(topo(publicVpc("54.1.2.3")), "internet", "h-a", 443);
    expect(a.reachable).toBe(true);
    expect(a.forward.map((h) => h.component.type)).toEqual([
      "internet",
      "internet-gateway",
      "network-acl",
      "security-group",
      "network-interface",
    ]);
    expect(a.return.map((h) => h.component.type)).toContain("route-table");
  });
});

describe("egress-only internet gateway", () => {
  it("EIGW-01: IPv6 out and replies back in, but no inbound-initiated connections and no IPv4", () => {
    const t = example("ipv6-egress-only");
    expect(run(t, "worker", "2001:db8:ffff::1", 443).reachable).toBe(true);
    expect(codes(run(t, "internet", "worker", 443))).toEqual(["RCH_EIGW_INBOUND_INITIATED"]);
    const v4 = run(t, "worker", "8.8.8.8", 443);
    expect(v4.reachable).toBe(false);
  });
});

describe("NAT gateway", () => {
  it("NAT-01/NAT-03: a private instance reaches the internet through the NAT gateway, source NAT visible in headers", () => {
    const a = run(example("public-private-nat"), "app", "internet", 443);
    expect(a.reachable).toBe(true);
    const nat = a.forward.find((h) => h.component.id === "nat-main");
    expect(nat).toMatchObject({
      action: "translate",
      inbound: { srcIp: "10.0.1.10" },
      outbound: { srcIp: "10.0.0.100" },
    });
    expect(a.forward.find((h) => h.component.id === "igw-main")?.outbound?.srcIp).toBe("3.80.1.1");
    expect(a.forward.at(-1)?.inbound?.srcIp).toBe("3.80.1.1");
    expect(a.return.at(-1)).toMatchObject({ component: { id: "eni-app" }, action: "deliver" });
  });

  it("NAT-01: the internet cannot start a connection through a NAT gateway", () => {
    const t = example("public-private-nat");
    expect(run(t, "internet", "3.80.1.1", 443).reachable).toBe(false);
    expect(codes(run(t, "internet", "app", 22))).toEqual(["IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"]);
  });

  it("NAT-02: a private NAT gateway's traffic is dropped at the internet gateway", () => {
    const t = edited(example("public-private-nat"), (d) => {
      const { publicIp: _drop, ...rest } = must(d.natGateways[0]);
      d.natGateways[0] = { ...rest, connectivity: "private" };
    });
    const a = run(t, "app", "internet", 443);
    expect(a.blockers[0]).toMatchObject({
      code: "RCH_PRIVATE_NAT_TO_IGW",
      component: "igw-main",
      rules: ["NAT-02"],
    });
  });

  it("NAT-05: the NAT subnet's network ACL applies to traffic through the NAT gateway", () => {
    const t = edited(example("public-private-nat"), (d) => {
      d.networkAcls.push({
        id: "acl-public",
        vpcId: "vpc-main",
        isDefault: false,
        inbound: [],
        outbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
      });
      d.subnets[0] = { ...must(d.subnets[0]), networkAclId: "acl-public" };
    });
    const a = run(t, "app", "internet", 443);
    expect(a.blockers[0]).toMatchObject({
      code: "SUBNET_ACL_RESTRICTION",
      component: "acl-public",
      direction: "forward",
    });
  });
});

describe("a NAT gateway AWS lists without an address (failed or deleted)", () => {
  it("NAT-01/RT-08: as the destination it is BAD_STATE at the gateway, not an unknown reference", () => {
    const t = topo(
      oneVpc({
        unavailableNatGateways: [{ id: "nat-gone", name: "old-nat", subnetId: "subnet-a", state: "failed" }],
      }),
    );
    for (const to of ["nat-gone", "old-nat"]) {
      const a = run(t, "h-a", to, 443);
      expect(a.blockers.map((b) => [b.code, b.component])).toEqual([["BAD_STATE", "nat-gone"]]);
      expect(a.blockers[0]?.message).toMatch(/NAT gateway old-nat \(nat-gone\) is failed, not available/);
    }
  });

  // Centralised egress (examiner 9, e01): the reply to a spoke arrives at the egress VPC's NAT gateway, whose
  // subnet has no route back to the spoke, so its default route hands a private address to the internet gateway.
  it("IGW-04: a private destination sent to the IGW names the route table and route that sent it there", () => {
    const t = edited(example("tgw-centralised-egress"), (d) => {
      const table = must(d.routeTables.find((r) => r.id === "rtb-egress-public"));
      table.routes = table.routes.filter((r) => r.destination !== "10.0.0.0/8");
    });
    const a = run(t, "app-1", "internet", 443);
    expect(a.reachable).toBe(false);
    const b = must(a.blockers[0]);
    expect(b).toMatchObject({ code: "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", direction: "return" });
    expect(b.detail).toMatchObject({
      kind: "gateway",
      table: { id: "rtb-egress-public" },
      route: { destination: "0.0.0.0/0", target: "igw-egress" },
    });
    expect(b.message).toMatch(/rtb-egress-public/);
    // With the route back in place the same flow works: the detail is about the missing route, not the gateway.
    expect(run(example("tgw-centralised-egress"), "app-1", "internet", 443).reachable).toBe(true);
  });
});
