// Gateway Load Balancer endpoints (aws-rules GWLB-01). A route (in a subnet's table or a gateway route table,
// RT-11) that points at a Gateway Load Balancer endpoint sends traffic over PrivateLink to the Gateway Load
// Balancer of an inspection VPC, which hands it to an appliance and back (GENEVE). The endpoint then sends it
// on as it was, routed by the route table of the endpoint's own subnet. What the appliances allow is not in
// AWS output, so the trace assumes they pass the traffic and says so.
import {
  applianceDropsReply,
  applianceModeMessage,
  blockAsymmetricReply,
  needsApplianceMode,
} from "./appliance-mode";
import { checkNetworkAcl } from "./filters";
import { named, namedAs } from "./explanations";
import type { Network, SubnetInfo } from "./network-model";
import type { GatewayLoadBalancer, GatewayLoadBalancerEndpoint } from "./topology";
import {
  addHop,
  blackholeRoute,
  block,
  type Delivered,
  type Link,
  type Pkt,
  ref,
  type Walk,
} from "./walk-state";

// Keyed by the compiled network, like privatelink.ts's index: it lives as long as the caller's build of it.
const BY_NETWORK = new WeakMap<Network, ReadonlyMap<string, GatewayLoadBalancerEndpoint>>();

/** The network's Gateway Load Balancer endpoints by id (built once per compiled network). */
export function gatewayLoadBalancerEndpoints(net: Network): ReadonlyMap<string, GatewayLoadBalancerEndpoint> {
  let map = BY_NETWORK.get(net);
  if (!map) {
    map = new Map((net.topology.gatewayLoadBalancerEndpoints ?? []).map((e) => [e.id, e]));
    BY_NETWORK.set(net, map);
  }
  return map;
}

export function isGatewayLoadBalancerEndpoint(net: Network, id: string): boolean {
  return gatewayLoadBalancerEndpoints(net).has(id);
}

/**
 * GWLB-01: whether any appliance is there to take the endpoint's traffic. The Gateway Load Balancer behind the
 * endpoint's service routes new flows only to healthy targets (AWS documents no fail-open for it, unlike a
 * Network Load Balancer), so when its target groups and their health are known and no target is healthy, the
 * traffic goes nowhere. Unknown (no such load balancer, or its listener or target health not described): assumed.
 */
function noHealthyAppliance(
  net: Network,
  ep: GatewayLoadBalancerEndpoint,
): { lb: GatewayLoadBalancer; summary: string } | undefined {
  const lb = (net.topology.gatewayLoadBalancers ?? []).find((g) => g.serviceName === ep.serviceName);
  if (!lb?.targetGroupIds) return undefined;
  const groups = lb.targetGroupIds.map((id) => (net.topology.targetGroups ?? []).find((g) => g.id === id));
  if (groups.some((g) => g === undefined)) return undefined;
  const targets = groups.flatMap((g) => g?.targets ?? []);
  if (targets.some((t) => t.health === "healthy")) return undefined;
  const summary =
    targets.length === 0 ? "no target registered" : targets.map((t) => `${t.id} ${t.health}`).join(", ");
  return { lb, summary };
}

/** The note an analysis carries for each inspection it assumed passes. */
function noteAppliance(w: Walk, ep: GatewayLoadBalancerEndpoint): void {
  const notes = (w.assumptions ??= []);
  const message = `assumed the appliances behind Gateway Load Balancer endpoint ${ep.id} (${ep.serviceName}) pass the traffic: AWS output does not show their rules`;
  if (!notes.some((n) => n.message === message))
    notes.push({ code: "RCH_ASSUMED_APPLIANCE_PASSES", message });
}

/**
 * Routed to a Gateway Load Balancer endpoint: by a subnet's route (`fromSubnet`) or a gateway route table
 * (`fromSubnet` undefined: the packet arrives through the gateway). `link` is how the packet came in, kept for
 * its delivery (a connection from the internet is answered through the same internet gateway, IGW-08).
 */
export function sendToGatewayLoadBalancerEndpoint(
  w: Walk,
  fromSubnet: SubnetInfo | undefined,
  endpointId: string,
  p: Pkt,
  link: Link,
): Delivered | undefined {
  const ep = gatewayLoadBalancerEndpoints(w.net).get(endpointId);
  const subnet = ep ? w.net.subnets.get(ep.subnetId) : undefined;
  if (!ep || !subnet || (fromSubnet && subnet.vpc !== fromSubnet.vpc)) {
    if (fromSubnet) blackholeRoute(w, fromSubnet, p, "unknown", endpointId);
    return undefined;
  }
  if (subnet !== fromSubnet) checkNetworkAcl(w, subnet, "inbound", p);
  addHop(
    w,
    ref(ep.id, "gateway-load-balancer-endpoint", ep.name),
    "forward",
    { kind: "gateway-load-balancer", endpoint: ep.id, serviceName: ep.serviceName },
    { inbound: p, outbound: p },
  );
  if (ep.state !== "available") {
    block(w, "RCH_GWLB_ENDPOINT_NOT_AVAILABLE", ep.id, {
      kind: "gateway",
      gateway: namedAs(ep, "gateway-load-balancer-endpoint"),
      state: ep.state,
    });
    return undefined;
  }
  w.middlebox ??= named(ep);
  const down = noHealthyAppliance(w.net, ep);
  if (down) {
    block(w, "RCH_GWLB_NO_HEALTHY_TARGET", down.lb.id, {
      kind: "gateway",
      gateway: namedAs(down.lb, "gateway-load-balancer"),
      state: down.summary,
    });
    return undefined;
  }
  noteAppliance(w, ep);
  // TGW-11: a reply crossing the inspection VPC in another zone than its request reaches appliances that never saw it.
  if (w.direction === "return" && applianceDropsReply(w, subnet.vpc.id)) blockAsymmetricReply(w, named(ep));
  // TGW-11: arriving from a transit gateway attachment that spans zones without appliance mode.
  if (link.kind === "tgw" && needsApplianceMode(w.net, link.id)) {
    const att = w.net.topology.transitGatewayAttachments.find((a) => a.id === link.id);
    const notes = (w.assumptions ??= []);
    const message = att ? applianceModeMessage(att) : "";
    if (att && !notes.some((n) => n.message === message))
      notes.push({ code: "TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED", message });
  }
  return w.router.sendFromSubnet(w, subnet, p, link);
}
