// A game (or homework) made of questions the teacher names, instead of drawn from topics: the ids shown in a
// preview ("family.seed.difficulty"). The generator is deterministic in the id, so a pinned list asks exactly
// the questions the teacher saw, in the order given.
import { questionFromId } from "../scenario/generate";
import {
  MAX_CLASSROOM_QUESTIONS,
  MAX_SECONDS_PER_QUESTION,
  MIN_SECONDS_PER_QUESTION,
  type ClassroomPlanIssue,
  type ClassroomPlanResult,
} from "./plan-game";

export function planPinnedGame(ids: readonly string[], secondsPerQuestion: number): ClassroomPlanResult {
  const issues: ClassroomPlanIssue[] = [];
  if (ids.length === 0 || ids.length > MAX_CLASSROOM_QUESTIONS)
    issues.push({ path: "pinned", message: `give 1 to ${MAX_CLASSROOM_QUESTIONS} question ids` });
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    const generated = questionFromId(id);
    if (!generated.ok) {
      issues.push({
        path: `pinned.${index}`,
        message: `"${id}" is not a question id (family.seed.difficulty)`,
      });
      return;
    }
    // The canonical id, so "x.007.1" and "x.7.1" are one question and the stored plan replays exactly.
    const canonical = generated.question.id;
    if (seen.has(canonical)) issues.push({ path: `pinned.${index}`, message: `"${id}" is listed twice` });
    seen.add(canonical);
  });
  if (
    !Number.isInteger(secondsPerQuestion) ||
    secondsPerQuestion < MIN_SECONDS_PER_QUESTION ||
    secondsPerQuestion > MAX_SECONDS_PER_QUESTION
  ) {
    issues.push({
      path: "secondsPerQuestion",
      message: `must be a whole number from ${MIN_SECONDS_PER_QUESTION} to ${MAX_SECONDS_PER_QUESTION}`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { questionIds: [...seen], questionTimeLimitMs: secondsPerQuestion * 1000 } };
}

/** What the settings of a pinned game say: its questions' families and count (no seed plays a part). */
export function pinnedSettings(questionIds: readonly string[]): {
  readonly families: string[];
  readonly questionCount: number;
} {
  const families = questionIds.flatMap((id) => {
    const generated = questionFromId(id);
    return generated.ok ? [generated.question.family] : [];
  });
  return { families: [...new Set(families)], questionCount: questionIds.length };
}

/** A pinned quiz's settings keep no concepts: the teacher named the questions, no filter chose them. */
export function withoutConcepts<T extends { readonly concepts?: readonly string[] | undefined }>(
  config: T,
): Omit<T, "concepts"> {
  const { concepts: _concepts, ...rest } = config;
  return rest;
}
