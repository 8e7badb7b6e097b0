// Gateway route tables (aws-rules RT-11, AWS "Gateway route tables": rules and considerations). A route table
// associated with an internet gateway or virtual private gateway (an edge association) is refused by AWS when
//  - it has route propagation turned on;
//  - a route's destination is a prefix list;
//  - a route's target is anything but local, a network interface or a Gateway Load Balancer endpoint (of the
//    table's own VPC: the traffic can only be redirected within the VPC);
//  - a route to a network interface or Gateway Load Balancer endpoint has a destination other than the entire
//    CIDR block of the VPC or of one of its subnets (nothing outside the VPC, no single host).
// The associated gateways must be an internet gateway or a virtual private gateway of the same VPC.
import type { Cidr } from "../cidr";
import type { ValidationContext } from "./context";
import { primaryEniIdFor } from "./context";

const sameCidr = (a: Cidr, b: Cidr): boolean =>
  a.family === b.family && a.prefix === b.prefix && a.network === b.network;

/** The VPC of each network interface and Gateway Load Balancer endpoint a gateway route may point at. */
function targetVpcs(v: ValidationContext): Map<string, string> {
  const { topology } = v;
  const subnetVpc = new Map(topology.subnets.map((s) => [s.id, s.vpcId]));
  const out = new Map<string, string>();
  for (const e of topology.networkInterfaces) {
    const vpc = subnetVpc.get(e.subnetId);
    if (vpc !== undefined) out.set(e.id, vpc);
  }
  for (const i of topology.instances) {
    const vpc = i.subnetId !== undefined ? subnetVpc.get(i.subnetId) : undefined;
    if (vpc !== undefined) out.set(primaryEniIdFor(i.id), vpc);
  }
  for (const ep of topology.gatewayLoadBalancerEndpoints ?? []) out.set(ep.id, ep.vpcId);
  return out;
}

export function checkGatewayRouteTables(v: ValidationContext): void {
  const { topology } = v;
  if (!topology.routeTables.some((rt) => (rt.gatewayIds ?? []).length > 0)) return;
  const vpcOfTarget = targetVpcs(v);
  const igwVpc = new Map(topology.internetGateways.map((g) => [g.id, g.vpcId]));
  const vgwVpc = new Map(topology.vpnGateways.map((g) => [g.id, g.vpcId]));
  topology.routeTables.forEach((rt, i) => {
    const gateways = rt.gatewayIds ?? [];
    if (gateways.length === 0) return;
    const table = `routeTables[${i}]`;
    gateways.forEach((g, k) => {
      const attached = igwVpc.has(g) ? igwVpc.get(g) : vgwVpc.has(g) ? vgwVpc.get(g) : null;
      if (attached === null)
        v.add(
          "RCH_GATEWAY_ROUTE_TABLE_GATEWAY",
          `${table}.gatewayIds[${k}]`,
          `${g} is not an internet gateway or virtual private gateway of this topology; only those can have a gateway route table.`,
          ["RT-11"],
        );
      else if (attached !== rt.vpcId)
        v.add(
          "RCH_GATEWAY_ROUTE_TABLE_GATEWAY",
          `${table}.gatewayIds[${k}]`,
          `${g} is not attached to VPC ${rt.vpcId}, the route table's VPC.`,
          ["RT-11"],
        );
    });
    if (rt.propagatingGatewayIds.length > 0)
      v.add(
        "RCH_GATEWAY_ROUTE_TABLE_PROPAGATION",
        `${table}.propagatingGatewayIds`,
        `A gateway route table cannot have route propagation turned on.`,
        ["RT-11"],
      );
    const vpcCidrs = v.vpcCidrs(rt.vpcId);
    const subnetCidrs = topology.subnets
      .filter((s) => s.vpcId === rt.vpcId)
      .flatMap((s) =>
        [s.cidrBlock, s.ipv6CidrBlock].flatMap((c) => (c === undefined ? [] : (v.cidrOf(c) ?? []))),
      );
    rt.routes.forEach((r, j) => {
      const path = `${table}.routes[${j}]`;
      if (r.destinationPrefixListId !== undefined)
        v.add(
          "RCH_GATEWAY_ROUTE_TABLE_DESTINATION",
          `${path}.destinationPrefixListId`,
          `A gateway route table cannot use a prefix list as a destination.`,
          ["RT-11"],
        );
      if (r.target === "local") return;
      const appliance = r.target.startsWith("eni-") || r.target.startsWith("vpce-");
      if (!appliance) {
        v.add(
          "RCH_GATEWAY_ROUTE_TABLE_TARGET",
          `${path}.target`,
          `A gateway route table's routes can only point at local, a network interface or a Gateway Load Balancer endpoint, not ${r.target}.`,
          ["RT-11"],
        );
        return;
      }
      const targetVpc = vpcOfTarget.get(r.target);
      if (targetVpc !== undefined && targetVpc !== rt.vpcId)
        v.add(
          "RCH_GATEWAY_ROUTE_TABLE_TARGET",
          `${path}.target`,
          `${r.target} is in VPC ${targetVpc}: a gateway route table can only redirect traffic within its own VPC ${rt.vpcId}.`,
          ["RT-11"],
        );
      const d = r.destination !== undefined ? v.cidrOf(r.destination) : undefined;
      if (d && !vpcCidrs.some((c) => sameCidr(c, d)) && !subnetCidrs.some((c) => sameCidr(c, d)))
        v.add(
          "RCH_GATEWAY_ROUTE_TABLE_DESTINATION",
          `${path}.destination`,
          `${r.destination} is neither the entire CIDR block of VPC ${rt.vpcId} nor that of one of its subnets, which is all a gateway route table's route to a network interface or Gateway Load Balancer endpoint may have.`,
          ["RT-11"],
        );
    });
  });
}
