// Network ACLs (aws-rules §5.7): stateless (ACL-02), rules evaluated by ascending rule number, first
// match wins (ACL-03), implicit final deny `*` (ACL-04), IPv4 and IPv6 rules separate (ACL-07).
import { type Cidr, cidrContainsIp, type IpAddress } from "./cidr";
import type { Protocol } from "./query";
import {
  type CompiledMatch,
  compileMatch,
  describePorts,
  matchesCompiled,
  packetProtocolNumber,
} from "./rule-match";
import type { NaclRule } from "./topology";
import { type ComponentRef, componentRef } from "./trace";

export type NaclMatched = { readonly kind: "nacl-rule"; readonly description: string };
export type CompiledNaclRule = CompiledMatch & {
  readonly rule: NaclRule;
  readonly cidr: Cidr;
  readonly description: string;
  readonly ruleNumber: number;
  readonly allow: boolean;
  /** Same as `allow`: with it a compiled rule is its own NaclVerdict, so evaluation allocates nothing. */
  readonly allowed: boolean;
  /** The trace's `matched` entry ("inbound rule 100 allow ..."), built once. */
  readonly matched: NaclMatched;
};
export type CompiledNetworkAcl = {
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  /** Sorted by rule number: array order in the topology never matters (ACL-03). */
  readonly inbound: readonly CompiledNaclRule[];
  readonly outbound: readonly CompiledNaclRule[];
  /** Trace component, built once. */
  readonly componentRef: ComponentRef;
};

export type NaclVerdict = {
  readonly allowed: boolean;
  readonly ruleNumber: number | "*";
  readonly description: string;
  readonly matched: NaclMatched;
};

const DEFAULT_DENY = "rule * (deny all unmatched traffic)";
const DEFAULT_DENY_VERDICT: Readonly<Record<"inbound" | "outbound", NaclVerdict>> = {
  inbound: Object.freeze({
    allowed: false,
    ruleNumber: "*",
    description: DEFAULT_DENY,
    matched: Object.freeze({ kind: "nacl-rule", description: `inbound ${DEFAULT_DENY}` }),
  }),
  outbound: Object.freeze({
    allowed: false,
    ruleNumber: "*",
    description: DEFAULT_DENY,
    matched: Object.freeze({ kind: "nacl-rule", description: `outbound ${DEFAULT_DENY}` }),
  }),
};
export type NaclPacket = { remote: IpAddress; protocol: Protocol; port: number | undefined };

export function evaluateNetworkAcl(
  acl: CompiledNetworkAcl,
  direction: "inbound" | "outbound",
  packet: NaclPacket,
): NaclVerdict {
  const remote = packet.remote;
  const proto = packetProtocolNumber(packet.protocol, remote.family);
  for (const entry of acl[direction]) {
    if (entry.cidr.family !== remote.family) continue;
    if (!matchesCompiled(entry, proto, packet.protocol, packet.port)) continue;
    if (!cidrContainsIp(entry.cidr, remote)) continue;
    return entry;
  }
  return DEFAULT_DENY_VERDICT[direction];
}

/**
 * `shared`: compiled rules keyed by content, reused across ACLs of one network (hash-consing). Real
 * topologies repeat the same NACL entries in many ACLs; sharing one frozen object per distinct entry
 * keeps the query path's working set small. Entries are immutable, so sharing cannot leak state.
 */
export function compileNetworkAcl(
  acl: {
    readonly id: string;
    readonly name?: string | undefined;
    readonly vpcId: string;
    readonly isDefault: boolean;
    readonly inbound: readonly NaclRule[];
    readonly outbound: readonly NaclRule[];
  },
  toCidr: (text: string) => Cidr,
  shared?: Map<string, CompiledNaclRule>,
): CompiledNetworkAcl {
  const inbound = compileRules(acl.inbound, "inbound", toCidr, shared);
  const outbound = compileRules(acl.outbound, "outbound", toCidr, shared);
  const ref = componentRef(acl.id, "network-acl", acl.name);
  // Two literals rather than a conditional spread (V8's slow path).
  return acl.name !== undefined
    ? {
        id: acl.id,
        name: acl.name,
        vpcId: acl.vpcId,
        isDefault: acl.isDefault,
        inbound,
        outbound,
        componentRef: ref,
      }
    : { id: acl.id, vpcId: acl.vpcId, isDefault: acl.isDefault, inbound, outbound, componentRef: ref };
}

const byRuleNumber = (a: NaclRule, b: NaclRule): number => a.ruleNumber - b.ruleNumber;

function compileRules(
  rules: readonly NaclRule[],
  direction: "inbound" | "outbound",
  toCidr: (text: string) => Cidr,
  shared: Map<string, CompiledNaclRule> | undefined,
): CompiledNaclRule[] {
  const sorted = [...rules].sort(byRuleNumber);
  const out: CompiledNaclRule[] = [];
  for (const rule of sorted) {
    if (!shared) {
      out.push(compileRule(rule, direction, toCidr));
      continue;
    }
    const key = `${direction}|${rule.ruleNumber}|${String(rule.protocol)}|${rule.fromPort ?? ""}|${rule.toPort ?? ""}|${rule.cidrBlock}|${rule.action}`;
    let entry = shared.get(key);
    if (!entry) shared.set(key, (entry = compileRule(rule, direction, toCidr)));
    out.push(entry);
  }
  return out;
}

function compileRule(
  rule: NaclRule,
  direction: "inbound" | "outbound",
  toCidr: (text: string) => Cidr,
): CompiledNaclRule {
  const description = `rule ${rule.ruleNumber} ${rule.action} ${describePorts(rule.protocol, rule.fromPort, rule.toPort)} ${rule.cidrBlock}`;
  const m = compileMatch(rule.protocol, rule.fromPort, rule.toPort);
  // Written out rather than `{ ...m, rule, ... }`: keys added after a spread take V8's slow path (hot build path).
  return Object.freeze({
    proto: m.proto,
    portLo: m.portLo,
    portHi: m.portHi,
    rule,
    cidr: toCidr(rule.cidrBlock),
    description,
    ruleNumber: rule.ruleNumber,
    allow: rule.action === "allow",
    allowed: rule.action === "allow",
    matched: Object.freeze({ kind: "nacl-rule" as const, description: `${direction} ${description}` }),
  });
}

/**
 * ACL-05/ACL-06: the allow-all NACL a subnet without an explicit one uses. Its rules are the same for every VPC
 * (only IPv6 presence varies), so they are compiled once per module and shared (frozen, immutable).
 */
export function compileDefaultNetworkAcl(
  id: string,
  vpcId: string,
  withIpv6: boolean,
  toCidr: (text: string) => Cidr,
): CompiledNetworkAcl {
  const key = withIpv6 ? "v6" : "v4";
  let rules = DEFAULT_RULES.get(key);
  if (!rules) {
    const list = defaultNaclRules(withIpv6);
    rules = {
      inbound: Object.freeze(compileRules(list, "inbound", toCidr, undefined)),
      outbound: Object.freeze(compileRules(list, "outbound", toCidr, undefined)),
    };
    DEFAULT_RULES.set(key, rules);
  }
  return {
    id,
    vpcId,
    isDefault: true,
    inbound: rules.inbound,
    outbound: rules.outbound,
    componentRef: componentRef(id, "network-acl", undefined),
  };
}

const DEFAULT_RULES = new Map<
  "v4" | "v6",
  { inbound: readonly CompiledNaclRule[]; outbound: readonly CompiledNaclRule[] }
>();

/** aws-rules ACL-05: the default NACL allows everything (rule 100 IPv4, 101 IPv6). */
export function defaultNaclRules(withIpv6: boolean): NaclRule[] {
  const rules: NaclRule[] = [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }];
  if (withIpv6) rules.push({ ruleNumber: 101, protocol: "all", cidrBlock: "::/0", action: "allow" });
  return rules;
}
