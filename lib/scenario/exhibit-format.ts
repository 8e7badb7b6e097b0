// Cell texts shared by the exhibit's tables: labels, protocols and port ranges as the AWS console writes them.
import type * as T from "../net/index";

export function labelOf(id: string, name: string | undefined): string {
  return name !== undefined && name !== id ? `${name} (${id})` : id;
}

export function vpcLabel(t: T.Topology, vpcId: string | undefined): string {
  if (vpcId === undefined) return "—";
  const vpc = t.vpcs.find((v) => v.id === vpcId);
  return vpc ? labelOf(vpc.id, vpc.name) : vpcId;
}

export function subnetLabel(t: T.Topology, subnetId: string): string {
  const subnet = t.subnets.find((s) => s.id === subnetId);
  return subnet ? labelOf(subnet.id, subnet.name) : subnetId;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  all: "All",
  "-1": "All",
  tcp: "TCP",
  "6": "TCP",
  udp: "UDP",
  "17": "UDP",
  icmp: "ICMP",
  "1": "ICMP",
  icmpv6: "ICMPv6",
  "58": "ICMPv6",
};

export function protocolText(protocol: T.RuleProtocol): string {
  return PROTOCOL_NAMES[String(protocol)] ?? `protocol ${protocol}`;
}

export function portRangeText(
  protocol: T.RuleProtocol,
  fromPort: number | undefined,
  toPort: number | undefined,
): string {
  if (protocol === "all" || protocol === -1 || fromPort === undefined) return "All";
  const to = toPort ?? fromPort;
  return to === fromPort ? String(fromPort) : `${fromPort}-${to}`;
}

export function listText(items: readonly string[], empty = "none"): string {
  return items.length > 0 ? items.join(", ") : empty;
}

/**
 * Columns that say nothing for this question (every row holds the column's default) are dropped, so a plain
 * single-Region, single-account question is not drowned in "us-east-1" and "running". Callers copy `columns`
 * and `rows` into their table by name: `{ kind, caption, ...kept }` (a spread after keys) took V8's runtime
 * path, ~0.3 µs per table of every exhibit.
 */
export function dropDefaultColumns(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  defaults: Readonly<Record<string, string | undefined>>,
): { columns: string[]; rows: string[][] } {
  // Loops rather than map/some/filter with closures: every table of every exhibit comes through here.
  // Walks the few defaults (for...in, on the literal's enumeration cache) and finds each one's column, rather
  // than look every column up in `defaults`: a keyed load by column name, mostly missing, on a literal of a
  // different shape at each caller was 1 % of an edge-to-edge question.
  const keep: boolean[] = [];
  for (let i = 0; i < columns.length; i += 1) keep.push(true);
  let dropAny = false;
  for (const column in defaults) {
    const fallback = defaults[column];
    const i = columns.indexOf(column);
    if (i < 0 || fallback === undefined) continue;
    let kept = false;
    for (let r = 0; !kept && r < rows.length; r += 1)
      kept = ((rows[r] as readonly string[])[i] ?? "") !== fallback;
    if (!kept) {
      keep[i] = false;
      dropAny = true;
    }
  }
  // Every table builds its rows afresh for this call: when every column stays, they are the result as they are
  // (a copy of each row per table was 2 % of a hybrid question).
  if (!dropAny) return { columns: columns.slice(), rows: rows as string[][] };
  return { columns: keptCells(columns, keep), rows: rows.map((row) => keptCells(row, keep)) };
}

function keptCells(cells: readonly string[], keep: readonly boolean[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i += 1) if (keep[i] === true) out.push(cells[i] as string);
  return out;
}
