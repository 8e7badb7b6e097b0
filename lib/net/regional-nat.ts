// Regional NAT gateways (aws-rules NAT-07). A regional NAT gateway belongs to the VPC, not to a subnet: a route
// to it from any subnet is served in that subnet's Availability Zone, with the Elastic IP address the gateway has
// for the zone (describe-nat-gateways NatGatewayAddresses[].AvailabilityZone). It needs no public subnet: AWS
// creates a route table for it with a route to the internet gateway, and that table routes what it translated.
// Having no subnet, it has no network ACL of its own (a zonal NAT gateway's subnet ACL applies, NAT-05).
// In automatic mode (AutoProvisionZones enabled) AWS adds a zone as soon as the VPC has a subnet there; in manual
// mode the gateway serves only the zones listed, so a route from another zone carries nothing.
import { type IpAddress, ipKey, toIp } from "./cidr";
import { named, namedAs } from "./explanations";
import { gatewaysOf, type Network, type SubnetInfo } from "./network-model";
import { embeddedIpv4, synthesizeNat64 } from "./nat64";
import { lookupRoute, routeFact, routeMatched } from "./routing";
import { blockedByPublicAccessBlock } from "./block-public-access";
import type { RegionalNatGateway } from "./topology";
import {
  addHop,
  blackholeRoute,
  block,
  type Delivered,
  gatewayHop,
  natSession,
  type Pkt,
  pktWith,
  ref,
  rememberNatSession,
  type Walk,
} from "./walk-state";

type Index = {
  readonly byId: ReadonlyMap<string, RegionalNatGateway>;
  readonly byPublicIp: ReadonlyMap<string | number, RegionalNatGateway>;
};

const EMPTY: Index = { byId: new Map(), byPublicIp: new Map() };

// Keyed by the compiled network, like privatelink.ts's index: it lives as long as the caller's build of it.
const BY_NETWORK = new WeakMap<Network, Index>();

function indexOf(net: Network): Index {
  const list = net.topology.regionalNatGateways;
  if (list === undefined || list.length === 0) return EMPTY;
  let index = BY_NETWORK.get(net);
  if (!index) {
    const byPublicIp = new Map<string | number, RegionalNatGateway>();
    for (const nat of list) for (const a of nat.addresses) byPublicIp.set(ipKey(toIp(a.publicIp)), nat);
    index = { byId: new Map(list.map((n) => [n.id, n])), byPublicIp };
    BY_NETWORK.set(net, index);
  }
  return index;
}

export function regionalNatGateway(net: Network, id: string): RegionalNatGateway | undefined {
  return indexOf(net).byId.get(id);
}

/** The regional NAT gateway that owns a public address, if any. */
export function regionalNatByPublicIp(net: Network, ip: IpAddress): RegionalNatGateway | undefined {
  return indexOf(net).byPublicIp.get(ipKey(ip));
}

const natRef = (nat: RegionalNatGateway) => ref(nat.id, "nat-gateway", nat.name);
const natGateway = (nat: RegionalNatGateway) => namedAs(nat, "nat-gateway");

/** Where the translated packet goes on: onto the internet through this internet gateway. */
export type RegionalNatExit = { readonly pkt: Pkt; readonly internetGateway: string };

/**
 * A subnet's route sends the packet to a regional NAT gateway: translate in the subnet's zone, route by the
 * gateway's table. The caller (gateways.ts) puts the packet on the internet.
 */
export function sendToRegionalNatGateway(
  w: Walk,
  subnet: SubnetInfo,
  nat: RegionalNatGateway,
  p: Pkt,
): RegionalNatExit | undefined {
  if (nat.vpcId !== subnet.vpc.id) {
    blackholeRoute(w, subnet, p, "nat-gateway", nat.id);
    return undefined;
  }
  if (nat.state !== "available")
    block(w, "BAD_STATE", nat.id, { kind: "gateway", gateway: natGateway(nat), state: nat.state });
  const zone = nat.addresses.find((a) => a.availabilityZone === subnet.az);
  // Automatic mode follows the workloads: a zone with a subnet is served even if the snapshot lists no address.
  const address = zone ?? (nat.autoProvisionZones ? nat.addresses[0] : undefined);
  if (!address) {
    addHop(w, natRef(nat), "drop", gatewayHop(nat.id), { inbound: p });
    block(w, "RCH_REGIONAL_NAT_ZONE_NOT_SERVED", nat.id, {
      kind: "gateway",
      gateway: natGateway(nat),
      availabilityZone: subnet.az,
      problem: "zone-not-served",
    });
    return undefined;
  }
  if (!zone) noteAutomaticZone(w, nat, subnet.az);
  // NAT-04: NAT64 as for a zonal NAT gateway.
  const v4 = embeddedIpv4(p.dst);
  const publicIp = toIp(address.publicIp);
  const out = pktWith(p, v4 ? { src: publicIp, dst: v4 } : { src: publicIp });
  rememberNatSession(w, nat.id, p.src);
  addHop(
    w,
    natRef(nat),
    "translate",
    { kind: "translation", field: "source", from: p.src.text, to: publicIp.text },
    {
      inbound: p,
      outbound: out,
      matched: {
        kind: "translation",
        description: `source ${p.src.text} -> ${publicIp.text} (regional NAT gateway, ${subnet.az})`,
      },
    },
  );
  return routeFromRegionalNat(w, subnet, nat, out);
}

/** The gateway's own route table decides where the translated packet goes: the internet gateway, or nowhere. */
function routeFromRegionalNat(
  w: Walk,
  subnet: SubnetInfo,
  nat: RegionalNatGateway,
  p: Pkt,
): RegionalNatExit | undefined {
  const igw = gatewaysOf(w.net, nat.vpcId).igw;
  const table = nat.routeTableId !== undefined ? w.net.routeTables.get(nat.routeTableId) : undefined;
  let target = igw?.id;
  if (table) {
    const route = lookupRoute(table.lookup, p.dst);
    if (!route) {
      addHop(
        w,
        table.componentRef,
        "drop",
        { kind: "route", table: table.id, destination: p.dst.text },
        { matched: { kind: "route", description: `no route matches ${p.dst.text}` } },
      );
      block(w, "NO_ROUTE_TO_DESTINATION", table.id, {
        kind: "route-table",
        table: named(table),
        vpc: named(subnet.vpc.vpc),
        destination: p.dst.text,
        problem: "no-route",
      });
      return undefined;
    }
    addHop(
      w,
      table.componentRef,
      "forward",
      { kind: "route", table: table.id, destination: p.dst.text, route: routeFact(route) },
      { matched: routeMatched(table.lookup, route) },
    );
    target = route.target.kind === "igw" ? route.target.id : undefined;
    if (target === undefined || target !== igw?.id) {
      block(w, "BAD_STATE_ROUTE", table.id, {
        kind: "route-table",
        table: named(table),
        vpc: named(subnet.vpc.vpc),
        destination: p.dst.text,
        problem: "blackhole",
        route: routeFact(route),
        targetType: "unknown",
        target: route.target.id,
      });
      return undefined;
    }
  }
  if (!igw || target === undefined) {
    block(w, "RCH_NO_INTERNET_GATEWAY", nat.vpcId, {
      kind: "vpc",
      vpc: named(subnet.vpc.vpc),
      problem: "no-internet-gateway",
    });
    return undefined;
  }
  const igwRef = namedAs(igw, "internet-gateway");
  if (blockedByPublicAccessBlock(w, igwRef, subnet, "outbound", true)) {
    addHop(w, ref(igw.id, "internet-gateway", igw.name), "drop", gatewayHop(igw.id), { inbound: p });
    return undefined;
  }
  addHop(w, ref(igw.id, "internet-gateway", igw.name), "forward", gatewayHop(igw.id), {
    inbound: p,
    outbound: p,
  });
  return { pkt: p, internetGateway: igw.id };
}

/** A reply reaches a regional NAT gateway's public address: back through the internet gateway to the client. */
export function reverseRegionalNat(w: Walk, nat: RegionalNatGateway, p: Pkt): Delivered | undefined {
  const original = w.direction === "return" ? natSession(w, nat.id) : undefined; // a request is never a reply
  const vpc = w.net.vpcs.get(nat.vpcId);
  const igw = gatewaysOf(w.net, nat.vpcId).igw;
  if (!original || !vpc || !igw) {
    block(w, "NO_POSSIBLE_DESTINATION", nat.id, {
      kind: "gateway",
      gateway: natGateway(nat),
      address: p.dst.text,
      problem: "not-started-here",
    });
    return undefined;
  }
  addHop(w, ref(igw.id, "internet-gateway", igw.name), "forward", gatewayHop(igw.id), {
    inbound: p,
    outbound: p,
  });
  const back = pktWith(
    p,
    original.family === 6 && p.src.family === 4
      ? { dst: original, src: synthesizeNat64(p.src) }
      : { dst: original },
  );
  addHop(
    w,
    natRef(nat),
    "translate",
    { kind: "translation", field: "destination", from: p.dst.text, to: original.text },
    {
      inbound: p,
      outbound: back,
      matched: { kind: "translation", description: `destination ${p.dst.text} -> ${original.text} (reply)` },
    },
  );
  return w.router.deliverInVpc(w, vpc, back, { kind: "nat", id: nat.id });
}

function noteAutomaticZone(w: Walk, nat: RegionalNatGateway, az: string): void {
  const notes = (w.assumptions ??= []);
  const message = `assumed regional NAT gateway ${nat.id} serves ${az}: it is in automatic mode, which adds a zone as soon as the VPC has a subnet there, though the snapshot lists no address for that zone`;
  if (!notes.some((n) => n.message === message))
    notes.push({ code: "RCH_ASSUMED_REGIONAL_NAT_ZONE", message });
}
