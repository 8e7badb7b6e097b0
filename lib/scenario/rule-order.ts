// Why a network ACL rule decides or does not (ACL-03: lowest number first, the first match decides; ACL-04: the
// final * rule), and why a security group rule may name a group of a peered VPC (PCX-11), said about the rules
// the exhibit shows, so a key names the deciding rule and a distractor's near miss is explained (exam7 MINOR 5).
import { cidrContainsIp, parseCidr, parseIp } from "../net/cidr";
import { describePorts, matchesPort, matchesProtocol } from "../net/rule-match";
import type { Blocker, Topology } from "../net/index";

type NaclDetail = Extract<Blocker["detail"], { kind: "network-acl" }>;
type Rule = Topology["networkAcls"][number]["inbound"][number];

function ruleText(r: Rule): string {
  return `rule ${String(r.ruleNumber)} (${r.action} ${describePorts(r.protocol, r.fromPort, r.toPort)} ${r.cidrBlock})`;
}

/** Why rule r does not match the blocked traffic, "" when it matches, undefined when that cannot be told. */
function mismatch(r: Rule, d: NaclDetail): string | undefined {
  const ip = parseIp(d.remote);
  const cidr = parseCidr(r.cidrBlock);
  if (!ip.ok || !cidr.ok) return undefined;
  if (ip.value.family !== cidr.value.family || !cidrContainsIp(cidr.value, ip.value))
    return `${d.remote} is outside ${r.cidrBlock}`;
  if (!matchesProtocol(r.protocol, d.traffic.protocol, ip.value.family))
    return `the traffic is ${d.traffic.protocol.toUpperCase()}, which the rule does not cover`;
  if (!matchesPort(r.fromPort, r.toPort, d.traffic.protocol, d.traffic.port))
    return `port ${String(d.traffic.port)} is outside its port range`;
  return "";
}

function rulesOf(topology: Topology, d: NaclDetail): readonly Rule[] | undefined {
  const acl = topology.networkAcls.find((a) => a.id === d.acl.id);
  if (acl === undefined) return undefined;
  return [...(d.side === "inbound" ? acl.inbound : acl.outbound)].sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/**
 * The key's reason for a NACL drop: which rule matched and why it decides. A numbered deny wins because it is the
 * lowest-numbered rule that matches (a later allow is never reached); the * rule denies when no numbered rule
 * matches. Undefined when the blocker is not a NACL's or the shown ACL does not have the rule.
 */
export function naclDropSentence(topology: Topology, first: Blocker): string | undefined {
  const d = first.detail;
  if (d.kind !== "network-acl") return undefined;
  const rules = rulesOf(topology, d);
  if (rules === undefined) return undefined;
  const dir = first.direction === "return" ? "reply" : "request";
  const remote = `${d.side === "inbound" ? "from" : "to"} ${d.remote}`;
  if (d.ruleNumber === "*")
    return `No numbered ${d.side} rule of ${d.acl.name ?? d.acl.id} matches the ${dir} ${remote}, so its final * rule denies it (ACL-04).`;
  const deciding = rules.find((r) => r.ruleNumber === d.ruleNumber);
  if (deciding === undefined) return undefined;
  const later = rules.find(
    (r) => r.ruleNumber > deciding.ruleNumber && r.action === "allow" && mismatch(r, d) === "",
  );
  const beaten = later !== undefined ? `; ${ruleText(later)} would allow it, but is never reached` : "";
  return `Its ${d.side} ${ruleText(deciding)} is the lowest-numbered rule that matches the ${dir} ${remote}, so it decides${beaten} (ACL-03).`;
}

/**
 * A distractor blaming a numbered NACL rule that the shown rule does not match: why it does not, and which rule
 * evaluation moves on to and matches (ACL-03), as the clause after "not at fault here: ". Undefined when the
 * shown rule matches or is absent, or the rule that decides comes before it.
 */
export function naclNearMissClause(shown: Topology, b: Blocker): string | undefined {
  const d = b.detail;
  if (d.kind !== "network-acl" || d.ruleNumber === "*") return undefined;
  const rules = rulesOf(shown, d);
  const rule = rules?.find((r) => r.ruleNumber === d.ruleNumber);
  if (rules === undefined || rule === undefined) return undefined;
  const why = mismatch(rule, d);
  if (why === undefined || why === "") return undefined;
  const decides = rules.find((r) => mismatch(r, d) === "");
  if (decides === undefined || decides.ruleNumber < rule.ruleNumber || decides.action !== "allow")
    return undefined;
  const dir = b.direction === "return" ? "reply" : "request";
  return `its ${d.side} ${ruleText(rule)} does not match, as ${why}, so evaluation moves on to ${ruleText(decides)}, which allows the ${dir} (ACL-03).`;
}

/**
 * A security group rule that names a group of the peered VPC: why that works here (PCX-11). `entry` is the
 * matched entry's description ("queue-2-sg: inbound tcp/22 sg-…"). Undefined when it names no group of another
 * VPC joined by an active same-Region peering.
 */
export function peerGroupReferenceSentence(
  shown: Topology,
  groupId: string,
  entry: string,
): string | undefined {
  const own = shown.securityGroups.find((g) => g.id === groupId);
  if (own === undefined) return undefined;
  const named = shown.securityGroups.find(
    (g) => g.id !== groupId && entry.includes(g.id) && g.vpcId !== own.vpcId,
  );
  if (named === undefined) return undefined;
  const region = (id: string) => shown.vpcs.find((v) => v.id === id)?.region ?? shown.region;
  const peered = shown.peeringConnections.some(
    (p) =>
      p.status === "active" &&
      ((p.requesterVpcId === own.vpcId && p.accepterVpcId === named.vpcId) ||
        (p.accepterVpcId === own.vpcId && p.requesterVpcId === named.vpcId)),
  );
  if (!peered || region(own.vpcId) !== region(named.vpcId)) return undefined;
  const vpc = shown.vpcs.find((v) => v.id === named.vpcId);
  return `That rule names ${named.name ?? named.id}, a security group in the peered VPC ${vpc?.name ?? named.vpcId}: over an active peering in the same Region a rule may reference the peer's groups (with the account ID when the peer is in another account), though not across Regions, where it must use the peer's CIDR (PCX-11).`;
}
