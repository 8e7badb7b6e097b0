import { describe, expect, it } from "vitest";
import { codes, edited, run, topo } from "./helpers";

// aws-rules VPN-09: VPN CloudHub — two branch sites with their own customer gateways on one virtual private gateway.
const t = topo({
  vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
  subnets: [{ id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" }],
  vpnGateways: [{ id: "vgw-1", vpcId: "vpc-1" }],
  customerGateways: [
    { id: "cgw-1", ipAddress: "198.51.100.1", asn: 65001 },
    { id: "cgw-2", ipAddress: "198.51.100.2", asn: 65002 },
  ],
  vpnConnections: [
    { id: "vpn-1", customerGatewayId: "cgw-1", vpnGatewayId: "vgw-1", routing: "bgp" },
    { id: "vpn-2", customerGatewayId: "cgw-2", vpnGatewayId: "vgw-1", routing: "bgp" },
  ],
  onPremisesNetworks: [
    { id: "branch-1", cidrBlocks: ["192.168.1.0/24"], customerGatewayIds: ["cgw-1"] },
    { id: "branch-2", cidrBlocks: ["192.168.2.0/24"], customerGatewayIds: ["cgw-2"] },
  ],
});

describe("VPN CloudHub (VPN-09)", () => {
  it("one branch reaches the other through the virtual private gateway, and the reply comes back the same way", () => {
    const a = run(t, "192.168.1.10", "192.168.2.10", 22);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
    expect(a.forward.map((h) => h.component.id)).toEqual(["branch-1", "vpn-1", "vgw-1", "vpn-2", "branch-2"]);
    expect(a.return.map((h) => h.component.id)).toEqual(["branch-2", "vpn-2", "vgw-1", "vpn-1", "branch-1"]);
  });

  it("the other branch's VPN connection down blocks it", () => {
    const down = edited(t, (d) => {
      const v = d.vpnConnections.find((x) => x.id === "vpn-2");
      if (v) v.tunnels = [{ status: "DOWN" }, { status: "DOWN" }];
    });
    expect(codes(run(down, "192.168.1.10", "192.168.2.10", 22))).toContain("BAD_STATE_VPN");
  });

  it("a site on another virtual private gateway is not part of the hub", () => {
    const other = edited(t, (d) => {
      d.vpcs.push({
        id: "vpc-2",
        cidrBlocks: ["10.1.0.0/16"],
        ipv6CidrBlocks: [],
        enableDnsSupport: true,
        enableDnsHostnames: false,
      });
      d.vpnGateways.push({ id: "vgw-2", vpcId: "vpc-2", asn: 64512 });
      const v = d.vpnConnections.find((x) => x.id === "vpn-2");
      if (v) v.vpnGatewayId = "vgw-2";
    });
    const a = run(other, "192.168.1.10", "192.168.2.10", 22);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toContain("VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
  });
});
