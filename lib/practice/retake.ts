// "Retake only the missed ones": a fresh variant of each missed question, same family and difficulty,
// a new seed, preferring a variant that assesses the same concepts.
import type { Question } from "../scenario/question";
import type { Rng } from "../scenario/rng";
import { DEFAULT_CATALOG, type Catalog } from "./catalog";
import { freshSeed } from "./fresh-seed";

export type MissedQuestion = {
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Question["difficulty"];
  readonly concepts: readonly string[];
};

const VARIANT_TRIES = 8;

export type RetakeResult =
  | { readonly ok: true; readonly questions: readonly Question[] }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

export function planRetake(
  missed: readonly MissedQuestion[],
  rng: Rng,
  catalog: Catalog = DEFAULT_CATALOG,
): RetakeResult {
  if (missed.length === 0)
    return {
      ok: false,
      issues: [{ path: "missed", message: "nothing was missed: there is nothing to retake" }],
    };
  // The originals' seeds stay used, so no variant is the very question that was missed.
  const used = new Set(missed.map((question) => question.seed));
  const questions: Question[] = [];
  for (const [index, original] of missed.entries()) {
    const family = catalog.families.find((candidate) => candidate.name === original.family);
    if (family === undefined) {
      return {
        ok: false,
        issues: [
          { path: `missed.${index}.family`, message: `no question family "${original.family}" any more` },
        ],
      };
    }
    let best: { question: Question; overlap: number } | undefined;
    for (let attempt = 0; attempt < VARIANT_TRIES; attempt += 1) {
      const seed = freshSeed(rng, used);
      used.add(seed);
      const question = family.generate(seed, original.difficulty);
      const overlap = question.concepts.filter((concept) => original.concepts.includes(concept)).length;
      if (best === undefined || overlap > best.overlap) best = { question, overlap };
      if (overlap === original.concepts.length) break;
    }
    if (best === undefined) throw new Error("planRetake: VARIANT_TRIES must be at least 1");
    questions.push(best.question);
  }
  return { ok: true, questions };
}
