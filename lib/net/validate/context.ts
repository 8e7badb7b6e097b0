// What every validation checker shares: the issue list, id lookups, parsed CIDRs (each text parsed once) and the
// resources by id. One context per validate() call; nothing outlives it.
import { type Cidr, cidrContainsIp, parseCidr, parseIp } from "../cidr";
import { primaryEniIdFor } from "../network-core";
import type { Subnet, Topology, Vpc } from "../topology";

export type ValidationIssue = {
  code: string;
  path: string;
  message: string;
  rules: string[];
  severity: "error" | "warning";
};

/**
 * Items by id, the first definition winning: a duplicate id is reported once (RCH_DUPLICATE_ID, "already used
 * by subnets[0]"), and the other checks resolve the id to that first definition, so they raise no follow-on
 * errors about the second (uxr5 finding 7: "10.0.1.10 is not inside subnet subnet-public (10.0.2.0/24)").
 */
export function firstById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

export class ValidationContext {
  readonly issues: ValidationIssue[] = [];
  /** id -> where it is defined ("subnets[3]"). */
  readonly ids = new Map<string, string>();
  readonly vpcById: ReadonlyMap<string, Vpc>;
  readonly subnetById: ReadonlyMap<string, Subnet>;
  private readonly cidrs = new Map<string, Cidr | undefined>();
  private readonly vpcCidrList = new Map<string, readonly Cidr[]>();

  constructor(readonly topology: Topology) {
    this.vpcById = firstById(topology.vpcs);
    this.subnetById = firstById(topology.subnets);
  }

  add(
    code: string,
    path: string,
    message: string,
    rules: string[],
    severity: "error" | "warning" = "error",
  ): void {
    this.issues.push({ code, path, message, rules, severity });
  }

  has(id: string | undefined): boolean {
    return id !== undefined && this.ids.has(id);
  }

  /** An issue when `id` is given but names nothing in the topology. */
  ref(path: string, id: string | undefined, what: string): void {
    if (id !== undefined && !this.has(id))
      this.add("RCH_UNKNOWN_REFERENCE", path, `${what} "${id}" does not exist in this topology.`, []);
  }

  cidrOf(text: string): Cidr | undefined {
    if (this.cidrs.has(text)) return this.cidrs.get(text);
    const p = parseCidr(text);
    const c = p.ok ? p.value : undefined;
    this.cidrs.set(text, c);
    return c;
  }

  /** Every IPv4 and IPv6 block of a VPC, parsed. */
  vpcCidrs(vpcId: string): readonly Cidr[] {
    let list = this.vpcCidrList.get(vpcId);
    if (!list) {
      const v = this.vpcById.get(vpcId);
      list = v ? [...v.cidrBlocks, ...v.ipv6CidrBlocks].flatMap((t) => this.cidrOf(t) ?? []) : [];
      this.vpcCidrList.set(vpcId, list);
    }
    return list;
  }

  /**
   * An interface's subnet, groups and address (inside the subnet, not one of the five reserved ones).
   * `owner` names the resource in messages ("network interface eni-0abc").
   */
  checkInterface(
    path: string,
    subnetId: string,
    ip: string,
    sgIds: readonly string[],
    owner = "The interface",
  ): void {
    this.ref(`${path}.subnetId`, subnetId, "Subnet");
    sgIds.forEach((g, k) => this.ref(`${path}.securityGroupIds[${k}]`, g, "Security group"));
    const s = this.subnetById.get(subnetId);
    const c = s?.cidrBlock !== undefined ? this.cidrOf(s.cidrBlock) : undefined;
    const parsed = parseIp(ip);
    if (s && parsed.ok && parsed.value.family === 4) this.ipv4InIpv6Only(`${path}.privateIp`, s, ip, owner);
    if (!c || !parsed.ok) return;
    if (!cidrContainsIp(c, parsed.value)) {
      this.add(
        "RCH_ADDRESS_OUTSIDE_SUBNET",
        `${path}.privateIp`,
        `${ip} is not inside subnet ${subnetId} (${s?.cidrBlock}).`,
        ["VPC-02"],
      );
    } else if (c.family === 4 && parsed.value.family === 4) {
      const offset = parsed.value.value - c.network;
      const last = 2 ** (32 - c.prefix) - 1;
      if (offset <= 3 || offset === last)
        this.add(
          "RCH_RESERVED_ADDRESS",
          `${path}.privateIp`,
          `${ip} is one of the five addresses AWS reserves in ${s?.cidrBlock}.`,
          ["VPC-03"],
        );
    }
  }

  /**
   * VPC-04: an IPv6-only subnet (an IPv6 block, no IPv4 block) has no IPv4 address to give, so an IPv4
   * address (private, secondary or public) on an interface there is one AWS could never have assigned.
   */
  ipv4InIpv6Only(path: string, subnet: Subnet, ip: string, owner: string): void {
    if (subnet.cidrBlock !== undefined || subnet.ipv6CidrBlock === undefined) return;
    const field = path.slice(path.lastIndexOf(".") + 1);
    this.add(
      "RCH_IPV4_IN_IPV6_ONLY_SUBNET",
      path,
      `${owner} has the IPv4 address ${ip} (${field}), but subnet ${subnet.id} is IPv6-only (${subnet.ipv6CidrBlock}, no IPv4 CIDR block): AWS assigns interfaces there IPv6 addresses only, and no public IPv4 address without a private one.`,
      ["VPC-04"],
    );
  }
}

export { primaryEniIdFor };
