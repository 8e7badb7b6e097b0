// The "Choose two." variant of missing-piece: two pieces of a working setup are gone, and the learner picks the
// two changes that together make A reach C. Everything is proven on the model: the complete setup is
// reachable, each key alone leaves the flow blocked, the two keys together make it reachable, and every other
// pair of options (a key with a near-miss, or two near-misses) leaves it blocked. Kept outside missing-piece.ts
// (it only reuses its setups) and hooked in by wrapping the family, so the single-piece code is untouched.
import type * as T from "../../net/index";
import { NetworkCache } from "../../net/index";
import { buildQuestion } from "../build-question";
import type { ProofSink } from "../proofs";
import { CHOOSE_TWO } from "../concept-fact-choose-two";
import type { Family } from "../family";
import { lowerInitial } from "../lower-initial";
import { provenNearMisses, type ProvenNearMiss } from "../near-misses";
import type { Difficulty, Question } from "../question";
import { analyzeTopology, traceLines } from "../reach-question";
import { createRng } from "../rng";
import { decidingSentence } from "../rule-sentences";
import { drawCompleteSetup, missingPiece, type Piece, type Setup } from "./missing-piece";

/** Percent of missing-piece draws at difficulty 2 and 3 that ask for two pieces. */
export const MISSING_TWO_PERCENT = 10;

export type MissingTwoCase = {
  readonly question: Question;
  readonly setup: Setup;
  /** The two removed pieces (the keys). */
  readonly missing: readonly [Piece, Piece];
  readonly shownTopology: T.Topology;
  readonly distractors: readonly ProvenNearMiss[];
};

/** One option as a change to a topology: a removed piece put back, or a near-miss applied. */
type Change = { readonly text: string; readonly apply: (t: T.Topology) => T.Topology };

/**
 * The two-piece case this seed draws, or undefined when the seed keeps the single-piece question (the draw
 * uses its own rng stream, so those seeds are unchanged) or no pair of this setup's pieces qualifies.
 */
export function missingTwoCase(
  seed: number,
  difficulty: Difficulty,
  proofs?: ProofSink,
): MissingTwoCase | undefined {
  if (difficulty === 1) return undefined;
  const pick = createRng(seed).fork(`${missingPiece.name}/${difficulty}/choose-two`);
  if (!pick.chance(MISSING_TWO_PERCENT, 100)) return undefined;
  const rng = pick.fork("case");
  const setup = drawCompleteSetup(rng, difficulty);
  const cache = new NetworkCache();
  const analysis = (t: T.Topology): T.Analysis => analyzeTopology(t, setup.query, cache);
  const reachable = (t: T.Topology): boolean => analysis(t).reachable;
  if (!reachable(setup.base)) return undefined;
  const order = rng.shuffle(setup.pieces.map((_, i) => i));
  for (let x = 0; x < order.length; x += 1) {
    for (let y = x + 1; y < order.length; y += 1) {
      const p = setup.pieces[order[x] as number] as Piece;
      const q = setup.pieces[order[y] as number] as Piece;
      const shown = q.remove(p.remove(setup.base));
      // Put back one piece = the complete setup without the other one. Each built and analysed once: the
      // question's explanation reads these same analyses (why each key alone is not enough).
      const withoutQ = q.remove(setup.base);
      const withoutP = p.remove(setup.base);
      const keys: Change[] = [
        { text: p.text, apply: () => withoutQ },
        { text: q.text, apply: () => withoutP },
      ];
      const blocked = analysis(shown);
      if (blocked.reachable) continue;
      const onlyP = analysis(withoutQ);
      if (onlyP.reachable) continue;
      const onlyQ = analysis(withoutP);
      if (onlyQ.reachable) continue;
      const misses = provenNearMisses(
        rng,
        shown,
        setup.query,
        setup.nearMisses,
        new Set([p.text, q.text]),
        3,
        "piece",
        cache,
      );
      if (misses.length < 3) continue;
      const wrong: Change[] = misses.map((m) => ({ text: m.text, apply: m.edit }));
      // Every pair but the two keys must leave the flow blocked: a key with a near-miss, two near-misses.
      const pairs: T.Topology[] = [
        ...keys.flatMap((k) => wrong.map((w) => w.apply(k.apply(shown)))),
        ...wrong.flatMap((a, i) => wrong.slice(i + 1).map((b) => b.apply(a.apply(shown)))),
      ];
      if (pairs.some(reachable)) continue;
      return {
        question: buildTwoQuestion(
          seed,
          difficulty,
          setup,
          [p, q],
          shown,
          { blocked, withoutP: onlyQ, withoutQ: onlyP },
          misses,
          cache,
          proofs,
        ),
        setup,
        missing: [p, q],
        shownTopology: shown,
        distractors: misses,
      };
    }
  }
  return undefined;
}

function buildTwoQuestion(
  seed: number,
  difficulty: Difficulty,
  setup: Setup,
  missing: readonly [Piece, Piece],
  shown: T.Topology,
  analyses: {
    /** The shown setup (both pieces missing). */
    readonly blocked: T.Analysis;
    /** The complete setup without p, and without q: each key put back alone. */
    readonly withoutP: T.Analysis;
    readonly withoutQ: T.Analysis;
  },
  misses: readonly ProvenNearMiss[],
  cache: NetworkCache,
  proofs: ProofSink | undefined,
): Question {
  const rng = createRng(seed).fork(`${missingPiece.name}/${difficulty}/choose-two/options`);
  const [p, q] = missing;
  const { blocked } = analyses;
  // Why each key is needed: with only the other one back, the flow is still dropped where this one is missing.
  const keyWhy = (piece: Piece): string => {
    const b = (piece === p ? analyses.withoutP : analyses.withoutQ).blockers[0];
    return `Right: with only the other change, the ${b?.direction === "return" ? "reply" : "request"} is still dropped at ${b?.component ?? ""} (${b?.rules[0] ?? ""}).`;
  };
  const complaint =
    setup.complaint ?? `${setup.query.from} cannot reach ${setup.query.to} on TCP ${setup.query.port ?? ""}.`;
  const first = blocked.blockers[0];
  return buildQuestion(rng, {
    proofs,
    family: missingPiece.name,
    seed,
    difficulty,
    concepts: setup.concepts,
    stem: `${setup.story} ${complaint} Two pieces are missing. Which two changes together make it work? ${CHOOSE_TWO}`,
    topology: shown,
    query: setup.query,
    candidates: [
      {
        text: p.text,
        correct: true,
        why: keyWhy(p),
        proof: "analyze(shown + this alone): blocked; analyze(shown + both keys): reachable",
      },
      {
        text: q.text,
        correct: true,
        why: keyWhy(q),
        proof: "analyze(shown + this alone): blocked; analyze(shown + both keys): reachable",
      },
      ...misses.map((miss) => ({
        text: miss.text,
        correct: false,
        why: miss.why,
        proof: `analyze(shown with this change, alone and paired with every other option): blocked at ${miss.blocker?.code ?? "?"}@${miss.blocker?.component ?? "?"}`,
      })),
    ],
    summary: [
      decidingSentence(first?.rules ?? [], first),
      `The ${first?.direction === "return" ? "reply" : "request"} is dropped at ${first?.component ?? ""}.`,
      `Both changes are needed: ${lowerInitial(p.text)}, and ${lowerInitial(q.text)}.`,
    ]
      .filter((x) => x !== "")
      .join(" "),
    multiSelect: true,
    trace: traceLines(blocked),
    cache,
  });
}

/** missing-piece with its two-piece variant drawn for a share of seeds; everything else is missing-piece's. */
export const missingPieceWithTwo: Family = {
  ...missingPiece,
  generate: (seed, difficulty, proofs) =>
    missingTwoCase(seed, difficulty, proofs)?.question ?? missingPiece.generate(seed, difficulty, proofs),
};
