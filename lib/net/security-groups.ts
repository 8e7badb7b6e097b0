// Security groups (aws-rules §5.6): allow-only rules, unioned across all groups on the ENI (SG-01),
// stateful (SG-02: replies are never judged here – the walker skips SGs on the return path).
import { type Cidr, cidrContainsIp, type IpAddress } from "./cidr";
import type { Protocol } from "./query";
import {
  type CompiledMatch,
  compileMatch,
  describePorts,
  matchesCompiled,
  packetProtocolNumber,
} from "./rule-match";
import type { SgRule } from "./topology";

export type CompiledSgRule = CompiledMatch & {
  readonly rule: SgRule;
  readonly cidr?: Cidr | undefined;
  /** The rule's prefix list and referenced group, copied from `rule` so a check never reads the topology's object. */
  readonly prefixListId?: string | undefined;
  readonly securityGroupId?: string | undefined;
  readonly description: string;
  /** "web: inbound": with `description`, the trace's text when this rule allows a packet. */
  readonly matchedPrefix: string;
  /** The trace's `matched` entry, built on first use by `sgRuleMatched` and then shared (frozen). */
  matched?: { readonly kind: "sg-rule"; readonly description: string } | undefined;
};

export function sgRuleMatched(rule: CompiledSgRule): {
  readonly kind: "sg-rule";
  readonly description: string;
} {
  return (rule.matched ??= Object.freeze({
    kind: "sg-rule" as const,
    description: `${rule.matchedPrefix} ${rule.description}`,
  }));
}
export type CompiledSecurityGroup = {
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string;
  readonly inbound: readonly CompiledSgRule[];
  readonly outbound: readonly CompiledSgRule[];
};

export type SgPeerContext = {
  /** CIDRs of a prefix list id, or undefined if unknown. */
  prefixListCidrs(id: string): readonly Cidr[] | undefined;
  /** Does the remote address belong to an ENI in SG `sgId` that this ENI's VPC may reference (SG-06, PCX-11)? */
  isMemberOfReferencedGroup(sgId: string, remote: IpAddress): boolean;
};

export type SgVerdict =
  | { allowed: true; group: CompiledSecurityGroup; rule: CompiledSgRule }
  | { allowed: false; noRules: boolean };

export type SgPacket = { remote: IpAddress; protocol: Protocol; port: number | undefined };

export function ruleMatches(rule: CompiledSgRule, packet: SgPacket, ctx: SgPeerContext): boolean {
  return compiledRuleMatches(rule, packetProtocolNumber(packet.protocol, packet.remote.family), packet, ctx);
}

function compiledRuleMatches(
  rule: CompiledSgRule,
  proto: number,
  packet: SgPacket,
  ctx: SgPeerContext,
): boolean {
  if (!matchesCompiled(rule, proto, packet.protocol, packet.port)) return false;
  if (rule.cidr) return cidrContainsIp(rule.cidr, packet.remote);
  if (rule.prefixListId !== undefined)
    return (ctx.prefixListCidrs(rule.prefixListId) ?? []).some((c) => cidrContainsIp(c, packet.remote));
  if (rule.securityGroupId !== undefined)
    return ctx.isMemberOfReferencedGroup(rule.securityGroupId, packet.remote);
  return false;
}

/**
 * The first of these rules that allows the packet: the interface's groups' rules in one flat list (group order,
 * then rule order, so the same rule evaluateSecurityGroups reports), without a verdict object per check.
 */
export function firstMatchingRule(
  rules: readonly CompiledSgRule[],
  packet: SgPacket,
  ctx: SgPeerContext,
): CompiledSgRule | undefined {
  const proto = packetProtocolNumber(packet.protocol, packet.remote.family);
  for (const rule of rules) if (compiledRuleMatches(rule, proto, packet, ctx)) return rule;
  return undefined;
}

/** SG-01: any matching rule of any attached group allows; order never matters. */
export function evaluateSecurityGroups(
  groups: readonly CompiledSecurityGroup[],
  direction: "inbound" | "outbound",
  packet: SgPacket,
  ctx: SgPeerContext,
): SgVerdict {
  let ruleCount = 0;
  const proto = packetProtocolNumber(packet.protocol, packet.remote.family);
  for (const group of groups) {
    const rules = group[direction];
    ruleCount += rules.length;
    for (const rule of rules)
      if (compiledRuleMatches(rule, proto, packet, ctx)) return { allowed: true, group, rule };
  }
  return { allowed: false, noRules: ruleCount === 0 };
}

const ALLOW_ALL_EGRESS: SgRule[] = [
  { protocol: "all", cidrBlock: "0.0.0.0/0" },
  { protocol: "all", cidrBlock: "::/0" },
];

/**
 * Compiled rules reused across the networks of one NetworkCache (network-cache.ts), by rule list and by rule
 * object: a question's variant that edits one rule of a group keeps every other rule object, and usually the other
 * direction's list, so those are not described again. A compiled rule's texts also name its group and direction
 * (`matchedPrefix`), so an entry is reused only under the same prefix. Sound because compiled rules are immutable
 * (but for the `matched` text built from those same fields) and a topology's rules are never modified.
 */
export type SgRuleReuse = {
  readonly lists: Map<readonly SgRule[], readonly CompiledSgRule[]>;
  readonly rules: Map<SgRule, CompiledSgRule>;
};

export function sgRulesByObject(): SgRuleReuse {
  return { lists: new Map(), rules: new Map() };
}

export function compileSecurityGroup(
  sg: {
    readonly id: string;
    readonly name?: string | undefined;
    readonly vpcId: string;
    readonly inbound: readonly SgRule[];
    readonly outbound?: readonly SgRule[] | undefined;
  },
  toCidr: (text: string) => Cidr,
  reuse?: SgRuleReuse,
): CompiledSecurityGroup {
  const label = sg.name ?? sg.id;
  // SG-03: a group written without `outbound` has AWS's default allow-all egress rule.
  const inbound = compileRules(sg.inbound, `${label}: inbound`, toCidr, reuse);
  const outboundRules = compileRules(sg.outbound ?? ALLOW_ALL_EGRESS, `${label}: outbound`, toCidr, reuse);
  // Two literals rather than a conditional spread (V8's slow path).
  return sg.name !== undefined
    ? { id: sg.id, name: sg.name, vpcId: sg.vpcId, inbound, outbound: outboundRules }
    : { id: sg.id, vpcId: sg.vpcId, inbound, outbound: outboundRules };
}

function compileRules(
  rules: readonly SgRule[],
  matchedPrefix: string,
  toCidr: (text: string) => Cidr,
  reuse: SgRuleReuse | undefined,
): readonly CompiledSgRule[] {
  if (!reuse) return rules.map((rule) => compileRule(rule, matchedPrefix, toCidr));
  const known = reuse.lists.get(rules);
  if (known !== undefined && (known.length === 0 || known[0]?.matchedPrefix === matchedPrefix)) return known;
  const out: CompiledSgRule[] = [];
  for (const rule of rules) {
    let compiled = reuse.rules.get(rule);
    if (compiled === undefined || compiled.matchedPrefix !== matchedPrefix)
      reuse.rules.set(rule, (compiled = compileRule(rule, matchedPrefix, toCidr)));
    out.push(compiled);
  }
  reuse.lists.set(rules, out);
  return out;
}

function compileRule(rule: SgRule, matchedPrefix: string, toCidr: (text: string) => Cidr): CompiledSgRule {
  const peer = rule.cidrBlock ?? rule.prefixListId ?? rule.securityGroupId ?? "?";
  const m = compileMatch(rule.protocol, rule.fromPort, rule.toPort);
  // Every field in one literal, in one order: the rules a check walks then share one hidden class.
  const compiled: { -readonly [K in keyof CompiledSgRule]: CompiledSgRule[K] } = {
    proto: m.proto,
    portLo: m.portLo,
    portHi: m.portHi,
    rule,
    cidr: rule.cidrBlock !== undefined ? toCidr(rule.cidrBlock) : undefined,
    prefixListId: rule.prefixListId,
    securityGroupId: rule.securityGroupId,
    description: `${describePorts(rule.protocol, rule.fromPort, rule.toPort)} ${peer}`,
    matchedPrefix,
    matched: undefined,
  };
  return compiled;
}
