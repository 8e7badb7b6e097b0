import type { TopologyInput } from "../topology";
import type { RegionContext } from "./import-vpc-resources";
import { parseAwsServiceName, withName } from "./aws-values";
import { endpointConnections } from "./import-load-balancers";

// The commands added for hybrid, transit and PrivateLink estates: Elastic IPs, VPC DNS
// attributes, DHCP options, AWS service prefix lists, TGW peering attachments, Direct Connect and the
// endpoint services with their load balancers.

type Item<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Interface endpoints of each VPC created with private DNS. AWS only lets PrivateDnsEnabled be true when the VPC
 * has enableDnsSupport and enableDnsHostnames on (EC2 API CreateVpcEndpoint, PrivateDnsEnabled), so such an
 * endpoint is evidence of both when describe-vpc-attribute was not saved (IFE-03).
 */
function privateDnsEndpoints(ctx: RegionContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const ep of ctx.data["describe-vpc-endpoints"]?.VpcEndpoints ?? []) {
    if (ep.PrivateDnsEnabled !== true || ep.VpcId === undefined) continue;
    if (!out.has(ep.VpcId))
      out.set(ep.VpcId, `interface endpoint ${ep.VpcEndpointId} has private DNS enabled, which AWS allows`);
  }
  // aws-rules VPC-05: an instance gets a public DNS name only when the VPC has DNS hostnames (and so DNS support) on.
  const named = (vpcId: string | undefined, who: string, dns: string | undefined) => {
    if (vpcId !== undefined && dns !== undefined && dns !== "" && !out.has(vpcId))
      out.set(vpcId, `${who} has the public DNS name ${dns}, which AWS assigns`);
  };
  for (const r of ctx.data["describe-instances"]?.Reservations ?? [])
    for (const i of r.Instances ?? []) named(i.VpcId, `instance ${i.InstanceId}`, i.PublicDnsName);
  for (const e of ctx.data["describe-network-interfaces"]?.NetworkInterfaces ?? [])
    named(e.VpcId, `network interface ${e.NetworkInterfaceId}`, e.Association?.PublicDnsName);
  return out;
}

/** describe-vpc-attribute: one attribute per output, matched by its VpcId (aws-rules GWE-09, IFE-03). */
export function applyVpcAttributes(ctx: RegionContext, vpcs: Mutable<Item<"vpcs">>[]): void {
  const given = new Map<string, { support: boolean; hostnames: boolean }>();
  for (const output of Object.values(ctx.data["describe-vpc-attribute"] ?? {})) {
    const vpc = vpcs.find((v) => v.id === output.VpcId);
    if (!vpc) continue;
    const seen = given.get(vpc.id) ?? { support: false, hostnames: false };
    given.set(vpc.id, seen);
    if (output.EnableDnsSupport !== undefined) {
      vpc.enableDnsSupport = output.EnableDnsSupport.Value;
      seen.support = true;
    }
    if (output.EnableDnsHostnames !== undefined) {
      vpc.enableDnsHostnames = output.EnableDnsHostnames.Value;
      seen.hostnames = true;
    }
  }
  // An attribute AWS printed wins; one that is missing follows from a private-DNS endpoint in the VPC.
  const evidence = privateDnsEndpoints(ctx);
  const described = new Map((ctx.data["describe-vpcs"]?.Vpcs ?? []).map((v) => [v.VpcId, v]));
  for (const vpc of vpcs) {
    if (!evidence.has(vpc.id)) continue;
    const seen = given.get(vpc.id);
    const raw = described.get(vpc.id);
    if (!seen?.support && raw?.EnableDnsSupport === undefined) vpc.enableDnsSupport = true;
    if (!seen?.hostnames && raw?.EnableDnsHostnames === undefined) vpc.enableDnsHostnames = true;
  }
}

/** What the DNS settings of the VPCs rest on: the attribute output, or AWS's defaults (one line per distinct case). */
export function dnsAssumptions(ctx: RegionContext): string[] {
  const out: string[] = [];
  const vpcs = ctx.data["describe-vpcs"]?.Vpcs ?? [];
  const attributes = Object.values(ctx.data["describe-vpc-attribute"] ?? {});
  const evidence = privateDnsEndpoints(ctx);
  // VPCs that share the same missing attributes are named in one line, so a many-VPC import stays readable.
  const grouped = new Map<string, string[]>();
  for (const vpc of vpcs) {
    const given = attributes.filter((a) => a.VpcId === vpc.VpcId);
    const support = given.some((a) => a.EnableDnsSupport !== undefined) || vpc.EnableDnsSupport !== undefined;
    const hostnames =
      given.some((a) => a.EnableDnsHostnames !== undefined) || vpc.EnableDnsHostnames !== undefined;
    if (support && hostnames) continue;
    const missing = [support ? [] : ["enableDnsSupport"], hostnames ? [] : ["enableDnsHostnames"]].flat();
    const endpoint = evidence.get(vpc.VpcId);
    if (endpoint !== undefined) {
      out.push(
        `${vpc.VpcId}: no describe-vpc-attribute output for ${missing.join(" and ")}; inferred on, because ${endpoint} only when enableDnsSupport and enableDnsHostnames are on`,
      );
      continue;
    }
    const text = [
      support ? [] : ["enableDnsSupport (assumed on)"],
      hostnames ? [] : [`enableDnsHostnames (assumed ${vpc.IsDefault === true ? "on, default VPC" : "off"})`],
    ]
      .flat()
      .join(" and ");
    grouped.set(text, [...(grouped.get(text) ?? []), vpc.VpcId]);
  }
  for (const [text, ids] of grouped)
    out.push(`${ids.join(", ")}: no describe-vpc-attribute output for ${text}`);
  const options = new Map(
    (ctx.data["describe-dhcp-options"]?.DhcpOptions ?? []).map((o) => [o.DhcpOptionsId, o]),
  );
  for (const vpc of vpcs) {
    if (vpc.DhcpOptionsId === undefined || vpc.DhcpOptionsId === "default") continue;
    const set = options.get(vpc.DhcpOptionsId);
    const servers =
      set?.DhcpConfigurations?.find((c) => c.Key === "domain-name-servers")?.Values?.flatMap((v) =>
        v.Value === undefined ? [] : [v.Value],
      ) ?? [];
    if (set !== undefined && servers.length > 0 && !servers.includes("AmazonProvidedDNS")) {
      out.push(
        `${vpc.VpcId} uses its own DNS servers (${servers.join(", ")}, DHCP options ${vpc.DhcpOptionsId}); names are assumed to resolve as the Amazon DNS server would (those servers forward to it)`,
      );
    }
  }
  return out;
}

/**
 * describe-addresses: an Elastic IP associated with an interface's primary private address is its
 * public IP when describe-network-interfaces did not print it (IGW-04).
 */
export function applyAddresses(
  ctx: RegionContext,
  enis: Mutable<Item<"networkInterfaces">>[],
  instances: Mutable<Item<"instances">>[],
): void {
  (ctx.data["describe-addresses"]?.Addresses ?? []).forEach((address, index) => {
    if (address.PublicIp === undefined) return;
    const eni =
      enis.find((e) => e.id === address.NetworkInterfaceId) ??
      enis.find(
        (e) =>
          e.instanceId !== undefined &&
          e.instanceId === address.InstanceId &&
          e.privateIp === address.PrivateIpAddress,
      );
    if (eni) {
      if (address.PrivateIpAddress !== undefined && address.PrivateIpAddress !== eni.privateIp) {
        ctx.warnings.push({
          path: `${ctx.file("describe-addresses")}: Addresses[${index}].PrivateIpAddress`,
          message: `Elastic IP ${address.PublicIp} is on a secondary address of ${eni.id}; only primary public IPs are modelled`,
        });
        return;
      }
      eni.publicIp ??= address.PublicIp;
      return;
    }
    const instance = instances.find((i) => i.id === address.InstanceId);
    if (
      instance &&
      instance.privateIp !== undefined &&
      (address.PrivateIpAddress === undefined || address.PrivateIpAddress === instance.privateIp)
    )
      instance.publicIp ??= address.PublicIp;
  });
}

/** describe-prefix-lists: AWS service lists (com.amazonaws.<region>.s3 / dynamodb) with their CIDRs. */
export function importServicePrefixLists(ctx: RegionContext): {
  prefixLists: Item<"prefixLists">[];
  services: Item<"services">[];
} {
  const prefixLists: Item<"prefixLists">[] = [];
  const services: Item<"services">[] = [];
  for (const list of ctx.data["describe-prefix-lists"]?.PrefixLists ?? []) {
    const name = list.PrefixListName;
    prefixLists.push({
      id: list.PrefixListId,
      ...(name === undefined ? {} : { name }),
      cidrBlocks: list.Cidrs ?? [],
    });
    const service = name === undefined ? null : parseAwsServiceName(name);
    if (service !== null)
      services.push({ service: service.service, region: service.region, prefixListId: list.PrefixListId });
  }
  return { prefixLists, services };
}

/**
 * One list per id from describe-managed-prefix-lists and describe-prefix-lists. A managed list whose entries
 * the output does not show takes the CIDRs describe-prefix-lists printed for the same id; with neither, it
 * is kept empty (it matches nothing) and a warning says which file would fill it in.
 */
export function mergePrefixLists(
  ctx: RegionContext,
  managed: { prefixLists: readonly Item<"prefixLists">[]; entriesUnknown: ReadonlySet<string> },
  service: { prefixLists: readonly Item<"prefixLists">[] },
): Item<"prefixLists">[] {
  const byId = new Map(service.prefixLists.map((l) => [l.id, l]));
  const out: Item<"prefixLists">[] = [];
  managed.prefixLists.forEach((list, index) => {
    if (!managed.entriesUnknown.has(list.id)) return out.push(list);
    const cidrs = byId.get(list.id)?.cidrBlocks ?? [];
    if (cidrs.length > 0) return out.push({ ...list, cidrBlocks: cidrs });
    ctx.warnings.push({
      path: `${ctx.file("describe-managed-prefix-lists")}: PrefixLists[${index}] (${list.id})`,
      message: `its entries are not shown: add ${ctx.file("get-managed-prefix-list-entries").replace(/\.json$/, `.${list.id}.json`)} (aws ec2 get-managed-prefix-list-entries --prefix-list-id ${list.id}); until then the list matches no address`,
    });
    return out.push(list);
  });
  const ids = new Set(out.map((l) => l.id));
  return [...out, ...service.prefixLists.filter((l) => !ids.has(l.id))];
}

const PEERING_STATES: Readonly<Record<string, Item<"transitGatewayAttachments">["state"]>> = {
  initiatingRequest: "pending",
  pendingAcceptance: "pendingAcceptance",
  pending: "pending",
  available: "available",
  modifying: "available",
  rejecting: "rejected",
  rejected: "rejected",
  deleting: "deleting",
  deleted: "deleted",
  failing: "failed",
  failed: "failed",
};

/**
 * describe-transit-gateway-peering-attachments: the side of each peering whose TGW is in this region
 * (aws-rules TGW-12, TGW-13), when describe-transit-gateway-attachments did not list it.
 */
export function importTgwPeeringAttachments(
  ctx: RegionContext,
  listed: ReadonlySet<string>,
): Item<"transitGatewayAttachments">[] {
  const tgws = new Set(
    (ctx.data["describe-transit-gateways"]?.TransitGateways ?? []).map((t) => t.TransitGatewayId),
  );
  const out: Item<"transitGatewayAttachments">[] = [];
  for (const a of ctx.data["describe-transit-gateway-peering-attachments"]
    ?.TransitGatewayPeeringAttachments ?? []) {
    if (listed.has(a.TransitGatewayAttachmentId)) continue;
    const requester = a.RequesterTgwInfo?.TransitGatewayId;
    const accepter = a.AccepterTgwInfo?.TransitGatewayId;
    const mine =
      requester !== undefined && tgws.has(requester)
        ? requester
        : accepter !== undefined && tgws.has(accepter)
          ? accepter
          : requester;
    const peer = mine === requester ? accepter : requester;
    if (mine === undefined) continue;
    out.push({
      id: a.TransitGatewayAttachmentId,
      ...withName(a.Tags),
      transitGatewayId: mine,
      type: "peering",
      ...(peer === undefined ? {} : { peerTransitGatewayId: peer }),
      peerAttachmentId: a.TransitGatewayAttachmentId,
      state: PEERING_STATES[a.State ?? a.Status?.Code ?? "available"] ?? "available",
    });
  }
  return out;
}

const VIF_TYPES = new Set(["private", "transit", "public"]);

/**
 * Direct Connect (aws directconnect …, camelCase): gateways, their VGW/TGW associations with allowed
 * prefixes (DX-02, DX-04) and the private/transit VIFs attached to them with their state (DX-01).
 */
export function importDirectConnect(ctx: RegionContext): Item<"directConnectGateways">[] {
  const gateways = ctx.data["describe-direct-connect-gateways"]?.directConnectGateways ?? [];
  const associations = Object.values(ctx.data["describe-direct-connect-gateway-associations"] ?? {}).flatMap(
    (o) => o.directConnectGatewayAssociations,
  );
  const attachments = Object.values(ctx.data["describe-direct-connect-gateway-attachments"] ?? {}).flatMap(
    (o) => o.directConnectGatewayAttachments,
  );
  const vifs = ctx.data["describe-virtual-interfaces"]?.virtualInterfaces ?? [];
  const ids = new Set([
    ...gateways.filter((g) => g.directConnectGatewayState !== "deleted").map((g) => g.directConnectGatewayId),
    ...associations.map((a) => a.directConnectGatewayId),
    ...vifs.flatMap((v) =>
      v.directConnectGatewayId === undefined || v.directConnectGatewayId === ""
        ? []
        : [v.directConnectGatewayId],
    ),
  ]);
  const out: Item<"directConnectGateways">[] = [];
  for (const id of ids) {
    const gw = gateways.find((g) => g.directConnectGatewayId === id);
    // `updating` (allowed prefixes being changed) keeps the association: "traffic which doesn't use that prefix is
    // not impacted" (Direct Connect User Guide, "Allowed prefixes interactions").
    const inEffect = (a: { associationState?: string | undefined }) =>
      ["associated", "updating"].includes(a.associationState ?? "associated");
    const assoc = associations
      .filter((a) => a.directConnectGatewayId === id && inEffect(a))
      .flatMap((a) => {
        const gatewayId = a.associatedGateway?.id ?? a.virtualGatewayId;
        if (gatewayId === undefined) return [];
        const allowedPrefixes = (a.allowedPrefixesToDirectConnectGateway ?? []).flatMap((p) =>
          p.cidr === undefined || p.cidr.includes(":") ? [] : [p.cidr],
        );
        return [{ gatewayId, allowedPrefixes }];
      });
    // Listed but not in effect (DirectConnectGatewayAssociation.associationState): kept only to be named.
    const inactive = associations
      .filter((a) => a.directConnectGatewayId === id && !inEffect(a))
      .flatMap((a) => {
        const gatewayId = a.associatedGateway?.id ?? a.virtualGatewayId;
        if (gatewayId === undefined) return [];
        return [
          {
            gatewayId,
            ...(a.associationId === undefined ? {} : { id: a.associationId }),
            state: a.associationState ?? "associated",
          },
        ];
      });
    const attachedIds = new Set(
      attachments
        .filter((a) => a.directConnectGatewayId === id && (a.attachmentState ?? "attached") === "attached")
        .map((a) => a.virtualInterfaceId),
    );
    const mine = vifs.filter((v) => v.directConnectGatewayId === id || attachedIds.has(v.virtualInterfaceId));
    const virtualInterfaces = mine.flatMap((v) => {
      const type = v.virtualInterfaceType ?? "private";
      if (!VIF_TYPES.has(type)) return [];
      // A VIF is usable when it is available and (when printed) one of its BGP peers is up.
      const bgpDown = (v.bgpPeers ?? []).length > 0 && !(v.bgpPeers ?? []).some((p) => p.bgpStatus === "up");
      const state =
        v.virtualInterfaceState === "available" && bgpDown
          ? "available, BGP down"
          : (v.virtualInterfaceState ?? "available");
      return [
        {
          id: v.virtualInterfaceId,
          ...(v.virtualInterfaceName === undefined ? {} : { name: v.virtualInterfaceName }),
          type: type as "private" | "transit" | "public",
          state,
        },
      ];
    });
    out.push({
      id,
      ...(gw?.directConnectGatewayName === undefined ? {} : { name: gw.directConnectGatewayName }),
      associations: assoc,
      ...(inactive.length === 0 ? {} : { inactiveAssociations: inactive }),
      ...(mine.length === 0 && vifs.length === 0 ? {} : { virtualInterfaces }),
    });
  }
  return out;
}

/**
 * describe-vpc-endpoint-service-configurations (+ permissions, load balancers): your PrivateLink
 * services, their NLBs and the provider VPC (IFE-07). Gateway Load Balancer services are skipped.
 */
export function importEndpointServices(ctx: RegionContext): Item<"endpointServices">[] {
  const lbs = ctx.data["describe-load-balancers"]?.LoadBalancers ?? [];
  const permissions = ctx.data["describe-vpc-endpoint-service-permissions"] ?? {};
  const out: Item<"endpointServices">[] = [];
  (ctx.data["describe-vpc-endpoint-service-configurations"]?.ServiceConfigurations ?? []).forEach(
    (svc, index) => {
      const nlbs = svc.NetworkLoadBalancerArns ?? [];
      // A Gateway Load Balancer service is read with its load balancer (import-load-balancers.ts, GWLB-01).
      if (nlbs.length === 0 && (svc.GatewayLoadBalancerArns ?? []).length > 0) return;
      if (nlbs.length === 0) {
        ctx.warnings.push({
          path: `${ctx.file("describe-vpc-endpoint-service-configurations")}: ServiceConfigurations[${index}]`,
          message:
            "lists no Network or Gateway Load Balancer (NetworkLoadBalancerArns, GatewayLoadBalancerArns), so nothing serves it; skipped",
        });
        return;
      }
      const vpcId = lbs.find((lb) => nlbs.includes(lb.LoadBalancerArn))?.VpcId;
      const connections = endpointConnections(ctx, svc.ServiceId);
      const principals = (permissions[svc.ServiceId]?.AllowedPrincipals ?? []).flatMap((p) =>
        p.Principal === undefined ? [] : [p.Principal],
      );
      out.push({
        id: svc.ServiceId,
        ...withName(svc.Tags),
        serviceName: svc.ServiceName,
        ...(vpcId === undefined ? {} : { vpcId }),
        networkLoadBalancerArns: nlbs,
        acceptanceRequired: svc.AcceptanceRequired ?? true,
        allowedPrincipals: principals,
        ...(connections === undefined ? {} : { connections }),
      });
    },
  );
  return out;
}
