import { describe, expect, it } from "vitest";
import type { TopologyInput } from "@/lib/net/topology";
import { codes, edited, run, topo } from "./helpers";

// aws-rules NAT-04: an IPv6-only instance reaches an IPv4 address through DNS64 (subnet setting) and NAT64
// (a 64:ff9b::/96 route to a NAT gateway), and gets the reply back as IPv6.
const input: TopologyInput = {
  vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"], ipv6CidrBlocks: ["2600:1f18:aa00::/56"] }],
  subnets: [
    {
      id: "subnet-pub",
      vpcId: "vpc-1",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.0.0.0/24",
      routeTableId: "rtb-pub",
    },
    {
      id: "subnet-v6",
      vpcId: "vpc-1",
      availabilityZone: "us-east-1a",
      ipv6CidrBlock: "2600:1f18:aa00:1::/64",
      routeTableId: "rtb-v6",
      enableDns64: true,
    },
  ],
  routeTables: [
    { id: "rtb-pub", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] },
    { id: "rtb-v6", vpcId: "vpc-1", routes: [{ destination: "64:ff9b::/96", target: "nat-1" }] },
  ],
  internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
  natGateways: [{ id: "nat-1", subnetId: "subnet-pub", privateIp: "10.0.0.5", publicIp: "54.0.0.5" }],
  instances: [{ id: "i-v6", name: "v6", subnetId: "subnet-v6", privateIp: "2600:1f18:aa00:1::10" }],
};
const t = topo(input);
/** A public AWS endpoint the topology does not list: a name with an IPv4 address only, as DNS64 sees it. */
const PUBLIC_NAME = "com.amazonaws.us-east-1.sqs";

describe("DNS64 and NAT64 (NAT-04)", () => {
  it("an IPv6-only instance reaches an IPv4 address through the NAT gateway, and the reply comes back as IPv6", () => {
    const a = run(t, "v6", "64:ff9b::cb00:710a", 443);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
    expect(a.forward[0]?.outbound?.dstIp).toBe("64:ff9b::cb00:710a");
    const nat64 = a.forward.find((h) => h.detail.kind === "translation" && h.detail.field === "destination");
    expect(nat64?.detail).toEqual({
      kind: "translation",
      field: "destination",
      from: "64:ff9b::cb00:710a",
      to: "203.0.113.10",
    });
    expect(a.forward.map((h) => h.component.id)).toEqual(expect.arrayContaining(["nat-1", "igw-1"]));
    const last = a.return.at(-1);
    expect([last?.inbound?.srcIp, last?.inbound?.dstIp]).toEqual([
      "64:ff9b::cb00:710a",
      "2600:1f18:aa00:1::10",
    ]);
  });

  it("a name (here a public AWS endpoint) gets a 64:ff9b::/96 answer from DNS64 and is reached through NAT64", () => {
    const a = run(t, "v6", PUBLIC_NAME, 443);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
    expect(a.forward[0]?.outbound?.dstIp).toMatch(/^64:ff9b::/);
    expect(a.details?.map((d) => d.code)).toContain("RCH_DNS64");
  });

  it('"internet" from an IPv6-only instance is an IPv6 internet host: it needs an IPv6 route, not NAT64', () => {
    const a = run(t, "v6", "internet", 443);
    expect(a.forward[0]?.outbound?.dstIp).toMatch(/^2001:db8:/);
    expect(codes(a)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    const withIgw = topo({
      ...input,
      routeTables: [
        ...(input.routeTables ?? []).filter((r) => r.id !== "rtb-v6"),
        { id: "rtb-v6", vpcId: "vpc-1", routes: [{ destination: "::/0", target: "igw-1" }] },
      ],
    });
    const b = run(withIgw, "v6", "internet", 443);
    expect(codes(b)).toEqual([]);
    expect(b.reachable).toBe(true);
    expect(b.forward.map((h) => h.component.id)).toContain("igw-1");
  });

  it("a literal IPv4 address is not a name: DNS64 never sees it, so the IPv6-only instance cannot send to it", () => {
    const a = run(t, "v6", "203.0.113.10", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["RCH_NO_IPV4_ADDRESS"]);
    expect(a.blockers[0]?.rules).toContain("NAT-04");
    expect(a.blockers[0]?.message).toContain("literal IPv4 address");
    expect(a.details?.map((d) => d.code) ?? []).not.toContain("RCH_DNS64");
  });

  it("the synthesised address written out (64:ff9b::<v4>) is routed to NAT64 like the DNS64 answer", () => {
    const a = run(t, "v6", "64:ff9b::cb00:710a", 443);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
  });

  it("without DNS64 on the subnet the instance has no IPv4 address to use", () => {
    const off = edited(t, (d) => {
      const s = d.subnets.find((x) => x.id === "subnet-v6");
      if (s) s.enableDns64 = false;
    });
    expect(codes(run(off, "v6", PUBLIC_NAME, 443))).toEqual(["RCH_NO_IPV4_ADDRESS"]);
  });

  it("without the 64:ff9b::/96 route to the NAT gateway there is no route", () => {
    const noRoute = edited(t, (d) => {
      const rt = d.routeTables.find((r) => r.id === "rtb-v6");
      if (rt) rt.routes = [];
    });
    expect(codes(run(noRoute, "v6", PUBLIC_NAME, 443))).toEqual(["NO_ROUTE_TO_DESTINATION"]);
  });

  for (const gateway of ["eigw", "igw"] as const) {
    it(`without the 64:ff9b::/96 route, ::/0 to the ${gateway} carries it untranslated: dropped, naming the missing route`, () => {
      const viaDefault = topo({
        ...input,
        routeTables: [
          ...(input.routeTables ?? []).filter((r) => r.id !== "rtb-v6"),
          { id: "rtb-v6", vpcId: "vpc-1", routes: [{ destination: "::/0", target: `${gateway}-1` }] },
        ],
        egressOnlyInternetGateways: [{ id: "eigw-1", vpcId: "vpc-1" }],
      });
      const a = run(viaDefault, "v6", "64:ff9b::cb00:710a", 443);
      expect(a.reachable).toBe(false);
      expect(codes(a)).toEqual(["RCH_NAT64_PREFIX_NOT_TRANSLATED"]);
      expect(a.blockers[0]?.component).toBe(gateway === "eigw" ? "eigw-1" : "igw-1");
      expect(a.blockers[0]?.rules).toEqual(["NAT-04"]);
      expect(a.blockers[0]?.message).toContain(
        "Add the route 64:ff9b::/96 -> a NAT gateway to route table rtb-v6",
      );
      // Ordinary IPv6 internet addresses still go out that way.
      expect(run(viaDefault, "v6", "2001:db8::10", 443).reachable).toBe(true);
    });
  }
});
