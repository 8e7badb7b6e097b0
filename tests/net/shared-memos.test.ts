// Indexes kept with a layer that a question's variants share (network-model.ts: CoreNames.enis, ReferenceMemo,
// RoutingMemo): a copy-on-write variant that keeps the layer's inputs reuses them, one that changes an input the
// index reads gets a fresh answer, equal to the one a network built without a cache gives.
import { describe, expect, it } from "vitest";
import { buildNetwork, NetworkCache } from "@/lib/net/network";
import { internetAddresses } from "@/lib/net/network-indexes";
import { edgeRouteTable } from "@/lib/net/ingress-routing";
import { resolveDestination, resolveSource } from "@/lib/net/resolve";
import type { Topology } from "@/lib/net/topology";
import { topo } from "./helpers";
import { must } from "../support/must";

const base = (): Topology =>
  topo({
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
    subnets: [{ id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" }],
    routeTables: [{ id: "rtb-1", vpcId: "vpc-1", main: true, routes: [] }],
    internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
    securityGroups: [{ id: "sg-1", vpcId: "vpc-1" }],
    instances: [
      { id: "i-1", name: "web", subnetId: "subnet-a", privateIp: "10.0.1.10", securityGroupIds: ["sg-1"] },
      { id: "i-2", name: "db", subnetId: "subnet-a", privateIp: "10.0.1.20", securityGroupIds: ["sg-1"] },
    ],
  });

describe("indexes shared by the variants of one NetworkCache", () => {
  it("internet stand-ins: reused while the customer gateways are the same, picked again when one takes the address", () => {
    const cache = new NetworkCache();
    const t = base();
    const first = internetAddresses(buildNetwork(t, cache));
    const otherTable: Topology = { ...t, routeTables: [{ ...must(t.routeTables[0]), name: "renamed" }] };
    expect(internetAddresses(buildNetwork(otherTable, cache))).toBe(first);
    const taken: Topology = {
      ...t,
      customerGateways: [{ id: "cgw-1", ipAddress: first.server.text, asn: 65000 }],
    };
    const fresh = internetAddresses(buildNetwork(taken, cache));
    expect(fresh.server.text).not.toBe(first.server.text);
    expect(fresh.server.text).toBe(internetAddresses(buildNetwork(taken)).server.text);
    expect(fresh.client.text).toBe(internetAddresses(buildNetwork(taken)).client.text);
  });

  it("a name resolved to an interface is kept with the core: a renamed instance is resolved afresh", () => {
    const cache = new NetworkCache();
    const t = base();
    const net = buildNetwork(t, cache);
    const web = resolveSource(net, "web");
    expect(web.ok && web.value.kind === "eni" && web.value.eni.ownerId).toBe("i-1");
    const renamed: Topology = {
      ...t,
      instances: [{ ...must(t.instances[0]), name: "db" }, must(t.instances[1])],
    };
    const variant = buildNetwork(renamed, cache);
    // "web" now names nothing, "db" two instances: the same answers as an uncached build.
    expect(resolveSource(variant, "web")).toEqual(resolveSource(buildNetwork(renamed), "web"));
    expect(resolveSource(variant, "web").ok).toBe(false);
    expect(resolveSource(variant, "db")).toEqual(resolveSource(buildNetwork(renamed), "db"));
    expect(resolveSource(variant, "db").ok).toBe(false);
    const src = resolveSource(net, "db");
    if (!src.ok) throw new Error("db resolves in the base");
    const dest = resolveDestination(net, "web", src.value, 0);
    expect(dest.ok && dest.value.kind === "eni" && dest.value.eni.ownerId).toBe("i-1");
  });

  it("gateway route tables: kept with the routing layer, found again when a variant adds an edge association", () => {
    const cache = new NetworkCache();
    const t = base();
    expect(edgeRouteTable(buildNetwork(t, cache), "igw-1")).toBeUndefined();
    const edge: Topology = {
      ...t,
      routeTables: [
        must(t.routeTables[0]),
        {
          id: "rtb-edge",
          vpcId: "vpc-1",
          main: false,
          routes: [],
          propagatingGatewayIds: [],
          gatewayIds: ["igw-1"],
        },
      ],
    };
    expect(edgeRouteTable(buildNetwork(edge, cache), "igw-1")?.id).toBe("rtb-edge");
    expect(edgeRouteTable(buildNetwork(t, cache), "igw-1")).toBeUndefined();
  });
});
