// Entry points: a question from (family, seed, difficulty), or from its id (the seed travels with the id).
import { findFamily, familyNames } from "./registry";
import { isDifficulty, MAX_SEED, parseQuestionId, type Difficulty, type Question } from "./question";

type Issue = { path: string; message: string };
export type GenerateResult = { ok: true; question: Question } | { ok: false; issues: Issue[] };

export function generateQuestion(familyName: string, seed: number, difficulty: Difficulty): GenerateResult {
  const family = findFamily(familyName);
  if (!family) {
    return {
      ok: false,
      issues: [
        { path: "family", message: `unknown family "${familyName}" (known: ${familyNames().join(", ")})` },
      ],
    };
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    return {
      ok: false,
      issues: [{ path: "seed", message: `seed must be an integer from 0 to ${MAX_SEED}, got ${seed}` }],
    };
  }
  if (!isDifficulty(difficulty) || !family.difficulties.includes(difficulty)) {
    return {
      ok: false,
      issues: [
        { path: "difficulty", message: `family "${familyName}" has no difficulty ${String(difficulty)}` },
      ],
    };
  }
  return { ok: true, question: family.generate(seed, difficulty) };
}

export function questionFromId(id: string): GenerateResult {
  const parsed = parseQuestionId(id);
  if (!parsed.ok) return parsed;
  return generateQuestion(parsed.value.family, parsed.value.seed, parsed.value.difficulty);
}
