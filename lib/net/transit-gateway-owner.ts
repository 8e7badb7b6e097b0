// Which attachment of a transit gateway owns an address: the attachment whose propagation would install a
// route for it (a VPC's CIDRs, a VPN's or a DX gateway's on-premises prefixes, TGW-05). Read only when a
// TGW route table has no route (the blocker's detail), so the explanation can say what fixes it: propagate
// that attachment, or, when no attachment owns the address (the internet), a static route to an egress
// attachment (TGW-18), since propagation never installs a default route.
import { cidrContainsIp, type IpAddress } from "./cidr";
import { named } from "./explanations";
import type { Network } from "./network-model";
import type { NamedRef } from "./trace";
import { propagatedCidrs } from "./transit-gateway-index";

export function attachmentOwning(net: Network, tgwId: string, dst: IpAddress): NamedRef | undefined {
  for (const c of net.tgw.compiled.values()) {
    if (c.att.transitGatewayId !== tgwId) continue;
    const { cidrs } = propagatedCidrs(net.topology, c.att, net.vpcs);
    if (cidrs.some((cidr) => cidrContainsIp(cidr, dst))) return named(c.att);
  }
  return undefined;
}

/** A VPC attachment of the transit gateway whose VPC holds the IPv6 address but whose IPv6 support is off (TGW-05). */
export function ipv6DisabledAttachmentOwning(
  net: Network,
  tgwId: string,
  dst: IpAddress,
): NamedRef | undefined {
  if (dst.family !== 6) return undefined;
  for (const c of net.tgw.compiled.values()) {
    const att = c.att;
    if (att.transitGatewayId !== tgwId || att.type !== "vpc" || att.ipv6Support !== false) continue;
    const vpc = att.vpcId !== undefined ? net.vpcs.get(att.vpcId) : undefined;
    if (vpc?.cidrs6.some((cidr) => cidrContainsIp(cidr, dst)) === true) return named(att);
  }
  return undefined;
}
