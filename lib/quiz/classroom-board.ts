// What the classroom projector shows between questions: the answer distribution with the key, and the
// leaderboard. Derived from context on demand, so nothing here can drift from the recorded answers.
import type { ClassroomContext, ClassroomRound } from "./classroom-machine";

export type OptionCount = {
  readonly optionId: string;
  readonly count: number;
  readonly isCorrect: boolean | null;
};

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

const leaderboards = new WeakMap<ClassroomContext, readonly LeaderboardEntry[]>();

/**
 * Players by points, highest first; ties keep the order in which players joined. One pass over the answers and
 * one sort, memoized per context (contexts are immutable), so a room of 1,000 asks for it cheaply and often.
 */
export function getLeaderboard(context: ClassroomContext): readonly LeaderboardEntry[] {
  const cached = leaderboards.get(context);
  if (cached !== undefined) return cached;
  const totals = new Map(
    context.players.map((player) => [player.playerId, { points: 0, correctAnswers: 0 }]),
  );
  for (const round of context.rounds) {
    for (const answer of round.answers) {
      const total = totals.get(answer.playerId);
      if (total === undefined) continue;
      total.points += answer.points;
      if (answer.correct === true) total.correctAnswers += 1;
    }
  }
  const sorted = context.players
    .map((player) => ({
      playerId: player.playerId,
      displayName: player.displayName,
      ...(totals.get(player.playerId) ?? { points: 0, correctAnswers: 0 }),
    }))
    .sort((a, b) => b.points - a.points);
  let rank = 1;
  const board = sorted.map((entry, index) => {
    if (index > 0 && entry.points < (sorted[index - 1]?.points ?? entry.points)) rank = index + 1;
    return { ...entry, rank };
  });
  leaderboards.set(context, board);
  return board;
}

/**
 * Who the open (or last) question waits for: the players in the game now who were already in it when it opened.
 * A late joiner cannot answer it and a removed player no longer counts, so `answered` counts only these players'
 * answers. The host's "n of m answered" and the early close read this one set, so they cannot disagree.
 */
export function answerProgress(context: ClassroomContext): { answered: number; expected: number } {
  const round = context.rounds[context.rounds.length - 1];
  if (round === undefined) return { answered: 0, expected: 0 };
  // The open round keeps both counts as it goes (O(1) on every answer); a closed round, or one saved before
  // the counts were kept, is counted here.
  if (round.closedAt === null && round.expectedCount !== undefined && round.answeredCount !== undefined)
    return { answered: round.answeredCount, expected: round.expectedCount };
  return countProgress(context);
}

/** answerProgress by a pass over the players and the round's answers: what the kept counts must equal. */
export function countProgress(context: ClassroomContext): { answered: number; expected: number } {
  const round = context.rounds[context.rounds.length - 1];
  if (round === undefined) return { answered: 0, expected: 0 };
  const answered = new Set(round.answers.map((answer) => answer.playerId));
  let expected = 0;
  let answeredExpected = 0;
  for (const player of context.players) {
    if (player.joinedAt > round.openedAt) continue;
    expected += 1;
    if (answered.has(player.playerId)) answeredExpected += 1;
  }
  return { answered: answeredExpected, expected };
}

/** Whether every player who was in the game when the question opened has answered it. */
export function everyoneAnswered(context: ClassroomContext): boolean {
  const round = context.rounds[context.rounds.length - 1];
  if (round === undefined || round.closedAt !== null) return false;
  const progress = answerProgress(context);
  return progress.expected > 0 && progress.answered === progress.expected;
}
