// Why a network ACL rule decides or does not (ACL-03: lowest number first, the first match decides; ACL-04: the
// final * rule), and why a security group rule may name a group of a peered VPC (PCX-11), said about the rules
// the exhibit shows, so a key names the deciding rule and a distractor's near miss is explained.
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

/** The flow a NACL rule is matched against: the side, the remote address, the protocol and destination port. */
export type NaclFlow = {
  readonly side: "inbound" | "outbound";
  readonly remote: string;
  readonly traffic: NaclDetail["traffic"];
  readonly direction: "forward" | "return";
};

/**
 * Why rule r comes close to matching the flow but does not: its protocol matches and exactly one of its CIDR and
 * its port range misses. Undefined when it matches, or misses on more than that (not a near miss).
 */
function nearMissReason(r: Rule, f: NaclFlow): string | undefined {
  const ip = parseIp(f.remote);
  const cidr = parseCidr(r.cidrBlock);
  if (!ip.ok || !cidr.ok || ip.value.family !== cidr.value.family) return undefined;
  if (!matchesProtocol(r.protocol, f.traffic.protocol, ip.value.family)) return undefined;
  const inCidr = cidrContainsIp(cidr.value, ip.value);
  const inPorts = matchesPort(r.fromPort, r.toPort, f.traffic.protocol, f.traffic.port);
  if (inCidr === inPorts) return undefined;
  if (!inCidr) return `${r.cidrBlock} does not contain ${f.remote}`;
  const ports = r.fromPort === r.toPort ? String(r.fromPort) : `${String(r.fromPort)}-${String(r.toPort)}`;
  const port = String(f.traffic.port);
  // ACL-08: a rule's port range is matched against the destination port; a reply goes to the client's ephemeral port.
  return f.direction === "return" && (f.traffic.port ?? 0) >= 1024
    ? `a rule's port range is matched against the destination port, and the reply's destination port is the client's ephemeral port (in 1024-65535, depending on the client's system), not ${ports}`
    : `the ${f.direction === "return" ? "reply" : "request"}'s destination port is ${port}, not ${ports}`;
}

/**
 * The near-miss rules evaluated before the rule that decides (`upTo`, or every numbered rule when the * rule
 * decides), of the given action, each with why it does not match and where evaluation goes next (ACL-03):
 * "Inbound rule 90 (deny tcp/3306 10.162.196.0/22) is checked first but does not match: 10.162.196.0/22 does not
 * contain 10.162.192.40, so evaluation continues to rule 100." "" when there are none.
 */
export function naclPassedOverSentence(
  rules: readonly Rule[],
  f: NaclFlow,
  upTo: number | "*",
  action: "allow" | "deny",
): string {
  const sorted = [...rules].sort((a, b) => a.ruleNumber - b.ruleNumber);
  const out: string[] = [];
  for (const [i, r] of sorted.entries()) {
    if (upTo !== "*" && r.ruleNumber >= upTo) break;
    if (r.action !== action) continue;
    const why = nearMissReason(r, f);
    if (why === undefined) continue;
    const next = sorted[i + 1];
    const to =
      next !== undefined && (upTo === "*" || next.ruleNumber <= upTo)
        ? `rule ${String(next.ruleNumber)}`
        : "the final * rule";
    const side = f.side === "inbound" ? "Inbound" : "Outbound";
    out.push(
      `${side} ${ruleText(r)} is checked ${i === 0 ? "first" : `after rule ${String(sorted[i - 1]?.ruleNumber)}`} but does not match: ${why}, so evaluation continues to ${to} (ACL-03).`,
    );
  }
  return out.join(" ");
}

/** The near-miss rules passed over before the rule that decides the shown ACL's verdict on b's flow (ACL-03). */
export function naclPassedOverForBlocker(shown: Topology, b: Blocker): string {
  const d = b.detail;
  if (d.kind !== "network-acl") return "";
  const rules = rulesOf(shown, d);
  if (rules === undefined) return "";
  const decides = rules.find((r) => mismatch(r, d) === "");
  const flow = { side: d.side, remote: d.remote, traffic: d.traffic, direction: d.direction };
  return naclPassedOverSentence(
    rules,
    flow,
    decides?.ruleNumber ?? "*",
    decides === undefined || decides.action === "deny" ? "allow" : "deny",
  );
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
  const flow = { side: d.side, remote: d.remote, traffic: d.traffic, direction: d.direction };
  // An allow rule that nearly matches is named with why it does not, so the learner's trap is explained.
  const passed = naclPassedOverSentence(rules, flow, d.ruleNumber, "allow");
  if (d.ruleNumber === "*")
    return [
      `No numbered ${d.side} rule of ${d.acl.name ?? d.acl.id} matches the ${dir} ${remote}, so its final * rule denies it (ACL-04).`,
      passed,
    ]
      .filter((x) => x !== "")
      .join(" ");
  const deciding = rules.find((r) => r.ruleNumber === d.ruleNumber);
  if (deciding === undefined) return undefined;
  const later = rules.find(
    (r) => r.ruleNumber > deciding.ruleNumber && r.action === "allow" && mismatch(r, d) === "",
  );
  const beaten = later !== undefined ? `; ${ruleText(later)} would allow it, but is never reached` : "";
  const decides = `Its ${d.side} ${ruleText(deciding)} is the lowest-numbered rule that matches the ${dir} ${remote}, so it decides${beaten} (ACL-03).`;
  return passed !== "" ? `${decides} ${passed}` : decides;
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
