// The one place where the trace becomes English. Each explanation code has one entry: the kinds of detail
// it is raised with, the rule IDs it applies (rule catalog §5) and the sentence built from the detail's
// fields. The table is keyed by BlockerCode, so a code without an entry does not compile. Nothing outside
// this module reads a sentence back: fixes, diagrams and the generator read `detail`.
import { isRfc1918, parseIp } from "./cidr";
import type {
  Blocker,
  BlockerCode,
  BlockerDetail,
  BlockerDetailKind,
  Direction,
  InertReference,
  NamedRef,
  OnPremisesAssumption,
  OnPremisesLink,
  RouteTargetType,
  Traffic,
} from "./trace";

/** An RFC 1918 address: a network behind another transit gateway or on premises, not the internet. */
function privateAddress(text: string): boolean {
  const ip = parseIp(text);
  return ip.ok && isRfc1918(ip.value);
}

export type DetailOf<K extends BlockerDetailKind> = Extract<BlockerDetail, { kind: K }>;

export type Explanation<K extends BlockerDetailKind> = {
  /** The detail kinds this code is raised with. */
  readonly kinds: readonly K[];
  /** Rule IDs that every blocker with this code applies. */
  readonly rules: readonly string[];
  readonly explain: (d: DetailOf<K>) => string;
  /** Rule IDs that depend on the case (a reply, the kind of route target), after `rules`. */
  readonly moreRules?: (d: DetailOf<K>) => readonly string[];
};

/** What every table entry has; `never` accepts each entry's own detail type. */
type AnyExplanation = {
  readonly kinds: readonly BlockerDetailKind[];
  readonly rules: readonly string[];
  explain(d: never): string;
};

function entry<K extends BlockerDetailKind>(
  kinds: readonly K[],
  rules: readonly string[],
  explain: (d: DetailOf<K>) => string,
  moreRules?: (d: DetailOf<K>) => readonly string[],
): Explanation<K> {
  return moreRules ? { kinds, rules, explain, moreRules } : { kinds, rules, explain };
}

/** "web-a (i-0abc)" or just the id. */
export function label(ref: NamedRef): string {
  return ref.name !== undefined && ref.name !== ref.id ? `${ref.name} (${ref.id})` : ref.id;
}

/**
 * The Direct Connect gateway associations with `gateway` that are listed but not in effect, as a sentence (empty when
 * there are none). AWS DirectConnectGatewayAssociation: only `associated` is "ready to pass traffic"; when
 * `disassociated`, "traffic flow between the Direct Connect gateway and virtual private gateway or transit gateway is
 * stopped".
 */
function inactiveAssociationsText(
  gateway: NamedRef,
  inactive: readonly { dxGateway: NamedRef; association?: string; state: string }[] | undefined,
): string {
  return (inactive ?? [])
    .map(
      (a) =>
        ` Direct Connect gateway ${label(a.dxGateway)} lists an association with ${label(gateway)}${a.association !== undefined ? ` (${a.association})` : ""}, but its state is ${a.state}, not associated, so it carries no traffic.`,
    )
    .join("");
}

/** A plain { id, name } copy of a resource (never the compiled object itself: details are serialised). */
export function named(ref: NamedRef): NamedRef {
  return ref.name !== undefined ? { id: ref.id, name: ref.name } : { id: ref.id };
}

/**
 * `{ ...named(ref), type }` without the spread: a spread followed by a key took V8's generic path (a temporary
 * object and a runtime call per blocker or hop that names a gateway). Same keys in the same order.
 */
export function namedAs<K extends string>(ref: NamedRef, type: K): { id: string; name?: string; type: K } {
  return ref.name !== undefined ? { id: ref.id, name: ref.name, type } : { id: ref.id, type };
}

export function describeTraffic(protocol: string, port: number | undefined): string {
  return protocol === "icmp" || port === undefined
    ? protocol.toUpperCase()
    : `${protocol.toUpperCase()} port ${port}`;
}

const what = (t: Traffic): string => describeTraffic(t.protocol, t.port);

const NO_RULES: readonly string[] = [];

/** Why a route is a blackhole, by what it points at (the sentence after "is a blackhole: "). */
const BLACKHOLE_REASON: Readonly<Record<RouteTargetType, (vpc: NamedRef, target: string) => string>> = {
  "internet-gateway": (vpc) => `that internet gateway is not attached to VPC ${label(vpc)}`,
  "egress-only-internet-gateway": () => "that egress-only internet gateway is not attached to this VPC",
  "nat-gateway": () => "no such NAT gateway in this VPC",
  "vpc-peering-connection": (vpc, target) =>
    `peering connection ${target} does not connect VPC ${label(vpc)}`,
  "vpc-gateway-endpoint": () => "no such gateway endpoint in this VPC",
  "vpn-gateway": () => "that virtual private gateway is not attached to this VPC",
  "transit-gateway": (vpc) => `VPC ${label(vpc)} has no attachment to that transit gateway`,
  "network-interface": () => "no such interface in this VPC",
  unknown: () => "its target does not exist",
};
const BLACKHOLE_RULES: Readonly<Record<RouteTargetType, readonly string[]>> = {
  "internet-gateway": ["IGW-01"],
  "egress-only-internet-gateway": [],
  "nat-gateway": ["NAT-01"],
  "vpc-peering-connection": ["PCX-08"],
  "vpc-gateway-endpoint": [],
  "vpn-gateway": ["VPN-01"],
  "transit-gateway": ["TGW-06"],
  "network-interface": [],
  unknown: [],
};

/** What an inactive peering's state means for its routes (PCX-03, PCX-05, PCX-07); pending states: accept it. */
const PEERING_STATE_HINT: Readonly<Record<string, string>> = {
  failed:
    "the request failed (overlapping CIDR blocks, or a wrong VPC or account id) and can never carry traffic",
  rejected: "the accepter rejected the request; a new peering is needed",
  expired:
    "a request that is not accepted within 7 days expires and can be neither accepted nor rejected; a new peering request is needed",
  deleted: "a deleted peering carries nothing (AWS shows routes to it as blackhole); peer the VPCs again",
  deleting: "a peering being deleted carries nothing; peer the VPCs again",
};

/** What an inactive peering connection's state means, as the end of its BAD_STATE_ROUTE message words it. */
export function peeringStateHint(state: string | undefined): string {
  return PEERING_STATE_HINT[state ?? ""] ?? "the accepter must accept the request";
}

/**
 * The fault part of an inactive peering's BAD_STATE_ROUTE sentence, without what the state means: for a
 * question option that states the fault only (its explanation carries peeringStateHint).
 */
export function inactivePeeringFault(d: DetailOf<"gateway">): string {
  return `Peering connection ${label(d.gateway)} is ${d.state ?? "?"}, not active, so ${d.route === undefined ? "it carries no traffic" : `the route ${d.route.description} is a blackhole`}`;
}

function blackholeRoute(d: DetailOf<"route-table">): string {
  const type = d.targetType ?? "unknown";
  const target = d.target ?? d.route?.target ?? "?";
  // An imported blackhole route (AWS marked it so: its target is gone, or RouteSchema.blackholeCause names it).
  const reason =
    type === "unknown" && d.route?.target === "blackhole"
      ? "its target is gone or cannot forward traffic"
      : BLACKHOLE_REASON[type](d.vpc, target);
  // A route whose target kind is known is named by its target; peering and unknown targets by the whole route.
  const routeText =
    type === "vpc-peering-connection" || type === "unknown"
      ? (d.route?.description ?? target)
      : `to ${target}`;
  return `The route ${routeText} in ${label(d.table)} is a blackhole: ${reason}.`;
}

function securityGroup(d: DetailOf<"security-group">): string {
  const groups = d.groups.map(label).join(", ") || "no security group";
  const toward = d.side === "inbound" ? "from" : "to";
  const inert = d.inertReferences?.[0];
  if (inert?.problem === "through-middlebox")
    return `Security group ${groups} on ${label(d.eni)} allows ${what(d.traffic)} ${toward} ${d.remote} only through its rule "${inert.rule}", which references the sender's group ${label(inert.group)}; the traffic was routed through ${label(inert.middlebox ?? { id: "?" })}, and a group reference does not match traffic a middlebox forwarded. Reference the sender's address or subnet CIDR instead.`;
  if (inert)
    return `Security group ${groups} on ${label(d.eni)} allows ${what(d.traffic)} ${toward} ${d.remote} only through its rule "${inert.rule}", which references ${label(inert.group)} in VPC ${inert.vpc} ${inertWhy(inert)}, so that rule matches nothing.`;
  const none = `Security group ${groups} on ${label(d.eni)} has no ${d.side} rule allowing ${what(d.traffic)} ${toward} ${d.remote}`;
  const missing = d.missingReferences?.[0];
  if (missing)
    return `${none}: its rule "${missing.rule}" references security group ${missing.group}, which does not exist (a stale rule: the group was deleted), so that rule matches nothing.`;
  return `${none}.`;
}

function inertWhy(r: InertReference): string {
  if (r.problem === "other-region")
    return "in another Region (a rule cannot reference a group across Regions)";
  if (r.problem === "no-peering") return "with no peering between the VPCs";
  if (r.problem === "not-over-peering")
    return `while the routes do not send this traffic over peering ${label(r.peering ?? { id: "?" })} (a reference to a peer VPC's group matches only traffic that crosses the peering)`;
  if (r.problem === "tgw-referencing-off") {
    const tgw = `across transit gateway ${label(r.transitGateway ?? { id: "?" })}`;
    const why = r.outboundRule
      ? `${tgw}, where a group reference works in inbound rules only`
      : r.attachment
        ? `${tgw}, whose VPC attachment ${label(r.attachment)} has security group referencing support disabled`
        : `${tgw}, which has security group referencing support disabled`;
    return r.notVia === undefined
      ? why
      : `${why} (the routes send this traffic over the transit gateway, not over peering ${label(r.notVia)}, which would carry the reference)`;
  }
  return `across peering ${label(r.peering ?? { id: "?" })}, which is ${r.state ?? "?"}, not active`;
}

const isReply = (d: { readonly direction: Direction }): boolean => d.direction === "return";

/**
 * What a network ACL blocks, after "blocks inbound/outbound": "TCP port 443 from 10.0.1.5" for a request. A TCP or
 * UDP reply goes to the client's ephemeral port, which no exhibit shows and which varies with the client's system
 * (ACL-08), so it is named as such ("TCP replies to 10.0.1.5 on its ephemeral ports") rather than by the port the
 * model assumes.
 */
function naclTraffic(
  d: { readonly side: string; readonly traffic: Traffic; readonly remote: string },
  reply: boolean,
): string {
  const inbound = d.side === "inbound";
  if (!reply) return `${what(d.traffic)} ${inbound ? "from" : "to"} ${d.remote}`;
  if (d.traffic.protocol === "icmp" || d.traffic.port === undefined)
    return `reply ${what(d.traffic)} ${inbound ? "from" : "to"} ${d.remote}`;
  const proto = d.traffic.protocol.toUpperCase();
  return inbound
    ? `${proto} replies from ${d.remote} to the client's ephemeral ports`
    : `${proto} replies to ${d.remote} on its ephemeral ports`;
}

function wrongPlace(d: DetailOf<"query">): string {
  return d.problem === "wrong-return"
    ? `The reply is delivered to ${d.reference} instead of back to the source; return routes must lead back the same way (no unicast RPF).`
    : `The traffic is delivered to ${d.reference}, not to the intended destination: routes send ${d.address ?? "?"} somewhere else.`;
}

/** The one sentence of each code, by its detail; and each code's rule IDs (rule catalog §5). */
export const EXPLANATIONS = {
  ENI_SG_RULES_MISMATCH: entry(["security-group"], ["SG-01", "SG-05"], securityGroup, (d) =>
    d.loadBalancer
      ? ["EPS-09"]
      : d.inertReferences?.[0]?.problem === "through-middlebox"
        ? ["SG-07"]
        : d.inertReferences?.[0]?.problem === "tgw-referencing-off"
          ? d.inertReferences[0].notVia === undefined
            ? ["TGW-13"]
            : ["TGW-13", "SG-06"]
          : d.inertReferences?.[0]?.problem === "not-over-peering"
            ? ["SG-06", "PCX-11"]
            : d.inertReferences?.length
              ? ["PCX-11"]
              : d.missingReferences?.length
                ? ["SG-06"]
                : NO_RULES,
  ),
  SG_HAS_NO_RULES: entry(["security-group"], ["SG-03"], securityGroup),
  SUBNET_ACL_RESTRICTION: entry(
    ["network-acl"],
    ["ACL-01", "ACL-03", "ACL-04"],
    (d) => {
      const rule = d.ruleNumber === "*" ? "its final * deny rule" : `rule ${d.ruleNumber}`;
      const reply = isReply(d);
      return `Network ACL ${label(d.acl)} of subnet ${label(d.subnet)} blocks ${d.side} ${naclTraffic(d, reply)} (${rule}).${!reply ? "" : d.traffic.protocol === "icmp" ? " NACLs are stateless: the ICMP reply (an echo reply, type 0; ICMPv6 129) needs its own rule allowing it, or all ICMP, in this direction." : " NACLs are stateless: replies to ephemeral ports need their own rule."}`;
    },
    (d) => (!isReply(d) ? NO_RULES : d.traffic.protocol === "icmp" ? ["ACL-02"] : ["ACL-02", "ACL-08"]),
  ),
  NO_ROUTE_TO_DESTINATION: entry(
    ["route-table"],
    ["RT-04"],
    (d) => {
      const hint = unpropagatedHint(d);
      return hint === undefined
        ? `${noRouteFault(d)}.`
        : `${noRouteFault(d)}. ${hint.charAt(0).toUpperCase()}${hint.slice(1)}.`;
    },
    (d) => (d.unpropagatedGateway ? ["VPN-05"] : NO_RULES),
  ),
  BAD_STATE_ROUTE: entry(
    ["route-table", "gateway"],
    ["RT-08"],
    (d) => {
      if (d.kind === "route-table") return blackholeRoute(d);
      return `${inactivePeeringFault(d)}; ${peeringStateHint(d.state)}.`;
    },
    (d) =>
      d.kind === "route-table"
        ? BLACKHOLE_RULES[d.targetType ?? "unknown"]
        : d.state === "expired"
          ? ["PCX-05", "PCX-06", "PCX-08"]
          : ["PCX-05", "PCX-07", "PCX-08"],
  ),
  BAD_STATE: entry(
    ["interface", "gateway"],
    [],
    (d) => {
      if (d.kind === "interface") {
        const who = d.instance
          ? `Instance ${label(d.instance)} is ${d.state === undefined ? "not running" : `${d.state} (not running)`}`
          : `The instance behind ${label(d.eni)} is not running`;
        if (d.role === "source") return `${who}, so it sends no traffic.`;
        if (d.role === "forwarder") return `${who}, so its interface ${d.eni.id} forwards nothing.`;
        return `${who}, so nothing answers at ${d.address ?? "?"} (interface ${d.eni.id}).`;
      }
      if (d.gateway.type === "vpc-endpoint")
        return `Interface endpoint ${label(d.gateway)} is ${d.state ?? "?"}, not available, so it passes no traffic.`;
      if (d.gateway.type === "nat-gateway")
        return `NAT gateway ${label(d.gateway)} is ${d.state ?? "?"}, not available.`;
      return `Virtual private gateway ${label(d.gateway)} is not attached to a VPC.`;
    },
    (d) =>
      d.kind === "interface"
        ? ["ORD-08"]
        : d.gateway.type === "vpc-endpoint"
          ? ["RT-08", "EPS-02"]
          : d.gateway.type === "nat-gateway"
            ? ["RT-08", "NAT-01"]
            : ["RT-08", "VPN-01"],
  ),
  BAD_STATE_ATTACHMENT: entry(
    ["gateway"],
    ["TGW-04"],
    (d) =>
      d.problem === "no-peer"
        ? `Transit gateway peering attachment ${label(d.gateway)} has no accepted peer attachment.`
        : `Transit gateway attachment ${label(d.gateway)} is ${d.state ?? "?"}, not available.`,
    (d) => (d.problem === "no-peer" ? ["TGW-12"] : NO_RULES),
  ),
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: entry(
    ["gateway"],
    ["PCX-02", "PCX-10"],
    (d) =>
      `Peering connection ${label(d.gateway)} delivers only to addresses in VPC ${label(d.vpc ?? d.gateway)}, and ${d.address ?? "?"} is not one: a peering is neither transitive nor edge-to-edge.`,
  ),
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: entry(
    ["gateway"],
    ["IGW-01", "IGW-04"],
    (d) =>
      d.problem === "nat-instance"
        ? `NAT instance address ${d.address ?? "?"} has no public IPv4 address or Elastic IP, so internet gateway ${label(d.gateway)} cannot translate it; give the NAT instance a public or Elastic IP address.`
        : `${d.address ?? "?"} has no public IPv4 address or Elastic IP, so internet gateway ${label(d.gateway)} cannot translate it; a private instance needs a NAT gateway.`,
    (d) => (d.problem === "nat-instance" ? ["NATI-01"] : NO_RULES),
  ),
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: entry(["interface", "query"], ["IGW-04"], (d) =>
    d.kind === "interface" && d.problem === "private-address"
      ? `${d.address ?? "?"} is a private address of ${label(d.instance ?? d.eni)}: the internet does not route to a VPC's private addresses; ${d.publicAddress !== undefined ? `from the internet it is reached at its public IP ${d.publicAddress}, which the internet gateway translates to ${d.address ?? "?"}` : "it has no public IP address to be reached at from the internet"}.`
      : d.kind === "interface"
        ? `${label(d.eni)} has no public IP address, so it cannot be reached from the internet.`
        : d.problem === "not-a-public-address"
          ? `${d.address ?? "?"} is not the public IP address of any interface, so the internet cannot reach it.`
          : `${d.reference} has no public IP address, so it cannot be reached from the internet.`,
  ),
  IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS: entry(["gateway"], ["IGW-04"], privateDestination),
  IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS: entry(["gateway"], ["IGW-04"], privateDestination),
  IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS: entry(["gateway"], ["IGW-04"], privateSource),
  IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS: entry(["gateway"], ["IGW-04"], privateSource),
  RCH_NO_INTERNET_GATEWAY: entry(["vpc"], ["IGW-01", "IGW-02"], (d) =>
    d.address !== undefined
      ? `VPC ${label(d.vpc)} has no internet gateway attached, so its public address ${d.address} is unreachable.`
      : `VPC ${label(d.vpc)} has no internet gateway, so nothing from the internet can reach it.`,
  ),
  RCH_PRIVATE_NAT_TO_IGW: entry(
    ["gateway"],
    ["NAT-02"],
    (d) =>
      `A private NAT gateway's traffic is dropped at internet gateway ${label(d.gateway)}; use a public NAT gateway with an Elastic IP for internet access.`,
  ),
  RCH_EIGW_IPV6_ONLY: entry(
    ["gateway"],
    ["EIGW-01"],
    (d) =>
      `Egress-only internet gateway ${label(d.gateway)} carries IPv6 only; IPv4 traffic needs a NAT gateway.`,
  ),
  RCH_NAT64_PREFIX_NOT_TRANSLATED: entry(["gateway"], ["NAT-04"], (d) => {
    const kind = d.gateway.type === "internet-gateway" ? "internet gateway" : "egress-only internet gateway";
    const where = d.table === undefined ? "the subnet's route table" : `route table ${label(d.table)}`;
    return `${d.address ?? "?"} is in 64:ff9b::/96, the NAT64 prefix DNS64 answers with, and only a NAT gateway translates it to IPv4; ${kind} ${label(d.gateway)} sends it on untranslated and no IPv4 host answers there. Add the route 64:ff9b::/96 -> a NAT gateway to ${where}.`;
  }),
  RCH_EIGW_INBOUND_INITIATED: entry(
    ["gateway"],
    ["EIGW-01"],
    (d) =>
      `Egress-only internet gateway ${label(d.gateway)} blocks connections started from the internet; only replies to outbound IPv6 traffic come in.`,
  ),
  RCH_REPLY_NOT_THROUGH_INTERNET_GATEWAY: entry(
    ["gateway"],
    ["IGW-08"],
    (d) => {
      const table = d.table ? `route table ${label(d.table)}` : "the route table";
      const subnet = d.subnet ? ` of subnet ${label(d.subnet)}` : "";
      const route = d.route ? ` by its route ${d.route.destination}` : "";
      const igw = d.internetGateway ? `internet gateway ${label(d.internetGateway)}` : "the internet gateway";
      return d.gateway.type === "nat-gateway"
        ? `The connection came in from the internet through ${igw}, but ${table}${subnet} sends the reply to NAT gateway ${label(d.gateway)}${route}. A NAT gateway only carries connections its private side starts and would replace the reply's source with its own address, so the client never gets an answer: the reply must go back through ${igw} (a public subnet).`
        : `The IPv6 connection came in from the internet through ${igw}, but ${table}${subnet} sends the reply to egress-only internet gateway ${label(d.gateway)}${route}. An egress-only internet gateway only carries IPv6 connections started from inside the VPC; AWS does not document it passing replies of connections started from the internet, so this model requires the reply to go back through ${igw}.`;
    },
    (d) => (d.gateway.type === "nat-gateway" ? ["NAT-01"] : ["EIGW-01"]),
  ),
  TGW_ROUTE_AZ_RESTRICTION: entry(["gateway"], ["TGW-09"], (d) =>
    d.problem === "no-subnets"
      ? `Transit gateway attachment ${label(d.gateway)} has no subnets.`
      : `Transit gateway attachment ${label(d.gateway)} has no subnet in ${d.availabilityZone ?? "?"}, so instances in that Availability Zone cannot use the transit gateway.`,
  ),
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: entry(
    ["gateway"],
    ["TGW-04"],
    (d) =>
      `Transit gateway attachment ${label(d.gateway)} is not associated with any transit gateway route table, so the transit gateway does not know where to send its traffic.`,
  ),
  TGW_RTB_CANNOT_ROUTE: entry(
    ["transit-gateway-route-table"],
    ["TGW-05", "TGW-07"],
    (d) => {
      const head = `Transit gateway route table ${label(d.table)} has no route that matches ${d.destination}`;
      const reply = d.direction === "return" ? " (the reply's destination, the flow's source)" : "";
      if (d.owner && d.ownerIpv6Disabled === true)
        return `${head}${reply}: attachment ${label(d.owner)} owns that address, but its IPv6 support is disabled, so the VPC's IPv6 CIDRs do not propagate. Enable IPv6 support on the attachment, or add a static route to it.`;
      return d.owner
        ? `${head}${reply}; enable propagation of attachment ${label(d.owner)}, which owns that address, into it, or add a static route to that attachment.`
        : privateAddress(d.destination)
          ? `${head}${reply}, and no attachment of the transit gateway owns that address, so propagation cannot add one: a static route to the attachment that leads to it (a transit gateway peering attachment takes static routes only) carries it.`
          : `${head}${reply}, and no attachment of the transit gateway owns that address, so propagation cannot add one: only a static route (0.0.0.0/0 for the internet) to the egress VPC's attachment carries it.`;
    },
    (d) => (d.owner ? [] : privateAddress(d.destination) ? ["TGW-12"] : ["TGW-18"]),
  ),
  TGW_RTB_BAD_STATE_ROUTE: entry(["transit-gateway-route-table"], ["TGW-08"], (d) =>
    d.problem === "missing-attachment"
      ? `The route ${d.route?.description ?? "?"} points at attachment ${d.route?.target ?? "?"}, which does not exist.`
      : `The route ${d.route?.description ?? "?"} in transit gateway route table ${label(d.table)} is a blackhole and drops the traffic.`,
  ),
  BAD_STATE_VPN: entry(["gateway"], ["VPN-02"], vpnDown, (d) =>
    d.staleRoutes !== undefined && d.staleRoutes.length > 0 ? ["VPN-05"] : [],
  ),
  TGW_BAD_STATE_VPN: entry(["gateway"], ["VPN-02"], tgwVpnDown),
  VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: entry(
    ["gateway"],
    ["VPN-08", "PCX-10", "VPN-07"],
    (d) =>
      `Virtual private gateway ${label(d.gateway)} only delivers to VPC ${label(d.vpc ?? d.gateway)}; ${d.address ?? "?"} is outside it, and a VPN is not transitive to peered VPCs.`,
  ),
  RCH_VGW_NO_IPV6: entry(
    ["gateway"],
    ["VPN-07"],
    (d) =>
      `Virtual private gateway ${label(d.gateway)} does not carry IPv6 traffic, so ${d.address ?? "?"} cannot be reached over its VPN; use IPv4 (or a transit gateway VPN attachment).`,
  ),
  NO_PATH: entry(
    ["query"],
    ["VPN-01", "DX-01"],
    (d) =>
      `${label(d.site ?? { id: d.reference })} has no VPN connection or Direct Connect gateway into AWS.`,
  ),
  VPCE_GATEWAY_PROTOCOL_RESTRICTION: entry(
    ["gateway"],
    ["GWE-10"],
    (d) => `Gateway endpoint ${label(d.gateway)} carries only TCP (and ICMP echo), not UDP.`,
  ),
  RCH_ENDPOINT_POLICY_DENIES: entry(
    ["gateway"],
    ["GWE-08"],
    (d) => `The endpoint policy of ${label(d.gateway)} denies all requests through it.`,
  ),
  VPCE_INTRA_VPC_TRAFFIC: entry(
    ["gateway"],
    ["IFE-05"],
    (d) =>
      `Interface endpoint ${label(d.gateway)} cannot initiate connections: the service behind it only answers traffic that consumers in the VPC start.`,
  ),
  ENI_SOURCE_DEST_CHECK_RESTRICTION: entry(
    ["interface"],
    ["RT-03"],
    (d) =>
      `${label(d.eni)} has source/destination check enabled, so it drops traffic for ${d.address ?? "?"} that is not addressed to it.`,
  ),
  NO_POSSIBLE_DESTINATION: entry(
    ["vpc", "gateway", "query"],
    [],
    (d) => {
      if (d.kind === "vpc")
        return d.elsewhere
          ? `No network interface in VPC ${label(d.vpc)} has the address ${d.address ?? "?"}: it belongs to ${label(d.elsewhere.eni)} in VPC ${label(d.elsewhere.vpc)}, but the most specific matching route sent the packet to VPC ${label(d.vpc)} (longest prefix wins; see the route hop).`
          : `No network interface in VPC ${label(d.vpc)} has the address ${d.address ?? "?"}.`;
      if (d.kind === "query") return `No interface has the IPv6 address ${d.address ?? "?"}.`;
      switch (d.gateway.type) {
        case "nat-gateway":
          return `NAT gateway ${label(d.gateway)} only accepts replies to connections it started; nothing can connect to it from outside (NAT-01).`;
        case "vpn-gateway":
          if (d.problem === "no-static-route")
            return `VPN connection ${label(d.vpn ?? d.gateway)} uses static routing, and virtual private gateway ${label(d.gateway)} sends it only the prefixes in its static routes (${d.staticRoutes?.length ? `${d.staticRoutes.join(", ")}, none of which contains ${d.address ?? "?"}` : `it has none, so not ${d.address ?? "?"}`}), whatever the route table sends to the gateway; add a static route for it to the VPN connection.`;
          return d.problem === "no-link"
            ? `No VPN connection or Direct Connect gateway links ${label(d.gateway)} to ${label(d.site ?? d.gateway)}.${inactiveAssociationsText(d.gateway, d.inactiveAssociations)}`
            : `Virtual private gateway ${label(d.gateway)} knows no on-premises network containing ${d.address ?? "?"}.`;
        default:
          return `No on-premises network behind ${label(d.gateway)} contains ${d.address ?? "?"}.`;
      }
    },
    (d) => {
      if (d.kind === "vpc" && d.elsewhere) return ["RT-04"];
      if (d.kind !== "gateway") return NO_RULES;
      if (d.gateway.type === "nat-gateway") return ["NAT-01"];
      if (d.gateway.type === "vpn-gateway") return d.problem === "no-link" ? ["VPN-01"] : ["VPN-07"];
      return NO_RULES;
    },
  ),
  VPC_LOCAL_ROUTE_CIDR_RESTRICTION: entry(
    ["vpc"],
    ["RT-02"],
    (d) => `${d.address ?? "?"} is not inside VPC ${label(d.vpc)}, so it cannot be delivered there.`,
  ),
  RCH_WRONG_DESTINATION: entry(["query"], ["PCX-09"], wrongPlace),
  NO_SOURCE_OR_DESTINATION: entry(["query"], [], (d) =>
    unknownReference(d.problem === "unknown-source" ? "source" : "destination", d.reference),
  ),
  RCH_ROUTING_LOOP: entry(
    ["route-table"],
    [],
    (d) => `The packet to ${d.destination} loops between route tables without reaching a destination.`,
  ),
  RCH_DNS_RESOLUTION_DISABLED: entry(
    ["vpc"],
    ["GWE-09"],
    (d) =>
      `VPC ${label(d.vpc)} has DNS resolution (enableDnsSupport) turned off, so ${d.service ?? "?"} cannot be resolved through the Amazon DNS server; gateway endpoints and AWS service names need DNS resolution in the VPC.`,
  ),
  RCH_NO_IPV6_ADDRESS: entry(
    ["query"],
    ["PCX-15", "EIGW-01"],
    (d) => `${d.reference} has no IPv6 address, so it cannot send to the IPv6 address ${d.address ?? "?"}.`,
  ),
  RCH_NO_IPV4_ADDRESS: entry(
    ["query"],
    [],
    (d) =>
      d.problem === "no-ipv4-literal"
        ? `${d.reference} is IPv6-only: it has no IPv4 address, and DNS64 only synthesises a 64:ff9b::/96 address when it resolves a name, so the literal IPv4 address ${d.address ?? "?"} has no IPv6 form to send to (use the server's DNS name, or 64:ff9b::/96 written out).`
        : `${d.reference} is IPv6-only: it has no IPv4 address, so it cannot send to the IPv4 address ${d.address ?? "?"} (IPv6-only subnets reach IPv4 only through DNS64 and a NAT gateway's NAT64).`,
    (d) => (d.problem === "no-ipv4-literal" ? ["NAT-04"] : []),
  ),
  RCH_DX_VIF_NOT_AVAILABLE: entry(
    ["virtual-interfaces"],
    ["DX-01"],
    (d) =>
      `No ${d.vifType} virtual interface of Direct Connect gateway ${label(d.dxGateway)} is available (${d.interfaces.map((v) => `${v.id} ${v.state}`).join(", ")}), so it carries no traffic.`,
  ),
  RCH_DX_PREFIX_NOT_ALLOWED: entry(["allowed-prefixes"], ["DX-04"], (d) =>
    d.associated === "transit-gateway"
      ? `Direct Connect gateway ${label(d.dxGateway)} advertises to on-premises exactly the allowed prefixes of its association with ${d.gateway} (${d.allowedPrefixes.join(", ")}), and none contains ${d.address}, so on-premises has no route to it.`
      : d.advertised.length === 0
        ? `The allowed prefixes of Direct Connect gateway ${label(d.dxGateway)} for ${d.gateway} (${d.allowedPrefixes.join(", ")}) are not the same as or wider than the VPC's CIDR ${d.vpcCidrs.join(", ")}: on a virtual private gateway association they only filter the VPC's CIDR, so nothing is advertised to on-premises and it has no route to ${d.address}.`
        : `Direct Connect gateway ${label(d.dxGateway)} advertises to on-premises only ${d.advertised.join(", ")} for ${d.gateway} (the VPC CIDRs its allowed prefixes ${d.allowedPrefixes.join(", ")} equal or contain), so on-premises has no route to ${d.address}.`,
  ),
  RCH_ENDPOINT_CONNECTION_NOT_ACCEPTED: entry(
    ["endpoint-service"],
    ["EPS-02"],
    (d) =>
      `The connection of endpoint ${label(d.endpoint)} to endpoint service ${label(d.service)} is ${d.state ?? "?"}: the provider has not accepted it, so no traffic passes until it is accepted.`,
  ),
  RCH_NLB_NO_LISTENER: entry(
    ["endpoint-service"],
    ["EPS-07"],
    (d) =>
      `Network Load Balancer ${label(d.loadBalancer ?? d.service)} behind endpoint service ${label(d.service)} has no listener for ${d.traffic ? what(d.traffic) : "this traffic"}${d.listeners && d.listeners.length > 0 ? ` (its listeners: ${d.listeners.join(", ")})` : " (it has no listeners)"}, so it drops the connection.`,
  ),
  RCH_NLB_NO_TARGET: entry(
    ["endpoint-service"],
    ["EPS-08"],
    (d) =>
      `Target group ${label(d.targetGroup ?? d.service)} of ${label(d.loadBalancer ?? d.service)} has no healthy target the load balancer node in ${d.availabilityZone ?? "this zone"} can send to; with cross-zone load balancing off a node only uses targets in its own Availability Zone.`,
  ),
  RCH_NLB_TARGET_UNHEALTHY: entry(
    ["endpoint-service"],
    ["EPS-08"],
    (d) =>
      `Every registered target of ${label(d.targetGroup ?? d.service)} is ${d.health ?? "unhealthy"}, so ${label(d.loadBalancer ?? d.service)} fails open and still forwards to ${d.target ?? "?"}, but that target fails the load balancer's health checks on port ${d.port ?? "?"}${d.reason ? ` (${d.reason})` : ""}; a target that does not pass its health checks is not taken as answering.`,
  ),
  RCH_NLB_NOT_ACTIVE: entry(
    ["endpoint-service"],
    ["EPS-07"],
    (d) =>
      `Network Load Balancer ${label(d.loadBalancer ?? d.service)} behind endpoint service ${label(d.service)} is ${d.state ?? "?"}, not active, so it routes no traffic.`,
  ),
  RCH_GWLB_ENDPOINT_NOT_AVAILABLE: entry(
    ["gateway"],
    ["GWLB-01"],
    (d) =>
      `Gateway Load Balancer endpoint ${label(d.gateway)} is ${d.state ?? "?"}, not available, so traffic routed to it goes nowhere.`,
  ),
  RCH_APPLIANCE_MODE_ASYMMETRIC_PATH: entry(
    ["gateway"],
    ["TGW-11"],
    (d) =>
      `Transit gateway attachment ${label(d.gateway)} has appliance mode off, so the transit gateway keeps each direction in the zone it entered by: the request crossed the inspection VPC in ${d.requestAvailabilityZone ?? "?"} but the reply crosses it in ${d.availabilityZone ?? "?"}, ${d.appliance ? `where the transit gateway delivers it to appliance ${label(d.appliance)}, which has not seen the request` : "through another appliance, which has not seen the request"}. A stateful appliance drops such a reply (AWS Network Firewall does not support asymmetric routing). Turn on appliance mode (ApplianceModeSupport) for the attachment.`,
  ),
  RCH_REGIONAL_NAT_ZONE_NOT_SERVED: entry(
    ["gateway"],
    ["NAT-07"],
    (d) =>
      `Regional NAT gateway ${label(d.gateway)} is in manual mode and has no Elastic IP address for ${d.availabilityZone ?? "?"}, so it does not serve that zone: traffic routed to it from there is not translated. Add the zone to the gateway (or use automatic mode).`,
  ),
  RCH_GWLB_NO_HEALTHY_TARGET: entry(
    ["gateway"],
    ["GWLB-01"],
    (d) =>
      `Gateway Load Balancer ${label(d.gateway)} has no healthy target (${d.state ?? "none registered"}), so no appliance takes the traffic its endpoints send: a Gateway Load Balancer routes new flows to healthy targets only.`,
  ),
  VPC_BLOCK_PUBLIC_ACCESS_ENABLED: entry(["block-public-access"], ["IGW-07"], (d) => {
    const mode = d.mode === "block-bidirectional" ? "bidirectional" : "ingress-only";
    const opened =
      d.initiated === "inbound" ? "a connection opened from the internet" : "a connection to the internet";
    const excluded = d.exclusion !== undefined ? ` (its exclusion, ${d.exclusion}, does not cover it)` : "";
    return `VPC Block Public Access (${mode}) blocks ${opened} through ${label(d.gateway)} for subnet ${label(d.subnet)} of VPC ${label(d.vpc)}${excluded}; exclude the VPC or subnet to allow it.`;
  }),
} satisfies { readonly [C in BlockerCode]: AnyExplanation };

function privateDestination(d: DetailOf<"gateway">): string {
  const sent =
    d.table !== undefined && d.route !== undefined
      ? ` Route table ${label(d.table)} sent it there by its route ${d.route.description}: it has no more specific route for ${d.address ?? "?"}, such as one back through the peering, transit gateway or VPN that leads to it.`
      : "";
  return `Internet gateway ${label(d.gateway)} does not forward traffic to the private address ${d.address ?? "?"}; private addresses are not reachable over the internet.${sent}`;
}

function privateSource(d: DetailOf<"gateway">): string {
  return `Internet gateway ${label(d.gateway)} drops traffic from the private address ${d.address ?? "?"}.`;
}

const VPN_DOWN = (d: DetailOf<"gateway">) =>
  `Both tunnels of VPN connection ${label(d.gateway)} are down (VgwTelemetry shows 0 tunnels UP), so it carries no traffic`;

/** A VPN on a virtual private gateway: what its route tables show is in `staleRoutes` (VPN-05). */
function vpnDown(d: DetailOf<"gateway">): string {
  const stale = d.staleRoutes;
  if (stale === undefined) return `${VPN_DOWN(d)}, and no routes propagate from it while both are down.`;
  if (stale.length === 0)
    return `${VPN_DOWN(d)}, and no routes propagate from it while both are down (which is why a route table with propagation from its gateway shows none of its prefixes).`;
  const listed = stale.map((r) => `${r.destination} in ${label(r.table)}`).join(", ");
  return `${VPN_DOWN(d)}. Routes propagate from a VPN connection only while it is up, yet the route tables still list ${listed} as propagated from its virtual private gateway: the output looks stale (the route tables and the VPN connection were described at different times); describe both again.`;
}

/** A VPN attached to a transit gateway: the model propagates its prefixes only while it is up (VPN-05, TGW-05). */
function tgwVpnDown(d: DetailOf<"gateway">): string {
  return `${VPN_DOWN(d)}, and no routes propagate from it while both are down (which is why a route table with propagation from its gateway shows none of its prefixes).`;
}

/** NO_ROUTE_TO_DESTINATION's fault alone (a question option states it; the key's why adds unpropagatedHint). */
export function noRouteFault(d: DetailOf<"route-table">): string {
  return `Route table ${label(d.table)} of subnet ${label(d.subnet ?? d.table)} has no route that matches ${d.destination}`;
}

/** VPN-05: the gateway whose propagation the table lacks, when `unpropagatedGateway` names one. */
export function unpropagatedHint(d: DetailOf<"route-table">): string | undefined {
  const vgw = d.unpropagatedGateway;
  return vgw === undefined
    ? undefined
    : `virtual private gateway ${label(vgw)} of this VPC carries a prefix that holds it, but the table does not propagate routes from that gateway: turn on route propagation for ${label(vgw)} in ${label(d.table)}, or add a static route to it`;
}

/** The sentence for a query reference that names nothing in the topology (also the CLI's --from/--to error). */
export function unknownReference(side: "source" | "destination", reference: string): string {
  return side === "source"
    ? `Unknown source "${reference}": not a resource id or name, IP address, on-premises network or "internet".`
    : `Unknown destination "${reference}": not a resource id or name, IP address, service, on-premises network, DNS name or "internet".`;
}

type Explanations = typeof EXPLANATIONS;
/** The detail a code is raised with (the kinds its table entry lists). */
export type DetailFor<C extends BlockerCode> =
  Explanations[C] extends Explanation<infer K> ? DetailOf<K> : never;

/** Each code's rule IDs without the per-case ones (the rule catalog's view of the table). */
export const CODE_RULES: Readonly<Record<BlockerCode, readonly string[]>> = Object.fromEntries(
  Object.entries(EXPLANATIONS).map(([code, e]) => [code, e.rules]),
) as Record<BlockerCode, readonly string[]>;

/** A blocker with its sentence and rule IDs rendered from `detail`. */
export function renderBlocker<C extends BlockerCode>(
  code: C,
  component: string,
  detail: DetailFor<C>,
): Blocker {
  const e = EXPLANATIONS[code] as unknown as Explanation<BlockerDetailKind>;
  const rules = [...e.rules];
  for (const rule of e.moreRules?.(detail) ?? NO_RULES) if (!rules.includes(rule)) rules.push(rule);
  return { code, component, message: e.explain(detail), rules, direction: detail.direction, detail };
}

function onPremisesLink(link: OnPremisesLink): string {
  if ("directConnectGateway" in link) return `Direct Connect gateway ${link.directConnectGateway}`;
  // The tunnel count is not part of the assumption: a VPN with no tunnel UP is a blocker, which says so.
  return `${link.vpn} ${link.routing === "bgp" ? "BGP" : "static"}`;
}

/** The sentence of an on-premises assumption (shown first by the command line, under "Assumed"). */
export function explainAssumption(a: OnPremisesAssumption): string {
  if (a.kind === "source")
    return a.noRouteBack === true
      ? `assumed ${a.address} is on-premises (${a.site.name ?? a.site.id}): the request can only have come in over that link, though no route leads the reply back, and AWS output does not show the prefixes BGP learned`
      : `assumed ${a.address} is on-premises (${a.site.name ?? a.site.id}): the reply to it is routed there, and AWS output does not show the prefixes BGP learned`;
  const links = a.links.map(onPremisesLink).join("; ");
  switch (a.via) {
    case "vpn-gateway":
      return `assumed on-premises behind ${a.gateway} (${links}): AWS output does not show the prefixes BGP learned, so ${a.address} is taken to be on-premises, as Reachability Analyzer stops at the gateway`;
    case "vpn-attachment":
      return `assumed on-premises behind ${a.gateway} (${links}): AWS output does not show the prefixes BGP learned, so ${a.address} is taken to be on-premises`;
    case "direct-connect-attachment":
      return `assumed on-premises behind ${a.gateway} (${links}): AWS output does not show the prefixes BGP learned over the transit VIF, so ${a.address} is taken to be on-premises`;
  }
}
