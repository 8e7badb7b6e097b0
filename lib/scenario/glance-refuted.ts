// A distractor "No: <blocker>" is worded from a nearby variant's state. When the shown exhibit states the
// opposite in one cell (the rule it names as blocking is an Allow, the peering it calls expired is active, the
// VPN it calls down has a tunnel UP), the option is no misreading a learner could make: it is refuted at a
// glance and only pads the list. Such a text is reworded into the misreading the shown state invites (a deny
// rule read without the lower-numbered allow before it, one DOWN tunnel taken for a dead VPN), or, when the
// shown state invites none, the distractor is dropped so that another near-miss takes its place.
import type { Blocker, NaclRule, Topology } from "../net/index";
import { matchesPort, matchesProtocol } from "../net/rule-match";
import { advertisedVpcCidrs, cidrContainsIp, parseCidr, parseIp } from "../net/index";
import { possessive } from "./possessive";

/** The option text to offer for `b` in the shown setup, or undefined when the exhibit refutes it at a glance. */
export function exhibitConsistentText(shown: Topology, b: Blocker, text: string): string | undefined {
  const d = b.detail;
  if (d.kind === "network-acl") {
    const acl = shown.networkAcls.find((a) => a.id === b.component);
    if (!acl) return text;
    const rules = d.side === "inbound" ? acl.inbound : acl.outbound;
    const named =
      typeof d.ruleNumber === "number" ? rules.find((r) => r.ruleNumber === d.ruleNumber) : undefined;
    const allowsAll = rules.some(
      (r) =>
        r.action === "allow" &&
        r.protocol === "all" &&
        (r.cidrBlock === "0.0.0.0/0" || r.cidrBlock === "::/0"),
    );
    // Still a deny in the shown ACL (a rule number the ACL lacks is dropped by disprove), or a * that no
    // allow-all rule hides.
    if (named ? named.action === "deny" : d.ruleNumber === "*" && !allowsAll) return text;
    // A deny rule of the shown ACL that matches the traffic, read past the allow that matches first.
    const deny = rules.find((r) => r.action === "deny" && matchesTraffic(r, d.traffic, d.remote));
    if (!deny) return undefined;
    const was = d.ruleNumber === "*" ? "(its final * deny rule)" : `(rule ${String(d.ruleNumber)})`;
    return text.includes(was) ? text.replace(was, `(rule ${String(deny.ruleNumber)})`) : undefined;
  }
  // "Peering … expired" / "… is pending acceptance" beside a peering table that shows it active.
  if (b.code === "BAD_STATE_ROUTE" && b.component.startsWith("pcx-"))
    return shown.peeringConnections.some((p) => p.id === b.component && p.status === "active")
      ? undefined
      : text;
  // "Both tunnels … are down" beside a VPN table that shows a tunnel UP: one DOWN tunnel taken for a dead VPN.
  if (b.code === "BAD_STATE_VPN" || b.code === "TGW_BAD_STATE_VPN") {
    const vpn = shown.vpnConnections.find((v) => v.id === b.component);
    if (!vpn) return text;
    const down = vpn.tunnels.findIndex((t) => t.status !== "UP");
    if (down < 0) return undefined;
    const label = vpn.name !== undefined ? `${vpn.name} (${vpn.id})` : vpn.id;
    return `No: Tunnel ${String(down + 1)} of VPN connection ${label} is DOWN, so the VPN connection carries no traffic.`;
  }
  // "The route X -> blackhole … drops the traffic" beside a transit gateway route table that shows no such route:
  // an invented route, refuted at a glance, and keyed exactly when the exhibit shows it (exam17 M1). Offered
  // only where the table shows a blackhole route, and then about that route (one for another prefix: a
  // longest-prefix-match misreading).
  if (d.kind === "transit-gateway-route-table" && d.problem === "blackhole")
    return tgwBlackholeText(shown, b.component, d.route?.destination, text);
  // An allowed-prefixes claim beside a table whose allowed prefixes cover the address: restated with the
  // exhibit's prefixes, in the key's form.
  if (b.detail.kind === "allowed-prefixes") return allowedPrefixesText(shown, b.detail, text);
  return text;
}

function tgwBlackholeText(
  shown: Topology,
  tableId: string,
  destination: string | undefined,
  text: string,
): string | undefined {
  const table = shown.transitGatewayRouteTables.find((t) => t.id === tableId);
  const holes = table?.routes.filter((r) => r.blackhole) ?? [];
  if (!table || holes.length === 0) return undefined;
  if (holes.some((r) => r.destination === destination)) return text;
  const hole = holes[0];
  if (!hole) return undefined;
  const label = table.name !== undefined ? `${table.name} (${table.id})` : table.id;
  return `No: The route ${hole.destination} -> blackhole (static) in transit gateway route table ${label} is a blackhole and drops the traffic.`;
}

function allowedPrefixesText(
  shown: Topology,
  d: Extract<Blocker["detail"], { kind: "allowed-prefixes" }>,
  text: string,
): string | undefined {
  const dx = shown.directConnectGateways.find((g) => g.id === d.dxGateway.id);
  const allowed = dx?.associations.find((a) => a.gatewayId === d.gateway)?.allowedPrefixes ?? [];
  const ip = parseIp(d.address);
  const covers = allowed.some((c) => {
    const cidr = parseCidr(c);
    return ip.ok && cidr.ok && cidrContainsIp(cidr.value, ip.value);
  });
  if (!covers) return text;
  if (!dx) return undefined;
  // The key's form with the exhibit's prefixes (false here: they cover the address). A separate "do not include
  // the on-premises range" misreading was always the wrong one (exam15 D1: 28 of 28), a cue by wording alone.
  const claim = allowedPrefixesFault({
    kind: "allowed-prefixes",
    direction: d.direction,
    dxGateway: d.dxGateway,
    gateway: d.gateway,
    associated: d.associated,
    allowedPrefixes: allowed,
    advertised: [],
    vpcCidrs: d.vpcCidrs,
    address: d.address,
  });
  return `No: ${claim}`;
}

/**
 * Allowed prefixes that advertise nothing for the address, stated briefly: the model's sentence also teaches the
 * rule (DX-04), and as the one long option it gave the key away. The key's why and the summary carry the rule.
 * A distractor about allowed prefixes uses the very same form (allowedPrefixesText), so the wording never tells
 * which one is keyed: the exhibit's prefixes have to be compared with the VPC's CIDR.
 */
export function allowedPrefixesFault(d: Extract<Blocker["detail"], { kind: "allowed-prefixes" }>): string {
  const dx = d.dxGateway.name !== undefined ? `${d.dxGateway.name} (${d.dxGateway.id})` : d.dxGateway.id;
  const head = `The allowed prefixes (${d.allowedPrefixes.join(", ")}) of Direct Connect gateway ${dx}`;
  if (d.associated === "transit-gateway") return `${head} for ${d.gateway} do not contain ${d.address}.`;
  // "Do not advertise", not "do not equal or contain": beside prefixes that equal the VPC's CIDR the distractor
  // read "(X) … do not equal or contain … X", false by its own wording (exam17 M2). Whether a prefix advertises
  // the CIDR (the same or wider does, DX-04) is the point the learner has to know.
  return d.advertised.length > 0
    ? `${head} do not advertise the VPC CIDR that holds ${d.address}.`
    : `${head} do not advertise the VPC's CIDR ${d.vpcCidrs.join(", ")}.`;
}

function matchesTraffic(
  rule: NaclRule,
  traffic: { protocol: Parameters<typeof matchesProtocol>[1]; port?: number | undefined },
  remote: string,
): boolean {
  const ip = parseIp(remote);
  const cidr = parseCidr(rule.cidrBlock);
  if (!ip.ok || !cidr.ok || !cidrContainsIp(cidr.value, ip.value)) return false;
  return (
    matchesProtocol(rule.protocol, traffic.protocol, ip.value.family) &&
    matchesPort(rule.fromPort, rule.toPort, traffic.protocol, traffic.port)
  );
}

/**
 * Why "the allowed prefixes are wrong" is false where the shown association covers the VPC: AWS advertises the
 * VPC's range when the allowed prefixes are the same as or wider than it (DX-04, "Allowed prefixes
 * interactions"); the on-premises ranges reach AWS by BGP over the private VIF (DX-08), not through this list.
 */
export function allowedPrefixesWhy(
  shown: Topology,
  d: Extract<Blocker["detail"], { kind: "allowed-prefixes" }>,
): string | undefined {
  const dx = shown.directConnectGateways.find((g) => g.id === d.dxGateway.id);
  const allowed = dx?.associations.find((a) => a.gatewayId === d.gateway)?.allowedPrefixes ?? [];
  if (dx && d.associated === "transit-gateway")
    return transitAllowedPrefixesWhy(
      dx,
      d,
      allowed,
      shown.vpcs.flatMap((v) => v.cidrBlocks),
    );
  const vgw = shown.vpnGateways.find((g) => g.id === d.gateway);
  const vpc = shown.vpcs.find((v) => v.id === vgw?.vpcId);
  if (!dx || !vpc || allowed.length === 0) return undefined;
  const covered = advertisedVpcCidrs(allowed, vpc.cidrBlocks);
  if (covered.length === 0) return undefined;
  const label = dx.name !== undefined ? `${dx.name} (${dx.id})` : dx.id;
  const vpcName = vpc.name ?? vpc.id;
  return `On a virtual private gateway association the allowed prefixes of Direct Connect gateway ${label} filter what is advertised to on premises: the VPC's CIDR goes out when an allowed prefix is the same as or wider than it. ${allowed.join(", ")} is the same as or wider than ${covered.join(", ")} of ${vpcName}, so ${possessive(vpcName)} range is advertised (DX-04). The on-premises ranges come the other way, learned by BGP over the private VIF (DX-08).`;
}

/**
 * The same for a transit gateway association: exactly its allowed prefixes are advertised to on premises, a
 * prefix narrower than the VPC's CIDR as it is (DX-04, "Allowed prefixes interactions"), so the claim is false
 * when one of them contains the address. Undefined when none does.
 */
function transitAllowedPrefixesWhy(
  dx: Topology["directConnectGateways"][number],
  d: Extract<Blocker["detail"], { kind: "allowed-prefixes" }>,
  allowed: readonly string[],
  vpcCidrs: readonly string[],
): string | undefined {
  const ip = parseIp(d.address);
  const holding = allowed.filter((c) => {
    const cidr = parseCidr(c);
    return ip.ok && cidr.ok && cidrContainsIp(cidr.value, ip.value);
  });
  if (holding.length === 0) return undefined;
  const label = dx.name !== undefined ? `${dx.name} (${dx.id})` : dx.id;
  // A prefix that is no VPC's CIDR (the server's subnet): the contrast with a virtual private gateway association.
  const asIs = holding.some((c) => !vpcCidrs.includes(c))
    ? ", a prefix narrower than a VPC's CIDR as it is"
    : "";
  return `On a transit gateway association Direct Connect gateway ${label} advertises to on premises exactly its allowed prefixes${asIs}: ${holding.join(", ")} contains ${d.address}, so on premises has a route to it (DX-04).`;
}
