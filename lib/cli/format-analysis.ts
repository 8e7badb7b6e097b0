import { formatFlowLogRecord, type FlowLogRecord } from "../net/flow-logs";
import type { Analysis, Blocker, Hop, PacketHeader } from "../net/trace";
import type { Query } from "../net/query";
import { describePeeringSideIds, splitPeeringSideId } from "../net/import/tgw-peering-sides";
import { DEFAULT_PORT } from "../net/reachability";

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
  /** `repeated`: how many more identical blockers (same code, component, direction and text) were folded in. */
  blockers: (Blocker & { repeated?: number })[];
  flowLogs: (FlowLogRecord & { line: string })[];
  details: { code: string; message: string }[];
  warnings: string[];
};

/** Details that state an assumption of the trace rather than a note. */
const isAssumption = (code: string): boolean => code.startsWith("RCH_ASSUMED_");

/**
 * The import's assumptions, then those this query's trace made (every RCH_ASSUMED_* detail: on-premises
 * networks, a NAT instance, appliances behind a Gateway Load Balancer, a regional NAT gateway's zone).
 */
export function assumptionsFor(analysis: Analysis, imported: readonly string[] = []): string[] {
  const out = [...imported];
  for (const d of analysis.details ?? [])
    if (isAssumption(d.code) && !out.includes(d.message)) out.push(d.message);
  return out;
}

/**
 * Prose fields of a hop in words: the accepter's side of a TGW peering whose one attachment id both Regions
 * print is keyed `<id>@<tgw>` in the topology; ids (component.id, blockers' component) keep the key, which
 * is what ties a blocker to its hop.
 */
function hopInWords(hop: Hop): Hop {
  return hop.matched === undefined
    ? hop
    : { ...hop, matched: { ...hop.matched, description: describePeeringSideIds(hop.matched.description) } };
}

/**
 * Identical blockers folded into the first, with how many more there were: a walk that loops past the first
 * drop (a route back and forth between two tables) would otherwise list the same two faults dozens of times.
 */
export function foldRepeatedBlockers(blockers: readonly Blocker[]): { blocker: Blocker; repeated: number }[] {
  const out: { blocker: Blocker; repeated: number }[] = [];
  const byKey = new Map<string, { blocker: Blocker; repeated: number }>();
  for (const b of blockers) {
    const key = `${b.code}|${b.component}|${b.direction ?? ""}|${b.reached ?? ""}|${b.message}`;
    const seen = byKey.get(key);
    if (seen) seen.repeated++;
    else {
      const entry = { blocker: b, repeated: 0 };
      byKey.set(key, entry);
      out.push(entry);
    }
  }
  return out;
}

export function analysisToJson(
  analysis: Analysis,
  warnings: readonly string[] = [],
  assumptions: readonly string[] = [],
): AnalysisJson {
  return {
    version: ANALYSIS_JSON_VERSION,
    assumptions: assumptionsFor(analysis, assumptions).map(describePeeringSideIds),
    reachable: analysis.reachable,
    query: analysis.query,
    forward: analysis.forward.map(hopInWords),
    return: analysis.return.map(hopInWords),
    blockers: foldRepeatedBlockers(analysis.blockers).map(({ blocker: b, repeated }) => ({
      ...b,
      message: describePeeringSideIds(b.message),
      rules: [...b.rules],
      ...(repeated > 0 ? { repeated } : {}),
    })),
    flowLogs: analysis.flowLogs.map((r) => ({ ...r, line: formatFlowLogRecord(r) })),
    details: (analysis.details ?? []).map((d) => ({ ...d, message: describePeeringSideIds(d.message) })),
    warnings: warnings.map(describePeeringSideIds),
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

/** A peering side keyed `<id>@<tgw>` reads "tgw-attach-0abc on tgw-0def": the id AWS prints and its TGW. */
function componentLabel(hop: Hop): string {
  const { id, type, name } = hop.component;
  const side = splitPeeringSideId(id);
  const shown = side === undefined ? id : `${side.attachmentId} on ${side.transitGatewayId}`;
  if (name === undefined || name === id) return side === undefined ? `${type} ${id}` : `${type} ${shown}`;
  return `${type} ${name} (${shown})`;
}

/**
 * Numbered hops; the packet header is shown on the first hop and wherever a hop rewrites it (NAT). A hop the
 * packet never got to (the walk goes on past a blocker to find every fault) says so.
 */
function formatPath(title: string, hops: readonly Hop[]): string[] {
  if (hops.length === 0) return [`${title}: (none)`];
  const lines = [`${title}:`];
  let last: PacketHeader | undefined;
  hops.forEach((hop, index) => {
    const notReached = hop.reached === false ? "  (not reached)" : "";
    lines.push(`  ${index + 1}. ${hop.action.padEnd(9)} ${componentLabel(hop)}${notReached}`);
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
  // Without --port the model still uses one (DEFAULT_PORT): shown, so the line says what was asked.
  const port =
    q.port !== undefined
      ? ` port ${q.port}`
      : q.protocol === "tcp" || q.protocol === "udp"
        ? ` port ${DEFAULT_PORT[q.protocol]}, the default`
        : "";
  return `${q.from} -> ${q.to} (${q.protocol}${port})`;
}

/** The return path's title: a reply to a request that never arrived is what would happen if it had. */
function returnTitle(analysis: Analysis): string {
  const hops = analysis.return;
  if (hops.length > 0 && hops.every((h) => h.reached === false))
    return "Return path (not reached: the request was dropped; shown as if it had arrived)";
  return "Return path";
}

/** RFC 5737 / RFC 3849 documentation addresses: what the model uses for a host on the internet. */
const STAND_IN = /^(?:192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:)/i;

/** A query to or from "internet" (or a public service) shows a documentation address: say it stands in. */
function standInNote(analysis: Analysis): string[] {
  const { from, to } = analysis.query;
  const first = analysis.forward.find((h) => h.outbound ?? h.inbound);
  const header = first?.outbound ?? first?.inbound;
  if (!header) return [];
  const out: string[] = [];
  if (STAND_IN.test(header.srcIp) && header.srcIp !== from)
    out.push(
      `${header.srcIp} stands in for the ${from === "internet" ? "internet" : from} host (a documentation address)`,
    );
  if (STAND_IN.test(header.dstIp) && header.dstIp !== to)
    out.push(
      `${header.dstIp} stands in for the ${to === "internet" ? "internet" : to} host (a documentation address)`,
    );
  return out.length === 0 ? [] : [`Address: ${out.join("; ")}`];
}

function formatBlocker(
  { blocker: b, repeated }: { blocker: Blocker; repeated: number },
  index: number,
): string[] {
  const where = b.direction === undefined ? "" : ` on the ${b.direction} path`;
  const rules = b.rules.length === 0 ? "" : ` [${b.rules.join(", ")}]`;
  const more = repeated === 0 ? "" : ` (and ${repeated} more time${repeated === 1 ? "" : "s"})`;
  return [`  ${index + 1}. ${b.code} at ${b.component}${where}${rules}${more}`, `     ${b.message}`];
}

export function formatAnalysisText(
  analysis: Analysis,
  warnings: readonly string[] = [],
  assumptions: readonly string[] = [],
): string {
  const folded = foldRepeatedBlockers(analysis.blockers);
  const blockers = folded.length;
  const verdict = analysis.reachable
    ? "REACHABLE"
    : `NOT REACHABLE (${blockers} blocker${blockers === 1 ? "" : "s"})`;
  const assumed = assumptionsFor(analysis, assumptions);
  const lines =
    assumed.length === 0
      ? []
      : ["Assumed (AWS output does not show these):", ...assumed.map((a) => `  - ${a}`), ""];
  lines.push(`Query:   ${formatQuery(analysis.query)}`, ...standInNote(analysis), `Verdict: ${verdict}`, "");
  lines.push(...formatPath("Forward path", analysis.forward), "");
  lines.push(...formatPath(returnTitle(analysis), analysis.return));
  const root = folded.filter((f) => f.blocker.reached !== false);
  const further = folded.filter((f) => f.blocker.reached === false);
  if (root.length > 0) lines.push("", "Blockers:", ...root.flatMap(formatBlocker));
  // A warning sits after the flow logs, far from the verdict it can overturn (a prefix list whose entries were
  // not collected matches no address, so its rule never allows): point at it from the blockers.
  if (root.length > 0 && warnings.length > 0)
    lines.push(
      warnings.length === 1
        ? "  (The warning at the end names input that was missing or not read: it may change this verdict.)"
        : `  (The ${warnings.length} warnings at the end name input that was missing or not read: they may change this verdict.)`,
    );
  if (further.length > 0)
    lines.push(
      "",
      "Further along, past the first drop (the packet never got there; each is a consequence of the blocker above or a fault of its own):",
      ...further.flatMap((b, i) => formatBlocker(b, root.length + i)),
    );
  for (const d of analysis.details ?? [])
    if (!isAssumption(d.code)) lines.push("", `Note ${d.code}: ${d.message}`);
  if (analysis.flowLogs.length > 0) {
    lines.push(
      "",
      "Flow logs (version 2: version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status):",
    );
    for (const r of analysis.flowLogs) lines.push(`  ${formatFlowLogRecord(r)}`);
  }
  for (const w of warnings) lines.push(`warning: ${w}`);
  // Whatever names a peering side by its internal key (a matched route, a blocker, a note) says it in words.
  return `${describePeeringSideIds(lines.join("\n"))}\n`;
}
