import type { Route, SgRule } from "../topology";
import { type ExportContext, ownerField, servicePrefixListId } from "./export-context";
import { awsIpProtocol, awsProtocolNumber, hasPorts, tagsFromName } from "./aws-values";
import { isIcmp } from "./icmp-text";

// Topology -> describe-vpcs / -subnets / -route-tables / -network-acls / -security-groups.

const isIpv6 = (cidr: string): boolean => cidr.includes(":");

/** An exclusion's ResourceArn, whose last part the importer reads as the VPC or subnet id (IGW-07). */
const resourceArn = (region: string, account: string | undefined, kind: "vpc" | "subnet", id: string) =>
  `arn:aws:ec2:${region}:${account ?? "000000000000"}:${kind}/${id}`;

/**
 * aws-rules IGW-07: VPC Block Public Access is one setting per account and Region
 * (describe-vpc-block-public-access-options, with AwsAccountId and AwsRegion); the topology repeats it on each
 * VPC the account owns there, and validate reports VPCs of one account and Region that disagree. The Region's
 * folder gets the setting of the account whose VPCs have one (the first such VPC's when several accounts do).
 * Exclusions of VPCs and subnets go to describe-vpc-block-public-access-exclusions, in force (create-complete).
 */
function exportBlockPublicAccess(ctx: ExportContext): void {
  const { topology } = ctx;
  const modes = new Map<string, { mode: string; accountId: string | undefined }>();
  for (const vpc of topology.vpcs) {
    const region = ctx.vpcRegion(vpc.id);
    if (vpc.blockPublicAccess !== undefined && !modes.has(region))
      modes.set(region, { mode: vpc.blockPublicAccess, accountId: vpc.accountId });
  }
  for (const [region, { mode, accountId }] of modes) {
    const regionFiles = (ctx.files[region] ??= {});
    regionFiles["describe-vpc-block-public-access-options"] = {
      VpcBlockPublicAccessOptions: {
        ...(accountId === undefined ? {} : { AwsAccountId: accountId }),
        AwsRegion: region,
        State: "update-complete",
        InternetGatewayBlockMode: mode,
        ExclusionsAllowed: "allowed",
      },
    };
  }
  const excluded = [
    ...topology.vpcs.map((v) => ({
      kind: "vpc" as const,
      id: v.id,
      vpcId: v.id,
      mode: v.blockPublicAccessExclusion,
    })),
    ...topology.subnets.map((s) => ({
      kind: "subnet" as const,
      id: s.id,
      vpcId: s.vpcId,
      mode: s.blockPublicAccessExclusion,
    })),
  ];
  for (const e of excluded) {
    if (e.mode === undefined) continue;
    const region = ctx.vpcRegion(e.vpcId);
    ctx.push(region, "describe-vpc-block-public-access-exclusions", "VpcBlockPublicAccessExclusions", {
      ExclusionId: `vpcbpa-exclude-${e.id}`,
      InternetGatewayExclusionMode: e.mode,
      ResourceArn: resourceArn(region, ctx.accountOf(e.vpcId), e.kind, e.id),
      State: "create-complete",
    });
  }
}

export function exportVpcs(ctx: ExportContext): void {
  exportBlockPublicAccess(ctx);
  for (const vpc of ctx.topology.vpcs) {
    ctx.push(ctx.vpcRegion(vpc.id), "describe-vpcs", "Vpcs", {
      VpcId: vpc.id,
      ...ownerField(vpc.accountId),
      State: "available",
      CidrBlock: vpc.cidrBlocks[0],
      CidrBlockAssociationSet: vpc.cidrBlocks.map((c) => ({
        CidrBlock: c,
        CidrBlockState: { State: "associated" },
      })),
      Ipv6CidrBlockAssociationSet: vpc.ipv6CidrBlocks.map((c) => ({
        Ipv6CidrBlock: c,
        Ipv6CidrBlockState: { State: "associated" },
      })),
      IsDefault: false,
      // describe-vpc-attribute's shape, carried in the VPC object (docs/cli.md).
      EnableDnsSupport: { Value: vpc.enableDnsSupport },
      EnableDnsHostnames: { Value: vpc.enableDnsHostnames },
      Tags: tagsFromName(vpc.name),
    });
  }
}

export function exportSubnets(ctx: ExportContext): void {
  for (const s of ctx.topology.subnets) {
    ctx.push(ctx.vpcRegion(s.vpcId), "describe-subnets", "Subnets", {
      SubnetId: s.id,
      VpcId: s.vpcId,
      ...ownerField(ctx.accountOf(s.vpcId)),
      AvailabilityZone: s.availabilityZone,
      ...(s.cidrBlock === undefined ? {} : { CidrBlock: s.cidrBlock }),
      Ipv6CidrBlockAssociationSet:
        s.ipv6CidrBlock === undefined
          ? []
          : [{ Ipv6CidrBlock: s.ipv6CidrBlock, Ipv6CidrBlockState: { State: "associated" } }],
      State: "available",
      // aws-rules NAT-04: describe-subnets prints EnableDns64 for every subnet.
      EnableDns64: s.enableDns64 === true,
      Tags: tagsFromName(s.name),
    });
  }
}

const TARGET_FIELD: readonly [string, string][] = [
  ["eigw-", "EgressOnlyInternetGatewayId"],
  ["nat-", "NatGatewayId"],
  ["tgw-", "TransitGatewayId"],
  ["pcx-", "VpcPeeringConnectionId"],
  ["eni-", "NetworkInterfaceId"],
  ["i-", "InstanceId"],
];

function awsRoute(route: Route): Record<string, unknown> {
  const destination =
    route.destination === undefined
      ? {}
      : isIpv6(route.destination)
        ? { DestinationIpv6CidrBlock: route.destination }
        : { DestinationCidrBlock: route.destination };
  const prefixList =
    route.destinationPrefixListId === undefined
      ? {}
      : { DestinationPrefixListId: route.destinationPrefixListId };
  const origin = route.origin === "propagated" ? "EnableVgwRoutePropagation" : "CreateRoute";
  // A target that no longer exists: AWS keeps the route, marked blackhole (aws-rules RT-08).
  if (route.target === "blackhole")
    return { ...destination, ...prefixList, Origin: origin, State: "blackhole" };
  const field = TARGET_FIELD.find(([prefix]) => route.target.startsWith(prefix))?.[1] ?? "GatewayId";
  return { ...destination, ...prefixList, [field]: route.target, Origin: origin, State: "active" };
}

export function exportRouteTables(ctx: ExportContext): void {
  const { topology } = ctx;
  for (const table of topology.routeTables) {
    const vpc = topology.vpcs.find((v) => v.id === table.vpcId);
    const local = [...(vpc?.cidrBlocks ?? []), ...(vpc?.ipv6CidrBlocks ?? [])].map((c) => ({
      ...(isIpv6(c) ? { DestinationIpv6CidrBlock: c } : { DestinationCidrBlock: c }),
      GatewayId: "local",
      Origin: "CreateRouteTable",
      State: "active",
    }));
    // aws-rules GWE-02: associating a gateway endpoint adds a prefix-list route to the table.
    const endpointRoutes = topology.gatewayEndpoints
      .filter((ep) => ep.routeTableIds.includes(table.id))
      .map((ep) => ({
        DestinationPrefixListId: servicePrefixListId(
          topology,
          ep.service,
          ep.region ?? ctx.vpcRegion(ep.vpcId),
        ),
        GatewayId: ep.id,
        Origin: "CreateRoute",
        State: "active",
      }));
    const associations = [
      ...(table.main
        ? [{ Main: true, RouteTableId: table.id, AssociationState: { State: "associated" } }]
        : []),
      ...topology.subnets
        .filter((s) => s.routeTableId === table.id)
        .map((s) => ({
          Main: false,
          RouteTableId: table.id,
          SubnetId: s.id,
          AssociationState: { State: "associated" },
        })),
      // aws-rules RT-11: an edge association names the internet or virtual private gateway, not a subnet.
      ...(table.gatewayIds ?? []).map((gatewayId) => ({
        Main: false,
        RouteTableId: table.id,
        GatewayId: gatewayId,
        AssociationState: { State: "associated" },
      })),
    ];
    ctx.push(ctx.vpcRegion(table.vpcId), "describe-route-tables", "RouteTables", {
      RouteTableId: table.id,
      VpcId: table.vpcId,
      ...ownerField(ctx.accountOf(table.vpcId)),
      Associations: associations,
      Routes: [...local, ...table.routes.map(awsRoute), ...endpointRoutes],
      PropagatingVgws: table.propagatingGatewayIds.map((id) => ({ GatewayId: id })),
      Tags: tagsFromName(table.name),
    });
  }
}

export function exportNetworkAcls(ctx: ExportContext): void {
  const { topology } = ctx;
  for (const acl of topology.networkAcls) {
    const entries = (egress: boolean) => [
      ...(egress ? acl.outbound : acl.inbound).map((r) => ({
        RuleNumber: r.ruleNumber,
        Protocol: awsProtocolNumber(r.protocol),
        RuleAction: r.action,
        Egress: egress,
        ...(isIpv6(r.cidrBlock) ? { Ipv6CidrBlock: r.cidrBlock } : { CidrBlock: r.cidrBlock }),
        ...(hasPorts(r.protocol) && r.fromPort !== undefined && r.toPort !== undefined
          ? { PortRange: { From: r.fromPort, To: r.toPort } }
          : isIcmp(r.protocol) && r.fromPort !== undefined
            ? { IcmpTypeCode: { Type: r.fromPort, Code: r.toPort ?? -1 } }
            : {}),
      })),
      // aws-rules ACL-03: the `*` rule that denies what no numbered rule matched.
      { RuleNumber: 32767, Protocol: "-1", RuleAction: "deny", Egress: egress, CidrBlock: "0.0.0.0/0" },
    ];
    // aws-rules ACL-06: a subnet with no explicit ACL is associated with its VPC's default ACL.
    const associated = topology.subnets.filter(
      (s) =>
        s.networkAclId === acl.id || (s.networkAclId === undefined && acl.isDefault && s.vpcId === acl.vpcId),
    );
    ctx.push(ctx.vpcRegion(acl.vpcId), "describe-network-acls", "NetworkAcls", {
      NetworkAclId: acl.id,
      VpcId: acl.vpcId,
      ...ownerField(ctx.accountOf(acl.vpcId)),
      IsDefault: acl.isDefault,
      Associations: associated.map((s) => ({ NetworkAclId: acl.id, SubnetId: s.id })),
      Entries: [...entries(true), ...entries(false)],
      Tags: tagsFromName(acl.name),
    });
  }
}

function awsPermission(rule: SgRule, ownerId: string | undefined): Record<string, unknown> {
  const desc = rule.description === undefined ? {} : { Description: rule.description };
  const sgRef = rule.securityGroupId?.split("/");
  const pair =
    sgRef === undefined
      ? undefined
      : sgRef.length === 2
        ? { UserId: sgRef[0], GroupId: sgRef[1], ...desc }
        : { ...(ownerId === undefined ? {} : { UserId: ownerId }), GroupId: rule.securityGroupId, ...desc };
  return {
    IpProtocol: awsIpProtocol(rule.protocol),
    ...(hasPorts(rule.protocol) && rule.fromPort !== undefined && rule.toPort !== undefined
      ? { FromPort: rule.fromPort, ToPort: rule.toPort }
      : isIcmp(rule.protocol) && rule.fromPort !== undefined
        ? { FromPort: rule.fromPort, ToPort: rule.toPort ?? -1 }
        : {}),
    IpRanges:
      rule.cidrBlock !== undefined && !isIpv6(rule.cidrBlock) ? [{ CidrIp: rule.cidrBlock, ...desc }] : [],
    Ipv6Ranges:
      rule.cidrBlock !== undefined && isIpv6(rule.cidrBlock) ? [{ CidrIpv6: rule.cidrBlock, ...desc }] : [],
    PrefixListIds: rule.prefixListId === undefined ? [] : [{ PrefixListId: rule.prefixListId, ...desc }],
    UserIdGroupPairs: pair === undefined ? [] : [pair],
  };
}

export function exportSecurityGroups(ctx: ExportContext): void {
  for (const sg of ctx.topology.securityGroups) {
    const owner = ctx.accountOf(sg.vpcId);
    // aws-rules SG-03: no outbound list means the default allow-all egress rule.
    const outbound = sg.outbound ?? [{ protocol: "all" as const, cidrBlock: "0.0.0.0/0" }];
    ctx.push(ctx.vpcRegion(sg.vpcId), "describe-security-groups", "SecurityGroups", {
      GroupId: sg.id,
      GroupName: sg.name ?? sg.id,
      Description: sg.name ?? sg.id,
      VpcId: sg.vpcId,
      ...ownerField(owner),
      IpPermissions: sg.inbound.map((r) => awsPermission(r, owner)),
      IpPermissionsEgress: outbound.map((r) => awsPermission(r, owner)),
      Tags: tagsFromName(sg.name),
    });
  }
}
