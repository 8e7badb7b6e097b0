// DNS64 and NAT64 (aws-rules NAT-04). In a subnet with DNS64 on, the Route 53 Resolver answers a name that has
// only IPv4 addresses with an IPv6 address in the well-known prefix 64:ff9b::/96 (the IPv4 address in its last
// 32 bits). An IPv6-only instance sends to it; the subnet routes 64:ff9b::/96 to a NAT gateway, which translates
// the packet to IPv4 (source: its own private address; destination: the embedded IPv4 address) and back.
import { cidrContainsIp, type IpAddress, type Ipv4Address, toCidr, toIp } from "./cidr";
import type { EniInfo } from "./network-model";

export const NAT64_PREFIX = toCidr("64:ff9b::/96");

/** 64:ff9b::<a.b.c.d>, the address DNS64 synthesises for an IPv4 address. */
export function synthesizeNat64(v4: Ipv4Address): IpAddress {
  const hi = (v4.value >>> 16).toString(16);
  const lo = (v4.value & 0xffff).toString(16);
  return toIp(`64:ff9b::${hi}:${lo}`);
}

/** The IPv4 address inside a 64:ff9b::/96 address, if it is one. */
export function embeddedIpv4(ip: IpAddress): IpAddress | undefined {
  if (ip.family !== 6 || !cidrContainsIp(NAT64_PREFIX, ip)) return undefined;
  const v = Number(ip.value & 0xffffffffn);
  return toIp(`${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`);
}

/** An IPv6-only interface in a subnet with DNS64 on: its IPv6 address, to reach IPv4 through NAT64. */
export function dns64Source(eni: EniInfo): IpAddress | undefined {
  if (eni.subnet.subnet.enableDns64 !== true) return undefined;
  return eni.addresses.find((a) => a.family === 6);
}
