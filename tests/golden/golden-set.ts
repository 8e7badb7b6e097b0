// The golden set: which questions it holds and how a key and its one-line reason are read from a question.
// tests/golden/golden.test.ts regenerates every entry and fails when a key changes; update-golden.ts rewrites
// golden.json after a reviewed, intended change (npx tsx tests/golden/update-golden.ts).
import { createHash } from "node:crypto";
import { FAMILIES } from "../../lib/scenario/registry";
import type { Difficulty, Question } from "../../lib/scenario/question";

export type GoldenEntry = {
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  /** The key's option text. */
  readonly key: string;
  /** One line: the deciding rule sentence (with its rule ID) from the explanation. */
  readonly reason: string;
};

/** 15 seeds per family spread over its difficulties (11 families: 165 questions). */
export function goldenCoordinates(): { family: string; seed: number; difficulty: Difficulty }[] {
  const out: { family: string; seed: number; difficulty: Difficulty }[] = [];
  for (const family of FAMILIES) {
    for (let i = 0; i < 15; i += 1) {
      const difficulty = family.difficulties[i % family.difficulties.length] as Difficulty;
      out.push({ family: family.name, seed: 1000 + 37 * i, difficulty });
    }
  }
  return out;
}

const RULE_ID = /\b[A-Z]{2,4}-\d{2}\b/;

/** The first sentence of the summary that cites a rule ID, else the summary's first sentence plus its rules. */
export function reasonOf(q: Question): string {
  const sentences = q.explanation.summary.split(/(?<=\.)\s+/);
  const cited = sentences.find((s) => RULE_ID.test(s));
  return cited ?? `${sentences[0] ?? ""} [${q.explanation.rules.join(", ")}]`;
}

export function keyOf(q: Question): string {
  return q.options
    .filter((o) => q.answer.includes(o.id))
    .map((o) => o.text)
    .join(" | ");
}

/** sha256 of a fixed slice of generator output: seeds 0-4 of every family at every difficulty, as JSON. */
export function outputSliceHash(): string {
  const hash = createHash("sha256");
  for (const family of FAMILIES) {
    for (const difficulty of family.difficulties) {
      for (let seed = 0; seed < 5; seed += 1) hash.update(JSON.stringify(family.generate(seed, difficulty)));
    }
  }
  return hash.digest("hex");
}
