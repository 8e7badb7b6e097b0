// A topology back to the text a learner edits. The parsed topology carries every default (empty lists,
// `main: false`, `origin: static`, ...), which would bury the few lines that matter, so those are left out —
// but only the values the schema fills in by itself (tests/lab parse every text back to its topology).
import type { Topology } from "@/lib/net";
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

/** Lists whose absence means something else than empty: a security group without `outbound` allows all egress. */
const EMPTY_MEANS_SOMETHING = new Set(["outbound", "assumptions", "virtualInterfaces"]);

function plain(value: unknown, dropDefaults: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => plain(item, dropDefaults));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (Array.isArray(field) && field.length === 0 && !EMPTY_MEANS_SOMETHING.has(key)) continue;
    if (dropDefaults && key in DEFAULT_VALUES && DEFAULT_VALUES[key] === field) continue;
    out[key] = plain(field, dropDefaults);
  }
  return out;
}

export function topologyText(topology: Topology, format: TopologyFormat): string {
  const data = plain(topology, true);
  // Fixes share unchanged objects with the input; toYaml writes no aliases (&a1/*a1), which would confuse a learner.
  return format === "json" ? `${JSON.stringify(data, null, 2)}\n` : toYaml(data as object);
}
