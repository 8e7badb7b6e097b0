// Near-miss changes: plausible single changes that look like a fix for a broken flow but are not (the right
// kind of route in the wrong table or for the wrong CIDR, the right port on the wrong group, in the wrong
// direction or from the wrong source, a TGW route to the wrong attachment). fix-it and missing-piece draw
// their wrong options from them; each is kept only if it changes the shown topology (so it is not already in
// place) and analyze on the changed topology still finds the flow blocked.
import type * as T from "../net/index";
import { analyzeTopology } from "./reach-question";
import type { Rng } from "./rng";
import { sameJson, sameJsonExcept, sameJsonWithout, unequalKeys } from "./same-json";
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
  /** The changed topology's analysis (first blocker only): a loop's tables are read from its trace. */
  readonly analysis: T.Analysis;
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
  for (const miss of rng.shuffle([...pool])) {
    if (out.length >= count) break;
    const text = style === "fix" ? miss.fixText : miss.text;
    if (isExcluded(exclude, text)) continue;
    const result = miss.edit(shown);
    // One walk over the two topologies' keys answers both "is it a change?" and "does it change only the
    // security groups?" (three whole-topology comparisons before, a sixth of a missing-piece question's time).
    const unequal = unequalKeys(result, shown);
    if (unequal ? unequal.length === 0 : sameJson(result, shown)) continue; // already in place: not a change
    const onlyGroups = unequal
      ? unequal.every((key) => key === "securityGroups")
      : sameJsonExcept(result, shown, "securityGroups");
    if (addsOnlyCoveredSgRules(shown, result, onlyGroups)) continue; // the group already allows it: a give-away
    if (addsOnlyExistingSgRules(shown, result, onlyGroups)) continue; // the exhibit already lists that rule: a give-away
    // Only the verdict and the first blocker are read: a blocked request's reply is not walked.
    const analysis = analyzeTopology(result, query, cache, true);
    if (analysis.reachable) continue; // it would fix the flow: not a wrong option
    // Written out rather than `{ ...miss, text, … }`: keys added after a spread take V8's slow path, and this
    // line alone was 2 % of a fix-it question.
    out.push({
      text,
      fixText: miss.fixText,
      why: miss.why,
      edit: miss.edit,
      result,
      blocker: analysis.blockers[0],
      analysis,
    });
  }
  return out;
}

/**
 * `exclude.has(text)` without hashing `text`: the option texts are freshly concatenated strings, which a hash
 * lookup first flattens; comparing lengths first rules out nearly every one without reading it.
 */
function isExcluded(exclude: ReadonlySet<string>, text: string): boolean {
  for (const e of exclude) if (e.length === text.length && e === text) return true;
  return false;
}

/**
 * True when every security-group rule the change adds is already covered by an "all traffic to/from anywhere"
 * rule. `onlyGroups`: sameJsonExcept(after, before, "securityGroups").
 */
function addsOnlyCoveredSgRules(before: T.Topology, after: T.Topology, onlyGroups: boolean): boolean {
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
  return added > 0 && onlyGroups;
}

/**
 * True when `after` adds nothing to `before` that a learner could not dismiss at a glance: no change at all, or
 * only security-group rules the group already lists. Families that offer fixed lists of changes (ipv6-egress)
 * drop such changes from their wrong options, as provenNearMisses does.
 */
export function repeatsWhatIsThere(before: T.Topology, after: T.Topology): boolean {
  if (sameJson(after, before)) return true;
  return addsOnlyExistingSgRules(before, after, sameJsonExcept(after, before, "securityGroups"));
}

/** A rule without its description: two rules that differ only there are the same rule in the exhibit. */
function sameRule(a: T.SgRule, b: T.SgRule): boolean {
  return sameJsonWithout(a, b, "description");
}

/**
 * True when the change only repeats security-group rules the group already has (the same protocol, ports and
 * source or destination): offered as a missing piece, it can be dismissed by comparing text with the exhibit.
 */
function addsOnlyExistingSgRules(before: T.Topology, after: T.Topology, onlyGroups: boolean): boolean {
  if (!onlyGroups) return false;
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
