// The engine behind "can A reach C?"-style families. A family builds a base topology and a few nearby
// variants (each one fault, or none); the question shows one variant. Every option is the model's verdict
// on some variant ("Yes ..." or "No: <first blocker>"), and the key is the verdict on the shown variant, so
// no answer text is typed per question. An option is kept only when the model's analysis of the shown
// variant confirms it is wrong (its blocker is not among the shown variant's blockers).
// Variants are analysed lazily: the shown one, then nearby faulty ones in random order until there are
// enough options. Each variant says whether it was built to work (`works`); that only steers which one is
// shown (yes/no balance) and skips analysing working variants that could never give a "No" distractor.
// Every analysed variant must agree with its declaration, else the family has a bug and we throw.
import { analyze, buildNetwork, type Analysis, type Hop, type Query, type Topology } from "../net/index";
import { buildQuestion } from "./build-question";
import { describeTopology } from "./describe-topology";
import type { Candidate } from "./options";
import type { Difficulty, Question } from "./question";
import type { Rng } from "./rng";

export type Variant = {
  readonly topology: Topology;
  /** Built to let the flow through (no fault). A declaration checked against analyze, never the key. */
  readonly works?: boolean;
};

export type ReachSetup = {
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly concepts: readonly string[];
  readonly stem: string;
  readonly query: Query;
  readonly variants: readonly Variant[];
  /** Which variant the question shows; by default ~40 % a reachable one (when any), else a blocked one. */
  readonly shown?: number;
  readonly maxOptions?: number;
  /** Append a text description of the shown topology to the stem (when the variants differ in what exists). */
  readonly describe?: boolean;
};

export const YES_TEXT = "Yes: routing, security groups and network ACLs allow the request and its reply";

export function analyzeTopology(topology: Topology, query: Query): Analysis {
  return analyze(buildNetwork(topology), query);
}

export function blockerKey(b: { code: string; component: string }): string {
  return `${b.code}@${b.component}`;
}

export function formatHop(hop: Hop): string {
  const who = hop.component.name !== undefined ? `${hop.component.name} (${hop.component.id})` : hop.component.id;
  const matched = hop.matched ? `: ${hop.matched.description}` : "";
  return `${hop.direction} ${hop.component.type} ${who} ${hop.action}${matched}`;
}

export function traceLines(analysis: Analysis): string[] {
  // Two loops instead of spreading both hop lists into a temporary array and mapping it.
  const lines: string[] = [];
  for (const hop of analysis.forward) lines.push(formatHop(hop));
  for (const hop of analysis.return) lines.push(formatHop(hop));
  return lines;
}

export function noText(analysis: Analysis): string {
  const first = analysis.blockers[0];
  if (!first) throw new Error("unreachable analysis without blockers");
  return `No: ${first.message}`;
}

export function buildReachQuestion(rng: Rng, setup: ReachSetup): Question {
  const { variants } = setup;
  // One analysis per distinct topology object (variants may repeat one), never shared across questions.
  const memo = new Map<Topology, Analysis>();
  const shownIndex = setup.shown ?? pickShown(rng, variants);
  const shownVariant = variants[shownIndex];
  if (!shownVariant) throw new Error("shown variant out of range");
  const shown = analyseVariant(setup, memo, shownVariant);
  const shownBlockers = new Set(shown.blockers.map(blockerKey));

  const candidates: Candidate[] = [];

  const rules = new Set<string>();
  for (const b of shown.blockers) for (const r of b.rules) rules.add(r);
  const summary = shown.reachable
    ? `The model finds a working path both ways: ${shortPath(shown)}.`
    : `The model stops the flow: ${shown.blockers.map((b) => b.message).join(" ")}`;

  // The key first (so it is never deduplicated away), then the yes/no counterpart, then nearby variants.
  if (shown.reachable) pushCandidate(candidates, { text: YES_TEXT, correct: true, why: summary });
  else {
    pushCandidate(candidates, { text: noText(shown), correct: true, why: summary });
    pushCandidate(candidates, { text: YES_TEXT, correct: false, why: `Not here: ${shown.blockers[0]?.message ?? ""}` });
  }
  const others: number[] = [];
  for (let i = 0; i < variants.length; i += 1) if (i !== shownIndex) others.push(i);
  const order = rng.shuffle(others);
  for (const i of order) {
    const variant = variants[i];
    // A working variant's verdict is "Yes", already an option (key or distractor).
    if (!variant || variant.works === true) continue;
    const other = analyseVariant(setup, memo, variant);
    const first = other.blockers[0];
    if (!first || shownBlockers.has(blockerKey(first))) continue;
    // Two different verdicts on the same peering connection (pending vs expired) read as near-synonyms.
    if (first.component.startsWith("pcx-") && shown.blockers.some((b) => b.component === first.component)) continue;
    const why = shown.reachable
      ? `That would block it in a nearby setup, but here ${componentPhrase(shownVariant.topology, first.component)} lets the flow through.`
      : `Not in this topology: ${componentPhrase(shownVariant.topology, first.component)} is fine here; the flow is stopped elsewhere (${shown.blockers[0]?.message ?? ""}).`;
    for (const r of first.rules) rules.add(r);
    pushCandidate(candidates, { text: noText(other), correct: false, why });
    if (candidates.length >= (setup.maxOptions ?? 4)) break;
  }

  return buildQuestion(rng, {
    family: setup.family,
    seed: setup.seed,
    difficulty: setup.difficulty,
    concepts: setup.concepts,
    stem: setup.describe === true ? `${setup.stem} ${describeTopology(shownVariant.topology)}` : setup.stem,
    topology: shownVariant.topology,
    query: setup.query,
    candidates,
    summary,
    rules: [...rules],
    trace: traceLines(shown),
  });
}

// Module-level helpers rather than closures inside buildReachQuestion: under tsx every named closure costs
// about 0.5 µs to create (esbuild's keep-names wrapper), once per question.
function analyseVariant(setup: ReachSetup, memo: Map<Topology, Analysis>, variant: Variant): Analysis {
  let analysis = memo.get(variant.topology);
  if (!analysis) {
    analysis = analyzeTopology(variant.topology, setup.query);
    memo.set(variant.topology, analysis);
  }
  if (analysis.reachable !== (variant.works === true)) {
    throw new Error(`${setup.family} seed ${setup.seed}: a variant declared ${variant.works === true ? "working" : "faulty"} is ${analysis.reachable ? "reachable" : "blocked"} (${analysis.blockers[0]?.message ?? "no blocker"})`);
  }
  return analysis;
}

/**
 * Adds an option unless one with the same text is already there. A scan of the (at most a handful of)
 * options rather than a Set: hashing a freshly built text first flattens it, and === usually stops at the
 * length.
 */
function pushCandidate(candidates: Candidate[], candidate: Candidate): void {
  for (const c of candidates) if (c.text === candidate.text) return;
  candidates.push(candidate);
}

function pickShown(rng: Rng, variants: readonly Variant[]): number {
  const yes: number[] = [];
  const no: number[] = [];
  for (let i = 0; i < variants.length; i += 1) (variants[i]?.works === true ? yes : no).push(i);
  if (yes.length > 0 && (no.length === 0 || rng.chance(2, 5))) return rng.pick(yes);
  return rng.pick(no);
}

/** "name (id)" when the shown topology names the component, else the id. */
function componentPhrase(topology: Topology, id: string): string {
  // for...in over the topology's own keys (its lists in key order, as Object.values gave them) without
  // allocating the values array: this runs for every distractor of every question.
  for (const key in topology) {
    const value: unknown = topology[key as keyof Topology];
    if (!Array.isArray(value)) continue;
    for (const item of value as unknown[]) {
      if (item !== null && typeof item === "object" && (item as { id?: unknown }).id === id) {
        const name = (item as { name?: unknown }).name;
        return typeof name === "string" ? `${name} (${id})` : id;
      }
    }
  }
  return id;
}

function shortPath(analysis: Analysis): string {
  const names: string[] = [];
  for (const hop of analysis.forward) {
    const label = hop.component.name ?? hop.component.id;
    if (names[names.length - 1] !== label) names.push(label);
  }
  return names.join(" → ");
}
