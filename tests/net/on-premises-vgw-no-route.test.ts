import { describe, expect, it } from "vitest";
import type { TopologyInput } from "@/lib/net/topology";
import { codes, run, topo } from "./helpers";

// An imported topology (assumptions present) whose VPC has a VGW with a BGP VPN, but whose subnet table neither
// propagates nor routes to it: a private source address can only have come in over the VPN, so it is on premises and
// the reply finds no route (NO_ROUTE_TO_DESTINATION on the return path), not "no internet gateway" (exam7 F3).
function vgwVpn(extra: Partial<TopologyInput> = {}): TopologyInput {
  return {
    assumptions: [],
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.70.0.0/16"] }],
    subnets: [
      {
        id: "subnet-1",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.70.1.0/24",
        routeTableId: "rtb-1",
      },
    ],
    routeTables: [{ id: "rtb-1", vpcId: "vpc-1", routes: [] }],
    vpnGateways: [{ id: "vgw-1", vpcId: "vpc-1" }],
    customerGateways: [{ id: "cgw-1", ipAddress: "198.51.100.7" }],
    vpnConnections: [{ id: "vpn-1", customerGatewayId: "cgw-1", vpnGatewayId: "vgw-1", routing: "bgp" }],
    securityGroups: [{ id: "sg-1", vpcId: "vpc-1", inbound: [{ protocol: "all", cidrBlock: "0.0.0.0/0" }] }],
    instances: [
      { id: "i-1", name: "h", subnetId: "subnet-1", privateIp: "10.70.1.10", securityGroupIds: ["sg-1"] },
    ],
    ...extra,
  };
}

describe("an on-premises source behind a VGW with no route back", () => {
  it("a private address is on premises; the reply stops at the subnet's route table", () => {
    const a = run(topo(vgwVpn()), "172.16.5.5", "h", 22);
    expect(codes(a)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    expect(a.blockers[0]?.component).toBe("rtb-1");
    expect(a.blockers[0]?.direction).toBe("return");
    const note = (a.details ?? []).find((d) => d.assumption?.kind === "source");
    expect(note?.assumption).toMatchObject({ kind: "source", noRouteBack: true });
  });

  it("with the VGW's routes propagated the same source is reachable", () => {
    const t = topo(
      vgwVpn({
        routeTables: [{ id: "rtb-1", vpcId: "vpc-1", routes: [], propagatingGatewayIds: ["vgw-1"] }],
        onPremisesNetworks: [{ id: "dc", cidrBlocks: ["172.16.0.0/12"], customerGatewayIds: ["cgw-1"] }],
      }),
    );
    expect(run(t, "172.16.5.5", "h", 22).reachable).toBe(true);
  });

  it("a public address with an internet gateway attached stays the internet", () => {
    const t = topo(vgwVpn({ internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }] }));
    const a = run(t, "198.51.100.99", "h", 22);
    expect(codes(a)).not.toContain("NO_ROUTE_TO_DESTINATION");
    expect((a.details ?? []).some((d) => d.assumption?.kind === "source")).toBe(false);
  });

  it("a static VPN carries only its static routes' prefixes (VPN-07): another private source is not behind it", () => {
    const vpn = (staticRoutes: string[]) =>
      topo(
        vgwVpn({
          vpnConnections: [
            {
              id: "vpn-1",
              customerGatewayId: "cgw-1",
              vpnGatewayId: "vgw-1",
              routing: "static",
              staticRoutes,
            },
          ],
        }),
      );
    const inside = run(vpn(["172.16.0.0/12"]), "172.16.5.5", "h", 22);
    expect(codes(inside)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    const outside = run(vpn(["192.168.0.0/16"]), "172.16.5.5", "h", 22);
    expect(codes(outside)).not.toContain("NO_ROUTE_TO_DESTINATION");
  });
});
