import type { RuleProtocol } from "../topology";

// aws-rules SG-05: an ICMP rule's type and code as the EC2 console shows them ("ICMP - Echo Request"). In describe-* output an
// ICMP permission keeps its type in FromPort and its code in ToPort, -1 meaning all (EC2 API Reference,
// IpPermission); a network ACL entry keeps them in IcmpTypeCode. The topology keeps them as fromPort/toPort,
// and messages name them in words.

/** ICMP (IPv4) type names, as the EC2 console lists them for a "Custom ICMP - IPv4" rule. */
const ICMP_TYPES: Readonly<Record<number, string>> = {
  0: "Echo Reply",
  3: "Destination Unreachable",
  4: "Source Quench",
  5: "Redirect Message",
  6: "Alternate Host Address",
  8: "Echo Request",
  9: "Router Advertisement",
  10: "Router Solicitation",
  11: "Time Exceeded",
  12: "Parameter Problem: Bad IP header",
  13: "Timestamp",
  14: "Timestamp Reply",
  15: "Information Request",
  16: "Information Reply",
  17: "Address Mask Request",
  18: "Address Mask Reply",
  30: "Traceroute",
};

/** ICMPv6 type names (RFC 4443). */
const ICMPV6_TYPES: Readonly<Record<number, string>> = {
  1: "Destination Unreachable",
  2: "Packet Too Big",
  3: "Time Exceeded",
  4: "Parameter Problem",
  128: "Echo Request",
  129: "Echo Reply",
};

const isIcmpv6 = (protocol: RuleProtocol): boolean => protocol === "icmpv6" || protocol === 58;

/** Whether the protocol is ICMP or ICMPv6, whose FromPort/ToPort are a type and a code. */
export const isIcmp = (protocol: RuleProtocol): boolean =>
  protocol === "icmp" || protocol === 1 || isIcmpv6(protocol);

/**
 * "ICMP - Echo Request (type 8, all codes)", "ICMP - Destination Unreachable (type 3, code 4)",
 * "ICMPv6 type 200, code -1/all", "ICMP - All". `type`/`code` undefined or -1 mean all.
 */
export function icmpTypeCodeText(
  protocol: RuleProtocol,
  type: number | undefined,
  code: number | undefined,
): string {
  const label = isIcmpv6(protocol) ? "ICMPv6" : "ICMP";
  if (type === undefined || type === -1) return `${label} - All`;
  const name = (isIcmpv6(protocol) ? ICMPV6_TYPES : ICMP_TYPES)[type];
  const codeText = code === undefined || code === -1 ? "all codes" : `code ${code}`;
  if (name !== undefined) return `${label} - ${name} (type ${type}, ${codeText})`;
  return `${label} type ${type}, code ${code === undefined || code === -1 ? "-1/all" : code}`;
}
