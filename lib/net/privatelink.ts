// PrivateLink beyond the consumer's interface endpoint: the provider's endpoint service, its Network Load
// Balancer and the target behind it (aws-rules EPS-01..EPS-03, EPS-07..EPS-09). The trace goes on past the
// endpoint only when the topology knows the load balancer's listeners; otherwise it ends at the endpoint
// as before (an endpoint of an AWS service, or a provider whose load balancer was not described).
import { type IpAddress, ipKey, toIp } from "./cidr";
import { named } from "./explanations";
import { type EniInfo, type Network, type SubnetInfo } from "./network-model";
import type { Protocol } from "./query";
import type { SgPeerContext } from "./security-groups";
import { checkNetworkAcl, checkSecurityGroups, sgPeerContext } from "./filters";
import { eniSecurity } from "./network-indexes";
import type { EndpointService, InterfaceEndpoint, LoadBalancer, TargetGroup } from "./topology";
import { componentRef } from "./trace";
import {
  addHop,
  block,
  type EndpointBackend,
  gatewayHop,
  HOP,
  type Pkt,
  recordFlow,
  ref,
  type Walk,
} from "./walk-state";

type Index = {
  services: Map<string, EndpointService>;
  loadBalancers: Map<string, LoadBalancer>;
  targetGroups: Map<string, TargetGroup>;
  nodes: Map<string, EniInfo>;
};

const INDEXES = new WeakMap<Network, Index>();

function indexOf(net: Network): Index {
  const known = INDEXES.get(net);
  if (known) return known;
  const t = net.topology;
  const services = new Map<string, EndpointService>();
  for (const s of t.endpointServices) {
    services.set(s.serviceName, s);
    services.set(s.id, s);
  }
  const loadBalancers = new Map<string, LoadBalancer>();
  for (const lb of t.loadBalancers ?? []) {
    loadBalancers.set(lb.id, lb);
    if (lb.name !== undefined && !loadBalancers.has(lb.name)) loadBalancers.set(lb.name, lb);
  }
  const targetGroups = new Map<string, TargetGroup>();
  for (const tg of t.targetGroups ?? []) {
    targetGroups.set(tg.id, tg);
    if (tg.name !== undefined && !targetGroups.has(tg.name)) targetGroups.set(tg.name, tg);
  }
  const index = { services, loadBalancers, targetGroups, nodes: new Map<string, EniInfo>() };
  INDEXES.set(net, index);
  return index;
}

/**
 * A load balancer node as an interface of the provider VPC: its address, subnet and groups. It is not one of
 * the network's interfaces (nothing is delivered to it); flow-log records carry its ENI id when known.
 */
function nodeInterface(
  net: Network,
  lb: LoadBalancer,
  node: LoadBalancer["nodes"][number],
): EniInfo | undefined {
  const index = indexOf(net);
  const key = `${lb.id}|${node.privateIp}`;
  const known = index.nodes.get(key);
  if (known) return known;
  const subnet = net.subnets.get(node.subnetId);
  if (!subnet) return undefined;
  const privateIp = toIp(node.privateIp);
  const eni: EniInfo = {
    id: node.networkInterfaceId ?? `${lb.name ?? lb.id} ${node.privateIp}`,
    ...(lb.name !== undefined ? { name: lb.name } : {}),
    kind: "interface",
    ownerId: lb.id,
    subnet,
    vpc: subnet.vpc,
    privateIp,
    addresses: [privateIp],
    sgIds: lb.securityGroupIds,
    index: -1,
    componentRef: componentRef(lb.id, "load-balancer", lb.name),
    sourceDestCheck: false,
    running: true,
  };
  index.nodes.set(key, eni);
  return eni;
}

const LISTENS: Readonly<Record<Protocol, readonly string[]>> = {
  tcp: ["TCP", "TLS", "TCP_UDP"],
  udp: ["UDP", "TCP_UDP"],
  icmp: [],
};

/** The endpoint service and load balancer behind an interface endpoint, when the topology knows its listeners. */
function backendOf(
  net: Network,
  ep: InterfaceEndpoint,
  endpointEni: EniInfo,
): { service: EndpointService; lb: LoadBalancer; node: LoadBalancer["nodes"][number] } | undefined {
  const index = indexOf(net);
  const service = index.services.get(ep.serviceName);
  if (!service) return undefined;
  const zone = endpointEni.subnet.subnet.availabilityZone;
  let fallback: { lb: LoadBalancer; node: LoadBalancer["nodes"][number] } | undefined;
  // EPS-06: an endpoint in a zone uses one load balancer of the service, the one with a node in its zone.
  for (const arn of service.networkLoadBalancerArns) {
    const lb = index.loadBalancers.get(arn);
    if (!lb || lb.listeners === undefined) continue;
    for (const node of lb.nodes) {
      if (net.subnets.get(node.subnetId)?.subnet.availabilityZone === zone) return { service, lb, node };
      fallback ??= { lb, node };
    }
  }
  return fallback ? { service, ...fallback } : undefined;
}

/** True when the trace goes on past this interface endpoint to a load balancer the topology describes. */
export function hasEndpointBackend(net: Network, ep: InterfaceEndpoint, endpointEni: EniInfo): boolean {
  return backendOf(net, ep, endpointEni) !== undefined;
}

type Target = { eni: EniInfo; port: number; spec: TargetGroup["targets"][number] };

function resolveTargets(net: Network, lb: LoadBalancer, tg: TargetGroup): Target[] {
  const out: Target[] = [];
  for (const spec of tg.targets) {
    const eni =
      tg.targetType === "instance"
        ? net.instanceEnis.get(spec.id)?.[0]
        : net.vpcs.get(lb.vpcId)?.enisByIp.get(ipKey(toIp(spec.id)));
    if (eni) out.push({ eni, port: spec.port ?? tg.port, spec });
  }
  return out;
}

/** A target's groups may reference the load balancer's groups (EPS-09): its nodes are members of them. */
class TargetPeers implements SgPeerContext {
  constructor(
    private readonly base: SgPeerContext,
    private readonly lbGroups: readonly string[],
    private readonly node: IpAddress,
  ) {}

  prefixListCidrs(id: string) {
    return this.base.prefixListCidrs(id);
  }

  isMemberOfReferencedGroup(rawId: string, remote: IpAddress): boolean {
    const id = rawId.slice(rawId.indexOf("/") + 1);
    if (ipKey(remote) === ipKey(this.node)) return this.lbGroups.includes(id);
    return this.base.isMemberOfReferencedGroup(rawId, remote);
  }
}

function pkt(src: IpAddress, dst: IpAddress, protocol: Protocol, srcPort?: number, dstPort?: number): Pkt {
  return {
    src,
    dst,
    protocol,
    ...(srcPort !== undefined ? { srcPort } : {}),
    ...(dstPort !== undefined ? { dstPort } : {}),
  };
}

/**
 * From the consumer's endpoint interface through the endpoint service and its Network Load Balancer to a
 * target. `undefined` when the packet cannot go on (no listener, no target): the blocker says why.
 */
export function sendThroughEndpointService(
  w: Walk,
  endpointEni: EniInfo,
  ep: InterfaceEndpoint,
  p: Pkt,
): EndpointBackend | undefined {
  const found = backendOf(w.net, ep, endpointEni);
  if (!found) return undefined;
  const { service, lb, node } = found;
  const svcRef = { ...named(service) };
  addHop(w, ref(service.id, "vpc-endpoint-service", service.name), "forward", gatewayHop(service.id), {
    inbound: p,
  });
  // EPS-02: the provider's view of the connection; the endpoint's own state is judged at the endpoint.
  const connection = service.connections?.find((c) => c.vpcEndpointId === ep.id);
  if (connection && connection.state !== "available" && ep.state === "available") {
    block(w, "RCH_ENDPOINT_CONNECTION_NOT_ACCEPTED", service.id, {
      kind: "endpoint-service",
      service: svcRef,
      endpoint: named(ep),
      problem: "not-accepted",
      state: connection.state,
    });
  }
  const nodeEni = nodeInterface(w.net, lb, node);
  const lbRef = named(lb);
  // EPS-07: a load balancer routes traffic once it is active (active_impaired still routes, without scaling).
  if (lb.state === "provisioning" || lb.state === "failed") {
    block(w, "RCH_NLB_NOT_ACTIVE", lb.id, {
      kind: "endpoint-service",
      service: svcRef,
      endpoint: named(ep),
      loadBalancer: lbRef,
      problem: "not-active",
      state: lb.state,
    });
    return undefined;
  }
  const listener = (lb.listeners ?? []).find(
    (l) => l.port === p.dstPort && LISTENS[p.protocol].includes(l.protocol),
  );
  if (!nodeEni || !listener) {
    block(w, "RCH_NLB_NO_LISTENER", lb.id, {
      kind: "endpoint-service",
      service: svcRef,
      endpoint: named(ep),
      loadBalancer: lbRef,
      problem: "no-listener",
      traffic: { protocol: p.protocol, port: p.dstPort },
      listeners: (lb.listeners ?? []).map((l) => `${l.protocol} ${l.port}`),
    });
    return undefined;
  }
  const lbGroups = lb.securityGroupIds.flatMap((id) => {
    const group = w.net.securityGroups.get(id);
    return group ? [group] : [];
  });
  const groupRef = componentRef(
    lbGroups.map((g) => g.id).join(",") || "(none)",
    "security-group",
    lbGroups.map((g) => g.name ?? g.id).join(", ") || undefined,
  );
  // EPS-09: the NLB's inbound rules judge PrivateLink traffic by the client's private address, unless turned off.
  if (lb.securityGroupIds.length > 0 && lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic) {
    checkSecurityGroups(w, nodeEni, "inbound", p, {
      groups: lbGroups,
      ref: groupRef,
      remote: p.src,
      loadBalancer: lbRef,
    });
  }
  const tg = indexOf(w.net).targetGroups.get(listener.targetGroupId);
  const zone = nodeEni.subnet.subnet.availabilityZone;
  const targets = tg ? resolveTargets(w.net, lb, tg) : [];
  const inReach = targets.filter((t) => lb.crossZone || t.eni.subnet.subnet.availabilityZone === zone);
  const healthy = inReach.find((t) => t.spec.health === "healthy");
  // EPS-08: a node sends only to healthy targets (in its zone unless cross-zone); when every target fails
  // its health checks the load balancer fails open and sends to them regardless.
  const failOpen =
    targets.length > 0 &&
    targets.every((t) => t.spec.health === "unhealthy" || t.spec.health === "unavailable");
  const chosen = healthy ?? (failOpen ? (inReach[0] ?? targets[0]) : undefined);
  const tgRef = tg ? named(tg) : { id: listener.targetGroupId };
  if (!chosen) {
    block(w, "RCH_NLB_NO_TARGET", lb.id, {
      kind: "endpoint-service",
      service: svcRef,
      endpoint: named(ep),
      loadBalancer: lbRef,
      problem: "no-target",
      targetGroup: tgRef,
      availabilityZone: zone,
    });
    return undefined;
  }
  // EPS-03: the target sees the load balancer node's private address, never the consumer's.
  const toTarget = pkt(nodeEni.privateIp, chosen.eni.privateIp, p.protocol, p.srcPort, chosen.port);
  addHop(
    w,
    componentRef(lb.id, "load-balancer", lb.name),
    "forward",
    {
      kind: "load-balancer",
      loadBalancer: lb.id,
      listenerPort: listener.port,
      targetGroup: tgRef.id,
      target: chosen.spec.id,
      targetPort: chosen.port,
      health: chosen.spec.health,
    },
    {
      inbound: p,
      outbound: toTarget,
      matched: {
        kind: "route",
        description: `listener ${listener.protocol} ${listener.port} -> ${tg?.name ?? tgRef.id} (${chosen.spec.id}:${chosen.port}, ${chosen.spec.health})`,
      },
    },
  );
  if (chosen.spec.health !== "healthy") {
    block(w, "RCH_NLB_TARGET_UNHEALTHY", chosen.spec.id, {
      kind: "endpoint-service",
      service: svcRef,
      endpoint: named(ep),
      loadBalancer: lbRef,
      problem: "unhealthy-target",
      targetGroup: tgRef,
      target: chosen.spec.id,
      health: chosen.spec.health,
      port: chosen.spec.healthCheckPort ?? chosen.port,
      ...(chosen.spec.reason !== undefined ? { reason: chosen.spec.reason } : {}),
    });
  }
  const before = w.dropped;
  if (lbGroups.length > 0)
    checkSecurityGroups(w, nodeEni, "outbound", toTarget, {
      groups: lbGroups,
      ref: groupRef,
      remote: toTarget.dst,
      loadBalancer: lbRef,
    });
  crossSubnets(w, nodeEni.subnet, chosen.eni.subnet, toTarget);
  if (!before && node.networkInterfaceId !== undefined) recordFlow(w, nodeEni, toTarget, !w.dropped, true);
  const beforeTarget = w.dropped;
  const peers = new TargetPeers(sgPeerContext(w, chosen.eni.vpc), lb.securityGroupIds, nodeEni.privateIp);
  checkSecurityGroups(
    w,
    chosen.eni,
    "inbound",
    toTarget,
    { ...eniSecurity(w.net, chosen.eni), loadBalancer: lbRef },
    peers,
  );
  if (!beforeTarget) recordFlow(w, chosen.eni, toTarget, !w.dropped, false);
  if (!chosen.eni.running) {
    block(w, "BAD_STATE", chosen.eni.ownerId, {
      kind: "interface",
      eni: named(chosen.eni),
      owner: chosen.eni.ownerId,
      role: "destination",
      address: toTarget.dst.text,
      problem: "not-running",
    });
  }
  addHop(w, chosen.eni.componentRef, "deliver", HOP.deliverInterface, { inbound: toTarget });
  return {
    eni: chosen.eni,
    node: nodeEni,
    pkt: toTarget,
    serviceId: service.id,
    nodeFlows: node.networkInterfaceId !== undefined,
  };
}

/** Between the load balancer node's subnet and the target's: both network ACLs (the route is local, RT-05). */
function crossSubnets(w: Walk, from: SubnetInfo, to: SubnetInfo, p: Pkt): void {
  if (from === to) return;
  checkNetworkAcl(w, from, "outbound", p);
  checkNetworkAcl(w, to, "inbound", p);
}

/** The target's reply back to the load balancer node and through the endpoint service to the endpoint. */
export function returnThroughEndpointService(w: Walk, backend: EndpointBackend): void {
  const { eni, node } = backend;
  const reply = pkt(
    backend.pkt.dst,
    backend.pkt.src,
    backend.pkt.protocol,
    backend.pkt.dstPort,
    backend.pkt.srcPort,
  );
  addHop(w, eni.componentRef, "send", HOP.sendInterface, { outbound: reply });
  const before = w.dropped;
  checkSecurityGroups(w, eni, "outbound", reply);
  crossSubnets(w, eni.subnet, node.subnet, reply);
  if (!before) recordFlow(w, eni, reply, !w.dropped, true);
  if (!before && backend.nodeFlows) recordFlow(w, node, reply, !w.dropped, false);
  addHop(w, node.componentRef, "forward", gatewayHop(node.ownerId), { inbound: reply });
  addHop(w, ref(backend.serviceId, "vpc-endpoint-service"), "forward", gatewayHop(backend.serviceId), {
    inbound: reply,
  });
}
