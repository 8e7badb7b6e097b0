// The teacher's game settings turned into the classroom machine's input: which questions, in which order, and
// the time per question. Questions come from the generator by (family, seed, difficulty), so the same settings
// and game seed give the same game; families take turns in a seeded order so every chosen topic is asked.
// Chosen concepts narrow the draw: a question is kept only when it assesses one of them. A family declaring a
// concept is not enough, because a family's questions each assess only some of its concepts (concept-check
// asks one fact per seed across every topic).
import { findConcept } from "../content/concepts";
import type { ClassroomInput } from "../quiz/classroom-machine";
import { generateQuestion } from "../scenario/generate";
import { MAX_SEED, type Difficulty, type Question } from "../scenario/question";
import { findFamily } from "../scenario/registry";
import { createRng, type Rng } from "../scenario/rng";

export const MAX_CLASSROOM_QUESTIONS = 30;
export const MIN_SECONDS_PER_QUESTION = 5;
export const MAX_SECONDS_PER_QUESTION = 600;
/**
 * Draws per question slot when concepts narrow the game. A draw costs 0.2 to 9 ms depending on the family, so a
 * refused plan answers within seconds; a concept whose fresh questions are this rare counts as spent.
 */
export const CONCEPT_DRAWS_PER_QUESTION = 400;

export type ClassroomSettings = {
  readonly families: readonly string[];
  /** Concept ids of the checklist; every question assesses at least one. Empty or omitted: any concept. */
  readonly concepts?: readonly string[] | undefined;
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
  const concepts = settings.concepts ?? [];
  concepts.forEach((id, index) => {
    if (findConcept(id) === undefined)
      issues.push({ path: `concepts.${index}`, message: `unknown concept "${id}"` });
  });
  if (new Set(concepts).size !== concepts.length)
    issues.push({ path: "concepts", message: "each concept once" });
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
  const concepts = settings.concepts ?? [];
  const planned =
    concepts.length === 0 ? planAnyConcept(settings) : planChosenConcepts(settings, new Set(concepts));
  if (!planned.ok) return planned;
  return {
    ok: true,
    plan: { questionIds: planned.questionIds, questionTimeLimitMs: settings.secondsPerQuestion * 1000 },
  };
}

type Drawn =
  | { readonly ok: true; readonly questionIds: string[] }
  | { readonly ok: false; readonly issues: readonly ClassroomPlanIssue[] };

function draw(family: string, rng: Rng, difficulty: Difficulty): Question {
  const generated = generateQuestion(family, rng.int(0, MAX_SEED), difficulty);
  if (!generated.ok)
    throw new Error(
      `planClassroomGame: checked settings failed to generate: ${generated.issues[0]?.message ?? ""}`,
    );
  return generated.question;
}

/** No concept chosen: the draw games have always had (the same settings and seed give the same game). */
function planAnyConcept(settings: ClassroomSettings): Drawn {
  const rng = createRng(settings.gameSeed);
  const order = rng.shuffle(settings.families);
  const questionIds: string[] = [];
  for (let slot = 0; slot < settings.questionCount; slot += 1) {
    const family = order[slot % order.length] as string;
    // A repeated seed is astronomically rare, but a game must not ask the same question twice.
    let id: string;
    do id = draw(family, rng, settings.difficulty).id;
    while (questionIds.includes(id));
    questionIds.push(id);
  }
  return { ok: true, questionIds };
}

const listed = (items: readonly string[]) => items.join(", ");

function tooFew(
  drawn: number,
  chosen: ReadonlySet<string>,
  assessing: readonly string[],
  settings: ClassroomSettings,
): ClassroomPlanIssue {
  const where = `${listed([...chosen])} from ${listed(assessing)} at difficulty ${settings.difficulty}`;
  return {
    path: "questionCount",
    message:
      drawn === 0
        ? `no question on ${where} could be drawn; choose other concepts, topics or difficulty`
        : `only ${drawn} different question${drawn === 1 ? "" : "s"} on ${where} could be drawn; ask for at most ${drawn}, or choose ` +
          `more concepts or topics`,
  };
}

/**
 * Concepts chosen: only the chosen families that declare one of them take turns, and a draw is kept when the
 * question assesses a chosen concept and is new to the game by id and by stem (concept-check asks the same fact
 * from many seeds). When the scheduled family's draw misses, the next family tries, so a family that rarely
 * reaches the concept does not sink the game.
 */
function planChosenConcepts(settings: ClassroomSettings, chosen: ReadonlySet<string>): Drawn {
  const assessing = settings.families.filter((name) =>
    (findFamily(name)?.concepts ?? []).some((concept) => chosen.has(concept)),
  );
  if (assessing.length === 0) {
    return {
      ok: false,
      issues: [
        {
          path: "concepts",
          message: `none of the chosen topics asks about ${listed([...chosen])}; choose other topics or concepts`,
        },
      ],
    };
  }
  const rng = createRng(settings.gameSeed);
  const order = rng.shuffle(assessing);
  const questionIds: string[] = [];
  const ids = new Set<string>();
  const stems = new Set<string>();
  for (let slot = 0; slot < settings.questionCount; slot += 1) {
    let found: Question | undefined;
    for (let attempt = 0; found === undefined && attempt < CONCEPT_DRAWS_PER_QUESTION; attempt += 1) {
      const question = draw(order[(slot + attempt) % order.length] as string, rng, settings.difficulty);
      const onConcept = question.concepts.some((concept) => chosen.has(concept));
      if (onConcept && !ids.has(question.id) && !stems.has(question.stem)) found = question;
    }
    if (found === undefined)
      return { ok: false, issues: [tooFew(questionIds.length, chosen, assessing, settings)] };
    questionIds.push(found.id);
    ids.add(found.id);
    stems.add(found.stem);
  }
  return { ok: true, questionIds };
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
