// Gateway endpoints (aws-rules §5.4) and the AWS services behind them. Interface endpoints are
// ENIs with security groups (IFE-01/02) and are handled by the ENI steps in walk.ts.
import { namedAs } from "./explanations";
import type { SubnetInfo } from "./network-model";
import {
  addHop,
  blackholeRoute,
  block,
  type Delivered,
  gatewayHop,
  HOP,
  type Pkt,
  ref,
  type Walk,
} from "./walk-state";

export { serviceCidrs } from "./network-pieces";

export function sendToGatewayEndpoint(
  w: Walk,
  subnet: SubnetInfo,
  vpceId: string,
  p: Pkt,
): Delivered | undefined {
  const ep = w.net.gatewayEndpoints.get(vpceId);
  if (!ep || ep.vpcId !== subnet.vpc.id) {
    blackholeRoute(w, subnet, p, "vpc-gateway-endpoint", vpceId);
    return undefined;
  }
  addHop(w, ref(ep.id, "vpc-gateway-endpoint", ep.name), "forward", gatewayHop(ep.id), {
    inbound: p,
    outbound: p,
  });
  const gateway = namedAs(ep, "vpc-gateway-endpoint");
  if (p.protocol === "udp")
    block(w, "VPCE_GATEWAY_PROTOCOL_RESTRICTION", ep.id, { kind: "gateway", gateway });
  if (ep.policy === "deny-all") block(w, "RCH_ENDPOINT_POLICY_DENIES", ep.id, { kind: "gateway", gateway });
  const service = w.net.services.find(
    (s) => s.service === ep.service && s.cidrs.some((c) => c.family === p.dst.family),
  );
  addHop(
    w,
    ref(`${ep.service}.${service?.region ?? ""}`, "aws-service", service?.dnsName),
    "deliver",
    HOP.deliverService,
    { inbound: p },
  );
  return {
    kind: "service",
    name: ep.service,
    ...(service ? { service } : {}),
    pkt: p,
    via: { kind: "vpce", id: ep.id },
  };
}

/** Reply from the service back through the gateway endpoint: only into the endpoint's own VPC (GWE-06). */
export function enterFromGatewayEndpoint(w: Walk, vpceId: string, p: Pkt): Delivered | undefined {
  const ep = w.net.gatewayEndpoints.get(vpceId);
  const vpc = ep ? w.net.vpcs.get(ep.vpcId) : undefined;
  if (!ep || !vpc) return undefined;
  addHop(w, ref(ep.id, "vpc-gateway-endpoint", ep.name), "forward", gatewayHop(ep.id), {
    inbound: p,
    outbound: p,
  });
  return w.router.deliverInVpc(w, vpc, p, { kind: "vpce", id: ep.id });
}
