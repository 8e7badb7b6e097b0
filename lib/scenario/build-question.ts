// Assembles a Question from a family's computed parts; the one place that fixes the id format and field order
// (field order matters: JSON.stringify of the same seed must be byte-identical).
import { buildExhibit, isEmptyExhibit } from "./exhibit";
import { assembleOptions, type Candidate } from "./options";
import type { ProofSink } from "./proofs";
import { formatQuestionId, type Difficulty, type Explanation, type Question } from "./question";
import type { Rng } from "./rng";
import { RULE_ID_PATTERN } from "../content/rule-id";
import type { NetworkCache, Query, Topology } from "../net/index";

export type QuestionParts = {
  readonly family: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly concepts: readonly string[];
  readonly stem: string;
  readonly topology?: Topology;
  readonly query?: Query;
  /** Preformatted exhibit lines (e.g. flow-log records); the exhibit's tables are built from `topology`. */
  readonly exhibit?: readonly string[];
  readonly candidates: readonly Candidate[];
  readonly summary: string;
  readonly trace?: readonly string[];
  readonly multiSelect?: boolean;
  /** Keep the candidates' order (e.g. yes/no first); otherwise options are shuffled. */
  readonly keepOrder?: boolean;
  /** The question's NetworkCache, when it has one: the exhibit reuses the network built for `topology`. */
  readonly cache?: NetworkCache;
  /** Where the caller wants each option's proof (Family.generate's sink), when it wants them. */
  readonly proofs?: ProofSink | undefined;
};

export function buildQuestion(rng: Rng, parts: QuestionParts): Question {
  const { options, answer, perOption, proofs } = assembleOptions(
    rng,
    parts.candidates,
    parts.keepOrder ?? false,
  );
  if (parts.multiSelect !== true && answer.length !== 1) {
    throw new Error(
      `single-select question with ${answer.length} correct options (${parts.family} seed ${parts.seed})`,
    );
  }
  // Optional keys are assigned in the order of the JSON (id ... stem, topology, query, exhibit, options, answer,
  // explanation, multiSelect) instead of `...(x !== undefined ? { x } : {})`: each such spread made a temporary
  // object and took V8's slow path for keys added after a spread, five times per question.
  const question: Draft<Question> = {
    id: formatQuestionId(parts.family, parts.seed, parts.difficulty),
    family: parts.family,
    seed: parts.seed,
    difficulty: parts.difficulty,
    concepts: parts.concepts.slice(),
    stem: parts.stem,
  };
  if (parts.topology !== undefined) question.topology = parts.topology;
  if (parts.query !== undefined) question.query = parts.query;
  // Built after the options are placed: every resource an option names is shown.
  const exhibit = buildExhibit({
    ...(parts.topology !== undefined ? { topology: parts.topology } : {}),
    ...(parts.query !== undefined ? { query: parts.query } : {}),
    texts: [parts.stem, ...options.map((o) => o.text)],
    ...(parts.exhibit !== undefined ? { lines: parts.exhibit } : {}),
    ...(parts.cache !== undefined ? { cache: parts.cache } : {}),
  });
  if (!isEmptyExhibit(exhibit)) question.exhibit = exhibit;
  question.options = options;
  question.answer = answer;
  const explanation: Draft<Explanation> = {
    summary: parts.summary,
    perOption,
    rules: citedRules(parts.summary, perOption),
  };
  if (parts.trace !== undefined) explanation.trace = parts.trace.slice();
  question.explanation = explanation as Explanation;
  if (parts.multiSelect === true) question.multiSelect = true;
  if (parts.proofs !== undefined) parts.proofs.proofs = proofs;
  // Every required key was set above.
  return question as Question;
}

/** An object being filled in key order: every key optional and writable until it is returned. */
type Draft<T> = { -readonly [K in keyof T]?: T[K] };

/**
 * The Rules line: exactly the rule IDs the summary and the option reasons cite, sorted. Derived here, where every
 * question is assembled, rather than listed by each family: a hand-kept list drifted from the texts (IDs cited but
 * not listed, IDs listed that no sentence uses).
 */
export function citedRules(summary: string, perOption: Readonly<Record<string, string>>): string[] {
  // One match over the texts joined by newlines (a rule ID cannot span one, and \b holds on either side of it)
  // instead of a match, a Set and a spread per text: uniqueSorted drops the repeats anyway.
  let all = summary;
  for (const id in perOption) all += `\n${perOption[id] ?? ""}`;
  return uniqueSorted(all.match(RULE_ID_PATTERN) ?? []);
}

function uniqueSorted(values: readonly string[]): string[] {
  // Sort a copy, then drop adjacent repeats: the same list as [...new Set(values)].sort() without the Set.
  const sorted = values.slice().sort();
  const out: string[] = [];
  for (const value of sorted) if (out[out.length - 1] !== value) out.push(value);
  return out;
}
