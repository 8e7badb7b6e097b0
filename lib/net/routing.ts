// Route tables compiled for longest-prefix match (aws-rules RT-04): routes are bucketed by prefix
// length, so a lookup is at most 33 (IPv4) / 129 (IPv6) hash probes, walking lengths from longest to
// shortest – independent of the number of routes.
import { type Cidr, type IpAddress, maskIpv4, maskIpv6 } from "./cidr";
import type { RouteFact, RouteOrigin } from "./trace";

export type { RouteOrigin };

/** Lower rank wins among routes with the same prefix (aws-rules RT-05, RT-06, RT-07; TGW-07). */
const ORIGIN_RANK: Readonly<Record<RouteOrigin, number>> = {
  local: 0,
  static: 1,
  "prefix-list": 2,
  propagated: 3,
  "propagated-dx": 4,
  "propagated-vpn": 5,
};

export type CompiledRoute<T> = {
  readonly cidr: Cidr;
  readonly origin: RouteOrigin;
  readonly target: T;
  /** e.g. "10.1.0.0/16 -> pcx-ab" or "pl-63a5400a (10.2.0.0/16) -> vpce-1". */
  readonly description: string;
  /** The trace's `matched` entry for this route, built on first use by `routeMatched` and then shared (frozen). */
  matched?: RouteMatched | undefined;
  /** The trace's fact for this route, built on first use by `routeFact` and then shared (frozen). */
  fact?: RouteFact | undefined;
};

export type RouteMatched = { readonly kind: "route" | "tgw-route"; readonly description: string };

/** One element of a scan array: a network or a mask (int32) at positions 3i and 3i+1, the route at 3i+2. */
export type ScanEntry<T> = number | CompiledRoute<T>;

/** One prefix length's routes, keyed by masked network address. */
type Bucket<K, T> = { readonly prefix: number; readonly routes: Map<K, CompiledRoute<T>> };

export type RouteLookup<T> = {
  /**
   * IPv4 buckets, longest prefix first: the query path walks these without a Map probe per length. Empty when
   * the table has a `v4Scan` (every VPC route table in practice), which then holds its IPv4 routes.
   */
  readonly v4Buckets: readonly Bucket<number, T>[];
  /** IPv6 buckets, longest prefix first (empty without IPv6 routes). */
  readonly v6Buckets: readonly Bucket<bigint, T>[];
  /**
   * Small IPv4 tables (at most SCAN_LIMIT routes, i.e. every VPC route table in practice): [network, mask, route]
   * triples (network and mask as int32), longest prefix first. One linear scan over one short array touches a few
   * cache lines where a probe per prefix length touches a Map each, and the route sits beside its key (a separate
   * route array was one more cold array per lookup); undefined for larger tables.
   */
  readonly v4Scan: readonly ScanEntry<T>[] | undefined;
  readonly size: number;
  /** Trace kind of this table's matches: VPC route table or transit gateway route table. */
  readonly kind: "route" | "tgw-route";
};

const NO_BUCKETS: readonly never[] = Object.freeze([]);
const byPrefixDesc = <K, T>(a: Bucket<K, T>, b: Bucket<K, T>): number => b.prefix - a.prefix;

export function compileRoutes<T>(
  input: readonly CompiledRoute<T>[],
  kind: "route" | "tgw-route" = "route",
): RouteLookup<T> {
  const routes = input.map(withTraceSlots);
  let v4Count = 0;
  for (const route of routes) if (route.cidr.family === 4) v4Count += 1;
  // A small table goes straight to its scan triples: no Map per prefix length to build for a table that a
  // question's variant compiles, queries once or twice and drops.
  const v4Scan = v4Count <= SCAN_LIMIT ? scanOf(routes) : undefined;
  let v4: Map<number, Map<number, CompiledRoute<T>>> | undefined;
  let v6: Map<number, Map<bigint, CompiledRoute<T>>> | undefined;
  for (const route of routes) {
    const c = route.cidr;
    if (c.family === 4) {
      if (!v4Scan)
        insertBest((v4 ??= new Map<number, Map<number, CompiledRoute<T>>>()), c.prefix, c.network, route);
    } else insertBest((v6 ??= new Map<number, Map<bigint, CompiledRoute<T>>>()), c.prefix, c.network, route);
  }
  return {
    v4Buckets: v4 ? bucketsOf(v4) : NO_BUCKETS,
    v6Buckets: v6 ? bucketsOf(v6) : NO_BUCKETS,
    v4Scan,
    size: routes.length,
    kind,
  };
}

function bucketsOf<K, T>(byPrefix: Map<number, Map<K, CompiledRoute<T>>>): Bucket<K, T>[] {
  const buckets: Bucket<K, T>[] = [];
  for (const [prefix, routes] of byPrefix) buckets.push({ prefix, routes });
  return buckets.sort(byPrefixDesc);
}

/**
 * The route as the table keeps it: every field in one literal, `matched` and `fact` included. A field added to a
 * built object later (as `routeMatched` and `routeFact` set them on first use) lives in a separately allocated
 * property store, one more cold read per matched route on a query's path; the copies of one table's routes are
 * also allocated side by side.
 */
function withTraceSlots<T>(route: CompiledRoute<T>): CompiledRoute<T> {
  return {
    cidr: route.cidr,
    origin: route.origin,
    target: route.target,
    description: route.description,
    matched: route.matched,
    fact: route.fact,
  };
}

/** Above this many IPv4 routes a table keeps to its per-length buckets (a transit gateway's propagated routes). */
const SCAN_LIMIT = 32;

/** The int32 mask of a prefix length (`-1 << 32` would be -1, so /0 is special). */
function mask32(prefix: number): number {
  return prefix <= 0 ? 0 : -1 << (32 - prefix);
}

/**
 * A small table's IPv4 routes as scan triples, longest prefix first: the first triple that matches is the
 * longest-prefix match, since within one length at most one network contains an address. Among routes for the
 * same block the one insertBest would keep is kept (the higher-priority origin, else the first), at the place
 * the block was first seen; lengths are in descending order, blocks of one length in the order first seen.
 */
function scanOf<T>(routes: readonly CompiledRoute<T>[]): ScanEntry<T>[] {
  const kept: CompiledRoute<T>[] = [];
  for (const route of routes) {
    const c = route.cidr;
    if (c.family !== 4) continue;
    let i = 0;
    for (; i < kept.length; i += 1) {
      const k = (kept[i] as CompiledRoute<T>).cidr;
      if (k.prefix === c.prefix && k.network === c.network) break;
    }
    if (i === kept.length) kept.push(route);
    else kept[i] = preferred(kept[i] as CompiledRoute<T>, route);
  }
  // Stable: blocks of one length keep the order they were first seen in. An insertion sort in place (at most
  // SCAN_LIMIT routes, mostly in order already) rather than Array.prototype.sort, whose comparator calls and
  // work array made this sort the largest allocation of a question's network builds (3-5 KB per question).
  for (let i = 1; i < kept.length; i += 1) {
    const route = kept[i] as CompiledRoute<T>;
    const prefix = route.cidr.prefix;
    let j = i;
    for (; j > 0 && (kept[j - 1] as CompiledRoute<T>).cidr.prefix < prefix; j -= 1)
      kept[j] = kept[j - 1] as CompiledRoute<T>;
    kept[j] = route;
  }
  const scan: ScanEntry<T>[] = [];
  for (const route of kept) {
    const m = mask32(route.cidr.prefix);
    scan.push((route.cidr.network as number) | 0, m, route);
  }
  return scan;
}

function insertBest<K, T>(
  buckets: Map<number, Map<K, CompiledRoute<T>>>,
  prefix: number,
  key: K,
  route: CompiledRoute<T>,
): void {
  let bucket = buckets.get(prefix);
  if (!bucket) {
    bucket = new Map();
    buckets.set(prefix, bucket);
  }
  const existing = bucket.get(key);
  // Same prefix: the higher-priority origin wins (RT-06); among equals the first one is kept, which
  // mirrors "AWS picks one and sticks to it" for overlapping prefix lists (RT-07).
  if (!existing) bucket.set(key, route);
  else bucket.set(key, preferred(existing, route));
}

/**
 * Of two routes with the same prefix, the one the table keeps: the higher-priority origin, else the first. A route
 * of lower priority that loses is remembered beside the winner (SHADOWED), for the hop to name it.
 */
function preferred<T>(existing: CompiledRoute<T>, route: CompiledRoute<T>): CompiledRoute<T> {
  const [winner, loser] =
    ORIGIN_RANK[route.origin] < ORIGIN_RANK[existing.origin] ? [route, existing] : [existing, route];
  if (ORIGIN_RANK[loser.origin] > ORIGIN_RANK[winner.origin]) {
    const losers = SHADOWED.get(winner);
    if (!losers) SHADOWED.set(winner, [loser]);
    else if (!losers.some((l) => l.description === loser.description)) losers.push(loser);
  }
  return winner;
}

/** Same-prefix routes of lower priority that a table's route won over (RT-05, RT-06, RT-07; TGW-07), by winner. */
const SHADOWED = new WeakMap<object, CompiledRoute<unknown>[]>();

/** The trace's `matched` entry for a route of `table`: built once per route, on first use (build stays cheap). */
export function routeMatched<T>(table: RouteLookup<T>, route: CompiledRoute<T>): RouteMatched {
  if (route.matched) return route.matched;
  const beaten = beatenRoutes(table, route);
  const shadowed = SHADOWED.get(route);
  const same = shadowed
    ? ` (${route.origin} route preferred over ${shadowed.map((r) => r.description).join(", ")} for the same prefix, ${samePrefixRule(table.kind, route.origin)})`
    : "";
  const matched: RouteMatched = Object.freeze({
    kind: table.kind,
    description:
      beaten.length === 0
        ? `${route.description}${same}`
        : `${route.description}${same} (longest prefix wins over ${beaten.join(", ")}, ${table.kind === "route" ? "RT-04" : "TGW-07"})`,
  });
  if (beaten.length > 0) BEATEN.set(matched, Object.freeze(beaten));
  return (route.matched = matched);
}

/** The rule that orders routes of the same prefix: RT-05 (local), RT-06 (static over propagated), RT-07, TGW-07. */
function samePrefixRule(kind: "route" | "tgw-route", winner: RouteOrigin): string {
  if (kind === "tgw-route") return "TGW-07";
  return winner === "local" ? "RT-05" : winner === "static" ? "RT-06" : "RT-07";
}

/**
 * RT-05: the trace entry of the local route chosen over `propagated`, a more specific propagated route of the same
 * table that the longest prefix would have taken; built once per propagated route.
 */
export function localPreferredMatched<T>(
  table: RouteLookup<T>,
  local: CompiledRoute<T>,
  propagated: CompiledRoute<T>,
): RouteMatched {
  let matched = LOCAL_PREFERRED.get(propagated);
  if (!matched) {
    matched = Object.freeze({
      kind: table.kind,
      description: `${routeMatched(table, local).description} (local route preferred over the more specific ${propagated.description}, RT-05)`,
    });
    LOCAL_PREFERRED.set(propagated, matched);
  }
  return matched;
}

const LOCAL_PREFERRED = new WeakMap<object, RouteMatched>();

/** The broader routes a matched route won over, by its trace entry (kept beside it, so the trace's shape is unchanged). */
const BEATEN = new WeakMap<RouteMatched, readonly string[]>();

/**
 * The routes of its table that a hop's matched route won over by longest prefix (RT-04, TGW-07), each as "<cidr> ->
 * <target>"; empty when it beat none or the entry is not a route's. For sentences that name them without reading
 * the description.
 */
export function routeWonOver(matched: {
  readonly kind: string;
  readonly description: string;
}): readonly string[] {
  return BEATEN.get(matched as RouteMatched) ?? [];
}

/**
 * A route that won over broader routes of its table names them (RT-04, TGW-07): prefixes nest, so the broader
 * routes that match a destination inside this route are the same for every such destination, and the sentence can
 * be built once per route. A default route (/0) is left out: every other route beats it.
 */
function beatenRoutes<T>(table: RouteLookup<T>, route: CompiledRoute<T>): string[] {
  const c = route.cidr;
  const beaten: string[] = [];
  const keys = table.v4Scan;
  if (c.family === 4 && keys) {
    // The same broader routes as the bucket walk below, read from the scan triples the lookup has just touched
    // (one bucket Map per prefix length would be a few cold cache lines each, on a query's first use of a route).
    const network = c.network | 0;
    for (let i = 0; i < keys.length; i += 3) {
      const mask = keys[i + 1] as number;
      const prefix = Math.clz32(~mask);
      if (prefix >= c.prefix || prefix === 0) continue;
      if ((network & mask) === keys[i]) beaten.push((keys[i + 2] as CompiledRoute<T>).description);
    }
  } else if (c.family === 4) {
    for (const bucket of table.v4Buckets) {
      if (bucket.prefix >= c.prefix || bucket.prefix === 0) continue;
      const broader = bucket.routes.get(maskIpv4(c.network, bucket.prefix));
      if (broader) beaten.push(broader.description);
    }
  } else {
    for (const bucket of table.v6Buckets) {
      if (bucket.prefix >= c.prefix || bucket.prefix === 0) continue;
      const broader = bucket.routes.get(maskIpv6(c.network, bucket.prefix));
      if (broader) beaten.push(broader.description);
    }
  }
  return beaten;
}

/** The route as trace details name it (destination, target id, one-line description); built once per route. */
export function routeFact<T extends { readonly id: string }>(route: CompiledRoute<T>): RouteFact {
  if (route.fact) return route.fact;
  const shadowed = SHADOWED.get(route) as CompiledRoute<T>[] | undefined;
  const fact: RouteFact = {
    description: route.description,
    destination: route.cidr.text,
    target: route.target.id,
    origin: route.origin,
  };
  return (route.fact = Object.freeze(
    shadowed ? { ...fact, preferredOver: Object.freeze(shadowed.map(routeFact)) } : fact,
  ));
}

/** Longest-prefix match (RT-04); IPv4 and IPv6 are looked up independently. */
export function lookupRoute<T>(table: RouteLookup<T>, ip: IpAddress): CompiledRoute<T> | undefined {
  if (ip.family === 4) {
    const keys = table.v4Scan;
    if (keys) {
      const v = ip.value | 0;
      for (let i = 0; i < keys.length; i += 3)
        if ((v & (keys[i + 1] as number)) === keys[i]) return keys[i + 2] as CompiledRoute<T>;
      return undefined;
    }
    for (const bucket of table.v4Buckets) {
      const hit = bucket.routes.get(maskIpv4(ip.value, bucket.prefix));
      if (hit) return hit;
    }
    return undefined;
  }
  for (const bucket of table.v6Buckets) {
    const hit = bucket.routes.get(maskIpv6(ip.value, bucket.prefix));
    if (hit) return hit;
  }
  return undefined;
}

/** Every route whose prefix contains the address, longest first (for MORE_SPECIFIC_ROUTE explanations). */
export function matchingRoutes<T>(table: RouteLookup<T>, ip: IpAddress): CompiledRoute<T>[] {
  const out: CompiledRoute<T>[] = [];
  if (ip.family === 4) {
    const keys = table.v4Scan;
    if (keys) {
      const v = ip.value | 0;
      for (let i = 0; i < keys.length; i += 3)
        if ((v & (keys[i + 1] as number)) === keys[i]) out.push(keys[i + 2] as CompiledRoute<T>);
      return out;
    }
    for (const bucket of table.v4Buckets) {
      const hit = bucket.routes.get(maskIpv4(ip.value, bucket.prefix));
      if (hit) out.push(hit);
    }
  } else {
    for (const bucket of table.v6Buckets) {
      const hit = bucket.routes.get(maskIpv6(ip.value, bucket.prefix));
      if (hit) out.push(hit);
    }
  }
  return out;
}
