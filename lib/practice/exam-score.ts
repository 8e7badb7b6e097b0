// The score report of a submitted exam (like AWS's report): score, pass or fail against a configurable
// bar, "meets" / "needs improvement" per domain (concept group), and every question with the learner's answer
// and the key. Grading is the generator's grade(); an unanswered question scores as wrong.
import type { ExamResult } from "../quiz/exam-result";
import { grade } from "../grading/grade";
import { questionDomain } from "../quiz/blame";
import type { Question } from "../scenario/question";

export type DomainVerdict = "meets" | "needs-improvement";

export type DomainReport = {
  readonly group: string;
  readonly correct: number;
  readonly total: number;
  readonly percent: number;
  readonly verdict: DomainVerdict;
};

export type ExamItem = {
  readonly questionId: string;
  readonly family: string;
  readonly seed: number;
  readonly difficulty: number;
  readonly concepts: readonly string[];
  readonly groups: readonly string[];
  readonly response: readonly string[] | null;
  readonly flagged: boolean;
  readonly correct: boolean;
  readonly key: readonly string[];
  /** Milliseconds the question was on screen (server timestamps). */
  readonly timeMs: number;
  /** Server time of the last answer chosen; null when unanswered. */
  readonly answeredAt: number | null;
};

export type ExamScore = {
  readonly examSeed: number;
  readonly endedBy: "learner" | "timeout";
  readonly submittedAt: number;
  readonly correct: number;
  readonly total: number;
  readonly percent: number;
  readonly passPercent: number;
  readonly passed: boolean;
  /** In the order of `groupOrder`, only domains the exam touched; each question counts in one domain. */
  readonly domains: readonly DomainReport[];
  /** In exam order. */
  readonly items: readonly ExamItem[];
};

export type ScoreExamInput = {
  readonly result: ExamResult;
  readonly questions: ReadonlyMap<string, Question>;
  /** Percent of questions right needed to pass, and to "meet" a domain. */
  readonly passPercent: number;
  readonly groupOf: (concept: string) => string | undefined;
  readonly groupOrder: readonly string[];
};

const percentOf = (correct: number, total: number): number =>
  total === 0 ? 0 : Math.round((correct / total) * 1000) / 10;

export function scoreExam(input: ScoreExamInput): ExamScore {
  if (!(input.passPercent >= 0 && input.passPercent <= 100))
    throw new Error(`scoreExam: passPercent ${input.passPercent} is not 0..100`);
  const items = input.result.responses.map((entry): ExamItem => {
    const question = input.questions.get(entry.questionId);
    if (question === undefined) throw new Error(`scoreExam: question ${entry.questionId} was not supplied`);
    const groups = [
      ...new Set(
        question.concepts
          .map((concept) => input.groupOf(concept))
          .filter((g): g is string => g !== undefined),
      ),
    ];
    return {
      questionId: question.id,
      family: question.family,
      seed: question.seed,
      difficulty: question.difficulty,
      concepts: [...question.concepts],
      groups,
      response: entry.response,
      flagged: entry.flagged,
      correct: entry.response !== null && grade(question, entry.response).correct,
      key: [...question.answer],
      timeMs: entry.timeMs,
      answeredAt: entry.answeredAt,
    };
  });
  const correct = items.filter((item) => item.correct).length;
  const percent = percentOf(correct, items.length);
  // Each question counts in one domain, the one of the concept it is about, so the domain
  // counts add up to the exam's total.
  const domainOf = (item: ExamItem): string | undefined => questionDomain(item.concepts, input.groupOf);
  const domains = input.groupOrder.flatMap((group): DomainReport[] => {
    const inGroup = items.filter((item) => domainOf(item) === group);
    if (inGroup.length === 0) return [];
    const right = inGroup.filter((item) => item.correct).length;
    const share = percentOf(right, inGroup.length);
    return [
      {
        group,
        correct: right,
        total: inGroup.length,
        percent: share,
        verdict: share >= input.passPercent ? "meets" : "needs-improvement",
      },
    ];
  });
  return {
    examSeed: input.result.examSeed,
    endedBy: input.result.endedBy,
    submittedAt: input.result.submittedAt,
    correct,
    total: items.length,
    percent,
    passPercent: input.passPercent,
    passed: percent >= input.passPercent,
    domains,
    items,
  };
}
