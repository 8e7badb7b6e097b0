// A topology back to the text a learner edits. The parsed topology carries every default (empty lists), which
// would bury the few lines that matter, so empty lists are left out: parsing the text gives the same topology.
import { stringify } from "yaml";
import type { Topology } from "@/lib/net";

export type TopologyFormat = "yaml" | "json";

function withoutEmptyLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyLists);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || (Array.isArray(field) && field.length === 0)) continue;
    out[key] = withoutEmptyLists(field);
  }
  return out;
}

export function topologyText(topology: Topology, format: TopologyFormat): string {
  const plain = withoutEmptyLists(topology);
  // Fixes share unchanged objects with the input; aliases (&a1/*a1) would confuse a learner, so none.
  return format === "json"
    ? `${JSON.stringify(plain, null, 2)}\n`
    : stringify(plain, { aliasDuplicateObjects: false, lineWidth: 0 });
}
