// The Network Load Balancers behind endpoint services and their target groups (aws-rules EPS-07..EPS-09):
// references resolve, a node sits in the load balancer's VPC, one node per Availability Zone.
import type { ValidationContext } from "./context";

export function checkLoadBalancers(v: ValidationContext): void {
  const t = v.topology;
  const groups = new Set(
    (t.targetGroups ?? []).flatMap((g) => (g.name === undefined ? [g.id] : [g.id, g.name])),
  );
  const balancers = new Set(
    (t.loadBalancers ?? []).flatMap((b) => (b.name === undefined ? [b.id] : [b.id, b.name])),
  );
  (t.loadBalancers ?? []).forEach((lb, i) => {
    const at = `loadBalancers[${i}]`;
    v.ref(`${at}.vpcId`, lb.vpcId, "VPC");
    lb.securityGroupIds.forEach((g, k) => v.ref(`${at}.securityGroupIds[${k}]`, g, "Security group"));
    const zones = new Set<string>();
    lb.nodes.forEach((n, j) => {
      v.checkInterface(`${at}.nodes[${j}]`, n.subnetId, n.privateIp, [], `Load balancer ${lb.id}`);
      const subnet = v.subnetById.get(n.subnetId);
      if (subnet && subnet.vpcId !== lb.vpcId)
        v.add(
          "RCH_LB_NODE_OUTSIDE_VPC",
          `${at}.nodes[${j}].subnetId`,
          `Subnet ${n.subnetId} is in ${subnet.vpcId}, not in the load balancer's VPC ${lb.vpcId}.`,
          ["EPS-01"],
        );
      if (subnet && zones.has(subnet.availabilityZone))
        v.add(
          "RCH_LB_ZONE_DUPLICATE",
          `${at}.nodes[${j}]`,
          `Load balancer ${lb.name ?? lb.id} may have one subnet per Availability Zone; ${subnet.availabilityZone} already has one.`,
          ["EPS-08"],
        );
      if (subnet) zones.add(subnet.availabilityZone);
    });
    (lb.listeners ?? []).forEach((l, k) => {
      if (!groups.has(l.targetGroupId))
        v.add(
          "RCH_UNKNOWN_REFERENCE",
          `${at}.listeners[${k}].targetGroupId`,
          `Target group "${l.targetGroupId}" does not exist in this topology (targetGroups).`,
          ["EPS-07"],
        );
    });
  });
  (t.targetGroups ?? []).forEach((g, i) => {
    v.ref(`targetGroups[${i}].vpcId`, g.vpcId, "VPC");
    if (g.targetType === "instance")
      g.targets.forEach((x, k) => v.ref(`targetGroups[${i}].targets[${k}].id`, x.id, "Instance"));
  });
  if (t.loadBalancers === undefined) return;
  t.endpointServices.forEach((s, i) =>
    s.networkLoadBalancerArns.forEach((arn, k) => {
      if (!balancers.has(arn))
        v.add(
          "RCH_UNKNOWN_REFERENCE",
          `endpointServices[${i}].networkLoadBalancerArns[${k}]`,
          `Load balancer "${arn}" is not in loadBalancers, so paths through ${s.id} end at the endpoint service.`,
          ["EPS-01"],
          "warning",
        );
    }),
  );
}
