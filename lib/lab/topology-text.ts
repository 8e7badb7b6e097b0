// A topology back to the text a learner edits. The parsed topology carries every default (empty lists,
// `main: false`, `origin: static`, ...), which would bury the few lines that matter, so those are left out —
// but only the values the schema fills in by itself (tests/lab parse every text back to its topology).
import type { Topology } from "@/lib/net";
import { scalar, toYaml, yamlListItem } from "./yaml-text";

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

/**
 * The YAML of each top-level list item already written, by item. An edit returns a topology that shares every
 * item it did not change (lib/lab/patch.ts), so the next text rewrites only the changed ones: writing a 50-VPC
 * text went from about a third of a lab turn to a join. Owned by the caller (the lab worker keeps one).
 */
export type TextCache = { readonly yamlItems: WeakMap<object, string> };

export const createTextCache = (): TextCache => ({ yamlItems: new WeakMap() });

const isItem = (value: unknown): value is object => value !== null && typeof value === "object";

/** The same text as `toYaml(plain(topology, true))`, with list items taken from the cache when unchanged. */
function cachedYaml(topology: Topology, cache: TextCache): string {
  const parts: string[] = [];
  for (const [key, field] of Object.entries(topology) as [string, unknown][]) {
    if (field === undefined) continue;
    if (Array.isArray(field) && field.length === 0 && !EMPTY_MEANS_SOMETHING.has(key)) continue;
    if (key in DEFAULT_VALUES && DEFAULT_VALUES[key] === field) continue;
    if (!Array.isArray(field) || field.length === 0 || !field.every(isItem)) {
      parts.push(toYaml({ [key]: plain(field, true) }).slice(0, -1));
      continue;
    }
    parts.push(`${scalar(key)}:`);
    for (const item of field) {
      let text = cache.yamlItems.get(item);
      if (text === undefined) {
        text = yamlListItem(plain(item, true), 2);
        cache.yamlItems.set(item, text);
      }
      parts.push(text);
    }
  }
  return `${parts.join("\n")}\n`;
}

export function topologyText(topology: Topology, format: TopologyFormat, cache?: TextCache): string {
  if (format === "yaml" && cache) return cachedYaml(topology, cache);
  const data = plain(topology, true);
  // Fixes share unchanged objects with the input; toYaml writes no aliases (&a1/*a1), which would confuse a learner.
  return format === "json" ? `${JSON.stringify(data, null, 2)}\n` : toYaml(data as object);
}
