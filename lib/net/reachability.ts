// analyze(): resolve the query, walk the forward path, then the return path of the reply, and derive
// verdict, blockers and flow-log records from the one trace (the trace is the single source).
import { addressInCidr, type Cidr, type IpAddress, ipKey, parseIp, toIp } from "./cidr";
import { enterFromGatewayEndpoint } from "./endpoints";
import { DEFAULT_FLOW_LOG_NOW, type FlowLogRecord, type FlowObservation, toFlowLogRecord } from "./flow-logs";
import { enterFromInternet, onInternet } from "./gateways";
import { buildNetwork, type Network, type NetworkCache } from "./network";
import { gatewaysOf } from "./network-model";
import { CLIENT_EPHEMERAL_PORT, PROTOCOL_NUMBER, type Query } from "./query";
import {
  type Destination,
  holderText,
  resolveDestination,
  resolveSource,
  type Source,
  unavailableNatGateway,
} from "./resolve";
import type { Topology } from "./topology";
import type { Analysis, Blocker, Detail } from "./trace";
import { enterFromOnPremises } from "./vpn";
import { dns64Source, synthesizeNat64 } from "./nat64";
import { sendFromPeerHost } from "./peer-hosts";
import { returnThroughEndpointService } from "./privatelink";
import {
  addHop,
  block,
  type Delivered,
  type FlowEvent,
  HOP,
  newWalk,
  type Pkt,
  ref,
  sendFromEni,
  type Walk,
} from "./walk";
import { label, named, namedAs, renderBlocker } from "./explanations";
import {
  assumptionNote,
  assumptionsOf,
  isAssumedDelivery,
  onPremisesSite,
  onPremisesSourceBehind,
} from "./on-premises";

export type { Analysis, Hop, Blocker, PacketHeader } from "./trace";
export type AnalyzeOptions = {
  now?: number;
  /** When `target` is a topology: reuse parts compiled for nearby variants analysed with the same cache (network-cache.ts). */
  cache?: NetworkCache;
  /**
   * For callers that read only the verdict and the first blocker: a request blocked on its way out is not
   * followed by the reply's walk. `reachable`, the request's hops and blockers are what the full analysis gives;
   * such a result has no return hops, flow logs or details and is marked `truncated`. Any other result is the
   * full analysis. Ignored for a topology with `assumptions` (its walks record assumed sites in the network's memo).
   */
  firstBlocker?: boolean;
};

/** Default destination port when a TCP/UDP query gives none (documented in docs/topology-format.md). */
export const DEFAULT_PORT = { tcp: 443, udp: 53 } as const;

function isNetwork(target: Topology | Network): target is Network {
  return "kind" in target;
}

function failed(query: Query, blocker: Blocker): Analysis {
  return { reachable: false, query, forward: [], return: [], blockers: [blocker], flowLogs: [] };
}

function unknownDestination(query: Query): Blocker {
  return renderBlocker("NO_SOURCE_OR_DESTINATION", query.to, {
    kind: "query",
    direction: "forward",
    reference: query.to,
    problem: "unknown-destination",
  });
}

export function analyze(target: Topology | Network, query: Query, options: AnalyzeOptions = {}): Analysis {
  const net = isNetwork(target) ? target : buildNetwork(target, options.cache);
  const now = options.now ?? DEFAULT_FLOW_LOG_NOW;
  const stop = options.firstBlocker === true && net.topology.assumptions === undefined;
  const source = resolveSource(net, query.from);
  if (!source.ok)
    return failed(
      query,
      renderBlocker("NO_SOURCE_OR_DESTINATION", query.from, {
        kind: "query",
        direction: "forward",
        reference: query.from,
        problem: "unknown-source",
      }),
    );
  let dest = resolveDestination(net, query.to, source.value, now);
  if (!dest.ok) {
    // NAT-01/RT-08: a NAT gateway AWS lists as failed or deleted has no interface; nothing there answers.
    const gone = unavailableNatGateway(net, query.to);
    return failed(
      query,
      gone
        ? renderBlocker("BAD_STATE", gone.id, {
            kind: "gateway",
            direction: "forward",
            gateway: namedAs(gone, "nat-gateway"),
            state: gone.state,
          })
        : unknownDestination(query),
    );
  }
  const details: Detail[] = [];
  // AWS output does not show what BGP learned: in an imported topology, an address outside every VPC
  // whose reply is routed to a VGW, or to a TGW VPN or Direct Connect attachment, is on-premises.
  const destSubnet =
    dest.value.kind === "eni"
      ? dest.value.eni.subnet
      : dest.value.kind === "service"
        ? dest.value.endpointEni?.subnet
        : undefined;
  const onPremSource =
    source.value.kind === "internet" && query.from !== "internet"
      ? onPremisesSourceBehind(net, source.value.ip, destSubnet)
      : undefined;
  if (onPremSource && source.value.kind === "internet") {
    source.value = { kind: "onprem", site: onPremSource.site, ip: source.value.ip };
    details.push(
      assumptionNote({
        kind: "source",
        address: source.value.ip.text,
        site: named(onPremSource.site),
        ...(onPremSource.noRouteBack ? { noRouteBack: true } : {}),
      }),
    );
    dest = resolveDestination(net, query.to, source.value, now); // on-premises reaches private addresses
    if (!dest.ok) return failed(query, unknownDestination(query));
  }
  if (dest.note) details.push({ code: "RCH_DNS_RESOLUTION", message: dest.note.explanation });

  const fw = newWalk(net, "forward", now);
  const dst = dest.value;
  if (source.value.kind === "eni" && source.value.eni.kind === "vpc_endpoint") {
    // aws-rules IFE-05: an interface endpoint only carries replies to connections its consumers start.
    block(fw, "VPCE_INTRA_VPC_TRAFFIC", source.value.eni.ownerId, {
      kind: "gateway",
      gateway: { id: source.value.eni.ownerId, type: "vpc-endpoint" },
    });
  }
  if (
    source.value.kind === "eni" &&
    dst.kind === "service" &&
    dest.note &&
    !source.value.eni.vpc.vpc.enableDnsSupport
  ) {
    // aws-rules GWE-09: resolving the service name (and so using a gateway endpoint) needs DNS
    // resolution in the VPC.
    const vpc = source.value.eni.vpc.vpc;
    block(fw, "RCH_DNS_RESOLUTION_DISABLED", vpc.id, {
      kind: "vpc",
      vpc: named(vpc),
      service: query.to,
      problem: "dns-support-off",
    });
  }
  const dstIp = dst.ip;
  if (!dstIp) {
    const eni = dst.kind === "eni" ? dst.eni : undefined;
    // IGW-01: a VPC without an internet gateway is the point, not the missing public address.
    if (eni && source.value.kind === "internet" && !gatewaysOf(net, eni.vpc.id).igw)
      block(fw, "RCH_NO_INTERNET_GATEWAY", eni.vpc.id, {
        kind: "vpc",
        vpc: named(eni.vpc.vpc),
        problem: "no-internet-gateway",
      });
    else if (eni)
      block(fw, "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", eni.id, {
        kind: "interface",
        eni: named(eni),
        owner: eni.ownerId,
        role: "destination",
        problem: "no-public-ip",
      });
    else
      block(fw, "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", query.to, {
        kind: "query",
        reference: query.to,
        problem: "no-public-ip",
      });
    const analysis: Analysis = {
      reachable: false,
      query,
      forward: fw.hops,
      return: [],
      blockers: fw.blockers,
      flowLogs: [],
    };
    if (details.length) analysis.details = details;
    return analysis;
  }
  // IGW-04: the internet reaches an interface only at its public address; it does not route to a private one.
  if (
    source.value.kind === "internet" &&
    dst.kind === "eni" &&
    dstIp.family === 4 &&
    dstIp.text !== dst.eni.publicIp?.text &&
    dst.eni.addresses.some((a) => a.text === dstIp.text)
  ) {
    const instance = net.instances.get(dst.eni.ownerId);
    block(fw, "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", dst.eni.id, {
      kind: "interface",
      eni: named(dst.eni),
      owner: dst.eni.ownerId,
      role: "destination",
      address: dstIp.text,
      problem: "private-address",
      ...(dst.eni.publicIp ? { publicAddress: dst.eni.publicIp.text } : {}),
      ...(instance ? { instance: named(instance) } : {}),
    });
    const analysis: Analysis = {
      reachable: false,
      query,
      forward: [],
      return: [],
      blockers: fw.blockers,
      flowLogs: [],
    };
    if (details.length) analysis.details = details;
    return analysis;
  }
  let srcIp = sourceIp(source.value, dstIp);
  let walkDst = dstIp;
  // NAT-04: an IPv6-only source whose subnet has DNS64 reaches an IPv4 address at 64:ff9b::<v4> (NAT64).
  // DNS64 synthesises the AAAA answer for a name only: a literal IPv4 destination is never translated.
  const v6Only = !srcIp && dstIp.family === 4 && source.value.kind === "eni" ? source.value.eni : undefined;
  // Only an IPv6-only source asks (parsing every destination name as an address was a cold map probe per query).
  const literalIpv4 = v6Only !== undefined && parseIp(query.to).ok;
  const dns64 = v6Only && !literalIpv4 ? dns64Source(v6Only) : undefined;
  if (dns64 && dstIp.family === 4) {
    srcIp = dns64;
    walkDst = synthesizeNat64(dstIp);
    details.push({
      code: "RCH_DNS64",
      message: `DNS64 in subnet ${v6Only?.subnet.id ?? "?"} gives ${dstIp.text} the IPv6 address ${walkDst.text} (64:ff9b::/96), which a NAT gateway translates to IPv4 (NAT64)`,
    });
  }
  if (!srcIp && dstIp.family === 4) {
    // An IPv6-only interface has no IPv4 address (reaching IPv4 needs DNS64 + NAT64 to 64:ff9b::/96).
    block(fw, "RCH_NO_IPV4_ADDRESS", query.from, {
      kind: "query",
      reference: query.from,
      address: dstIp.text,
      problem: v6Only && literalIpv4 && dns64Source(v6Only) ? "no-ipv4-literal" : "no-ipv4",
    });
    return { reachable: false, query, forward: fw.hops, return: [], blockers: fw.blockers, flowLogs: [] };
  }
  if (!srcIp) {
    block(fw, "RCH_NO_IPV6_ADDRESS", query.from, {
      kind: "query",
      reference: query.from,
      address: dstIp.text,
      problem: "no-ipv6",
    });
    return { reachable: false, query, forward: fw.hops, return: [], blockers: fw.blockers, flowLogs: [] };
  }
  const ported = query.protocol !== "icmp";
  // Packets are written out rather than built with a conditional spread (V8's slow path, once per query).
  const pkt: Pkt = ported
    ? {
        src: srcIp,
        dst: walkDst,
        protocol: query.protocol,
        srcPort: CLIENT_EPHEMERAL_PORT,
        dstPort: query.port ?? DEFAULT_PORT[query.protocol as "tcp" | "udp"],
      }
    : { src: srcIp, dst: walkDst, protocol: query.protocol };
  const forward = startForward(fw, source.value, pkt);
  const forwardOk =
    !!forward &&
    (isAssumedDelivery(
      net,
      forward,
      dst.kind === "internet" && query.to !== "internet" ? dst.ip : undefined,
    ) ||
      arrivedAtIntended(fw, forward, dst));
  // The verdict is known once the request is blocked: the reply's walk and the flow logs are left out.
  if (stop && fw.blockers.length > 0)
    return {
      reachable: false,
      query,
      forward: fw.hops,
      return: [],
      blockers: fw.blockers,
      flowLogs: [],
      truncated: true,
    };

  if (dst.kind === "eni" && dst.shared)
    details.push({
      code: "RCH_SHARED_ADDRESS",
      message: `${dstIp.text} is the address of several interfaces (${dst.shared.map((e) => holderText(net, e)).join(", ")}); the destination is the one the routes deliver it to${forward?.kind === "eni" ? `: ${forward.eni.id}` : ""}`,
    });

  // SG-08: the Amazon DNS server (Route 53 Resolver) answers at the VPC's base address plus two and at
  // 169.254.169.253; it is no interface the model holds, and security groups and network ACLs do not filter it.
  if (
    source.value.kind === "eni" &&
    query.port === 53 &&
    isAmazonDnsServer(source.value.eni.vpc.cidrs[0], dstIp)
  )
    details.push({
      code: "RCH_AMAZON_DNS_SERVER",
      message: `${dstIp.text} is the Amazon DNS server of ${source.value.eni.vpc.id} (Route 53 Resolver: the VPC's base address plus two, or 169.254.169.253), which security groups and network ACLs cannot block (SG-08); the model does not analyse traffic to it, so the blockers of this query do not apply to DNS queries`,
    });

  const rw = newWalk(net, "return", now, fw.natSessions);
  rw.dropped = fw.dropped;
  if (fw.applianceZones) rw.applianceZones = fw.applianceZones; // TGW-11: the reply meets the request's zones
  let returnOk = false;
  if (forward) {
    const reply: Pkt = ported
      ? {
          src: forward.pkt.dst,
          dst: forward.pkt.src,
          protocol: query.protocol,
          srcPort: forward.pkt.dstPort ?? 0,
          dstPort: forward.pkt.srcPort ?? 0,
        }
      : { src: forward.pkt.dst, dst: forward.pkt.src, protocol: query.protocol };
    // IGW-08: a connection started from the internet is answered through the gateway it came in by.
    if (source.value.kind === "internet" && forward.kind === "eni" && forward.via.kind === "igw")
      rw.internetGateway = forward.via.id;
    const back = startReturn(rw, forward, reply);
    returnOk = !!back && arrivedAtSource(rw, back, source.value);
  }
  if (fw.assumptions || rw.assumptions) {
    for (const a of [...assumptionsOf(fw), ...assumptionsOf(rw)]) {
      if (!details.some((d) => d.message === a.message)) details.push(a);
    }
  }
  // The walks are this call's own, so their lists become the result's without copies where one side is empty.
  const blockers =
    rw.blockers.length === 0
      ? fw.blockers
      : fw.blockers.length === 0
        ? rw.blockers
        : fw.blockers.concat(rw.blockers);
  const flowLogs: FlowLogRecord[] = [];
  for (const f of fw.flows) flowLogs.push(toRecord(f, query, now));
  for (const f of rw.flows) flowLogs.push(toRecord(f, query, now));
  const analysis: Analysis = {
    reachable: forwardOk && returnOk && blockers.length === 0,
    query,
    forward: fw.hops,
    return: rw.hops,
    blockers,
    flowLogs,
  };
  if (details.length) analysis.details = details;
  return analysis;
}

/** Documentation prefix (RFC 3849) standing in for an IPv6 internet client. */
const INTERNET_CLIENT_IPV6 = toIp("2001:db8:ffff::10");

function sourceIp(source: Source, dst: IpAddress): IpAddress | undefined {
  if (source.kind === "internet" && dst.family === 6 && source.ip.family === 4) return INTERNET_CLIENT_IPV6;
  if (source.kind !== "eni") return dst.family === source.ip.family ? source.ip : undefined;
  if (dst.family === 4) return source.eni.privateIp.family === 4 ? source.eni.privateIp : undefined; // IPv6-only: none
  return source.eni.addresses.find((a) => a.family === 6);
}

function startForward(w: Walk, source: Source, p: Pkt): Delivered | undefined {
  if (source.kind === "eni") return sendFromEni(w, source.eni, p);
  if (source.kind === "internet") {
    addHop(w, ref("internet", "internet"), "send", HOP.sendInternet, { outbound: p });
    return onInternet(w, p, { kind: "internet", id: "internet" });
  }
  if (source.kind === "peer-host") return sendFromPeerHost(w, source.vpcId, p);
  return enterFromOnPremises(w, source.site, p);
}

function startReturn(w: Walk, forward: Delivered, reply: Pkt): Delivered | undefined {
  switch (forward.kind) {
    case "eni":
      return sendFromEni(w, forward.eni, reply);
    case "internet":
      addHop(w, ref("internet", "internet"), "send", HOP.sendInternet, { outbound: reply });
      return enterFromInternet(w, reply);
    case "onprem": {
      const site = onPremisesSite(w.net, forward.id); // declared, or assumed by the request
      return site ? enterFromOnPremises(w, site, reply, forward.via) : undefined;
    }
    case "peer-host":
      return sendFromPeerHost(w, forward.vpcId, reply, forward.via);
    case "service":
      if (forward.backend) returnThroughEndpointService(w, forward.backend);
      if (forward.endpointEni) return sendFromEni(w, forward.endpointEni, reply);
      addHop(w, ref(forward.name, "aws-service"), "send", HOP.sendService, { outbound: reply });
      if (forward.via.kind === "vpce") return enterFromGatewayEndpoint(w, forward.via.id, reply);
      return enterFromInternet(w, reply);
  }
}

function arrivedAtIntended(w: Walk, got: Delivered, want: Destination): boolean {
  const ok =
    (want.kind === "eni" && got.kind === "eni" && got.eni === want.eni) ||
    // An address several VPCs hold is reached at whichever of its interfaces the routes deliver to.
    (want.kind === "eni" && got.kind === "eni" && want.shared?.includes(got.eni) === true) ||
    // An interface endpoint's (or endpoint service's) ENI asked for by id is reached as the service.
    (want.kind === "eni" && got.kind === "service" && got.endpointEni === want.eni) ||
    (want.kind === "internet" && got.kind === "internet") ||
    (want.kind === "internet" && got.kind === "peer-host" && got.pkt.dst.text === want.ip.text) ||
    (want.kind === "onprem" && got.kind === "onprem" && got.id === want.site.id) ||
    (want.kind === "service" &&
      got.kind === "service" &&
      (got.name === want.name || got.endpointEni === want.endpointEni)) ||
    // A public service the topology does not list is reached on the internet.
    (want.kind === "service" && !want.service && !want.endpointEni && got.kind === "internet");
  if (!ok) {
    const where =
      got.kind === "eni"
        ? label(got.eni)
        : got.kind === "onprem"
          ? got.id
          : got.kind === "service"
            ? got.name
            : "the internet";
    block(w, "RCH_WRONG_DESTINATION", where, {
      kind: "query",
      reference: where,
      address: got.pkt.dst.text,
      problem: "wrong-destination",
    });
  }
  return ok;
}

function arrivedAtSource(w: Walk, got: Delivered, source: Source): boolean {
  const ok =
    (source.kind === "eni" && got.kind === "eni" && got.eni === source.eni) ||
    // An interface endpoint's ENI as the source is reached back as its endpoint (IFE-05 already blocked it).
    (source.kind === "eni" && got.kind === "service" && got.endpointEni === source.eni) ||
    (source.kind === "internet" && got.kind === "internet") ||
    (source.kind === "onprem" && got.kind === "onprem" && got.id === source.site.id) ||
    (source.kind === "peer-host" && got.kind === "peer-host" && got.vpcId === source.vpcId);
  if (!ok) {
    const where =
      got.kind === "eni"
        ? label(got.eni)
        : got.kind === "onprem"
          ? got.id
          : got.kind === "service"
            ? got.name
            : "the internet";
    block(w, "RCH_WRONG_DESTINATION", where, {
      kind: "query",
      reference: where,
      address: got.pkt.dst.text,
      problem: "wrong-return",
    });
  }
  return ok;
}

function toRecord(f: FlowEvent, query: Query, now: number): FlowLogRecord {
  const o: FlowObservation = {
    interfaceId: f.eni.awsId ?? f.eni.id,
    accountId: f.eni.vpc.accountId,
    primaryIp: f.eni.privateIp.text,
    inbound: !f.outgoing,
    srcIp: f.pkt.src.text,
    dstIp: f.pkt.dst.text,
    protocolNumber:
      f.pkt.dst.family === 6 && query.protocol === "icmp" ? 58 : PROTOCOL_NUMBER[query.protocol],
    action: f.action,
  };
  if (f.pkt.srcPort !== undefined) o.srcPort = f.pkt.srcPort;
  if (f.pkt.dstPort !== undefined) o.dstPort = f.pkt.dstPort;
  return toFlowLogRecord(o, now);
}

const LINK_LOCAL_DNS = toIp("169.254.169.253");

/** SG-08: the VPC's Amazon DNS server addresses: the base of its primary IPv4 CIDR plus two, and 169.254.169.253. */
function isAmazonDnsServer(primary: Cidr | undefined, ip: IpAddress): boolean {
  if (ip.family !== 4) return false;
  if (ipKey(ip) === ipKey(LINK_LOCAL_DNS)) return true;
  return primary !== undefined && ipKey(addressInCidr(primary, 2)) === ipKey(ip);
}
