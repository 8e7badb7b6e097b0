// Network ACLs (aws-rules §5.7): stateless (ACL-02), rules evaluated by ascending rule number, first
// match wins (ACL-03), implicit final deny `*` (ACL-04), IPv4 and IPv6 rules separate (ACL-07).
import { type Cidr, cidrContainsIp, type IpAddress } from "./cidr";
import type { Protocol } from "./query";
import { describePorts, matchesPort, matchesProtocol } from "./rule-match";
import type { NaclRule } from "./topology";

export type CompiledNaclRule = { readonly rule: NaclRule; readonly cidr: Cidr; readonly description: string };
export type CompiledNetworkAcl = {
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  /** Sorted by rule number: array order in the topology never matters (ACL-03). */
  readonly inbound: readonly CompiledNaclRule[];
  readonly outbound: readonly CompiledNaclRule[];
};

export type NaclVerdict = { allowed: boolean; ruleNumber: number | "*"; description: string };
export type NaclPacket = { remote: IpAddress; protocol: Protocol; port: number | undefined };

export function evaluateNetworkAcl(acl: CompiledNetworkAcl, direction: "inbound" | "outbound", packet: NaclPacket): NaclVerdict {
  for (const entry of acl[direction]) {
    const r = entry.rule;
    if (entry.cidr.family !== packet.remote.family) continue;
    if (!matchesProtocol(r.protocol, packet.protocol, packet.remote.family)) continue;
    if (!matchesPort(r.fromPort, r.toPort, packet.protocol, packet.port)) continue;
    if (!cidrContainsIp(entry.cidr, packet.remote)) continue;
    return { allowed: r.action === "allow", ruleNumber: r.ruleNumber, description: entry.description };
  }
  return { allowed: false, ruleNumber: "*", description: "rule * (deny all unmatched traffic)" };
}

export function compileNetworkAcl(
  acl: { id: string; name?: string | undefined; vpcId: string; isDefault: boolean; inbound: NaclRule[]; outbound: NaclRule[] },
  toCidr: (text: string) => Cidr,
): CompiledNetworkAcl {
  const compile = (rules: NaclRule[]): CompiledNaclRule[] =>
    [...rules]
      .sort((a, b) => a.ruleNumber - b.ruleNumber)
      .map((rule) => ({
        rule,
        cidr: toCidr(rule.cidrBlock),
        description: `rule ${rule.ruleNumber} ${rule.action} ${describePorts(rule.protocol, rule.fromPort, rule.toPort)} ${rule.cidrBlock}`,
      }));
  return {
    id: acl.id,
    ...(acl.name !== undefined ? { name: acl.name } : {}),
    vpcId: acl.vpcId,
    isDefault: acl.isDefault,
    inbound: compile(acl.inbound),
    outbound: compile(acl.outbound),
  };
}

/** aws-rules ACL-05: the default NACL allows everything (rule 100 IPv4, 101 IPv6). */
export function defaultNaclRules(withIpv6: boolean): NaclRule[] {
  const rules: NaclRule[] = [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }];
  if (withIpv6) rules.push({ ruleNumber: 101, protocol: "all", cidrBlock: "::/0", action: "allow" });
  return rules;
}
