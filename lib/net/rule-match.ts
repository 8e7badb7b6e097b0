// Protocol and port matching shared by security groups and network ACLs (aws-rules SG-05, ACL-03).
import type { Protocol } from "./query";
import type { RuleProtocol } from "./topology";

const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };

export function matchesProtocol(rule: RuleProtocol, protocol: Protocol, family: 4 | 6): boolean {
  if (rule === "all" || rule === -1) return true;
  const ruleNumber = typeof rule === "number" ? rule : PROTOCOL_NUMBERS[rule];
  // ICMP for IPv6 traffic is ICMPv6 (58).
  const packetNumber = protocol === "icmp" && family === 6 ? 58 : PROTOCOL_NUMBERS[protocol];
  return ruleNumber === packetNumber;
}

/** Port ranges only constrain TCP/UDP; an absent range means all ports. ICMP type/code are not modelled. */
export function matchesPort(fromPort: number | undefined, toPort: number | undefined, protocol: Protocol, port: number | undefined): boolean {
  if (protocol === "icmp" || port === undefined) return true;
  if (fromPort === undefined && toPort === undefined) return true;
  const from = fromPort ?? 0;
  const to = toPort ?? from;
  return port >= from && port <= to;
}

export function describePorts(protocol: RuleProtocol, fromPort?: number, toPort?: number): string {
  const proto = protocol === -1 ? "all" : String(protocol);
  if (fromPort === undefined && toPort === undefined) return proto === "all" ? "all traffic" : `${proto} all ports`;
  const to = toPort ?? fromPort;
  return fromPort === to ? `${proto}/${fromPort}` : `${proto}/${fromPort}-${to}`;
}
