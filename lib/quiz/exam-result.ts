// Read-outs of an exam's context: the review screen before submitting, and the result the server scores.
// Scoring itself belongs to the server (the generator's grade()); the machine never holds an answer key.
import type { ExamContext } from "./exam-machine";

export type ExamReview = {
  /** In exam order. */
  readonly unanswered: readonly string[];
  /** In exam order. */
  readonly flagged: readonly string[];
};

export function getExamReview(context: ExamContext): ExamReview {
  return {
    unanswered: context.questionIds.filter((id) => context.answers[id] === undefined),
    flagged: context.questionIds.filter((id) => context.flagged.includes(id)),
  };
}

export type ExamResponse = {
  readonly questionId: string;
  /** null: left unanswered, which scores as wrong. */
  readonly response: readonly string[] | null;
  readonly flagged: boolean;
  /** Milliseconds on screen, from the server's timestamps. */
  readonly timeMs: number;
  /** Server time of the last answer chosen; null when unanswered. */
  readonly answeredAt: number | null;
};

export type ExamResult = {
  readonly examSeed: number;
  readonly startedAt: number;
  readonly deadline: number;
  readonly submittedAt: number;
  readonly endedBy: "learner" | "timeout";
  /** One entry per question, in exam order. */
  readonly responses: readonly ExamResponse[];
};

/** The score-report input; null while the exam is still running. */
export function getExamResult(context: ExamContext): ExamResult | null {
  if (context.submittedAt === null || context.endedBy === null) return null;
  return {
    examSeed: context.examSeed,
    startedAt: context.startedAt,
    deadline: context.deadline,
    submittedAt: context.submittedAt,
    endedBy: context.endedBy,
    responses: context.questionIds.map((questionId) => ({
      questionId,
      response: context.answers[questionId] ?? null,
      flagged: context.flagged.includes(questionId),
      timeMs: context.timeOnQuestionMs[questionId] ?? 0,
      answeredAt: context.answeredAt[questionId] ?? null,
    })),
  };
}
