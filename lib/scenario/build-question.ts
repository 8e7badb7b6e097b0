// Assembles a Question from a family's computed parts; the one place that fixes the id format and field order
// (field order matters: JSON.stringify of the same seed must be byte-identical).
import { buildExhibit, isEmptyExhibit, type ExhibitInput } from "./exhibit";
import { assembleOptions, type Candidate } from "./options";
import type { ProofSink } from "./proofs";
import { formatQuestionId, type Difficulty, type Explanation, type Question } from "./question";
import type { Rng } from "./rng";
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
  // The input filled in by assignments, not conditional spreads (the same slow path as above: 1.3 % of an
  // edge-to-edge question).
  const texts = [parts.stem];
  for (const o of options) texts.push(o.text);
  const input: Draft<ExhibitInput> = { texts };
  if (parts.topology !== undefined) input.topology = parts.topology;
  if (parts.query !== undefined) input.query = parts.query;
  if (parts.exhibit !== undefined) input.lines = parts.exhibit;
  if (parts.cache !== undefined) input.cache = parts.cache;
  const exhibit = buildExhibit(input as ExhibitInput);
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
  // A scan from each "-" instead of RULE_ID_PATTERN's match over the texts joined (same IDs: a test compares
  // the two): the regex tried a match at every character of ~2,000, and sorting its repeats cost as much again.
  const found: string[] = [];
  ruleIdsInto(summary, found);
  for (const id in perOption) ruleIdsInto(perOption[id] ?? "", found);
  return found.sort();
}

/**
 * Adds each match of RULE_ID_PATTERN (\b[A-Z][A-Z0-9]{1,4}-\d{2}\b) in `text` to `found` unless there. A match
 * is a "-" followed by two digits and a word boundary, preceded by a run of 2 to 5 of [A-Z0-9] that starts with
 * a letter at a word boundary: the run must be all of the word before the "-", so it is read backwards from it.
 */
function ruleIdsInto(text: string, found: string[]): void {
  const n = text.length;
  for (let dash = text.indexOf("-"); dash >= 0; dash = text.indexOf("-", dash + 1)) {
    if (dash + 2 >= n || !isDigit(text.charCodeAt(dash + 1)) || !isDigit(text.charCodeAt(dash + 2))) continue;
    if (dash + 3 < n && isWordChar(text.charCodeAt(dash + 3))) continue;
    let start = dash;
    while (start > 0 && dash - start <= 5 && isUpperOrDigit(text.charCodeAt(start - 1))) start -= 1;
    const length = dash - start;
    if (length < 2 || length > 5 || !isUpper(text.charCodeAt(start))) continue;
    if (start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
    const id = text.slice(start, dash + 3);
    if (!found.includes(id)) found.push(id);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isUpperOrDigit(c: number): boolean {
  return isUpper(c) || isDigit(c);
}

/** \w: [A-Za-z0-9_] */
function isWordChar(c: number): boolean {
  return isUpperOrDigit(c) || (c >= 97 && c <= 122) || c === 95;
}
