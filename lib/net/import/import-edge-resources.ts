import type { TopologyInput } from "../topology";
import type { AwsNetworkInterface } from "./aws-shapes-edge";
import { primaryEniIdFor } from "../network";
import type { RegionContext } from "./import-vpc-resources";
import { parseAwsServiceName, unixSeconds, withName } from "./aws-values";

// Gateways, interfaces, instances, endpoints, prefix lists and peerings -> topology parts.

type Item<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];

const attachedVpc = (
  attachments: { State?: string | undefined; VpcId: string }[] | undefined,
): string | undefined =>
  // describe-internet-gateways prints "available" for an attached gateway, the others "attached".
  attachments?.find((a) => a.State === undefined || a.State === "available" || a.State === "attached")?.VpcId;

export function importInternetGateways(ctx: RegionContext): Item<"internetGateways">[] {
  return (ctx.data["describe-internet-gateways"]?.InternetGateways ?? []).map((igw) => {
    const vpcId = attachedVpc(igw.Attachments);
    return { id: igw.InternetGatewayId, ...withName(igw.Tags), ...(vpcId === undefined ? {} : { vpcId }) };
  });
}

export function importEgressOnlyInternetGateways(ctx: RegionContext): Item<"egressOnlyInternetGateways">[] {
  const out: Item<"egressOnlyInternetGateways">[] = [];
  for (const eigw of ctx.data["describe-egress-only-internet-gateways"]?.EgressOnlyInternetGateways ?? []) {
    const vpcId = attachedVpc(eigw.Attachments);
    if (vpcId !== undefined)
      out.push({ id: eigw.EgressOnlyInternetGatewayId, ...withName(eigw.Tags), vpcId });
  }
  return out;
}

const NAT_STATES = new Set(["pending", "available", "failed", "deleting", "deleted"]);

/** Zonal NAT gateways listed with no private address (failed, deleted): kept by id so a query can name them. */
export function importUnavailableNatGateways(
  ctx: RegionContext,
): NonNullable<TopologyInput["unavailableNatGateways"]> {
  return (ctx.data["describe-nat-gateways"]?.NatGateways ?? []).flatMap((nat) =>
    nat.AvailabilityMode === "regional" ||
    (nat.NatGatewayAddresses ?? []).some((a) => a.PrivateIp !== undefined)
      ? []
      : [
          {
            id: nat.NatGatewayId,
            ...withName(nat.Tags),
            ...(nat.SubnetId === undefined ? {} : { subnetId: nat.SubnetId }),
            state: nat.State ?? "failed",
          },
        ],
  );
}

export function importNatGateways(ctx: RegionContext): Item<"natGateways">[] {
  const out: Item<"natGateways">[] = [];
  (ctx.data["describe-nat-gateways"]?.NatGateways ?? []).forEach((nat, index) => {
    if (nat.AvailabilityMode === "regional") return; // importRegionalNatGateways
    if (nat.SubnetId === undefined) {
      ctx.warnings.push({
        path: `${ctx.file("describe-nat-gateways")}: NatGateways[${index}].SubnetId`,
        message: "a zonal NAT gateway without a subnet; skipped",
      });
      return;
    }
    const primary =
      nat.NatGatewayAddresses?.find((a) => a.IsPrimary !== false) ?? nat.NatGatewayAddresses?.[0];
    if (primary?.PrivateIp === undefined) {
      ctx.warnings.push({
        path: `${ctx.file("describe-nat-gateways")}: NatGateways[${index}]`,
        message:
          "no private IP (failed or deleted gateway): routes to it are blackholes, and as --to it is blocked",
      });
      return;
    }
    out.push({
      id: nat.NatGatewayId,
      ...withName(nat.Tags),
      subnetId: nat.SubnetId,
      connectivity: nat.ConnectivityType === "private" ? "private" : "public",
      privateIp: primary.PrivateIp,
      ...(primary.NetworkInterfaceId === undefined ? {} : { networkInterfaceId: primary.NetworkInterfaceId }),
      ...(primary.PublicIp === undefined ? {} : { publicIp: primary.PublicIp }),
      state: NAT_STATES.has(nat.State ?? "available")
        ? ((nat.State as Item<"natGateways">["state"]) ?? "available")
        : "available",
    });
  });
  return out;
}

/**
 * aws-rules NAT-07: NAT gateways with AvailabilityMode "regional": the VPC, the route table AWS created for
 * the gateway and the Elastic IP of each zone (NatGatewayAddresses[].AvailabilityZone; addresses being
 * removed are left out). A gateway that is not public, or has no VPC, is skipped with a warning.
 */
export function importRegionalNatGateways(ctx: RegionContext): Item<"regionalNatGateways">[] {
  const out: Item<"regionalNatGateways">[] = [];
  (ctx.data["describe-nat-gateways"]?.NatGateways ?? []).forEach((nat, index) => {
    if (nat.AvailabilityMode !== "regional") return;
    const path = `${ctx.file("describe-nat-gateways")}: NatGateways[${index}]`;
    if (nat.VpcId === undefined || nat.ConnectivityType === "private") {
      ctx.warnings.push({
        path,
        message:
          nat.VpcId === undefined
            ? "a regional NAT gateway without VpcId; skipped"
            : "a private regional NAT gateway: AWS documents regional NAT gateways with Elastic IPs only; skipped",
      });
      return;
    }
    const addresses = (nat.NatGatewayAddresses ?? []).flatMap((a) =>
      a.AvailabilityZone === undefined ||
      a.PublicIp === undefined ||
      a.Status === "disassociating" ||
      a.Status === "unassigning" ||
      a.Status === "failed"
        ? []
        : [
            {
              availabilityZone: a.AvailabilityZone,
              publicIp: a.PublicIp,
              ...(a.PrivateIp === undefined ? {} : { privateIp: a.PrivateIp }),
            },
          ],
    );
    out.push({
      id: nat.NatGatewayId,
      ...withName(nat.Tags),
      vpcId: nat.VpcId,
      ...(nat.RouteTableId === undefined ? {} : { routeTableId: nat.RouteTableId }),
      autoProvisionZones: nat.AutoProvisionZones !== "disabled",
      addresses,
      state: NAT_STATES.has(nat.State ?? "available")
        ? ((nat.State as Item<"regionalNatGateways">["state"]) ?? "available")
        : "available",
    });
  });
  return out;
}

/** ENIs that belong to a resource the topology models itself (NAT gateway, endpoint, TGW attachment). */
const MANAGED_INTERFACE_TYPES = new Set([
  "nat_gateway",
  "vpc_endpoint",
  "gateway_load_balancer_endpoint",
  "transit_gateway",
  // A Network Load Balancer's node: modelled by the load balancer (describe-load-balancers).
  "network_load_balancer",
]);

/**
 * ENIs a VPC endpoint names in its NetworkInterfaceIds: the endpoint's own interfaces, whatever their InterfaceType
 * says. Older interface endpoints print InterfaceType "interface" (the EC2 User Guide's requester-managed sample
 * lists both "interface" and "vpc_endpoint" for "VPC Endpoint Interface vpce-…"), so the type alone misses them.
 */
export function endpointInterfaceIds(ctx: RegionContext): Set<string> {
  return new Set(
    (ctx.data["describe-vpc-endpoints"]?.VpcEndpoints ?? []).flatMap((ep) => ep.NetworkInterfaceIds ?? []),
  );
}

export function importNetworkInterfaces(ctx: RegionContext): Item<"networkInterfaces">[] {
  const out: Item<"networkInterfaces">[] = [];
  const ofEndpoints = endpointInterfaceIds(ctx);
  (ctx.data["describe-network-interfaces"]?.NetworkInterfaces ?? []).forEach((eni, index) => {
    if (MANAGED_INTERFACE_TYPES.has(eni.InterfaceType ?? "interface")) return;
    // The endpoint models its interfaces itself (interfaceEndpoints[].networkInterfaces).
    if (ofEndpoints.has(eni.NetworkInterfaceId)) return;
    // An interface in an IPv6-only subnet has no private IPv4 address: its first IPv6 address is primary.
    const primaryIp = eni.PrivateIpAddress ?? eni.Ipv6Addresses?.[0]?.Ipv6Address;
    if (eni.SubnetId === undefined || primaryIp === undefined) {
      ctx.warnings.push({
        path: `${ctx.file("describe-network-interfaces")}: NetworkInterfaces[${index}]`,
        message: "no subnet or private IP; skipped",
      });
      return;
    }
    out.push(eniFromAws(eni, eni.SubnetId, primaryIp));
  });
  return out;
}

function eniFromAws(eni: EniFields, subnetId: string, privateIp: string): Item<"networkInterfaces"> {
  const publicIp = eni.Association?.PublicIp;
  const instanceId = eni.Attachment?.InstanceId;
  return {
    id: eni.NetworkInterfaceId,
    ...withName(eni.TagSet),
    subnetId,
    privateIp,
    secondaryPrivateIps: (eni.PrivateIpAddresses ?? [])
      .filter((a) => a.Primary !== true && a.PrivateIpAddress !== privateIp)
      .map((a) => a.PrivateIpAddress),
    ...(publicIp === undefined ? {} : { publicIp }),
    ipv6Addresses: (eni.Ipv6Addresses ?? []).map((a) => a.Ipv6Address).filter((a) => a !== privateIp),
    securityGroupIds: (eni.Groups ?? []).map((g) => g.GroupId),
    sourceDestCheck: eni.SourceDestCheck ?? true,
    ...(instanceId === undefined ? {} : { instanceId }),
  };
}

/** What an ENI record and an instance's interface entry have in common. */
type EniFields = Pick<
  AwsNetworkInterface,
  "NetworkInterfaceId" | "PrivateIpAddresses" | "Association" | "Ipv6Addresses" | "Groups" | "SourceDestCheck"
> & {
  TagSet?: AwsNetworkInterface["TagSet"];
  Attachment?: { InstanceId?: string | undefined } | undefined;
};

const INSTANCE_STATES: Readonly<Record<string, Item<"instances">["state"]>> = {
  pending: "pending",
  running: "running",
  stopping: "stopping",
  stopped: "stopped",
  "shutting-down": "stopping",
  terminated: "terminated",
};

/**
 * An instance's interfaces, best source first: the ENIs in describe-network-interfaces (so flow logs
 * name the real ENI ids); else the interfaces describe-instances lists, as ENIs; else (no interface
 * listed, or only the primary one under the id the model derives, eni-<suffix>) inline fields.
 */
export function importInstances(
  ctx: RegionContext,
  eniIds: ReadonlySet<string>,
): { instances: Item<"instances">[]; networkInterfaces: Item<"networkInterfaces">[] } {
  const instances: Item<"instances">[] = [];
  const networkInterfaces: Item<"networkInterfaces">[] = [];
  for (const reservation of ctx.data["describe-instances"]?.Reservations ?? []) {
    for (const instance of reservation.Instances ?? []) {
      const listed = [...(instance.NetworkInterfaces ?? [])].sort(
        (a, b) => (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0),
      );
      const base = {
        id: instance.InstanceId,
        ...withName(instance.Tags),
        state: INSTANCE_STATES[instance.State?.Name ?? "running"] ?? "running",
      };
      const known = listed.filter((n) => eniIds.has(n.NetworkInterfaceId)).map((n) => n.NetworkInterfaceId);
      if (known.length > 0) {
        instances.push({ ...base, networkInterfaceIds: known });
        continue;
      }
      const primary = listed[0];
      const derivedOnly =
        listed.length === 1 && primary?.NetworkInterfaceId === primaryEniIdFor(instance.InstanceId);
      const primaryIpOf = (n: (typeof listed)[number]) =>
        n.PrivateIpAddress ?? n.Ipv6Addresses?.[0]?.Ipv6Address; // IPv6-only: first IPv6
      const usable = listed.filter((n) => n.SubnetId !== undefined && primaryIpOf(n) !== undefined);
      if (!derivedOnly && usable.length > 0 && usable.length === listed.length) {
        for (const n of usable) {
          networkInterfaces.push(
            eniFromAws(
              { ...n, Attachment: { InstanceId: instance.InstanceId } },
              n.SubnetId as string,
              primaryIpOf(n) as string,
            ),
          );
        }
        instances.push({ ...base, networkInterfaceIds: usable.map((n) => n.NetworkInterfaceId) });
        continue;
      }
      instances.push({
        ...base,
        ...(instance.SubnetId === undefined ? {} : { subnetId: instance.SubnetId }),
        ...(instance.PrivateIpAddress === undefined && primary?.Ipv6Addresses?.[0] === undefined
          ? {}
          : { privateIp: instance.PrivateIpAddress ?? primary?.Ipv6Addresses?.[0]?.Ipv6Address }),
        ...(instance.PublicIpAddress === undefined ? {} : { publicIp: instance.PublicIpAddress }),
        ipv6Addresses: (primary?.Ipv6Addresses ?? [])
          .map((a) => a.Ipv6Address)
          .filter((a) => a !== (instance.PrivateIpAddress ?? primary?.Ipv6Addresses?.[0]?.Ipv6Address)),
        securityGroupIds: (instance.SecurityGroups ?? []).map((g) => g.GroupId),
        sourceDestCheck: instance.SourceDestCheck ?? true,
      });
    }
  }
  return { instances, networkInterfaces };
}

type PolicyStatement = {
  Effect?: string;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
  NotAction?: unknown;
  NotResource?: unknown;
  NotPrincipal?: unknown;
};

/** "*", ["*"] or {"AWS": "*"}: the statement does not narrow this element. */
function isEverything(value: unknown): boolean {
  if (value === "*") return true;
  if (Array.isArray(value)) return value.includes("*");
  return typeof value === "object" && value !== null && isEverything((value as { AWS?: unknown }).AWS);
}

/** An Allow for every principal, action and resource, without conditions (the default full-access policy). */
const grantsEverything = (s: PolicyStatement): boolean =>
  s.Effect === "Allow" &&
  (s.Principal === undefined || isEverything(s.Principal)) &&
  isEverything(s.Action) &&
  (s.Resource === undefined || isEverything(s.Resource)) &&
  s.Condition === undefined &&
  s.NotAction === undefined &&
  s.NotResource === undefined &&
  s.NotPrincipal === undefined;

/**
 * aws-rules GWE-08: the endpoint policy, reduced to allow-all / deny-all. `narrowed`: it allows something but not
 * everything (some actions, resources, principals, conditions, or a Deny), which the reduction treats as allow-all.
 */
function policyFromDocument(document: string | undefined): {
  policy: "allow-all" | "deny-all";
  narrowed: boolean;
} {
  if (document === undefined) return { policy: "allow-all", narrowed: false };
  try {
    const parsed = JSON.parse(document) as { Statement?: PolicyStatement[] | PolicyStatement };
    const statements = Array.isArray(parsed.Statement)
      ? parsed.Statement
      : parsed.Statement === undefined
        ? []
        : [parsed.Statement];
    if (!statements.some((s) => s.Effect === "Allow")) return { policy: "deny-all", narrowed: false };
    const full = statements.some(grantsEverything) && !statements.some((s) => s.Effect === "Deny");
    return { policy: "allow-all", narrowed: !full };
  } catch {
    return { policy: "allow-all", narrowed: false };
  }
}

const ENDPOINT_STATES: Readonly<Record<string, Item<"interfaceEndpoints">["state"]>> = {
  pendingacceptance: "pendingAcceptance",
  pending: "pending",
  available: "available",
  rejected: "rejected",
  failed: "failed",
  deleting: "deleting",
  deleted: "deleted",
  expired: "expired",
};

const DNS_RECORD_IP_TYPES: ReadonlySet<string> = new Set(["ipv4", "dualstack", "ipv6", "service-defined"]);

export function importEndpoints(
  ctx: RegionContext,
  enis: ReadonlyMap<string, AwsNetworkInterface>,
): {
  gateway: Item<"gatewayEndpoints">[];
  interface: Item<"interfaceEndpoints">[];
  gatewayLoadBalancer: Item<"gatewayLoadBalancerEndpoints">[];
  /** What the import assumed about these endpoints (a narrowed policy read as allow-all). */
  assumptions: string[];
} {
  const assumptions: string[] = [];
  const gatewayLoadBalancer: Item<"gatewayLoadBalancerEndpoints">[] = [];
  const gateway: Item<"gatewayEndpoints">[] = [];
  const iface: Item<"interfaceEndpoints">[] = [];
  (ctx.data["describe-vpc-endpoints"]?.VpcEndpoints ?? []).forEach((ep, index) => {
    const where = `${ctx.file("describe-vpc-endpoints")}: VpcEndpoints[${index}]`;
    if (ep.VpcId === undefined) return;
    const type = ep.VpcEndpointType ?? "Gateway";
    if (type === "Gateway") {
      const parsed = parseAwsServiceName(ep.ServiceName);
      if (parsed === null || (parsed.service !== "s3" && parsed.service !== "dynamodb")) {
        ctx.warnings.push({
          path: where,
          message: `gateway endpoint for "${ep.ServiceName}" not supported; skipped`,
        });
        return;
      }
      const policy = policyFromDocument(ep.PolicyDocument);
      gateway.push({
        id: ep.VpcEndpointId,
        ...withName(ep.Tags),
        vpcId: ep.VpcId,
        service: parsed.service,
        region: parsed.region,
        routeTableIds: ep.RouteTableIds ?? [],
        policy: policy.policy,
      });
      if (policy.narrowed)
        assumptions.push(
          `${ep.VpcEndpointId}: its endpoint policy allows only some requests (actions, resources, principals or conditions); the model reduces a policy to allow-all or deny-all (GWE-08), so traffic through it is treated as allowed`,
        );
      return;
    }
    if (type === "GatewayLoadBalancer") {
      // aws-rules GWLB-01: one subnet, one requester-managed interface.
      const subnetId = ep.SubnetIds?.[0];
      if (subnetId === undefined) {
        ctx.warnings.push({
          path: where,
          message: "Gateway Load Balancer endpoint without a subnet; skipped",
        });
        return;
      }
      const eniId = ep.NetworkInterfaceIds?.[0];
      const privateIp = eniId !== undefined ? enis.get(eniId)?.PrivateIpAddress : undefined;
      gatewayLoadBalancer.push({
        id: ep.VpcEndpointId,
        ...withName(ep.Tags),
        vpcId: ep.VpcId,
        subnetId,
        serviceName: ep.ServiceName,
        ...(eniId === undefined ? {} : { networkInterfaceId: eniId }),
        ...(privateIp === undefined ? {} : { privateIp }),
        state: ENDPOINT_STATES[(ep.State ?? "available").toLowerCase()] ?? "available",
      });
      return;
    }
    if (type !== "Interface") {
      ctx.warnings.push({ path: where, message: `${type} endpoints are out of scope; skipped` });
      return;
    }
    const networkInterfaces: Item<"interfaceEndpoints">["networkInterfaces"] = [];
    for (const id of ep.NetworkInterfaceIds ?? []) {
      const eni = enis.get(id);
      if (eni?.SubnetId === undefined || eni.PrivateIpAddress === undefined) {
        ctx.warnings.push({
          path: where,
          message: `endpoint interface ${id} not in describe-network-interfaces; its address is unknown`,
        });
        continue;
      }
      // IFE-11: a dual-stack endpoint's interfaces have IPv6 addresses too.
      const ipv6 = (eni.Ipv6Addresses ?? []).map((a) => a.Ipv6Address);
      networkInterfaces.push({
        id,
        subnetId: eni.SubnetId,
        privateIp: eni.PrivateIpAddress,
        ...(ipv6.length === 0 ? {} : { ipv6Addresses: ipv6 }),
      });
    }
    // GWE-08 is modelled for gateway endpoints only: an interface endpoint's policy is stated, never evaluated.
    const policy = policyFromDocument(ep.PolicyDocument);
    if (policy.policy === "deny-all" || policy.narrowed)
      assumptions.push(
        `${ep.VpcEndpointId}: its endpoint policy ${policy.policy === "deny-all" ? "allows no request" : "allows only some requests"}; interface endpoint policies are not evaluated (GWE-08 is modelled for gateway endpoints only), so the network path through it is analysed as if the policy allowed everything`,
      );
    const recordType = ep.DnsOptions?.DnsRecordIpType;
    // IFE-03: the endpoint-specific names (…vpce.amazonaws.com); the private DNS name is the service's own.
    const dnsNames = (ep.DnsEntries ?? []).flatMap((e) =>
      e.DnsName !== undefined && e.DnsName.toLowerCase().endsWith(".vpce.amazonaws.com") ? [e.DnsName] : [],
    );
    iface.push({
      id: ep.VpcEndpointId,
      ...withName(ep.Tags),
      vpcId: ep.VpcId,
      serviceName: ep.ServiceName,
      networkInterfaces,
      securityGroupIds: (ep.Groups ?? []).map((g) => g.GroupId),
      privateDnsEnabled: ep.PrivateDnsEnabled ?? false,
      ...(ep.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint === true
        ? { privateDnsOnlyForInboundResolverEndpoint: true }
        : {}),
      ...(recordType === undefined || !DNS_RECORD_IP_TYPES.has(recordType)
        ? {}
        : { dnsRecordIpType: recordType as NonNullable<Item<"interfaceEndpoints">["dnsRecordIpType"]> }),
      ...(dnsNames.length === 0 ? {} : { dnsNames }),
      state: ENDPOINT_STATES[(ep.State ?? "available").toLowerCase()] ?? "available",
    });
  });
  return { gateway, interface: iface, gatewayLoadBalancer, assumptions };
}

export function importPrefixLists(ctx: RegionContext): {
  prefixLists: Item<"prefixLists">[];
  services: Item<"services">[];
  /** Lists whose entries the output does not show (no Entries, no get-managed-prefix-list-entries file). */
  entriesUnknown: Set<string>;
} {
  const entries = ctx.data["get-managed-prefix-list-entries"] ?? {};
  const prefixLists: Item<"prefixLists">[] = [];
  const services: Item<"services">[] = [];
  const entriesUnknown = new Set<string>();
  for (const list of ctx.data["describe-managed-prefix-lists"]?.PrefixLists ?? []) {
    const shown = list.Entries ?? entries[list.PrefixListId]?.Entries;
    if (shown === undefined) entriesUnknown.add(list.PrefixListId);
    const cidrBlocks = (shown ?? []).map((e) => e.Cidr);
    const name = list.PrefixListName;
    prefixLists.push({ id: list.PrefixListId, ...(name === undefined ? {} : { name }), cidrBlocks });
    // AWS-managed lists such as com.amazonaws.us-east-1.s3 also tell us where the service lives.
    const service = name === undefined ? null : parseAwsServiceName(name);
    if (service !== null)
      services.push({ service: service.service, region: service.region, prefixListId: list.PrefixListId });
  }
  return { prefixLists, services, entriesUnknown };
}

const PEERING_STATES = new Set([
  "initiating-request",
  "pending-acceptance",
  "provisioning",
  "active",
  "failed",
  "expired",
  "rejected",
  "deleting",
  "deleted",
]);
const PENDING_LIFETIME_SECONDS = 7 * 24 * 3600; // aws-rules PCX-06: a request expires after 7 days.

export function importPeeringConnections(ctx: RegionContext): Item<"peeringConnections">[] {
  const out: Item<"peeringConnections">[] = [];
  (ctx.data["describe-vpc-peering-connections"]?.VpcPeeringConnections ?? []).forEach((pcx, index) => {
    const requester = pcx.RequesterVpcInfo?.VpcId;
    const accepter = pcx.AccepterVpcInfo?.VpcId;
    if (requester === undefined || accepter === undefined) {
      ctx.warnings.push({
        path: `${ctx.file("describe-vpc-peering-connections")}: VpcPeeringConnections[${index}]`,
        message: "missing requester or accepter VPC; skipped",
      });
      return;
    }
    const code = pcx.Status?.Code ?? "active";
    const expires = unixSeconds(pcx.ExpirationTime);
    out.push({
      id: pcx.VpcPeeringConnectionId,
      ...withName(pcx.Tags),
      requesterVpcId: requester,
      accepterVpcId: accepter,
      status: PEERING_STATES.has(code) ? (code as Item<"peeringConnections">["status"]) : "failed",
      ...(expires === undefined ? {} : { createdAt: expires - PENDING_LIFETIME_SECONDS }),
      requesterAllowDnsResolutionFromRemoteVpc:
        pcx.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc ?? false,
      accepterAllowDnsResolutionFromRemoteVpc:
        pcx.AccepterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc ?? false,
    });
  });
  return out;
}
