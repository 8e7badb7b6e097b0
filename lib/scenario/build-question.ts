// Assembles a Question from a family's computed parts; the one place that fixes the id format and field order
// (field order matters: JSON.stringify of the same seed must be byte-identical).
import { assembleOptions, type Candidate } from "./options";
import { formatQuestionId, type Difficulty, type Question } from "./question";
import type { Rng } from "./rng";
import type { Query, Topology } from "../net/index";

export type QuestionParts = {
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly concepts: readonly string[];
  readonly stem: string;
  readonly topology?: Topology;
  readonly query?: Query;
  readonly exhibit?: readonly string[];
  readonly candidates: readonly Candidate[];
  readonly summary: string;
  readonly rules: readonly string[];
  readonly trace?: readonly string[];
  readonly multiSelect?: boolean;
  /** Keep the candidates' order (e.g. yes/no first); otherwise options are shuffled. */
  readonly keepOrder?: boolean;
};

export function buildQuestion(rng: Rng, parts: QuestionParts): Question {
  const { options, answer, perOption } = assembleOptions(rng, parts.candidates, parts.keepOrder ?? false);
  if (parts.multiSelect !== true && answer.length !== 1) {
    throw new Error(`single-select question with ${answer.length} correct options (${parts.family} seed ${parts.seed})`);
  }
  return {
    id: formatQuestionId(parts.family, parts.seed, parts.difficulty),
    family: parts.family,
    seed: parts.seed,
    difficulty: parts.difficulty,
    concepts: [...parts.concepts],
    stem: parts.stem,
    ...(parts.topology !== undefined ? { topology: parts.topology } : {}),
    ...(parts.query !== undefined ? { query: parts.query } : {}),
    ...(parts.exhibit !== undefined ? { exhibit: [...parts.exhibit] } : {}),
    options,
    answer,
    explanation: {
      summary: parts.summary,
      perOption,
      rules: uniqueSorted(parts.rules),
      ...(parts.trace !== undefined ? { trace: [...parts.trace] } : {}),
    },
    ...(parts.multiSelect === true ? { multiSelect: true } : {}),
  };
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
