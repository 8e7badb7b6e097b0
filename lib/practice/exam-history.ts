// The score history of a learner's mock exams, oldest first, for the chart on the exam page. Retakes of the
// missed questions are practice on a handful of questions, not mock exams, so they are left out.

export type FinishedExam = {
  readonly sessionId: string;
  readonly finishedAt: number;
  readonly isRetake: boolean;
  readonly percent: number;
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean;
};

export type ExamHistoryPoint = FinishedExam & {
  /** 1 for the learner's first mock exam. */
  readonly attempt: number;
};

export function examScoreHistory(exams: readonly FinishedExam[]): ExamHistoryPoint[] {
  return exams
    .filter((exam) => !exam.isRetake)
    .sort((a, b) => a.finishedAt - b.finishedAt)
    .map((exam, index) => ({ ...exam, attempt: index + 1 }));
}
