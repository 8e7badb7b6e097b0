import type { ExportContext } from "./export-context";

// Endpoint services and the Network Load Balancers behind them, as `aws ec2 describe-vpc-endpoint-service-*`
// and `aws elbv2 describe-*` print them (the inverse of import-load-balancers.ts).

const tagsFromName = (name: string | undefined) => (name === undefined ? [] : [{ Key: "Name", Value: name }]);
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function exportLoadBalancers(ctx: ExportContext): void {
  const { topology } = ctx;
  const subnets = new Map(topology.subnets.map((s) => [s.id, s]));
  for (const svc of topology.endpointServices) {
    const region = ctx.vpcRegion(svc.vpcId);
    ctx.push(region, "describe-vpc-endpoint-service-configurations", "ServiceConfigurations", {
      ServiceType: [{ ServiceType: "Interface" }],
      ServiceId: svc.id,
      ServiceName: svc.serviceName,
      ServiceState: "Available",
      AcceptanceRequired: svc.acceptanceRequired,
      NetworkLoadBalancerArns: svc.networkLoadBalancerArns,
      Tags: tagsFromName(svc.name),
    });
    if (svc.allowedPrincipals.length > 0)
      ctx.setById(region, "describe-vpc-endpoint-service-permissions", svc.id, {
        AllowedPrincipals: svc.allowedPrincipals.map((p) => ({ Principal: p, PrincipalType: "Account" })),
      });
    if (svc.connections !== undefined) {
      const regionFiles = (ctx.files[region] ??= {});
      regionFiles["describe-vpc-endpoint-connections"] ??= { VpcEndpointConnections: [] };
      for (const c of svc.connections)
        ctx.push(region, "describe-vpc-endpoint-connections", "VpcEndpointConnections", {
          ServiceId: svc.id,
          VpcEndpointId: c.vpcEndpointId,
          VpcEndpointState: capitalise(c.state),
          NetworkLoadBalancerArns: svc.networkLoadBalancerArns,
        });
    }
  }
  const targetGroupLbs = new Map<string, string[]>();
  for (const lb of topology.loadBalancers ?? []) {
    const region = ctx.vpcRegion(lb.vpcId);
    const suffix = lb.id.split(":loadbalancer/")[1];
    const hasGroups = lb.securityGroupIds.length > 0;
    ctx.push(region, "describe-load-balancers", "LoadBalancers", {
      LoadBalancerArn: lb.id,
      ...(lb.name === undefined ? {} : { LoadBalancerName: lb.name }),
      Type: lb.type,
      Scheme: lb.scheme,
      VpcId: lb.vpcId,
      // aws-rules EPS-07: absent in the topology = active.
      State: { Code: lb.state ?? "active" },
      AvailabilityZones: lb.nodes.map((n) => ({
        ZoneName: subnets.get(n.subnetId)?.availabilityZone,
        SubnetId: n.subnetId,
        LoadBalancerAddresses: [{ PrivateIPv4Address: n.privateIp }],
      })),
      ...(hasGroups
        ? {
            SecurityGroups: lb.securityGroupIds,
            EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic:
              lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic ? "on" : "off",
          }
        : {}),
    });
    // aws-rules EPS-08: one describe-load-balancer-attributes call per load balancer (cross-zone on or off).
    ctx.setById(region, "describe-load-balancer-attributes", lb.name ?? lb.id, {
      Attributes: [{ Key: "load_balancing.cross_zone.enabled", Value: String(lb.crossZone) }],
    });
    for (const n of lb.nodes) {
      if (n.networkInterfaceId === undefined || suffix === undefined) continue;
      ctx.push(region, "describe-network-interfaces", "NetworkInterfaces", {
        NetworkInterfaceId: n.networkInterfaceId,
        SubnetId: n.subnetId,
        VpcId: lb.vpcId,
        InterfaceType: "network_load_balancer",
        RequesterManaged: true,
        PrivateIpAddress: n.privateIp,
        Groups: lb.securityGroupIds.map((id) => ({ GroupId: id })),
        Description: `ELB ${suffix}`,
      });
    }
    if (lb.listeners !== undefined) {
      ctx.setById(region, "describe-listeners", lb.name ?? lb.id, {
        Listeners: lb.listeners.map((l) => ({
          LoadBalancerArn: lb.id,
          Port: l.port,
          Protocol: l.protocol,
          DefaultActions: [{ Type: "forward", TargetGroupArn: l.targetGroupId }],
        })),
      });
      for (const l of lb.listeners)
        targetGroupLbs.set(l.targetGroupId, [...(targetGroupLbs.get(l.targetGroupId) ?? []), lb.id]);
    }
  }
  // aws-rules GWLB-01: a Gateway Load Balancer, its endpoint service and the listener forwarding to its target groups.
  for (const lb of topology.gatewayLoadBalancers ?? []) {
    const region = ctx.vpcRegion(lb.vpcId);
    ctx.push(region, "describe-load-balancers", "LoadBalancers", {
      LoadBalancerArn: lb.id,
      ...(lb.name === undefined ? {} : { LoadBalancerName: lb.name }),
      Type: "gateway",
      VpcId: lb.vpcId,
      State: { Code: lb.state ?? "active" },
    });
    if (lb.serviceName !== undefined)
      ctx.push(region, "describe-vpc-endpoint-service-configurations", "ServiceConfigurations", {
        ServiceType: [{ ServiceType: "GatewayLoadBalancer" }],
        ServiceId: lb.serviceName.split(".").pop(),
        ServiceName: lb.serviceName,
        ServiceState: "Available",
        AcceptanceRequired: false,
        GatewayLoadBalancerArns: [lb.id],
      });
    if (lb.targetGroupIds !== undefined) {
      ctx.setById(region, "describe-listeners", lb.name ?? lb.id, {
        Listeners: lb.targetGroupIds.map((id) => ({
          LoadBalancerArn: lb.id,
          DefaultActions: [{ Type: "forward", TargetGroupArn: id }],
        })),
      });
      for (const id of lb.targetGroupIds) targetGroupLbs.set(id, [...(targetGroupLbs.get(id) ?? []), lb.id]);
    }
  }
  for (const tg of topology.targetGroups ?? []) {
    const region = ctx.vpcRegion(tg.vpcId);
    ctx.push(region, "describe-target-groups", "TargetGroups", {
      TargetGroupArn: tg.id,
      ...(tg.name === undefined ? {} : { TargetGroupName: tg.name }),
      Protocol: tg.protocol,
      Port: tg.port,
      VpcId: tg.vpcId,
      TargetType: tg.targetType,
      LoadBalancerArns: [...new Set(targetGroupLbs.get(tg.id) ?? [])],
    });
    ctx.setById(region, "describe-target-health", tg.name ?? tg.id, {
      TargetHealthDescriptions: tg.targets.map((t) => ({
        Target: { Id: t.id, Port: t.port ?? tg.port },
        HealthCheckPort: String(t.healthCheckPort ?? t.port ?? tg.port),
        TargetHealth: { State: t.health, ...(t.reason === undefined ? {} : { Reason: t.reason }) },
      })),
    });
  }
}
