// The two packet filters a step applies: security groups on an interface (SG-01..06, stateful) and the
// network ACL at a subnet boundary (ACL-01..08, stateless).
import { type Cidr, type IpAddress, ipKey } from "./cidr";
import { named } from "./explanations";
import {
  type EniInfo,
  type EniSecurity,
  findPeering,
  type Network,
  networkAclOf,
  type SubnetInfo,
  type VpcInfo,
} from "./network-model";
import { eniSecurity, securityGroupMembers } from "./network-indexes";
import { evaluateNetworkAcl } from "./network-acls";
import type { NamedRef } from "./trace";
import { isPeeringActive } from "./peering-status";
import {
  type CompiledSgRule,
  evaluateSecurityGroups,
  firstMatchingRule,
  type SgPeerContext,
  sgRuleMatched,
  type SgVerdict,
} from "./security-groups";
import { cidrOnlyVpcContaining } from "./peer-hosts";
import { inertReferences, missingGroupReferences } from "./sg-references";
import { addHop, block, type BlockDetail, type Link, type Pkt, type Walk } from "./walk-state";

/**
 * SG peer context for one ENI's VPC. A class rather than an object of closures: it is created on
 * every SG check, and methods on the prototype cost no per-call function allocation.
 */
class SgContext implements SgPeerContext {
  constructor(
    private readonly net: Network,
    private readonly vpc: VpcInfo,
    private readonly now: number,
    private readonly inbound = true,
    /** SG-07: the packet came through a middlebox, so no rule that references a group matches it. */
    private readonly throughMiddlebox = false,
    /**
     * SG-06: how the packet crosses between this VPC and the remote one: inbound, the link it arrived by; outbound,
     * the route it leaves by (a function: looked up only when a rule names another VPC's group). Undefined when
     * the step does not know (a load balancer's or an appliance's groups): then any usable link counts.
     */
    private via?: Link | (() => Link | undefined),
  ) {}

  /** `via`, looked up once. */
  crossing(): Link | undefined {
    if (typeof this.via === "function") this.via = this.via();
    return this.via;
  }

  prefixListCidrs(id: string): readonly Cidr[] | undefined {
    return this.net.prefixLists.get(id);
  }

  isMemberOfReferencedGroup(rawId: string, remote: IpAddress): boolean {
    if (this.throughMiddlebox) return false;
    const slash = rawId.indexOf("/");
    const id = slash === -1 ? rawId : rawId.slice(slash + 1);
    const group = this.net.securityGroups.get(id);
    if (!group) return this.isAssumedPeerHostMember(rawId, remote);
    if (!securityGroupMembers(this.net).get(id)?.has(ipKey(remote))) return false;
    if (group.vpcId === this.vpc.id) return true;
    // SG-06 / PCX-11: a peer VPC's group may be referenced over an active, same-Region peering.
    const other = this.net.vpcs.get(group.vpcId);
    if (!other || other.region !== this.vpc.region) return false;
    const via = this.crossing();
    if (via !== undefined)
      return carriesReference(this.net, via, this.vpc.id, other.id, this.inbound, this.now);
    const pcx = findPeering(this.net, this.vpc.id, other.id);
    if (pcx && isPeeringActive(pcx, this.now)) return true;
    // TGW-13: inbound rules may reference a group of another VPC attached to the same transit gateway
    // when referencing support is on for the transit gateway and for both VPC attachments.
    return this.inbound && referencesAcrossTransitGateway(this.net, this.vpc.id, other.id);
  }

  /**
   * A group the snapshot does not describe, named `account/sg-…`, and a remote address in a peer VPC of that
   * account known only by its CIDRs across an active same-Region peering (PCX-11): the host is assumed to be a
   * member (peer-hosts.ts states it), since that VPC's groups are not in this output.
   */
  private isAssumedPeerHostMember(rawId: string, remote: IpAddress): boolean {
    const slash = rawId.indexOf("/");
    if (slash === -1 || this.throughMiddlebox) return false;
    const peer = cidrOnlyVpcContaining(this.net, remote);
    if (!peer || peer.region !== this.vpc.region) return false;
    if (peer.vpc.accountId !== undefined && peer.vpc.accountId !== rawId.slice(0, slash)) return false;
    const pcx = findPeering(this.net, this.vpc.id, peer.id);
    if (pcx === undefined || !isPeeringActive(pcx, this.now)) return false;
    const via = this.crossing();
    return via === undefined || (via.kind === "pcx" && via.id === pcx.id);
  }
}

/**
 * SG-06, PCX-11, TGW-13: does the link the packet crosses between VPCs `here` and `there` carry a reference to a
 * group of `there`? A peering between the two does (while active); a transit gateway does for inbound rules when
 * referencing support is on for it and both VPC attachments (`via.id` is the attachment the packet arrived by);
 * anything else does not, even when an active peering exists beside the path the routes chose.
 */
export function carriesReference(
  net: Network,
  via: Link,
  here: string,
  there: string,
  inbound: boolean,
  now: number,
): boolean {
  if (via.kind === "pcx") {
    const pcx = findPeering(net, here, there);
    return pcx !== undefined && pcx.id === via.id && isPeeringActive(pcx, now);
  }
  if (via.kind !== "tgw" || !inbound) return false;
  const tgwId = net.tgw.attachments.get(via.id)?.transitGatewayId;
  return tgwId !== undefined && referencesAcrossTransitGateway(net, here, there, tgwId);
}

/** Both VPCs have available VPC attachments, with referencing on, to one transit gateway that has it on (TGW-13). */
function referencesAcrossTransitGateway(net: Network, a: string, b: string, only?: string): boolean {
  const t = net.topology;
  for (const tgw of t.transitGateways) {
    if (only !== undefined && tgw.id !== only) continue;
    if (tgw.securityGroupReferencingSupport !== true || tgw.state !== "available") continue;
    const attached = (vpcId: string) =>
      t.transitGatewayAttachments.some(
        (x) =>
          x.transitGatewayId === tgw.id &&
          x.type === "vpc" &&
          x.vpcId === vpcId &&
          x.state === "available" &&
          x.securityGroupReferencingSupport !== false,
      );
    if (attached(a) && attached(b)) return true;
  }
  return false;
}

const STATEFUL_REPLY = Object.freeze({
  kind: "sg-rule" as const,
  description: "reply allowed by connection tracking (stateful)",
});
/** The `matched` entry of a refused packet, one per side, shared by every trace (frozen). */
const NO_RULE_MATCHES = Object.freeze({
  inbound: Object.freeze({ kind: "sg-rule" as const, description: "no inbound rule matches" }),
  outbound: Object.freeze({ kind: "sg-rule" as const, description: "no outbound rule matches" }),
});

/** The ordinary SG peer context of a VPC, for a step that judges groups of its own (a load balancer's). */
export function sgPeerContext(w: Walk, vpc: VpcInfo): SgPeerContext {
  return new SgContext(w.net, vpc, w.now);
}

/**
 * SG check on an ENI. Returns true if allowed. On the return path SGs are stateful (SG-02, ORD-03).
 * `on`: judge these groups for this interface instead of the ENI's own (a load balancer's groups), and
 * `peers`: how referenced groups are matched (a target referencing its load balancer's group).
 */
export function checkSecurityGroups(
  w: Walk,
  eni: EniInfo,
  direction: "inbound" | "outbound",
  p: Pkt,
  on?: {
    groups: EniSecurity["groups"];
    ref: EniSecurity["ref"];
    remote?: IpAddress;
    loadBalancer?: NamedRef;
  },
  peers?: SgPeerContext,
  /** How the packet crosses between VPCs (SgContext's `via`): the arriving link, or the leaving route. */
  via?: Link | (() => Link | undefined),
): boolean {
  if (w.direction === "return") {
    const sgRef = on?.ref ?? eniSecurity(w.net, eni).ref;
    // Written out rather than spread from a template (a spread takes V8's slow path); same key order.
    addHop(
      w,
      sgRef,
      "allow",
      { kind: "security-group", side: "inbound", stateful: true, groups: sgRef.id },
      { inbound: p, matched: STATEFUL_REPLY },
    );
    return true;
  }
  return judgeSecurityGroups(w, eni, direction, p, on, peers, via);
}

/**
 * SG-02: a reply at an interface that never carried its request (TGW-11: an appliance in another zone than the one
 * the request crossed). Security groups track connections per interface ("Amazon EC2 security group connection
 * tracking"), so nothing is tracked there and the reply is judged by the group's rules, as a new connection is.
 */
export function checkSecurityGroupsUntracked(
  w: Walk,
  eni: EniInfo,
  direction: "inbound" | "outbound",
  p: Pkt,
): boolean {
  return judgeSecurityGroups(w, eni, direction, p);
}

/** The rules of the groups decide (a request, or an untracked reply). */
function judgeSecurityGroups(
  w: Walk,
  eni: EniInfo,
  direction: "inbound" | "outbound",
  p: Pkt,
  on?: Parameters<typeof checkSecurityGroups>[4],
  peers?: SgPeerContext,
  via?: Link | (() => Link | undefined),
): boolean {
  const own = on === undefined ? eniSecurity(w.net, eni) : undefined;
  const { groups, ref: sgRef } = own ?? (on as NonNullable<typeof on>);
  const remote = on?.remote ?? (direction === "inbound" ? p.src : p.dst);
  const packet = { remote, protocol: p.protocol, port: filterPort(w, p) };
  const ctx =
    peers ?? new SgContext(w.net, eni.vpc, w.now, direction === "inbound", w.middlebox !== undefined, via);
  const rule = own
    ? firstMatchingRule(own[direction], packet, ctx)
    : allowingRule(evaluateSecurityGroups(groups, direction, packet, ctx));
  if (rule) {
    const matched = sgRuleMatched(rule);
    addHop(
      w,
      sgRef,
      "allow",
      { kind: "security-group", groups: sgRef.id, side: direction, rule: matched.description },
      { inbound: p, matched },
    );
    return true;
  }
  addHop(
    w,
    sgRef,
    "deny",
    { kind: "security-group", groups: sgRef.id, side: direction },
    { inbound: p, matched: NO_RULE_MATCHES[direction] },
  );
  const rulesChecked = own ? checkedRules(own, direction) : rulesOf(groups, direction);
  const noRules = own ? own[direction].length === 0 : groups.every((g) => g[direction].length === 0);
  const inert = on
    ? []
    : inertReferences(
        w.net,
        eni.vpc,
        groups,
        direction,
        { remote, protocol: p.protocol, port: p.dstPort },
        w.now,
        w.middlebox,
        ctx instanceof SgContext ? ctx.crossing() : undefined,
      );
  // Optional keys assigned after the literal, in key order: conditional spreads take V8's slow path.
  const detail: { -readonly [K in keyof SgDetail]: SgDetail[K] } = {
    kind: "security-group",
    side: direction,
    groups: groups.map(named),
    eni: named(eni),
    traffic: { protocol: p.protocol, port: p.dstPort },
    remote: remote.text,
    rulesChecked,
  };
  if (on?.loadBalancer) detail.loadBalancer = on.loadBalancer;
  if (inert.length > 0) detail.inertReferences = inert;
  const missing = on
    ? []
    : missingGroupReferences(w.net, groups, direction, { remote, protocol: p.protocol, port: p.dstPort });
  if (missing.length > 0) detail.missingReferences = missing;
  block(w, noRules ? "SG_HAS_NO_RULES" : "ENI_SG_RULES_MISMATCH", groups[0]?.id ?? eni.id, detail);
  return false;
}

type SgDetail = BlockDetail<"ENI_SG_RULES_MISMATCH">;

function allowingRule(verdict: SgVerdict): CompiledSgRule | undefined {
  return verdict.allowed ? verdict.rule : undefined;
}

/** Every rule of `direction` of these groups, as a refusal lists them ("web: inbound tcp/443 0.0.0.0/0"). */
function rulesOf(groups: EniSecurity["groups"], direction: "inbound" | "outbound"): readonly string[] {
  return groups.flatMap((g) => g[direction].map((r) => sgRuleMatched(r).description));
}

/** An interface's `rulesOf` list, built on its first refusal and then shared by every trace (frozen). */
function checkedRules(security: EniSecurity, direction: "inbound" | "outbound"): readonly string[] {
  // Both sides in the literal: a side added to a built object later would sit in a separate property store.
  const checked = (security.rulesChecked ??= { inbound: undefined, outbound: undefined });
  return (checked[direction] ??= Object.freeze(rulesOf(security.groups, direction)));
}

/**
 * What a rule's port range is matched against: the destination port, or for ICMP the type (SG-05). `--protocol
 * icmp` asks about ping: the request is an echo request (8, ICMPv6 128) and the reply an echo reply (0, ICMPv6
 * 129), so a network ACL that allows only echo requests drops the reply (ACL-02).
 */
function filterPort(w: Walk, p: Pkt): number | undefined {
  if (p.protocol !== "icmp") return p.dstPort;
  const v6 = p.dst.family === 6;
  return w.direction === "forward" ? (v6 ? 128 : 8) : v6 ? 129 : 0;
}

/** NACL check at a subnet boundary (ACL-01), stateless (ACL-02). */
export function checkNetworkAcl(
  w: Walk,
  subnet: SubnetInfo,
  direction: "inbound" | "outbound",
  p: Pkt,
): boolean {
  const remote = direction === "inbound" ? p.src : p.dst;
  const acl = networkAclOf(w.net, subnet);
  const verdict = evaluateNetworkAcl(acl, direction, {
    remote,
    protocol: p.protocol,
    port: filterPort(w, p),
  });
  addHop(
    w,
    acl.componentRef,
    verdict.allowed ? "allow" : "deny",
    {
      kind: "network-acl",
      acl: acl.id,
      side: direction,
      ruleNumber: verdict.ruleNumber,
      allowed: verdict.allowed,
    },
    { inbound: p, matched: verdict.matched },
  );
  if (verdict.allowed) return true;
  block(w, "SUBNET_ACL_RESTRICTION", acl.id, {
    kind: "network-acl",
    side: direction,
    acl: named(acl),
    subnet: named(subnet.subnet),
    traffic: { protocol: p.protocol, port: p.dstPort },
    remote: remote.text,
    ruleNumber: verdict.ruleNumber,
    rule: verdict.description,
  });
  return false;
}
