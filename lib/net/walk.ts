// The hop pipeline (aws-rules ORD-01/ORD-02): a packet walks from component to component and each
// step appends a Hop; a failed check appends a Blocker and the walk goes on wherever the intended
// path is still known (RA "blocked path" semantics, aws-rules §3.2). Non-transitivity is
// structural (§4.4 takeaway 4): traffic arriving over a peering, IGW, VGW or gateway endpoint only
// ever reaches `deliverInVpc`, never a route-table lookup in that VPC.
// This module is the router: it leaves subnets by their route tables and dispatches on the route target to
// the step modules (gateways, peering, VPN, transit gateway, endpoints). Those hand packets back through
// `w.router` (walk-state.ts), so they never import this module.
import { cidrContainsIp, type IpAddress, ipKey } from "./cidr";
import { named, namedAs } from "./explanations";
import {
  type EniInfo,
  type Network,
  type RouteTableInfo,
  routeTableOf,
  type SubnetInfo,
  type VpcInfo,
  vpcContainsIp,
} from "./network-model";
import {
  type CompiledRoute,
  localPreferredMatched,
  lookupRoute,
  matchingRoutes,
  routeFact,
  routeMatched,
  type RouteLookup,
} from "./routing";
import {
  replyNotThroughInternetGateway,
  sendToEgressOnlyGateway,
  sendToInternetGateway,
  sendToNatGateway,
  reverseNat,
} from "./gateways";
import { sendOverPeering } from "./peering";
import { sendToVpnGateway } from "./vpn";
import { unpropagatedVgwFor } from "./vpn-links";
import { sendToTransitGateway } from "./transit-gateway";
import { sendToGatewayEndpoint } from "./endpoints";
import { hasEndpointBackend, sendThroughEndpointService } from "./privatelink";
import { checkNetworkAcl, checkSecurityGroups } from "./filters";
import { forwardThroughAppliance, reverseNatInstance } from "./appliance";
import { isGatewayLoadBalancerEndpoint, sendToGatewayLoadBalancerEndpoint } from "./gateway-load-balancer";
import {
  addHop,
  blackholeRoute,
  block,
  blockNotRunning,
  type Delivered,
  HOP,
  type Link,
  makeWalk,
  natSession,
  type Pkt,
  recordFlow,
  ref,
  type Router,
  type Walk,
} from "./walk-state";

export * from "./walk-state";
export { checkNetworkAcl, checkSecurityGroups } from "./filters";

const ROUTER: Router = { sendFromSubnet, deliverInVpc };

export function newWalk(
  net: Network,
  direction: "forward" | "return",
  now: number,
  natSessions?: Map<string, IpAddress>,
): Walk {
  return makeWalk(net, direction, now, ROUTER, natSessions);
}

/** Source ENI: ENI hop, SG egress, then out of the subnet (ORD-01). */
export function sendFromEni(w: Walk, eni: EniInfo, p: Pkt): Delivered | undefined {
  addHop(w, eni.componentRef, "send", HOP.sendInterface, { outbound: p });
  const before = w.dropped;
  if (!eni.running) blockNotRunning(w, eni, "source");
  checkSecurityGroups(w, eni, "outbound", p, undefined, undefined, () => leavingLink(w, eni.subnet, p.dst));
  return sendFromSubnet(w, eni.subnet, p, { kind: "local", id: eni.vpc.id }, { eni, before });
}

/**
 * SG-06: the link a packet from this subnet to `dst` leaves by (the route sendFromSubnet will take), for an outbound
 * rule that names another VPC's group. Undefined when no route matches or the route cannot forward (the route table
 * is then the blocker, not the rule).
 */
function leavingLink(w: Walk, subnet: SubnetInfo, dst: IpAddress): Link | undefined {
  if (findEniInSubnet(subnet, dst)) return { kind: "local", id: subnet.vpc.id };
  const target = chooseRoute(routeTableOf(w.net, subnet).lookup, dst)?.target;
  switch (target?.kind) {
    case "local":
      return { kind: "local", id: subnet.vpc.id };
    case "pcx":
    case "tgw":
    case "igw":
    case "eigw":
    case "nat":
    case "vgw":
    case "vpce":
      return { kind: target.kind, id: target.id };
    case "eni":
    case "instance":
      return { kind: "appliance", id: target.id };
    default:
      return undefined;
  }
}

/** The route a subnet's table takes for `dst`: longest prefix, but the local route beats more specific propagated ones (RT-05). */
function chooseRoute(lookup: RouteTableInfo["lookup"], dst: IpAddress) {
  const route = lookupRoute(lookup, dst);
  return (route && localOverPropagated(lookup, route, dst)) ?? route;
}

/** RT-05: the local route that wins over `route`, the longest-prefix match, when that is a propagated route. */
function localOverPropagated<T>(
  lookup: RouteLookup<T>,
  route: CompiledRoute<T>,
  dst: IpAddress,
): CompiledRoute<T> | undefined {
  if (!route.origin.startsWith("propagated")) return undefined;
  return matchingRoutes(lookup, dst).find((r) => r.origin === "local");
}

function findEniInSubnet(subnet: SubnetInfo, ip: IpAddress): EniInfo | undefined {
  const inSubnet =
    (subnet.cidr && cidrContainsIp(subnet.cidr, ip)) || (subnet.cidr6 && cidrContainsIp(subnet.cidr6, ip));
  if (!inSubnet) return undefined;
  const eni = subnet.vpc.enisByIp.get(ipKey(ip));
  return eni && eni.subnet === subnet ? eni : undefined;
}

const SAME_SUBNET = Object.freeze({
  kind: "route" as const,
  description: "same subnet: no route table or network ACL applies",
});

/** Leave a subnet: same-subnet delivery skips NACL and routing (RT-10, ACL-01), else NACL out + LPM. */
export function sendFromSubnet(
  w: Walk,
  subnet: SubnetInfo,
  p: Pkt,
  link: Link,
  origin?: { eni: EniInfo; before: boolean },
): Delivered | undefined {
  if (++w.steps > 64) {
    const table = routeTableOf(w.net, subnet);
    block(w, "RCH_ROUTING_LOOP", subnet.id, {
      kind: "route-table",
      table: named(table),
      subnet: named(subnet.subnet),
      vpc: named(subnet.vpc.vpc),
      destination: p.dst.text,
      problem: "loop",
    });
    return undefined;
  }
  const local = findEniInSubnet(subnet, p.dst);
  if (local) {
    if (origin && !origin.before) recordFlow(w, origin.eni, p, !w.dropped, true);
    addHop(
      w,
      subnet.componentRef,
      "deliver-in-subnet",
      { kind: "route", table: subnet.id, destination: p.dst.text, sameSubnet: true },
      { matched: SAME_SUBNET },
    );
    return arriveAtEni(w, local, p, link, true, w.dropped);
  }
  checkNetworkAcl(w, subnet, "outbound", p);
  if (origin && !origin.before) recordFlow(w, origin.eni, p, !w.dropped, true);
  const table = routeTableOf(w.net, subnet);
  // RT-05: the local route beats even more specific propagated routes that overlap it.
  const longest = lookupRoute(table.lookup, p.dst);
  const localRoute = longest && localOverPropagated(table.lookup, longest, p.dst);
  const route = localRoute ?? longest;
  const rtRef = table.componentRef;
  if (!route) {
    addHop(
      w,
      rtRef,
      "drop",
      { kind: "route", table: table.id, destination: p.dst.text },
      { matched: { kind: "route", description: `no route matches ${p.dst.text}` } },
    );
    const unpropagated = unpropagatedVgwFor(w.net.topology, table.id, subnet.vpc.id, p.dst);
    block(w, "NO_ROUTE_TO_DESTINATION", table.id, {
      kind: "route-table",
      table: named(table),
      subnet: named(subnet.subnet),
      vpc: named(subnet.vpc.vpc),
      destination: p.dst.text,
      problem: "no-route",
      ...(unpropagated ? { unpropagatedGateway: unpropagated } : {}),
    });
    return undefined;
  }
  addHop(
    w,
    rtRef,
    "forward",
    localRoute
      ? {
          kind: "route",
          table: table.id,
          destination: p.dst.text,
          route: routeFact(route),
          overrides: routeFact(longest),
        }
      : { kind: "route", table: table.id, destination: p.dst.text, route: routeFact(route) },
    {
      matched: localRoute
        ? localPreferredMatched(table.lookup, localRoute, longest)
        : routeMatched(table.lookup, route),
    },
  );
  const target = route.target;
  switch (target.kind) {
    case "local":
      return deliverInVpc(w, subnet.vpc, p, link, subnet);
    case "igw":
      return sendToInternetGateway(w, subnet, target.id, p);
    case "eigw":
      if (replyNotThroughInternetGateway(w, subnet, routeFact(route), "eigw", p)) return undefined;
      return sendToEgressOnlyGateway(w, subnet, target.id, p);
    case "nat":
      if (replyNotThroughInternetGateway(w, subnet, routeFact(route), "nat", p)) return undefined;
      return sendToNatGateway(w, subnet, target.id, p);
    case "pcx":
      return sendOverPeering(w, subnet, target.id, p, routeFact(route));
    case "vgw":
      return sendToVpnGateway(w, subnet, target.id, p);
    case "tgw":
      return sendToTransitGateway(w, subnet, target.id, p);
    case "vpce":
      if (isGatewayLoadBalancerEndpoint(w.net, target.id))
        return sendToGatewayLoadBalancerEndpoint(w, subnet, target.id, p, link);
      return sendToGatewayEndpoint(w, subnet, target.id, p);
    case "eni":
    case "instance":
      return sendToAppliance(w, subnet, target.id, p);
    default:
      blackholeRoute(w, subnet, p, "unknown", target.id, routeFact(route));
      return undefined;
  }
}

/** Delivery to an address of this VPC through the local route (or from a gateway/peering edge). */
export function deliverInVpc(
  w: Walk,
  vpc: VpcInfo,
  p: Pkt,
  link: Link,
  fromSubnet?: SubnetInfo,
): Delivered | undefined {
  const eni = vpc.enisByIp.get(ipKey(p.dst));
  if (!eni) {
    const inVpc = vpcContainsIp(vpc, p.dst);
    // The address may be an interface of another VPC: routes sent the packet to the wrong one (RT-04).
    const elsewhere = inVpc ? w.net.enisByPrivateIp.get(ipKey(p.dst))?.find((e) => e.vpc !== vpc) : undefined;
    if (inVpc)
      block(w, "NO_POSSIBLE_DESTINATION", vpc.id, {
        kind: "vpc",
        vpc: named(vpc.vpc),
        address: p.dst.text,
        problem: "no-interface",
        ...(elsewhere ? { elsewhere: { eni: ownerNamed(w, elsewhere), vpc: named(elsewhere.vpc.vpc) } } : {}),
      });
    else
      block(w, "VPC_LOCAL_ROUTE_CIDR_RESTRICTION", vpc.id, {
        kind: "vpc",
        vpc: named(vpc.vpc),
        address: p.dst.text,
        problem: "outside-vpc",
      });
    return undefined;
  }
  const before = w.dropped;
  if (fromSubnet !== eni.subnet) checkNetworkAcl(w, eni.subnet, "inbound", p);
  return arriveAtEni(w, eni, p, link, true, before);
}

/** An interface named as a learner knows it: its own name, else its instance's. */
function ownerNamed(w: Walk, eni: EniInfo): { id: string; name?: string } {
  const name = eni.name ?? w.net.instances.get(eni.ownerId)?.name;
  return name !== undefined ? { id: eni.id, name } : { id: eni.id };
}

/** The packet reaches an ENI whose address it carries: NAT reply translation, endpoint, or host. */
export function arriveAtEni(
  w: Walk,
  eni: EniInfo,
  p: Pkt,
  link: Link,
  _naclOk: boolean,
  droppedBefore: boolean,
): Delivered | undefined {
  if (eni.kind === "nat_gateway") {
    if (!droppedBefore) recordFlow(w, eni, p, !w.dropped, false);
    return reverseNat(w, eni, p);
  }
  checkSecurityGroups(w, eni, "inbound", p, undefined, undefined, link);
  if (!droppedBefore) recordFlow(w, eni, p, !w.dropped, false);
  if (eni.kind === "vpc_endpoint") {
    const ep = w.net.interfaceEndpoints.get(eni.ownerId);
    addHop(w, eni.componentRef, "deliver", HOP.deliverInterface, { inbound: p });
    if (ep && ep.state !== "available")
      block(w, "BAD_STATE", ep.id, {
        kind: "gateway",
        gateway: namedAs(ep, "vpc-endpoint"),
        state: ep.state,
      });
    addHop(w, ref(eni.ownerId, "vpc-endpoint", ep?.name), "deliver", HOP.deliverEndpoint, { inbound: p });
    const reached = {
      kind: "service" as const,
      name: ep?.serviceName ?? eni.ownerId,
      endpointEni: eni,
      pkt: p,
      via: link,
    };
    // An endpoint service whose load balancer the topology describes: on to the target (EPS-07..EPS-09).
    if (ep && w.direction === "forward" && hasEndpointBackend(w.net, ep, eni)) {
      const backend = sendThroughEndpointService(w, eni, ep, p);
      return backend ? { ...reached, backend } : undefined;
    }
    return reached;
  }
  // NATI-01: the reply of a connection this instance source-NATed goes back to the original client.
  const natClient = w.direction === "return" ? natSession(w, eni.id) : undefined;
  if (natClient) return reverseNatInstance(w, eni, p, natClient);
  if (!eni.running) blockNotRunning(w, eni, "destination", p.dst.text);
  addHop(w, eni.componentRef, "deliver", HOP.deliverInterface, { inbound: p });
  return { kind: "eni", eni, pkt: p, via: link };
}

/** Route target is an ENI or instance (middlebox): it must accept traffic not addressed to it. */
function sendToAppliance(w: Walk, subnet: SubnetInfo, targetId: string, p: Pkt): Delivered | undefined {
  const eni = w.net.enis.get(targetId) ?? w.net.instanceEnis.get(targetId)?.[0];
  if (!eni || eni.vpc !== subnet.vpc) {
    blackholeRoute(w, subnet, p, "network-interface", targetId);
    return undefined;
  }
  return forwardThroughAppliance(w, eni, p, subnet);
}
