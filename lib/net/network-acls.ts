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
  // Indexed: the for...of iterator here was not always optimised away (an iterator result per rule read showed
  // as the walk's largest allocation after the hops themselves).
  const entries = acl[direction];
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] as (typeof entries)[number];
    if (entry.cidr.family !== remote.family) continue;
    if (!matchesCompiled(entry, proto, packet.protocol, packet.port)) continue;
    if (!cidrContainsIp(entry.cidr, remote)) continue;
    return entry;
  }
  return DEFAULT_DENY_VERDICT[direction];
}

/**
 * Compiled rules a build reuses. By content within one network (hash-consing): real topologies repeat the same
 * NACL entries in many ACLs, and one frozen object per distinct entry keeps the query path's working set small.
 * By object across the networks of one NetworkCache (network-cache.ts): a question's variant that edits one rule
 * of an ACL keeps every other rule object, and often the other direction's whole list, so those are not compiled
 * (described, keyed, hashed) again; building and hashing the content key cost more than compiling the rule. Both
 * are sound because compiled rules are immutable and a topology's rules are never modified.
 */
export type NaclRuleReuse =
  | { readonly by: "content"; readonly rules: Map<string, CompiledNaclRule> }
  | {
      readonly by: "object";
      /** Per direction (a rule's `matched` text names it): by rule list, then by rule. */
      readonly lists: Readonly<Record<Direction, Map<readonly NaclRule[], readonly CompiledNaclRule[]>>>;
      readonly rules: Readonly<Record<Direction, Map<NaclRule, CompiledNaclRule>>>;
    };

type Direction = "inbound" | "outbound";

/** An empty by-object reuse, for the owner of a NetworkCache scope. */
export function naclRulesByObject(): NaclRuleReuse {
  return {
    by: "object",
    lists: { inbound: new Map(), outbound: new Map() },
    rules: { inbound: new Map(), outbound: new Map() },
  };
}

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
  reuse?: NaclRuleReuse,
): CompiledNetworkAcl {
  const inbound = compileRuleList(acl.inbound, "inbound", toCidr, reuse);
  const outbound = compileRuleList(acl.outbound, "outbound", toCidr, reuse);
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

/** The rules in rule-number order (ACL-03); a list already in order (the usual case) is not copied. */
function sortedRules(rules: readonly NaclRule[]): readonly NaclRule[] {
  for (let i = 1; i < rules.length; i += 1)
    if ((rules[i] as NaclRule).ruleNumber < (rules[i - 1] as NaclRule).ruleNumber)
      return [...rules].sort(byRuleNumber);
  return rules;
}

function compileRuleList(
  rules: readonly NaclRule[],
  direction: Direction,
  toCidr: (text: string) => Cidr,
  reuse: NaclRuleReuse | undefined,
): readonly CompiledNaclRule[] {
  if (reuse?.by !== "object") return compileRules(rules, direction, toCidr, reuse?.rules);
  const lists = reuse.lists[direction];
  let compiled = lists.get(rules);
  if (compiled === undefined) {
    const byRule = reuse.rules[direction];
    const out: CompiledNaclRule[] = [];
    for (const rule of sortedRules(rules)) {
      let entry = byRule.get(rule);
      if (entry === undefined) byRule.set(rule, (entry = compileRule(rule, direction, toCidr)));
      out.push(entry);
    }
    lists.set(rules, (compiled = out));
  }
  return compiled;
}

function compileRules(
  rules: readonly NaclRule[],
  direction: Direction,
  toCidr: (text: string) => Cidr,
  shared: Map<string, CompiledNaclRule> | undefined,
): CompiledNaclRule[] {
  const out: CompiledNaclRule[] = [];
  for (const rule of sortedRules(rules)) {
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
