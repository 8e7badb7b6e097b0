// A network interface that forwards traffic not addressed to it (a middlebox: firewall, NAT instance,
// appliance): the target of a subnet route (RT-03) or of a gateway route table's route (RT-11). It must
// accept the traffic (network ACL, security groups), have source/destination checking off (ENI-…) and be
// running; it then sends the packet on, routed by its own subnet's route table.
import { named } from "./explanations";
import type { EniInfo, SubnetInfo } from "./network-model";
import { checkNetworkAcl, checkSecurityGroups } from "./filters";
import { addHop, block, type Delivered, type Pkt, type Walk } from "./walk-state";

/** `fromSubnet`: the subnet whose route sent the packet here (none when it arrives through a gateway). */
export function forwardThroughAppliance(
  w: Walk,
  eni: EniInfo,
  p: Pkt,
  fromSubnet: SubnetInfo | undefined,
): Delivered | undefined {
  if (eni.subnet !== fromSubnet) checkNetworkAcl(w, eni.subnet, "inbound", p);
  checkSecurityGroups(w, eni, "inbound", p);
  addHop(w, eni.componentRef, "forward", { kind: "forwarder", eni: eni.id }, { inbound: p, outbound: p });
  const own = eni.addresses.some((a) => a.family === p.dst.family && a.value === p.dst.value);
  if (!own && eni.sourceDestCheck) {
    block(w, "ENI_SOURCE_DEST_CHECK_RESTRICTION", eni.id, {
      kind: "interface",
      eni: named(eni),
      owner: eni.ownerId,
      role: "forwarder",
      address: p.dst.text,
      problem: "source-dest-check",
    });
  }
  if (!eni.running)
    block(w, "BAD_STATE", eni.ownerId, {
      kind: "interface",
      eni: named(eni),
      owner: eni.ownerId,
      role: "forwarder",
      problem: "not-running",
    });
  checkSecurityGroups(w, eni, "outbound", p);
  return w.router.sendFromSubnet(w, eni.subnet, p, { kind: "appliance", id: eni.id });
}
