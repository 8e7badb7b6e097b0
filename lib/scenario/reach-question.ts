// The engine behind "can A reach C?"-style families. A family builds a base topology and a few nearby
// variants (each one fault, or none); the question shows one variant. Every option is the model's verdict
// on some variant ("Yes ..." or "No: <first blocker>"), and the key is the verdict on the shown variant, so
// no answer text is typed per question. An option is kept only when the model's analysis of the shown
// variant confirms it is wrong (its blocker is not among the shown variant's blockers).
// Variants are analysed lazily: the shown one, then nearby faulty ones in random order until there are
// enough options. Each variant says whether it was built to work (`works`); that only steers which one is
// shown (yes/no balance) and skips analysing working variants that could never give a "No" distractor.
// Every analysed variant must agree with its declaration, else the family has a bug and we throw.
import {
  advertisedVpcCidrs,
  analyze,
  buildNetwork,
  firstVerifiedFix,
  NetworkCache,
  inactivePeeringFault,
  noRouteFault,
  peeringStateHint,
  unpropagatedHint,
  proposeFixes,
  routeWonOver,
  type Fix,
  type Analysis,
  type AnalyzeOptions,
  type Blocker,
  type Hop,
  type Query,
  type Topology,
} from "../net/index";
import { AnalysisMemo } from "./analysis-memo";
import { decidingSentence } from "./rule-sentences";
import { uncoveredRouteSentence } from "./route-coverage";
import { allowedPrefixesFault, allowedPrefixesWhy, exhibitConsistentText } from "./glance-refuted";
import { subjectPhrase } from "./component-noun";
import { transitivePeeringSentence } from "./transitive-peering";
import {
  naclDropSentence,
  naclNearMissClause,
  naclPassedOverForBlocker,
  naclPassedOverSentence,
  peerGroupReferenceSentence,
} from "./rule-order";
import { buildQuestion } from "./build-question";
import { isLoop, loopSentence, loopShort, noLoopWhy } from "./routing-loop";
import { describeTopology } from "./describe-topology";
import { transitDirectConnectSentence } from "./direct-connect-text";
import { possessive } from "./possessive";
import type { Candidate } from "./options";
import type { Difficulty, Question } from "./question";
import type { ProofSink } from "./proofs";
import type { Rng } from "./rng";

export type Variant = {
  readonly topology: Topology;
  /**
   * Built to let the flow through (no fault). A declaration checked against analyze, never the key. Undefined
   * reads as false (a LazyVariant holds every key, set or not).
   */
  readonly works?: boolean | undefined;
  /**
   * The root cause of this variant's fault and the one change that removes it, known from how the family built
   * the variant (the blocker may show up downstream, e.g. a reply dropped at an internet gateway because a route
   * back is missing). `topology` is the setup with the change made: analyze must find it reachable.
   */
  readonly fix?: VariantFix | undefined;
  /**
   * A distractor offered only when the other variants give too few options: one whose long text would otherwise
   * sit in most questions as a never-keyed longest option (check-generator's "longest" cue).
   */
  readonly lastResort?: boolean | undefined;
};

export type VariantFix = {
  readonly cause?: string | undefined;
  readonly change: string;
  readonly topology: Topology;
};

/**
 * A variant whose topology is made on first read, then kept (the same object on every read, as AnalysisMemo and
 * NetworkCache key by identity). A question analyses the shown variant and only as many others as it takes to
 * fill its options (filtering: about 4 of 10 variants), so copying every variant's topology up front made
 * topologies nothing read. Only for a `make` that draws nothing from the rng: building later must not move a
 * draw (the output would change). Never spread such a variant: `{ ...v }` copies no getter.
 */
class LazyVariant implements Variant {
  private built: Topology | undefined;

  constructor(
    private readonly make: () => Topology,
    readonly works: boolean | undefined,
    readonly fix: VariantFix | undefined,
    readonly lastResort: boolean | undefined,
  ) {}

  get topology(): Topology {
    return (this.built ??= this.make());
  }
}

/** A fix whose topology is made on first read: only the shown variant's fix is ever read (checkedFix). */
class LazyFix implements VariantFix {
  private built: Topology | undefined;

  constructor(
    readonly cause: string | undefined,
    readonly change: string,
    private readonly make: () => Topology,
  ) {}

  get topology(): Topology {
    return (this.built ??= this.make());
  }
}

/** A variant built only when the question reads it (see LazyVariant). */
export function lazyVariant(
  make: () => Topology,
  works?: boolean,
  fix?: VariantFix,
  lastResort?: boolean,
): Variant {
  return new LazyVariant(make, works, fix, lastResort);
}

/** A fix whose topology `make` builds only when read (see LazyFix; `make` draws nothing from the rng). */
export function lazyFix(cause: string | undefined, change: string, make: () => Topology): VariantFix {
  return new LazyFix(cause, change, make);
}

/** The fix `fix` with `f` applied to its topology, made only when read (see LazyFix). */
export function lazyMappedFix(fix: VariantFix, f: (t: Topology) => Topology): VariantFix {
  return new LazyFix(fix.cause, fix.change, () => f(fix.topology));
}

export type ReachSetup = {
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly concepts: readonly string[];
  readonly stem: string;
  readonly query: Query;
  readonly variants: readonly Variant[];
  /** Which variant the question shows; by default ~40 % a reachable one (when any), else a blocked one. */
  readonly shown?: number | undefined;
  readonly maxOptions?: number;
  /** Append a text description of the shown topology to the stem (when the variants differ in what exists). */
  readonly describe?: boolean;
  /** Where the caller wants each option's proof (Family.generate's sink). */
  readonly proofs?: ProofSink | undefined;
  /** A keyed "Yes" takes a wording no longer than the longest other option (it is never the longest). */
  readonly yesKeyNotLongest?: boolean;
  /**
   * A keyed "No" longer than every other option gets a "Yes" distractor at least as long when a wording is (as an
   * inactive peering's always does): in families whose "No" keys run long, now that the longest "Yes" wording is
   * kept short (exam16: at 250 characters it was the longest option wherever it appeared).
   */
  readonly yesAsLongAsNoKey?: boolean;
  /**
   * "No: route table T has no route that matches D" is also disproved when the shown flow reached T and matched a
   * route for D there (which then sends it somewhere that drops it), not only when T as shown lets the variant
   * through.
   */
  readonly disproveMatchedRoutes?: boolean;
};

export const YES_TEXT = "Yes: routing, security groups and network ACLs allow the request and its reply";

/**
 * The same verdict in phrasings of different lengths, drawn per question: "No: <blocker>" texts run from about
 * 90 to 270 characters, so one short "Yes" would make "pick the longest option" a winning strategy whenever
 * the key is a "No" (check-generator's cue check).
 */
export const YES_TEXTS: readonly string[] = [
  YES_TEXT,
  "Yes: nothing on the path drops it; the routes match, and the security groups and network ACLs allow the traffic",
  "Yes: the route tables match in both directions, the security groups allow the request (and its reply, being stateful), and the network ACLs allow both ways",
  "Yes: every route table on the path has a route for the other side, the security groups allow the request and let the reply back because they are stateful, and the network ACL rules allow the traffic in both directions",
  "Yes: a route matches at every hop, any gateway on the way may carry it, the stateful security groups allow it and its reply, and the network ACLs allow its port and the reply's ephemeral ports",
];

export function isYesText(text: string): boolean {
  return YES_TEXTS.includes(text);
}

/**
 * With a cache, nearby variants of one question reuse each other's compiled parts (lib/net/network-cache.ts).
 * `verdict`: the caller reads only `reachable` and the first blocker (analyze's `firstBlocker`).
 */
export function analyzeTopology(
  topology: Topology,
  query: Query,
  cache?: NetworkCache,
  verdict = false,
): Analysis {
  return analyze(buildNetwork(topology, cache), query, verdict ? VERDICT : FULL);
}

const VERDICT: AnalyzeOptions = { firstBlocker: true };
const FULL: AnalyzeOptions = {};

export function blockerKey(b: { code: string; component: string }): string {
  return `${b.code}@${b.component}`;
}

export function formatHop(hop: Hop): string {
  const who =
    hop.component.name !== undefined ? `${hop.component.name} (${hop.component.id})` : hop.component.id;
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

export function noText(analysis: Analysis, topology?: Topology): string {
  const first = analysis.blockers[0];
  if (!first) throw new Error("unreachable analysis without blockers");
  return blockerText(first, topology);
}

/** The "No: …" option for one blocker, as the shown topology words it. */
export function blockerText(b: Blocker, topology?: Topology): string {
  const tgw = tgwNoRouteText(b, topology);
  if (tgw !== undefined) return `No: ${tgw}`;
  const d = b.detail;
  // An inactive peering: the option states the fault only; the key's why says what the state means.
  if (b.code === "BAD_STATE_ROUTE" && d.kind === "gateway") return `No: ${inactivePeeringFault(d)}.`;
  if (d.kind === "allowed-prefixes") return `No: ${allowedPrefixesFault(d)}`;
  // A private address sent to an internet gateway: the claim only. The model's message adds which route sent it
  // there and what route is missing, the option's own reasoning, about 330 characters where the other options
  // were 150–230 (exam17 m4); the key's why and the summary carry the rest.
  if (
    (b.code === "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS" ||
      b.code === "IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS") &&
    d.kind === "gateway" &&
    d.table !== undefined &&
    d.route !== undefined &&
    d.address !== undefined
  )
    return `No: Route table ${d.table.name ?? d.table.id} sends ${d.address} by its route ${d.route.destination} to internet gateway ${refLabel(d.gateway)}, which does not forward to a private address.`;
  // A missing route whose message adds the propagation it lacks (VPN-05): likewise the fault only.
  if (b.code === "NO_ROUTE_TO_DESTINATION" && d.kind === "route-table" && unpropagatedHint(d) !== undefined)
    return `No: ${noRouteFault(d)}.`;
  return `No: ${b.message}`;
}

function refLabel(ref: { readonly id: string; readonly name?: string | undefined }): string {
  return ref.name !== undefined && ref.name !== ref.id ? `${ref.name} (${ref.id})` : ref.id;
}

/**
 * What an inactive peering's state means (the end of its message), or the route propagation a table without a
 * route lacks, read from the blocker's detail: the option states the fault only and the key's why carries this,
 * so the key is not the one option with a long tail.
 */
function peeringHint(b: Blocker): string | undefined {
  const d = b.detail;
  if (b.code === "NO_ROUTE_TO_DESTINATION" && d.kind === "route-table") return unpropagatedHint(d);
  return b.code === "BAD_STATE_ROUTE" && d.kind === "gateway" ? peeringStateHint(d.state) : undefined;
}

/**
 * A TGW route table without a route, worded by what is missing. The stock message asks to "propagate the
 * destination's attachment", which misleads when the destination is on the internet (only a static route to
 * the egress attachment helps, TGW-18) or when the dropped packet is the reply (its destination is the flow's
 * source).
 */
function tgwNoRouteText(b: Blocker, topology: Topology | undefined): string | undefined {
  const d = b.detail;
  if (d.kind !== "transit-gateway-route-table" || b.code !== "TGW_RTB_CANNOT_ROUTE") return undefined;
  const table = d.table.name !== undefined ? `${d.table.name} (${d.table.id})` : d.table.id;
  const associated = topology?.transitGatewayRouteTables.find((t) => t.id === d.table.id)?.associations ?? [];
  // Attachments by name where they have one (the exhibit pairs names and ids): with both, this option was the
  // longest in four of five questions that keyed it, a cue by length.
  const attachments = associated.map(
    (id) =>
      topology?.transitGatewayAttachments.find((a) => a.id === id)?.name ??
      componentPhrase(topology as Topology, id),
  );
  const list =
    attachments.length > 1
      ? `${attachments.slice(0, -1).join(", ")} and ${attachments[attachments.length - 1]}`
      : attachments[0];
  const which = list !== undefined ? `, associated with ${list},` : "";
  const reply = b.direction === "return" ? " (the reply's destination, which is the flow's source)" : "";
  return `Transit gateway route table ${table}${which} has no route that matches ${d.destination}${reply}.`;
}

export function buildReachQuestion(rng: Rng, setup: ReachSetup): Question {
  const { variants } = setup;
  const cache = new NetworkCache();
  // One analysis per distinct topology content (variants may repeat one), never shared across questions.
  const memo = new AnalysisMemo(setup.query, cache);
  const shownIndex = setup.shown ?? pickShown(rng, variants);
  const shownVariant = variants[shownIndex];
  if (!shownVariant) throw new Error("shown variant out of range");
  const shownTopology = shownVariant.topology;
  const shown = analyseVariant(setup, memo, shownVariant);
  const first = shown.blockers[0];

  const candidates: Candidate[] = [];
  const summary = first
    ? blockedSummary(shownTopology, setup.query, shown, first, cache, checkedFix(setup, shownVariant, memo))
    : reachableSummary(shownTopology, shown, setup.query);
  // Every stem asks where the traffic is *first* dropped, whatever the key: a sentence present only when the
  // setup has faults would give the answer away. No other true fault is offered (each distractor below is
  // proven false in the shown setup).

  // The key first (so it is never deduplicated away), then the yes/no counterpart, then nearby variants.
  const yesText = rng.pick(YES_TEXTS);
  if (!first) {
    pushCandidate(candidates, {
      text: yesText,
      correct: true,
      why: "Right: every route, security group and network ACL on the path passes the request, and the reply comes back by connection tracking and the ACLs' return rules (SG-02, ACL-02).",
      proof: "analyze(shown): reachable both ways",
    });
  } else {
    const dir = first.direction === "return" ? "reply" : "request";
    // Looked up once for the key's reason and the "Yes" distractor's (a loop names no component).
    const firstPhrase = isLoop(first) ? "" : componentPhrase(shownTopology, first.component);
    pushCandidate(candidates, {
      text: noText(shown, shownTopology),
      correct: true,
      why: firstDropWhy(shownTopology, setup.query, shown, first, firstPhrase),
      proof: `analyze(shown): first blocker ${blockerKey(first)}`,
    });
    pushCandidate(candidates, {
      text: yesText,
      correct: false,
      why: isLoop(first)
        ? `Wrong: ${loopShort(shown, first)}`
        : first.detail.kind === "allowed-prefixes"
          ? `Wrong: on premises learns no route to ${first.detail.address} from ${lowerFirst(firstPhrase)} (DX-04), so the ${dir} is never sent, and no other component can make up for that.`
          : `Wrong: ${subjectPhrase(first.component, firstPhrase)} drops the ${dir} (${decidingRule(shownTopology, setup.query, first)}), and no other component can make up for that.`,
      proof: `analyze(shown): not reachable (${blockerKey(first)})`,
    });
  }
  const others: number[] = [];
  for (let i = 0; i < variants.length; i += 1) if (i !== shownIndex) others.push(i);
  const order = rng.shuffle(others);
  // Last-resort variants are tried only after every other one (a stable sort keeps the shuffled order within each).
  if (variants.some((v) => v.lastResort === true))
    order.sort((x, y) => Number(variants[x]?.lastResort === true) - Number(variants[y]?.lastResort === true));
  for (const i of order) {
    const variant = variants[i];
    // A working variant's verdict is "Yes", already an option (key or distractor).
    if (!variant || variant.works === true) continue;
    // Only its verdict and first blocker are read: a request blocked on its way out needs no walk of the reply.
    const other = analyseVariant(setup, memo, variant, true);
    const b = other.blockers[0];
    // The shown blockers scanned by code and component (what blockerKey joins) rather than a Set of keys: a
    // key string built and hashed per variant cost more than the scan of a few blockers.
    if (!b || hasBlocker(shown, b)) continue;
    // Two different verdicts on the same peering connection (pending vs expired) read as near-synonyms.
    if (b.component.startsWith("pcx-") && shown.blockers.some((x) => x.component === b.component)) continue;
    // "<peering> delivers only to addresses in its peer VPC" about a peering no hop of the shown flow reaches: a
    // plausible misreading only for traffic to the internet or a service (PCX-10). Between two instances no route
    // of the flow uses that peering, so a candidate rules the option out without knowing anything: not offered.
    if (offPathPeering(shownTopology, setup.query, shown, b)?.toInstance === true) continue;
    const stock = noText(other, shownTopology);
    const text = exhibitConsistentText(shownTopology, b, stock);
    if (text === undefined) continue;
    // An option with this text is already there (pushCandidate would drop it): no need to disprove it.
    if (candidates.some((c) => c.text === text)) continue;
    const disproof =
      offPathPeering(shownTopology, setup.query, shown, b) ??
      disprove(shownTopology, variant.topology, b, memo) ??
      (setup.disproveMatchedRoutes === true ? matchedRoute(shownTopology, shown, b) : undefined);
    if (disproof === undefined) {
      // The distractor's fault is also present in the shown setup (or names something it lacks): not offered.
      continue;
    }
    // Two distractors disproved by the same sentence would read as one; keep the first.
    if (candidates.some((c) => c.why.startsWith(disproof.why))) continue;
    // A deny rule cited in place of the variant's: the lower-numbered allow that matches first is the point.
    const ordering =
      text !== stock && b.detail.kind === "network-acl"
        ? " The rules are read lowest number first and the first match decides (ACL-03)."
        : text !== stock &&
            b.detail.kind === "transit-gateway-route-table" &&
            b.detail.problem === "blackhole"
          ? ` Its blackhole route does not contain ${b.detail.destination}, and the most specific route that does decides (TGW-07).`
          : "";
    pushCandidate(candidates, {
      text,
      correct: false,
      why: disproof.why + ordering,
      proof: disproof.proof,
    });
    if (candidates.length >= (setup.maxOptions ?? 4)) break;
  }

  if (!first && setup.yesKeyNotLongest === true) shortenKeyedYes(candidates);
  // An inactive peering's sentence names the connection, both VPCs and the route: often longer than the other
  // "No" texts even without its explanation, so the "Yes" distractor takes a wording at least as long; so does
  // any long "No" key where the family asks for it.
  if (first && (peeringHint(first) !== undefined || setup.yesAsLongAsNoKey === true))
    lengthenYesDistractor(candidates);

  // From difficulty 2 the prose names what exists; the rule lists, routes and states are read from the exhibit.
  const detail = setup.difficulty >= 2 ? "structure" : "full";
  const described =
    setup.describe === true ? `${setup.stem} ${describeTopology(shownTopology, detail)}` : setup.stem;
  const stem = withAddresses(described, shown);
  return buildQuestion(rng, {
    family: setup.family,
    seed: setup.seed,
    difficulty: setup.difficulty,
    concepts: setup.concepts,
    stem: `${stem} ${FIRST_DROP}`,
    topology: shownTopology,
    query: setup.query,
    candidates,
    summary,
    trace: traceLines(shown),
    cache,
    proofs: setup.proofs,
  });
}

/**
 * The keyed "Yes" (candidates[0]) reworded, without a draw, to the longest wording shorter than the longest other
 * option when it would otherwise be the longest option; the shortest wording when none is shorter.
 */
function shortenKeyedYes(candidates: Candidate[]): void {
  const key = candidates[0];
  if (!key) return;
  const longest = Math.max(0, ...candidates.slice(1).map((c) => c.text.length));
  if (key.text.length < longest) return;
  const byLength = [...YES_TEXTS].sort((a, b) => a.length - b.length);
  const shorter = byLength.filter((t) => t.length < longest);
  candidates[0] = { ...key, text: shorter.at(-1) ?? (byLength[0] as string) };
}

/** A keyed "No" longer than every other option: the "Yes" distractor takes the shortest wording not shorter. */
function lengthenYesDistractor(candidates: Candidate[]): void {
  const key = candidates[0];
  const yes = candidates.findIndex((c) => !c.correct && isYesText(c.text));
  const current = candidates[yes];
  if (!key || !current) return;
  const longest = Math.max(0, ...candidates.slice(1).map((c) => c.text.length));
  if (key.text.length <= longest) return;
  const longer = [...YES_TEXTS].sort((a, b) => a.length - b.length).find((t) => t.length >= key.text.length);
  if (longer !== undefined) candidates[yes] = { ...current, text: longer };
}

/**
 * The key's reason: where the flow is first dropped. "Every hop before X passes it" only when hops came before
 * X (a reply always follows the whole request); when X is the first check, what X lacks.
 */
function firstDropWhy(
  topology: Topology,
  query: Query,
  analysis: Analysis,
  first: Blocker,
  phrase: string,
): string {
  if (isLoop(first)) return `Right: ${loopSentence(analysis, first)}`;
  // Allowed prefixes drop nothing: they decide what on premises learns, and it learns no route (DX-04).
  if (first.detail.kind === "allowed-prefixes") return `Right: ${first.message.replace(/\.$/, "")} (DX-04).`;
  const hint = peeringHint(first);
  const why = firstDropReason(topology, query, analysis, first, phrase);
  return hint === undefined ? why : `${why} ${hint.charAt(0).toUpperCase()}${hint.slice(1)}.`;
}

function firstDropReason(
  topology: Topology,
  query: Query,
  analysis: Analysis,
  first: Blocker,
  phrase: string,
): string {
  const dir = first.direction === "return" ? "reply" : "request";
  const rule = decidingRule(topology, query, first);
  const at = analysis.forward.findIndex((h) => h.component.id === first.component);
  const earlier =
    first.direction === "return" ||
    at < 0 ||
    analysis.forward.slice(0, at).some((h) => h.detail.kind !== "send");
  if (earlier)
    return `Right: every hop before ${phrase} passes the ${dir}, and it is the first to drop it (${rule}).`;
  const d = first.detail;
  const lacks =
    d.kind === "security-group"
      ? `it has no ${d.side} rule that allows the ${dir}`
      : d.kind === "network-acl"
        ? `its ${d.side} rules deny the ${dir}`
        : d.kind === "route-table"
          ? `it has no route that matches the ${dir}'s destination`
          : `it does not pass the ${dir}`;
  return `Right: ${subjectPhrase(first.component, phrase)} is the first check the ${dir} meets, and ${lacks} (${rule}).`;
}

/** Options quote the request's addresses; a stem that does not show one (the internet, S3, on premises) says it. */
function withAddresses(stem: string, analysis: Analysis): string {
  let header: Hop["outbound"];
  for (const hop of analysis.forward) {
    header = hop.outbound ?? hop.inbound;
    if (header) break;
  }
  if (!header) return stem;
  const missing: string[] = [];
  if (!stem.includes(header.srcIp)) missing.push(`from ${header.srcIp}`);
  if (!stem.includes(header.dstIp)) missing.push(`to ${header.dstIp}`);
  return missing.length === 0 ? stem : `${stem} The request goes ${missing.join(" ")}.`;
}

export const FIRST_DROP = "If the traffic cannot get through, choose where it is first dropped.";

/**
 * Proves "No: <peering> delivers only to addresses in the peer VPC" false when the shown setup sends nothing into
 * that peering: no hop of the shown analysis, request or reply, reached or not, is at it, so the flow never meets
 * its limit (the tempting misreading that traffic to the internet or a service goes through the peer). Undefined
 * for any other blocker, or when the shown path does use the peering.
 */
function offPathPeering(
  shown: Topology,
  query: Query,
  analysis: Analysis,
  b: Blocker,
): { why: string; proof: string; toInstance: boolean } | undefined {
  if (b.code !== "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR" || findItem(shown, b.component) === undefined)
    return undefined;
  const onPath = (h: Hop): boolean => h.component.id === b.component;
  if (analysis.forward.some(onPath) || analysis.return.some(onPath)) return undefined;
  const toInstance = shown.instances.some((i) => i.name === query.to || i.id === query.to);
  const phrase = componentPhrase(shown, b.component);
  return {
    why: `${subjectPhrase(b.component, phrase)} is not on the path: no route in this setup sends the request into it, so its limit to addresses inside the peer VPC never comes into play (${toInstance ? "PCX-02" : "PCX-10"}).`,
    proof: `analyze(shown): no hop at ${b.component}, so ${blockerKey(b)} does not hold`,
    toInstance,
  };
}

/**
 * Proves "No: route table T has no route that matches D" false when the shown flow reached T in the same direction
 * and a route for D matched there. Undefined for any other blocker, or when no such hop exists.
 */
function matchedRoute(
  shown: Topology,
  analysis: Analysis,
  b: Blocker,
): { why: string; proof: string } | undefined {
  const d = b.detail;
  if (b.code !== "NO_ROUTE_TO_DESTINATION" || d.kind !== "route-table" || d.problem !== "no-route")
    return undefined;
  const direction = b.direction ?? "forward";
  const hops = direction === "return" ? analysis.return : analysis.forward;
  const hop = hops.find(
    (h) =>
      h.component.id === b.component &&
      h.reached !== false &&
      h.detail.kind === "route" &&
      h.detail.destination === d.destination &&
      h.detail.route !== undefined,
  );
  const route = hop?.detail.kind === "route" ? hop.detail.route : undefined;
  if (!hop || !route) return undefined;
  const phrase = subjectPhrase(b.component, componentPhrase(shown, b.component));
  return {
    why: `${phrase} is not at fault here: it has a route that matches ${d.destination}, ${route.description}, and the ${direction === "return" ? "reply" : "request"} follows it (RT-04).`,
    proof: `analyze(shown): ${b.component} matched ${route.description} for ${d.destination}, so ${blockerKey(b)} does not hold`,
  };
}

/**
 * Proves the distractor "No: <b>" false in the shown setup: the variant where b is the only fault gets the
 * shown setup's version of b's component; if the flow then goes through, that component is not at fault in
 * the shown setup. Undefined when it cannot be proven (the shown component is faulty too, or absent).
 */
function disprove(
  shown: Topology,
  variant: Topology,
  b: Blocker,
  memo: AnalysisMemo,
): { why: string; proof: string } | undefined {
  const item = findItem(shown, b.component);
  if (item === undefined) return undefined;
  // A give-away: a NACL rule number that the shown ACL does not have (the learner would see it is invented).
  if (
    b.detail.kind === "network-acl" &&
    typeof b.detail.ruleNumber === "number" &&
    !hasNaclRule(item, b.detail.ruleNumber)
  )
    return undefined;
  // Only the verdict is read unless it is reachable, and a reachable analysis is always the full one.
  const after = memo.analyzeReplaced(variant, b.component, item, true);
  if (!after.reachable) return undefined;
  // componentPhrase(shown, b.component) without a second scan of the topology: it finds this same item.
  const phrase = subjectPhrase(b.component, itemPhrase(item, b.component));
  const rule = passingRule(shown, b);
  let why: string;
  if (b.component.startsWith("pcx-")) {
    why =
      b.detail.kind === "gateway" && b.detail.state === "expired"
        ? `${phrase} was accepted and is active, so it has not expired (PCX-06).`
        : b.code === "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR"
          ? `The requester's route for this destination does not use ${lowerFirst(phrase)}, so its non-transitive limit does not come into play (PCX-02).`
          : `${phrase} is active, not pending acceptance, so routes to it are not blackholes (PCX-05).`;
  } else if (b.detail.kind === "allowed-prefixes" && allowedPrefixesWhy(shown, b.detail) !== undefined) {
    why = allowedPrefixesWhy(shown, b.detail) ?? "";
  } else if (isLoop(b)) {
    const tableId = b.detail.kind === "route-table" ? b.detail.table.id : b.component;
    const hop = passingHop(after, tableId, b.direction ?? "forward");
    const rule = shown.transitGatewayRouteTables.some((t) =>
      t.routes.some((r) => r.attachmentId !== undefined),
    )
      ? "TGW-07"
      : "RT-04";
    why = noLoopWhy(b, hop?.matched?.description, rule);
  } else {
    const hop = passingHop(after, b.component, b.direction ?? "forward");
    why = hop?.matched
      ? // "has the entry", not "passes": the entry may point at a component that fails elsewhere (a pending peering).
        `${phrase} is not at fault here: it has the entry the ${hop.direction === "return" ? "reply" : "request"} needs${entryClause(hop, rule)}.`
      : b.code === "BAD_STATE_VPN" || b.code === "TGW_BAD_STATE_VPN"
        ? vpnUpWhy(phrase, item)
        : `${phrase} is not at fault in this setup: with it as shown, the ${b.direction === "return" ? "reply" : "request"} gets past it (${rule}).`;
    // The rule the distractor blames does not match (a near miss), or the entry names a peer's group.
    const nearMiss = hop?.matched ? naclNearMissClause(shown, b) : undefined;
    const peerGroup =
      hop?.matched && b.detail.kind === "security-group"
        ? peerGroupReferenceSentence(shown, b.component, hop.matched.description)
        : undefined;
    if (nearMiss !== undefined) why = `${phrase} is not at fault here: ${nearMiss}`;
    else if (peerGroup !== undefined) why = `${why} ${peerGroup}`;
    // A lower-numbered deny that nearly matches is read first; say why it does not match.
    const passed = hop?.matched && nearMiss === undefined ? naclPassedOverForBlocker(shown, b) : "";
    if (passed !== "") why = `${why} ${passed}`;
  }
  return {
    why,
    proof: `analyze(variant with the shown ${b.component}): reachable, so ${blockerKey(b)} does not hold`,
  };
}

/**
 * The entry a passing hop matched, with the rule, after "needs": a route as ": <route>, which wins over <broader> by
 * longest prefix (rules)" (one level of parentheses, the rule cited once), any other entry as " (<entry>) (rule)".
 */
function entryClause(hop: Hop, rule: string): string {
  const matched = hop.matched;
  if (!matched) return "";
  const route =
    hop.detail.kind === "route" || hop.detail.kind === "transit-gateway-route" ? hop.detail.route : undefined;
  if (route === undefined) return ` (${matched.description}) (${rule})`;
  const beaten = routeWonOver(matched);
  if (beaten.length === 0) return `: ${route.description}${rule === "" ? "" : ` (${rule})`}`;
  const prefixRule = hop.detail.kind === "route" ? "RT-04" : "TGW-07";
  const rules = rule === "" || rule === prefixRule ? prefixRule : `${prefixRule}, ${rule}`;
  return `: ${route.description}, which wins over ${beaten.join(" and ")} by longest prefix (${rules})`;
}

/**
 * The rule that explains why the shown component passes what the variant's blocker says it drops. For a security
 * group that is SG-01 (an allow rule matches) unless the entry is the default allow-all outbound rule of a group
 * whose outbound rules were never changed (SG-03): the variant's own code (SG-03 for a group without rules)
 * describes the variant, not the shown group.
 */
function passingRule(shown: Topology, b: Blocker): string {
  const d = b.detail;
  if (d.kind !== "security-group") return b.rules[0] ?? "";
  const groups = d.groups.map((g) => shown.securityGroups.find((sg) => sg.id === g.id));
  return d.side === "outbound" && groups.some((g) => g !== undefined && g.outbound === undefined)
    ? "SG-03"
    : "SG-01";
}

/** Why a VPN connection is not the blocker: its tunnels as the exhibit shows them (VPN-02). */
function vpnUpWhy(phrase: string, vpn: object): string {
  const { tunnels } = vpn as { tunnels?: readonly { status?: string }[] };
  const list = tunnels ?? [{ status: "UP" }, { status: "UP" }];
  const up = list.filter((t) => t.status === "UP").length;
  const shown =
    up === list.length
      ? list.length === 2
        ? "both tunnels"
        : "all its tunnels"
      : `${String(up)} of its ${String(list.length)} tunnels`;
  return `${phrase} has ${shown} UP, and a VPN connection carries traffic while at least one tunnel is up (VPN-02).`;
}

/** The hop where the component handles the flow, in the distractor's direction first. */
function hasNaclRule(acl: object, ruleNumber: number): boolean {
  const { inbound, outbound } = acl as {
    inbound?: { ruleNumber: number }[];
    outbound?: { ruleNumber: number }[];
  };
  if (inbound) for (const r of inbound) if (r.ruleNumber === ruleNumber) return true;
  if (outbound) for (const r of outbound) if (r.ruleNumber === ruleNumber) return true;
  return false;
}

function passingHop(analysis: Analysis, component: string, direction: "forward" | "return"): Hop | undefined {
  const [first, second] =
    direction === "return" ? [analysis.return, analysis.forward] : [analysis.forward, analysis.return];
  for (const hop of first) if (hop.component.id === component) return hop;
  for (const hop of second) if (hop.component.id === component) return hop;
  return undefined;
}

function findItem(topology: Topology, id: string): object | undefined {
  for (const key in topology) {
    const value: unknown = topology[key as keyof Topology];
    if (!Array.isArray(value)) continue;
    for (const item of value as unknown[])
      if (item !== null && typeof item === "object" && (item as { id?: unknown }).id === id) return item;
  }
  return undefined;
}

function decidingRule(topology: Topology, query: Query, first: Blocker): string {
  const toInstance = topology.instances.some((i) => i.name === query.to || i.id === query.to);
  if (first.code === "SUBNET_ACL_RESTRICTION" && first.direction === "return") return "ACL-02";
  if (first.code === "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR" && !toInstance) return "PCX-10";
  // A loop comes from a route that sends the packet back where it came from: in these setups a static TGW route
  // to the wrong attachment, which wins over the propagated one (TGW-07).
  if (first.code === "RCH_ROUTING_LOOP" && first.rules.length === 0)
    return topology.transitGatewayRouteTables.some((t) => t.routes.some((r) => r.attachmentId !== undefined))
      ? "TGW-07"
      : "RT-04";
  return first.rules[0] ?? "";
}

/** The deciding rule in one sentence, which direction fails and where, and the one change that fixes it. */
/** The family's own fix for the shown variant, proven: the changed setup must let the flow through. */
function checkedFix(setup: ReachSetup, variant: Variant, memo: AnalysisMemo): Variant["fix"] {
  if (!variant.fix) return undefined;
  if (!memo.analyze(variant.fix.topology, true).reachable) {
    throw new Error(
      `${setup.family} seed ${setup.seed}: the stated fix "${variant.fix.change}" does not make the flow reachable`,
    );
  }
  return variant.fix;
}

function blockedSummary(
  topology: Topology,
  query: Query,
  analysis: Analysis,
  first: Blocker,
  cache: NetworkCache,
  known?: Variant["fix"],
): string {
  // A reply dropped by a NACL is the stateless rule (ACL-02); a peering asked to carry traffic to the internet or
  // a service rather than to a peer's instance is edge-to-edge routing (PCX-10), not transitivity (PCX-02).
  const toInstance = topology.instances.some((i) => i.name === query.to || i.id === query.to);
  const deciding =
    first.code === "SUBNET_ACL_RESTRICTION" && first.direction === "return"
      ? ["ACL-02"]
      : first.code === "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR" && !toInstance
        ? ["PCX-10"]
        : first.rules.length > 0
          ? first.rules
          : [decidingRule(topology, query, first)];
  const sentence = decidingSentence(deciding, first);
  const where = isLoop(first)
    ? loopSentence(analysis, first)
    : first.detail.kind === "allowed-prefixes"
      ? `On premises learns no route to ${first.detail.address} from ${componentPhrase(topology, first.component)}, so the ${first.direction === "return" ? "reply" : "request"} is never sent over Direct Connect.`
      : `The ${first.direction === "return" ? "reply" : "request"} is dropped at ${componentPhrase(topology, first.component)}.`;
  const transitive = transitivePeeringSentence(topology, first) ?? "";
  // A NACL drop names the rule that matched and why it decides (lowest number first).
  const nacl = naclDropSentence(topology, first) ?? "";
  // A route near the address that does not cover it: which addresses it covers (RT-04).
  const uncovered = uncoveredRouteSentence(topology, first) ?? "";
  if (known)
    return [sentence, where, nacl, uncovered, known.cause ?? "", `Fix: ${known.change}.`, transitive]
      .filter((x) => x !== "")
      .join(" ");
  // proposeFixes(…, { combined: false }).find((f) => f.verified), without verifying the candidates after it.
  const fix = firstVerifiedFix(topology, query, { analysis, cache });
  // Only a fix that analyze verified is named; a partial one could send the learner the wrong way.
  const propagation = fix ? vgwPropagationFix(topology, query, analysis, cache, fix) : undefined;
  const change = propagation
    ? `Fix: ${lowerFirst(propagation.description)}, the usual way, ${propagationEffect(topology, propagation)}; a static route does it too (${lowerFirst(fix?.description ?? "")}).`
    : fix
      ? `Fix: ${lowerFirst(fix.description)}.`
      : secondFaultSentence(topology, query, analysis, first, cache);
  return [sentence, where, nacl, uncovered, change, transitive].filter((x) => x !== "").join(" ");
}

/**
 * No single change lets the flow through: the first blocker's own fix, applied to a copy and re-analysed, shows
 * what would drop the flow next, so a learner who fixes only the first fault is not left thinking it is done.
 * Said only when the model finds the next drop at another component.
 */
function secondFaultSentence(
  topology: Topology,
  query: Query,
  analysis: Analysis,
  first: Blocker,
  cache: NetworkCache,
): string {
  const own = proposeFixes(topology, query, { analysis, cache, combined: false })[0];
  if (!own) return "";
  // Only the verdict and the next blocker are read.
  const after = analyzeTopology(own.topology, query, cache, true);
  const next = after.blockers[0];
  if (after.reachable || !next || next.component === first.component) return "";
  const dir = next.direction === "return" ? "reply" : "request";
  const rule = decidingRule(topology, query, next);
  const fate = isLoop(next)
    ? `would then loop between route tables (at ${componentPhrase(topology, next.component)})`
    : `would still be dropped at ${componentPhrase(topology, next.component)}`;
  return `Fixing that alone is not enough: after that change (${lowerFirst(own.description)}), the ${dir} ${fate}${rule !== "" ? ` (${rule})` : ""}, which needs a fix of its own.`;
}

/**
 * What turning on propagation from a virtual private gateway adds: a VPN's prefixes while it is up (VPN-05), or,
 * for a gateway reached only over Direct Connect, the prefixes learned over BGP on the private virtual interface
 * (DX-08). Which one is read from the topology, never assumed.
 */
function propagationEffect(topology: Topology, propagation: Fix): string {
  const vgw = propagation.gateway;
  const hasVpn = topology.vpnConnections.some((v) => v.vpnGatewayId === vgw);
  const hasDx = topology.directConnectGateways.some((d) => d.associations.some((a) => a.gatewayId === vgw));
  return hasDx && !hasVpn
    ? "which adds the on-premises prefixes the virtual private gateway learns over BGP from the Direct Connect gateway (DX-08)"
    : "which adds the VPN's prefixes to the table while the VPN is up (VPN-05)";
}

/**
 * A missing route to a virtual private gateway is usually fixed by turning on route propagation from it (VPN-05):
 * that fix, when proposeFixes offers it for the table and analyze verifies it.
 */
function vgwPropagationFix(
  topology: Topology,
  query: Query,
  analysis: Analysis,
  cache: NetworkCache,
  fix: Fix,
): Fix | undefined {
  if (fix.kind !== "add-route" || fix.gateway?.startsWith("vgw-") !== true) return undefined;
  // The first verified propagation fix of proposeFixes, verifying only the propagation candidates.
  return firstVerifiedFix(topology, query, {
    analysis,
    cache,
    only: (candidate) =>
      candidate.kind === "enable-propagation" && candidate.gateway?.startsWith("vgw-") === true,
  });
}

const PATH_SENTENCES: readonly (readonly [string, string])[] = [
  [
    "vpc-peering-connection",
    "the peering connection is active and both route tables point the other VPC's CIDR at it (PCX-08)",
  ],
  [
    "nat-gateway",
    "the NAT gateway translates the private source to its Elastic IP and sends it out through its subnet's internet gateway (NAT-01)",
  ],
  [
    "internet-gateway",
    "the route to the internet gateway and the instance's public IP give it internet access (IGW-01)",
  ],
  ["vpc-gateway-endpoint", "the prefix-list route sends the traffic to the gateway endpoint (GWE-02)"],
  [
    "egress-only-internet-gateway",
    "the ::/0 route to the egress-only internet gateway lets the IPv6 connection out (EIGW-01)",
  ],
  ["vpn-gateway", "the virtual private gateway and the VPN routes carry the traffic both ways (VPN-05)"],
];

function reachableSummary(topology: Topology, analysis: Analysis, query: Query): string {
  const parts: string[] = [];
  let nat = false;
  const dxTgw = transitDirectConnectSentence(topology, analysis);
  if (dxTgw) parts.push(dxTgw);
  const tgw = transitGatewaySentence(analysis);
  if (tgw) parts.push(tgw);
  for (const [type, sentence] of PATH_SENTENCES) {
    if (!analysis.forward.some((h) => h.component.type.startsWith(type))) continue;
    if (type === "internet-gateway" && nat) continue;
    if (type === "nat-gateway") nat = true;
    // Over Direct Connect there is no VPN: the path is the Direct Connect gateway's association and the route
    // to the virtual private gateway, named as the exhibit shows them.
    const dx = type === "vpn-gateway" ? directConnectSentence(topology, analysis) : undefined;
    const endpoint =
      type === "vpc-gateway-endpoint" ? gatewayEndpointSentence(topology, analysis) : undefined;
    parts.push(dx ?? endpoint ?? sentence);
  }
  const traffic =
    query.port !== undefined ? `${query.protocol.toUpperCase()} ${query.port}` : query.protocol.toUpperCase();
  parts.push(
    `the security groups allow ${traffic} and let the reply back because they are stateful, and the network ACLs allow both directions (SG-02, ACL-02)`,
  );
  return [`The connection works: ${parts.join("; ")}.`, ...decidingDetails(topology, analysis, query)].join(
    " ",
  );
}

/**
 * The gateway endpoint the request used, named with the prefix-list route that sent it there (GWE-02), and any
 * endpoint for the same service in another VPC, which serves only its own VPC, over a peering or not (GWE-06).
 * Undefined when the path has no gateway endpoint or its route hop is missing.
 */
function gatewayEndpointSentence(topology: Topology, analysis: Analysis): string | undefined {
  const hop = analysis.forward.find((h) => h.component.type === "vpc-gateway-endpoint");
  const endpoint = topology.gatewayEndpoints.find((e) => e.id === hop?.component.id);
  if (!hop || !endpoint) return undefined;
  let via: Extract<Hop["detail"], { kind: "route" }> | undefined;
  for (const h of analysis.forward)
    if (h.detail.kind === "route" && h.detail.route?.target === endpoint.id) via = h.detail;
  const route = via?.route;
  if (!via || !route) return undefined;
  const table = via.table;
  const vpcName = (id: string): string => topology.vpcs.find((v) => v.id === id)?.name ?? id;
  const own = `the route ${route.description} in ${table} sends the request to ${possessive(vpcName(endpoint.vpcId))} own gateway endpoint (GWE-02)`;
  const others = topology.gatewayEndpoints.filter(
    (e) => e.service === endpoint.service && e.vpcId !== endpoint.vpcId,
  );
  if (others.length === 0) return own;
  const named = others.map((e) => `${e.id} in ${vpcName(e.vpcId)}`).join(" and ");
  const serves =
    others.length === 1 ? "serves only its own VPC and plays" : "serve only their own VPCs and play";
  return `${own}; the endpoint ${named} ${serves} no part in this flow (GWE-06)`;
}

/**
 * A virtual private gateway reached over a private virtual interface: the Direct Connect gateway association
 * with its allowed prefixes (DX-01, DX-04) and the route the reply takes back to the virtual private gateway,
 * which propagation fills from the prefixes learned over BGP (DX-08). Undefined when the request does not cross
 * a Direct Connect gateway (a Site-to-Site VPN keeps the VPN sentence).
 */
function directConnectSentence(topology: Topology, analysis: Analysis): string | undefined {
  const dxHop = analysis.forward.find((h) => h.component.type === "direct-connect-gateway");
  const vgwHop = analysis.forward.find((h) => h.component.type === "vpn-gateway");
  if (!dxHop || !vgwHop) return undefined;
  const dx = topology.directConnectGateways.find((d) => d.id === dxHop.component.id);
  const association = dx?.associations.find((a) => a.gatewayId === vgwHop.component.id);
  const vpcId = topology.vpnGateways.find((g) => g.id === vgwHop.component.id)?.vpcId;
  // Only the VPC CIDRs that an allowed prefix equals or contains (the one holding the server, at least).
  const vpcCidrs = advertisedVpcCidrs(
    association?.allowedPrefixes ?? [],
    topology.vpcs.find((v) => v.id === vpcId)?.cidrBlocks ?? [],
  ).join(", ");
  // DX-04: on a VGW association the allowed prefixes filter the VPC's CIDR, which is what goes out.
  const prefixes =
    association?.allowedPrefixes !== undefined && association.allowedPrefixes.length > 0
      ? ` with allowed prefixes ${association.allowedPrefixes.join(", ")}${vpcCidrs !== "" ? `, the same as or wider than the VPC's CIDR ${vpcCidrs}, so that CIDR is advertised to on premises` : ""}`
      : "";
  const hop = analysis.return.find((h) => h.component.type === "route-table" && h.matched);
  const route = hop?.matched;
  const fact = hop?.detail.kind === "route" ? hop.detail.route : undefined;
  const learned =
    fact?.origin === "propagated"
      ? ", which the virtual private gateway propagates from the prefixes it learns over BGP on the private virtual interface"
      : "";
  const back =
    route !== undefined
      ? `the reply follows the route ${route.description} back to it${learned} (DX-08)`
      : "the reply goes back the same way (DX-08)";
  return `the request comes in over Direct Connect gateway ${componentPhrase(topology, dxHop.component.id)}, associated with virtual private gateway ${componentPhrase(topology, vgwHop.component.id)}${prefixes} (DX-01, DX-04), and ${back}`;
}

/**
 * The rules a learner might think block a working flow, named where the setup invites the doubt: an allow
 * rule read before a higher-numbered deny (ACL-03), and a server group without outbound rules whose reply
 * still leaves (SG-02).
 */
function decidingDetails(topology: Topology, analysis: Analysis, query: Query): string[] {
  const out: string[] = [];
  const seenAcls = new Set<string>();
  const seenPassed = new Set<string>();
  for (const hop of [...analysis.forward, ...analysis.return]) {
    const d = hop.detail;
    if (d.kind !== "network-acl" || !d.allowed || d.ruleNumber === "*") continue;
    const acl = topology.networkAcls.find((a) => a.id === d.acl);
    if (!acl) continue;
    // A lower-numbered deny that nearly matches the flow, and why it does not (ACL-03).
    const header = hop.inbound ?? hop.outbound;
    if (header !== undefined && !seenPassed.has(`${acl.id} ${d.side} ${hop.direction}`)) {
      seenPassed.add(`${acl.id} ${d.side} ${hop.direction}`);
      const passed = naclPassedOverSentence(
        d.side === "inbound" ? acl.inbound : acl.outbound,
        {
          side: d.side,
          remote: d.side === "inbound" ? header.srcIp : header.dstIp,
          traffic: { protocol: header.protocol, port: header.dstPort },
          direction: hop.direction,
        },
        d.ruleNumber,
        "deny",
      );
      if (passed !== "") out.push(`In ${componentPhrase(topology, acl.id)}: ${lowerFirst(passed)}`);
    }
    const list = [acl.inbound, acl.outbound].find((rules) =>
      rules.some((r) => r.ruleNumber === d.ruleNumber && r.action === "allow"),
    );
    const deny = list?.find((r) => r.action === "deny" && r.ruleNumber > (d.ruleNumber as number));
    if (!deny) continue;
    const sentence = `In ${componentPhrase(topology, acl.id)}, rule ${d.ruleNumber} allows the ${hop.direction === "return" ? "reply" : "request"} before rule ${deny.ruleNumber} (deny) is read: rules are evaluated lowest number first and the first match decides (ACL-03).`;
    // One sentence per ACL: the request's and the reply's rules make the same point.
    if (seenAcls.has(acl.id)) continue;
    seenAcls.add(acl.id);
    out.push(sentence);
  }
  const returnRules = naclReturnRules(topology, analysis);
  if (returnRules.length > 0)
    out.push(
      `Network ACLs are stateless, so the reply needs rules of its own for the client's ephemeral ports, and here it passes through the return rules ${returnRules.join(" and ")} (ACL-02).`,
    );
  const server = topology.instances.find((i) => i.name === query.to || i.id === query.to);
  for (const sgId of server?.securityGroupIds ?? []) {
    const sg = topology.securityGroups.find((g) => g.id === sgId);
    if (sg?.outbound === undefined || sg.outbound.length > 0) continue;
    out.push(
      `${componentPhrase(topology, sg.id)} has no outbound rules, yet the reply leaves: security groups are stateful, and outbound rules only limit connections the instance starts itself (SG-02).`,
    );
  }
  return out;
}

/** The numbered NACL rules with a port range that let the reply through, "acl-x (…) outbound rule 100 (TCP 1024-65535 to …)". */
function naclReturnRules(topology: Topology, analysis: Analysis): string[] {
  const out: string[] = [];
  for (const hop of analysis.return) {
    const d = hop.detail;
    if (d.kind !== "network-acl" || !d.allowed || d.ruleNumber === "*") continue;
    const acl = topology.networkAcls.find((a) => a.id === d.acl);
    const rule = (d.side === "inbound" ? acl?.inbound : acl?.outbound)?.find(
      (r) => r.ruleNumber === d.ruleNumber,
    );
    if (!acl || rule?.fromPort === undefined || rule.toPort === undefined) continue;
    const toFrom = d.side === "inbound" ? "from" : "to";
    out.push(
      `${componentPhrase(topology, acl.id)} ${d.side} rule ${String(rule.ruleNumber)} (${String(rule.protocol).toUpperCase()} ${String(rule.fromPort)}-${String(rule.toPort)} ${toFrom} ${rule.cidrBlock})`,
    );
  }
  return out;
}

/**
 * Names the attachments the request actually uses: with a VPN or a third VPC on the same transit gateway,
 * "both attachments" would describe a path that is not the one taken.
 */
function transitGatewaySentence(analysis: Analysis): string | undefined {
  const used: string[] = [];
  for (const h of analysis.forward) {
    if (h.component.type !== "transit-gateway-attachment") continue;
    const label = h.component.name !== undefined ? `${h.component.name} (${h.component.id})` : h.component.id;
    if (!used.includes(label)) used.push(label);
  }
  if (used.length === 0) return undefined;
  const path =
    used.length === 1
      ? `attachment ${used[0]}`
      : `attachments ${used.slice(0, -1).join(", ")} and ${used[used.length - 1]}`;
  return `the request crosses the transit gateway through ${path}, and the TGW route table associated with each of them has a route, propagated or static, for the other end of the flow, so the request and the reply both get through (TGW-04, TGW-05)`;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

// Module-level helpers rather than closures inside buildReachQuestion: under tsx every named closure costs
// about 0.5 µs to create (esbuild's keep-names wrapper), once per question.
function analyseVariant(setup: ReachSetup, memo: AnalysisMemo, variant: Variant, verdict = false): Analysis {
  const analysis = memo.analyze(variant.topology, verdict);
  if (analysis.reachable !== (variant.works === true)) {
    throw new Error(
      `${setup.family} seed ${setup.seed}: variant ${setup.variants.indexOf(variant)} declared ${variant.works === true ? "working" : "faulty"} is ${analysis.reachable ? "reachable" : "blocked"} (${analysis.blockers[0]?.message ?? "no blocker"})`,
    );
  }
  return analysis;
}

function hasBlocker(analysis: Analysis, b: Blocker): boolean {
  for (const x of analysis.blockers) if (x.code === b.code && x.component === b.component) return true;
  return false;
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

function pickShown(rng: Rng, variants: readonly Variant[], allowed?: readonly number[]): number {
  const yes: number[] = [];
  const no: number[] = [];
  for (let i = 0; i < variants.length; i += 1)
    if (allowed === undefined || allowed.includes(i)) (variants[i]?.works === true ? yes : no).push(i);
  // About 2 in 7 show a working setup: near the 1-in-4 chance of a four-option question, so that always
  // answering "Yes" is no better than guessing (check-generator's cue check).
  if (yes.length > 0 && (no.length === 0 || rng.chance(2, 7))) return rng.pick(yes);
  return rng.pick(no);
}

/**
 * The shown variant drawn among `allowed` only (a difficulty's own faults, e.g. d3's two-fact ones), with the
 * same share of working setups as the default draw; the other variants still supply distractors.
 */
export function pickShownAmong(rng: Rng, variants: readonly Variant[], allowed: readonly number[]): number {
  return pickShown(rng, variants, allowed);
}

/** componentPhrase of an item already found by id. */
function itemPhrase(item: object, id: string): string {
  const name = (item as { name?: unknown }).name;
  return typeof name === "string" ? `${name} (${id})` : id;
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
