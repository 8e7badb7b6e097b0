// The shape of a generated question. The key and the explanation live only on `Question`; clients get
// `QuestionForClient` (see lib/grading/redact.ts).
import type { Query, Topology } from "../net/index";
import type { Exhibit } from "./exhibit";

export type Difficulty = 1 | 2 | 3;
export const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];

export type OptionId = string;
export type QuestionOption = { readonly id: OptionId; readonly text: string };

export type Explanation = {
  /** Why the key is right, in one or two sentences. */
  readonly summary: string;
  /** For every option: why it is right or wrong. */
  readonly perOption: Readonly<Record<OptionId, string>>;
  /** Rule catalogue IDs (lib/content/rules) the explanation rests on. */
  readonly rules: readonly string[];
  /** The model's trace, one line per hop, when the question is about a flow. */
  readonly trace?: readonly string[];
};

export type Question = {
  readonly id: string;
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly concepts: readonly string[];
  readonly stem: string;
  readonly topology?: Topology;
  readonly query?: Query;
  /**
   * The facts shown beside the stem and diagram (route tables, rules, peering status, endpoints, addresses as
   * tables, plus preformatted lines such as flow-log records): facts only, never the key. Absent when empty.
   */
  readonly exhibit?: Exhibit;
  readonly options: readonly QuestionOption[];
  readonly answer: readonly OptionId[];
  readonly explanation: Explanation;
  readonly multiSelect?: boolean;
};

export type QuestionForClient = Omit<Question, "answer" | "explanation">;

export const MAX_SEED = 0xffffffff;

export function formatQuestionId(family: string, seed: number, difficulty: Difficulty): string {
  return `${family}.${seed}.${difficulty}`;
}

export type ParsedQuestionId = {
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
};

const ID_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(0|[1-9][0-9]{0,9})\.([123])$/;

export function parseQuestionId(
  id: string,
): { ok: true; value: ParsedQuestionId } | { ok: false; issues: { path: string; message: string }[] } {
  const match = ID_PATTERN.exec(id);
  if (!match) {
    return {
      ok: false,
      issues: [
        {
          path: "id",
          message: `"${id}" is not a question id (expected <family>.<seed>.<difficulty>, e.g. can-a-reach-c.1234.2)`,
        },
      ],
    };
  }
  const seed = Number(match[2]);
  if (seed > MAX_SEED) {
    return { ok: false, issues: [{ path: "id", message: `seed ${match[2]} is larger than ${MAX_SEED}` }] };
  }
  return {
    ok: true,
    value: { family: match[1] as string, seed, difficulty: Number(match[3]) as Difficulty },
  };
}

export function isDifficulty(value: unknown): value is Difficulty {
  return value === 1 || value === 2 || value === 3;
}
