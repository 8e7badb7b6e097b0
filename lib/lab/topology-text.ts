// A topology back to the text a learner edits. The parsed topology carries every default (empty lists,
// `main: false`, `origin: static`, ...), which would bury the few lines that matter, so those are left out —
// but only when parsing the shorter text gives exactly what parsing the full one does.
import { parseTopology, type Topology } from "@/lib/net";
import { toYaml } from "./yaml-text";

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

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = b as Record<string, unknown>;
  if (left.length !== Object.values(right).filter((value) => value !== undefined).length) return false;
  return left.every(([key, value]) => deepEqual(value, right[key]));
}

/** The topology is already parsed (every default filled in): one parse of the short form settles it. */
function parsesTo(short: unknown, topology: Topology): boolean {
  const parsed = parseTopology(short);
  return parsed.ok && deepEqual(parsed.topology, topology);
}

export function topologyText(topology: Topology, format: TopologyFormat): string {
  const full = plain(topology, false);
  const short = plain(topology, true);
  const data = parsesTo(short, topology) ? short : full;
  // Fixes share unchanged objects with the input; toYaml writes no aliases (&a1/*a1), which would confuse a learner.
  return format === "json" ? `${JSON.stringify(data, null, 2)}\n` : toYaml(data as object);
}
