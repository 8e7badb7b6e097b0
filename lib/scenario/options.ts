// Turns candidate answers into shuffled, lettered options with the key and per-option reasons. Every family
// goes through here, so option ids, ordering and the "no two equal options" guarantee live in one place.
import type { Rng } from "./rng";
import type { OptionId, QuestionOption } from "./question";

export type Candidate = {
  readonly text: string;
  readonly correct: boolean;
  /** Why this option is right or wrong, for the explanation. */
  readonly why: string;
  /** How the generator proved this option right or wrong (see proofs.ts). */
  readonly proof?: string;
};

export type AssembledOptions = {
  readonly options: QuestionOption[];
  readonly answer: OptionId[];
  readonly perOption: Record<OptionId, string>;
  readonly proofs: Record<OptionId, string>;
};

const LETTERS = "abcdefgh";

export function assembleOptions(
  rng: Rng,
  candidates: readonly Candidate[],
  keepOrder = false,
): AssembledOptions {
  if (candidates.length < 2 || candidates.length > LETTERS.length) {
    throw new Error(`a question needs 2..${LETTERS.length} options, got ${candidates.length}`);
  }
  let anyCorrect = false;
  for (let j = 0; j < candidates.length; j += 1) {
    const text = (candidates[j] as Candidate).text;
    for (let i = 0; i < j; i += 1) {
      if (isSameOptionText((candidates[i] as Candidate).text, text))
        throw new Error(`duplicate option text: ${text}`);
    }
    if ((candidates[j] as Candidate).correct) anyCorrect = true;
  }
  if (!anyCorrect) throw new Error("no correct option among candidates");
  const ordered = keepOrder ? candidates.slice() : rng.shuffle(candidates);
  const options: QuestionOption[] = [];
  const answer: OptionId[] = [];
  const perOption: Record<OptionId, string> = {};
  const proofs: Record<OptionId, string> = {};
  for (let index = 0; index < ordered.length; index += 1) {
    const candidate = ordered[index] as Candidate;
    const id = LETTERS.charAt(index);
    options.push({ id, text: candidate.text });
    perOption[id] = reasonText(candidate.why);
    if (candidate.proof !== undefined) proofs[id] = candidate.proof;
    if (candidate.correct) answer.push(id);
  }
  return { options, answer, perOption, proofs };
}

const VERDICT_PREFIX = /^(?:right|wrong|correct|incorrect)\s*:\s*/i;

/**
 * A reason without a leading verdict word ("Right: …", "Wrong: …"): every renderer marks an option right or
 * wrong itself (the Markdown key's "(right)", GIFT's = and ~, the web's ✓ and ✗), so a reason that repeats the
 * verdict reads "(right): Right: …". The reason is returned from its first word on, capitalised.
 */
export function reasonText(why: string): string {
  const match = VERDICT_PREFIX.exec(why);
  if (match === null) return why;
  const rest = why.slice(match[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * normalizeOptionText(a) === normalizeOptionText(b), usually without building either: options differ a few
 * characters in, so walking both while they hold plain ASCII (letters compared case-blind, single spaces)
 * settles it there. Anything else at or before the first difference (a non-ASCII character, a control
 * character, a leading, trailing or doubled space) falls back to comparing the normalized texts. Every question checks all pairs of its options, so this used to lower-case and scan
 * every option text (~2 µs per question, more for texts with arrows, which take V8's slow lower-casing).
 */
export function isSameOptionText(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k += 1) {
    const ca = plainAsciiLower(a, k);
    const cb = plainAsciiLower(b, k);
    if (ca < 0 || cb < 0) break;
    // Both prefixes so far survive normalizing unchanged (lower-cased), and so does this character.
    if (ca !== cb) return false;
    if (k === n - 1) {
      // One text is a prefix of the other: equal texts, or the longer one goes on with a plain character or
      // a plain space (both kept by normalizing, so the normalized texts differ in length).
      if (a.length === b.length) return true;
      return plainAsciiLower(a.length > b.length ? a : b, n) < 0 ? normalizedEqual(a, b) : false;
    }
  }
  return normalizedEqual(a, b);
}

const SPACE = 32;

/** The lower-cased ASCII code at k, or -1 where normalizing could change the text (see isSameOptionText). */
function plainAsciiLower(text: string, k: number): number {
  const code = text.charCodeAt(k);
  if (code > 126) return -1;
  if (code >= 65 && code <= 90) return code + 32;
  if (code > SPACE) return code;
  // A space is plain only between two plain, non-space characters (normalizing keeps such a space as is).
  if (
    code === SPACE &&
    k > 0 &&
    text.charCodeAt(k - 1) > SPACE &&
    text.charCodeAt(k + 1) > SPACE &&
    text.charCodeAt(k + 1) <= 126
  )
    return SPACE;
  return -1;
}

function normalizedEqual(a: string, b: string): boolean {
  return normalizeOptionText(a) === normalizeOptionText(b);
}

// Whitespace that normalizing would change once trimmed: a run of two or more, or a tab, newline, NBSP...
const ODD_WHITESPACE = /\s\s|[^\S ]/;

export function normalizeOptionText(text: string): string {
  const trimmed = text.trim().toLowerCase();
  // Option texts almost never hold odd whitespace, and a global replace that finds nothing still cost ~0.7 µs
  // per option; when the test fails, every whitespace is a lone space and the replace would return it as is.
  return ODD_WHITESPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}
