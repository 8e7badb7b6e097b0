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

/** Port ranges only constrain TCP/UDP; an absent range means all ports. (The walk matches ICMP types: matchesCompiled.) */
export function matchesPort(
  fromPort: number | undefined,
  toPort: number | undefined,
  protocol: Protocol,
  port: number | undefined,
): boolean {
  if (protocol === "icmp" || port === undefined) return true;
  if (fromPort === undefined && toPort === undefined) return true;
  const from = fromPort ?? 0;
  const to = toPort ?? from;
  return port >= from && port <= to;
}

export function describePorts(protocol: RuleProtocol, fromPort?: number, toPort?: number): string {
  const proto = protocol === -1 ? "all" : String(protocol);
  const number = typeof protocol === "number" ? protocol : PROTOCOL_NUMBERS[protocol];
  // ICMP has types and codes, not ports (the EC2 API carries them in FromPort/ToPort); "icmp all ports" misled.
  if (number === 1 || number === 58) {
    const icmp = number === 1 ? "icmp" : "icmpv6";
    if (fromPort === undefined) return `${icmp} all types`;
    return toPort === undefined ? `${icmp} type ${fromPort}` : `${icmp} type ${fromPort} code ${toPort}`;
  }
  if (fromPort === undefined && toPort === undefined)
    return proto === "all"
      ? "all traffic"
      : number === 6 || number === 17
        ? `${proto} all ports`
        : `protocol ${proto}`;
  const to = toPort ?? fromPort;
  return fromPort === to ? `${proto}/${fromPort}` : `${proto}/${fromPort}-${to}`;
}

/** A rule's protocol and port range resolved to numbers once, so evaluation reads one flat object. */
export type CompiledMatch = { readonly proto: number; readonly portLo: number; readonly portHi: number };

/**
 * -1 = any protocol. Port range: absent = all ports (same reading as matchesPort). On an ICMP rule fromPort is the
 * ICMP type and toPort the code, absent = all (SG-05): the range is that one type, matched against the packet's
 * type; the packets asked about (echo request and reply) have code 0, so a rule naming another code matches none.
 */
export function compileMatch(
  protocol: RuleProtocol,
  fromPort: number | undefined,
  toPort: number | undefined,
): CompiledMatch {
  const proto =
    protocol === "all" || protocol === -1
      ? -1
      : typeof protocol === "number"
        ? protocol
        : (PROTOCOL_NUMBERS[protocol] ?? -2);
  if (fromPort === undefined && toPort === undefined) return { proto, portLo: 0, portHi: 65535 };
  if ((proto === 1 || proto === 58) && fromPort !== undefined)
    return toPort === undefined || toPort === 0
      ? { proto, portLo: fromPort, portHi: fromPort }
      : { proto, portLo: 1, portHi: 0 };
  const lo = fromPort ?? 0;
  return { proto, portLo: lo, portHi: toPort ?? lo };
}

/** The packet's IANA protocol number; ICMP for IPv6 traffic is ICMPv6 (58). */
export function packetProtocolNumber(protocol: Protocol, family: 4 | 6): number {
  return protocol === "icmp" && family === 6 ? 58 : (PROTOCOL_NUMBERS[protocol] ?? -3);
}

/**
 * matchesProtocol && matchesPort on the compiled form, except that an ICMP packet's `port` is its ICMP type (the
 * walk gives echo request or reply; undefined = any type) and is matched against the rule's type.
 */
export function matchesCompiled(
  m: CompiledMatch,
  packetProto: number,
  protocol: Protocol,
  port: number | undefined,
): boolean {
  if (m.proto !== -1 && m.proto !== packetProto) return false;
  return port === undefined || (port >= m.portLo && port <= m.portHi);
}
