// Transit gateways (aws-rules §5.3): one route table per association decides the next attachment
// (TGW-04); propagations install VPC CIDRs / VPN / DX prefixes (TGW-05); static and blackhole routes
// (TGW-08); same-prefix priority static > propagated (TGW-07). Traffic delivered into a VPC lands on
// the attachment ENI and is routed by that subnet's route table, which is why transit and
// centralized egress work here (TGW-02, TGW-18) while peering stays non-transitive.
import { cidrContainsIp } from "./cidr";
import { named, namedAs } from "./explanations";
import type { SubnetInfo } from "./network-model";
import { lookupRoute, routeFact, routeMatched } from "./routing";
import type { TransitGatewayAttachment, VpnConnection } from "./topology";
import type { CompiledAttachment } from "./transit-gateway-index";
import { attachmentOwning, ipv6DisabledAttachmentOwning } from "./transit-gateway-owner";
import { landingSubnet } from "./appliance-mode";
import { isVpnUp, vpnPrefixes } from "./vpn-links";
import { checkNetworkAcl } from "./filters";
import {
  addHop,
  blackholeRoute,
  block,
  type Delivered,
  gatewayHop,
  HOP,
  type Pkt,
  ref,
  type Walk,
} from "./walk-state";
import { assumeSiteBehindAttachment, checkVirtualInterfaces, directConnectGatewayHop } from "./on-premises";

const attachment = (att: TransitGatewayAttachment) => namedAs(att, "transit-gateway-attachment");

export * from "./transit-gateway-index";

/** A subnet route points at the TGW: enter through this VPC's attachment in the source AZ (TGW-09). */
export function sendToTransitGateway(
  w: Walk,
  subnet: SubnetInfo,
  tgwId: string,
  p: Pkt,
): Delivered | undefined {
  const c = w.net.tgw.vpcAttachmentsBySubnet[subnet.index]?.get(tgwId);
  if (!c) {
    blackholeRoute(w, subnet, p, "transit-gateway", tgwId);
    return undefined;
  }
  const att = c.att;
  let entry = c.byAz.get(subnet.az);
  const inZone = entry !== undefined;
  if (!entry) {
    // The attachment is where the packet stops: its hop comes first, the walk goes on from one of its subnets.
    addHop(w, c.ref, "drop", gatewayHop(att.id), { inbound: p });
    block(w, "TGW_ROUTE_AZ_RESTRICTION", att.id, {
      kind: "gateway",
      gateway: attachment(att),
      availabilityZone: subnet.az,
    });
    entry = c.all[0];
  }
  // TGW-14: the attachment subnet's inbound rules judge traffic entering the transit gateway by its source
  // address, also when the sender sits in that same subnet (only TGW-to-instance traffic skips them there).
  if (entry) checkNetworkAcl(w, entry, "inbound", p);
  if (inZone) addHop(w, c.ref, "forward", gatewayHop(att.id), { inbound: p, outbound: p });
  if (att.state !== "available")
    block(w, "BAD_STATE_ATTACHMENT", att.id, { kind: "gateway", gateway: attachment(att), state: att.state });
  return routeInTransitGateway(w, c, p, subnet.az, 0);
}

export function enterTransitGatewayFromAttachment(
  w: Walk,
  att: TransitGatewayAttachment,
  p: Pkt,
): Delivered | undefined {
  const c = w.net.tgw.compiled.get(att.id);
  if (!c) return undefined;
  addHop(w, c.ref, "forward", gatewayHop(att.id), { inbound: p, outbound: p });
  return routeInTransitGateway(w, c, p, undefined, 0);
}

/** A down VPN whose attachment propagates into table `tableId` and whose prefixes hold `dst` (VPN-02, TGW-05). */
function withdrawnVpn(w: Walk, tableId: string, dst: Pkt["dst"]): VpnConnection | undefined {
  const table = w.net.topology.transitGatewayRouteTables.find((t) => t.id === tableId);
  for (const attId of table?.propagations ?? []) {
    const att = w.net.tgw.attachments.get(attId);
    if (att?.type !== "vpn") continue;
    const vpn = w.net.topology.vpnConnections.find((v) => v.id === att.vpnConnectionId);
    if (vpn && !isVpnUp(vpn) && vpnPrefixes(w.net.topology, vpn).some((c) => cidrContainsIp(c, dst)))
      return vpn;
  }
  return undefined;
}

function routeInTransitGateway(
  w: Walk,
  ingress: CompiledAttachment,
  p: Pkt,
  az: string | undefined,
  depth: number,
): Delivered | undefined {
  const table = ingress.table;
  if (!table) {
    block(w, "TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION", ingress.att.id, {
      kind: "gateway",
      gateway: attachment(ingress.att),
    });
    return undefined;
  }
  const route = lookupRoute(table.lookup, p.dst);
  const rtRef = table.componentRef;
  // The transit gateway routes by its route table: it comes before the table's hop in the trace, whatever the
  // table decides (a route, a blackhole or none), so every transit gateway trace shows the same hops.
  if (ingress.tgwRef)
    addHop(w, ingress.tgwRef, "forward", gatewayHop(ingress.tgwRef.id), { inbound: p, outbound: p });
  if (!route) {
    addHop(
      w,
      rtRef,
      "drop",
      { kind: "transit-gateway-route", table: table.id, destination: p.dst.text },
      { matched: { kind: "tgw-route", description: `no route matches ${p.dst.text}` } },
    );
    // VPN-02: a VPN propagating into this table whose tunnels are all down has withdrawn its routes; if one of
    // its prefixes holds the destination, the tunnels are the fault, not a missing static route.
    const down = withdrawnVpn(w, table.id, p.dst);
    if (down) {
      block(w, "TGW_BAD_STATE_VPN", down.id, {
        kind: "gateway",
        gateway: namedAs(down, "vpn-connection"),
        state: "down",
      });
      return undefined;
    }
    const owner = attachmentOwning(w.net, table.transitGatewayId, p.dst);
    const ipv6Off = owner ? undefined : ipv6DisabledAttachmentOwning(w.net, table.transitGatewayId, p.dst);
    // One literal per case rather than conditional spreads (V8's generic path); the keys in the same order.
    block(
      w,
      "TGW_RTB_CANNOT_ROUTE",
      table.id,
      owner
        ? {
            kind: "transit-gateway-route-table",
            table: named(table),
            destination: p.dst.text,
            problem: "no-route",
            owner,
          }
        : ipv6Off
          ? {
              kind: "transit-gateway-route-table",
              table: named(table),
              destination: p.dst.text,
              problem: "no-route",
              owner: ipv6Off,
              ownerIpv6Disabled: true,
            }
          : {
              kind: "transit-gateway-route-table",
              table: named(table),
              destination: p.dst.text,
              problem: "no-route",
            },
    );
    return undefined;
  }
  const fact = routeFact(route);
  addHop(
    w,
    rtRef,
    route.target.kind === "blackhole" ? "drop" : "forward",
    { kind: "transit-gateway-route", table: table.id, destination: p.dst.text, route: fact },
    {
      matched: routeMatched(table.lookup, route),
    },
  );
  if (route.target.kind === "blackhole") {
    block(w, "TGW_RTB_BAD_STATE_ROUTE", table.id, {
      kind: "transit-gateway-route-table",
      table: named(table),
      destination: p.dst.text,
      problem: "blackhole",
      route: fact,
    });
    return undefined;
  }
  const out = route.target.compiled;
  if (!out) {
    block(w, "TGW_RTB_BAD_STATE_ROUTE", table.id, {
      kind: "transit-gateway-route-table",
      table: named(table),
      destination: p.dst.text,
      problem: "missing-attachment",
      route: fact,
    });
    return undefined;
  }
  const egress = out.att;
  addHop(w, out.ref, "forward", gatewayHop(egress.id), { inbound: p, outbound: p });
  if (egress.state !== "available")
    block(w, "BAD_STATE_ATTACHMENT", egress.id, {
      kind: "gateway",
      gateway: attachment(egress),
      state: egress.state,
    });
  if (egress.type === "vpc") {
    const landing = landingSubnet(w, out, az, p.dst); // TGW-11: appliance mode keeps the request's zone
    if (!landing) {
      block(w, "TGW_ROUTE_AZ_RESTRICTION", egress.id, {
        kind: "gateway",
        gateway: attachment(egress),
        problem: "no-subnets",
      });
      return undefined;
    }
    return w.router.sendFromSubnet(w, landing, p, { kind: "tgw", id: egress.id });
  }
  if (egress.type === "peering") {
    const peer = out.peer;
    if (!peer || depth > 4) {
      block(w, "BAD_STATE_ATTACHMENT", egress.id, {
        kind: "gateway",
        gateway: attachment(egress),
        problem: "no-peer",
      });
      return undefined;
    }
    return routeInTransitGateway(w, peer, p, undefined, depth + 1);
  }
  // An imported topology does not show what BGP learned: it may assume on-premises behind the attachment.
  const site =
    w.net.onPrem.find((o) => o.cidrs.some((c) => cidrContainsIp(c, p.dst)))?.net ??
    assumeSiteBehindAttachment(w, egress, p.dst);
  if (egress.type === "direct-connect-gateway" && egress.directConnectGatewayId !== undefined) {
    directConnectGatewayHop(w, egress.directConnectGatewayId, p);
    checkVirtualInterfaces(w, egress.directConnectGatewayId, "transit", p);
  }
  if (egress.type === "vpn") {
    const vpn = w.net.topology.vpnConnections.find((v) => v.id === egress.vpnConnectionId);
    if (vpn && !isVpnUp(vpn))
      block(w, "TGW_BAD_STATE_VPN", vpn.id, {
        kind: "gateway",
        gateway: namedAs(vpn, "vpn-connection"),
        state: "down",
      });
  }
  if (!site) {
    block(w, "NO_POSSIBLE_DESTINATION", egress.id, {
      kind: "gateway",
      gateway: attachment(egress),
      address: p.dst.text,
      problem: "no-site",
    });
    return undefined;
  }
  addHop(w, ref(site.id, "on-premises-network", site.name), "deliver", HOP.deliverOnPremises, { inbound: p });
  return { kind: "onprem", id: site.id, pkt: p, via: { kind: "tgw", id: egress.id } };
}
