// Gateway route tables (aws-rules RT-11, ingress routing). A route table associated with an internet gateway or
// a virtual private gateway (an edge association) routes the traffic that arrives through that gateway, before
// it reaches its destination subnet: a route for the whole VPC range or one subnet's range may send it to a
// network interface (a middlebox) or a Gateway Load Balancer endpoint (GWLB-01) instead of `local`. Without an
// edge association arriving traffic goes straight to its destination, as before.
import { named } from "./explanations";
import type { Network, RouteTableInfo, VpcInfo } from "./network-model";
import { lookupRoute, routeFact, routeMatched } from "./routing";
import { forwardThroughAppliance } from "./appliance";
import { isGatewayLoadBalancerEndpoint, sendToGatewayLoadBalancerEndpoint } from "./gateway-load-balancer";
import { addHop, block, type Delivered, type Link, type Pkt, type Walk } from "./walk-state";

/**
 * The gateway route table of a gateway (internet or virtual private), if it has an edge association. The index
 * reads the route tables only, so it is kept with the routing layer (RoutingMemo), which a question's variants
 * with the same tables share; kept per network (a WeakMap by network), it was rebuilt for every variant.
 */
export function edgeRouteTable(net: Network, gatewayId: string): RouteTableInfo | undefined {
  const memo = net.routingMemo;
  let byGateway = memo.edgeTables;
  if (!byGateway) {
    const map = new Map<string, string>();
    for (const rt of net.topology.routeTables)
      for (const g of rt.gatewayIds ?? []) if (!map.has(g)) map.set(g, rt.id);
    memo.edgeTables = byGateway = map;
  }
  const id = byGateway.get(gatewayId);
  return id !== undefined ? net.routeTables.get(id) : undefined;
}

/**
 * Traffic that came in through `gatewayId` into `vpc`: routed by the gateway's route table when it has one,
 * else delivered to its destination in the VPC.
 */
export function enterThroughGateway(
  w: Walk,
  gatewayId: string,
  vpc: VpcInfo,
  p: Pkt,
  link: Link,
): Delivered | undefined {
  const table = edgeRouteTable(w.net, gatewayId);
  if (!table || table.vpcId !== vpc.id) return w.router.deliverInVpc(w, vpc, p, link);
  const route = lookupRoute(table.lookup, p.dst);
  if (!route) return w.router.deliverInVpc(w, vpc, p, link);
  const fact = routeFact(route);
  const target = route.target;
  const usable =
    target.kind === "local" ||
    target.kind === "eni" ||
    target.kind === "instance" ||
    (target.kind === "vpce" && isGatewayLoadBalancerEndpoint(w.net, target.id));
  addHop(
    w,
    table.componentRef,
    usable ? "forward" : "drop",
    { kind: "route", table: table.id, destination: p.dst.text, route: fact, edge: gatewayId },
    { matched: routeMatched(table.lookup, route) },
  );
  if (target.kind === "local") return w.router.deliverInVpc(w, vpc, p, link);
  if (target.kind === "vpce" && usable)
    return sendToGatewayLoadBalancerEndpoint(w, undefined, target.id, p, link);
  const eni =
    target.kind === "eni"
      ? w.net.enis.get(target.id)
      : target.kind === "instance"
        ? w.net.instanceEnis.get(target.id)?.[0]
        : undefined;
  if (eni && eni.vpc === vpc) return forwardThroughAppliance(w, eni, p, undefined);
  // RT-11: a gateway route table's routes may only point at local, a network interface or a Gateway Load
  // Balancer endpoint of this VPC; anything else carries nothing.
  block(w, "BAD_STATE_ROUTE", table.id, {
    kind: "route-table",
    table: named(table),
    vpc: named(vpc.vpc),
    destination: p.dst.text,
    problem: "blackhole",
    targetType: target.kind === "eni" || target.kind === "instance" ? "network-interface" : "unknown",
    target: target.id,
    route: fact,
  });
  return undefined;
}
