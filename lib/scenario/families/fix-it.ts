// fix-it: "which single change lets A reach C?" The right option is a fix that lib/net's proposeFixes offers
// for the broken flow; the wrong options are fixes proposeFixes offers for nearby flows (the reverse
// direction, another port) on the same topology. Every option is checked with analyze on the changed
// topology: the right one must make the flow reachable, every wrong one must leave it blocked.
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
import { buildQuestion } from "../build-question";
import type { Family } from "../family";
import type { Candidate } from "../options";
import type { Difficulty, Question } from "../question";
import { createRng, type Rng } from "../rng";
import { SERVICE_PORTS } from "../reach-fixtures";
import { drawCompleteSetup, type Piece } from "./missing-piece";

const NAME = "fix-it";

/** A wrong option: the model's fix for a nearby flow, and the topology it yields when applied here. */
export type WrongFix = { readonly fix: Fix; readonly result: Topology };
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
  wrong: WrongFix[];
  analyses: Map<Topology, Analysis>;
};

function attempt(rng: Rng, difficulty: Difficulty): Attempt | undefined {
  const setup = drawCompleteSetup(rng, difficulty);
  const missingIndex = rng.pick(
    setup.pieces.map((piece, i) => (piece.fixIt === false ? -1 : i)).filter((i) => i >= 0),
  );
  const missing = setup.pieces[missingIndex] as Piece;
  const topology = missing.remove(setup.base);
  const query = setup.query;
  // One analysis per topology object within this question (never across seeds).
  const analyses = new Map<Topology, Analysis>();
  const cache = new NetworkCache();
  const analysisOf = (t: Topology): Analysis => {
    let a = analyses.get(t);
    if (!a) analyses.set(t, (a = analyze(t, query, { cache })));
    return a;
  };
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
  const seen = new Set<string>([right.description]);
  const wrong: WrongFix[] = [];
  const keep = (fix: Fix, result: Topology): void => {
    if (seen.has(fix.description) || fix.kind === "combined" || wrong.length >= 3) return;
    if (analysisOf(result).reachable) return; // it would fix this flow too: not a wrong option
    seen.add(fix.description);
    wrong.push({ fix, result });
  };
  // (a) Fixes the model proposes for the same pair on another port: applied here, they change the topology,
  // and analyze must find this flow still blocked.
  const otherPort = rng.pick(SERVICE_PORTS.filter(([p]) => p !== query.port))[0];
  for (const fix of proposeFixes(
    topology,
    { ...query, port: otherPort },
    { network, combined: false, cache },
  ))
    keep(fix, fix.topology);
  // (b) Fixes the model proposes when a different piece is missing: here that piece is already in place,
  // so the change leaves this topology as it is (still blocked: the analysis above).
  for (const j of rng.shuffle(setup.pieces.map((_, i) => i).filter((i) => i !== missingIndex))) {
    if (wrong.length >= 3) break;
    const other = setup.pieces[j] as Piece;
    for (const fix of proposeFixes(other.remove(setup.base), query, { combined: false, cache }))
      keep(fix, topology);
  }
  if (wrong.length < 2) return undefined;
  return { topology, query, concepts: setup.concepts, right, wrong, analyses };
}

export function fixItCase(seed: number, difficulty: Difficulty): FixItCase {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  for (let tries = 0; tries < 24; tries += 1) {
    const found = attempt(rng, difficulty);
    if (!found) continue;
    const { topology, query, right, wrong, analyses } = found;
    const analysisOf = (t: Topology): Analysis => analyses.get(t) ?? analyze(t, query);
    const before = analysisOf(topology);
    const candidates: Candidate[] = [
      {
        text: right.description,
        correct: true,
        why: `Right: with this change both the request and the reply get through (${right.rules.join(", ")}).`,
        proof: "analyze(topology with this fix): reachable",
      },
      ...wrong.map(({ fix, result }) => {
        const after = analysisOf(result);
        const b = after.blockers[0];
        const why =
          result === topology
            ? `"${fix.description}" is already in place, so nothing changes (${fix.rules[0] ?? ""}).`
            : `With "${fix.description}" the ${b?.direction === "return" ? "reply" : "request"} would still be dropped at ${b?.component ?? "?"} (${b?.rules[0] ?? ""}).`;
        return {
          text: fix.description,
          correct: false,
          why,
          proof: `analyze(topology with this fix): blocked at ${b?.code ?? "?"}@${b?.component ?? "?"}`,
        };
      }),
    ];
    const port = query.port !== undefined ? ` on TCP ${query.port}` : "";
    const question = buildQuestion(rng, {
      family: NAME,
      seed,
      difficulty,
      concepts: found.concepts,
      stem: `${query.from} cannot reach ${query.to}${port}. Which single change makes it work?`,
      topology,
      query,
      candidates,
      summary: fixSummary(before, right.description),
      rules: [...right.rules, ...before.blockers.flatMap((b) => b.rules)],
    });
    return { question, right, wrong };
  }
  throw new Error(`${NAME} seed ${seed}: no broken setup with a verified fix and two wrong fixes`);
}

/** The deciding rule, whether the request or the reply fails, and the one change that fixes it. */
function fixSummary(before: Analysis, change: string): string {
  const b = before.blockers[0];
  const sentence = b
    ? decidingSentence(b.code === "SUBNET_ACL_RESTRICTION" && b.direction === "return" ? ["ACL-02"] : b.rules)
    : "";
  const where = b
    ? `The ${b.direction === "return" ? "reply" : "request"} is dropped at ${b.component}.`
    : "";
  return [
    sentence,
    where,
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
  generate: (seed, difficulty) => fixItCase(seed, difficulty).question,
};
