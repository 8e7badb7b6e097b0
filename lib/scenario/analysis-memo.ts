// One question's analyses of one query, by topology content rather than by topology object. A distractor is
// disproved by putting the shown setup's version of the blamed component back into the distractor's variant
// (reach-question.ts, `disprove`); for a variant with that one fault the result holds exactly the lists of the
// setup the variant was made from, in a new top-level object. Keyed by object, each such topology was analysed
// again: a quarter of a can-a-reach-c question's analyses and a third of an edge-to-edge one's.
// Exact, not a heuristic: two topologies whose fields hold the very same values (lists element by element, by
// identity) have the same content, and analyze's answer depends on the content only. Topologies are deeply
// readonly, so an object seen once cannot change later. Imported topologies with `assumptions` are not
// remembered: their analyses record assumed on-premises sites in the network's memo.
// Owned by the caller (one per question), never module-level.
import {
  analyze,
  buildNetwork,
  type Analysis,
  type AnalyzeOptions,
  type NetworkCache,
  type Query,
  type Topology,
} from "../net/index";
import { topologyWithMap } from "./topology-builder";

export class AnalysisMemo {
  private readonly entries: Entry[] = [];

  constructor(
    private readonly query: Query,
    private readonly cache: NetworkCache,
  ) {}

  /**
   * `verdict`: the caller reads only `reachable` and the first blocker, so a blocked analysis may stop at its
   * first blocker (analyze's `firstBlocker`: most variants of a question are analysed only for their "No" option).
   * Without it the full analysis is returned, made again if the remembered one was stopped early.
   */
  analyze(topology: Topology, verdict = false): Analysis {
    // The very same object first (the shown variant and a fix are often an earlier variant's topology).
    for (const entry of this.entries) if (entry.topology === topology) return this.read(entry, verdict);
    // Each topology's keys and values are read once into arrays, then compared index by index: sameFields on
    // every entry read both topologies by dynamic key each time (about 4 % of an edge-to-edge question).
    const { keys, values } = flatten(topology, this.entries);
    for (const entry of this.entries)
      if (sameEntry(entry, topology, keys, values)) return this.read(entry, verdict);
    return this.add(topology, keys, values, verdict);
  }

  /**
   * The analysis of `{ ...base }` with the lists `changes` holds by key (keys of `base`) put in. That object is
   * built only when no entry has its content: most of disprove's transplants are a setup analysed before, and
   * copying the topology was the costliest step of each (the copy takes V8's generic path, since topologies
   * come in many shapes).
   */
  analyzeWith(base: Topology, changes: ReadonlyMap<string, unknown>, verdict = false): Analysis {
    const { keys, values } = remembered(base, this.entries) ?? flatten(base, this.entries);
    for (const [key, value] of changes) values[keys.indexOf(key)] = value;
    return this.withValues(base, keys, values, () => changes, verdict);
  }

  /**
   * analyzeWith(base, changes) for the changes disprove makes: every list of `base` that holds an item with this
   * id, copied with `replacement` in its place. The lists are found in the base's fields as flattened (those of
   * its entry when the base was analysed before, as disprove's variants are), and the map of changes is made
   * only when the changed topology has to be built: no second pass over the topology's keys.
   */
  analyzeReplaced(base: Topology, id: string, replacement: object, verdict = false): Analysis {
    const { keys, values } = remembered(base, this.entries) ?? flatten(base, this.entries);
    let changed: number[] | undefined;
    for (let k = 0; k < values.length; k += 1) {
      const value = values[k];
      if (!Array.isArray(value)) continue;
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i += 1) {
        const x: unknown = value[i];
        if (x !== null && typeof x === "object" && (x as { id?: unknown }).id === id) {
          copy ??= value.slice();
          copy[i] = replacement;
        }
      }
      if (copy) {
        values[k] = copy;
        (changed ??= []).push(k);
      }
    }
    const changesOf = (): Map<string, unknown> => {
      const out = new Map<string, unknown>();
      if (changed) for (const k of changed) out.set(keys[k] as string, values[k]);
      return out;
    };
    return this.withValues(base, keys, values, changesOf, verdict);
  }

  /** The analysis of `base` with `changes()` put in, whose fields are `values` (keys of `base`, in order). */
  private withValues(
    base: Topology,
    keys: readonly string[],
    values: unknown[],
    changes: () => ReadonlyMap<string, unknown>,
    verdict: boolean,
  ): Analysis {
    for (const entry of this.entries) {
      // sameEntry falls back to sameFields for keys in another order: give it the object after all.
      if (entry.keys.length === keys.length && !sameOrder(entry.keys, keys))
        return this.analyze(withChanges(base, changes()), verdict);
      if (sameEntry(entry, base, keys, values)) return this.read(entry, verdict);
    }
    return this.add(withChanges(base, changes()), keys, values, verdict);
  }

  private add(topology: Topology, keys: readonly string[], values: unknown[], verdict: boolean): Analysis {
    const analysis = this.run(topology, verdict);
    if (topology.assumptions === undefined) this.entries.push({ topology, keys, values, analysis });
    return analysis;
  }

  /** An entry's analysis; one stopped at its first blocker is made again in full when the caller needs that. */
  private read(entry: Entry, verdict: boolean): Analysis {
    if (verdict || entry.analysis.truncated !== true) return entry.analysis;
    return (entry.analysis = this.run(entry.topology, false));
  }

  private run(topology: Topology, verdict: boolean): Analysis {
    return analyze(buildNetwork(topology, this.cache), this.query, verdict ? VERDICT : FULL);
  }
}

const VERDICT: AnalyzeOptions = { firstBlocker: true };
const FULL: AnalyzeOptions = {};

/**
 * The topology's keys in for...in order, and the value of each. The keys are usually those of the first entry in
 * the same order (one question's topologies are copies of one another): then that entry's array is reused rather
 * than a new one made per lookup.
 */
function flatten(
  topology: Topology,
  entries: readonly Entry[],
): { keys: readonly string[]; values: unknown[] } {
  const reference = entries[0]?.keys;
  const values: unknown[] = reference !== undefined ? new Array<unknown>(reference.length) : [];
  const fields = topology as unknown as Readonly<Record<string, unknown>>;
  let same = reference !== undefined;
  let k = 0;
  for (const key in fields) {
    if (same && reference?.[k] !== key) same = false;
    values[k] = fields[key];
    k += 1;
  }
  if (same && k === reference?.length) return { keys: reference, values };
  const keys: string[] = [];
  for (const key in fields) keys.push(key);
  return { keys, values };
}

/**
 * The fields of a topology remembered as an entry (the very same object), copied so the caller may write to
 * them: what flatten would read, since a topology never changes.
 */
function remembered(
  topology: Topology,
  entries: readonly Entry[],
): { keys: readonly string[]; values: unknown[] } | undefined {
  for (const entry of entries)
    if (entry.topology === topology) return { keys: entry.keys, values: entry.values.slice() };
  return undefined;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  for (let k = 0; k < a.length; k += 1) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * A copy with the topology's keys in order: through build()'s literal for a built topology (one V8 hidden class
 * for every variant, see topologyWith), else a spread. Filling an empty object key by key made a new shape and
 * was 2 % of a question's allocations.
 */
function withChanges(base: Topology, changes: ReadonlyMap<string, unknown>): Topology {
  return topologyWithMap(base, changes);
}

type Entry = {
  readonly topology: Topology;
  /** The topology's keys in for...in order, and the value of each. */
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  /** Replaced by the full analysis when one stopped at its first blocker is asked for in full. */
  analysis: Analysis;
};

/** sameFields(entry.topology, topology), from the flattened fields; keys in another order fall back to it. */
function sameEntry(
  entry: Entry,
  topology: Topology,
  keys: readonly string[],
  values: readonly unknown[],
): boolean {
  const n = keys.length;
  // A different number of keys means a key only one side has.
  if (entry.keys.length !== n) return false;
  for (let k = 0; k < n; k += 1) {
    if (entry.keys[k] !== keys[k]) return sameFields(entry.topology, topology);
    const u = entry.values[k];
    const v = values[k];
    if (u === v) continue;
    if (!Array.isArray(u) || !Array.isArray(v) || u.length !== v.length) return false;
    for (let i = 0; i < u.length; i += 1) if (u[i] !== v[i]) return false;
  }
  return true;
}

/**
 * Whether two topologies hold the same value in every field: the same object, or for a list the same length and
 * the same objects in the same order. A field present in one and absent from the other differs.
 */
export function sameFields(a: Topology, b: Topology): boolean {
  if (a === b) return true;
  const x = a as unknown as Readonly<Record<string, unknown>>;
  const y = b as unknown as Readonly<Record<string, unknown>>;
  for (const key in x) {
    const u = x[key];
    const v = y[key];
    if (u === v) {
      if (u === undefined && !(key in y)) return false;
      continue;
    }
    if (!Array.isArray(u) || !Array.isArray(v) || u.length !== v.length) return false;
    for (let i = 0; i < u.length; i += 1) if (u[i] !== v[i]) return false;
  }
  for (const key in y) if (!(key in x)) return false;
  return true;
}
