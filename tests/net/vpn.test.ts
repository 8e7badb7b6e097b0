import { describe, expect, it } from "vitest";
import { codes, edited, example, run } from "./helpers";
import { must } from "../support/must";
import { advertisedVpcCidrs } from "@/lib/net/index";

describe("Site-to-Site VPN and Direct Connect", () => {
  it("VPN-05: the data centre's range is propagated from the VGW into the route table (golden: site-to-site-vpn)", () => {
    const a = run(example("site-to-site-vpn"), "hybrid-host", "data-centre", 22);
    expect(a.reachable).toBe(true);
    expect(a.forward.find((h) => h.component.type === "route-table")?.matched?.description).toBe(
      "192.168.0.0/16 -> vgw-1 (propagated)",
    );
    expect(run(example("site-to-site-vpn"), "data-centre", "hybrid-host", 22).reachable).toBe(true);
  });

  it("VPN-02: with both tunnels down the VPN carries nothing and its routes are not propagated", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      must(d.vpnConnections[0]).tunnels = [{ status: "DOWN" }, { status: "DOWN" }];
    });
    expect(codes(run(t, "hybrid-host", "data-centre", 22))).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    expect(codes(run(t, "data-centre", "hybrid-host", 22))).toContain("BAD_STATE_VPN");
  });

  it("VPN-07: over a static-routing VPN the VGW sends only the prefixes in the connection's static routes", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      must(d.vpnConnections[0]).staticRoutes = ["192.168.1.0/24"];
      // A static route in the VPC for the whole range (with propagation only the VPN's /24 would be routed).
      const rtb = must(d.routeTables.find((r) => r.id === "rtb-hybrid"));
      rtb.propagatingGatewayIds = [];
      rtb.routes.push({ destination: "192.168.0.0/16", target: "vgw-1", origin: "static" });
    });
    expect(run(t, "hybrid-host", "192.168.1.10", 22).reachable).toBe(true);
    const a = run(t, "hybrid-host", "192.168.2.10", 22);
    expect(a.blockers.map((b) => [b.code, b.component])).toEqual([["NO_POSSIBLE_DESTINATION", "vgw-1"]]);
    expect(a.blockers[0]?.message).toMatch(
      /static routes \(192\.168\.1\.0\/24, none of which contains 192\.168\.2\.10\)/,
    );
    // The reply of a connection started on premises from outside the static routes is not routed back either.
    const back = run(t, "192.168.2.10", "hybrid-host", 22);
    expect(back.reachable).toBe(false);
    expect(back.blockers.map((b) => b.code)).toContain("NO_POSSIBLE_DESTINATION");
  });

  it("VPN-08: a VPN to one VPC is not transitive to its peered VPC", () => {
    const a = run(example("site-to-site-vpn"), "data-centre", "peer-host", 22);
    expect(a.reachable).toBe(false);
    expect(a.blockers[0]).toMatchObject({
      code: "VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
      component: "vgw-1",
    });
    expect(a.blockers[0]?.rules).toEqual(expect.arrayContaining(["VPN-08", "PCX-10"]));
  });

  it("DX-02/VPN-06: a Direct Connect gateway associated with the VGW carries on-prem traffic and propagates its routes", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      d.vpnConnections = [];
      d.directConnectGateways.push({
        id: "dxgw-1",
        associations: [{ gatewayId: "vgw-1", allowedPrefixes: [] }],
      });
      must(d.onPremisesNetworks[0]).directConnectGatewayIds = ["dxgw-1"];
    });
    const a = run(t, "hybrid-host", "data-centre", 22);
    expect(a.reachable).toBe(true);
    expect(a.forward.some((h) => h.component.id === "dxgw-1")).toBe(true);
  });

  // AWS's "Allowed prefixes interactions": on a VPC 10.0.0.0/16, 10.0.0.0/24 gives no route, 10.0.0.0/15 gives 10.0.0.0/16.
  it("DX-04: on a VGW association the allowed prefixes filter the VPC's CIDR; a narrower one advertises nothing", () => {
    const overDx = (allowedPrefixes: string[]) =>
      edited(example("site-to-site-vpn"), (d) => {
        d.vpnConnections = [];
        d.directConnectGateways.push({
          id: "dxgw-1",
          associations: [{ gatewayId: "vgw-1", allowedPrefixes }],
        });
        must(d.onPremisesNetworks[0]).directConnectGatewayIds = ["dxgw-1"];
      });
    // 10.0.1.0/24 holds hybrid-host (10.0.1.10) and still advertises nothing: it is narrower than the VPC's CIDR.
    for (const narrower of [["10.0.1.0/24"], ["10.0.0.0/17"], ["172.16.0.0/12"]]) {
      const a = run(overDx(narrower), "data-centre", "hybrid-host", 22);
      expect(a.reachable, narrower.join()).toBe(false);
      expect(a.blockers[0]).toMatchObject({ code: "RCH_DX_PREFIX_NOT_ALLOWED", component: "dxgw-1" });
      expect(a.blockers[0]?.detail).toMatchObject({
        associated: "virtual-private-gateway",
        advertised: [],
        vpcCidrs: ["10.0.0.0/16"],
      });
      expect(a.blockers[0]?.message).toMatch(/not the same as or wider than the VPC's CIDR 10\.0\.0\.0\/16/);
      expect(a.blockers[0]?.message).toMatch(/nothing is advertised/);
    }
    for (const covering of [["10.0.0.0/16"], ["10.0.0.0/15"], ["10.0.1.0/24", "10.0.0.0/8"]])
      expect(run(overDx(covering), "data-centre", "hybrid-host", 22).reachable, covering.join()).toBe(true);
  });

  it("DX-04: advertisedVpcCidrs keeps the VPC CIDRs an allowed prefix equals or contains", () => {
    expect(advertisedVpcCidrs(["10.0.0.0/15"], ["10.0.0.0/16", "10.9.0.0/16"])).toEqual(["10.0.0.0/16"]);
    expect(advertisedVpcCidrs(["10.0.1.0/24"], ["10.0.0.0/16"])).toEqual([]);
    expect(advertisedVpcCidrs(["10.0.0.0/16", "10.0.0.0/8"], ["10.0.0.0/16", "10.9.0.0/16"])).toEqual([
      "10.0.0.0/16",
      "10.9.0.0/16",
    ]);
  });

  it("TGW-02: a VPN attached to a transit gateway reaches every attached VPC", () => {
    const t = edited(example("tgw-hub"), (d) => {
      d.customerGateways.push({ id: "cgw-1", ipAddress: "198.51.100.1", asn: 65000 });
      d.vpnConnections.push({
        id: "vpn-1",
        customerGatewayId: "cgw-1",
        transitGatewayId: "tgw-hub",
        routing: "bgp",
        staticRoutes: [],
        tunnels: [{ status: "UP" }, { status: "UP" }],
        state: "available",
      });
      d.onPremisesNetworks.push({
        id: "onprem-1",
        cidrBlocks: ["172.16.0.0/16"],
        customerGatewayIds: ["cgw-1"],
        directConnectGatewayIds: [],
      });
      d.transitGatewayAttachments.push({
        id: "tgw-attach-vpn",
        transitGatewayId: "tgw-hub",
        type: "vpn",
        vpnConnectionId: "vpn-1",
        subnetIds: [],
        applianceMode: false,
        state: "available",
      });
      const rtb = must(d.transitGatewayRouteTables[0]);
      rtb.associations.push("tgw-attach-vpn");
      rtb.propagations.push("tgw-attach-vpn");
      for (const r of d.routeTables)
        r.routes.push({ destination: "172.16.0.0/16", target: "tgw-hub", origin: "static" });
      for (const sg of d.securityGroups) sg.inbound.push({ protocol: "all", cidrBlock: "172.16.0.0/16" });
    });
    expect(run(t, "onprem-1", "host-2", 22).reachable).toBe(true);
    expect(run(t, "host-3", "onprem-1", 22).reachable).toBe(true);
  });
});
