// VPC flow-log records, default version 2 format (aws-rules §6.1):
// version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
export type FlowLogRecord = {
  version: 2;
  accountId: string;
  interfaceId: string;
  srcAddr: string;
  dstAddr: string;
  srcPort: number;
  dstPort: number;
  protocol: number;
  packets: number;
  bytes: number;
  start: number;
  end: number;
  action: "ACCEPT" | "REJECT";
  logStatus: "OK" | "NODATA" | "SKIPDATA";
};

/** Fixed default clock so that the model stays deterministic (lib/ takes its clock as an argument). */
export const DEFAULT_FLOW_LOG_NOW = 1700000000;
/** aws-rules §6.2: default aggregation interval is 600 s; we use the 60 s Nitro interval. */
export const FLOW_LOG_WINDOW_SECONDS = 60;

export function formatFlowLogRecord(r: FlowLogRecord): string {
  return [
    r.version,
    r.accountId,
    r.interfaceId,
    r.srcAddr,
    r.dstAddr,
    r.srcPort,
    r.dstPort,
    r.protocol,
    r.packets,
    r.bytes,
    r.start,
    r.end,
    r.action,
    r.logStatus,
  ].join(" ");
}

const isInt = (s: string): boolean => /^\d+$/.test(s);

/** Parses an OK record; NODATA/SKIPDATA lines (with `-` fields) and malformed lines give null. */
export function parseFlowLogRecord(line: string): FlowLogRecord | null {
  const f = line.trim().split(/\s+/);
  if (f.length !== 14) return null;
  const [
    version,
    accountId,
    interfaceId,
    srcAddr,
    dstAddr,
    srcPort,
    dstPort,
    protocol,
    packets,
    bytes,
    start,
    end,
    action,
    logStatus,
  ] = f as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (version !== "2" || (action !== "ACCEPT" && action !== "REJECT") || logStatus !== "OK") return null;
  const numbers = [srcPort, dstPort, protocol, packets, bytes, start, end];
  if (!numbers.every(isInt)) return null;
  return {
    version: 2,
    accountId,
    interfaceId,
    srcAddr,
    dstAddr,
    srcPort: Number(srcPort),
    dstPort: Number(dstPort),
    protocol: Number(protocol),
    packets: Number(packets),
    bytes: Number(bytes),
    start: Number(start),
    end: Number(end),
    action,
    logStatus,
  };
}

/** One packet batch as seen on an ENI (produced by the walk in walk.ts). */
export type FlowObservation = {
  interfaceId: string;
  accountId: string;
  /** The ENI's primary private IPv4: flow logs show it instead of secondary/public addresses (§6.1). */
  primaryIp: string;
  /** true: the ENI receives the packet; false: the ENI sends it (its own or, at a NAT gateway, forwarded traffic). */
  inbound: boolean;
  srcIp: string;
  dstIp: string;
  srcPort?: number;
  dstPort?: number;
  protocolNumber: number;
  action: "ACCEPT" | "REJECT";
};

/**
 * The address a record shows for the ENI's own side (aws-rules §6.1, §6.3): an own IPv4 address as
 * the primary private IPv4; IPv6 as is; a packet that is only passing through (an intermediate ENI
 * such as a NAT gateway's: AWS "Flow log record examples", NAT gateway section) as the ENI's primary
 * private IPv4 – srcaddr for outgoing, dstaddr for incoming traffic.
 */
function ownSide(o: FlowObservation, ip: string): string {
  return ip.includes(":") ? ip : o.primaryIp;
}

/** Deterministic packet/byte counts: 10 TCP packets of 60 bytes, 4 UDP/ICMP packets of 84 bytes. */
export function toFlowLogRecord(o: FlowObservation, now: number): FlowLogRecord {
  const packets = o.protocolNumber === 6 ? 10 : 4;
  const bytes = packets * (o.protocolNumber === 6 ? 60 : 84);
  return {
    version: 2,
    accountId: o.accountId,
    interfaceId: o.interfaceId,
    srcAddr: o.inbound ? o.srcIp : ownSide(o, o.srcIp),
    dstAddr: o.inbound ? ownSide(o, o.dstIp) : o.dstIp,
    srcPort: o.srcPort ?? 0,
    dstPort: o.dstPort ?? 0,
    protocol: o.protocolNumber,
    packets,
    bytes,
    start: now,
    end: now + FLOW_LOG_WINDOW_SECONDS,
    action: o.action,
    logStatus: "OK",
  };
}
