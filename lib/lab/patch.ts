// A patch: the changes that turn one topology into another, item by item in its top-level lists. Every lab
// edit is answered with the patch that undoes it, so undo and redo are one more patch, whatever the edit was
// (a form, a proposed fix, the code editor), and the diff against where the lab started is a patch too.
import type { Topology } from "@/lib/net";

/** A top-level list of the topology (`routeTables`, `securityGroups`, ...). */
export type Collection = {
  [K in keyof Topology]-?: Topology[K] extends readonly unknown[] ? K : never;
}[keyof Topology];
/** A top-level field that is not a list of resources (`description`, `region`, ...). */
export type Field = Exclude<keyof Topology, Collection>;

export type Change =
  | { readonly op: "insert"; readonly collection: Collection; readonly index: number; readonly item: unknown }
  | { readonly op: "remove"; readonly collection: Collection; readonly index: number; readonly item: unknown }
  | {
      readonly op: "replace";
      readonly collection: Collection;
      readonly index: number;
      readonly before: unknown;
      readonly after: unknown;
    }
  | { readonly op: "set-field"; readonly field: Field; readonly before: unknown; readonly after: unknown };

/** Applied in order: each change's index is where the list stands after the changes before it. */
export type Patch = readonly Change[];

export type PatchResult = { ok: true; topology: Topology } | { ok: false; index: number; error: string };

// Edits share every unchanged list and item with the topology they edit, so identity settles most comparisons.
const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

const identity = (item: unknown): string => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" ? `id:${id}` : `json:${JSON.stringify(item)}`;
};

function isList(topology: Topology, key: string): boolean {
  return (
    Array.isArray((topology as Record<string, unknown>)[key]) && key !== "regions" && key !== "assumptions"
  );
}

function listOf(topology: Topology, collection: Collection): readonly unknown[] {
  return ((topology as Record<string, unknown>)[collection] as readonly unknown[] | undefined) ?? [];
}

function applyChange(topology: Topology, change: Change): Topology | string {
  if (change.op === "set-field") {
    const current = (topology as Record<string, unknown>)[change.field];
    if (!same(current, change.before)) return `${change.field} is no longer what the change expects`;
    if (change.after === undefined)
      return Object.fromEntries(Object.entries(topology).filter(([key]) => key !== change.field)) as Topology;
    return { ...topology, [change.field]: change.after };
  }
  const list = listOf(topology, change.collection).slice();
  const where = `${change.collection}[${change.index}]`;
  if (change.op === "insert") {
    if (change.index < 0 || change.index > list.length) return `${where}: no such place in the list`;
    list.splice(change.index, 0, change.item);
  } else {
    if (!same(list[change.index], change.op === "remove" ? change.item : change.before))
      return `${where} is no longer what the change expects`;
    if (change.op === "remove") list.splice(change.index, 1);
    else list[change.index] = change.after;
  }
  return { ...topology, [change.collection]: list };
}

export function applyPatch(topology: Topology, patch: Patch): PatchResult {
  let current = topology;
  for (const [index, change] of patch.entries()) {
    const next = applyChange(current, change);
    if (typeof next === "string") return { ok: false, index, error: next };
    current = next;
  }
  return { ok: true, topology: current };
}

function invertChange(change: Change): Change {
  switch (change.op) {
    case "insert":
      return { ...change, op: "remove" };
    case "remove":
      return { ...change, op: "insert" };
    case "replace":
      return { ...change, before: change.after, after: change.before };
    case "set-field":
      return { ...change, before: change.after, after: change.before };
  }
}

/** The patch that undoes `patch` (applied to what `patch` produced). */
export function invertPatch(patch: Patch): Patch {
  return patch.slice().reverse().map(invertChange);
}

function diffList(collection: Collection, from: readonly unknown[], to: readonly unknown[]): Change[] {
  const changes: Change[] = [];
  const wanted = new Set(to.map(identity));
  const current = from.slice();
  // First what is gone (from the end, so the indices before stay right), then walk the target in order.
  for (let index = current.length - 1; index >= 0; index -= 1) {
    if (!wanted.has(identity(current[index]))) {
      changes.push({ op: "remove", collection, index, item: current[index] });
      current.splice(index, 1);
    }
  }
  for (let index = 0; index < to.length; index += 1) {
    const item = to[index];
    const key = identity(item);
    const at = current.findIndex((candidate, position) => position >= index && identity(candidate) === key);
    if (at === -1) {
      changes.push({ op: "insert", collection, index, item });
      current.splice(index, 0, item);
      continue;
    }
    if (at !== index) {
      const moved = current[at];
      changes.push({ op: "remove", collection, index: at, item: moved });
      current.splice(at, 1);
      changes.push({ op: "insert", collection, index, item: moved });
      current.splice(index, 0, moved);
    }
    if (!same(current[index], item)) {
      changes.push({ op: "replace", collection, index, before: current[index], after: item });
      current[index] = item;
    }
  }
  // Items beyond the target's length are duplicates of kept keys: drop them.
  for (let index = current.length - 1; index >= to.length; index -= 1)
    changes.push({ op: "remove", collection, index, item: current[index] });
  return changes;
}

/** The patch that turns `from` into `to`. */
export function diffTopologies(from: Topology, to: Topology): Patch {
  const changes: Change[] = [];
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])] as (keyof Topology)[];
  for (const key of keys) {
    const a = (from as Record<string, unknown>)[key];
    const b = (to as Record<string, unknown>)[key];
    if (same(a, b)) continue;
    if ((a === undefined || isList(from, key)) && (b === undefined || isList(to, key)))
      changes.push(...diffList(key as Collection, (a ?? []) as unknown[], (b ?? []) as unknown[]));
    else changes.push({ op: "set-field", field: key as Field, before: a, after: b });
  }
  return changes;
}

/** One line per change, for the learner: `+ routeTables rtb-a`, `~ securityGroups sg-web`, ... */
export function describeChange(change: Change): string {
  if (change.op === "set-field") return `~ ${change.field}`;
  const item = change.op === "replace" ? change.after : change.item;
  const id = (item as { id?: unknown } | null)?.id;
  const label = typeof id === "string" ? id : `#${change.index + 1}`;
  const sign = change.op === "insert" ? "+" : change.op === "remove" ? "-" : "~";
  return `${sign} ${change.collection} ${label}`;
}
