// The teacher's game settings turned into the classroom machine's input: which questions, in which order, and
// the time per question. Questions come from the generator by (family, seed, difficulty), so the same settings
// and game seed give the same game; families take turns in a seeded order so every chosen topic is asked.
import type { ClassroomInput } from "../quiz/classroom-machine";
import { generateQuestion } from "../scenario/generate";
import { MAX_SEED, type Difficulty } from "../scenario/question";
import { findFamily } from "../scenario/registry";
import { createRng } from "../scenario/rng";

export const MAX_CLASSROOM_QUESTIONS = 30;
export const MIN_SECONDS_PER_QUESTION = 5;
export const MAX_SECONDS_PER_QUESTION = 600;

export type ClassroomSettings = {
  readonly families: readonly string[];
  readonly difficulty: Difficulty;
  readonly questionCount: number;
  readonly secondsPerQuestion: number;
  /** Reproduces the question list; the server draws it when the teacher gives none. */
  readonly gameSeed: number;
};

export type ClassroomPlanIssue = { readonly path: string; readonly message: string };

export type ClassroomPlan = { readonly questionIds: readonly string[]; readonly questionTimeLimitMs: number };

export type ClassroomPlanResult =
  | { readonly ok: true; readonly plan: ClassroomPlan }
  | { readonly ok: false; readonly issues: readonly ClassroomPlanIssue[] };

function checkSettings(settings: ClassroomSettings): ClassroomPlanIssue[] {
  const issues: ClassroomPlanIssue[] = [];
  if (settings.families.length === 0) issues.push({ path: "families", message: "choose at least one topic" });
  settings.families.forEach((name, index) => {
    const family = findFamily(name);
    if (family === undefined) issues.push({ path: `families.${index}`, message: `unknown topic "${name}"` });
    else if (!family.difficulties.includes(settings.difficulty)) {
      issues.push({
        path: `families.${index}`,
        message: `"${family.title}" has no difficulty ${settings.difficulty}`,
      });
    }
  });
  if (new Set(settings.families).size !== settings.families.length)
    issues.push({ path: "families", message: "each topic once" });
  if (
    !Number.isInteger(settings.questionCount) ||
    settings.questionCount < 1 ||
    settings.questionCount > MAX_CLASSROOM_QUESTIONS
  ) {
    issues.push({
      path: "questionCount",
      message: `must be a whole number from 1 to ${MAX_CLASSROOM_QUESTIONS}`,
    });
  }
  const seconds = settings.secondsPerQuestion;
  if (
    !Number.isInteger(seconds) ||
    seconds < MIN_SECONDS_PER_QUESTION ||
    seconds > MAX_SECONDS_PER_QUESTION
  ) {
    issues.push({
      path: "secondsPerQuestion",
      message: `must be a whole number from ${MIN_SECONDS_PER_QUESTION} to ${MAX_SECONDS_PER_QUESTION}`,
    });
  }
  if (!Number.isInteger(settings.gameSeed) || settings.gameSeed < 0 || settings.gameSeed > MAX_SEED) {
    issues.push({ path: "gameSeed", message: `must be a whole number from 0 to ${MAX_SEED}` });
  }
  return issues;
}

/** The question ids of a game: distinct, every one generating, families in a seeded round-robin. */
export function planClassroomGame(settings: ClassroomSettings): ClassroomPlanResult {
  const issues = checkSettings(settings);
  if (issues.length > 0) return { ok: false, issues };
  const rng = createRng(settings.gameSeed);
  const order = rng.shuffle(settings.families);
  const questionIds: string[] = [];
  for (let slot = 0; slot < settings.questionCount; slot += 1) {
    const family = order[slot % order.length] as string;
    // A repeated seed is astronomically rare, but a game must not ask the same question twice.
    let id: string;
    do {
      const generated = generateQuestion(family, rng.int(0, MAX_SEED), settings.difficulty);
      if (!generated.ok)
        throw new Error(
          `planClassroomGame: checked settings failed to generate: ${generated.issues[0]?.message ?? ""}`,
        );
      id = generated.question.id;
    } while (questionIds.includes(id));
    questionIds.push(id);
  }
  return { ok: true, plan: { questionIds, questionTimeLimitMs: settings.secondsPerQuestion * 1000 } };
}

/** The classroom machine's input for a planned game. */
export function classroomInput(joinCode: string, plan: ClassroomPlan, createdAt: number): ClassroomInput {
  return {
    joinCode,
    questionIds: plan.questionIds,
    questionTimeLimitMs: plan.questionTimeLimitMs,
    createdAt,
  };
}
