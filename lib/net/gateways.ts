// Internet gateway (1:1 NAT, IGW-01..04), egress-only IGW (EIGW-01) and NAT gateway (NAT-01..06); replies to
// connections started from the internet go back through the internet gateway (IGW-08).
import { cidrContainsIp, type IpAddress, ipKey, isRfc1918, isRfc6598, toIp } from "./cidr";
import { named, namedAs } from "./explanations";
import { type EniInfo, gatewaysOf, routeTableOf, type SubnetInfo } from "./network-model";
import { checkNetworkAcl } from "./filters";
import { enterThroughGateway } from "./ingress-routing";
import { embeddedIpv4, NAT64_PREFIX, synthesizeNat64 } from "./nat64";
import { blockedByPublicAccessBlock } from "./block-public-access";
import {
  regionalNatByPublicIp,
  regionalNatGateway,
  reverseRegionalNat,
  sendToRegionalNatGateway,
} from "./regional-nat";
import type { GatewayType, NamedRef, RouteFact } from "./trace";
import {
  addHop,
  blackholeRoute,
  block,
  type Delivered,
  gatewayHop,
  HOP,
  type Link,
  natSession,
  type Pkt,
  pktWith,
  recordFlow,
  ref,
  rememberNatSession,
  type Walk,
} from "./walk-state";

const gw = <G extends GatewayType>(g: NamedRef, type: G) => namedAs(g, type);

/** IGW-04: the public address paired with a private source (an ENI's public IP or a NAT gateway's EIP). */
function publicAddressFor(
  w: Walk,
  subnet: SubnetInfo,
  src: IpAddress,
): { ip?: IpAddress; problem?: "none" | "private-nat" } {
  const owner = subnet.vpc.enisByIp.get(ipKey(src));
  if (!owner) return { problem: "none" };
  if (owner.kind === "nat_gateway") {
    const nat = w.net.natGateways.get(owner.ownerId);
    if (nat?.connectivity === "private") return { problem: "private-nat" };
    return nat?.publicIp !== undefined ? { ip: toIp(nat.publicIp) } : { problem: "none" };
  }
  return owner.publicIp ? { ip: owner.publicIp } : { problem: "none" };
}

export function sendToInternetGateway(
  w: Walk,
  subnet: SubnetInfo,
  igwId: string,
  p: Pkt,
): Delivered | undefined {
  const igw = w.net.igws.get(igwId);
  if (!igw || igw.vpcId !== subnet.vpc.id) {
    blackholeRoute(w, subnet, p, "internet-gateway", igwId);
    return undefined;
  }
  const igwRef = ref(igw.id, "internet-gateway", igw.name);
  const fromNat = subnet.vpc.enisByIp.get(ipKey(p.src))?.kind === "nat_gateway";
  if (blockedByPublicAccessBlock(w, gw(igw, "internet-gateway"), subnet, "outbound", fromNat)) {
    addHop(w, igwRef, "drop", gatewayHop(igw.id), { inbound: p });
    return undefined;
  }
  if (p.dst.family === 6) {
    addHop(w, igwRef, "forward", gatewayHop(igw.id), { inbound: p, outbound: p });
    if (nat64Untranslated(w, subnet, p, gw(igw, "internet-gateway"))) return undefined;
    return onInternet(w, p, { kind: "igw", id: igw.id });
  }
  if (isRfc1918(p.dst) || isRfc6598(p.dst)) {
    // The route that sent a private address here (a default route, usually): the missing route back, e.g. a
    // centralised-egress VPC with no route to a spoke through the transit gateway, is the fault to name.
    const sent = w.hops.at(-1)?.detail;
    const table = routeTableOf(w.net, subnet);
    const via =
      sent?.kind === "route" && sent.table === table.id && sent.route?.target === igw.id
        ? sent.route
        : undefined;
    addHop(w, igwRef, "drop", gatewayHop(igw.id), { inbound: p });
    block(
      w,
      isRfc1918(p.dst)
        ? "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS"
        : "IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS",
      igw.id,
      via
        ? {
            kind: "gateway",
            gateway: gw(igw, "internet-gateway"),
            address: p.dst.text,
            table: named(table),
            route: via,
          }
        : { kind: "gateway", gateway: gw(igw, "internet-gateway"), address: p.dst.text },
    );
    return undefined;
  }
  const pub = publicAddressFor(w, subnet, p.src);
  let out = p;
  if (pub.ip) {
    out = pktWith(p, { src: pub.ip });
    addHop(
      w,
      igwRef,
      "translate",
      { kind: "translation", field: "source", from: p.src.text, to: pub.ip.text },
      {
        inbound: p,
        outbound: out,
        matched: {
          kind: "translation",
          description: `source ${p.src.text} -> public ${pub.ip.text} (1:1 NAT)`,
        },
      },
    );
  } else {
    addHop(w, igwRef, "drop", gatewayHop(igw.id), { inbound: p });
    if (pub.problem === "private-nat") {
      block(w, "RCH_PRIVATE_NAT_TO_IGW", igw.id, {
        kind: "gateway",
        gateway: gw(igw, "internet-gateway"),
        address: p.src.text,
      });
    } else {
      // NATI-01: the source is a NAT instance's own address (it translated the client's): its missing public IP is the fault.
      const natInstance = natSession(w, subnet.vpc.enisByIp.get(ipKey(p.src))?.id ?? "") !== undefined;
      block(w, "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", igw.id, {
        kind: "gateway",
        gateway: gw(igw, "internet-gateway"),
        address: p.src.text,
        ...(natInstance ? { problem: "nat-instance" as const } : {}),
      });
    }
  }
  return onInternet(w, out, { kind: "igw", id: igw.id });
}

/**
 * IGW-08: the reply of a connection started from the internet must leave through the internet gateway
 * that translated the request (IGW-03), so a subnet whose route sends it to a NAT gateway or an egress-only
 * internet gateway cannot answer. A NAT gateway would give the reply its own source address and only
 * carries connections its private side starts (NAT-01); an egress-only internet gateway only carries
 * outbound-initiated IPv6 connections (EIGW-01). The packet is dropped before the gateway, so its ENI
 * (a NAT gateway's) records nothing for the reply.
 */
export function replyNotThroughInternetGateway(
  w: Walk,
  subnet: SubnetInfo,
  route: RouteFact,
  kind: "nat" | "eigw",
  p: Pkt,
): boolean {
  if (w.direction !== "return" || w.internetGateway === undefined) return false;
  const gateway = kind === "nat" ? w.net.natGateways.get(route.target) : w.net.eigws.get(route.target);
  const gatewayVpc =
    kind === "nat" ? w.net.enis.get(`eni-${route.target}`)?.vpc.id : w.net.eigws.get(route.target)?.vpcId;
  if (!gateway || gatewayVpc !== subnet.vpc.id) return false; // a blackhole route: the step reports it
  const type: GatewayType = kind === "nat" ? "nat-gateway" : "egress-only-internet-gateway";
  const igw = w.net.igws.get(w.internetGateway);
  const table = routeTableOf(w.net, subnet);
  addHop(w, ref(gateway.id, type, gateway.name), "drop", gatewayHop(gateway.id), { inbound: p });
  block(w, "RCH_REPLY_NOT_THROUGH_INTERNET_GATEWAY", gateway.id, {
    kind: "gateway",
    gateway: gw(gateway, type),
    address: p.src.text,
    route,
    subnet: named(subnet.subnet),
    table: named(table),
    vpc: named(subnet.vpc.vpc),
    internetGateway: igw ? named(igw) : { id: w.internetGateway },
    problem: "reply-not-via-internet-gateway",
  });
  return true;
}

export function sendToEgressOnlyGateway(
  w: Walk,
  subnet: SubnetInfo,
  eigwId: string,
  p: Pkt,
): Delivered | undefined {
  const eigw = w.net.eigws.get(eigwId);
  if (!eigw || eigw.vpcId !== subnet.vpc.id) {
    blackholeRoute(w, subnet, p, "egress-only-internet-gateway", eigwId);
    return undefined;
  }
  if (blockedByPublicAccessBlock(w, gw(eigw, "egress-only-internet-gateway"), subnet, "outbound", false)) {
    addHop(w, ref(eigw.id, "egress-only-internet-gateway", eigw.name), "drop", gatewayHop(eigw.id), {
      inbound: p,
    });
    return undefined;
  }
  addHop(w, ref(eigw.id, "egress-only-internet-gateway", eigw.name), "forward", gatewayHop(eigw.id), {
    inbound: p,
    outbound: p,
  });
  if (p.dst.family === 4) {
    block(w, "RCH_EIGW_IPV6_ONLY", eigw.id, {
      kind: "gateway",
      gateway: gw(eigw, "egress-only-internet-gateway"),
      address: p.dst.text,
    });
    return undefined;
  }
  if (nat64Untranslated(w, subnet, p, gw(eigw, "egress-only-internet-gateway"))) return undefined;
  return onInternet(w, p, { kind: "eigw", id: eigw.id });
}

/**
 * NAT-04: 64:ff9b::/96 is the NAT64 prefix; only a NAT gateway (reached by a 64:ff9b::/96 route) translates it.
 * Sent by ::/0 to an internet gateway or egress-only internet gateway, the packet leaves untranslated and no
 * IPv4 host is there to answer, so it is dropped at the gateway, naming the route the subnet lacks.
 */
function nat64Untranslated(
  w: Walk,
  subnet: SubnetInfo,
  p: Pkt,
  gateway: NamedRef & { type: "internet-gateway" | "egress-only-internet-gateway" },
): boolean {
  if (p.dst.family !== 6 || !cidrContainsIp(NAT64_PREFIX, p.dst)) return false;
  block(w, "RCH_NAT64_PREFIX_NOT_TRANSLATED", gateway.id, {
    kind: "gateway",
    gateway,
    address: p.dst.text,
    subnet: named(subnet.subnet),
    table: named(routeTableOf(w.net, subnet)),
  });
  return true;
}

/** On the internet: a public address of one of our VPCs, an AWS service's public range, or anything else. */
export function onInternet(w: Walk, p: Pkt, via: Link): Delivered | undefined {
  const key = ipKey(p.dst);
  const ownsV6 = p.dst.family === 6 && (w.net.enisByPrivateIp.get(key)?.length ?? 0) > 0;
  if (w.net.byPublicIp.has(key) || ownsV6 || regionalNatByPublicIp(w.net, p.dst))
    return enterFromInternet(w, p);
  const service = w.net.services.find((s) => s.cidrs.some((c) => cidrContainsIp(c, p.dst)));
  if (service) {
    addHop(
      w,
      ref(`${service.service}.${service.region}`, "aws-service", service.dnsName),
      "deliver",
      HOP.deliverService,
      { inbound: p },
    );
    return { kind: "service", name: service.service, service, pkt: p, via };
  }
  addHop(w, ref("internet", "internet"), "deliver", HOP.deliverInternet, { inbound: p });
  return { kind: "internet", pkt: p, via };
}

/** Traffic from the internet to a public address (ORD-02): IGW destination NAT, then local delivery. */
export function enterFromInternet(w: Walk, p: Pkt): Delivered | undefined {
  if (p.dst.family === 6) {
    const eni = w.net.enisByPrivateIp.get(ipKey(p.dst))?.[0];
    if (!eni) {
      block(w, "NO_POSSIBLE_DESTINATION", "internet", {
        kind: "query",
        reference: "internet",
        address: p.dst.text,
        problem: "no-ipv6-owner",
      });
      return undefined;
    }
    const vpc = eni.vpc;
    const { igw, eigw } = gatewaysOf(w.net, vpc.id);
    if (igw && blockedByPublicAccessBlock(w, gw(igw, "internet-gateway"), eni.subnet, "inbound", false))
      return undefined;
    if (igw) {
      addHop(w, ref(igw.id, "internet-gateway", igw.name), "forward", gatewayHop(igw.id), {
        inbound: p,
        outbound: p,
      });
      return enterThroughGateway(w, igw.id, vpc, p, { kind: "igw", id: igw.id });
    }
    if (eigw && w.direction === "return") {
      // EIGW-01: stateful – replies to outbound-initiated IPv6 flows come back in.
      addHop(w, ref(eigw.id, "egress-only-internet-gateway", eigw.name), "forward", gatewayHop(eigw.id), {
        inbound: p,
        outbound: p,
      });
      return w.router.deliverInVpc(w, vpc, p, { kind: "eigw", id: eigw.id });
    }
    if (eigw) {
      addHop(w, ref(eigw.id, "egress-only-internet-gateway", eigw.name), "drop", gatewayHop(eigw.id), {
        inbound: p,
      });
      block(w, "RCH_EIGW_INBOUND_INITIATED", eigw.id, {
        kind: "gateway",
        gateway: gw(eigw, "egress-only-internet-gateway"),
        address: p.dst.text,
      });
    } else
      block(w, "RCH_NO_INTERNET_GATEWAY", vpc.id, {
        kind: "vpc",
        vpc: named(vpc.vpc),
        problem: "no-internet-gateway",
      });
    return undefined;
  }
  const owner = w.net.byPublicIp.get(ipKey(p.dst));
  const regional = owner ? undefined : regionalNatByPublicIp(w.net, p.dst);
  if (regional) return reverseRegionalNat(w, regional, p); // NAT-07: a reply to a regional NAT gateway's address
  if (!owner) {
    block(w, "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", "internet", {
      kind: "query",
      reference: "internet",
      address: p.dst.text,
      problem: "not-a-public-address",
    });
    return undefined;
  }
  const eni: EniInfo = owner.eni;
  const vpc = eni.vpc;
  const igw = gatewaysOf(w.net, vpc.id).igw;
  if (!igw) {
    block(w, "RCH_NO_INTERNET_GATEWAY", vpc.id, {
      kind: "vpc",
      vpc: named(vpc.vpc),
      address: p.dst.text,
      problem: "no-internet-gateway",
    });
    return undefined;
  }
  const igwRef = ref(igw.id, "internet-gateway", igw.name);
  if (blockedByPublicAccessBlock(w, gw(igw, "internet-gateway"), eni.subnet, "inbound", false)) {
    addHop(w, igwRef, "drop", gatewayHop(igw.id), { inbound: p });
    return undefined;
  }
  if (isRfc1918(p.src) || isRfc6598(p.src)) {
    block(
      w,
      isRfc1918(p.src)
        ? "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS"
        : "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS",
      igw.id,
      { kind: "gateway", gateway: gw(igw, "internet-gateway"), address: p.src.text },
    );
  }
  const inner = pktWith(p, { dst: eni.privateIp });
  addHop(
    w,
    igwRef,
    "translate",
    { kind: "translation", field: "destination", from: p.dst.text, to: eni.privateIp.text },
    {
      inbound: p,
      outbound: inner,
      matched: {
        kind: "translation",
        description: `destination ${p.dst.text} -> private ${eni.privateIp.text} (1:1 NAT)`,
      },
    },
  );
  return enterThroughGateway(w, igw.id, vpc, inner, { kind: "igw", id: igw.id });
}

export function sendToNatGateway(w: Walk, subnet: SubnetInfo, natId: string, p: Pkt): Delivered | undefined {
  const regional = regionalNatGateway(w.net, natId);
  if (regional) {
    // NAT-07: no subnet and no interface of its own; its route table sends the packet to the internet gateway.
    const exit = sendToRegionalNatGateway(w, subnet, regional, p);
    return exit ? onInternet(w, exit.pkt, { kind: "igw", id: exit.internetGateway }) : undefined;
  }
  const nat = w.net.natGateways.get(natId);
  const eni = w.net.enis.get(`eni-${natId}`);
  if (!nat || !eni || eni.vpc !== subnet.vpc) {
    blackholeRoute(w, subnet, p, "nat-gateway", natId);
    return undefined;
  }
  const before = w.dropped;
  if (eni.subnet !== subnet) checkNetworkAcl(w, eni.subnet, "inbound", p); // NAT-05: the NAT subnet's NACL applies
  if (!before) recordFlow(w, eni, p, !w.dropped, false);
  if (nat.state !== "available")
    block(w, "BAD_STATE", nat.id, { kind: "gateway", gateway: gw(nat, "nat-gateway"), state: nat.state });
  // NAT-04: NAT64 — a packet to 64:ff9b::/96 leaves as IPv4 to the embedded address.
  const v4 = embeddedIpv4(p.dst);
  const out = pktWith(p, v4 ? { src: eni.privateIp, dst: v4 } : { src: eni.privateIp });
  rememberNatSession(w, nat.id, p.src);
  if (v4)
    addHop(
      w,
      ref(nat.id, "nat-gateway", nat.name),
      "translate",
      { kind: "translation", field: "destination", from: p.dst.text, to: v4.text },
      {
        inbound: p,
        outbound: pktWith(p, { dst: v4 }),
        matched: { kind: "translation", description: `destination ${p.dst.text} -> ${v4.text} (NAT64)` },
      },
    );
  addHop(
    w,
    ref(nat.id, "nat-gateway", nat.name),
    "translate",
    { kind: "translation", field: "source", from: p.src.text, to: eni.privateIp.text },
    {
      inbound: p,
      outbound: out,
      matched: {
        kind: "translation",
        description: `source ${p.src.text} -> ${eni.privateIp.text} (NAT gateway)`,
      },
    },
  );
  // Flow logs on the NAT ENI (aws-rules §6.3, AWS "Flow log record examples", NAT gateway): the ENI
  // also records what it sends on, as its own outgoing traffic (srcaddr = the NAT's private IP).
  return w.router.sendFromSubnet(w, eni.subnet, out, { kind: "nat", id: nat.id }, { eni, before: w.dropped });
}

/** A reply reaches the NAT gateway: translate the destination back to the original client (NAT-03). */
export function reverseNat(w: Walk, eni: EniInfo, p: Pkt): Delivered | undefined {
  // Only a reply walk carries replies: a request addressed to the NAT (even one this NAT translated on the way
  // out, a hairpin to its own Elastic IP) is a new connection, which a NAT gateway never accepts (NAT-01).
  const original = w.direction === "return" ? natSession(w, eni.ownerId) : undefined;
  const nat = w.net.natGateways.get(eni.ownerId);
  if (!original || !nat) {
    block(w, "NO_POSSIBLE_DESTINATION", eni.ownerId, {
      kind: "gateway",
      gateway: { id: eni.ownerId, type: "nat-gateway" },
      address: p.dst.text,
      problem: "not-started-here",
    });
    return undefined;
  }
  // NAT-04: the reply of a NAT64 connection goes back as IPv6, from 64:ff9b::<server>.
  const back = pktWith(
    p,
    original.family === 6 && p.src.family === 4
      ? { dst: original, src: synthesizeNat64(p.src) }
      : { dst: original },
  );
  addHop(
    w,
    ref(nat.id, "nat-gateway", nat.name),
    "translate",
    { kind: "translation", field: "destination", from: p.dst.text, to: original.text },
    {
      inbound: p,
      outbound: back,
      matched: { kind: "translation", description: `destination ${p.dst.text} -> ${original.text} (reply)` },
    },
  );
  // §6.3: the reply forwarded to the instance is the NAT ENI's fourth record (srcaddr = NAT private IP).
  return w.router.sendFromSubnet(
    w,
    eni.subnet,
    back,
    { kind: "nat", id: nat.id },
    { eni, before: w.dropped },
  );
}
