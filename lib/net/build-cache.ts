// Compiled pieces of a Network keyed by the topology object they were compiled from. buildNetwork is a pure
// function of its input and topologies are treated as immutable (lib/scenario's builder and edits are
// copy-on-write, so a nearby variant shares every unchanged object with its base): a security group, network
// ACL or route table object seen before compiles to the same thing, so when a layer is recompiled for a
// variant (network.ts), only the objects the variant replaced are compiled again. Each entry also records the
// arrays (and their lengths) it was compiled from, and the other inputs it depends on (a route table's VPC for
// its local routes, RT-02); if any differs, e.g. code that pushed onto a rule list in place, the entry is
// ignored and recompiled. One set of caches per question-sized scope (network.ts: plain Maps dropped with
// the scope): WeakMaps keyed by every topology object ever built kept each question's compiled pieces alive
// into the old generation, which cost more garbage collection than the compiling it saved.
import type { CompiledNetworkAcl } from "./network-acls";
import type { CompiledSecurityGroup } from "./security-groups";
import type { RouteTableInfo } from "./network-model";
import type * as T from "./topology";

type Stamp = readonly unknown[];

function sameStamp(a: Stamp, b: Stamp): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

type Entry<V> = { readonly stamp: Stamp; readonly value: V };

class PieceCache<K extends object, V> {
  private readonly map = new Map<K, Entry<V>>();
  get(key: K, stamp: Stamp): V | undefined {
    const e = this.map.get(key);
    return e && sameStamp(e.stamp, stamp) ? e.value : undefined;
  }
  set(key: K, stamp: Stamp, value: V): V {
    this.map.set(key, { stamp, value });
    return value;
  }
}

export type PieceCaches = {
  readonly securityGroups: PieceCache<T.SecurityGroup, CompiledSecurityGroup>;
  readonly networkAcls: PieceCache<T.NetworkAcl, CompiledNetworkAcl>;
  readonly routeTables: PieceCache<T.RouteTable, RouteTableInfo>;
};

export function newPieceCaches(): PieceCaches {
  return { securityGroups: new PieceCache(), networkAcls: new PieceCache(), routeTables: new PieceCache() };
}

export function securityGroupStamp(sg: T.SecurityGroup): Stamp {
  return [sg.id, sg.name, sg.vpcId, sg.inbound, sg.inbound.length, sg.outbound, sg.outbound?.length];
}

export function networkAclStamp(acl: T.NetworkAcl): Stamp {
  return [acl.id, acl.name, acl.vpcId, acl.isDefault, acl.inbound, acl.inbound.length, acl.outbound, acl.outbound.length];
}

/** Only for route tables whose routes come from the table and its VPC alone (see network.ts). */
export function routeTableStamp(rt: T.RouteTable, vpc: T.Vpc): Stamp {
  return [rt.id, rt.name, rt.vpcId, rt.main, rt.routes, rt.routes.length, vpc, vpc.cidrBlocks, vpc.cidrBlocks.length, vpc.ipv6CidrBlocks, vpc.ipv6CidrBlocks.length];
}
