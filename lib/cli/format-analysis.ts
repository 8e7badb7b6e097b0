import { formatFlowLogRecord, type FlowLogRecord } from "../net/flow-logs";
import type { Analysis, Blocker, Hop, PacketHeader } from "../net/trace";
import type { Query } from "../net/query";

// The two renderings of an Analysis: a short trace a learner can follow, and the stable JSON
// documented in docs/cli.md. Both are computed from the model's trace only (style.md).

export const ANALYSIS_JSON_VERSION = 1;

export type AnalysisJson = {
  version: typeof ANALYSIS_JSON_VERSION;
  /** What an import from AWS output assumed (the import's, then this query's); first, so it is read first. */
  assumptions: string[];
  reachable: boolean;
  query: Query;
  forward: Hop[];
  return: Hop[];
  blockers: Blocker[];
  flowLogs: (FlowLogRecord & { line: string })[];
  details: { code: string; message: string }[];
  warnings: string[];
};

/**
 * The import's assumptions, then those this query's trace made (every RCH_ASSUMED_* detail: on-premises
 * networks, appliances behind a Gateway Load Balancer, a regional NAT gateway's zone).
 */
export function assumptionsFor(analysis: Analysis, imported: readonly string[] = []): string[] {
  const out = [...imported];
  for (const d of analysis.details ?? [])
    if (d.code.startsWith("RCH_ASSUMED_") && !out.includes(d.message)) out.push(d.message);
  return out;
}

export function analysisToJson(
  analysis: Analysis,
  warnings: readonly string[] = [],
  assumptions: readonly string[] = [],
): AnalysisJson {
  return {
    version: ANALYSIS_JSON_VERSION,
    assumptions: assumptionsFor(analysis, assumptions),
    reachable: analysis.reachable,
    query: analysis.query,
    forward: analysis.forward,
    return: analysis.return,
    blockers: analysis.blockers.map((b) => ({ ...b, rules: [...b.rules] })),
    flowLogs: analysis.flowLogs.map((r) => ({ ...r, line: formatFlowLogRecord(r) })),
    details: analysis.details ?? [],
    warnings: [...warnings],
  };
}

function endpoint(ip: string, port: number | undefined): string {
  const host = ip.includes(":") ? `[${ip}]` : ip;
  return port === undefined ? host : `${host}:${port}`;
}

export function formatHeader(h: PacketHeader): string {
  return `${endpoint(h.srcIp, h.srcPort)} -> ${endpoint(h.dstIp, h.dstPort)} ${h.protocol}`;
}

const sameHeader = (a: PacketHeader, b: PacketHeader): boolean =>
  a.srcIp === b.srcIp &&
  a.dstIp === b.dstIp &&
  a.srcPort === b.srcPort &&
  a.dstPort === b.dstPort &&
  a.protocol === b.protocol;

function componentLabel(hop: Hop): string {
  const { id, type, name } = hop.component;
  return name === undefined || name === id ? `${type} ${id}` : `${type} ${name} (${id})`;
}

/** Numbered hops; the packet header is shown on the first hop and wherever a hop rewrites it (NAT). */
function formatPath(title: string, hops: readonly Hop[]): string[] {
  if (hops.length === 0) return [`${title}: (none)`];
  const lines = [`${title}:`];
  let last: PacketHeader | undefined;
  hops.forEach((hop, index) => {
    lines.push(`  ${index + 1}. ${hop.action.padEnd(9)} ${componentLabel(hop)}`);
    if (hop.matched !== undefined)
      lines.push(`       matched ${hop.matched.kind}: ${hop.matched.description}`);
    const inbound = hop.inbound ?? last;
    if (hop.outbound !== undefined && inbound !== undefined && !sameHeader(inbound, hop.outbound)) {
      lines.push(`       header  ${formatHeader(inbound)}  =>  ${formatHeader(hop.outbound)}`);
    } else if (last === undefined && (inbound ?? hop.outbound) !== undefined) {
      lines.push(`       header  ${formatHeader((inbound ?? hop.outbound) as PacketHeader)}`);
    }
    last = hop.outbound ?? hop.inbound ?? last;
  });
  return lines;
}

function formatQuery(q: Query): string {
  const port = q.port === undefined ? "" : ` port ${q.port}`;
  return `${q.from} -> ${q.to} (${q.protocol}${port})`;
}

function formatBlocker(b: Blocker, index: number): string[] {
  const where = b.direction === undefined ? "" : ` on the ${b.direction} path`;
  const rules = b.rules.length === 0 ? "" : ` [${b.rules.join(", ")}]`;
  return [`  ${index + 1}. ${b.code} at ${b.component}${where}${rules}`, `     ${b.message}`];
}

export function formatAnalysisText(
  analysis: Analysis,
  warnings: readonly string[] = [],
  assumptions: readonly string[] = [],
): string {
  const blockers = analysis.blockers.length;
  const verdict = analysis.reachable
    ? "REACHABLE"
    : `NOT REACHABLE (${blockers} blocker${blockers === 1 ? "" : "s"})`;
  const assumed = assumptionsFor(analysis, assumptions);
  const lines =
    assumed.length === 0
      ? []
      : ["Assumed (AWS output does not show these):", ...assumed.map((a) => `  - ${a}`), ""];
  lines.push(`Query:   ${formatQuery(analysis.query)}`, `Verdict: ${verdict}`, "");
  lines.push(...formatPath("Forward path", analysis.forward), "");
  lines.push(...formatPath("Return path", analysis.return));
  if (blockers > 0) lines.push("", "Blockers:", ...analysis.blockers.flatMap(formatBlocker));
  for (const d of analysis.details ?? [])
    if (d.code !== "RCH_ASSUMED_ON_PREMISES") lines.push("", `Note ${d.code}: ${d.message}`);
  if (analysis.flowLogs.length > 0) {
    lines.push(
      "",
      "Flow logs (version 2: version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status):",
    );
    for (const r of analysis.flowLogs) lines.push(`  ${formatFlowLogRecord(r)}`);
  }
  for (const w of warnings) lines.push(`warning: ${w}`);
  return `${lines.join("\n")}\n`;
}
