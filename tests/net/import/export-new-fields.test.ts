import { describe, expect, it } from "vitest";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { must } from "../../support/must";
import { edited } from "../helpers";
import { IDS, inspectionEstate } from "./fixtures/inspection-estate";
import { NLB_ARN, privateLinkEstate } from "./fixtures/privatelink-nlb";

// The fields the importer reads since RT-11, GWLB-01, IGW-07, NAT-04 and EPS-07/EPS-08 were modelled must
// survive export -> import: gateway route table edge associations, Gateway Load Balancer endpoints, Block
// Public Access mode and exclusions, subnet DNS64, a load balancer's state and its cross-zone attribute.

function importOrThrow(files: Record<string, unknown>): Topology {
  const imported = importAwsDescribe(files);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  return imported.topology;
}

/** Through JSON, as a describe folder on disk would carry it. */
const roundTrip = (t: Topology): Topology =>
  importOrThrow(JSON.parse(JSON.stringify(exportAwsDescribe(t))) as Record<string, unknown>);

const ENDPOINT = "vpce-0c0000000000c0001";
const DNS64_SUBNET = "subnet-0d0000000000d0101";
const EXCLUDED_SUBNET = "subnet-0d0000000000d0403";

describe("export then import of the inspection estate", () => {
  const original = edited(importOrThrow(inspectionEstate()), (d) => {
    const dns64 = must(d.subnets.find((s) => s.id === DNS64_SUBNET));
    dns64.enableDns64 = true;
    const excluded = must(d.subnets.find((s) => s.id === EXCLUDED_SUBNET));
    excluded.blockPublicAccessExclusion = "allow-egress";
  });
  const back = roundTrip(original);

  it("keeps the gateway route table's edge association (RT-11)", () => {
    expect(original.routeTables.find((r) => r.id === IDS.edge)?.gatewayIds).toEqual([IDS.igw]);
    expect(back.routeTables.map((r) => [r.id, r.gatewayIds])).toEqual(
      original.routeTables.map((r) => [r.id, r.gatewayIds]),
    );
  });

  it("keeps the Gateway Load Balancer endpoints with their interfaces and addresses (GWLB-01)", () => {
    expect(original.gatewayLoadBalancerEndpoints).toHaveLength(3);
    expect(back.gatewayLoadBalancerEndpoints).toEqual(original.gatewayLoadBalancerEndpoints);
    // Their interfaces are the endpoints', not instances' interfaces.
    expect(back.networkInterfaces.map((e) => e.id)).toEqual(original.networkInterfaces.map((e) => e.id));
  });

  it("keeps Block Public Access: the mode, the VPC exclusion and a subnet exclusion (IGW-07)", () => {
    const bpa = (t: Topology) => t.vpcs.map((v) => [v.id, v.blockPublicAccess, v.blockPublicAccessExclusion]);
    expect(bpa(original)).toContainEqual([IDS.ingress, "block-ingress", "allow-bidirectional"]);
    expect(bpa(back)).toEqual(bpa(original));
    expect(back.subnets.find((s) => s.id === EXCLUDED_SUBNET)?.blockPublicAccessExclusion).toBe(
      "allow-egress",
    );
  });

  it("keeps the subnet's DNS64 setting (NAT-04)", () => {
    const dns64 = (t: Topology) => t.subnets.filter((s) => s.enableDns64 === true).map((s) => s.id);
    expect(dns64(back)).toEqual([DNS64_SUBNET]);
  });

  it.each([
    ["internet", "web-1", true],
    ["web-1", "internet", true],
    ["a-1", "b-1", false], // TGW-11: appliance mode off, the reply crosses the other zone's appliance
    ["internet", "a-1", false],
    ["a-1", "internet", false],
  ] as const)("%s -> %s:443 answers as before the round trip", (from, to, reachable) => {
    const q = { from, to, protocol: "tcp" as const, port: 443 };
    const before = analyze(original, q);
    const after = analyze(back, q);
    expect(before.reachable).toBe(reachable);
    expect(after.reachable).toBe(reachable);
    expect(after.forward.map((h) => h.component.id)).toEqual(before.forward.map((h) => h.component.id));
    expect(after.return.map((h) => h.component.id)).toEqual(before.return.map((h) => h.component.id));
    expect(after.blockers.map((b) => b.code)).toEqual(before.blockers.map((b) => b.code));
  });

  it("the inbound path still crosses the edge table and the GWLB endpoint; BPA still blocks a-1", () => {
    const inbound = analyze(back, { from: "internet", to: "web-1", protocol: "tcp", port: 443 });
    const ids = inbound.forward.map((h) => h.component.id);
    expect(ids).toContain(IDS.edge);
    expect(ids).toContain(IDS.gwlbeIngress);
    const blocked = analyze(back, { from: "internet", to: "a-1", protocol: "tcp", port: 443 });
    expect(blocked.blockers.map((b) => b.code)).toContain("VPC_BLOCK_PUBLIC_ACCESS_ENABLED");
  });
});

describe("export then import of a Network Load Balancer's state and cross-zone attribute", () => {
  const base = importOrThrow(privateLinkEstate());
  const withLb = (change: (lb: { state?: string | undefined; crossZone: boolean }) => void) =>
    edited(base, (d) => {
      change(must(d.loadBalancers?.find((lb) => lb.id === NLB_ARN)));
    });
  const lbOf = (t: Topology) => must(t.loadBalancers?.find((lb) => lb.id === NLB_ARN));

  it("keeps cross-zone load balancing on (EPS-08) and says nothing is assumed about it", () => {
    const original = withLb((lb) => {
      lb.crossZone = true;
    });
    const back = roundTrip(original);
    expect(lbOf(back).crossZone).toBe(true);
    expect(back.assumptions?.some((a) => a.includes("cross-zone"))).not.toBe(true);
  });

  it("keeps cross-zone load balancing off", () => {
    const original = withLb((lb) => {
      lb.crossZone = false;
    });
    expect(lbOf(roundTrip(original)).crossZone).toBe(false);
  });

  it("keeps a provisioning load balancer, which routes nothing (EPS-07)", () => {
    const q = { from: "client-1", to: ENDPOINT, protocol: "tcp" as const, port: 443 };
    expect(analyze(base, q).reachable).toBe(true);
    const original = withLb((lb) => {
      lb.state = "provisioning";
    });
    const back = roundTrip(original);
    expect(lbOf(back).state).toBe("provisioning");
    const a = analyze(back, q);
    expect(a.reachable).toBe(false);
    expect(a.blockers.map((b) => b.code)).toContain("RCH_NLB_NOT_ACTIVE");
  });

  it("an active load balancer keeps state absent", () => {
    expect(lbOf(roundTrip(base)).state).toBeUndefined();
  });
});
