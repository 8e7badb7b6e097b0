import type { TopologyInput } from "../topology";
import type { AwsNetworkInterface } from "./aws-shapes-edge";
import type { AwsListener, AwsTargetGroup } from "./aws-shapes-more";
import type { RegionContext } from "./import-vpc-resources";

// ELBv2 output for the Network Load Balancers behind endpoint services (aws-rules EPS-07..EPS-09):
// describe-load-balancers (nodes, security groups), describe-listeners per load balancer, describe-target-groups
// and describe-target-health per target group. A load balancer whose listeners or targets were not described
// keeps `listeners` unset: the trace then ends at the endpoint service, and the import says so.

type Item<K extends keyof TopologyInput> = NonNullable<TopologyInput[K]>[number];
type LbItem = Item<"loadBalancers">;
type TgItem = Item<"targetGroups">;

const LISTENER_PROTOCOLS = new Set(["TCP", "TLS", "UDP", "TCP_UDP"]);
const LB_STATES = new Set(["active", "active_impaired", "provisioning", "failed"]);
const HEALTH = new Set(["initial", "healthy", "unhealthy", "unused", "draining", "unavailable"]);

/** The keyed per-argument output for one resource: by its name or its ARN. */
function outputFor<T>(
  keyed: Readonly<Record<string, T>> | undefined,
  name: string | undefined,
  arn: string,
): T | undefined {
  if (!keyed) return undefined;
  return (name !== undefined ? keyed[name] : undefined) ?? keyed[arn];
}

/** The target group a listener forwards to (a plain forward, or a forward config's heaviest group). */
function forwardTarget(listener: AwsListener): string | undefined {
  for (const action of listener.DefaultActions ?? []) {
    if (action.Type !== undefined && action.Type !== "forward") continue;
    if (action.TargetGroupArn !== undefined) return action.TargetGroupArn;
    const groups = [...(action.ForwardConfig?.TargetGroups ?? [])].sort(
      (a, b) => (b.Weight ?? 1) - (a.Weight ?? 1),
    );
    if (groups[0]?.TargetGroupArn !== undefined) return groups[0].TargetGroupArn;
  }
  return undefined;
}

function importTargetGroup(ctx: RegionContext, tg: AwsTargetGroup, index: number): TgItem | undefined {
  const type = tg.TargetType ?? "instance";
  const where = `${ctx.file("describe-target-groups")}: TargetGroups[${index}]`;
  if ((type !== "instance" && type !== "ip") || tg.Port === undefined || tg.VpcId === undefined) {
    ctx.warnings.push({
      path: where,
      message: `target type ${type} is not modelled; only instance and ip targets are`,
    });
    return undefined;
  }
  const health = outputFor(ctx.data["describe-target-health"], tg.TargetGroupName, tg.TargetGroupArn);
  const protocol =
    LISTENER_PROTOCOLS.has(tg.Protocol ?? "TCP") || tg.Protocol === "GENEVE"
      ? (tg.Protocol as TgItem["protocol"])
      : "TCP";
  return {
    id: tg.TargetGroupArn,
    ...(tg.TargetGroupName === undefined ? {} : { name: tg.TargetGroupName }),
    vpcId: tg.VpcId,
    protocol,
    port: tg.Port,
    targetType: type,
    targets: (health?.TargetHealthDescriptions ?? []).map((d) => {
      const state = d.TargetHealth?.State ?? "healthy";
      const checkPort = d.HealthCheckPort === undefined ? undefined : Number(d.HealthCheckPort);
      return {
        id: d.Target.Id,
        ...(d.Target.Port === undefined || d.Target.Port === tg.Port ? {} : { port: d.Target.Port }),
        health: (HEALTH.has(state) ? state : "unavailable") as NonNullable<
          TgItem["targets"]
        >[number]["health"],
        ...(d.TargetHealth?.Reason === undefined ? {} : { reason: d.TargetHealth.Reason }),
        ...(checkPort === undefined ||
        !Number.isInteger(checkPort) ||
        checkPort === (d.Target.Port ?? tg.Port)
          ? {}
          : { healthCheckPort: checkPort }),
      };
    }),
  };
}

/** Network Load Balancers, their target groups, and what the import could not see about them. */
export function importLoadBalancers(
  ctx: RegionContext,
  awsEnis: readonly AwsNetworkInterface[],
): {
  loadBalancers: LbItem[];
  gatewayLoadBalancers: Item<"gatewayLoadBalancers">[];
  targetGroups: TgItem[];
  assumptions: string[];
} {
  const assumptions: string[] = [];
  const groups = ctx.data["describe-target-groups"]?.TargetGroups ?? [];
  const targetGroups = groups.flatMap((tg, i) => {
    const item = importTargetGroup(ctx, tg, i);
    return item ? [item] : [];
  });
  const loadBalancers: LbItem[] = [];
  const gatewayLoadBalancers = importGatewayLoadBalancers(ctx, assumptions);
  for (const lb of ctx.data["describe-load-balancers"]?.LoadBalancers ?? []) {
    if ((lb.Type ?? "network") !== "network" || lb.VpcId === undefined) continue; // ALB: not modelled
    const label = lb.LoadBalancerName ?? lb.LoadBalancerArn;
    // The node's private address: printed when it was chosen, else the ELB interface in that subnet.
    const suffix = lb.LoadBalancerArn.split(":loadbalancer/")[1];
    const nodes = (lb.AvailabilityZones ?? []).flatMap((zone) => {
      if (zone.SubnetId === undefined) return [];
      const eni = awsEnis.find(
        (e) =>
          e.SubnetId === zone.SubnetId &&
          e.InterfaceType === "network_load_balancer" &&
          suffix !== undefined &&
          e.Description === `ELB ${suffix}`,
      );
      const privateIp =
        zone.LoadBalancerAddresses?.find((a) => a.PrivateIPv4Address !== undefined)?.PrivateIPv4Address ??
        eni?.PrivateIpAddress;
      if (privateIp === undefined) {
        assumptions.push(
          `${label}: no private address known for its node in ${zone.SubnetId}; that node is left out`,
        );
        return [];
      }
      return [
        {
          subnetId: zone.SubnetId,
          privateIp,
          ...(eni ? { networkInterfaceId: eni.NetworkInterfaceId } : {}),
        },
      ];
    });
    // EPS-08: describe-load-balancer-attributes says whether cross-zone load balancing is on.
    const attributes = outputFor(
      ctx.data["describe-load-balancer-attributes"],
      lb.LoadBalancerName,
      lb.LoadBalancerArn,
    )?.Attributes;
    const crossZoneValue = attributes?.find((a) => a.Key === "load_balancing.cross_zone.enabled")?.Value;
    const crossZone = crossZoneValue === undefined ? undefined : crossZoneValue === "true";
    if (nodes.length > 1 && crossZone === undefined)
      assumptions.push(
        `${label}: cross-zone load balancing assumed off, the Network Load Balancer default (no describe-load-balancer-attributes output for it): each node sends only to targets in its own zone`,
      );
    const listenerOutput = outputFor(ctx.data["describe-listeners"], lb.LoadBalancerName, lb.LoadBalancerArn);
    let listeners: LbItem["listeners"];
    if (listenerOutput === undefined) {
      assumptions.push(
        `${label}: no describe-listeners output, so its listeners and targets are not known; paths through it end at its endpoint service`,
      );
    } else {
      listeners = listenerOutput.Listeners.flatMap((l) => {
        const targetGroupId = forwardTarget(l);
        if (l.Port === undefined || targetGroupId === undefined) return [];
        const protocol = LISTENER_PROTOCOLS.has(l.Protocol ?? "TCP") ? (l.Protocol as "TCP") : "TCP";
        return [{ port: l.Port, protocol, targetGroupId }];
      });
      const undescribed = listeners.filter((l) => {
        const tg = groups.find((g) => g.TargetGroupArn === l.targetGroupId);
        return (
          tg !== undefined &&
          outputFor(ctx.data["describe-target-health"], tg.TargetGroupName, tg.TargetGroupArn) === undefined
        );
      });
      if (undescribed.length > 0) {
        assumptions.push(
          `${label}: no describe-target-health output for ${undescribed.map((l) => l.targetGroupId).join(", ")}, so its targets are not known; paths through it end at its endpoint service`,
        );
        listeners = undefined;
      }
    }
    loadBalancers.push({
      id: lb.LoadBalancerArn,
      ...(lb.LoadBalancerName === undefined ? {} : { name: lb.LoadBalancerName }),
      type: "network",
      vpcId: lb.VpcId,
      // Absent = active (the state every load balancer that routes traffic has).
      ...(lb.State?.Code !== "active" && LB_STATES.has(lb.State?.Code ?? "")
        ? { state: lb.State?.Code as LbItem["state"] }
        : {}),
      scheme: lb.Scheme === "internet-facing" ? "internet-facing" : "internal",
      nodes,
      securityGroupIds: lb.SecurityGroups ?? [],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic:
        (lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic ?? "on") !== "off",
      ...(crossZone === undefined ? {} : { crossZone }),
      ...(listeners === undefined ? {} : { listeners }),
    });
  }
  return { loadBalancers, gatewayLoadBalancers, targetGroups, assumptions };
}

const CONNECTION_STATES = new Set([
  "pendingAcceptance",
  "pending",
  "available",
  "rejected",
  "failed",
  "deleting",
  "deleted",
  "expired",
]);

/** describe-vpc-endpoint-connections: the provider's view of each endpoint connection (EPS-02). */
export function endpointConnections(
  ctx: RegionContext,
  serviceId: string,
): { vpcEndpointId: string; state: "pendingAcceptance" | "available" }[] | undefined {
  const all = ctx.data["describe-vpc-endpoint-connections"]?.VpcEndpointConnections;
  if (all === undefined) return undefined;
  return all.flatMap((c) => {
    if (c.ServiceId !== serviceId || c.VpcEndpointId === undefined) return [];
    // The CLI prints "available" or "Available" depending on the version: compare without the first letter's case.
    const raw = c.VpcEndpointState ?? "available";
    const state = raw.charAt(0).toLowerCase() + raw.slice(1);
    return [
      {
        vpcEndpointId: c.VpcEndpointId,
        state: (CONNECTION_STATES.has(state) ? state : "pending") as "available",
      },
    ];
  });
}

/**
 * aws-rules GWLB-01: Gateway Load Balancers (describe-load-balancers Type "gateway"): the endpoint service whose
 * GatewayLoadBalancerArns name it, and the target groups its listener forwards to. Without describe-listeners or
 * describe-target-health output their appliances are assumed present, and the import says so.
 */
function importGatewayLoadBalancers(
  ctx: RegionContext,
  assumptions: string[],
): Item<"gatewayLoadBalancers">[] {
  const services = ctx.data["describe-vpc-endpoint-service-configurations"]?.ServiceConfigurations ?? [];
  const groups = ctx.data["describe-target-groups"]?.TargetGroups ?? [];
  const out: Item<"gatewayLoadBalancers">[] = [];
  for (const lb of ctx.data["describe-load-balancers"]?.LoadBalancers ?? []) {
    if (lb.Type !== "gateway" || lb.VpcId === undefined) continue;
    const label = lb.LoadBalancerName ?? lb.LoadBalancerArn;
    const serviceName = services.find((s) =>
      (s.GatewayLoadBalancerArns ?? []).includes(lb.LoadBalancerArn),
    )?.ServiceName;
    const listeners = outputFor(ctx.data["describe-listeners"], lb.LoadBalancerName, lb.LoadBalancerArn);
    const targetGroupIds = listeners?.Listeners.flatMap((l) => {
      const id = forwardTarget(l);
      return id === undefined ? [] : [id];
    });
    const described =
      targetGroupIds !== undefined &&
      targetGroupIds.every((id) => {
        const tg = groups.find((g) => g.TargetGroupArn === id);
        return (
          tg !== undefined &&
          outputFor(ctx.data["describe-target-health"], tg.TargetGroupName, tg.TargetGroupArn) !== undefined
        );
      });
    if (!described)
      assumptions.push(
        `${label}: its listener or target health is not described, so appliances are assumed registered and healthy behind it`,
      );
    out.push({
      id: lb.LoadBalancerArn,
      ...(lb.LoadBalancerName === undefined ? {} : { name: lb.LoadBalancerName }),
      vpcId: lb.VpcId,
      ...(serviceName === undefined ? {} : { serviceName }),
      ...(lb.State?.Code !== "active" && LB_STATES.has(lb.State?.Code ?? "")
        ? { state: lb.State?.Code as Item<"gatewayLoadBalancers">["state"] }
        : {}),
      ...(described ? { targetGroupIds } : {}),
    });
  }
  return out;
}
