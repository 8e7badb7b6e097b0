import type { TopologyInput } from "../topology";
import type { AwsTgwAssociation, AwsTgwRoute } from "./aws-shapes-transit";
import type { AwsNetworkInterface } from "./aws-shapes-edge";
import type { RegionContext } from "./import-vpc-resources";
import { withName } from "./aws-values";

// Transit gateways and site-to-site VPN -> topology parts.

type Item<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];

const TGW_STATES: Readonly<Record<string, Item<"transitGateways">["state"]>> = {
  pending: "pending",
  available: "available",
  modifying: "available",
  deleting: "deleting",
  deleted: "deleted",
};

export function importTransitGateways(ctx: RegionContext): Item<"transitGateways">[] {
  return (ctx.data["describe-transit-gateways"]?.TransitGateways ?? []).map((tgw) => ({
    id: tgw.TransitGatewayId,
    ...withName(tgw.Tags),
    region: ctx.region,
    ...(tgw.Options?.AmazonSideAsn === undefined ? {} : { asn: tgw.Options.AmazonSideAsn }),
    ...(tgw.Options?.SecurityGroupReferencingSupport === "enable"
      ? { securityGroupReferencingSupport: true }
      : {}),
    state: TGW_STATES[tgw.State ?? "available"] ?? "available",
  }));
}

const ATTACHMENT_STATES: Readonly<Record<string, Item<"transitGatewayAttachments">["state"]>> = {
  initiating: "pending",
  initiatingRequest: "pending",
  pending: "pending",
  pendingAcceptance: "pendingAcceptance",
  available: "available",
  modifying: "available",
  rejecting: "rejected",
  rejected: "rejected",
  deleting: "deleting",
  deleted: "deleted",
  failing: "failed",
  failed: "failed",
  rollingBack: "failed",
};

const ATTACHMENT_TYPES = new Set(["vpc", "vpn", "direct-connect-gateway", "peering"]);

/**
 * Attachment subnets (aws-rules TGW-09) come from describe-transit-gateway-vpc-attachments; without
 * that file, from the attachment ENIs (InterfaceType transit_gateway, whose description names the
 * attachment).
 */
export function importTransitGatewayAttachments(
  ctx: RegionContext,
  enis: readonly AwsNetworkInterface[],
): Item<"transitGatewayAttachments">[] {
  const vpcAttachments = new Map(
    (ctx.data["describe-transit-gateway-vpc-attachments"]?.TransitGatewayVpcAttachments ?? []).map((a) => [
      a.TransitGatewayAttachmentId,
      a,
    ]),
  );
  const out: Item<"transitGatewayAttachments">[] = [];
  (ctx.data["describe-transit-gateway-attachments"]?.TransitGatewayAttachments ?? []).forEach((a, index) => {
    const type = a.ResourceType === "tgw-peering" ? "peering" : a.ResourceType;
    if (!ATTACHMENT_TYPES.has(type)) {
      ctx.warnings.push({
        path: `${ctx.file("describe-transit-gateway-attachments")}: TransitGatewayAttachments[${index}]`,
        message: `${a.ResourceType} attachments are not modelled; skipped`,
      });
      return;
    }
    const vpc = vpcAttachments.get(a.TransitGatewayAttachmentId);
    const subnetIds =
      vpc?.SubnetIds ??
      enis
        .filter(
          (e) =>
            e.InterfaceType === "transit_gateway" &&
            e.Description?.includes(a.TransitGatewayAttachmentId) === true &&
            e.SubnetId !== undefined,
        )
        .map((e) => e.SubnetId as string);
    const resource = a.ResourceId;
    const link =
      resource === undefined
        ? {}
        : type === "vpc"
          ? { vpcId: resource }
          : type === "vpn"
            ? { vpnConnectionId: resource }
            : type === "direct-connect-gateway"
              ? { directConnectGatewayId: resource }
              : // aws-rules TGW-13 / Batfish: both ends of a TGW peering share one attachment id.
                { peerTransitGatewayId: resource, peerAttachmentId: a.TransitGatewayAttachmentId };
    out.push({
      id: a.TransitGatewayAttachmentId,
      ...withName(a.Tags),
      transitGatewayId: a.TransitGatewayId,
      type: type as Item<"transitGatewayAttachments">["type"],
      ...link,
      subnetIds: type === "vpc" ? subnetIds : [],
      applianceMode: vpc?.Options?.ApplianceModeSupport === "enable",
      ...(vpc?.Options?.SecurityGroupReferencingSupport === "disable"
        ? { securityGroupReferencingSupport: false }
        : {}),
      ...(vpc?.Options?.Ipv6Support === "disable" ? { ipv6Support: false } : {}),
      state: ATTACHMENT_STATES[a.State ?? "available"] ?? "available",
    });
  });
  return out;
}

const unique = (values: string[]): string[] => [...new Set(values)];

/**
 * Associations, propagations and routes of each table, read either embedded in the table object
 * (keys Associations / TransitGatewayRouteTablePropagations / Routes) or from the per-table files.
 * Only static routes are copied: propagated ones follow from `propagations` (aws-rules TGW-05).
 */
export function importTransitGatewayRouteTables(ctx: RegionContext): Item<"transitGatewayRouteTables">[] {
  const routeFiles = ctx.data["search-transit-gateway-routes"] ?? {};
  const assocFiles = ctx.data["get-transit-gateway-route-table-associations"] ?? {};
  const propFiles = ctx.data["get-transit-gateway-route-table-propagations"] ?? {};
  const attachments = ctx.data["describe-transit-gateway-attachments"]?.TransitGatewayAttachments ?? [];
  const live = (a: AwsTgwAssociation, state: string) => a.State === undefined || a.State === state;
  return (ctx.data["describe-transit-gateway-route-tables"]?.TransitGatewayRouteTables ?? []).map(
    (table, tableIndex) => {
      const id = table.TransitGatewayRouteTableId;
      const associations = unique([
        ...[...(table.Associations ?? []), ...(assocFiles[id]?.Associations ?? [])]
          .filter((a) => live(a, "associated"))
          .map((a) => a.TransitGatewayAttachmentId),
        ...attachments
          .filter(
            (a) =>
              a.Association?.TransitGatewayRouteTableId === id &&
              (a.Association.State ?? "associated") === "associated",
          )
          .map((a) => a.TransitGatewayAttachmentId),
      ]);
      const allRoutes: AwsTgwRoute[] = [...(table.Routes ?? []), ...(routeFiles[id]?.Routes ?? [])];
      // Without get-transit-gateway-route-table-propagations, a propagated route shows which attachment
      // propagates into the table (aws-rules TGW-05).
      const propagationsKnown =
        table.TransitGatewayRouteTablePropagations !== undefined || propFiles[id] !== undefined;
      const propagations = unique(
        propagationsKnown
          ? [
              ...(table.TransitGatewayRouteTablePropagations ?? []),
              ...(propFiles[id]?.TransitGatewayRouteTablePropagations ?? []),
            ]
              .filter((p) => live(p, "enabled"))
              .map((p) => p.TransitGatewayAttachmentId)
          : allRoutes.flatMap((r) =>
              r.Type === "propagated"
                ? (r.TransitGatewayAttachments ?? []).map((a) => a.TransitGatewayAttachmentId)
                : [],
            ),
      );
      const routes: Item<"transitGatewayRouteTables">["routes"] = [];
      const seen = new Set<string>();
      allRoutes.forEach((route, routeIndex) => {
        if ((route.Type ?? "static") !== "static") return;
        if (route.DestinationCidrBlock === undefined) {
          ctx.warnings.push({
            path: `${ctx.file("search-transit-gateway-routes")}: ${id}.Routes[${routeIndex}] (table ${tableIndex})`,
            message: "prefix-list TGW routes are not modelled; skipped",
          });
          return;
        }
        if (seen.has(route.DestinationCidrBlock)) return;
        seen.add(route.DestinationCidrBlock);
        const attachmentId = route.TransitGatewayAttachments?.[0]?.TransitGatewayAttachmentId;
        const blackhole = route.State === "blackhole" || attachmentId === undefined;
        routes.push({
          destination: route.DestinationCidrBlock,
          ...(attachmentId === undefined || blackhole ? {} : { attachmentId }),
          blackhole,
        });
      });
      return {
        id,
        ...withName(table.Tags),
        transitGatewayId: table.TransitGatewayId,
        associations,
        propagations,
        routes,
      };
    },
  );
}

export function importVpnGateways(ctx: RegionContext): Item<"vpnGateways">[] {
  return (ctx.data["describe-vpn-gateways"]?.VpnGateways ?? []).map((vgw) => {
    const vpcId = vgw.VpcAttachments?.find((a) => a.State === undefined || a.State === "attached")?.VpcId;
    return {
      id: vgw.VpnGatewayId,
      ...withName(vgw.Tags),
      ...(vpcId === undefined ? {} : { vpcId }),
      ...(vgw.AmazonSideAsn === undefined ? {} : { asn: vgw.AmazonSideAsn }),
    };
  });
}

export function importCustomerGateways(ctx: RegionContext): Item<"customerGateways">[] {
  const out: Item<"customerGateways">[] = [];
  (ctx.data["describe-customer-gateways"]?.CustomerGateways ?? []).forEach((cgw, index) => {
    if (cgw.IpAddress === undefined) {
      ctx.warnings.push({
        path: `${ctx.file("describe-customer-gateways")}: CustomerGateways[${index}]`,
        message: "no IpAddress; skipped",
      });
      return;
    }
    const asn = cgw.BgpAsn === undefined || !/^\d+$/.test(cgw.BgpAsn) ? {} : { asn: Number(cgw.BgpAsn) };
    out.push({ id: cgw.CustomerGatewayId, ...withName(cgw.Tags), ipAddress: cgw.IpAddress, ...asn });
  });
  return out;
}

const VPN_STATES: Readonly<Record<string, Item<"vpnConnections">["state"]>> = {
  pending: "pending",
  available: "available",
  deleting: "deleting",
  deleted: "deleted",
};

export function importVpnConnections(ctx: RegionContext): Item<"vpnConnections">[] {
  return (ctx.data["describe-vpn-connections"]?.VpnConnections ?? []).map((vpn) => ({
    id: vpn.VpnConnectionId,
    ...withName(vpn.Tags),
    customerGatewayId: vpn.CustomerGatewayId,
    ...(vpn.VpnGatewayId === undefined ? {} : { vpnGatewayId: vpn.VpnGatewayId }),
    ...(vpn.TransitGatewayId === undefined ? {} : { transitGatewayId: vpn.TransitGatewayId }),
    routing: vpn.Options?.StaticRoutesOnly === true ? "static" : "bgp",
    staticRoutes: (vpn.Routes ?? [])
      .filter((r) => r.State === undefined || r.State === "available")
      .map((r) => r.DestinationCidrBlock),
    // aws-rules VPN-02: a connection has two tunnels; VgwTelemetry says which are UP.
    ...(vpn.VgwTelemetry === undefined || vpn.VgwTelemetry.length === 0
      ? {}
      : {
          tunnels: vpn.VgwTelemetry.map((t) => ({
            ...(t.OutsideIpAddress === undefined ? {} : { outsideIp: t.OutsideIpAddress }),
            status: t.Status === "UP" ? ("UP" as const) : ("DOWN" as const),
          })),
        }),
    state: VPN_STATES[vpn.State ?? "available"] ?? "available",
  }));
}
