import { isIcmp } from "./icmp-text";
import type { Issue } from "../parse";
import type { TopologyInput } from "../topology";
import type { AwsDescribeRegion } from "./aws-describe-files";
import type { AwsIpPermission, AwsRoute } from "./aws-shapes-vpc";
import { hasPorts, ruleProtocolFromAws, withName } from "./aws-values";

// describe-vpcs / -subnets / -route-tables / -network-acls / -security-groups -> topology parts.

type Item<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];
export type RegionContext = {
  region: string;
  data: AwsDescribeRegion;
  warnings: Issue[];
  file: (cmd: string) => string;
};

const isLive = (state: string | undefined): boolean => state === undefined || state === "associated";

const BPA_MODES = new Set(["block-bidirectional", "block-ingress"]);
const EXCLUSION_MODES = new Set(["allow-bidirectional", "allow-egress"]);
/** Exclusion states in which the exclusion is in force (create/update done, or an update under way). */
const EXCLUSION_LIVE = new Set(["create-complete", "update-in-progress", "update-complete"]);
type Exclusion = NonNullable<Item<"vpcs">["blockPublicAccessExclusion"]>;

/**
 * aws-rules IGW-07: VPC Block Public Access exclusions by VPC or subnet id (the id is the last part of the
 * ResourceArn, arn:aws:ec2:<region>:<account>:vpc/vpc-… or …:subnet/subnet-…). When the Region's options say
 * exclusions are not allowed (BPA turned on by the Organization), none applies.
 */
function blockPublicAccessExclusions(ctx: RegionContext): Map<string, Exclusion> {
  const out = new Map<string, Exclusion>();
  if (
    ctx.data["describe-vpc-block-public-access-options"]?.VpcBlockPublicAccessOptions.ExclusionsAllowed ===
    "not-allowed"
  )
    return out;
  for (const e of ctx.data["describe-vpc-block-public-access-exclusions"]?.VpcBlockPublicAccessExclusions ??
    []) {
    const id = e.ResourceArn?.split("/").pop();
    const mode = e.InternetGatewayExclusionMode;
    if (id === undefined || mode === undefined || !EXCLUSION_MODES.has(mode)) continue;
    if (e.State !== undefined && !EXCLUSION_LIVE.has(e.State)) continue;
    out.set(id, mode as Exclusion);
  }
  return out;
}

/**
 * aws-rules IGW-07: Block Public Access is one setting per account and Region (describe-vpc-block-public-access-
 * options), for the VPCs that account owns in the Region: the mode (unless off) and the account it is for.
 */
function blockPublicAccessMode(ctx: RegionContext): {
  mode: Item<"vpcs">["blockPublicAccess"];
  accountId: string | undefined;
} {
  const options = ctx.data["describe-vpc-block-public-access-options"]?.VpcBlockPublicAccessOptions;
  const mode = options?.InternetGatewayBlockMode;
  return {
    mode: mode !== undefined && BPA_MODES.has(mode) ? (mode as "block-ingress") : undefined,
    accountId: options?.AwsAccountId,
  };
}

export function importVpcs(ctx: RegionContext): Item<"vpcs">[] {
  const regionBpa = blockPublicAccessMode(ctx);
  const exclusions = blockPublicAccessExclusions(ctx);
  return (ctx.data["describe-vpcs"]?.Vpcs ?? []).map((vpc) => {
    const associated = (vpc.CidrBlockAssociationSet ?? [])
      .filter((a) => isLive(a.CidrBlockState?.State))
      .map((a) => a.CidrBlock);
    // The primary CIDR (CidrBlock) first, then the secondary ones in API order.
    const cidrBlocks = [...new Set([...(vpc.CidrBlock === undefined ? [] : [vpc.CidrBlock]), ...associated])];
    const ipv6 = (vpc.Ipv6CidrBlockAssociationSet ?? [])
      .filter((a) => isLive(a.Ipv6CidrBlockState?.State) && a.Ipv6CidrBlock !== undefined)
      .map((a) => a.Ipv6CidrBlock as string);
    // Another account's VPC in the same folder (shared, or described by a peering) has its owner's setting.
    const owned =
      regionBpa.accountId === undefined || vpc.OwnerId === undefined || vpc.OwnerId === regionBpa.accountId;
    const bpa = owned ? regionBpa.mode : undefined;
    return {
      id: vpc.VpcId,
      ...withName(vpc.Tags),
      region: ctx.region,
      ...(vpc.OwnerId === undefined ? {} : { accountId: vpc.OwnerId }),
      cidrBlocks,
      ipv6CidrBlocks: ipv6,
      // aws-rules GWE-09: DNS support defaults on; DNS hostnames on only in a default VPC.
      enableDnsSupport: vpc.EnableDnsSupport?.Value ?? true,
      enableDnsHostnames: vpc.EnableDnsHostnames?.Value ?? vpc.IsDefault ?? false,
      ...(bpa === undefined ? {} : { blockPublicAccess: bpa }),
      ...(exclusions.has(vpc.VpcId) ? { blockPublicAccessExclusion: exclusions.get(vpc.VpcId) } : {}),
    };
  });
}

export function importSubnets(ctx: RegionContext): Item<"subnets">[] {
  const routeTableOf = new Map<string, string>();
  for (const table of ctx.data["describe-route-tables"]?.RouteTables ?? []) {
    for (const a of table.Associations ?? []) {
      if (a.SubnetId !== undefined && isLive(a.AssociationState?.State))
        routeTableOf.set(a.SubnetId, table.RouteTableId);
    }
  }
  const aclOf = new Map<string, string>();
  for (const acl of ctx.data["describe-network-acls"]?.NetworkAcls ?? []) {
    for (const a of acl.Associations ?? [])
      if (a.SubnetId !== undefined) aclOf.set(a.SubnetId, acl.NetworkAclId);
  }
  const exclusions = blockPublicAccessExclusions(ctx);
  const out: Item<"subnets">[] = [];
  (ctx.data["describe-subnets"]?.Subnets ?? []).forEach((subnet, index) => {
    if (subnet.AvailabilityZone === undefined) {
      ctx.warnings.push({
        path: `${ctx.file("describe-subnets")}: Subnets[${index}]`,
        message: "no AvailabilityZone; subnet skipped",
      });
      return;
    }
    const ipv6 = subnet.Ipv6CidrBlockAssociationSet?.find((a) =>
      isLive(a.Ipv6CidrBlockState?.State),
    )?.Ipv6CidrBlock;
    const routeTableId = routeTableOf.get(subnet.SubnetId);
    const networkAclId = aclOf.get(subnet.SubnetId);
    out.push({
      id: subnet.SubnetId,
      ...withName(subnet.Tags),
      vpcId: subnet.VpcId,
      availabilityZone: subnet.AvailabilityZone,
      ...(subnet.CidrBlock === undefined ? {} : { cidrBlock: subnet.CidrBlock }),
      ...(ipv6 === undefined ? {} : { ipv6CidrBlock: ipv6 }),
      ...(routeTableId === undefined ? {} : { routeTableId }),
      ...(networkAclId === undefined ? {} : { networkAclId }),
      ...(subnet.EnableDns64 === true ? { enableDns64: true } : {}),
      ...(exclusions.has(subnet.SubnetId)
        ? { blockPublicAccessExclusion: exclusions.get(subnet.SubnetId) }
        : {}),
    });
  });
  return out;
}

function routeTarget(route: AwsRoute): string | undefined {
  return (
    route.GatewayId ??
    route.EgressOnlyInternetGatewayId ??
    route.NatGatewayId ??
    route.TransitGatewayId ??
    route.VpcPeeringConnectionId ??
    route.NetworkInterfaceId ??
    route.InstanceId
  );
}

/**
 * Route targets the output still names but that cannot forward, and why (aws-rules RT-08: AWS shows routes to
 * them as blackhole): a NAT gateway with no private address (deleted or failed; importNatGateways skips it)
 * and a network interface attached to nothing (Status "available").
 */
function goneRouteTargets(ctx: RegionContext): Map<string, string> {
  const gone = new Map<string, string>();
  for (const nat of ctx.data["describe-nat-gateways"]?.NatGateways ?? []) {
    if (nat.AvailabilityMode === "regional") continue;
    if ((nat.NatGatewayAddresses ?? []).some((a) => a.PrivateIp !== undefined)) continue;
    const name = withName(nat.Tags).name;
    gone.set(
      nat.NatGatewayId,
      `NAT gateway ${nat.NatGatewayId}${name === undefined ? "" : ` (${name})`} is ${nat.State ?? "gone"}`,
    );
  }
  for (const eni of ctx.data["describe-network-interfaces"]?.NetworkInterfaces ?? [])
    if (eni.Status === "available" && eni.Attachment?.InstanceId === undefined)
      gone.set(
        eni.NetworkInterfaceId,
        `network interface ${eni.NetworkInterfaceId} is not attached to an instance`,
      );
  return gone;
}

/**
 * Local routes (aws-rules RT-02) and gateway-endpoint prefix-list routes (aws-rules GWE-02) are
 * implicit in the topology (VPC CIDRs, endpoint routeTableIds), so they are not copied. A route whose
 * target no longer exists shows State "blackhole" and becomes target "blackhole" (aws-rules RT-08);
 * one whose target still exists keeps it, so the model can say *why* it is a blackhole.
 */
export function importRouteTables(ctx: RegionContext, knownIds: ReadonlySet<string>): Item<"routeTables">[] {
  const vpcCidrs = new Map<string, Set<string>>();
  for (const vpc of ctx.data["describe-vpcs"]?.Vpcs ?? []) {
    const set = new Set<string>();
    if (vpc.CidrBlock !== undefined) set.add(vpc.CidrBlock);
    for (const a of vpc.CidrBlockAssociationSet ?? []) set.add(a.CidrBlock);
    for (const a of vpc.Ipv6CidrBlockAssociationSet ?? [])
      if (a.Ipv6CidrBlock !== undefined) set.add(a.Ipv6CidrBlock);
    vpcCidrs.set(vpc.VpcId, set);
  }
  const gone = goneRouteTargets(ctx);
  return (ctx.data["describe-route-tables"]?.RouteTables ?? []).map((table, tableIndex) => {
    const routes: Item<"routeTables">["routes"] = [];
    (table.Routes ?? []).forEach((route, routeIndex) => {
      const where = `${ctx.file("describe-route-tables")}: RouteTables[${tableIndex}].Routes[${routeIndex}]`;
      const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock;
      const target = routeTarget(route);
      if (target === "local" && destination !== undefined && vpcCidrs.get(table.VpcId)?.has(destination))
        return;
      if (route.DestinationPrefixListId !== undefined && target?.startsWith("vpce-") === true) return;
      if (destination === undefined && route.DestinationPrefixListId === undefined) {
        ctx.warnings.push({ path: where, message: "route without a destination; skipped" });
        return;
      }
      let resolved = target;
      let blackholeCause = target === undefined ? undefined : gone.get(target);
      if (
        blackholeCause === undefined &&
        route.State === "blackhole" &&
        target !== undefined &&
        !knownIds.has(target)
      )
        blackholeCause = `${target} no longer exists`;
      if (blackholeCause !== undefined || (route.State === "blackhole" && target === undefined))
        resolved = "blackhole";
      if (resolved === undefined) {
        ctx.warnings.push({
          path: where,
          message: "route target not supported (local/carrier gateway or core network); skipped",
        });
        return;
      }
      routes.push({
        ...(destination === undefined ? {} : { destination }),
        ...(route.DestinationPrefixListId === undefined
          ? {}
          : { destinationPrefixListId: route.DestinationPrefixListId }),
        target: resolved,
        ...(blackholeCause === undefined ? {} : { blackholeCause }),
        origin: route.Origin === "EnableVgwRoutePropagation" ? "propagated" : "static",
      });
    });
    // aws-rules RT-11: a gateway route table (edge association with an IGW or VGW) routes the traffic
    // arriving through that gateway (ingress routing).
    const gatewayIds = (table.Associations ?? []).flatMap((a) =>
      a.GatewayId !== undefined && isLive(a.AssociationState?.State) ? [a.GatewayId] : [],
    );
    return {
      id: table.RouteTableId,
      ...withName(table.Tags),
      vpcId: table.VpcId,
      main: (table.Associations ?? []).some((a) => a.Main === true),
      routes,
      propagatingGatewayIds: (table.PropagatingVgws ?? []).map((v) => v.GatewayId),
      ...(gatewayIds.length > 0 ? { gatewayIds } : {}),
    };
  });
}

export function importNetworkAcls(ctx: RegionContext): Item<"networkAcls">[] {
  return (ctx.data["describe-network-acls"]?.NetworkAcls ?? []).map((acl, aclIndex) => {
    const inbound: Item<"networkAcls">["inbound"] = [];
    const outbound: Item<"networkAcls">["outbound"] = [];
    (acl.Entries ?? []).forEach((entry, entryIndex) => {
      // aws-rules ACL-03: rule * (32767, 32768 for IPv6) is the implicit final deny; ours too.
      if (entry.RuleNumber >= 32767) return;
      const where = `${ctx.file("describe-network-acls")}: NetworkAcls[${aclIndex}].Entries[${entryIndex}]`;
      const protocol = ruleProtocolFromAws(entry.Protocol);
      const cidrBlock = entry.CidrBlock ?? entry.Ipv6CidrBlock;
      if (protocol === null || cidrBlock === undefined) {
        ctx.warnings.push({
          path: where,
          message: `unsupported entry (protocol "${entry.Protocol}"); skipped`,
        });
        return;
      }
      const ports =
        hasPorts(protocol) && entry.PortRange?.From !== undefined && entry.PortRange.To !== undefined
          ? { fromPort: entry.PortRange.From, toPort: entry.PortRange.To }
          : isIcmp(protocol)
            ? icmpTypeCode(entry.IcmpTypeCode?.Type, entry.IcmpTypeCode?.Code)
            : {};
      const rule = {
        ruleNumber: entry.RuleNumber,
        protocol,
        ...ports,
        cidrBlock,
        action: entry.RuleAction === "deny" ? ("deny" as const) : ("allow" as const),
      };
      (entry.Egress ? outbound : inbound).push(rule);
    });
    return {
      id: acl.NetworkAclId,
      ...withName(acl.Tags),
      vpcId: acl.VpcId,
      isDefault: acl.IsDefault ?? false,
      inbound,
      outbound,
    };
  });
}

type SgRuleInput = NonNullable<Item<"securityGroups">["inbound"]>[number];

/**
 * An ICMP rule's type and code (SG-05: FromPort/ToPort of a permission; IcmpTypeCode of a NACL entry), -1 or
 * absent meaning all: the topology keeps them as fromPort (type) and toPort (code), absent = all.
 */
function icmpTypeCode(
  type: number | undefined,
  code: number | undefined,
): { fromPort?: number; toPort?: number } {
  if (type === undefined || type < 0 || type > 255) return {};
  return code === undefined || code < 0 || code > 255 ? { fromPort: type } : { fromPort: type, toPort: code };
}

/** One IpPermission lists several sources; the topology has one rule per source. */
function expandPermission(
  p: AwsIpPermission,
  ownerId: string | undefined,
  where: string,
  warnings: Issue[],
): SgRuleInput[] {
  const protocol = ruleProtocolFromAws(p.IpProtocol);
  if (protocol === null) {
    warnings.push({ path: where, message: `unsupported IpProtocol "${p.IpProtocol}"; skipped` });
    return [];
  }
  const ports =
    hasPorts(protocol) && p.FromPort !== undefined && p.ToPort !== undefined && p.FromPort >= 0
      ? { fromPort: p.FromPort, toPort: p.ToPort }
      : isIcmp(protocol)
        ? icmpTypeCode(p.FromPort, p.ToPort)
        : {};
  const base = { protocol, ...ports };
  const desc = (d: string | undefined) => (d === undefined || d === "" ? {} : { description: d });
  const rules: SgRuleInput[] = [];
  for (const r of p.IpRanges ?? []) rules.push({ ...base, cidrBlock: r.CidrIp, ...desc(r.Description) });
  for (const r of p.Ipv6Ranges ?? []) rules.push({ ...base, cidrBlock: r.CidrIpv6, ...desc(r.Description) });
  for (const r of p.PrefixListIds ?? [])
    rules.push({ ...base, prefixListId: r.PrefixListId, ...desc(r.Description) });
  for (const pair of p.UserIdGroupPairs ?? []) {
    if (pair.GroupId === undefined) continue;
    // aws-rules SG-06 / PCX-11: another account's group is written `account/sg-id`.
    const crossAccount = pair.UserId !== undefined && ownerId !== undefined && pair.UserId !== ownerId;
    rules.push({
      ...base,
      securityGroupId: crossAccount ? `${pair.UserId}/${pair.GroupId}` : pair.GroupId,
      ...desc(pair.Description),
    });
  }
  return rules;
}

export function importSecurityGroups(ctx: RegionContext): Item<"securityGroups">[] {
  const out: Item<"securityGroups">[] = [];
  (ctx.data["describe-security-groups"]?.SecurityGroups ?? []).forEach((sg, index) => {
    const where = `${ctx.file("describe-security-groups")}: SecurityGroups[${index}]`;
    if (sg.VpcId === undefined) {
      ctx.warnings.push({ path: where, message: "EC2-Classic group without VpcId; skipped" });
      return;
    }
    const expand = (perms: AwsIpPermission[] | undefined, key: string) =>
      (perms ?? []).flatMap((p, i) => expandPermission(p, sg.OwnerId, `${where}.${key}[${i}]`, ctx.warnings));
    // describe-security-groups always prints both rule lists ([] when empty): a missing one was filtered out
    // (--query) or edited away, and the rules it would show are unknown. Read as none, and said so.
    for (const [key, side] of [
      ["IpPermissions", "inbound"],
      ["IpPermissionsEgress", "outbound"],
    ] as const)
      if (sg[key] === undefined)
        ctx.warnings.push({
          path: `${where} (${sg.GroupId})`,
          message: `has no ${key} key (AWS prints it, [] when empty: filtered or edited output?); read as no ${side} rules, so the group allows no ${side} traffic`,
        });
    // AWS forbids group names starting with "sg-", so such a name is our own export of an unnamed group.
    const name =
      withName(sg.Tags).name ?? (sg.GroupName?.startsWith("sg-") === false ? sg.GroupName : undefined);
    out.push({
      id: sg.GroupId,
      ...(name === undefined ? {} : { name }),
      vpcId: sg.VpcId,
      inbound: expand(sg.IpPermissions, "IpPermissions"),
      outbound: expand(sg.IpPermissionsEgress, "IpPermissionsEgress"),
    });
  });
  return out;
}
