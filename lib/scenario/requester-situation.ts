// Reads a question's topology for the "edge" situation it tests: a requester whose route to the destination
// points at a peering connection (or a transit gateway) so that the traffic would have to use a resource of
// another VPC (its NAT gateway, internet gateway, gateway endpoint, transit gateway or another peering).
// scripts/check-generator.ts compares such situations with requester-reach.ts, the table endpoint-choice
// decides by, so that endpoint-choice, edge-to-edge and can-a-reach-c never give one situation two verdicts.
import { cidrContainsIp, parseCidr, parseIp, type Query, type Topology } from "../net/index";
import type { TrafficOrigin } from "./requester-reach";

export type EdgeResource =
  "nat-gateway" | "internet-gateway" | "gateway-endpoint" | "transit-gateway" | "peering-connection";
export type Situation = { readonly origin: TrafficOrigin; readonly resource: EdgeResource };

type Route = Topology["routeTables"][number]["routes"][number];

/** The route a table uses for the destination (longest prefix; a prefix-list route for a service). */
function routeFor(
  topology: Topology,
  tableId: string,
  to: Query["to"],
  destIp: string | undefined,
): Route | undefined {
  const table = topology.routeTables.find((t) => t.id === tableId);
  if (!table) return undefined;
  if (to === "s3" || to === "dynamodb") {
    const pl = table.routes.find((r) => r.destinationPrefixListId !== undefined);
    if (pl) return pl;
  }
  let best: Route | undefined;
  let bestPrefix = -1;
  for (const r of table.routes) {
    if (r.destination === undefined || r.destination.includes(":")) continue;
    const prefix = Number(r.destination.split("/")[1]);
    const matches = destIp === undefined ? prefix === 0 : contains(r.destination, destIp);
    if (matches && prefix > bestPrefix) {
      best = r;
      bestPrefix = prefix;
    }
  }
  return best;
}

function contains(cidrText: string, ipText: string): boolean {
  const cidr = parseCidr(cidrText);
  const ip = parseIp(ipText);
  return cidr.ok && ip.ok && cidrContainsIp(cidr.value, ip.value);
}

function tableOfSubnet(topology: Topology, subnetId: string | undefined): string | undefined {
  const subnet = topology.subnets.find((s) => s.id === subnetId);
  if (!subnet) return undefined;
  return subnet.routeTableId ?? topology.routeTables.find((t) => t.vpcId === subnet.vpcId && t.main)?.id;
}

function resourceOf(target: string, to: Query["to"]): EdgeResource | undefined {
  if (target.startsWith("nat-")) return "nat-gateway";
  if (target.startsWith("igw-")) return "internet-gateway";
  if (target.startsWith("vpce-")) return to === "s3" || to === "dynamodb" ? "gateway-endpoint" : undefined;
  if (target.startsWith("tgw-")) return "transit-gateway";
  if (target.startsWith("pcx-")) return "peering-connection";
  return undefined;
}

/** The edge situation of `query` in `topology`, or undefined when the requester's route is direct. */
export function edgeSituation(topology: Topology, query: Query): Situation | undefined {
  const from = topology.instances.find((i) => i.name === query.from || i.id === query.from);
  if (!from) return undefined;
  const dest = topology.instances.find((i) => i.name === query.to || i.id === query.to);
  const destIp = dest?.privateIp;
  const destVpc = topology.subnets.find((s) => s.id === dest?.subnetId)?.vpcId;
  const fromVpc = topology.subnets.find((s) => s.id === from.subnetId)?.vpcId;
  const table = tableOfSubnet(topology, from.subnetId);
  if (!table) return undefined;
  const first = routeFor(topology, table, query.to, destIp);
  if (!first) return undefined;
  if (first.target.startsWith("tgw-") && query.to === "internet")
    return { origin: "tgw-spoke", resource: "nat-gateway" };
  if (!first.target.startsWith("pcx-")) return undefined;
  const pcx = topology.peeringConnections.find((p) => p.id === first.target);
  if (!pcx) return undefined;
  const peerVpcId = pcx.requesterVpcId === fromVpc ? pcx.accepterVpcId : pcx.requesterVpcId;
  if (peerVpcId === destVpc) return undefined;
  const regionOf = (id: string): string | undefined => topology.vpcs.find((v) => v.id === id)?.region;
  const origin: TrafficOrigin =
    regionOf(peerVpcId) === regionOf(fromVpc ?? "") ? "peered-vpc" : "other-region-vpc";
  // What the peer would use for the destination: the route of any of its route tables (the first that has one).
  for (const t of topology.routeTables) {
    if (t.vpcId !== peerVpcId) continue;
    const peerRoute = routeFor(topology, t.id, query.to, destIp);
    const resource = peerRoute ? resourceOf(peerRoute.target, query.to) : undefined;
    if (resource) return { origin, resource };
  }
  if (query.to === "s3" || query.to === "dynamodb") {
    if (topology.gatewayEndpoints.some((e) => e.vpcId === peerVpcId))
      return { origin, resource: "gateway-endpoint" };
  }
  return undefined;
}
