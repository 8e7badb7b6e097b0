import { describe, expect, it } from "vitest";
import { proposeFixes } from "@/lib/net/fixes";
import { analyze } from "@/lib/net/reachability";
import type { Topology, TopologyInput } from "@/lib/net/topology";
import { codes, edited, topo } from "./helpers";
import { must } from "../support/must";

/**
 * A dual-stack VPC with an internet gateway: the public subnet hosts a public NAT gateway and routes
 * 0.0.0.0/0 and ::/0 to the internet gateway; the web instance (public IP 54.1.2.3) sits in subnet-web,
 * whose route table `web` sends its default routes where the test says.
 */
function vpc(web: { v4: string; v6: string }): Topology {
  const input: TopologyInput = {
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"], ipv6CidrBlocks: ["2600:1f18:1234:5600::/56"] }],
    subnets: [
      {
        id: "subnet-pub",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.0.0/24",
        ipv6CidrBlock: "2600:1f18:1234:5600::/64",
        routeTableId: "rtb-pub",
      },
      {
        id: "subnet-web",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        ipv6CidrBlock: "2600:1f18:1234:5601::/64",
        routeTableId: "rtb-web",
      },
    ],
    routeTables: [
      {
        id: "rtb-pub",
        vpcId: "vpc-1",
        routes: [
          { destination: "0.0.0.0/0", target: "igw-1" },
          { destination: "::/0", target: "igw-1" },
        ],
      },
      {
        id: "rtb-web",
        name: "web",
        vpcId: "vpc-1",
        routes: [
          { destination: "0.0.0.0/0", target: web.v4 },
          { destination: "::/0", target: web.v6 },
        ],
      },
    ],
    internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
    egressOnlyInternetGateways: [{ id: "eigw-1", vpcId: "vpc-1" }],
    natGateways: [
      {
        id: "nat-1",
        subnetId: "subnet-pub",
        connectivity: "public",
        privateIp: "10.0.0.100",
        publicIp: "3.80.1.1",
      },
    ],
    securityGroups: [
      {
        id: "sg-web",
        vpcId: "vpc-1",
        inbound: [
          { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
          { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "::/0" },
        ],
      },
    ],
    instances: [
      {
        id: "i-web",
        name: "web",
        subnetId: "subnet-web",
        privateIp: "10.0.1.10",
        publicIp: "54.1.2.3",
        ipv6Addresses: ["2600:1f18:1234:5601::10"],
        securityGroupIds: ["sg-web"],
      },
    ],
  };
  return topo(input);
}

const https = { protocol: "tcp", port: 443 } as const;
const fromInternet = (t: Topology, to: string) => analyze(t, { from: "internet", to, ...https });

describe("replies to connections from the internet (IGW-08)", () => {
  it("a public-subnet instance answers the internet through the internet gateway", () => {
    const t = vpc({ v4: "igw-1", v6: "igw-1" });
    const a = fromInternet(t, "54.1.2.3");
    expect(a.blockers).toEqual([]);
    expect(a.reachable).toBe(true);
    const igwBack = a.return.find((h) => h.component.id === "igw-1");
    expect(igwBack?.outbound?.srcIp).toBe("54.1.2.3");
    expect(fromInternet(t, "2600:1f18:1234:5601::10").reachable).toBe(true);
  });

  it("IPv4: a reply routed to a NAT gateway is dropped there, with the route, subnet and internet gateway as facts", () => {
    const t = vpc({ v4: "nat-1", v6: "igw-1" });
    const a = fromInternet(t, "54.1.2.3");
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["RCH_REPLY_NOT_THROUGH_INTERNET_GATEWAY"]);
    const b = must(a.blockers[0]);
    expect(b.direction).toBe("return");
    expect(b.component).toBe("nat-1");
    expect(b.rules).toEqual(["IGW-08", "NAT-01"]);
    expect(b.detail).toMatchObject({
      kind: "gateway",
      gateway: { id: "nat-1", type: "nat-gateway" },
      problem: "reply-not-via-internet-gateway",
      address: "10.0.1.10",
      route: { destination: "0.0.0.0/0", target: "nat-1" },
      subnet: { id: "subnet-web" },
      table: { id: "rtb-web", name: "web" },
      internetGateway: { id: "igw-1" },
    });
    // The request came in: nothing on the forward path is wrong.
    expect(a.forward.at(-1)?.component.id).toBe("eni-web");
    // The NAT gateway translates nothing and the reply never reaches the internet.
    expect(a.return.some((h) => h.component.id === "nat-1" && h.action === "translate")).toBe(false);
    expect(a.return.some((h) => h.component.type === "internet" && h.action === "deliver")).toBe(false);
  });

  it("IPv4: flow logs show the request and the reply leaving the instance, and nothing on the NAT gateway", () => {
    const a = fromInternet(vpc({ v4: "nat-1", v6: "igw-1" }), "54.1.2.3");
    const eniIds = a.flowLogs.map((r) => r.interfaceId);
    expect(eniIds).not.toContain("eni-nat-1");
    expect(a.flowLogs.map((r) => [r.interfaceId, r.srcAddr, r.dstAddr, r.action])).toEqual([
      ["eni-web", expect.any(String), "10.0.1.10", "ACCEPT"],
      ["eni-web", "10.0.1.10", expect.any(String), "ACCEPT"],
    ]);
  });

  it("IPv4: the proposed fix routes 0.0.0.0/0 to the internet gateway, and the instance becomes reachable", () => {
    const t = vpc({ v4: "nat-1", v6: "igw-1" });
    const query = { from: "internet", to: "54.1.2.3", ...https };
    const fixes = proposeFixes(t, query);
    const fix = fixes.find((f) => f.rules.includes("IGW-08"));
    expect(fix).toMatchObject({ kind: "replace-route", verified: true });
    const rtb = must(fix).topology.routeTables.find((r) => r.id === "rtb-web");
    expect(rtb?.routes).toContainEqual({ destination: "0.0.0.0/0", target: "igw-1", origin: "static" });
    expect(analyze(must(fix).topology, query).reachable).toBe(true);
    expect(t.routeTables.find((r) => r.id === "rtb-web")?.routes[0]?.target).toBe("nat-1"); // input untouched
  });

  it("IPv4: the instance behind the NAT gateway still reaches the internet (the connection it starts)", () => {
    const a = analyze(vpc({ v4: "nat-1", v6: "igw-1" }), { from: "web", to: "internet", ...https });
    expect(a.reachable).toBe(true);
    expect(a.return.some((h) => h.component.id === "nat-1" && h.action === "translate")).toBe(true);
  });

  it("IPv6: a reply routed to an egress-only internet gateway is dropped there; the fix routes ::/0 to the internet gateway", () => {
    const t = vpc({ v4: "igw-1", v6: "eigw-1" });
    const query = { from: "internet", to: "2600:1f18:1234:5601::10", ...https };
    const a = analyze(t, query);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["RCH_REPLY_NOT_THROUGH_INTERNET_GATEWAY"]);
    expect(a.blockers[0]).toMatchObject({
      direction: "return",
      component: "eigw-1",
      rules: ["IGW-08", "EIGW-01"],
      detail: {
        gateway: { id: "eigw-1", type: "egress-only-internet-gateway" },
        route: { destination: "::/0", target: "eigw-1" },
        internetGateway: { id: "igw-1" },
      },
    });
    const fix = proposeFixes(t, query).find((f) => f.rules.includes("IGW-08"));
    expect(fix?.verified).toBe(true);
    expect(must(fix).topology.routeTables.find((r) => r.id === "rtb-web")?.routes).toContainEqual({
      destination: "::/0",
      target: "igw-1",
      origin: "static",
    });
    expect(analyze(must(fix).topology, query).reachable).toBe(true);
  });

  it("IPv6: outbound-initiated traffic through the egress-only internet gateway is unchanged", () => {
    const t = vpc({ v4: "igw-1", v6: "eigw-1" });
    expect(analyze(t, { from: "web", to: "2001:db8:ffff::1", ...https }).reachable).toBe(true);
  });

  it("only the internet's own connections are judged: a reply to another instance in the VPC is unchanged", () => {
    const t = edited(vpc({ v4: "nat-1", v6: "igw-1" }), (d) => {
      d.instances.push({
        ...must(d.instances[0]),
        id: "i-pub",
        name: "pub",
        subnetId: "subnet-pub",
        privateIp: "10.0.0.10",
        ipv6Addresses: [],
      });
      delete must(d.instances[1]).publicIp;
    });
    expect(analyze(t, { from: "pub", to: "web", ...https }).reachable).toBe(true);
  });
});
