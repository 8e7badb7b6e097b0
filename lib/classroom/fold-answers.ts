// Answers are stored as rows of their own (one per game, question and player) and not in the game's snapshot,
// so that answering never contends on the snapshot's revision. Whatever reads results therefore first folds the
// stored rows of the open question into the snapshot it holds: a server restoring a game, a server catching up
// with answers another server acknowledged, and the close that grades the question (it folds under the game's
// row lock, so an answer acknowledged anywhere before the close is in the grading and none after it is stored).
import { applyEvent } from "../quiz/apply-event";
import { answerOf, classroomMachine, currentRound } from "../quiz/classroom-machine";
import type { ClassroomSnapshot } from "./run-command";

export type FoldableAnswer = {
  readonly questionIndex: number;
  readonly playerId: string;
  readonly response: readonly string[];
  readonly answeredAt: Date;
};

/**
 * The snapshot with every stored answer to its open question that it does not hold yet, applied in answer
 * order with the time each was acknowledged (so speed points are as on the server that took it). Returns the
 * same snapshot object when nothing was added, so callers can tell cheaply. Rows of another question and
 * players the snapshot already counts are skipped: a player's answer is counted once whichever server took it.
 */
export function foldStoredAnswers(
  snapshot: ClassroomSnapshot,
  stored: readonly FoldableAnswer[],
): ClassroomSnapshot {
  if (!snapshot.matches("questionOpen")) return snapshot;
  const round = currentRound(snapshot.context);
  if (round === undefined) return snapshot;
  const missing = stored
    .filter(
      (answer) =>
        answer.questionIndex === round.questionIndex && answerOf(round, answer.playerId) === undefined,
    )
    .sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  let folded = snapshot;
  for (const answer of missing) {
    const applied = applyEvent(classroomMachine, folded, {
      type: "answer.submit",
      playerId: answer.playerId,
      questionId: round.questionId,
      response: answer.response,
      now: answer.answeredAt.getTime(),
    });
    // A refused row (its player was removed since) leaves the snapshot as it was, refusal aside.
    if (applied.ok) folded = applied.snapshot;
  }
  return folded;
}
