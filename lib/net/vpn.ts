// Virtual private gateways, Site-to-Site VPN (aws-rules §5.10) and Direct Connect gateways (§5.11).
// Traffic from on-premises that enters through a VGW may only reach that VGW's own VPC (VPN-08).
import { type Cidr, cidrContainsIp, toCidr } from "./cidr";
import { label } from "./explanations";
import { type Network, routeTableOf, type SubnetInfo, vpcContainsIp } from "./network";
import type { OnPremisesNetwork, Topology, VpnConnection } from "./topology";
import { enterTransitGatewayFromAttachment } from "./transit-gateway";
import { addHop, block, type Delivered, deliverInVpc, type Link, type Pkt, ref, type Walk } from "./walk";
import { assumeSiteBehindVgw, checkAllowedPrefixes, checkVirtualInterfaces } from "./on-premises";

/** VPN-02: a VPN carries traffic while at least one of its tunnels is UP. */
export function isVpnUp(vpn: VpnConnection): boolean {
  return vpn.state === "available" && vpn.tunnels.some((t) => t.status === "UP");
}

/** Customer-side prefixes a VPN knows: its static routes, or the on-prem networks behind its CGW (BGP). */
export function vpnPrefixes(topology: Topology, vpn: VpnConnection): Cidr[] {
  if (vpn.routing === "static") return vpn.staticRoutes.map(toCidr);
  return topology.onPremisesNetworks.filter((n) => n.customerGatewayIds.includes(vpn.customerGatewayId)).flatMap((n) => n.cidrBlocks.map(toCidr));
}

/** VPN-05: routes a VGW propagates into route tables – only while the VPN is up; plus DX-learned routes. */
export function propagatedVgwPrefixes(topology: Topology, vgwId: string): Cidr[] {
  const out: Cidr[] = [];
  for (const vpn of topology.vpnConnections) if (vpn.vpnGatewayId === vgwId && isVpnUp(vpn)) out.push(...vpnPrefixes(topology, vpn));
  for (const dx of topology.directConnectGateways) {
    if (!dx.associations.some((a) => a.gatewayId === vgwId)) continue;
    for (const n of topology.onPremisesNetworks) if (n.directConnectGatewayIds.includes(dx.id)) out.push(...n.cidrBlocks.map(toCidr));
  }
  return out;
}

function onPremFor(net: Network, p: Pkt): OnPremisesNetwork | undefined {
  return net.onPrem.find((o) => o.cidrs.some((c) => cidrContainsIp(c, p.dst)))?.net;
}

export function sendToVpnGateway(w: Walk, subnet: SubnetInfo, vgwId: string, p: Pkt): Delivered | undefined {
  const vgw = w.net.vgws.get(vgwId);
  if (!vgw || vgw.vpcId !== subnet.vpc.id) {
    block(w, "BAD_STATE_ROUTE", routeTableOf(w.net, subnet).id, `The route to ${vgwId} in ${label(routeTableOf(w.net, subnet))} is a blackhole: that virtual private gateway is not attached to this VPC.`, ["VPN-01"]);
    return undefined;
  }
  addHop(w, ref(vgw.id, "vpn-gateway", vgw.name), "forward", { inbound: p, outbound: p });
  if (p.dst.family === 6) {
    // aws-rules VPN-07: a virtual private gateway does not support IPv6 traffic.
    block(w, "RCH_VGW_NO_IPV6", vgw.id, `Virtual private gateway ${label(vgw)} does not carry IPv6 traffic, so ${p.dst.text} cannot be reached over its VPN; use IPv4 (or a transit gateway VPN attachment).`);
    return undefined;
  }
  // issue 13: an imported topology may not know what BGP learned; assume on-premises behind the VGW.
  const site = onPremFor(w.net, p) ?? assumeSiteBehindVgw(w, vgw.id, p.dst);
  if (!site) {
    block(w, "NO_POSSIBLE_DESTINATION", vgw.id, `Virtual private gateway ${label(vgw)} knows no on-premises network containing ${p.dst.text}.`, ["VPN-07"]);
    return undefined;
  }
  const via: Link = { kind: "vgw", id: vgw.id };
  // VPN-06: Direct Connect routes are preferred over VPN routes.
  const dx = w.net.topology.directConnectGateways.find((d) => site.directConnectGatewayIds.includes(d.id) && d.associations.some((a) => a.gatewayId === vgw.id));
  if (dx) {
    addHop(w, ref(dx.id, "direct-connect-gateway", dx.name), "forward", { inbound: p, outbound: p });
    checkVirtualInterfaces(w, dx.id, "private", p); // issue 13: a VIF not available blocks
  } else {
    const vpns = w.net.topology.vpnConnections.filter((v) => v.vpnGatewayId === vgw.id && site.customerGatewayIds.includes(v.customerGatewayId));
    const vpn = vpns.find(isVpnUp) ?? vpns[0];
    if (!vpn) {
      block(w, "NO_POSSIBLE_DESTINATION", vgw.id, `No VPN connection or Direct Connect gateway links ${label(vgw)} to ${label(site)}.`, ["VPN-01"]);
      return undefined;
    }
    addHop(w, ref(vpn.id, "vpn-connection", vpn.name), isVpnUp(vpn) ? "forward" : "drop", { inbound: p, outbound: p });
    if (!isVpnUp(vpn)) block(w, "BAD_STATE_VPN", vpn.id, `Both tunnels of VPN connection ${label(vpn)} are down, so it carries no traffic.`);
  }
  addHop(w, ref(site.id, "on-premises-network", site.name), "deliver", { inbound: p });
  return { kind: "onprem", id: site.id, pkt: p, via };
}

/**
 * Traffic from an on-premises network. With `via` (a reply) it re-enters the link the request left
 * by; otherwise the first VPN/DX link whose AWS side can deliver the destination is used.
 */
export function enterFromOnPremises(w: Walk, site: OnPremisesNetwork, p: Pkt, via?: Link): Delivered | undefined {
  addHop(w, ref(site.id, "on-premises-network", site.name), "send", { outbound: p });
  type Candidate = { kind: "vgw"; vgwId: string; vpn?: VpnConnection; dxId?: string } | { kind: "tgw"; attachmentId: string; vpn?: VpnConnection };
  const candidates: Candidate[] = [];
  const topo = w.net.topology;
  for (const dx of topo.directConnectGateways) {
    if (!site.directConnectGatewayIds.includes(dx.id)) continue;
    for (const a of dx.associations) {
      if (a.gatewayId.startsWith("vgw-")) candidates.push({ kind: "vgw", vgwId: a.gatewayId, dxId: dx.id });
      const att = w.net.tgw.dxAttachment.get(`${a.gatewayId}|${dx.id}`);
      if (att) candidates.push({ kind: "tgw", attachmentId: att.id });
    }
  }
  for (const vpn of topo.vpnConnections) {
    if (!site.customerGatewayIds.includes(vpn.customerGatewayId)) continue;
    if (vpn.vpnGatewayId !== undefined) candidates.push({ kind: "vgw", vgwId: vpn.vpnGatewayId, vpn });
    const att = w.net.tgw.vpnAttachment.get(vpn.id);
    if (att) candidates.push({ kind: "tgw", attachmentId: att.id, vpn });
  }
  const vgwVpc = (c: Candidate) => (c.kind === "vgw" ? w.net.vpcs.get(w.net.vgws.get(c.vgwId)?.vpcId ?? "") : undefined);
  const canDeliver = (c: Candidate): boolean => {
    if (c.kind === "tgw") return true;
    const vpc = vgwVpc(c);
    return !!vpc && vpcContainsIp(vpc, p.dst);
  };
  let chosen: Candidate | undefined;
  if (via) chosen = candidates.find((c) => (c.kind === "vgw" ? via.kind === "vgw" && c.vgwId === via.id : via.kind === "tgw" && c.attachmentId === via.id));
  chosen ??= candidates.find(canDeliver) ?? candidates[0];
  if (!chosen) {
    block(w, "NO_PATH", site.id, `${label(site)} has no VPN connection or Direct Connect gateway into AWS.`, ["VPN-01", "DX-01"]);
    return undefined;
  }
  if (chosen.vpn) {
    addHop(w, ref(chosen.vpn.id, "vpn-connection", chosen.vpn.name), isVpnUp(chosen.vpn) ? "forward" : "drop", { inbound: p, outbound: p });
    if (!isVpnUp(chosen.vpn)) block(w, chosen.kind === "tgw" ? "TGW_BAD_STATE_VPN" : "BAD_STATE_VPN", chosen.vpn.id, `Both tunnels of VPN connection ${label(chosen.vpn)} are down, so it carries no traffic.`);
  } else if (chosen.kind === "vgw" && chosen.dxId !== undefined) {
    checkVirtualInterfaces(w, chosen.dxId, "private", p); // issue 13: a VIF not available blocks
    addHop(w, ref(chosen.dxId, "direct-connect-gateway"), "forward", { inbound: p, outbound: p });
  } else if (chosen.kind === "tgw") {
    const dxAtt = w.net.tgw.attachments.get(chosen.attachmentId);
    if (dxAtt?.directConnectGatewayId !== undefined) {
      // issue 13: the transit VIF must be up (DX-01) and the destination advertised (DX-04).
      checkVirtualInterfaces(w, dxAtt.directConnectGatewayId, "transit", p);
      checkAllowedPrefixes(w, dxAtt.directConnectGatewayId, dxAtt.transitGatewayId, p);
    }
  }
  if (chosen.kind === "tgw") {
    const att = w.net.tgw.attachments.get(chosen.attachmentId);
    return att ? enterTransitGatewayFromAttachment(w, att, p) : undefined;
  }
  const vgw = w.net.vgws.get(chosen.vgwId);
  const vpc = vgwVpc(chosen);
  if (!vgw || !vpc) {
    block(w, "BAD_STATE", chosen.vgwId, `Virtual private gateway ${chosen.vgwId} is not attached to a VPC.`, ["VPN-01"]);
    return undefined;
  }
  addHop(w, ref(vgw.id, "vpn-gateway", vgw.name), "forward", { inbound: p, outbound: p });
  if (!canDeliver(chosen)) {
    block(w, "VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", vgw.id,
      `Virtual private gateway ${label(vgw)} only delivers to VPC ${label(vpc.vpc)}; ${p.dst.text} is outside it, and a VPN is not transitive to peered VPCs.`, ["PCX-10"]);
    return undefined;
  }
  return deliverInVpc(w, vpc, p, { kind: "vgw", id: vgw.id });
}
