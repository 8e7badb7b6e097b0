// A timed mock exam's shape ("e.g. 20 questions, 30 minutes; both configurable"). The server draws the
// questions and fixes the deadline when the exam starts; the deadline is absolute, never a client countdown.

export const DEFAULT_EXAM_QUESTION_COUNT = 20;
export const DEFAULT_EXAM_DURATION_MS = 30 * 60 * 1000;

/** What the exam machine starts from (its `input`). */
export type ExamInput = {
  /** Shown to the learner so an instructor can hand out the same exam. */
  readonly examSeed: number;
  readonly questionIds: readonly string[];
  readonly startedAt: number;
  /** Epoch ms; at or after it no answer counts and the exam submits itself. */
  readonly deadline: number;
};

export type ExamPlan = {
  readonly examSeed: number;
  readonly questionIds: readonly string[];
  readonly startedAt: number;
  readonly durationMs?: number;
};

export type ExamPlanIssue = { readonly path: string; readonly message: string };

export type ExamPlanResult =
  | { readonly ok: true; readonly input: ExamInput }
  | { readonly ok: false; readonly issues: readonly ExamPlanIssue[] };

/** Checks a plan and turns its duration into the absolute deadline the machine holds. */
export function planExam(plan: ExamPlan): ExamPlanResult {
  const durationMs = plan.durationMs ?? DEFAULT_EXAM_DURATION_MS;
  const issues: ExamPlanIssue[] = [];
  if (plan.questionIds.length === 0)
    issues.push({ path: "questionIds", message: "an exam needs at least one question" });
  if (new Set(plan.questionIds).size !== plan.questionIds.length) {
    issues.push({ path: "questionIds", message: "question ids must be distinct" });
  }
  if (!Number.isSafeInteger(durationMs) || durationMs <= 0) {
    issues.push({
      path: "durationMs",
      message: "the duration must be a positive whole number of milliseconds",
    });
  }
  if (!Number.isSafeInteger(plan.startedAt))
    issues.push({ path: "startedAt", message: "must be epoch milliseconds" });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    input: {
      examSeed: plan.examSeed,
      questionIds: plan.questionIds,
      startedAt: plan.startedAt,
      deadline: plan.startedAt + durationMs,
    },
  };
}
