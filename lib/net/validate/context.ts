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

export class ValidationContext {
  readonly issues: ValidationIssue[] = [];
  /** id -> where it is defined ("subnets[3]"). */
  readonly ids = new Map<string, string>();
  readonly vpcById: ReadonlyMap<string, Vpc>;
  readonly subnetById: ReadonlyMap<string, Subnet>;
  private readonly cidrs = new Map<string, Cidr | undefined>();
  private readonly vpcCidrList = new Map<string, readonly Cidr[]>();

  constructor(readonly topology: Topology) {
    this.vpcById = new Map(topology.vpcs.map((v) => [v.id, v]));
    this.subnetById = new Map(topology.subnets.map((x) => [x.id, x]));
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

  /** An interface's subnet, groups and address (inside the subnet, not one of the five reserved ones). */
  checkInterface(path: string, subnetId: string, ip: string, sgIds: readonly string[]): void {
    this.ref(`${path}.subnetId`, subnetId, "Subnet");
    sgIds.forEach((g, k) => this.ref(`${path}.securityGroupIds[${k}]`, g, "Security group"));
    const s = this.subnetById.get(subnetId);
    const c = s?.cidrBlock !== undefined ? this.cidrOf(s.cidrBlock) : undefined;
    const parsed = parseIp(ip);
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
}

export { primaryEniIdFor };
