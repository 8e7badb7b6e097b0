// VPC Block Public Access (aws-rules IGW-07). Turned on for a Region, it stops internet gateway traffic of the
// VPCs there whatever routes and security groups say, except for excluded VPCs and subnets:
// - block-bidirectional: all traffic to and from internet gateways and egress-only internet gateways;
// - block-ingress: all internet traffic into the VPCs; only traffic to and from NAT gateways and egress-only
//   internet gateways (which only carry connections opened from the VPC) still flows.
// An exclusion allow-bidirectional lets everything through for its VPC or subnet; allow-egress lets
// connections opened from the VPC out (it applies under block-bidirectional) and keeps inbound ones blocked.
// The check runs once per connection, on the request: where it crosses the gateway.
import { named, namedAs } from "./explanations";
import type { SubnetInfo } from "./network-model";
import type { NamedRef } from "./trace";
import { block, type Walk } from "./walk-state";

type GatewayRef = NamedRef & { readonly type: "internet-gateway" | "egress-only-internet-gateway" };

/**
 * Whether Block Public Access stops a connection crossing `gateway` for `subnet`; if so the blocker is added.
 * `initiated`: opened from the VPC (outbound) or from the internet (inbound). `viaNatGateway`: the packet is
 * a NAT gateway's (its source is the NAT gateway's address).
 */
export function blockedByPublicAccessBlock(
  w: Walk,
  gateway: GatewayRef,
  subnet: SubnetInfo,
  initiated: "outbound" | "inbound",
  viaNatGateway: boolean,
): boolean {
  if (w.direction !== "forward") return false;
  const vpc = subnet.vpc.vpc;
  const mode = vpc.blockPublicAccess;
  if (mode === undefined) return false;
  const exclusion = subnet.subnet.blockPublicAccessExclusion ?? vpc.blockPublicAccessExclusion;
  if (exclusion === "allow-bidirectional") return false;
  if (mode === "block-ingress") {
    // Only NAT gateways and egress-only internet gateways keep working (outbound-initiated only).
    const outboundOnly = viaNatGateway || gateway.type === "egress-only-internet-gateway";
    if (initiated === "outbound" && outboundOnly) return false;
  } else if (exclusion === "allow-egress" && initiated === "outbound") return false;
  block(w, "VPC_BLOCK_PUBLIC_ACCESS_ENABLED", gateway.id, {
    kind: "block-public-access",
    mode,
    initiated,
    gateway: namedAs(gateway, gateway.type),
    vpc: named(vpc),
    subnet: named(subnet.subnet),
    ...(exclusion !== undefined ? { exclusion } : {}),
  });
  return true;
}
