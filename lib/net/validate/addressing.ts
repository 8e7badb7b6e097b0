// VPC and subnet blocks (VPC-01, VPC-02) and interface addresses (VPC-02, VPC-03).
import { cidrContainsCidr, cidrsOverlap } from "../cidr";
import type { ValidationContext } from "./context";

/** VPC-01: block sizes, and no two blocks of one VPC overlap. */
export function checkVpcs(v: ValidationContext): void {
  v.topology.vpcs.forEach((vpc, i) => {
    vpc.cidrBlocks.forEach((t, j) => {
      const c = v.cidrOf(t);
      if (c && (c.prefix < 16 || c.prefix > 28))
        v.add(
          "RCH_VPC_CIDR_SIZE",
          `vpcs[${i}].cidrBlocks[${j}]`,
          `A VPC IPv4 block must be between /16 and /28; ${t} is not.`,
          ["VPC-01"],
        );
      vpc.cidrBlocks.slice(0, j).forEach((u) => {
        const d = v.cidrOf(u);
        if (c && d && cidrsOverlap(c, d))
          v.add(
            "RCH_VPC_CIDR_OVERLAP",
            `vpcs[${i}].cidrBlocks[${j}]`,
            `${t} overlaps ${u}, another block of the same VPC.`,
            ["VPC-01"],
          );
      });
    });
  });
}

/** Earlier subnets of the same VPC whose IPv4 block overlaps each subnet's, by subnet index (ascending). */
function subnetOverlaps(v: ValidationContext): Map<number, number[]> {
  // Per VPC, blocks sorted by start (larger first on a tie): CIDR blocks nest or are disjoint, so the blocks
  // still open on the stack when a block starts are exactly those that contain it. Near-linear in subnets.
  const byVpc = new Map<string, { index: number; start: number; end: number }[]>();
  v.topology.subnets.forEach((s, index) => {
    const c = s.cidrBlock !== undefined ? v.cidrOf(s.cidrBlock) : undefined;
    if (!c || c.family !== 4 || !v.vpcById.has(s.vpcId)) return;
    let list = byVpc.get(s.vpcId);
    if (!list) byVpc.set(s.vpcId, (list = []));
    list.push({ index, start: c.network, end: c.network + 2 ** (32 - c.prefix) - 1 });
  });
  const overlaps = new Map<number, number[]>();
  const note = (later: number, earlier: number): void => {
    const list = overlaps.get(later);
    if (list) list.push(earlier);
    else overlaps.set(later, [earlier]);
  };
  for (const blocks of byVpc.values()) {
    blocks.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
    const open: { index: number; start: number; end: number }[] = [];
    for (const block of blocks) {
      for (let top = open.at(-1); top !== undefined && top.end < block.start; top = open.at(-1)) open.pop();
      for (const o of open) note(Math.max(o.index, block.index), Math.min(o.index, block.index));
      open.push(block);
    }
  }
  for (const list of overlaps.values()) list.sort((a, b) => a - b);
  return overlaps;
}

/** VPC-02: a subnet's blocks lie inside its VPC's, have a valid size, and do not overlap another subnet of the VPC. */
export function checkSubnets(v: ValidationContext): void {
  const overlaps = subnetOverlaps(v);
  const subnets = v.topology.subnets;
  subnets.forEach((s, i) => {
    v.ref(`subnets[${i}].vpcId`, s.vpcId, "VPC");
    v.ref(`subnets[${i}].routeTableId`, s.routeTableId, "Route table");
    v.ref(`subnets[${i}].networkAclId`, s.networkAclId, "Network ACL");
    const c = s.cidrBlock !== undefined ? v.cidrOf(s.cidrBlock) : undefined;
    const vpc = v.vpcById.get(s.vpcId);
    if (c && vpc) {
      if (
        !vpc.cidrBlocks.some((t) => {
          const vc = v.cidrOf(t);
          return vc ? cidrContainsCidr(vc, c) : false;
        })
      ) {
        v.add(
          "RCH_SUBNET_OUTSIDE_VPC",
          `subnets[${i}].cidrBlock`,
          `Subnet ${s.id} (${s.cidrBlock}) is not inside any CIDR block of VPC ${s.vpcId} (${vpc.cidrBlocks.join(", ")}).`,
          ["VPC-02"],
        );
      }
      if (c.prefix < 16 || c.prefix > 28)
        v.add(
          "RCH_SUBNET_CIDR_SIZE",
          `subnets[${i}].cidrBlock`,
          `A subnet IPv4 block must be between /16 and /28; ${s.cidrBlock} is not.`,
          ["VPC-02"],
        );
      for (const k of overlaps.get(i) ?? []) {
        const o = subnets[k];
        if (o === undefined) continue;
        v.add(
          "RCH_SUBNET_OVERLAP",
          `subnets[${i}].cidrBlock`,
          `Subnet ${s.id} (${s.cidrBlock}) overlaps subnet ${o.id} (${o.cidrBlock}) at subnets[${k}] in the same VPC.`,
          ["VPC-02"],
        );
      }
    }
    const c6 = s.ipv6CidrBlock !== undefined ? v.cidrOf(s.ipv6CidrBlock) : undefined;
    if (c6 && c6.prefix !== 64)
      v.add(
        "RCH_SUBNET_CIDR_SIZE",
        `subnets[${i}].ipv6CidrBlock`,
        `An IPv6 subnet block is always a /64; ${s.ipv6CidrBlock} is not.`,
        ["VPC-02"],
      );
    if (
      c6 &&
      vpc &&
      !vpc.ipv6CidrBlocks.some((t) => {
        const vc = v.cidrOf(t);
        return vc ? cidrContainsCidr(vc, c6) : false;
      })
    ) {
      v.add(
        "RCH_SUBNET_OUTSIDE_VPC",
        `subnets[${i}].ipv6CidrBlock`,
        `Subnet ${s.id}'s IPv6 block ${s.ipv6CidrBlock} is not inside an IPv6 block of VPC ${s.vpcId}.`,
        ["VPC-02"],
      );
    }
  });
}

/** VPC-04: the public and secondary IPv4 addresses of an interface in an IPv6-only subnet. */
function checkIpv6OnlyExtras(
  v: ValidationContext,
  path: string,
  owner: string,
  subnetId: string | undefined,
  publicIp: string | undefined,
  secondaryPrivateIps: readonly string[],
): void {
  const subnet = subnetId === undefined ? undefined : v.subnetById.get(subnetId);
  if (subnet === undefined) return;
  secondaryPrivateIps.forEach((ip, k) =>
    v.ipv4InIpv6Only(`${path}.secondaryPrivateIps[${k}]`, subnet, ip, owner),
  );
  if (publicIp !== undefined) v.ipv4InIpv6Only(`${path}.publicIp`, subnet, publicIp, owner);
}

/** An instance's inline interface. */
export function checkInstances(v: ValidationContext): void {
  v.topology.instances.forEach((inst, i) => {
    const owner = `Instance ${inst.id}`;
    if (inst.subnetId !== undefined && inst.privateIp !== undefined)
      v.checkInterface(`instances[${i}]`, inst.subnetId, inst.privateIp, inst.securityGroupIds, owner);
    checkIpv6OnlyExtras(v, `instances[${i}]`, owner, inst.subnetId, inst.publicIp, []);
  });
}

/** Network interfaces: subnet, groups, address, instance. */
export function checkNetworkInterfaces(v: ValidationContext): void {
  v.topology.networkInterfaces.forEach((e, i) => {
    const owner = `Network interface ${e.id}`;
    v.checkInterface(`networkInterfaces[${i}]`, e.subnetId, e.privateIp, e.securityGroupIds, owner);
    checkIpv6OnlyExtras(v, `networkInterfaces[${i}]`, owner, e.subnetId, e.publicIp, e.secondaryPrivateIps);
    v.ref(`networkInterfaces[${i}].instanceId`, e.instanceId, "Instance");
  });
}

/** NAT gateways: interface address, and an Elastic IP when public (NAT-01). */
export function checkNatGateways(v: ValidationContext): void {
  v.topology.natGateways.forEach((n, i) => {
    v.checkInterface(`natGateways[${i}]`, n.subnetId, n.privateIp, [], `NAT gateway ${n.id}`);
    if (n.connectivity === "public" && n.publicIp === undefined)
      v.add(
        "RCH_NAT_WITHOUT_EIP",
        `natGateways[${i}].publicIp`,
        `Public NAT gateway ${n.id} needs an Elastic IP.`,
        ["NAT-01"],
      );
  });
}

/**
 * Regional NAT gateways (NAT-07): in an existing VPC, with their own route table in that VPC, and an Elastic IP
 * for each listed zone; a zone listed twice would leave AWS's choice of address unknown.
 */
export function checkRegionalNatGateways(v: ValidationContext): void {
  (v.topology.regionalNatGateways ?? []).forEach((n, i) => {
    const path = `regionalNatGateways[${i}]`;
    v.ref(`${path}.vpcId`, n.vpcId, "VPC");
    v.ref(`${path}.routeTableId`, n.routeTableId, "Route table");
    const table = v.topology.routeTables.find((r) => r.id === n.routeTableId);
    if (table && table.vpcId !== n.vpcId)
      v.add(
        "RCH_REGIONAL_NAT_ROUTE_TABLE_ELSEWHERE",
        `${path}.routeTableId`,
        `Route table ${table.id} is in VPC ${table.vpcId}, not in the regional NAT gateway's VPC ${n.vpcId}.`,
        ["NAT-07"],
      );
    const zones = new Set<string>();
    n.addresses.forEach((a, j) => {
      if (zones.has(a.availabilityZone))
        v.add(
          "RCH_REGIONAL_NAT_ZONE_TWICE",
          `${path}.addresses[${j}].availabilityZone`,
          `Regional NAT gateway ${n.id} already lists an address for ${a.availabilityZone}; the model translates a zone's traffic to one address.`,
          ["NAT-07"],
          "warning",
        );
      zones.add(a.availabilityZone);
    });
    if (n.addresses.length === 0)
      v.add(
        "RCH_NAT_WITHOUT_EIP",
        `${path}.addresses`,
        `Regional NAT gateway ${n.id} has no Elastic IP address in any zone, so it translates nothing.`,
        ["NAT-07"],
      );
  });
}
