// What the classroom projector shows between questions: the answer distribution with the key, and the
// leaderboard. Derived from context on demand, so nothing here can drift from the recorded answers.
import type { ClassroomContext, ClassroomRound } from "./classroom-machine";

export type OptionCount = { readonly optionId: string; readonly count: number; readonly isCorrect: boolean | null };

/**
 * How many players chose each option (a multi-select answer counts once for each option in it), sorted by option
 * id. `isCorrect` is null until the grade has revealed the key.
 */
export function getAnswerDistribution(round: ClassroomRound): readonly OptionCount[] {
  const counts = new Map<string, number>();
  for (const answer of round.answers) {
    for (const optionId of new Set(answer.response)) counts.set(optionId, (counts.get(optionId) ?? 0) + 1);
  }
  for (const optionId of round.correctResponse ?? []) if (!counts.has(optionId)) counts.set(optionId, 0);
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([optionId, count]) => ({
      optionId,
      count,
      isCorrect: round.correctResponse === null ? null : round.correctResponse.includes(optionId),
    }));
}

export type LeaderboardEntry = {
  /** Competition ranking: equal points share a rank, the next rank skips (1, 1, 3). */
  readonly rank: number;
  readonly playerId: string;
  readonly displayName: string;
  readonly points: number;
  readonly correctAnswers: number;
};

/** Players by points, highest first; ties keep the order in which players joined. */
export function getLeaderboard(context: ClassroomContext): readonly LeaderboardEntry[] {
  const totals = context.players.map((player) => {
    const answers = context.rounds.flatMap((round) => round.answers.filter((answer) => answer.playerId === player.playerId));
    return {
      playerId: player.playerId,
      displayName: player.displayName,
      points: answers.reduce((sum, answer) => sum + answer.points, 0),
      correctAnswers: answers.filter((answer) => answer.correct === true).length,
    };
  });
  const sorted = [...totals].sort((a, b) => b.points - a.points);
  return sorted.map((entry) => ({ ...entry, rank: 1 + sorted.filter((other) => other.points > entry.points).length }));
}
