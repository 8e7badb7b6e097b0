// The report of a homework assignment, in the live game's report shape (lib/classroom/game-report), so the same
// page and the same CSV serve both. Homework is self-paced, so points are accuracy-only: speed means nothing
// when every student answers on their own evening.
import { ACCURACY_POINTS } from "../quiz/scoring";
import type { Question } from "../scenario/question";
import type { ConceptTally, GameReport, PlayerReport, QuestionReport } from "./game-report";

export type HomeworkStudentRecord = { readonly learnerId: string; readonly displayName: string };

export type HomeworkAnswerRecord = {
  readonly learnerId: string;
  readonly questionIndex: number;
  readonly response: readonly string[];
  readonly correct: boolean;
};

/** Whether an assignment still takes answers at `now`: up to and excluding its due instant. */
export function homeworkOpen(dueAt: Date, now: Date): boolean {
  return now.getTime() < dueAt.getTime();
}

/** The first question a student has not answered yet, or null once they answered them all. */
export function nextHomeworkQuestion(
  questionCount: number,
  answered: readonly { readonly questionIndex: number }[],
): number | null {
  const done = new Set(answered.map((answer) => answer.questionIndex));
  for (let index = 0; index < questionCount; index += 1) if (!done.has(index)) return index;
  return null;
}

function questionReport(
  question: Question,
  index: number,
  students: number,
  answers: readonly HomeworkAnswerRecord[],
): QuestionReport {
  const chosen = new Map<string, number>();
  for (const answer of answers)
    for (const optionId of new Set(answer.response)) chosen.set(optionId, (chosen.get(optionId) ?? 0) + 1);
  return {
    number: index + 1,
    family: question.family,
    concepts: question.concepts,
    stem: question.stem,
    players: students,
    answered: answers.length,
    correct: answers.filter((answer) => answer.correct).length,
    options: question.options.map((option) => ({
      optionId: option.id,
      text: option.text,
      correct: question.answer.includes(option.id),
      chosen: chosen.get(option.id) ?? 0,
    })),
  };
}

/**
 * Every question of the assignment (answered or not) and every student who gave a name, ranked by points
 * (ACCURACY_POINTS per right answer; ties share a rank, as on the live leaderboard).
 */
export function buildHomeworkReport(
  questions: readonly Question[],
  students: readonly HomeworkStudentRecord[],
  answers: readonly HomeworkAnswerRecord[],
): GameReport {
  const byQuestion = questions.map(() => [] as HomeworkAnswerRecord[]);
  const byStudent = new Map(students.map((student) => [student.learnerId, [] as HomeworkAnswerRecord[]]));
  for (const answer of answers) {
    byQuestion[answer.questionIndex]?.push(answer);
    byStudent.get(answer.learnerId)?.push(answer);
  }
  const players = students
    .map((student) => {
      const own = byStudent.get(student.learnerId) ?? [];
      const tallies = new Map<string, { answered: number; correct: number }>();
      for (const answer of own) {
        for (const concept of questions[answer.questionIndex]?.concepts ?? []) {
          const tally = tallies.get(concept) ?? { answered: 0, correct: 0 };
          tally.answered += 1;
          if (answer.correct) tally.correct += 1;
          tallies.set(concept, tally);
        }
      }
      const correct = own.filter((answer) => answer.correct).length;
      const concepts: ConceptTally[] = [...tallies.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([concept, tally]) => ({ concept, ...tally }));
      return {
        displayName: student.displayName,
        points: correct * ACCURACY_POINTS,
        answered: own.length,
        correct,
        concepts,
      };
    })
    .sort((a, b) => b.points - a.points);
  let rank = 1;
  const ranked: PlayerReport[] = players.map((player, index) => {
    if (index > 0 && player.points < (players[index - 1]?.points ?? player.points)) rank = index + 1;
    return { rank, ...player };
  });
  return {
    questions: questions.map((question, index) =>
      questionReport(question, index, students.length, byQuestion[index] ?? []),
    ),
    players: ranked,
  };
}
