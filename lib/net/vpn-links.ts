// What a VPN connection or Direct Connect gateway brings into AWS routing: whether a VPN is up (VPN-02) and the
// on-premises prefixes it or a virtual private gateway propagates (VPN-05, DX). Pure functions of the topology.
import { type Cidr, cidrContainsIp, type IpAddress, toCidr } from "./cidr";
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

/**
 * VPN-05: the routes the route tables list as propagated from a VPN's virtual private gateway while that VPN is
 * down, when no other link of the gateway (another VPN that is up, a Direct Connect gateway association) could have
 * propagated them: none propagate from a VPN that is down, so these are stale. Undefined when another link could.
 */
export function stalePropagatedRoutes(
  topology: Topology,
  vpn: VpnConnection,
): { table: { id: string; name?: string }; destination: string }[] | undefined {
  const vgwId = vpn.vpnGatewayId;
  if (vgwId === undefined) return undefined;
  if (topology.vpnConnections.some((v) => v.id !== vpn.id && v.vpnGatewayId === vgwId && isVpnUp(v)))
    return undefined;
  if (topology.directConnectGateways.some((d) => d.associations.some((a) => a.gatewayId === vgwId)))
    return undefined;
  const out: { table: { id: string; name?: string }; destination: string }[] = [];
  for (const table of topology.routeTables)
    for (const route of table.routes)
      if (route.origin === "propagated" && route.target === vgwId && route.destination !== undefined)
        out.push({
          table: table.name !== undefined ? { id: table.id, name: table.name } : { id: table.id },
          destination: route.destination,
        });
  return out;
}

/** The `staleRoutes` of a BAD_STATE_VPN blocker's detail, when the VPN is on a virtual private gateway. */
export function staleRoutesDetail(
  topology: Topology,
  vpn: VpnConnection,
): { staleRoutes?: { table: { id: string; name?: string }; destination: string }[] } {
  const staleRoutes = stalePropagatedRoutes(topology, vpn);
  return staleRoutes ? { staleRoutes } : {};
}

/**
 * VPN-05: the virtual private gateway attached to the table's VPC that would propagate a prefix holding `dst`,
 * when the table does not propagate from it (for a no-route blocker: turn on propagation, or add a static route).
 */
export function unpropagatedVgwFor(
  topology: Topology,
  tableId: string,
  vpcId: string,
  dst: IpAddress,
): { id: string; name?: string } | undefined {
  const table = topology.routeTables.find((t) => t.id === tableId);
  if (!table) return undefined;
  for (const vgw of topology.vpnGateways) {
    if (vgw.vpcId !== vpcId || table.propagatingGatewayIds.includes(vgw.id)) continue;
    if (propagatedVgwPrefixes(topology, vgw.id).some((c) => cidrContainsIp(c, dst)))
      return vgw.name !== undefined ? { id: vgw.id, name: vgw.name } : { id: vgw.id };
  }
  return undefined;
}
