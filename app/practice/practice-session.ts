// Server side of practice mode: restore the learner's session, apply one event through the machine, pick and
// grade questions, save. The machine decides what is allowed (refusals carry the message the learner sees);
// this module only adds what needs the database, the generator or the clock.
import { randomInt } from "node:crypto";
import { initialTransition, type SnapshotFrom } from "xstate";
import { recordAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { enrolQuestionConcepts } from "@/lib/db/srs";
import { createSession, findActiveSession, updateSession, type StoredSession } from "@/lib/db/sessions";
import { answerOutcome } from "@/lib/grading/outcome";
import { choiceCountProblem } from "@/lib/scenario/answer-instruction";
import { eligibleFamilies } from "@/lib/practice/catalog";
import { chooseNextQuestion } from "@/lib/practice/next-question";
import { derivedRng } from "@/lib/practice/unit-rng";
import { blamedConcepts } from "@/lib/quiz/blame";
import { applyEvent, type ApplyEventResult } from "@/lib/quiz/apply-event";
import { practiceSessionCodec } from "@/lib/quiz/persistence";
import { recordedDuration } from "@/lib/quiz/recorded-duration";
import { currentPracticeAttempt, practiceMachine, type PracticeEvent } from "@/lib/quiz/practice-machine";
import { findSettingsIssues, type PracticeSettings } from "@/lib/quiz/practice-settings";
import { summarizePractice, type PracticeSummary } from "@/lib/quiz/practice-summary";
import { questionFromId } from "@/lib/scenario/generate";
import { practiceFeedback, type PracticeFeedback } from "./feedback";
import { PracticeConfigSchema, type PracticeConfig, type PracticeSettingsInput } from "./schema";

export type PracticeSnapshot = SnapshotFrom<typeof practiceMachine>;

export type Failure = { readonly ok: false; readonly status: 400 | 404 | 409; readonly error: string };
export type Outcome<T> = { readonly ok: true; readonly value: T } | Failure;

export type PracticeResult = {
  readonly summary: PracticeSummary;
  readonly startedAt: number;
  readonly finishedAt: number;
};

export type ActivePractice = {
  readonly session: StoredSession;
  readonly snapshot: PracticeSnapshot;
  readonly config: PracticeConfig;
};

const fail = (status: Failure["status"], error: string): Failure => ({ ok: false, status, error });

/** The learner's running practice session; a stored snapshot of another machine version is reported, not loaded. */
export async function loadActivePractice(learnerId: string): Promise<Outcome<ActivePractice | null>> {
  const session = await findActiveSession(db(), learnerId, "practice");
  if (session === null) return { ok: true, value: null };
  const restored = practiceSessionCodec.restore(session.snapshot);
  if (!restored.ok)
    return fail(409, restored.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const config = PracticeConfigSchema.safeParse(session.config);
  if (!config.success)
    return fail(409, "config: this session's settings cannot be read; start a new session");
  return { ok: true, value: { session, snapshot: restored.snapshot, config: config.data } };
}

function toSettings(input: PracticeSettingsInput): PracticeSettings {
  return {
    selection: input.everything
      ? { kind: "everything" }
      : {
          kind: "chosen",
          conceptGroups: input.conceptGroups,
          families: input.families,
          difficulties: input.difficulties,
        },
    questionLimit: input.questionLimit,
  };
}

function issuesText(result: ApplyEventResult<PracticeSnapshot>): string {
  return result.ok ? "" : result.issues.map((issue) => issue.message).join("; ");
}

/** Picks the next question (adaptive, no repeated seed) and loads it into the machine. */
function loadNextQuestion(
  snapshot: PracticeSnapshot,
  config: PracticeConfig,
  seed: number,
  now: number,
): Outcome<PracticeSnapshot> {
  const { asked, tallies } = snapshot.context;
  const picked = chooseNextQuestion({
    settings: config.settings,
    adaptive: config.adaptive,
    tallies,
    askedSeeds: asked.map((attempt) => attempt.seed),
    askedStems: asked.flatMap((attempt) => {
      const generated = questionFromId(attempt.questionId);
      return generated.ok ? [generated.question.stem] : [];
    }),
    rng: derivedRng(seed, `question-${asked.length}`),
  });
  if (!picked.ok)
    return fail(400, picked.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const { question } = picked.next;
  const loaded = applyEvent(practiceMachine, snapshot, {
    type: "question.loaded",
    questionId: question.id,
    seed: question.seed,
    family: question.family,
    concepts: question.concepts,
    now,
  });
  if (!loaded.ok) throw new Error(`practice: the picked question was refused: ${issuesText(loaded)}`);
  return { ok: true, value: loaded.snapshot };
}

export async function startPractice(
  learnerId: string,
  input: PracticeSettingsInput,
  now: Date,
): Promise<Outcome<{ sessionId: string; active: ActivePractice }>> {
  const config: PracticeConfig = { settings: toSettings(input), adaptive: input.adaptive };
  const settingsIssues = [...findSettingsIssues(config.settings)];
  const eligible = eligibleFamilies(config.settings.selection);
  if (!eligible.ok) settingsIssues.push(...eligible.issues);
  if (settingsIssues.length > 0)
    return fail(400, settingsIssues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));

  const seed = randomInt(0, 0x100000000);
  const started = applyEvent(practiceMachine, initialTransition(practiceMachine)[0], {
    type: "settings.submit",
    settings: config.settings,
    now: now.getTime(),
  });
  if (!started.ok) return fail(400, issuesText(started));
  const loaded = loadNextQuestion(started.snapshot, config, seed, now.getTime());
  if (!loaded.ok) return loaded;
  const session = await createSession(db(), learnerId, {
    kind: "practice",
    persisted: practiceSessionCodec.save(loaded.value),
    config,
    seed,
    now,
  });
  // The started session as loadActivePractice would read it back, so the reply can carry the first question.
  return { ok: true, value: { sessionId: session.id, active: { session, snapshot: loaded.value, config } } };
}

async function requireSession(learnerId: string, sessionId: string): Promise<Outcome<ActivePractice>> {
  const active = await loadActivePractice(learnerId);
  if (!active.ok) return active;
  if (active.value === null || active.value.session.id !== sessionId) {
    return fail(409, "sessionId: this practice session is no longer running; reload the page");
  }
  return { ok: true, value: active.value };
}

async function save(active: ActivePractice, snapshot: PracticeSnapshot, now: Date): Promise<Outcome<null>> {
  const finished = snapshot.status === "done";
  const result: PracticeResult | undefined = finished
    ? {
        summary: summarizePractice(snapshot.context),
        startedAt: snapshot.context.startedAt ?? now.getTime(),
        finishedAt: now.getTime(),
      }
    : undefined;
  const written = await updateSession(db(), active.session.learnerId, active.session.id, {
    persisted: practiceSessionCodec.save(snapshot),
    now,
    ifUpdatedAt: active.session.updatedAt,
    ...(result ? { finished: { result } } : {}),
  });
  return written
    ? { ok: true, value: null }
    : fail(409, "sessionId: this session changed in another request; reload the page");
}

/** Everything the page shows after an answer, so an answer is one request. */
export type AnswerReply = { readonly correct: boolean; readonly feedback: PracticeFeedback };

/** Grades an answer on the server. Refused: a question not on screen in this session, or a second answer. */
export async function answerPractice(
  learnerId: string,
  sessionId: string,
  questionId: string,
  response: readonly string[],
  now: Date,
): Promise<Outcome<AnswerReply>> {
  const loaded = await requireSession(learnerId, sessionId);
  if (!loaded.ok) return loaded;
  const active = loaded.value;
  const current = currentPracticeAttempt(active.snapshot.context);
  const isCurrent = current?.questionId === questionId;
  const generated = isCurrent ? questionFromId(questionId) : undefined;
  if (generated && !generated.ok)
    throw new Error(`practice: stored question ${questionId} no longer generates`);
  const question = generated?.question;
  if (question) {
    const known = new Set(question.options.map((option) => option.id));
    const unknown = response.filter((id) => !known.has(id));
    if (unknown.length > 0)
      return fail(
        400,
        `response: ${unknown.map((id) => `"${id}"`).join(", ")} is not an option of this question`,
      );
    // A "(Choose two.)" question with one box ticked is not graded as wrong: it is refused, saying why.
    const short = choiceCountProblem(question, response);
    if (short !== undefined) return fail(400, `response: ${short}`);
  }
  const submitted = applyEvent(practiceMachine, active.snapshot, {
    type: "answer.submit",
    questionId,
    response,
    now: now.getTime(),
  });
  if (!submitted.ok || question === undefined || current === undefined) {
    // Refusals are kept in the snapshot, so the history explains what was refused and when.
    await save(active, submitted.snapshot, now);
    const message = issuesText(submitted) || "this answer is for a question that is not on screen";
    return fail(409, `questionId: ${message}`);
  }
  const feedback = practiceFeedback(question, response);
  const outcome = answerOutcome(question, response, "always");
  const graded = applyEvent(practiceMachine, submitted.snapshot, {
    type: "answer.graded",
    questionId,
    correct: outcome.correct,
    now: now.getTime(),
  });
  if (!graded.ok) throw new Error(`practice: grading was refused: ${issuesText(graded)}`);
  const saved = await save(active, graded.snapshot, now);
  if (!saved.ok) return saved;
  await recordAttempt(db(), learnerId, {
    questionId,
    family: question.family,
    seed: question.seed,
    difficulty: question.difficulty,
    response,
    correct: outcome.correct,
    score: outcome.score,
    durationMs: recordedDuration(now.getTime() - current.askedAt),
    context: `practice:${sessionId}`,
    startedAt: new Date(current.askedAt),
    answeredAt: now,
    concepts: question.concepts,
  });
  // A miss offers its concepts as review cards, the same way a lesson answer does.
  if (!outcome.correct)
    await enrolQuestionConcepts(db(), learnerId, blamedConcepts(question.concepts), "practice", now);
  return { ok: true, value: { correct: outcome.correct, feedback } };
}

/**
 * Next question, or the summary when the chosen number of questions is done. Returns the session as saved,
 * so the caller can send the next question in the same reply.
 */
export async function nextPractice(
  learnerId: string,
  sessionId: string,
  now: Date,
): Promise<Outcome<{ finished: boolean; active: ActivePractice }>> {
  const loaded = await requireSession(learnerId, sessionId);
  if (!loaded.ok) return loaded;
  const active = loaded.value;
  const moved = applyEvent(practiceMachine, active.snapshot, { type: "question.next", now: now.getTime() });
  if (!moved.ok) return fail(409, `action: ${issuesText(moved)}`);
  let snapshot = moved.snapshot;
  if (snapshot.matches("loading")) {
    const next = loadNextQuestion(snapshot, active.config, active.session.seed ?? 0, now.getTime());
    if (!next.ok) return next;
    snapshot = next.value;
  }
  const saved = await save(active, snapshot, now);
  return saved.ok
    ? { ok: true, value: { finished: snapshot.status === "done", active: { ...active, snapshot } } }
    : saved;
}

export async function finishPractice(
  learnerId: string,
  sessionId: string,
  now: Date,
): Promise<Outcome<{ finished: true }>> {
  const loaded = await requireSession(learnerId, sessionId);
  if (!loaded.ok) return loaded;
  const event: PracticeEvent = { type: "session.finish", now: now.getTime() };
  const finished = applyEvent(practiceMachine, loaded.value.snapshot, event);
  if (!finished.ok) return fail(409, `action: ${issuesText(finished)}`);
  // An object, never null: the browser reads the reply as an object.
  const saved = await save(loaded.value, finished.snapshot, now);
  return saved.ok ? { ok: true, value: { finished: true } } : saved;
}
