// Compiled pieces of a Network keyed by the topology object they were compiled from. buildNetwork is a pure
// function of its input and topologies are treated as immutable (lib/scenario's builder and edits are
// copy-on-write, so a nearby variant shares every unchanged object with its base): a security group, network
// ACL or route table object seen before compiles to the same thing, so when a layer is recompiled for a
// variant (network.ts), only the objects the variant replaced are compiled again. Each entry also records a
// stamp of the object and of the other objects it depends on (a route table's VPC for its local routes,
// RT-02), one level deep as in layer-cache.ts; if it differs, e.g. code that pushed onto a rule list in place,
// the entry is ignored and recompiled. One set of caches per question-sized scope (network.ts: plain Maps dropped with
// the scope): WeakMaps keyed by every topology object ever built kept each question's compiled pieces alive
// into the old generation, which cost more garbage collection than the compiling it saved.
import type { CompiledNetworkAcl } from "./network-acls";
import type { CompiledSecurityGroup } from "./security-groups";
import type { RouteTableInfo } from "./network-model";
import type * as T from "./topology";
import { matches, stampOf } from "./layer-cache";

type Entry<V> = { readonly stamp: readonly unknown[]; readonly value: V };

/** Compiled pieces by source object; an entry counts only while the object and `dependsOn` stamp the same (layer-cache.ts). */
class PieceCache<K extends object, V> {
  private readonly map = new Map<K, Entry<V>>();
  get(key: K, dependsOn: readonly object[] = []): V | undefined {
    const e = this.map.get(key);
    return e && matches(e.stamp, [], [[key, ...dependsOn]]) ? e.value : undefined;
  }
  set(key: K, value: V, dependsOn: readonly object[] = []): V {
    this.map.set(key, { stamp: stampOf([], [[key, ...dependsOn]]), value });
    return value;
  }
}

export type PieceCaches = {
  readonly securityGroups: PieceCache<T.SecurityGroup, CompiledSecurityGroup>;
  readonly networkAcls: PieceCache<T.NetworkAcl, CompiledNetworkAcl>;
  /** A route table also depends on its VPC (local routes, RT-02). */
  readonly routeTables: PieceCache<T.RouteTable, RouteTableInfo>;
};

export function newPieceCaches(): PieceCaches {
  return { securityGroups: new PieceCache(), networkAcls: new PieceCache(), routeTables: new PieceCache() };
}
