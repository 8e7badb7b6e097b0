// Server side of the mock exam: the deadline is absolute and held here (serverNow), every step goes through the
// exam machine, and a submitted exam is scored with the generator's grade() and kept as the session's result.
import { randomInt } from "node:crypto";
import { initialTransition, type SnapshotFrom } from "xstate";
import type { Failure, Outcome } from "@/app/practice/practice-session";
import { serverEnv } from "@/app/server-env";
import { CONCEPT_GROUPS } from "@/lib/content/concepts";
import { recordAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { enrolQuestionConcepts } from "@/lib/db/srs";
import {
  createSession,
  findActiveSession,
  findSession,
  updateSession,
  type StoredSession,
} from "@/lib/db/sessions";
import { DEFAULT_CATALOG } from "@/lib/practice/catalog";
import { buildExamQuestions } from "@/lib/practice/exam-questions";
import { scoreExam, type ExamScore } from "@/lib/practice/exam-score";
import { planRetake } from "@/lib/practice/retake";
import { derivedRng } from "@/lib/practice/unit-rng";
import { applyEvent } from "@/lib/quiz/apply-event";
import { blamedConcepts } from "@/lib/quiz/blame";
import { planExam } from "@/lib/quiz/exam-config";
import { examMachine, type ExamEvent } from "@/lib/quiz/exam-machine";
import { getExamResult } from "@/lib/quiz/exam-result";
import { examSessionCodec } from "@/lib/quiz/persistence";
import { recordedDuration } from "@/lib/quiz/recorded-duration";
import { questionFromId } from "@/lib/scenario/generate";
import { isDifficulty, type Question } from "@/lib/scenario/question";
import { ExamConfigSchema, ExamScoreSchema, type ExamConfig, type ExamStep } from "./schema";

export type ExamSnapshot = SnapshotFrom<typeof examMachine>;
export type ActiveExam = {
  readonly session: StoredSession;
  readonly snapshot: ExamSnapshot;
  readonly config: ExamConfig;
};
export type StepReply = { readonly finished: boolean };

const fail = (status: Failure["status"], error: string): Failure => ({ ok: false, status, error });

export function questionsOf(ids: readonly string[]): Map<string, Question> {
  return new Map(
    ids.map((id) => {
      const generated = questionFromId(id);
      if (!generated.ok) throw new Error(`exam: question ${id} no longer generates`);
      return [id, generated.question];
    }),
  );
}

async function createExam(
  learnerId: string,
  questions: readonly Question[],
  examSeed: number,
  config: ExamConfig,
  now: Date,
) {
  const plan = planExam({
    examSeed,
    questionIds: questions.map((q) => q.id),
    startedAt: now.getTime(),
    durationMs: config.durationMs,
  });
  if (!plan.ok) return fail(400, plan.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const [snapshot] = initialTransition(examMachine, plan.input);
  const session = await createSession(db(), learnerId, {
    kind: "exam",
    persisted: examSessionCodec.save(snapshot),
    config,
    seed: examSeed,
    deadline: new Date(plan.input.deadline),
    now,
  });
  return { ok: true as const, value: { sessionId: session.id } };
}

export async function startExam(
  learnerId: string,
  input: {
    questionCount?: number | undefined;
    durationMinutes?: number | undefined;
    examSeed?: number | undefined;
  },
  now: Date,
): Promise<Outcome<{ sessionId: string }>> {
  const env = serverEnv();
  const questionCount = input.questionCount ?? env.REACHABLE_EXAM_QUESTIONS;
  const durationMs =
    input.durationMinutes === undefined
      ? env.REACHABLE_EXAM_DURATION_MS
      : Math.round(input.durationMinutes * 60_000);
  const examSeed = input.examSeed ?? randomInt(0, 0x100000000);
  const built = buildExamQuestions({ examSeed, count: questionCount });
  if (!built.ok) return fail(400, built.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  return createExam(
    learnerId,
    built.questions,
    examSeed,
    { questionCount, durationMs, passPercent: env.REACHABLE_EXAM_PASS_PERCENT, retakeOf: null },
    now,
  );
}

/** "Retake only the missed ones": fresh variants of the missed questions, time scaled to their number. */
export async function retakeExam(
  learnerId: string,
  sessionId: string,
  now: Date,
): Promise<Outcome<{ sessionId: string }>> {
  const session = await findSession(db(), learnerId, sessionId);
  const score = session?.kind === "exam" ? ExamScoreSchema.safeParse(session.result) : undefined;
  const config = session ? ExamConfigSchema.safeParse(session.config) : undefined;
  if (!session || !score?.success || !config?.success)
    return fail(404, "sessionId: no finished exam with this id");
  const missed = score.data.items
    .filter((item) => !item.correct)
    .map((item) => {
      if (!isDifficulty(item.difficulty))
        throw new Error(`exam result ${sessionId}: difficulty ${item.difficulty}`);
      return { family: item.family, seed: item.seed, difficulty: item.difficulty, concepts: item.concepts };
    });
  const plan = planRetake(missed, derivedRng(score.data.examSeed, `retake-${sessionId}`), DEFAULT_CATALOG);
  if (!plan.ok) return fail(409, plan.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const durationMs = Math.max(
    1000,
    Math.round((config.data.durationMs * missed.length) / Math.max(1, score.data.total)),
  );
  return createExam(
    learnerId,
    plan.questions,
    score.data.examSeed,
    { questionCount: missed.length, durationMs, passPercent: config.data.passPercent, retakeOf: sessionId },
    now,
  );
}

export async function loadActiveExam(learnerId: string): Promise<Outcome<ActiveExam | null>> {
  const session = await findActiveSession(db(), learnerId, "exam");
  if (session === null) return { ok: true, value: null };
  const restored = examSessionCodec.restore(session.snapshot);
  if (!restored.ok)
    return fail(409, restored.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const config = ExamConfigSchema.safeParse(session.config);
  if (!config.success) return fail(409, "config: this exam's settings cannot be read; start a new exam");
  return { ok: true, value: { session, snapshot: restored.snapshot, config: config.data } };
}

/** Saves a snapshot; a submitted exam is scored, its answers logged as attempts, and the result stored. */
async function save(active: ActiveExam, snapshot: ExamSnapshot, now: Date): Promise<Outcome<StepReply>> {
  const result = snapshot.status === "done" ? getExamResult(snapshot.context) : null;
  const score: ExamScore | null = result
    ? scoreExam({
        result,
        questions: questionsOf(result.responses.map((r) => r.questionId)),
        passPercent: active.config.passPercent,
        groupOf: DEFAULT_CATALOG.groupOf,
        groupOrder: CONCEPT_GROUPS.map((group) => group.id),
      })
    : null;
  const written = await updateSession(db(), active.session.learnerId, active.session.id, {
    persisted: examSessionCodec.save(snapshot),
    now,
    ifUpdatedAt: active.session.updatedAt,
    ...(score ? { finished: { result: score } } : {}),
  });
  if (!written) return fail(409, "sessionId: this exam changed in another request; reload the page");
  if (score && result) {
    for (const item of score.items) {
      if (item.response === null) continue;
      await recordAttempt(db(), active.session.learnerId, {
        questionId: item.questionId,
        family: item.family,
        seed: item.seed,
        difficulty: item.difficulty,
        response: item.response,
        correct: item.correct,
        score: item.correct ? 1 : 0,
        durationMs: recordedDuration(item.timeMs),
        context: `exam:${active.session.id}`,
        startedAt: new Date(result.startedAt),
        answeredAt: new Date(item.answeredAt ?? result.submittedAt),
        concepts: item.concepts,
      });
    }
    // Each miss offers the concept it was about as a review card.
    const missed = score.items.filter((item) => item.response !== null && !item.correct);
    const concepts = [...new Set(missed.flatMap((item) => blamedConcepts(item.concepts)))];
    if (concepts.length > 0)
      await enrolQuestionConcepts(db(), active.session.learnerId, concepts, "exam", now);
  }
  return { ok: true, value: { finished: score !== null } };
}

function toEvent(step: ExamStep, now: number): ExamEvent {
  switch (step.action) {
    case "select":
      return { type: "answer.select", questionId: step.questionId, optionIds: step.optionIds, now };
    case "clear":
      return { type: "answer.clear", questionId: step.questionId, now };
    case "flag":
      return { type: "question.flag", questionId: step.questionId, now };
    case "unflag":
      return { type: "question.unflag", questionId: step.questionId, now };
    case "goto":
      return { type: "question.goto", index: step.index, now };
    case "next":
      return { type: "question.next", now };
    case "previous":
      return { type: "question.previous", now };
    case "review.open":
      return { type: "review.open", now };
    case "review.close":
      return { type: "review.close", now };
    case "submit":
      return { type: "exam.submit", now };
    case "tick":
      return { type: "timer.tick", now };
  }
}

/** One exam step. A refused step still saves (a late answer is refused and submits the exam). */
export async function stepExam(
  learnerId: string,
  step: ExamStep,
  now: Date,
): Promise<Outcome<StepReply> | (Failure & StepReply)> {
  const loaded = await loadActiveExam(learnerId);
  if (!loaded.ok) return loaded;
  const active = loaded.value;
  if (active === null || active.session.id !== step.sessionId) {
    const finished = await findSession(db(), learnerId, step.sessionId);
    const over = finished !== null && finished.status === "finished";
    return {
      ...fail(
        409,
        over ? "sessionId: this exam is over; its result is ready" : "sessionId: this exam is not running",
      ),
      finished: over,
    };
  }
  if (step.action === "select") {
    const question = active.snapshot.context.questionIds.includes(step.questionId)
      ? questionsOf([step.questionId]).get(step.questionId)
      : undefined;
    const unknown = question
      ? step.optionIds.filter((id) => !question.options.some((option) => option.id === id))
      : [];
    if (unknown.length > 0)
      return fail(
        400,
        `optionIds: ${unknown.map((id) => `"${id}"`).join(", ")} is not an option of this question`,
      );
  }
  const applied = applyEvent(examMachine, active.snapshot, toEvent(step, now.getTime()));
  const saved = await save(active, applied.snapshot, now);
  if (!saved.ok) return saved;
  if (!applied.ok) {
    const path = step.action === "goto" ? "index" : "questionId" in step ? "questionId" : "action";
    return {
      ...fail(409, `${path}: ${applied.issues.map((issue) => issue.message).join("; ")}`),
      finished: saved.value.finished,
    };
  }
  return saved;
}
