// Virtual private gateways, Site-to-Site VPN (aws-rules §5.10) and Direct Connect gateways (§5.11).
// Traffic from on-premises that enters through a VGW may only reach that VGW's own VPC (VPN-08).
import { cidrContainsIp, toCidr } from "./cidr";
import { named, namedAs } from "./explanations";
import { type Network, type SubnetInfo, vpcContainsIp } from "./network-model";
import { isVpnUp, staleRoutesDetail } from "./vpn-links";
import { enterThroughGateway } from "./ingress-routing";
import { cloudHubTarget, sendThroughCloudHub } from "./cloudhub";
import type { OnPremisesNetwork, VpnConnection } from "./topology";
import type { NamedRef } from "./trace";
import { enterTransitGatewayFromAttachment } from "./transit-gateway";
import {
  addHop,
  blackholeRoute,
  block,
  type Delivered,
  gatewayHop,
  HOP,
  type Link,
  type Pkt,
  ref,
  type Walk,
} from "./walk-state";
import {
  assumeSiteBehindVgw,
  checkAllowedPrefixes,
  checkVirtualInterfaces,
  directConnectGatewayHop,
} from "./on-premises";

export { isVpnUp, propagatedVgwPrefixes, vpnPrefixes } from "./vpn-links";

function onPremFor(net: Network, p: Pkt): OnPremisesNetwork | undefined {
  return net.onPrem.find((o) => o.cidrs.some((c) => cidrContainsIp(c, p.dst)))?.net;
}

/**
 * The Direct Connect gateway associations with this gateway that the input lists but that are not in effect
 * (`associationState` other than `associated`, DX-02): named when nothing else links the gateway to on-premises.
 */
function inactiveDirectConnect(
  net: Network,
  gatewayId: string,
): { inactiveAssociations?: { dxGateway: NamedRef; association?: string; state: string }[] } {
  const found = net.topology.directConnectGateways.flatMap((dx) =>
    (dx.inactiveAssociations ?? [])
      .filter((a) => a.gatewayId === gatewayId)
      .map((a) => ({
        dxGateway: named(dx),
        ...(a.id === undefined ? {} : { association: a.id }),
        state: a.state,
      })),
  );
  return found.length > 0 ? { inactiveAssociations: found } : {};
}

export function sendToVpnGateway(w: Walk, subnet: SubnetInfo, vgwId: string, p: Pkt): Delivered | undefined {
  const vgw = w.net.vgws.get(vgwId);
  if (!vgw || vgw.vpcId !== subnet.vpc.id) {
    blackholeRoute(w, subnet, p, "vpn-gateway", vgwId);
    return undefined;
  }
  addHop(w, ref(vgw.id, "vpn-gateway", vgw.name), "forward", gatewayHop(vgw.id), { inbound: p, outbound: p });
  const gateway = namedAs(vgw, "vpn-gateway");
  if (p.dst.family === 6) {
    // VPN-07: a virtual private gateway does not support IPv6 traffic.
    block(w, "RCH_VGW_NO_IPV6", vgw.id, { kind: "gateway", gateway, address: p.dst.text });
    return undefined;
  }
  // An imported topology does not show what BGP learned: it may assume on-premises behind the VGW.
  const site = onPremFor(w.net, p) ?? assumeSiteBehindVgw(w, vgw.id, p.dst);
  if (!site) {
    block(w, "NO_POSSIBLE_DESTINATION", vgw.id, {
      kind: "gateway",
      gateway,
      address: p.dst.text,
      problem: "no-site",
    });
    return undefined;
  }
  const via: Link = { kind: "vgw", id: vgw.id };
  // VPN-06: Direct Connect routes are preferred over VPN routes.
  const dx = w.net.topology.directConnectGateways.find(
    (d) => site.directConnectGatewayIds.includes(d.id) && d.associations.some((a) => a.gatewayId === vgw.id),
  );
  if (dx) {
    directConnectGatewayHop(w, dx.id, p);
    checkVirtualInterfaces(w, dx.id, "private", p); // DX-01: a gateway whose private VIFs are all down carries nothing
  } else {
    const linked = w.net.topology.vpnConnections.filter(
      (v) => v.vpnGatewayId === vgw.id && site.customerGatewayIds.includes(v.customerGatewayId),
    );
    // VPN-07: a virtual private gateway sends to a static-routing VPN only the prefixes in its static routes.
    const vpns = linked.filter(
      (v) => v.routing !== "static" || v.staticRoutes.some((c) => cidrContainsIp(toCidr(c), p.dst)),
    );
    const vpn = vpns.find(isVpnUp) ?? vpns[0];
    if (!vpn) {
      const staticVpn = linked[0];
      block(w, "NO_POSSIBLE_DESTINATION", vgw.id, {
        kind: "gateway",
        gateway,
        site: named(site),
        address: p.dst.text,
        ...(staticVpn
          ? { problem: "no-static-route", vpn: named(staticVpn), staticRoutes: staticVpn.staticRoutes }
          : { problem: "no-link", ...inactiveDirectConnect(w.net, vgw.id) }),
      });
      return undefined;
    }
    addHop(
      w,
      ref(vpn.id, "vpn-connection", vpn.name),
      isVpnUp(vpn) ? "forward" : "drop",
      gatewayHop(vpn.id),
      { inbound: p, outbound: p },
    );
    if (!isVpnUp(vpn))
      block(w, "BAD_STATE_VPN", vpn.id, {
        kind: "gateway",
        gateway: namedAs(vpn, "vpn-connection"),
        state: "down",
        ...staleRoutesDetail(w.net.topology, vpn),
      });
  }
  addHop(w, ref(site.id, "on-premises-network", site.name), "deliver", HOP.deliverOnPremises, { inbound: p });
  return { kind: "onprem", id: site.id, pkt: p, via };
}

/**
 * Traffic from an on-premises network. With `via` (a reply) it re-enters the link the request left
 * by; otherwise the first VPN/DX link whose AWS side can deliver the destination is used.
 */
export function enterFromOnPremises(
  w: Walk,
  site: OnPremisesNetwork,
  p: Pkt,
  via?: Link,
): Delivered | undefined {
  addHop(w, ref(site.id, "on-premises-network", site.name), "send", HOP.sendOnPremises, { outbound: p });
  type Candidate =
    | { kind: "vgw"; vgwId: string; vpn?: VpnConnection; dxId?: string }
    | { kind: "tgw"; attachmentId: string; vpn?: VpnConnection };
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
  const vgwVpc = (c: Candidate) =>
    c.kind === "vgw" ? w.net.vpcs.get(w.net.vgws.get(c.vgwId)?.vpcId ?? "") : undefined;
  const canDeliver = (c: Candidate): boolean => {
    if (c.kind === "tgw") return true;
    const vpc = vgwVpc(c);
    return !!vpc && vpcContainsIp(vpc, p.dst);
  };
  let chosen: Candidate | undefined;
  if (via)
    chosen = candidates.find((c) =>
      c.kind === "vgw"
        ? via.kind === "vgw" && c.vgwId === via.id
        : via.kind === "tgw" && c.attachmentId === via.id,
    );
  // TGW-15: a network reached through several VPN connections (ECMP) keeps using the ones whose tunnels are up.
  chosen ??=
    candidates.find((c) => canDeliver(c) && (c.vpn === undefined || isVpnUp(c.vpn))) ??
    candidates.find(canDeliver) ??
    candidates[0];
  if (!chosen) {
    block(w, "NO_PATH", site.id, {
      kind: "query",
      reference: site.id,
      site: named(site),
      address: p.dst.text,
      problem: "no-link",
    });
    return undefined;
  }
  if (chosen.vpn) {
    addHop(
      w,
      ref(chosen.vpn.id, "vpn-connection", chosen.vpn.name),
      isVpnUp(chosen.vpn) ? "forward" : "drop",
      gatewayHop(chosen.vpn.id),
      { inbound: p, outbound: p },
    );
    if (!isVpnUp(chosen.vpn)) {
      block(w, chosen.kind === "tgw" ? "TGW_BAD_STATE_VPN" : "BAD_STATE_VPN", chosen.vpn.id, {
        kind: "gateway",
        gateway: namedAs(chosen.vpn, "vpn-connection"),
        state: "down",
        ...(chosen.kind === "vgw" ? staleRoutesDetail(w.net.topology, chosen.vpn) : {}),
      });
    }
  } else if (chosen.kind === "vgw" && chosen.dxId !== undefined) {
    checkVirtualInterfaces(w, chosen.dxId, "private", p); // DX-01: a gateway whose private VIFs are all down carries nothing
    // DX-04: on premises learns only the association's allowed prefixes, which must cover the VPC's range.
    checkAllowedPrefixes(w, chosen.dxId, chosen.vgwId, p);
    directConnectGatewayHop(w, chosen.dxId, p);
  } else if (chosen.kind === "tgw") {
    const dxAtt = w.net.tgw.attachments.get(chosen.attachmentId);
    if (dxAtt?.directConnectGatewayId !== undefined) {
      // The transit VIF must be up (DX-01) and the destination among the prefixes advertised to on-premises (DX-04);
      // then the Direct Connect gateway hands the packet to the transit gateway attachment.
      checkVirtualInterfaces(w, dxAtt.directConnectGatewayId, "transit", p);
      checkAllowedPrefixes(w, dxAtt.directConnectGatewayId, dxAtt.transitGatewayId, p);
      directConnectGatewayHop(w, dxAtt.directConnectGatewayId, p);
    }
  }
  if (chosen.kind === "tgw") {
    const att = w.net.tgw.attachments.get(chosen.attachmentId);
    return att ? enterTransitGatewayFromAttachment(w, att, p) : undefined;
  }
  const vgw = w.net.vgws.get(chosen.vgwId);
  const vpc = vgwVpc(chosen);
  if (!vgw || !vpc) {
    block(w, "BAD_STATE", chosen.vgwId, {
      kind: "gateway",
      gateway: { id: chosen.vgwId, type: "vpn-gateway" },
      problem: "not-attached",
    });
    return undefined;
  }
  addHop(w, ref(vgw.id, "vpn-gateway", vgw.name), "forward", gatewayHop(vgw.id), { inbound: p, outbound: p });
  if (!canDeliver(chosen)) {
    // VPN-09: CloudHub — another site on this virtual private gateway.
    const hub = chosen.vpn ? cloudHubTarget(w, vgw, p, site) : undefined;
    if (hub) return sendThroughCloudHub(w, vgw, p, hub);
    block(w, "VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", vgw.id, {
      kind: "gateway",
      gateway: namedAs(vgw, "vpn-gateway"),
      vpc: named(vpc.vpc),
      address: p.dst.text,
    });
    return undefined;
  }
  return enterThroughGateway(w, vgw.id, vpc, p, { kind: "vgw", id: vgw.id });
}
