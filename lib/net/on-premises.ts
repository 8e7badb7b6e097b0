// On-premises networks as far as AWS output shows them. Reachability Analyzer stops at the
// virtual private gateway or transit gateway attachment: what lies behind a VPN or a Direct Connect
// virtual interface is learned by BGP and never printed by the AWS CLI. For a topology imported from
// AWS output (`topology.assumptions` present) a destination routed to such a gateway that no known
// on-premises network contains is therefore assumed to be on-premises behind it, and the analysis
// says so; a tunnel DOWN (VPN-02) or a virtual interface that is not `available` still blocks.
import {
  type Cidr,
  cidrContainsCidr,
  cidrContainsIp,
  type IpAddress,
  isRfc1918,
  parseCidr,
  toCidr,
} from "./cidr";
import { explainAssumption, named } from "./explanations";
import { gatewaysOf, type Network, routeTableOf, type SubnetInfo } from "./network-model";
import { lookupRoute } from "./routing";
import type { DirectConnectGateway, OnPremisesNetwork, TransitGatewayAttachment } from "./topology";
import type { Detail, OnPremisesAssumption, OnPremisesLink } from "./trace";
import { addHop, block, type Delivered, gatewayHop, type Pkt, ref, type Walk } from "./walk-state";

/** Only an imported topology leaves the on-premises side open; a hand-written one declares it. */
export function onPremisesIsPartlyKnown(net: Network): boolean {
  return net.topology.assumptions !== undefined;
}

function remember(net: Network, site: OnPremisesNetwork): OnPremisesNetwork {
  const sites = (net.memo.assumedSites ??= new Map());
  const known = sites.get(site.id);
  if (known) return known;
  sites.set(site.id, site);
  return site;
}

/** A declared on-premises network, or one assumed earlier in this analysis (for the reply). */
export function onPremisesSite(net: Network, id: string): OnPremisesNetwork | undefined {
  return net.onPrem.find((o) => o.net.id === id)?.net ?? net.memo.assumedSites?.get(id);
}

/** The note an assumption becomes in the analysis. */
export function assumptionNote(assumption: OnPremisesAssumption): Detail {
  return { code: "RCH_ASSUMED_ON_PREMISES", message: explainAssumption(assumption), assumption };
}

function note(w: Walk, assumption: OnPremisesAssumption): void {
  const notes = (w.assumptions ??= []);
  const n = assumptionNote(assumption);
  if (!notes.some((o) => o.message === n.message)) notes.push(n);
}

/** The assumptions a walk made, in order. */
export function assumptionsOf(w: Walk): readonly Detail[] {
  return w.assumptions ?? [];
}

function vpnLinks(net: Network, vpnIds: readonly string[]): OnPremisesLink[] {
  return vpnIds.flatMap((id) => {
    const vpn = net.topology.vpnConnections.find((v) => v.id === id);
    if (!vpn) return [];
    const tunnelsUp = vpn.tunnels.filter((t) => t.status === "UP").length;
    return [{ vpn: vpn.id, routing: vpn.routing === "bgp" ? "bgp" : "static", tunnelsUp }];
  });
}

function dxGatewaysFor(net: Network, gatewayId: string): DirectConnectGateway[] {
  return net.topology.directConnectGateways.filter((d) =>
    d.associations.some((a) => a.gatewayId === gatewayId),
  );
}

function siteOf(
  id: string,
  name: string,
  ip: IpAddress,
  customerGatewayIds: string[],
  directConnectGatewayIds: string[],
): OnPremisesNetwork {
  const prefix = ip.family === 4 ? 32 : 128;
  return { id, name, cidrBlocks: [`${ip.text}/${prefix}`], customerGatewayIds, directConnectGatewayIds };
}

/** Behind a VGW: its VPN connections' customer gateways and its Direct Connect gateways. */
export function assumeSiteBehindVgw(w: Walk, vgwId: string, dst: IpAddress): OnPremisesNetwork | undefined {
  const net = w.net;
  if (!onPremisesIsPartlyKnown(net)) return undefined;
  const vpns = net.topology.vpnConnections.filter((v) => v.vpnGatewayId === vgwId);
  const dxgws = dxGatewaysFor(net, vgwId);
  if (vpns.length === 0 && dxgws.length === 0) return undefined;
  note(w, {
    kind: "behind-gateway",
    address: dst.text,
    gateway: vgwId,
    via: "vpn-gateway",
    links: [
      ...vpnLinks(
        net,
        vpns.map((v) => v.id),
      ),
      ...dxgws.map((d) => ({ directConnectGateway: d.id })),
    ],
  });
  return remember(
    net,
    siteOf(
      `onprem-behind-${vgwId}`,
      `on-premises behind ${vgwId}`,
      dst,
      [...new Set(vpns.map((v) => v.customerGatewayId))],
      dxgws.map((d) => d.id),
    ),
  );
}

/** Behind a TGW VPN or Direct Connect gateway attachment. */
export function assumeSiteBehindAttachment(
  w: Walk,
  att: TransitGatewayAttachment,
  dst: IpAddress,
): OnPremisesNetwork | undefined {
  const net = w.net;
  if (!onPremisesIsPartlyKnown(net)) return undefined;
  if (att.type === "vpn" && att.vpnConnectionId !== undefined) {
    const vpn = net.topology.vpnConnections.find((v) => v.id === att.vpnConnectionId);
    if (!vpn) return undefined;
    note(w, {
      kind: "behind-gateway",
      address: dst.text,
      gateway: att.id,
      via: "vpn-attachment",
      links: vpnLinks(net, [vpn.id]),
    });
    return remember(
      net,
      siteOf(`onprem-behind-${att.id}`, `on-premises behind ${vpn.id}`, dst, [vpn.customerGatewayId], []),
    );
  }
  if (att.type === "direct-connect-gateway" && att.directConnectGatewayId !== undefined) {
    note(w, {
      kind: "behind-gateway",
      address: dst.text,
      gateway: att.id,
      via: "direct-connect-attachment",
      links: [{ directConnectGateway: att.directConnectGatewayId }],
    });
    return remember(
      net,
      siteOf(
        `onprem-behind-${att.id}`,
        `on-premises behind ${att.directConnectGatewayId}`,
        dst,
        [],
        [att.directConnectGatewayId],
      ),
    );
  }
  return undefined;
}

/**
 * The Direct Connect gateway's own hop, named as the input names it: every path through one shows it, whether the
 * gateway is associated with a virtual private gateway or a transit gateway (between the VIF and the VGW or the
 * transit gateway's attachment), so a blocker at the gateway (DX-04) has its drop hop there.
 */
export function directConnectGatewayHop(w: Walk, dxId: string, p: Pkt): void {
  const dx = w.net.topology.directConnectGateways.find((d) => d.id === dxId);
  addHop(w, ref(dxId, "direct-connect-gateway", dx?.name), "forward", gatewayHop(dxId), {
    inbound: p,
    outbound: p,
  });
}

/**
 * DX-01: traffic crosses a Direct Connect gateway on a private (VGW) or transit (TGW) virtual
 * interface; when the import lists the gateway's VIFs and none of the right type is `available`,
 * nothing crosses.
 */
export function checkVirtualInterfaces(w: Walk, dxId: string, kind: "private" | "transit", p: Pkt): boolean {
  const dx = w.net.topology.directConnectGateways.find((d) => d.id === dxId);
  const vifs = (dx?.virtualInterfaces ?? []).filter((v) => v.type === kind);
  if (!dx || vifs.length === 0) return true;
  const up = vifs.find((v) => v.state === "available");
  const shown = up ?? vifs[0];
  if (shown)
    addHop(w, ref(shown.id, "virtual-interface", shown.name), up ? "forward" : "drop", gatewayHop(shown.id), {
      inbound: p,
      outbound: p,
    });
  if (up) return true;
  block(w, "RCH_DX_VIF_NOT_AVAILABLE", shown?.id ?? dx.id, {
    kind: "virtual-interfaces",
    dxGateway: named(dx),
    vifType: kind,
    interfaces: vifs.map((v) => ({ ...named(v), state: v.state })),
  });
  return false;
}

/** An assumed site delivered the packet whose destination the query gave as a bare IP address. */
export function isAssumedDelivery(net: Network, got: Delivered, wantIp: IpAddress | undefined): boolean {
  return (
    got.kind === "onprem" && net.memo.assumedSites?.has(got.id) === true && wantIp?.text === got.pkt.dst.text
  );
}

/**
 * A source address outside every VPC and every known on-premises network is on-premises (not the
 * internet) when the reply to it would leave the destination's subnet for a VGW, or for a transit
 * gateway that sends it to a VPN or Direct Connect gateway attachment; or when there is no route back
 * at all but only such a link can have brought it in (`noRouteBack`: the reply is then the blocker).
 */
export function onPremisesSourceBehind(
  net: Network,
  ip: IpAddress,
  destination: SubnetInfo | undefined,
): { site: OnPremisesNetwork; noRouteBack: boolean } | undefined {
  if (!destination || !onPremisesIsPartlyKnown(net)) return undefined;
  if (net.onPrem.some((o) => o.cidrs.some((c) => cidrContainsIp(c, ip)))) return undefined;
  const route = lookupRoute(routeTableOf(net, destination).lookup, ip);
  const found = (site: OnPremisesNetwork | undefined, noRouteBack: boolean) =>
    site === undefined ? undefined : { site, noRouteBack };
  if (!route) return found(behindVgwWithoutRoute(net, ip, destination), true);
  if (route.target.kind === "vgw") return found(siteBehindVgw(net, route.target.id, ip), false);
  if (route.target.kind === "tgw") {
    const c = net.tgw.vpcAttachmentByVpc.get(destination.vpc.id)?.get(route.target.id);
    const tgwRoute = c?.table ? lookupRoute(c.table.lookup, ip) : undefined;
    // With no transit gateway route back (a static VPN whose route was never added), the address can only
    // have come in over one of the transit gateway's VPN or Direct Connect attachments: the reply then stops
    // at the transit gateway route table, not at a missing internet gateway.
    const egress =
      tgwRoute === undefined
        ? [...net.tgw.compiled.values()]
            .map((a) => a.att)
            .find(
              (a) =>
                a.transitGatewayId === route.target.id &&
                (a.type === "vpn" || a.type === "direct-connect-gateway"),
            )
        : tgwRoute.target.kind === "attachment"
          ? tgwRoute.target.compiled?.att
          : undefined;
    if (!egress || (egress.type !== "vpn" && egress.type !== "direct-connect-gateway")) return undefined;
    const vpn = net.topology.vpnConnections.find((v) => v.id === egress.vpnConnectionId);
    return found(
      remember(
        net,
        siteOf(
          `onprem-behind-${egress.id}`,
          `on-premises behind ${egress.vpnConnectionId ?? egress.directConnectGatewayId ?? egress.id}`,
          ip,
          vpn ? [vpn.customerGatewayId] : [],
          egress.directConnectGatewayId !== undefined ? [egress.directConnectGatewayId] : [],
        ),
      ),
      tgwRoute === undefined,
    );
  }
  return undefined;
}

/** The on-premises site behind a VGW with a VPN or Direct Connect gateway: undefined when it has neither. */
function siteBehindVgw(net: Network, vgwId: string, ip: IpAddress): OnPremisesNetwork | undefined {
  const vpns = net.topology.vpnConnections.filter((v) => v.vpnGatewayId === vgwId);
  const dxgws = dxGatewaysFor(net, vgwId);
  if (vpns.length === 0 && dxgws.length === 0) return undefined;
  return remember(
    net,
    siteOf(
      `onprem-behind-${vgwId}`,
      `on-premises behind ${vgwId}`,
      ip,
      [...new Set(vpns.map((v) => v.customerGatewayId))],
      dxgws.map((d) => d.id),
    ),
  );
}

/**
 * With no route back at all (a BGP VPN whose routes the table does not propagate, VPN-05), a source that could
 * not have come from the internet (a private address, or a VPC without an internet gateway, IGW-04) came in over
 * the VPC's virtual private gateway when that has a BGP VPN, a Direct Connect gateway, or a static VPN whose static
 * routes hold the address: the reply then stops at the
 * subnet's route table (NO_ROUTE_TO_DESTINATION on the return path), not at a missing internet gateway. The
 * transit gateway case is above (its route table has no route back).
 */
function behindVgwWithoutRoute(
  net: Network,
  ip: IpAddress,
  destination: SubnetInfo,
): OnPremisesNetwork | undefined {
  const { vgw, igw } = gatewaysOf(net, destination.vpc.id);
  if (!vgw) return undefined;
  const privateAddress = ip.family === 4 ? isRfc1918(ip) : cidrContainsIp(UNIQUE_LOCAL, ip);
  if (!privateAddress && igw) return undefined;
  // VPN-07: a static VPN's customer networks are its static routes; what a BGP VPN or Direct Connect learned is
  // not in AWS output, so any such address may be behind them.
  const carries =
    dxGatewaysFor(net, vgw.id).length > 0 ||
    net.topology.vpnConnections.some(
      (v) =>
        v.vpnGatewayId === vgw.id &&
        (v.routing === "bgp" || v.staticRoutes.some((c) => cidrContainsIp(toCidr(c), ip))),
    );
  return carries ? siteBehindVgw(net, vgw.id, ip) : undefined;
}

/** fc00::/7, IPv6 unique local addresses (RFC 4193): never routed on the internet. */
const UNIQUE_LOCAL = toCidr("fc00::/7");

/** DX-04: the CIDRs an allowed prefix is the same as or wider than (a VGW association advertises just these). */
function coveredCidrs(allowed: readonly Cidr[], cidrs: readonly Cidr[]): Cidr[] {
  return cidrs.filter((c) => allowed.some((a) => cidrContainsCidr(a, c)));
}

/** coveredCidrs on text: the VPC CIDRs a VGW association with these allowed prefixes advertises. */
export function advertisedVpcCidrs(
  allowedPrefixes: readonly string[],
  vpcCidrs: readonly string[],
): string[] {
  const parsed = (texts: readonly string[]): Cidr[] =>
    texts.flatMap((text) => {
      const cidr = parseCidr(text);
      return cidr.ok ? [cidr.value] : [];
    });
  return coveredCidrs(parsed(allowedPrefixes), parsed(vpcCidrs)).map((c) => c.text);
}

/**
 * DX-04: what a Direct Connect gateway advertises to on-premises for one association. A transit gateway
 * association advertises exactly its allowed prefixes. A virtual private gateway association advertises the VPC's
 * CIDR, and its allowed prefixes only filter that: a VPC CIDR is advertised when an allowed prefix is the same as
 * or wider than it, and a narrower prefix advertises nothing, not the part of the VPC it names (AWS's example:
 * 10.0.0.0/24 on a 10.0.0.0/16 VPC gives no route). Traffic from on-premises to an address outside what is
 * advertised has no route on the customer side.
 */
export function checkAllowedPrefixes(w: Walk, dxId: string, gatewayId: string, p: Pkt): boolean {
  const dx = w.net.topology.directConnectGateways.find((d) => d.id === dxId);
  const allowed = dx?.associations.find((a) => a.gatewayId === gatewayId)?.allowedPrefixes ?? [];
  if (!dx || allowed.length === 0) return true;
  const vgw = w.net.vgws.get(gatewayId);
  const vpcCidrs = vgw?.vpcId !== undefined ? (w.net.vpcs.get(vgw.vpcId)?.cidrs ?? []) : [];
  const allowedCidrs = allowed.map(toCidr);
  const advertised = vgw ? coveredCidrs(allowedCidrs, vpcCidrs) : allowedCidrs;
  if (advertised.some((c) => cidrContainsIp(c, p.dst))) return true;
  block(w, "RCH_DX_PREFIX_NOT_ALLOWED", dx.id, {
    kind: "allowed-prefixes",
    dxGateway: named(dx),
    gateway: gatewayId,
    associated: vgw ? "virtual-private-gateway" : "transit-gateway",
    allowedPrefixes: [...allowed],
    advertised: advertised.map((c) => c.text),
    vpcCidrs: vpcCidrs.map((c) => c.text),
    address: p.dst.text,
  });
  return false;
}
