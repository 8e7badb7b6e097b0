// A network interface that forwards traffic not addressed to it (a middlebox: firewall, NAT instance,
// appliance): the target of a subnet route (RT-03) or of a gateway route table's route (RT-11). It must
// accept the traffic (network ACL, security groups), have source/destination checking off (ENI-…) and be
// running; it then sends the packet on, routed by its own subnet's route table.
import { type IpAddress, ipKey } from "./cidr";
import { named } from "./explanations";
import { type EniInfo, routeTableOf, type SubnetInfo } from "./network-model";
import { applianceDropsReply, blockAsymmetricReply } from "./appliance-mode";
import { checkNetworkAcl, checkSecurityGroups, checkSecurityGroupsUntracked } from "./filters";
import { lookupRoute } from "./routing";
import type { Detail } from "./trace";
import {
  addHop,
  block,
  blockNotRunning,
  type Delivered,
  type Link,
  type Pkt,
  pktWith,
  recordFlow,
  rememberNatSession,
  type Walk,
} from "./walk-state";

/** `fromSubnet`: the subnet whose route sent the packet here (none when it arrives through a gateway). */
export function forwardThroughAppliance(
  w: Walk,
  eni: EniInfo,
  p: Pkt,
  fromSubnet: SubnetInfo | undefined,
): Delivered | undefined {
  const before = w.dropped;
  // TGW-11: a reply that crosses the inspection VPC in another zone than its request meets an appliance (and an
  // interface) that never saw the request: nothing is tracked there, and the appliance drops it.
  const untracked = w.direction === "return" && applianceDropsReply(w, eni.vpc.id);
  const judge = untracked ? checkSecurityGroupsUntracked : checkSecurityGroups;
  if (eni.subnet !== fromSubnet) checkNetworkAcl(w, eni.subnet, "inbound", p);
  judge(w, eni, "inbound", p);
  const filtered = w.dropped && !before;
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
  if (!eni.running) blockNotRunning(w, eni, "forwarder");
  // Flow logs capture every interface the traffic crosses, a middlebox's too: it records the packet coming in
  // (REJECT when its network ACL or security group refused it) and, below, going out. Traffic to or from an address
  // that is not the interface's shows its primary private IPv4 address on that side, as for a NAT gateway's (AWS
  // "Flow log limitations", https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-limitations.html). Refused
  // by source/destination checking or a stopped instance: AWS documents no record.
  if (!before && (filtered || !w.dropped)) recordFlow(w, eni, p, !filtered, false);
  if (untracked) blockAsymmetricReply(w, eni.componentRef);
  const leaving = w.dropped;
  judge(w, eni, "outbound", p);
  w.middlebox ??= named(eni);
  const out = natInstanceSource(w, eni, p);
  if (out !== p) {
    // NATI-01: the instance's operating system is assumed to masquerade (AWS output cannot show iptables).
    rememberNatSession(w, eni.id, p.src);
    const notes = (w.assumptions ??= []);
    const note = natInstanceNote(eni, p.src.text);
    if (!notes.some((n) => n.message === note.message)) notes.push(note);
    addHop(
      w,
      eni.componentRef,
      "translate",
      { kind: "translation", field: "source", from: p.src.text, to: out.src.text },
      {
        inbound: p,
        outbound: out,
        matched: {
          kind: "translation",
          description: `source ${p.src.text} -> ${out.src.text} (assumed NAT instance, NATI-01)`,
        },
      },
    );
  }
  return w.router.sendFromSubnet(
    w,
    eni.subnet,
    out,
    { kind: "appliance", id: eni.id },
    { eni, before: leaving },
  );
}

/**
 * NATI-01: an instance that forwards IPv4 traffic it did not originate, out through its own subnet's route to an
 * internet gateway, is a NAT instance (VPC User Guide, "NAT instances"): the internet gateway could not translate
 * the private source itself (IGW-04), so the instance is assumed to replace it with its own address. A source
 * that has a public address keeps it: an inspection appliance in that position must not translate, or replies
 * would miss the instance the internet gateway maps them to.
 */
function natInstanceSource(w: Walk, eni: EniInfo, p: Pkt): Pkt {
  if (w.direction !== "forward" || eni.kind !== "interface") return p;
  if (p.src.family !== 4 || p.dst.family !== 4 || eni.privateIp.family !== 4) return p;
  if (eni.addresses.some((a) => a.family === 4 && a.value === p.src.value)) return p;
  const route = lookupRoute(routeTableOf(w.net, eni.subnet).lookup, p.dst);
  if (route?.target.kind !== "igw") return p;
  const owner = eni.vpc.enisByIp.get(ipKey(p.src));
  if (owner?.publicIp !== undefined || owner?.kind === "nat_gateway") return p;
  return pktWith(p, { src: eni.privateIp });
}

/** The assumption NATI-01 adds to the trace: code RCH_ASSUMED_NAT_INSTANCE, printed with the import's assumptions. */
export function natInstanceNote(eni: EniInfo, source: string): Detail {
  const owner = eni.ownerId !== eni.id ? ` of instance ${eni.ownerId}` : "";
  const pub = eni.publicIp !== undefined ? ` (public ${eni.publicIp.text} at the internet gateway)` : "";
  return {
    code: "RCH_ASSUMED_NAT_INSTANCE",
    message: `${eni.name !== undefined ? `${eni.name} (${eni.id})` : eni.id}${owner} forwards ${source}'s traffic to an internet gateway, so it is assumed to be a NAT instance whose operating system translates the source to its own address ${eni.privateIp.text}${pub}; AWS output cannot show that (NATI-01)`,
  };
}

/**
 * The reply of a connection a NAT instance translated reaches the instance (addressed to it): translate the
 * destination back to the original client and send it on from the instance's subnet (NATI-01).
 */
export function reverseNatInstance(
  w: Walk,
  eni: EniInfo,
  p: Pkt,
  original: IpAddress,
): Delivered | undefined {
  const back = pktWith(p, { dst: original });
  addHop(
    w,
    eni.componentRef,
    "translate",
    { kind: "translation", field: "destination", from: p.dst.text, to: original.text },
    {
      inbound: p,
      outbound: back,
      matched: {
        kind: "translation",
        description: `destination ${p.dst.text} -> ${original.text} (reply, assumed NAT instance, NATI-01)`,
      },
    },
  );
  const link: Link = { kind: "appliance", id: eni.id };
  // The instance's interface records the reply it sends on, as it recorded the request (flow logs, above).
  return w.router.sendFromSubnet(w, eni.subnet, back, link, { eni, before: w.dropped });
}
