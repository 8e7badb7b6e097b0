// Memo for the parts ("layers") of a compiled network. Each layer is a pure function of a few topology
// lists (and of the network's core, which is the cache key), so a layer compiled for one topology is reused
// for another whose lists hold the very same objects (===), element by element. That is what a question's
// nearby variants look like: lib/scenario's builder and edits and proposeFixes are copy-on-write, so a
// variant with one route changed shares every other list's objects with its base. The check is by identity,
// never by deep equality, one level into each object: every field value, and each array field by identity and
// length. So code that edits a topology in place between two analyses (tests do: `rt.routes.push(...)`,
// `endpoint.policy = "deny-all"`, `list[i] = {...}`) still gets a fresh layer. Only an edit inside an object
// nested in an array (`rt.routes[0].target = ...`) goes unnoticed: replace the object instead.

/** The inputs of a layer, flattened: each scalar, then each list as its length followed by a stamp of each element. */
export function layerInputs(scalars: readonly unknown[], lists: readonly (readonly unknown[])[]): unknown[] {
  const inputs: unknown[] = [...scalars];
  for (const list of lists) {
    inputs.push(list.length);
    for (const item of list) stamp(inputs, item);
  }
  return inputs;
}

function stamp(inputs: unknown[], item: unknown): void {
  inputs.push(item);
  if (item === null || typeof item !== "object") return;
  for (const key in item) {
    const value = (item as Record<string, unknown>)[key];
    inputs.push(value);
    if (Array.isArray(value)) inputs.push(value.length);
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

type Entry<V> = { readonly inputs: readonly unknown[]; readonly value: V };

export class LayerCache<K extends object, V> {
  private readonly entries = new WeakMap<K, Entry<V>[]>();

  /** @param perKey how many input sets to remember per key (a question has a handful of variants). */
  constructor(private readonly perKey: number) {}

  get(key: K, inputs: readonly unknown[], compile: () => V): V {
    const list = this.entries.get(key);
    if (list) {
      for (let i = 0; i < list.length; i += 1) {
        const entry = list[i];
        if (entry && sameInputs(entry.inputs, inputs)) return entry.value;
      }
    }
    const value = compile();
    const next = list ?? [];
    next.unshift({ inputs, value });
    if (next.length > this.perKey) next.pop();
    if (!list) this.entries.set(key, next);
    return value;
  }
}
