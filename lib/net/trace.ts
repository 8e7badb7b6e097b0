// The model's trace vocabulary (Batfish/RA style: hops with inbound/outbound headers, the matched
// rule, blockers with explanation codes). It is the single source for verdicts, explanations and
// flow-log lines (style.md).
import type { Protocol, Query } from "./query";
import type { FlowLogRecord } from "./flow-logs";

export type PacketHeader = { srcIp: string; dstIp: string; protocol: Protocol; srcPort?: number; dstPort?: number };

export type ComponentRef = { id: string; type: string; name?: string };

/** A component reference computed once when the network is built and shared by every trace, so frozen. */
export function componentRef(id: string, type: string, name?: string): ComponentRef {
  return Object.freeze(name !== undefined ? { id, type, name } : { id, type });
}

export type MatchedKind = "route" | "tgw-route" | "sg-rule" | "nacl-rule" | "prefix-list" | "dns" | "translation";

export type Hop = {
  component: ComponentRef;
  /** e.g. "send", "allow", "deny", "forward", "deliver", "translate", "drop". */
  action: string;
  matched?: { kind: MatchedKind; description: string };
  inbound?: PacketHeader;
  outbound?: PacketHeader;
  direction: "forward" | "return";
};

/** code: an RA explanation code (aws-rules §2.4) where one fits, else RCH_… (ours). */
export type Blocker = { code: string; component: string; message: string; rules: string[]; direction?: "forward" | "return" };

export type Detail = { code: string; message: string };

export type Analysis = {
  reachable: boolean;
  query: Query;
  forward: Hop[];
  return: Hop[];
  blockers: Blocker[];
  flowLogs: FlowLogRecord[];
  details?: Detail[];
};
