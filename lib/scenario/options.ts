// Turns candidate answers into shuffled, lettered options with the key and per-option reasons. Every family
// goes through here, so option ids, ordering and the "no two equal options" guarantee live in one place.
import type { Rng } from "./rng";
import type { OptionId, QuestionOption } from "./question";

export type Candidate = {
  readonly text: string;
  readonly correct: boolean;
  /** Why this option is right or wrong, for the explanation. */
  readonly why: string;
};

export type AssembledOptions = {
  readonly options: QuestionOption[];
  readonly answer: OptionId[];
  readonly perOption: Record<OptionId, string>;
};

const LETTERS = "abcdefgh";

export function assembleOptions(rng: Rng, candidates: readonly Candidate[], keepOrder = false): AssembledOptions {
  if (candidates.length < 2 || candidates.length > LETTERS.length) {
    throw new Error(`a question needs 2..${LETTERS.length} options, got ${candidates.length}`);
  }
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const key = normalizeOptionText(candidate.text);
    if (seen.has(key)) throw new Error(`duplicate option text: ${candidate.text}`);
    seen.add(key);
  }
  if (!candidates.some((candidate) => candidate.correct)) throw new Error("no correct option among candidates");
  const ordered = keepOrder ? candidates.slice() : rng.shuffle(candidates);
  const options: QuestionOption[] = [];
  const answer: OptionId[] = [];
  const perOption: Record<OptionId, string> = {};
  ordered.forEach((candidate, index) => {
    const id = LETTERS.charAt(index);
    options.push({ id, text: candidate.text });
    perOption[id] = candidate.why;
    if (candidate.correct) answer.push(id);
  });
  return { options, answer, perOption };
}

// Whitespace that normalizing would change once trimmed: a run of two or more, or a tab, newline, NBSP...
const ODD_WHITESPACE = /\s\s|[^\S ]/;

export function normalizeOptionText(text: string): string {
  const trimmed = text.trim().toLowerCase();
  // Option texts almost never hold odd whitespace, and a global replace that finds nothing still cost ~0.7 µs
  // per option; when the test fails, every whitespace is a lone space and the replace would return it as is.
  return ODD_WHITESPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}
