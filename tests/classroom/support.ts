import { initialTransition } from "xstate";
import { classroomMachine } from "../../lib/quiz/classroom-machine";
import {
  runClassroomCommand,
  type ClassroomCommand,
  type ClassroomSnapshot,
} from "../../lib/classroom/run-command";
import { generateQuestion } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";

/** Two real generated questions, so grading goes through grade() on a real key. */
export function realQuestions(): Question[] {
  return [7, 8].map((seed) => {
    const generated = generateQuestion("endpoint-choice", seed, 1);
    if (!generated.ok) throw new Error("endpoint-choice should generate");
    return generated.question;
  });
}

export const T0 = 1_000_000;
export const LIMIT_MS = 20_000;

export function newGame(questions: readonly Question[]): ClassroomSnapshot {
  return initialTransition(classroomMachine, {
    joinCode: "ABC234",
    questionIds: questions.map((question) => question.id),
    questionTimeLimitMs: LIMIT_MS,
    createdAt: T0,
  })[0];
}

/** Runs commands in order and fails loudly on the first refusal. */
export function runAll(
  snapshot: ClassroomSnapshot,
  steps: readonly (readonly [ClassroomCommand, number])[],
): ClassroomSnapshot {
  return steps.reduce((current, [command, now]) => {
    const result = runClassroomCommand(current, command, now);
    if (!result.ok)
      throw new Error(`${command.kind}: ${result.issues.map((issue) => issue.message).join("; ")}`);
    return result.snapshot;
  }, snapshot);
}

export function wrongOption(question: Question): string {
  const wrong = question.options.find((option) => !question.answer.includes(option.id));
  if (!wrong) throw new Error("a question needs a wrong option");
  return wrong.id;
}

export const join = (playerId: string, displayName: string): ClassroomCommand => ({
  kind: "join",
  joinCode: "abc234",
  playerId,
  displayName,
});
