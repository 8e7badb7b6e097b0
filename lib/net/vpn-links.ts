// What a VPN connection or Direct Connect gateway brings into AWS routing: whether a VPN is up (VPN-02) and the
// on-premises prefixes it or a virtual private gateway propagates (VPN-05, DX). Pure functions of the topology.
import { type Cidr, toCidr } from "./cidr";
import type { Topology, VpnConnection } from "./topology";

/** VPN-02: a VPN carries traffic while at least one of its tunnels is UP. */
export function isVpnUp(vpn: VpnConnection): boolean {
  return vpn.state === "available" && vpn.tunnels.some((t) => t.status === "UP");
}

/** Customer-side prefixes a VPN knows: its static routes, or the on-prem networks behind its CGW (BGP). */
export function vpnPrefixes(topology: Topology, vpn: VpnConnection): Cidr[] {
  if (vpn.routing === "static") return vpn.staticRoutes.map(toCidr);
  return topology.onPremisesNetworks
    .filter((n) => n.customerGatewayIds.includes(vpn.customerGatewayId))
    .flatMap((n) => n.cidrBlocks.map(toCidr));
}

/** VPN-05: routes a VGW propagates into route tables – only while the VPN is up; plus DX-learned routes. */
export function propagatedVgwPrefixes(topology: Topology, vgwId: string): Cidr[] {
  const out: Cidr[] = [];
  for (const vpn of topology.vpnConnections)
    if (vpn.vpnGatewayId === vgwId && isVpnUp(vpn)) out.push(...vpnPrefixes(topology, vpn));
  for (const dx of topology.directConnectGateways) {
    if (!dx.associations.some((a) => a.gatewayId === vgwId)) continue;
    for (const n of topology.onPremisesNetworks)
      if (n.directConnectGatewayIds.includes(dx.id)) out.push(...n.cidrBlocks.map(toCidr));
  }
  return out;
}
