// Gateway endpoints (aws-rules §5.4) and the AWS services behind them. Interface endpoints are
// ENIs with security groups (IFE-01/02) and are handled by the ENI steps in walk.ts.
import type { Cidr } from "./cidr";
import { toCidr } from "./cidr";
import { label } from "./explanations";
import { routeTableOf, type SubnetInfo } from "./network";
import type { AwsService } from "./topology";
import { addHop, block, type Delivered, deliverInVpc, type Pkt, ref, type Walk } from "./walk";

export function serviceCidrs(s: AwsService, prefixLists: ReadonlyMap<string, readonly Cidr[]>): Cidr[] {
  const fromList = s.prefixListId !== undefined ? prefixLists.get(s.prefixListId) ?? [] : [];
  return [...fromList, ...s.cidrBlocks.map(toCidr)];
}

export function sendToGatewayEndpoint(w: Walk, subnet: SubnetInfo, vpceId: string, p: Pkt): Delivered | undefined {
  const ep = w.net.gatewayEndpoints.get(vpceId);
  if (!ep || ep.vpcId !== subnet.vpc.id) {
    block(w, "BAD_STATE_ROUTE", routeTableOf(w.net, subnet).id, `The route to ${vpceId} in ${label(routeTableOf(w.net, subnet))} is a blackhole: no such gateway endpoint in this VPC.`);
    return undefined;
  }
  addHop(w, ref(ep.id, "vpc-gateway-endpoint", ep.name), "forward", { inbound: p, outbound: p });
  if (p.protocol === "udp") {
    block(w, "VPCE_GATEWAY_PROTOCOL_RESTRICTION", ep.id, `Gateway endpoint ${label(ep)} carries only TCP (and ICMP echo), not UDP.`);
  }
  if (ep.policy === "deny-all") {
    block(w, "RCH_ENDPOINT_POLICY_DENIES", ep.id, `The endpoint policy of ${label(ep)} denies all requests through it.`);
  }
  const service = w.net.services.find((s) => s.service === ep.service && s.cidrs.some((c) => c.family === p.dst.family));
  addHop(w, ref(`${ep.service}.${service?.region ?? ""}`, "aws-service", service?.dnsName), "deliver", { inbound: p });
  return { kind: "service", name: ep.service, ...(service ? { service } : {}), pkt: p, via: { kind: "vpce", id: ep.id } };
}

/** Reply from the service back through the gateway endpoint: only into the endpoint's own VPC (GWE-06). */
export function enterFromGatewayEndpoint(w: Walk, vpceId: string, p: Pkt): Delivered | undefined {
  const ep = w.net.gatewayEndpoints.get(vpceId);
  const vpc = ep ? w.net.vpcs.get(ep.vpcId) : undefined;
  if (!ep || !vpc) return undefined;
  addHop(w, ref(ep.id, "vpc-gateway-endpoint", ep.name), "forward", { inbound: p, outbound: p });
  return deliverInVpc(w, vpc, p, { kind: "vpce", id: ep.id });
}
