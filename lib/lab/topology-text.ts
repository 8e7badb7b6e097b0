// A topology back to the text a learner edits. The parsed topology carries every default (empty lists,
// `main: false`, `origin: static`, ...), which would bury the few lines that matter, so those are left out —
// but only when parsing the shorter text gives exactly what parsing the full one does.
import { stringify } from "yaml";
import { parseTopology, type Topology } from "@/lib/net";

export type TopologyFormat = "yaml" | "json";

/** Field values the schema fills in when a field is absent (docs/topology-format.md). */
const DEFAULT_VALUES: Readonly<Record<string, unknown>> = {
  enableDnsSupport: true,
  enableDnsHostnames: false,
  main: false,
  isDefault: false,
  origin: "static",
  state: "running",
  sourceDestCheck: true,
  applianceMode: false,
  requesterAllowDnsResolutionFromRemoteVpc: false,
  accepterAllowDnsResolutionFromRemoteVpc: false,
};

function plain(value: unknown, dropDefaults: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => plain(item, dropDefaults));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || (Array.isArray(field) && field.length === 0)) continue;
    if (dropDefaults && key in DEFAULT_VALUES && DEFAULT_VALUES[key] === field) continue;
    out[key] = plain(field, dropDefaults);
  }
  return out;
}

function sameWhenParsed(a: unknown, b: unknown): boolean {
  const left = parseTopology(a);
  const right = parseTopology(b);
  return left.ok && right.ok && JSON.stringify(left.topology) === JSON.stringify(right.topology);
}

export function topologyText(topology: Topology, format: TopologyFormat): string {
  const full = plain(topology, false);
  const short = plain(topology, true);
  const data = sameWhenParsed(short, full) ? short : full;
  // Fixes share unchanged objects with the input; aliases (&a1/*a1) would confuse a learner, so none.
  return format === "json"
    ? `${JSON.stringify(data, null, 2)}\n`
    : stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
}
