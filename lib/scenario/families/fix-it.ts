// fix-it: "which single change lets A reach C?" The right option is a fix that lib/net's proposeFixes offers
// for the broken flow; the wrong options are near-miss changes of the setup (lib/scenario/near-misses.ts: the
// right port on the wrong group, in the wrong direction or from the wrong source, a route for the wrong CIDR
// or in the wrong table, a TGW route to the wrong attachment), never one already in place. Every option is
// checked with analyze on the changed topology: the right one must make the flow reachable, every wrong one
// must leave it blocked.
import {
  analyze,
  buildNetwork,
  NetworkCache,
  type Analysis,
  type Query,
  type Topology,
} from "../../net/index";
import { proposeFixes, type Fix } from "../../net/fixes";
import { decidingSentence } from "../rule-sentences";
import { uncoveredRouteSentence } from "../route-coverage";
import { naclDropSentence } from "../rule-order";
import { subjectPhrase } from "../component-noun";
import { isLoop, loopShort } from "../routing-loop";
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import type { Candidate } from "../options";
import type { Difficulty, Question } from "../question";
import { forkedRng, type Rng } from "../rng";
import { provenNearMisses, type ProvenNearMiss } from "../near-misses";
import { drawFixItFault } from "./fix-it-faults";
import type { ProofSink } from "../proofs";

const NAME = "fix-it";

/** A wrong option: a near-miss change, the topology it yields here, and where the flow is still dropped. */
export type WrongFix = ProvenNearMiss;
export type FixItCase = {
  readonly question: Question;
  readonly right: Fix;
  readonly wrong: readonly WrongFix[];
};

type Attempt = {
  topology: Topology;
  query: Query;
  concepts: string[];
  right: Fix;
  wrong: readonly WrongFix[];
  analyses: Map<Topology, Analysis>;
  /** The question's cache: the exhibit reuses the networks built while the options were proven. */
  cache: NetworkCache;
};

function attempt(rng: Rng, difficulty: Difficulty): Attempt | undefined {
  const { setup, missing } = drawFixItFault(rng, difficulty);
  const topology = missing.remove(setup.base);
  const query = setup.query;
  // One analysis per topology object within this question (never across seeds).
  const analyses = new Map<Topology, Analysis>();
  const cache = new NetworkCache();
  const network = buildNetwork(topology, cache);
  const analysis = analyze(network, query);
  analyses.set(topology, analysis);
  if (analysis.reachable) return undefined;
  // proposeFixes re-runs analyze on every candidate's topology: `verified` is that verdict for this query.
  // It starts from this topology's network and analysis instead of building and analysing it again.
  // Single changes only: a question asks for one change, so no "combined" fix is built.
  const working = proposeFixes(topology, query, { network, analysis, combined: false, cache }).filter(
    (f) => f.verified,
  );
  if (working.length === 0) return undefined;
  const right = rng.pick(working);
  // Wrong options: near-miss changes (wrong table, wrong CIDR, wrong group, direction or source, wrong
  // attachment) that change this topology and that analyze proves leave the flow blocked.
  const wrong = provenNearMisses(
    rng,
    topology,
    query,
    setup.nearMisses,
    new Set([right.description]),
    3,
    "fix",
    cache,
  );
  if (wrong.length < 2) return undefined;
  return { topology, query, concepts: setup.concepts, right, wrong, analyses, cache };
}

export function fixItCase(seed: number, difficulty: Difficulty, proofs?: ProofSink): FixItCase {
  const rng = forkedRng(seed, `${NAME}/${difficulty}`);
  for (let tries = 0; tries < 24; tries += 1) {
    const found = attempt(rng, difficulty);
    if (!found) continue;
    const { topology, query, right, wrong, analyses, cache } = found;
    const before = analyses.get(topology) ?? analyze(topology, query);
    const candidates: Candidate[] = [
      {
        text: right.description,
        correct: true,
        why: `Right: with this change both the request and the reply get through (${right.rules.join(", ")}).`,
        proof: "analyze(topology with this fix): reachable",
      },
      ...wrong.map((miss) => ({
        text: miss.text,
        correct: false,
        why: withStillDropped(miss),
        proof: `analyze(topology with this change): blocked at ${miss.blocker?.code ?? "?"}@${miss.blocker?.component ?? "?"}`,
      })),
    ];
    const port = query.port !== undefined ? ` on TCP ${query.port}` : "";
    const question = buildQuestion(rng, {
      proofs,
      family: NAME,
      seed,
      difficulty,
      concepts: found.concepts,
      stem: `${query.from} cannot reach ${query.to === "internet" ? "the internet" : query.to}${port}. Which single change makes it work?`,
      topology,
      query,
      candidates,
      summary: fixSummary(topology, before, right.description),
      cache,
    });
    return { question, right, wrong };
  }
  throw new Error(`${NAME} seed ${seed}: no broken setup with a verified fix and two wrong fixes`);
}

/**
 * A wrong fix's why, ending with where the model's trace still drops the flow once the change is made, unless the
 * why already names that component: the near miss's own reason says what the change does, this clause says why
 * that is not enough here (exam16: an inbound security group rule's why spoke of outbound rules the group had).
 * A clause of the why's last sentence, not a sentence of its own: options left blocked at the same place would
 * otherwise repeat one sentence.
 */
function withStillDropped(miss: WrongFix): string {
  const b = miss.blocker;
  // A routing loop drops nowhere: the trace hands the packet back and forth between tables (exam17 M3), so the
  // clause says so rather than naming the loop's component (a subnet) as if it dropped the flow.
  if (b !== undefined && isLoop(b))
    return `${miss.why.replace(/\.$/, "")}; with it, ${loopShort(miss.analysis, b)}`;
  if (b === undefined || miss.why.includes(b.component)) return miss.why;
  const names = Object.values(b.detail).flatMap((v: unknown) =>
    typeof v === "object" &&
    v !== null &&
    "id" in v &&
    v.id === b.component &&
    "name" in v &&
    typeof v.name === "string"
      ? [v.name]
      : [],
  );
  if (names.some((n) => n !== "" && miss.why.includes(n))) return miss.why;
  const name = names.find((n) => n !== "");
  const where = subjectPhrase(b.component, name === undefined ? b.component : `${name} (${b.component})`);
  const leg = b.direction === "return" ? "reply" : "request";
  return `${miss.why.replace(/\.$/, "")}; with it, ${where.charAt(0).toLowerCase()}${where.slice(1)} still drops the ${leg}.`;
}

/** The deciding rule, whether the request or the reply fails, and the one change that fixes it. */
function fixSummary(topology: Topology, before: Analysis, change: string): string {
  const b = before.blockers[0];
  // A NACL drop names the deciding rule and the near-miss rules read before it.
  const nacl = b ? (naclDropSentence(topology, b) ?? "") : "";
  const sentence = b
    ? decidingSentence(
        b.code === "SUBNET_ACL_RESTRICTION" && b.direction === "return" ? ["ACL-02"] : b.rules,
        b,
      )
    : "";
  const where = b
    ? `The ${b.direction === "return" ? "reply" : "request"} is dropped at ${b.component}.`
    : "";
  // A route to the right place whose block misses the address: say which addresses it covers.
  const uncovered = b ? (uncoveredRouteSentence(topology, b) ?? "") : "";
  return [
    sentence,
    where,
    nacl,
    uncovered,
    `The one change that fixes it: ${change.charAt(0).toLowerCase()}${change.slice(1)}.`,
  ]
    .filter((x) => x !== "")
    .join(" ");
}

export const fixIt: Family = {
  name: NAME,
  title: "Which change fixes it?",
  concepts: ["P4", "P7", "P11", "S1", "S2", "V6"],
  difficulties: [1, 2, 3],
  usesModel: true,
  generate: (seed, difficulty, proofs) => fixItCase(seed, difficulty, proofs).question,
};
