// Reuse of compiled network parts between nearby variants of one topology, owned by a `NetworkCache` that the
// caller creates for a scope of its own (one generated question and its variants, one proposeFixes call) and
// drops with it. Nothing is cached at module level: two callers never share entries, and a caller that passes
// no cache gets every part compiled from its topology (buildNetwork in network.ts).
// Reuse is by identity. A topology is immutable (deeply readonly by type, topology.ts), and copy-on-write
// variants (lib/scenario's builder and edits, proposeFixes) share every object they do not change with their
// base, so a part compiled from some topology lists is reused for a topology whose lists hold the very same
// objects (===), element by element; a compiled security group, network ACL or route table is reused for the
// same object. An edit always makes a new object, so it is always seen.
// Entries are held strongly and only a few are kept: a WeakMap keyed by every topology object ever built kept
// each question's compiled pieces alive into the old generation, which cost more garbage collection than the
// compiling it saved.
import { type Cidr, parseCidr, toCidr } from "./cidr";
import { type CompiledNetworkAcl, naclRulesByObject, type NaclRuleReuse } from "./network-acls";
import type { NetworkCore } from "./network-core";
import type { Network, RouteTableInfo, RouteTarget, SharedNames } from "./network-model";
import type { CompiledRoute } from "./routing";
import { type CompiledSecurityGroup, type SgRuleReuse, sgRulesByObject } from "./security-groups";
import type * as T from "./topology";
import type { TransitGatewayIndex } from "./transit-gateway-index";

export type ReferenceLayer = Pick<
  Network,
  "prefixLists" | "services" | "onPrem" | "gatewayEndpoints" | "referenceMemo"
>;
export type GatewayLayer = Pick<Network, "igws" | "eigws" | "vgws" | "vpcGateways">;
export type RoutingLayer = Pick<Network, "routeTables" | "subnetRouteTables" | "routingMemo">;
/** Route table id -> the gateway-endpoint routes AWS adds to it (GWE-02), for one set of routing inputs. */
export type RoutingContext = {
  readonly extraRoutes: ReadonlyMap<string, readonly CompiledRoute<RouteTarget>[]>;
};
/** The token a propagating route table is compiled under: one per context and VGW propagation inputs. */
export type PropagationLayer = { readonly context: RoutingContext };
export type AclLayer = Pick<Network, "subnetNetworkAcls">;
export type SecurityLayer = Pick<Network, "securityGroups" | "defaultSecurityGroups" | "securityMemo">;
export type PeeringLayer = Pick<Network, "peerings" | "peeringsByPair" | "peeringLinks">;

type Scalars = readonly unknown[];
type Lists = readonly (readonly unknown[])[];

/** Inputs with more objects than this are compiled without caching (an imported account, the 10,000-VPC bench). */
export const MAX_CACHED_OBJECTS = 2000;

/**
 * The key of a set of inputs, flattened: each scalar, then per list the list itself, its length and its elements.
 * The list object comes first so that a later build handed the very same (immutable) list skips its elements:
 * copy-on-write variants share every list they do not change with their base.
 */
function keyOf(scalars: Scalars, lists: Lists, objects: number): unknown[] {
  // Sized up front and written by index: grown by push, the array was copied several times per key.
  const out = new Array<unknown>(scalars.length + 2 * lists.length + objects);
  let i = 0;
  for (const s of scalars) out[i++] = s;
  for (const list of lists) {
    out[i++] = list;
    out[i++] = list.length;
    for (const item of list) out[i++] = item;
  }
  return out;
}

/** Does a stored key describe these inputs? Walks both without allocating (this runs on every cached build). */
function sameInputs(key: readonly unknown[], scalars: Scalars, lists: Lists): boolean {
  let i = 0;
  for (const s of scalars) if (key[i++] !== s) return false;
  for (const list of lists) {
    const n = list.length;
    if (key[i] === list) {
      i += n + 2;
      continue;
    }
    if (key[i + 1] !== n) return false;
    i += 2;
    for (let j = 0; j < n; j += 1) if (key[i++] !== list[j]) return false;
  }
  return i === key.length;
}

/** The compiled value for the `size` most recently used input sets. */
export class RecentCache<V> {
  private readonly entries: { readonly key: readonly unknown[]; readonly value: V }[] = [];

  constructor(private readonly size: number) {}

  get(scalars: Scalars, lists: Lists, compile: () => V): V {
    let objects = 0;
    for (const list of lists) objects += list.length;
    if (objects > MAX_CACHED_OBJECTS) return compile();
    const entries = this.entries;
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      if (entry && sameInputs(entry.key, scalars, lists)) {
        // Most recent first, so the base of the current question stays while its variants come and go.
        for (let j = i; j > 0; j -= 1) entries[j] = entries[j - 1] as (typeof entries)[number];
        entries[0] = entry;
        return entry.value;
      }
    }
    const value = compile();
    // The oldest falls off the end once the cache is full (moved by hand: unshift and splice allocate).
    let j = entries.length < this.size ? entries.length : this.size - 1;
    for (; j > 0; j -= 1) entries[j] = entries[j - 1] as (typeof entries)[number];
    entries[0] = { key: keyOf(scalars, lists, objects), value };
    return value;
  }
}

/**
 * Compiled pieces by the topology object they were compiled from and what else they read (for a route table,
 * its VPC object or its routing context). A few versions per object: a route table that reads the routing
 * context in some variants (one with a gateway endpoint routing into it) and not in others is reused in both.
 */
export class PieceCache<K extends object, V> {
  private readonly map = new Map<K, { readonly dependsOn: object | undefined; readonly value: V }[]>();

  get(key: K, dependsOn?: object): V | undefined {
    const entries = this.map.get(key);
    if (entries) for (const entry of entries) if (entry.dependsOn === dependsOn) return entry.value;
    return undefined;
  }

  set(key: K, value: V, dependsOn?: object): V {
    const entries = this.map.get(key);
    if (!entries) this.map.set(key, [{ dependsOn, value }]);
    else {
      entries.unshift({ dependsOn, value });
      if (entries.length > PIECE_VERSIONS) entries.pop();
    }
    return value;
  }
}

/** Versions of one compiled piece kept (see PieceCache). */
const PIECE_VERSIONS = 3;

export type PieceCaches = {
  readonly securityGroups: PieceCache<T.SecurityGroup, CompiledSecurityGroup>;
  readonly networkAcls: PieceCache<T.NetworkAcl, CompiledNetworkAcl>;
  /**
   * A route table also depends on its VPC (local routes, RT-02), prefix lists, propagation and gateway
   * endpoints: on the RoutingContext it was compiled under, which stands for all of them.
   */
  readonly routeTables: PieceCache<T.RouteTable, RouteTableInfo>;
  /** Compiled NACL rules by rule list and rule object, for the ACLs a variant changes (network-acls.ts). */
  readonly naclRules: NaclRuleReuse;
  /** Compiled security group rules by rule list and rule object (security-groups.ts). */
  readonly sgRules: SgRuleReuse;
};

function newPieceCaches(): PieceCaches {
  return {
    securityGroups: new PieceCache(),
    networkAcls: new PieceCache(),
    routeTables: new PieceCache(),
    naclRules: naclRulesByObject(),
    sgRules: sgRulesByObject(),
  };
}

// A question analyses a handful of variants of one base (fix-it about a dozen): remember that many of each layer.
const LAYER_VERSIONS = 8;
/** Whole networks remembered by topology object (see NetworkCache.networkFor). */
const RECENT_NETWORKS = 8;

/** The layers compiled on one core: their maps point at the core's VPCs, subnets and interfaces. */
export class CoreLayers {
  readonly reference = new RecentCache<ReferenceLayer>(LAYER_VERSIONS);
  readonly gateways = new RecentCache<GatewayLayer>(LAYER_VERSIONS);
  readonly routingContexts = new RecentCache<RoutingContext>(LAYER_VERSIONS);
  readonly propagation = new RecentCache<PropagationLayer>(LAYER_VERSIONS);
  readonly routing = new RecentCache<RoutingLayer>(LAYER_VERSIONS);
  readonly acls = new RecentCache<AclLayer>(LAYER_VERSIONS);
  readonly security = new RecentCache<SecurityLayer>(LAYER_VERSIONS);
  readonly peering = new RecentCache<PeeringLayer>(LAYER_VERSIONS);
  readonly transit = new RecentCache<TransitGatewayIndex>(LAYER_VERSIONS);
  /** The layers of the last networks built on this core, most recent first (buildNetwork's first look). */
  readonly builds: BuildLayers[] = [];

  constructor(readonly core: NetworkCore) {}

  remember(build: BuildLayers): void {
    const builds = this.builds;
    // Moved by hand, the oldest falling off the end (unshift and pop allocate on small arrays).
    let j = builds.length < RECENT_BUILDS ? builds.length : RECENT_BUILDS - 1;
    for (; j > 0; j -= 1) builds[j] = builds[j - 1] as BuildLayers;
    builds[0] = build;
  }
}

/** Builds remembered per core (see CoreLayers.builds): a question's base and its latest variants. */
const RECENT_BUILDS = 4;

/**
 * The topology lists a network's layers were compiled from (besides the core's), copied into one object of one
 * shape: topologies come in many shapes, so reading their fields is slower than reading these.
 */
export type BuildInputs = Readonly<
  Pick<
    T.Topology,
    | "prefixLists"
    | "services"
    | "onPremisesNetworks"
    | "gatewayEndpoints"
    | "internetGateways"
    | "egressOnlyInternetGateways"
    | "vpnGateways"
    | "routeTables"
    | "vpnConnections"
    | "directConnectGateways"
    | "networkAcls"
    | "securityGroups"
    | "peeringConnections"
    | "transitGateways"
    | "transitGatewayAttachments"
    | "transitGatewayRouteTables"
  >
>;

/** One network's layers with the inputs they were compiled from. */
export type BuildLayers = {
  readonly inputs: BuildInputs;
  readonly reference: ReferenceLayer;
  readonly gateways: GatewayLayer;
  readonly context: RoutingContext;
  readonly propagation: PropagationLayer;
  readonly routing: RoutingLayer;
  readonly acls: AclLayer;
  readonly security: SecurityLayer;
  readonly peering: PeeringLayer;
  readonly tgw: TransitGatewayIndex;
};

/**
 * What a caller keeps between buildNetwork calls on nearby variants of one topology: `buildNetwork(t, cache)`.
 * Create one per scope (a generated question, a proposeFixes call) and let it go with the scope.
 */
export class NetworkCache {
  /** The names index its networks last built, for the next one with the same names (namesIndex). */
  readonly sharedNames: SharedNames = {};
  /**
   * Parsed CIDR blocks by their text: a question's variants compile the same few dozen blocks again with every
   * route table, security group and ACL they rebuild. A Cidr is an immutable value, so one per text is shared.
   */
  private readonly cidrs = new Map<string, Cidr>();

  /** toCidr (cidr.ts), remembered: for text that must be a valid block. */
  readonly toCidr = (text: string): Cidr => {
    let cidr = this.cidrs.get(text);
    if (cidr === undefined) this.cidrs.set(text, (cidr = toCidr(text)));
    return cidr;
  };

  /** The block, or undefined for text that is not one (an invalid text is parsed again each time). */
  readonly tryCidr = (text: string): Cidr | undefined => {
    const known = this.cidrs.get(text);
    if (known !== undefined) return known;
    const parsed = parseCidr(text);
    if (!parsed.ok) return undefined;
    this.cidrs.set(text, parsed.value);
    return parsed.value;
  };

  /** A question's variants share one core (sometimes two); older cores only cost memory. */
  readonly cores = new RecentCache<CoreLayers>(2);
  /**
   * Compiled security groups, NACLs and route tables, per scope: the topologies that share their first VPC
   * object, i.e. a base and all its variants, even those that change the core (a NAT gateway, an instance's
   * public IP) and so rebuild every layer.
   */
  private readonly scopes = new RecentCache<PieceCaches>(2);
  /**
   * The networks built last, by topology object: a question analyses its shown topology several times (the
   * verdict, the fix proposals, the exhibit's addresses) and each time gets the same Network. Not for
   * imported topologies with `assumptions`: their analyses record assumed on-premises sites in the
   * network's memo, so each build keeps its own.
   */
  private readonly networks: { readonly topology: T.Topology; readonly network: Network }[] = [];

  networkFor(topology: T.Topology): Network | undefined {
    for (const entry of this.networks) if (entry.topology === topology) return entry.network;
    return undefined;
  }

  rememberNetwork(network: Network): Network {
    if (network.topology.assumptions !== undefined) return network;
    this.networks.unshift({ topology: network.topology, network });
    if (this.networks.length > RECENT_NETWORKS) this.networks.pop();
    return network;
  }

  piecesFor(topology: T.Topology): PieceCaches | undefined {
    const key = topology.vpcs[0];
    if (
      !key ||
      topology.vpcs.length + topology.securityGroups.length + topology.routeTables.length > MAX_CACHED_OBJECTS
    )
      return undefined;
    return this.scopes.get([key], [], newPieceCaches);
  }
}
