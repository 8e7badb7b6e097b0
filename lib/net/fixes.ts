// proposeFixes: candidate minimal changes for an unreachable query, derived from the blockers of
// one analysis, each verified by re-running analyze on the changed topology. Each blocker code has its own
// proposer (PROPOSERS), which reads the blocker's `detail`, never its sentence.
import { cidrContainsCidr, cidrContainsIp, cidrsOverlap, type IpAddress, parseCidr, parseIp } from "./cidr";
import { buildNetwork, gatewaysOf, type Network, NetworkCache } from "./network";
import type { OnPremEntry } from "./network-model";
import type { Query } from "./query";
import { analyze } from "./reachability";
import type { NaclRule, SgRule, Topology, TopologyDraft, Writable } from "./topology";
import type { Analysis, Blocker, BlockerCode, Hop } from "./trace";

export type FixKind =
  | "add-route"
  | "replace-route"
  | "accept-peering"
  | "add-sg-rule"
  | "add-nacl-rule"
  | "add-endpoint"
  | "add-peering"
  | "add-tgw-attachment"
  | "add-tgw-route"
  | "enable-propagation"
  | "associate-tgw-route-table"
  | "add-tgw-attachment-subnet"
  | "enable-appliance-mode"
  | "enable-ipv6-support"
  | "disable-source-dest-check"
  | "combined";

/** `topology` shares every list and object the fix does not change with the input topology: treat it as read-only. */
export type Fix = {
  id: string;
  kind: FixKind;
  description: string;
  rules: string[];
  topology: Topology;
  verified: boolean;
  /** The gateway a route fix points at, or a propagation fix propagates from: read this, never the description. */
  gateway?: string | undefined;
};

type Candidate = Omit<Fix, "id" | "verified">;

export function applyFix(_topology: Topology, fix: Fix): Topology {
  return fix.topology;
}

// Candidate topologies share every object they do not change with the input (copy-on-write): a Draft copies
// only the topology object, `list` copies one list the first time a fix changes it, and `own` swaps in a
// private deep copy of the one object a fix edits. Unchanged lists and objects stay identical (===), so
// buildNetwork reuses their compiled form (the call's NetworkCache, network-cache.ts), and the input is never modified.
type ListKey = {
  [K in keyof Topology]-?: Topology[K] extends readonly unknown[] ? K : never;
}[keyof Topology];

class Draft {
  readonly topology: TopologyDraft;

  constructor(private readonly source: Topology) {
    this.topology = { ...source } as TopologyDraft;
  }

  /** The draft's own copy of one list, safe to change. */
  list<K extends ListKey>(key: K): Topology[K][number][] {
    const t = this.topology;
    if (t[key] === this.source[key]) (t as Record<K, unknown>)[key] = [...(t[key] as readonly unknown[])];
    return t[key] as Topology[K][number][];
  }

  /** A private deep copy of one object of a list, swapped into the draft's copy of that list. */
  own<K extends ListKey>(key: K, index: number): Writable<Topology[K][number]> | undefined {
    if (this.topology[key][index] === undefined) return undefined;
    const items = this.list(key);
    const copy = cloneData(items[index] as Topology[K][number]) as Writable<Topology[K][number]>;
    items[index] = copy;
    return copy;
  }
}

/** Deep copy of plain topology data (objects, arrays, scalars); far cheaper than structuredClone for one object. */
function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = cloneData((value as Record<string, unknown>)[k]);
  return out as T;
}

function vpcOfIp(net: Network, ip: IpAddress, preferVpc?: string): string | undefined {
  const enis = net.enisByPrivateIp.get(ip.family === 4 ? ip.value : `6:${ip.value.toString(16)}`) ?? [];
  const eni = enis.find((e) => e.vpc.id === preferVpc) ?? enis[0];
  if (eni) return eni.vpc.id;
  for (const v of net.vpcs.values()) if (v.cidrs.some((c) => cidrContainsIp(c, ip))) return v.id;
  return undefined;
}

/** The last hop at the blocking component (a security-group hop's id lists all the interface's groups). */
function blockingHop(analysis: Analysis, b: Blocker): Hop | undefined {
  const hops = b.direction === "return" ? analysis.return : analysis.forward;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i];
    if (!hop) continue;
    const id = hop.component.id;
    if (id === b.component || (id.includes(",") && id.split(",").includes(b.component))) return hop;
  }
  return undefined;
}

function packetFor(analysis: Analysis, b: Blocker): { src: IpAddress; dst: IpAddress } | undefined {
  const hop = blockingHop(analysis, b);
  const h =
    hop?.inbound ??
    hop?.outbound ??
    (b.direction === "return" ? analysis.return[0]?.outbound : analysis.forward[0]?.outbound);
  if (!h) return undefined;
  const src = parseIp(h.srcIp);
  const dst = parseIp(h.dstIp);
  return src.ok && dst.ok ? { src: src.value, dst: dst.value } : undefined;
}

const hostCidr = (ip: IpAddress): string => `${ip.text}/${ip.family === 4 ? 32 : 128}`;

/**
 * The narrowest block a new SG or NACL rule needs for `ip` (least privilege, as the exams expect): the block of
 * the VPC or on-premises network that holds it; for any other address the host (`fallback: "host"`) or, for a
 * rule towards the internet where the far address is not fixed, the whole address family (`"any"`).
 */
function remoteCidr(net: Network, ip: IpAddress, fallback: "host" | "any" = "host"): string {
  const vpcId = vpcOfIp(net, ip);
  const vpc = vpcId !== undefined ? net.vpcs.get(vpcId) : undefined;
  const inVpc =
    vpc?.cidrs.find((x) => cidrContainsIp(x, ip)) ?? vpc?.cidrs6.find((x) => cidrContainsIp(x, ip));
  const onPrem = inVpc ? undefined : net.onPrem.flatMap((o) => o.cidrs).find((x) => cidrContainsIp(x, ip));
  const found = inVpc ?? onPrem;
  if (found) return found.text;
  return fallback === "host" ? hostCidr(ip) : ip.family === 4 ? "0.0.0.0/0" : "::/0";
}

/** `network` when the deny rule's range `denied` holds all of it, else undefined (either unreadable: undefined). */
function wholeNetworkDenied(network: string, denied: string | undefined): string | undefined {
  const n = parseCidr(network);
  const d = denied === undefined ? undefined : parseCidr(denied);
  return n.ok && d?.ok === true && cidrContainsCidr(d.value, n.value) ? network : undefined;
}

/** What every fix proposer gets: the topology, its network, the query and the analysis that was blocked. */
type FixContext = {
  readonly topology: Topology;
  readonly net: Network;
  readonly query: Query;
  readonly analysis: Analysis;
};

/** One proposer per blocker code: candidate changes that remove that blocker, read from its `detail`. */
type Proposer = (ctx: FixContext, b: Blocker) => Candidate[];

const NONE: Candidate[] = [];

/** The destination port a new rule must open: the query's (none for ICMP, and none for a reply's ephemeral port). */
function requestPort(query: Query, isReply: boolean): number | undefined {
  if (query.protocol === "icmp" || isReply) return undefined;
  return query.port ?? (query.protocol === "udp" ? 53 : 443);
}

const addSecurityGroupRule: Proposer = ({ topology, net, query }, b) => {
  const d = b.detail;
  if (d.kind !== "security-group") return NONE;
  const remote = parseIp(d.remote);
  const sgIndex = topology.securityGroups.findIndex((g) => g.id === b.component);
  if (!remote.ok || sgIndex < 0) return NONE;
  const inbound = d.side === "inbound";
  const protocol = query.protocol;
  const port = requestPort(query, b.direction === "return");
  const rule: SgRule = {
    protocol,
    ...(port !== undefined ? { fromPort: port, toPort: port } : {}),
    cidrBlock: remoteCidr(net, remote.value, inbound ? "host" : "any"),
  };
  const draft = new Draft(topology);
  const sg = draft.own("securityGroups", sgIndex);
  if (!sg) return NONE;
  if (inbound) sg.inbound.push(rule);
  else sg.outbound = [...(sg.outbound ?? []), rule];
  return [
    {
      kind: "add-sg-rule",
      description: `Add an ${inbound ? "inbound" : "outbound"} rule ${protocol}${port !== undefined ? `/${port}` : ""} ${inbound ? "from" : "to"} ${rule.cidrBlock} to security group ${sg.id}`,
      // A group with no rules on that side is SG-03's case (no inbound rules, or every outbound
      // rule removed); a group whose rules do not match is SG-01's.
      rules: b.code === "SG_HAS_NO_RULES" ? ["SG-03"] : ["SG-01"],
      topology: draft.topology,
    },
  ];
};

const addNetworkAclRule: Proposer = ({ topology, net, query }, b) => {
  const d = b.detail;
  if (d.kind !== "network-acl") return NONE;
  const remote = parseIp(d.remote);
  if (!remote.ok) return NONE;
  const isReply = b.direction === "return";
  const inbound = d.side === "inbound";
  const protocol = query.protocol;
  const port = requestPort(query, isReply);
  const ports =
    isReply && protocol !== "icmp" // ICMP has no ports (an ICMP query has none either)
      ? { fromPort: 1024, toPort: 65535 }
      : port !== undefined
        ? { fromPort: port, toPort: port }
        : {};
  const draft = new Draft(topology);
  const acl = draft.own(
    "networkAcls",
    topology.networkAcls.findIndex((a) => a.id === b.component),
  );
  if (!acl) return NONE; // a synthesised default NACL allows everything, so it never blocks
  const rules = inbound ? acl.inbound : acl.outbound;
  const used = new Set(rules.map((r) => r.ruleNumber));
  // Just before the deny rule that matched, else after the last rule (the implicit * deny matched).
  let number =
    d.ruleNumber !== "*"
      ? d.ruleNumber - 1
      : Math.min(32766, Math.max(0, ...rules.map((r) => r.ruleNumber)) + 10);
  while (number > 0 && used.has(number)) number--;
  if (number < 1) return NONE;
  const rule: NaclRule = {
    ruleNumber: number,
    protocol,
    ...ports,
    // Below a numbered deny the allow overrides it for every address it names. A deny that spans the flow's whole
    // remote network (its VPC or on-premises range) blocks every host there, so the allow names that network; a
    // deny for part of it (a carve-out, e.g. one subnet) keeps covering the rest: the allow names only this
    // flow's remote address.
    cidrBlock:
      d.ruleNumber !== "*"
        ? (wholeNetworkDenied(
            remoteCidr(net, remote.value),
            rules.find((r) => r.ruleNumber === d.ruleNumber)?.cidrBlock,
          ) ?? hostCidr(remote.value))
        : remoteCidr(net, remote.value, isReply || remote.value.family === 6 ? "any" : "host"),
    action: "allow",
  };
  rules.push(rule);
  return [
    {
      kind: "add-nacl-rule",
      description: `Add ${inbound ? "inbound" : "outbound"} rule ${number} allowing ${protocol}${rule.fromPort !== undefined ? ` ports ${rule.fromPort}-${rule.toPort}` : ""} ${inbound ? "from" : "to"} ${rule.cidrBlock} to network ACL ${acl.id}`,
      rules: isReply ? (protocol === "icmp" ? ["ACL-02"] : ["ACL-02", "ACL-08"]) : ["ACL-03"],
      topology: draft.topology,
    },
  ];
};

/** A peering that is not active (pending, expired): accept it, or (expired) replace it with a new request. */
const activatePeering: Proposer = ({ topology }, b) => {
  const i = topology.peeringConnections.findIndex((p) => p.id === b.component);
  const p = topology.peeringConnections[i];
  if (!p) return NONE;
  const draft = new Draft(topology);
  const { createdAt: _drop, ...rest } = p;
  draft.list("peeringConnections")[i] = { ...rest, status: "active" };
  const recreate = b.detail.kind === "gateway" && b.detail.state === "expired";
  return [
    {
      kind: recreate ? "add-peering" : "accept-peering",
      description: recreate
        ? // PCX-06: an expired request can be neither accepted nor rejected; only a new request (new pcx- ID) helps.
          `Create a new peering request between ${p.requesterVpcId} and ${p.accepterVpcId}, have the accepter VPC ${p.accepterVpcId}'s owner accept it within 7 days, and point the routes in both VPCs at the new connection's pcx- ID (routes to the expired ${p.id} stay blackholes)`
        : `Accept peering connection ${p.id} in the accepter VPC's account`,
      rules: ["PCX-05", "PCX-07"],
      topology: draft.topology,
    },
  ];
};

const addRoute: Proposer = ({ topology, net }, b) => {
  const d = b.detail;
  const dst = d.kind === "route-table" ? parseIp(d.destination) : undefined;
  return dst?.ok === true ? routeCandidates(topology, net, b.component, dst.value) : NONE;
};

const peerDirectly: Proposer = ({ topology, net, analysis }, b) => {
  const pkt = packetFor(analysis, b);
  if (!pkt) return NONE;
  return [
    ...retargetToTransitGateway(topology, net, b.component, pkt),
    ...peeringCandidates(topology, net, b.component, pkt),
  ];
};

/**
 * When both VPCs are already attached to one transit gateway, the smallest change is pointing the route that sent
 * the packet into the peering at that transit gateway: a new peering would add a second path, and unless every
 * return route moved too, the flow would go out one way and come back the other. Offered before a new peering;
 * like every candidate it counts only if analyze, both ways, lets the flow through.
 */
function retargetToTransitGateway(
  topology: Topology,
  net: Network,
  pcxId: string,
  pkt: { src: IpAddress; dst: IpAddress },
): Candidate[] {
  const srcVpc = vpcOfIp(net, pkt.src);
  const dstVpc = vpcOfIp(net, pkt.dst);
  if (srcVpc === undefined || dstVpc === undefined || srcVpc === dstVpc) return NONE;
  const tgw = topology.transitGatewayAttachments.find(
    (a) =>
      a.vpcId === srcVpc &&
      topology.transitGatewayAttachments.some(
        (o) => o.transitGatewayId === a.transitGatewayId && o.vpcId === dstVpc,
      ),
  )?.transitGatewayId;
  const to = net.vpcs.get(dstVpc);
  if (tgw === undefined || !to) return NONE;
  const d = new Draft(topology);
  const changed: string[] = [];
  for (let i = 0; i < topology.routeTables.length; i += 1) {
    const table = topology.routeTables[i];
    if (!table || table.vpcId !== srcVpc) continue;
    // Only a route for the destination VPC's own range: a wider one (a /8 to the peering) also carries the
    // peer's traffic, which moving it to the transit gateway would reroute as well.
    const hit = (r: (typeof table.routes)[number]): boolean => {
      const c = r.target === pcxId && r.destination !== undefined ? parseCidr(r.destination) : undefined;
      return (
        c?.ok === true &&
        cidrContainsIp(c.value, pkt.dst) &&
        to.cidrs.some((v) => cidrContainsCidr(v, c.value))
      );
    };
    if (!table.routes.some(hit)) continue;
    const rt = d.own("routeTables", i);
    for (const r of rt?.routes ?? []) {
      if (!hit(r)) continue;
      r.target = tgw;
      changed.push(`the route ${r.destination ?? ""} in ${table.id}`);
    }
  }
  if (changed.length === 0) return NONE;
  return [
    {
      kind: "replace-route",
      description: `Point ${changed.join(" and ")} at ${tgw} instead of ${pcxId}: both VPCs are already attached to that transit gateway`,
      rules: ["PCX-02", "TGW-06"],
      topology: d.topology,
    },
  ];
}

const propagateIntoTransitGatewayTable: Proposer = ({ topology, net }, b) => {
  const d = b.detail;
  const dst = d.kind === "transit-gateway-route-table" ? parseIp(d.destination) : undefined;
  if (dst?.ok !== true) return NONE;
  const ti = topology.transitGatewayRouteTables.findIndex((x) => x.id === b.component);
  const table = topology.transitGatewayRouteTables[ti];
  const onPrem = net.onPrem.find((o) => o.cidrs.some((c) => cidrContainsIp(c, dst.value)));
  if (table && onPrem) return onPremisesTransitGatewayCandidates(topology, ti, onPrem, dst.value);
  const dstVpc = vpcOfIp(net, dst.value);
  const att =
    table && dstVpc !== undefined
      ? topology.transitGatewayAttachments.find(
          (a) => a.transitGatewayId === table.transitGatewayId && a.vpcId === dstVpc,
        )
      : undefined;
  if (!table || !att) return NONE;
  const draft = new Draft(topology);
  if (dst.value.family === 6 && att.ipv6Support === false) {
    // TGW-05: the attachment already propagates, but not the VPC's IPv6 CIDRs while its IPv6 support is off.
    const own = draft.own(
      "transitGatewayAttachments",
      topology.transitGatewayAttachments.findIndex((a) => a.id === att.id),
    );
    if (!own) return NONE;
    own.ipv6Support = true;
    return [
      {
        kind: "enable-ipv6-support",
        description: `Turn on IPv6 support (Ipv6Support) for transit gateway attachment ${att.id}, so the VPC's IPv6 CIDRs propagate`,
        rules: ["TGW-05"],
        topology: draft.topology,
      },
    ];
  }
  draft.own("transitGatewayRouteTables", ti)?.propagations.push(att.id);
  return [
    {
      kind: "enable-propagation",
      description: `Enable propagation of ${att.id} into transit gateway route table ${table.id}`,
      rules: ["TGW-05"],
      topology: draft.topology,
    },
  ];
};

/**
 * The attachments of transit gateway `tgwId` that lead to on-premises network `onPrem`: a VPN attachment whose
 * connection ends at one of its customer gateways, or a Direct Connect gateway attachment it is reached through.
 */
function onPremisesAttachments(topology: Topology, tgwId: string, onPrem: OnPremEntry): string[] {
  const out: string[] = [];
  for (const a of topology.transitGatewayAttachments) {
    if (a.transitGatewayId !== tgwId) continue;
    const vpn =
      a.type === "vpn" ? topology.vpnConnections.find((v) => v.id === a.vpnConnectionId) : undefined;
    if (vpn && onPrem.net.customerGatewayIds.includes(vpn.customerGatewayId)) out.push(a.id);
    else if (
      a.type === "direct-connect-gateway" &&
      a.directConnectGatewayId !== undefined &&
      onPrem.net.directConnectGatewayIds.includes(a.directConnectGatewayId)
    )
      out.push(a.id);
  }
  return out;
}

/**
 * A transit gateway route table with no route to an on-premises network: propagate the VPN or Direct Connect
 * gateway attachment that leads there into the table (TGW-05), or, as the alternative, a static route for the
 * network's CIDR to that attachment.
 */
function onPremisesTransitGatewayCandidates(
  topology: Topology,
  ti: number,
  onPrem: OnPremEntry,
  dst: IpAddress,
): Candidate[] {
  const table = topology.transitGatewayRouteTables[ti];
  if (!table) return NONE;
  const cidr = onPrem.cidrs.find((c) => cidrContainsIp(c, dst));
  const out: Candidate[] = [];
  for (const att of onPremisesAttachments(topology, table.transitGatewayId, onPrem)) {
    if (!table.propagations.includes(att)) {
      const draft = new Draft(topology);
      draft.own("transitGatewayRouteTables", ti)?.propagations.push(att);
      out.push({
        kind: "enable-propagation",
        description: `Enable propagation of ${att} into transit gateway route table ${table.id}`,
        rules: ["TGW-05"],
        topology: draft.topology,
      });
    }
    if (cidr) {
      const draft = new Draft(topology);
      draft.own("transitGatewayRouteTables", ti)?.routes.push({
        destination: cidr.text,
        attachmentId: att,
        blackhole: false,
      });
      out.push({
        kind: "add-route",
        description: `Add a static route ${cidr.text} -> ${att} to transit gateway route table ${table.id}`,
        rules: ["TGW-05"],
        topology: draft.topology,
      });
    }
  }
  return out;
}

const associateTransitGatewayTable: Proposer = ({ topology }, b) => {
  const att = topology.transitGatewayAttachments.find((a) => a.id === b.component);
  const ti = topology.transitGatewayRouteTables.findIndex(
    (x) => x.transitGatewayId === att?.transitGatewayId,
  );
  if (!att || ti < 0) return NONE;
  const draft = new Draft(topology);
  draft.own("transitGatewayRouteTables", ti)?.associations.push(att.id);
  return [
    {
      kind: "associate-tgw-route-table",
      description: `Associate ${att.id} with transit gateway route table ${draft.topology.transitGatewayRouteTables[ti]?.id}`,
      rules: ["TGW-04"],
      topology: draft.topology,
    },
  ];
};

const addAttachmentSubnet: Proposer = ({ topology }, b) => {
  const d = b.detail;
  const az = d.kind === "gateway" ? d.availabilityZone : undefined;
  const ai = topology.transitGatewayAttachments.findIndex((a) => a.id === b.component);
  const att = topology.transitGatewayAttachments[ai];
  const subnet = topology.subnets.find((s) => s.vpcId === att?.vpcId && s.availabilityZone === az);
  if (!att || !subnet) return NONE;
  const draft = new Draft(topology);
  draft.own("transitGatewayAttachments", ai)?.subnetIds.push(subnet.id);
  return [
    {
      kind: "add-tgw-attachment-subnet",
      description: `Add subnet ${subnet.id} (${az}) to transit gateway attachment ${att.id}`,
      rules: ["TGW-09"],
      topology: draft.topology,
    },
  ];
};

/** TGW-11: appliance mode keeps both directions of a flow in one zone of the inspection VPC. */
const enableApplianceMode: Proposer = ({ topology }, b) => {
  const ai = topology.transitGatewayAttachments.findIndex((a) => a.id === b.component);
  const draft = new Draft(topology);
  const att = draft.own("transitGatewayAttachments", ai);
  if (!att) return NONE;
  att.applianceMode = true;
  return [
    {
      kind: "enable-appliance-mode",
      description: `Turn on appliance mode (ApplianceModeSupport) for transit gateway attachment ${att.id}, so both directions of a flow cross the same appliance`,
      rules: ["TGW-11"],
      topology: draft.topology,
    },
  ];
};

const disableSourceDestCheck: Proposer = ({ topology }, b) => {
  const draft = new Draft(topology);
  const t = draft.topology;
  const eni = draft.own(
    "networkInterfaces",
    t.networkInterfaces.findIndex((e) => e.id === b.component),
  );
  const inst = eni
    ? undefined
    : draft.own(
        "instances",
        t.instances.findIndex((i) => b.component === `eni-${i.id.slice(2)}`),
      );
  if (eni) eni.sourceDestCheck = false;
  else if (inst) inst.sourceDestCheck = false;
  else return NONE;
  return [
    {
      kind: "disable-source-dest-check",
      description: `Disable the source/destination check on ${b.component}`,
      rules: ["RT-03"],
      topology: t,
    },
  ];
};

/**
 * IGW-08: a reply routed to a NAT gateway or egress-only internet gateway for a connection from the
 * internet: point that route at the internet gateway the request came in through (the subnet becomes public).
 */
const routeReplyToInternetGateway: Proposer = ({ topology }, b) => {
  const d = b.detail;
  if (d.kind !== "gateway" || !d.table || !d.route || !d.internetGateway) return NONE;
  const { destination, target } = d.route;
  const ri = topology.routeTables.findIndex((r) => r.id === d.table?.id);
  const draft = new Draft(topology);
  const rt = draft.own("routeTables", ri);
  const route = rt?.routes.find((r) => r.destination === destination && r.target === target);
  if (!rt || !route) return NONE;
  route.target = d.internetGateway.id;
  return [
    {
      kind: "replace-route",
      description: `Point the route ${destination} in ${rt.id} at ${d.internetGateway.id} instead of ${target}, so replies to the internet leave through the internet gateway (the subnet becomes public: its instances without a public address lose internet access, so you may rather move this instance to a public subnet)`,
      rules: ["IGW-08", "IGW-02"],
      topology: draft.topology,
    },
  ];
};

/** Blocker codes with a fix the model can propose; the others (a stopped instance, a down VPN...) have none here. */
const PROPOSERS: Partial<Readonly<Record<BlockerCode, Proposer>>> = {
  ENI_SG_RULES_MISMATCH: addSecurityGroupRule,
  SG_HAS_NO_RULES: addSecurityGroupRule,
  SUBNET_ACL_RESTRICTION: addNetworkAclRule,
  BAD_STATE_ROUTE: activatePeering,
  NO_ROUTE_TO_DESTINATION: addRoute,
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: peerDirectly,
  TGW_RTB_CANNOT_ROUTE: propagateIntoTransitGatewayTable,
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: associateTransitGatewayTable,
  TGW_ROUTE_AZ_RESTRICTION: addAttachmentSubnet,
  RCH_APPLIANCE_MODE_ASYMMETRIC_PATH: enableApplianceMode,
  ENI_SOURCE_DEST_CHECK_RESTRICTION: disableSourceDestCheck,
  RCH_REPLY_NOT_THROUGH_INTERNET_GATEWAY: routeReplyToInternetGateway,
};

function candidatesFor(
  topology: Topology,
  net: Network,
  query: Query,
  analysis: Analysis,
  b: Blocker,
): Candidate[] {
  return PROPOSERS[b.code]?.({ topology, net, query, analysis }, b) ?? NONE;
}

function routeCandidates(topology: Topology, net: Network, rtbId: string, dst: IpAddress): Candidate[] {
  const out: Candidate[] = [];
  const ri = topology.routeTables.findIndex((r) => r.id === rtbId);
  const rt = topology.routeTables[ri];
  if (!rt) return out;
  const addRoute = (destination: string, target: string, rules: string[]): void => {
    const d = new Draft(topology);
    const t = d.topology;
    d.own("routeTables", ri)?.routes.push({ destination, target, origin: "static" });
    out.push({
      kind: "add-route",
      description: `Add a route ${destination} -> ${target} to ${rt.id}`,
      rules,
      topology: t,
      gateway: target,
    });
  };
  const dstVpc = vpcOfIp(net, dst);
  if (dstVpc !== undefined && dstVpc !== rt.vpcId) {
    const dest = remoteCidr(net, dst);
    const pcx = topology.peeringConnections.find(
      (p) =>
        (p.requesterVpcId === rt.vpcId && p.accepterVpcId === dstVpc) ||
        (p.accepterVpcId === rt.vpcId && p.requesterVpcId === dstVpc),
    );
    if (pcx) addRoute(dest, pcx.id, ["PCX-08"]);
    for (const att of topology.transitGatewayAttachments) {
      if (
        att.vpcId === rt.vpcId &&
        topology.transitGatewayAttachments.some(
          (o) => o.transitGatewayId === att.transitGatewayId && o.vpcId === dstVpc,
        )
      )
        addRoute(dest, att.transitGatewayId, ["TGW-06"]);
    }
    return out;
  }
  const onPrem = net.onPrem.find((o) => o.cidrs.some((c) => cidrContainsIp(c, dst)));
  const vpc = net.vpcs.get(rt.vpcId);
  const gateways = gatewaysOf(net, rt.vpcId);
  if (onPrem) {
    // On premises behind a transit gateway this VPC is attached to (its VPN or Direct Connect gateway
    // attachment): a static route to the transit gateway, as a VPC route table cannot learn TGW routes (TGW-06).
    const cidr = onPrem.cidrs.find((c) => cidrContainsIp(c, dst));
    const seen = new Set<string>();
    for (const att of topology.transitGatewayAttachments) {
      const tgw = att.transitGatewayId;
      if (att.vpcId !== rt.vpcId || seen.has(tgw) || !cidr) continue;
      seen.add(tgw);
      if (onPremisesAttachments(topology, tgw, onPrem).length > 0) addRoute(cidr.text, tgw, ["TGW-06"]);
    }
  }
  if (onPrem && gateways.vgw) {
    const vgwId = gateways.vgw.id;
    const cidr = onPrem.cidrs.find((c) => cidrContainsIp(c, dst));
    // Over Direct Connect only (no VPN on this gateway) the prefixes come from BGP on the private VIF (DX-08).
    const viaDx = !topology.vpnConnections.some((v) => v.vpnGatewayId === vgwId);
    const rules = viaDx && onPrem.net.directConnectGatewayIds.length > 0 ? ["DX-08"] : ["VPN-05"];
    if (cidr) addRoute(cidr.text, vgwId, rules);
    const d = new Draft(topology);
    const t = d.topology;
    d.own("routeTables", ri)?.propagatingGatewayIds.push(vgwId);
    out.push({
      kind: "enable-propagation",
      description: `Enable route propagation from ${vgwId} on ${rt.id}`,
      rules,
      topology: t,
      gateway: vgwId,
    });
  }
  const service = net.services.find((s) => s.cidrs.some((c) => cidrContainsIp(c, dst)));
  if (service && (service.service === "s3" || service.service === "dynamodb")) {
    const existing = topology.gatewayEndpoints.findIndex(
      (e) => e.vpcId === rt.vpcId && e.service === service.service,
    );
    const d = new Draft(topology);
    const t = d.topology;
    if (existing >= 0) d.own("gatewayEndpoints", existing)?.routeTableIds.push(rt.id);
    else
      d.list("gatewayEndpoints").push({
        id: `vpce-fix-${service.service}-${rt.vpcId.replace(/^vpc-/, "")}`,
        vpcId: rt.vpcId,
        service: service.service,
        region: service.region,
        routeTableIds: [rt.id],
        policy: "allow-all",
      });
    out.push({
      kind: "add-endpoint",
      description:
        existing >= 0
          ? `Associate ${rt.id} with the ${service.service} gateway endpoint`
          : `Add an ${service.service} gateway endpoint to ${rt.vpcId} associated with ${rt.id}`,
      rules: ["GWE-01", "GWE-02"],
      topology: t,
    });
  }
  if (!onPrem && dstVpc === undefined && vpc) {
    const wide = dst.family === 4 ? "0.0.0.0/0" : "::/0";
    const nat = topology.natGateways.find(
      (n) => net.subnets.get(n.subnetId)?.vpc.id === rt.vpcId && n.state === "available",
    );
    if (dst.family === 4 && nat) addRoute(wide, nat.id, ["NAT-01"]);
    if (gateways.igw) addRoute(wide, gateways.igw.id, ["IGW-01"]);
    if (dst.family === 6 && gateways.eigw) addRoute(wide, gateways.eigw.id, ["EIGW-01"]);
  }
  return out;
}

function peeringCandidates(
  topology: Topology,
  net: Network,
  pcxId: string,
  pkt: { src: IpAddress; dst: IpAddress },
): Candidate[] {
  const out: Candidate[] = [];
  const srcVpc = vpcOfIp(net, pkt.src);
  const dstVpc = vpcOfIp(net, pkt.dst);
  if (srcVpc === undefined) return out;
  if (dstVpc !== undefined && dstVpc !== srcVpc) {
    const a = net.vpcs.get(srcVpc);
    const b = net.vpcs.get(dstVpc);
    if (!a || !b) return out;
    const overlap = a.cidrs.some((x) => b.cidrs.some((y) => cidrsOverlap(x, y)));
    if (overlap) return out; // PCX-03: AWS would refuse it
    // Internal id of the proposed connection; descriptions name the VPCs, never this id (AWS assigns a real one).
    const id = `pcx-proposed-${srcVpc.replace(/^vpc-/, "")}-${dstVpc.replace(/^vpc-/, "")}`;
    const d = new Draft(topology);
    const t = d.topology;
    d.list("peeringConnections").push({
      id,
      requesterVpcId: srcVpc,
      accepterVpcId: dstVpc,
      status: "active",
      requesterAllowDnsResolutionFromRemoteVpc: false,
      accepterAllowDnsResolutionFromRemoteVpc: false,
    });
    const retarget = (vpcId: string, cidrs: readonly { text: string }[]): void => {
      const subnetTables = new Set(
        t.subnets
          .filter((s) => s.vpcId === vpcId)
          .map((s) => s.routeTableId ?? t.routeTables.find((r) => r.vpcId === vpcId && r.main)?.id),
      );
      for (let i = 0; i < t.routeTables.length; i += 1) {
        const shared = t.routeTables[i];
        if (!shared || shared.vpcId !== vpcId || !subnetTables.has(shared.id)) continue;
        const rt = d.own("routeTables", i);
        if (!rt) continue;
        for (const c of cidrs) {
          const existing = rt.routes.find((r) => r.destination === c.text);
          if (existing) existing.target = id;
          else rt.routes.push({ destination: c.text, target: id, origin: "static" });
        }
      }
    };
    retarget(srcVpc, b.cidrs);
    retarget(dstVpc, a.cidrs);
    out.push({
      kind: "add-peering",
      description: `Create a VPC peering connection between ${srcVpc} and ${dstVpc} directly, accept it, and route each VPC's CIDR to it on both sides`,
      rules: ["PCX-02", "PCX-08"],
      topology: t,
    });
    return out;
  }
  // Destination outside every VPC (a peer's gateway endpoint, IGW, NAT...): give the source VPC its own.
  const service = net.services.find((s) => s.cidrs.some((c) => cidrContainsIp(c, pkt.dst)));
  if (service && (service.service === "s3" || service.service === "dynamodb")) {
    const d = new Draft(topology);
    const t = d.topology;
    const tables = new Set<string>();
    for (let i = 0; i < t.routeTables.length; i += 1) {
      if (t.routeTables[i]?.vpcId !== srcVpc) continue;
      const rt = d.own("routeTables", i);
      if (!rt) continue;
      rt.routes = rt.routes.filter(
        (r) => !(r.target === pcxId && r.destinationPrefixListId === service.prefixListId),
      );
      tables.add(rt.id);
    }
    d.list("gatewayEndpoints").push({
      id: `vpce-fix-${service.service}-${srcVpc.replace(/^vpc-/, "")}`,
      vpcId: srcVpc,
      service: service.service,
      region: service.region,
      routeTableIds: [...tables],
      policy: "allow-all",
    });
    out.push({
      kind: "add-endpoint",
      description: `Add an ${service.service} gateway endpoint in ${srcVpc}: a peer's gateway endpoint cannot be used over peering`,
      rules: ["PCX-10", "GWE-06"],
      topology: t,
    });
  }
  return out;
}

export type ProposeFixesOptions = {
  /** buildNetwork(topology), when the caller has it already (must be built from this very topology object). */
  readonly network?: Network;
  /** analyze(topology, query), when the caller has it already (must be for this query). */
  readonly analysis?: Analysis;
  /**
   * When no single fix works and several blockers have one, also offer their first fixes applied together as a
   * "combined" fix (default true). Callers that only want single changes skip building and verifying it.
   */
  readonly combined?: boolean;
  /**
   * Where the candidates' networks are compiled: they share all but the changed objects with the input, so they
   * reuse its compiled parts. A caller analysing other variants of the same topology can pass its own; by
   * default each call has one of its own, dropped when it returns.
   */
  readonly cache?: NetworkCache;
};

const sameQuery = (a: Query, b: Query): boolean =>
  a.from === b.from && a.to === b.to && a.protocol === b.protocol && a.port === b.port;

/**
 * The first verified fix of `proposeFixes(topology, query, { ...options, combined: false })` (the same fix, with
 * the same id), for callers that name one fix only: candidates after it are not verified.
 */
export function firstVerifiedFix(
  topology: Topology,
  query: Query,
  options: Omit<ProposeFixesOptions, "combined"> & {
    /**
     * Only candidates it accepts count: the first verified one of them (keeping the id it has among all
     * candidates), as `proposeFixes(…).find((f) => f.verified && only(f))` would give, but without verifying the
     * candidates that could never be chosen.
     */
    readonly only?: (candidate: Pick<Fix, "kind" | "gateway">) => boolean;
  } = {},
): Fix | undefined {
  const cache = options.cache ?? new NetworkCache();
  const { net, analysis } = fixInputs(topology, query, options, cache);
  if (analysis.reachable) return undefined;
  const only = options.only;
  let i = 0;
  for (const b of analysis.blockers) {
    for (const c of candidatesFor(topology, net, query, analysis, b)) {
      i += 1;
      if (only !== undefined && !only(c)) continue;
      if (!analyze(c.topology, query, { cache, firstBlocker: true }).reachable) continue;
      return {
        kind: c.kind,
        description: c.description,
        rules: c.rules,
        topology: c.topology,
        id: `fix-${i}`,
        verified: true,
        gateway: c.gateway,
      };
    }
  }
  return undefined;
}

function fixInputs(
  topology: Topology,
  query: Query,
  options: ProposeFixesOptions,
  cache: NetworkCache,
): { net: Network; analysis: Analysis } {
  if (options.network && options.network.topology !== topology)
    throw new Error("proposeFixes: options.network was built from another topology");
  if (options.analysis && !sameQuery(options.analysis.query, query))
    throw new Error("proposeFixes: options.analysis is for another query");
  const net = options.network ?? buildNetwork(topology, cache);
  return { net, analysis: options.analysis ?? analyze(net, query) };
}

export function proposeFixes(topology: Topology, query: Query, options: ProposeFixesOptions = {}): Fix[] {
  const cache = options.cache ?? new NetworkCache();
  const { net, analysis } = fixInputs(topology, query, options, cache);
  if (analysis.reachable) return [];
  const candidates: Candidate[] = [];
  const perBlocker: Candidate[][] = [];
  for (const b of analysis.blockers) {
    const c = candidatesFor(topology, net, query, analysis, b);
    perBlocker.push(c);
    candidates.push(...c);
  }
  // Written out rather than `{ ...c, id, verified }` (keys added after a spread take V8's slow path); same key order.
  const fixes: Fix[] = candidates.map((c, i) => ({
    kind: c.kind,
    description: c.description,
    rules: c.rules,
    topology: c.topology,
    id: `fix-${i + 1}`,
    verified: analyze(c.topology, query, { cache, firstBlocker: true }).reachable,
    gateway: c.gateway,
  }));
  // Several independent blockers: also offer the first candidate of each, applied together.
  if (
    options.combined !== false &&
    !fixes.some((f) => f.verified) &&
    perBlocker.filter((c) => c.length > 0).length > 1
  ) {
    let combined = topology;
    const parts: string[] = [];
    for (const list of perBlocker) {
      const first = list[0];
      if (!first) continue;
      const combinedNet = buildNetwork(combined, cache);
      const again = analyze(combinedNet, query);
      const b = again.blockers.find((x) =>
        candidatesFor(combined, combinedNet, query, again, x).some((c) => c.kind === first.kind),
      );
      const redo = b
        ? candidatesFor(combined, combinedNet, query, again, b).find((c) => c.kind === first.kind)
        : undefined;
      if (redo) {
        combined = redo.topology;
        parts.push(redo.description);
      }
    }
    if (parts.length > 1) {
      fixes.push({
        id: `fix-${fixes.length + 1}`,
        kind: "combined",
        description: parts.join("; "),
        rules: [...new Set(candidates.flatMap((c) => c.rules))],
        topology: combined,
        verified: analyze(combined, query, { cache, firstBlocker: true }).reachable,
      });
    }
  }
  return fixes.sort((a, b) => Number(b.verified) - Number(a.verified));
}
