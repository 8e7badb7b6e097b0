import { describe, expect, it } from "vitest";
import { buildNetwork, NetworkCache } from "@/lib/net/network";
import { eniSecurity, namesIndex } from "@/lib/net/network-indexes";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { codes, edited, oneVpc, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

const q = (from: string, to: string) => ({ from, to, protocol: "tcp" as const, port: 22 });

describe("with a NetworkCache, the VPC/subnet/ENI core is shared by networks built from the same objects", () => {
  it("a variant with one route changed reuses the core, and each network keeps its own routing", () => {
    const cache = new NetworkCache();
    const base = topo(twoPeered());
    const variant: Topology = {
      ...base,
      routeTables: base.routeTables.map((rt) => (rt.id === "rtb-2" ? { ...rt, routes: [] } : rt)),
    };
    const a = buildNetwork(base, cache);
    const b = buildNetwork(variant, cache);
    expect(b.subnets).toBe(a.subnets);
    expect(b.enis).toBe(a.enis);
    expect(b.routeTables.get("rtb-2")).not.toBe(a.routeTables.get("rtb-2"));
    // Interleaved: analysing the variant must not leak into the base network, nor the other way round.
    expect(codes(analyze(b, q("h-1", "h-2")))).toContain("NO_ROUTE_TO_DESTINATION");
    expect(analyze(a, q("h-1", "h-2")).reachable).toBe(true);
    expect(codes(analyze(b, q("h-1", "h-2")))).toContain("NO_ROUTE_TO_DESTINATION");
  });

  it("a copied list of the same objects (a builder snapshot) still reuses the core", () => {
    const cache = new NetworkCache();
    const base = topo(twoPeered());
    const snapshot: Topology = {
      ...base,
      vpcs: [...base.vpcs],
      subnets: [...base.subnets],
      instances: [...base.instances],
    };
    expect(buildNetwork(snapshot, cache).enis).toBe(buildNetwork(base, cache).enis);
  });

  it("an instance replaced by an edited copy gets a fresh core (element identity is checked)", () => {
    const cache = new NetworkCache();
    let t = topo(twoPeered());
    const a = buildNetwork(t, cache);
    t = edited(t, (d) => {
      d.instances[1] = { ...must(d.instances[1]), privateIp: "10.1.1.99" };
    });
    const b = buildNetwork(t, cache);
    expect(b.enis).not.toBe(a.enis);
    expect(b.enis.get("eni-2")?.privateIp.text).toBe("10.1.1.99");
    expect(analyze(b, q("h-1", "10.1.1.99")).reachable).toBe(true);
    expect(analyze(a, q("h-1", "10.1.1.10")).reachable).toBe(true);
  });

  it("security group rules are per network: the shared interface gets each network's groups", () => {
    const cache = new NetworkCache();
    const base = topo(twoPeered());
    const closed: Topology = {
      ...base,
      securityGroups: base.securityGroups.map((sg) => (sg.id === "sg-2" ? { ...sg, inbound: [] } : sg)),
    };
    const a = buildNetwork(base, cache);
    const b = buildNetwork(closed, cache);
    const eni = b.enis.get("eni-2");
    if (!eni) throw new Error("fixture");
    expect(eniSecurity(b, eni).groups[0]?.inbound).toHaveLength(0);
    expect(eniSecurity(a, eni).groups[0]?.inbound).toHaveLength(1);
    expect(codes(analyze(b, q("h-1", "h-2")))).toContain("SG_HAS_NO_RULES");
    expect(analyze(a, q("h-1", "h-2")).reachable).toBe(true);
  });

  it("an interface without groups uses the default group of the network it is analysed in (SG-04)", () => {
    const cache = new NetworkCache();
    const base = topo(
      oneVpc({
        instances: [
          {
            id: "i-a",
            name: "h-a",
            subnetId: "subnet-a",
            privateIp: "10.0.1.10",
            securityGroupIds: ["sg-open"],
          },
          { id: "i-b", name: "h-b", subnetId: "subnet-b", privateIp: "10.0.2.10" },
        ],
      }),
    );
    // AWS's default group only admits members of itself, so h-a (in sg-open) is refused.
    expect(codes(analyze(base, q("h-a", "h-b"), { cache }))).toContain("ENI_SG_RULES_MISMATCH");
    const withDefault: Topology = {
      ...base,
      securityGroups: [
        ...base.securityGroups,
        {
          id: "sg-def",
          name: "default",
          vpcId: "vpc-1",
          inbound: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "10.0.0.0/16" }],
        },
      ],
    };
    expect(buildNetwork(withDefault, cache).enis).toBe(buildNetwork(base, cache).enis);
    expect(analyze(withDefault, q("h-a", "h-b"), { cache }).reachable).toBe(true);
    expect(codes(analyze(base, q("h-a", "h-b"), { cache }))).toContain("ENI_SG_RULES_MISMATCH");
  });

  it("an internet gateway attached in a variant only exists in that variant's network", () => {
    const cache = new NetworkCache();
    const base = topo(
      oneVpc({
        routeTables: [
          {
            id: "rtb-1",
            vpcId: "vpc-1",
            main: true,
            routes: [{ destination: "0.0.0.0/0", target: "igw-1" }],
          },
        ],
        instances: [
          {
            id: "i-a",
            name: "h-a",
            subnetId: "subnet-a",
            privateIp: "10.0.1.10",
            publicIp: "3.3.3.3",
            securityGroupIds: ["sg-open"],
          },
        ],
      }),
    );
    const attached: Topology = { ...base, internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }] };
    const a = buildNetwork(base, cache);
    const b = buildNetwork(attached, cache);
    expect(b.enis).toBe(a.enis);
    expect(analyze(b, { from: "h-a", to: "internet", protocol: "tcp", port: 443 }).reachable).toBe(true);
    expect(codes(analyze(a, { from: "h-a", to: "internet", protocol: "tcp", port: 443 }))).toContain(
      "BAD_STATE_ROUTE",
    );
  });
});

describe("names", () => {
  it("a name shared by a VPC and an instance resolves to the instance; the index lists both, VPC first", () => {
    const t = topo(oneVpc({ vpcs: [{ id: "vpc-1", name: "h-b", cidrBlocks: ["10.0.0.0/16"] }] }));
    const net = buildNetwork(t);
    expect(namesIndex(net).get("h-b")).toEqual(["vpc-1", "i-b", "eni-b"]);
    expect(analyze(net, q("h-a", "h-b")).forward.at(-1)?.component.id).toBe("eni-b");
  });

  it("an on-premises network resolves by name even when the core has no such name", () => {
    const t = topo(
      oneVpc({ onPremisesNetworks: [{ id: "onprem-1", name: "office", cidrBlocks: ["192.168.0.0/16"] }] }),
    );
    const a = analyze(t, q("office", "h-a"));
    expect(a.forward[0]?.component.id).toBe("onprem-1");
  });
});
