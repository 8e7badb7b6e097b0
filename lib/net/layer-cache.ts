// Memo for the parts ("layers") of a compiled network. Each layer is a pure function of a few topology
// lists (and of the network's core), so a layer compiled for one topology is reused for another whose lists
// hold the very same objects (===), element by element. That is what a question's nearby variants look
// like: lib/scenario's builder and edits and proposeFixes are copy-on-write, so a variant with one route
// changed shares every other list's objects with its base. The check is by identity, never by deep
// equality, one level into each object: every field value, and each array field by identity and length. So
// code that edits a topology in place between two analyses (tests do: `rt.routes.push(...)`,
// `endpoint.policy = "deny-all"`, `list[i] = {...}`) still gets a fresh layer. Only an edit inside an object
// nested in an array (`rt.routes[0].target = ...`) goes unnoticed: replace the object instead.
// A cache remembers the few most recent input sets, strongly: the generator reuses a layer within one
// question, and a WeakMap keyed by topology objects cost more in garbage collection than it saved. Large
// topologies (an imported account, the 10,000-VPC benchmark) are built once and not cached, so that the cache
// never holds on to one.

type Scalars = readonly unknown[];
type Lists = readonly (readonly unknown[])[];

/** The stamp of a layer's inputs, flattened: each scalar, then per list its length and each element's stamp. */
export function stampOf(scalars: Scalars, lists: Lists): unknown[] {
  const out: unknown[] = [...scalars];
  for (const list of lists) {
    out.push(list.length);
    for (const item of list) {
      out.push(item);
      if (item === null || typeof item !== "object") continue;
      for (const key in item) {
        const value = (item as Record<string, unknown>)[key];
        out.push(value);
        if (Array.isArray(value)) out.push(value.length);
      }
    }
  }
  return out;
}

/** Does a stored stamp describe these inputs? Walks both without allocating (this runs on every build). */
export function matches(stamp: readonly unknown[], scalars: Scalars, lists: Lists): boolean {
  let i = 0;
  for (const s of scalars) if (stamp[i++] !== s) return false;
  for (const list of lists) {
    if (stamp[i++] !== list.length) return false;
    for (const item of list) {
      if (stamp[i++] !== item) return false;
      if (item === null || typeof item !== "object") continue;
      for (const key in item) {
        const value = (item as Record<string, unknown>)[key];
        if (stamp[i++] !== value) return false;
        if (Array.isArray(value) && stamp[i++] !== value.length) return false;
      }
    }
  }
  return i === stamp.length;
}

type Entry<V> = { readonly stamp: readonly unknown[]; readonly value: V };

/** Inputs with more objects than this are compiled without caching. */
export const MAX_CACHED_OBJECTS = 2000;

/** Remembers the compiled value for the `size` most recent input sets. */
export class LayerCache<V> {
  private readonly entries: Entry<V>[] = [];

  constructor(private readonly size: number) {}

  get(scalars: Scalars, lists: Lists, compile: () => V): V {
    let objects = 0;
    for (const list of lists) objects += list.length;
    if (objects > MAX_CACHED_OBJECTS) return compile();
    const entries = this.entries;
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      if (entry && matches(entry.stamp, scalars, lists)) {
        // Most recent first, so the base of the current question stays in the cache while its variants come and go.
        if (i > 0) entries.unshift(...entries.splice(i, 1));
        return entry.value;
      }
    }
    const value = compile();
    entries.unshift({ stamp: stampOf(scalars, lists), value });
    if (entries.length > this.size) entries.pop();
    return value;
  }
}
