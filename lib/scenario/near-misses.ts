// Near-miss changes: plausible single changes that look like a fix for a broken flow but are not (the right
// kind of route in the wrong table or for the wrong CIDR, the right port on the wrong group, in the wrong
// direction or from the wrong source, a TGW route to the wrong attachment). fix-it and missing-piece draw
// their wrong options from them; each is kept only if it changes the shown topology (so it is not already in
// place) and analyze on the changed topology still finds the flow blocked.
import type * as T from "../net/index";
import { cidrContainsCidr, parseCidr } from "../net/index";
import { analyzeTopology } from "./reach-question";
import type { Rng } from "./rng";
import { sameJson, sameJsonExcept } from "./same-json";
import type { Edit } from "./topology-edits";

export type NearMiss = {
  /** As a piece of a setup ("A route … in route table …"), the way missing-piece words its options. */
  readonly text: string;
  /** As a change, worded like lib/net's proposeFixes descriptions, the way fix-it words its options. */
  readonly fixText: string;
  /** Why it does not fix the flow, whatever else is missing, citing a rule ID. */
  readonly why: string;
  readonly edit: Edit;
};

/** A near-miss applied to the shown topology: what it yields and where the flow is still dropped. */
export type ProvenNearMiss = NearMiss & {
  readonly result: T.Topology;
  readonly blocker: T.Blocker | undefined;
};

/**
 * Up to `count` near-misses, drawn in seed order, that change `shown` and leave `query` blocked on the changed
 * topology, each worded in `style` (its `text` is that wording). `exclude` holds option texts already taken.
 */
export function provenNearMisses(
  rng: Rng,
  shown: T.Topology,
  query: T.Query,
  pool: readonly NearMiss[],
  exclude: ReadonlySet<string>,
  count: number,
  style: "piece" | "fix",
  cache?: T.NetworkCache,
): ProvenNearMiss[] {
  const out: ProvenNearMiss[] = [];
  // Options the exhibit alone refutes (a route already in effect, a rule for the filter's own VPC) are used
  // only when too few others are proven wrong: taking them last keeps the seed's draws and the option count.
  const lastResort: ProvenNearMiss[] = [];
  for (const miss of rng.shuffle([...pool])) {
    if (out.length >= count) break;
    const text = style === "fix" ? miss.fixText : miss.text;
    if (isExcluded(exclude, text)) continue;
    const result = miss.edit(shown);
    if (sameJson(result, shown)) continue; // already in place: not a change
    if (addsOnlyCoveredSgRules(shown, result)) continue; // the group already allows it: a give-away
    if (addsOnlyExistingSgRules(shown, result)) continue; // the exhibit already lists that rule: a give-away
    const throwaway = addsOnlyCoveredRoutes(shown, result) || addsOnlyOwnVpcRules(shown, result, query);
    const analysis = analyzeTopology(result, query, cache);
    if (analysis.reachable) continue; // it would fix the flow: not a wrong option
    // Written out rather than `{ ...miss, text, … }`: keys added after a spread take V8's slow path, and this
    // line alone was 2 % of a fix-it question.
    (throwaway ? lastResort : out).push({
      text,
      fixText: miss.fixText,
      why: miss.why,
      edit: miss.edit,
      result,
      blocker: analysis.blockers[0],
    });
  }
  return [...out, ...lastResort].slice(0, count);
}

/**
 * `exclude.has(text)` without hashing `text`: the option texts are freshly concatenated strings, which a hash
 * lookup first flattens; comparing lengths first rules out nearly every one without reading it.
 */
function isExcluded(exclude: ReadonlySet<string>, text: string): boolean {
  for (const e of exclude) if (e.length === text.length && e === text) return true;
  return false;
}

/** True when every security-group rule the change adds is already covered by an "all traffic to/from anywhere" rule. */
function addsOnlyCoveredSgRules(before: T.Topology, after: T.Topology): boolean {
  let added = 0;
  for (const sg of after.securityGroups) {
    const old = before.securityGroups.find((g) => g.id === sg.id);
    // The same object adds no rule (every one of its rules is in `known` below): skip building that set.
    if (old === sg) continue;
    for (const dir of ["inbound", "outbound"] as const) {
      const had = old?.[dir] ?? [];
      // An omitted outbound list is the default allow-all egress rule (SG-03).
      const open =
        (dir === "outbound" && old !== undefined && old.outbound === undefined) ||
        had.some((r) => r.protocol === "all" && r.cidrBlock === "0.0.0.0/0");
      for (const r of sg[dir] ?? []) {
        // A rule the group had already (the same JSON), compared in place rather than as JSON texts.
        if (had.some((h) => sameJson(h, r))) continue;
        if (!open) return false;
        added += 1;
      }
    }
  }
  return added > 0 && sameJsonExcept(after, before, "securityGroups");
}

/** A rule without its description: two rules that differ only there are the same rule in the exhibit. */
function sameRule(a: T.SgRule, b: T.SgRule): boolean {
  return sameJson({ ...a, description: undefined }, { ...b, description: undefined });
}

/**
 * True when the change only repeats security-group rules the group already has (the same protocol, ports and
 * source or destination): offered as a missing piece, it can be dismissed by comparing text with the exhibit.
 */
function addsOnlyExistingSgRules(before: T.Topology, after: T.Topology): boolean {
  if (!sameJsonExcept(after, before, "securityGroups")) return false;
  let repeated = 0;
  for (const sg of after.securityGroups) {
    const old = before.securityGroups.find((g) => g.id === sg.id);
    if (old === sg) continue;
    if (old === undefined) return false;
    for (const dir of ["inbound", "outbound"] as const) {
      const had = old[dir] ?? [];
      for (const r of sg[dir] ?? []) {
        if (!had.some((h) => sameRule(h, r))) return false;
        if (!had.includes(r)) repeated += 1;
      }
    }
  }
  return repeated > 0;
}

function cidrOf(text: string | undefined): T.Cidr | undefined {
  if (text === undefined) return undefined;
  const c = parseCidr(text);
  return c.ok ? c.value : undefined;
}

/**
 * True when every route the change adds is already in effect: the most specific route of the same table that
 * covers its destination has the same target, so the change moves no traffic and the exhibit alone rejects it.
 */
function addsOnlyCoveredRoutes(before: T.Topology, after: T.Topology): boolean {
  if (!sameJsonExcept(after, before, "routeTables")) return false;
  let added = 0;
  for (const rt of after.routeTables) {
    const old = before.routeTables.find((r) => r.id === rt.id);
    if (old === rt) continue;
    if (old === undefined) return false;
    for (const route of rt.routes) {
      if (old.routes.some((r) => sameJson(r, route))) continue;
      const dest = cidrOf(route.destination);
      if (dest === undefined) return false;
      let best: { prefix: number; target: string } | undefined;
      for (const r of old.routes) {
        const c = cidrOf(r.destination);
        if (c === undefined || !cidrContainsCidr(c, dest)) continue;
        if (best === undefined || c.prefix > best.prefix) best = { prefix: c.prefix, target: r.target };
      }
      if (best?.target !== route.target) return false;
      added += 1;
    }
  }
  return added > 0;
}

/** The VPC of a flow end given as an instance's name, id or address. */
function vpcOfEnd(t: T.Topology, ref: string): string | undefined {
  const i = t.instances.find((x) => x.name === ref || x.id === ref || x.privateIp === ref);
  const subnet = i ? t.subnets.find((s) => s.id === i.subnetId) : undefined;
  return subnet?.vpcId;
}

/**
 * True when, in a flow between instances of two VPCs, every security-group or network ACL rule the change adds
 * names a range inside the filter's own VPC: no packet of the flow carries such an address at that filter, so
 * the option is rejected by reading the CIDRs, without knowing any AWS rule.
 */
function addsOnlyOwnVpcRules(before: T.Topology, after: T.Topology, query: T.Query): boolean {
  const a = vpcOfEnd(before, query.from);
  const b = vpcOfEnd(before, query.to);
  if (a === undefined || b === undefined || a === b) return false;
  const inOwnVpc = (vpcId: string, cidr: string | undefined): boolean => {
    const c = cidrOf(cidr);
    const vpc = before.vpcs.find((v) => v.id === vpcId);
    return (
      c !== undefined &&
      vpc !== undefined &&
      vpc.cidrBlocks.some((x) => {
        const o = cidrOf(x);
        return o !== undefined && cidrContainsCidr(o, c);
      })
    );
  };
  let added = 0;
  const groups = sameJsonExcept(after, before, "securityGroups");
  const acls = sameJsonExcept(after, before, "networkAcls");
  if (!groups && !acls) return false;
  const lists = groups
    ? after.securityGroups.map((g) => ({ now: g, old: before.securityGroups.find((x) => x.id === g.id) }))
    : after.networkAcls.map((n) => ({ now: n, old: before.networkAcls.find((x) => x.id === n.id) }));
  for (const { now, old } of lists) {
    if (old === now) continue;
    if (old === undefined) return false;
    for (const dir of ["inbound", "outbound"] as const) {
      const had: readonly unknown[] = old[dir] ?? [];
      for (const r of now[dir] ?? []) {
        if (had.some((h) => sameJson(h, r))) continue;
        if (!inOwnVpc(now.vpcId, r.cidrBlock)) return false;
        added += 1;
      }
    }
  }
  return added > 0;
}
