import type { TopologyInput } from "../topology";
import type { AwsTgwRoute } from "./aws-shapes-transit";
import type { RegionContext } from "./import-vpc-resources";

// On-premises networks from what AWS output shows: a VPN's static routes (VPN-04), the
// routes VPC route tables send to a virtual private gateway (static, or propagated from BGP: VPN-05),
// and the routes transit gateway route tables send to a VPN or Direct Connect gateway attachment
// (TGW-05). What BGP learned but no route table shows stays unknown: the model then assumes
// on-premises behind the gateway (lib/net/on-premises.ts) and the import says so.

type Item<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];
type Lists = {
  vpnConnections: readonly Item<"vpnConnections">[];
  customerGateways: readonly Item<"customerGateways">[];
  directConnectGateways: readonly Item<"directConnectGateways">[];
};

type Site = {
  id: string;
  name: string;
  cidrs: Set<string>;
  customerGatewayIds: string[];
  directConnectGatewayIds: string[];
};

/** The default route says nothing about which networks are on-premises; it is left to the assumption. */
const isDefault = (cidr: string): boolean => cidr === "0.0.0.0/0";

export function deriveOnPremises(
  contexts: readonly RegionContext[],
  lists: Lists,
): { sites: Item<"onPremisesNetworks">[]; assumptions: string[] } {
  const sites = new Map<string, Site>();
  const site = (id: string, name: string, cgws: string[], dxgws: string[]): Site => {
    let s = sites.get(id);
    if (!s)
      sites.set(
        id,
        (s = { id, name, cidrs: new Set(), customerGatewayIds: cgws, directConnectGatewayIds: dxgws }),
      );
    return s;
  };
  const cgwName = (id: string) => lists.customerGateways.find((c) => c.id === id)?.name ?? id;
  const cgwSite = (cgw: string) => site(`onprem-${cgw}`, `${cgwName(cgw)} network`, [cgw], []);
  const dxSite = (dx: string) =>
    site(
      `onprem-${dx}`,
      `${lists.directConnectGateways.find((d) => d.id === dx)?.name ?? dx} network`,
      [],
      [dx],
    );
  const ecmpSite = (cgws: string[]): Site =>
    cgws.length === 1
      ? cgwSite(cgws[0] as string)
      : site(`onprem-${cgws.join("+")}`, `${cgws.map(cgwName).join(" + ")} network`, cgws, []);
  // VPN-04: static routes of a connection are the customer side.
  for (const vpn of lists.vpnConnections)
    for (const cidr of vpn.staticRoutes ?? []) cgwSite(vpn.customerGatewayId).cidrs.add(cidr);
  const vgwSite = (vgw: string): Site => {
    const cgws = [
      ...new Set(lists.vpnConnections.filter((v) => v.vpnGatewayId === vgw).map((v) => v.customerGatewayId)),
    ];
    const dxgws = lists.directConnectGateways
      .filter((d) => d.associations?.some((a) => a.gatewayId === vgw))
      .map((d) => d.id);
    if (cgws.length === 1 && dxgws.length === 0) return cgwSite(cgws[0] as string);
    if (cgws.length === 0 && dxgws.length === 1) return dxSite(dxgws[0] as string);
    return site(`onprem-${vgw}`, `on-premises behind ${vgw}`, cgws, dxgws);
  };
  for (const ctx of contexts) {
    for (const table of ctx.data["describe-route-tables"]?.RouteTables ?? []) {
      for (const route of table.Routes ?? []) {
        const cidr = route.DestinationCidrBlock;
        if (cidr === undefined || isDefault(cidr) || route.GatewayId?.startsWith("vgw-") !== true) continue;
        if (route.State === "blackhole") continue;
        // A prefix a VPN of this VGW already names (its static routes) stays with that connection's site.
        const vgwId = route.GatewayId;
        const cgws = lists.vpnConnections
          .filter((v) => v.vpnGatewayId === vgwId)
          .map((v) => v.customerGatewayId);
        if (cgws.some((c) => sites.get(`onprem-${c}`)?.cidrs.has(cidr) === true)) continue;
        vgwSite(vgwId).cidrs.add(cidr);
      }
    }
    const attachments = new Map(
      (ctx.data["describe-transit-gateway-attachments"]?.TransitGatewayAttachments ?? []).map((a) => [
        a.TransitGatewayAttachmentId,
        a,
      ]),
    );
    const routeFiles = ctx.data["search-transit-gateway-routes"] ?? {};
    for (const table of ctx.data["describe-transit-gateway-route-tables"]?.TransitGatewayRouteTables ?? []) {
      const routes: AwsTgwRoute[] = [
        ...(table.Routes ?? []),
        ...(routeFiles[table.TransitGatewayRouteTableId]?.Routes ?? []),
      ];
      for (const route of routes) {
        const cidr = route.DestinationCidrBlock;
        if (cidr === undefined || cidr.includes(":") || isDefault(cidr) || route.State === "blackhole")
          continue;
        // An ECMP route (several VPN attachments advertising the same prefix, TGW-15) lists every attachment
        // that carries it: the prefix is one network reachable through each of those connections.
        const cgws = new Set<string>();
        for (const listed of route.TransitGatewayAttachments ?? []) {
          const att = attachments.get(listed.TransitGatewayAttachmentId);
          if (att?.ResourceId === undefined) continue;
          if (att.ResourceType === "vpn") {
            const vpn = lists.vpnConnections.find((v) => v.id === att.ResourceId);
            if (vpn) cgws.add(vpn.customerGatewayId);
          } else if (att.ResourceType === "direct-connect-gateway") {
            dxSite(att.ResourceId).cidrs.add(cidr);
          }
        }
        if (cgws.size > 0) ecmpSite([...cgws].sort()).cidrs.add(cidr);
      }
    }
  }
  const out: Item<"onPremisesNetworks">[] = [];
  for (const s of sites.values()) {
    if (s.cidrs.size === 0) continue;
    out.push({
      id: s.id,
      name: s.name,
      cidrBlocks: [...s.cidrs],
      customerGatewayIds: s.customerGatewayIds,
      directConnectGatewayIds: s.directConnectGatewayIds,
    });
  }
  return { sites: out, assumptions: gatewayAssumptions(lists, out) };
}

/** Which gateways lead to networks AWS output cannot list (BGP), stated once per gateway. */
function gatewayAssumptions(lists: Lists, sites: readonly Item<"onPremisesNetworks">[]): string[] {
  const out: string[] = [];
  const known = (pred: (s: Item<"onPremisesNetworks">) => boolean) =>
    sites.filter(pred).flatMap((s) => s.cidrBlocks);
  for (const vpn of lists.vpnConnections) {
    if (vpn.routing !== "bgp") continue;
    // Tunnel status is a fact AWS shows (VgwTelemetry), not an assumption: a DOWN VPN is reported as a blocker.
    const gateway = vpn.vpnGatewayId ?? vpn.transitGatewayId ?? "its gateway";
    const cidrs = known((s) => s.customerGatewayIds?.includes(vpn.customerGatewayId) === true);
    out.push(
      `${vpn.id} (BGP): on-premises prefixes known from route tables: ${cidrs.length === 0 ? "none" : cidrs.join(", ")}; other destinations routed to ${gateway} are assumed on-premises behind it`,
    );
  }
  for (const dx of lists.directConnectGateways) {
    const cidrs = known((s) => s.directConnectGatewayIds?.includes(dx.id) === true);
    const vifs =
      dx.virtualInterfaces === undefined
        ? "virtual interfaces not listed (assumed available)"
        : dx.virtualInterfaces.map((v) => `${v.id} ${v.type} ${v.state}`).join(", ") ||
          "no virtual interfaces";
    out.push(
      `${dx.id} (Direct Connect gateway; ${vifs}): on-premises prefixes known from route tables: ${cidrs.length === 0 ? "none" : cidrs.join(", ")}; other destinations routed to it are assumed on-premises`,
    );
  }
  return out;
}
