// Transit gateway appliance mode (aws-rules TGW-11). A transit gateway sends each flow into a VPC attachment
// through the attachment's subnet in the sender's Availability Zone, so the two directions of one flow between
// VPCs in different zones can cross an inspection VPC in two different zones, where two different stateful
// appliances each see half of the conversation and drop it. Appliance mode keeps both directions on one zone.
// Without appliance mode AWS keeps each direction in the zone where it entered the transit gateway (the
// sender's zone), so the model decides it: when the reply enters such an inspection VPC attachment (one in two
// or more zones whose subnets route traffic to an appliance: a Gateway Load Balancer endpoint or a network
// interface) in another zone than the request, the reply is dropped (RCH_APPLIANCE_MODE_ASYMMETRIC_PATH). With
// appliance mode the transit gateway picks one zone for the flow by a flow hash the model cannot know; it keeps
// the request's zone for the reply, which is what AWS guarantees (both directions in one zone).
import type { IpAddress } from "./cidr";
import { namedAs } from "./explanations";
import { type Network, routeTableOf, type SubnetInfo } from "./network-model";
import { lookupRoute } from "./routing";
import type { Topology, TransitGatewayAttachment } from "./topology";
import type { NamedRef } from "./trace";
import type { CompiledAttachment } from "./transit-gateway-index";
import { type AsymmetricReply, block, type BlockDetail, type Walk } from "./walk-state";

const GWLB_ENDPOINT = /^vpce-/;

/** The VPC attachments of `topology` that lead into an inspection VPC without appliance mode, across zones. */
export function attachmentsNeedingApplianceMode(topology: Topology): TransitGatewayAttachment[] {
  const gwlbe = new Set((topology.gatewayLoadBalancerEndpoints ?? []).map((e) => e.id));
  const subnets = new Map(topology.subnets.map((s) => [s.id, s]));
  const tables = new Map(topology.routeTables.map((r) => [r.id, r]));
  const mainTable = new Map<string, string>();
  for (const r of topology.routeTables) if (r.main && !mainTable.has(r.vpcId)) mainTable.set(r.vpcId, r.id);
  return topology.transitGatewayAttachments.filter((att) => {
    if (att.type !== "vpc" || att.applianceMode) return false;
    const zones = new Set(att.subnetIds.map((id) => subnets.get(id)?.availabilityZone).filter((z) => z));
    if (zones.size < 2) return false;
    return att.subnetIds.some((id) => {
      const s = subnets.get(id);
      const tableId = s?.routeTableId ?? (s ? mainTable.get(s.vpcId) : undefined);
      const table = tableId !== undefined ? tables.get(tableId) : undefined;
      return (table?.routes ?? []).some(
        (r) =>
          (GWLB_ENDPOINT.test(r.target) && gwlbe.has(r.target)) ||
          r.target.startsWith("eni-") ||
          r.target.startsWith("i-"),
      );
    });
  });
}

// Keyed by the compiled network, like privatelink.ts's index: it lives as long as the caller's build of it.
const MEMO = new WeakMap<Network, ReadonlySet<string>>();

/** Whether this attachment is one `attachmentsNeedingApplianceMode` lists (memoised per compiled network). */
export function needsApplianceMode(net: Network, attachmentId: string): boolean {
  let ids = MEMO.get(net);
  if (!ids) MEMO.set(net, (ids = new Set(attachmentsNeedingApplianceMode(net.topology).map((a) => a.id))));
  return ids.has(attachmentId);
}

export function applianceModeMessage(att: TransitGatewayAttachment): string {
  return `Transit gateway attachment ${att.name !== undefined ? `${att.name} (${att.id})` : att.id} leads into an inspection VPC in several Availability Zones without appliance mode: the two directions of a flow between zones can cross different appliances, and a stateful appliance drops the half it did not see. Turn on appliance mode (ApplianceModeSupport) for the attachment.`;
}

/**
 * TGW-11: the attachment subnet through which a flow leaves the transit gateway into VPC attachment `out`:
 * the sender's zone (`az`) when the attachment has a subnet there. The forward walk records the zone; the
 * return walk keeps it under appliance mode, and otherwise drops a reply that enters an inspection VPC in
 * another zone than its request did: at the appliance that zone routes it to (the transit gateway itself forwards
 * it), or at the attachment when the zone's route leads to no appliance.
 */
export function landingSubnet(
  w: Walk,
  out: CompiledAttachment,
  az: string | undefined,
  dst: IpAddress,
): SubnetInfo | undefined {
  const natural = (az !== undefined ? out.byAz.get(az) : undefined) ?? out.all[0];
  if (!natural) return undefined;
  const zones = (w.applianceZones ??= new Map<string, string>());
  const requestZone = zones.get(out.att.id);
  if (w.direction === "forward") {
    if (requestZone === undefined) zones.set(out.att.id, natural.az);
    return natural;
  }
  if (requestZone === undefined || requestZone === natural.az) return natural;
  if (out.att.applianceMode) return out.byAz.get(requestZone) ?? natural;
  if (!needsApplianceMode(w.net, out.att.id)) return natural;
  const asymmetry = {
    vpcId: natural.vpc.id,
    attachment: namedAs(out.att, "transit-gateway-attachment"),
    availabilityZone: natural.az,
    requestAvailabilityZone: requestZone,
  };
  // The transit gateway delivers the reply as usual; the appliance this zone routes it to drops it. The blocker waits
  // for that appliance's hop (applianceDropsReply), unless the zone's route leads to none.
  if (routesToAppliance(w.net, natural, dst)) w.asymmetricReply = asymmetry;
  else block(w, "RCH_APPLIANCE_MODE_ASYMMETRIC_PATH", out.att.id, asymmetricDetail(asymmetry));
  return natural;
}

function asymmetricDetail(
  a: AsymmetricReply,
  appliance?: NamedRef,
): BlockDetail<"RCH_APPLIANCE_MODE_ASYMMETRIC_PATH"> {
  return {
    kind: "gateway",
    gateway: a.attachment,
    availabilityZone: a.availabilityZone,
    requestAvailabilityZone: a.requestAvailabilityZone,
    problem: "asymmetric-appliance-path",
    ...(appliance ? { appliance } : {}),
  };
}

/** Whether the landing subnet's route for `dst` goes to an appliance (a network interface or instance, or a Gateway Load Balancer endpoint). */
function routesToAppliance(net: Network, subnet: SubnetInfo, dst: IpAddress): boolean {
  const target = lookupRoute(routeTableOf(net, subnet).lookup, dst)?.target;
  if (target?.kind === "eni" || target?.kind === "instance") return true;
  return (
    target?.kind === "vpce" &&
    (net.topology.gatewayLoadBalancerEndpoints ?? []).some((e) => e.id === target.id)
  );
}

/**
 * TGW-11: the reply of an asymmetric path reaches the appliance in its zone (`appliance`: the interface, or the Gateway
 * Load Balancer endpoint in front of the appliances) in the inspection VPC `vpcId`. That appliance never saw the
 * request, so a stateful one drops the reply there: the blocker, whose drop hop is the appliance's. True when so (the
 * caller then judges the interface's security groups as untracked: it holds no connection for this flow).
 */
export function applianceDropsReply(w: Walk, vpcId: string): boolean {
  return w.asymmetricReply?.vpcId === vpcId;
}

/** Raise the deferred blocker at the appliance's hop (the last hop added). */
export function blockAsymmetricReply(w: Walk, appliance: NamedRef): void {
  const pending = w.asymmetricReply;
  if (!pending) return;
  w.asymmetricReply = undefined;
  block(w, "RCH_APPLIANCE_MODE_ASYMMETRIC_PATH", pending.attachment.id, asymmetricDetail(pending, appliance));
}
