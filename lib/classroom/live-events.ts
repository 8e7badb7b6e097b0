// What changed for whom between two states of a game, as events for the event hub: the teacher hears about
// joins, everyone hears about a question opening (without its key), the answer count, the reveal and the
// leaderboard, and each player hears their own result. Nothing here is sent before it is true, so the key and
// explanation only travel in "reveal", after the server has graded the question.
import { solutionOf } from "../grading/outcome";
import {
  answerProgress,
  getAnswerDistribution,
  getLeaderboard,
  type OptionCount,
} from "../quiz/classroom-board";
import { answerOf, currentRound, playerStreak } from "../quiz/classroom-machine";
import { classroomPhase, leaderboardTop, type LeaderboardRow } from "./classroom-view";
import type { EventDraft } from "./event-hub";
import { openDeadline, questionOf, type ClassroomSnapshot } from "./run-command";

export type LiveEventData = {
  joined: { readonly displayName: string; readonly playerCount: number };
  left: { readonly displayName: string; readonly playerCount: number };
  removed: Record<string, never>;
  /** The question's id is added per connection, sealed for its viewer. */
  question: {
    readonly stage: string;
    readonly questionNumber: number;
    readonly questionCount: number;
    readonly options: readonly { readonly id: string; readonly text: string }[];
    readonly multiSelect: boolean;
    readonly remainingMs: number;
    readonly timeLimitMs: number;
    readonly playerCount: number;
  };
  answers: { readonly answeredCount: number; readonly expectedCount: number };
  reveal: {
    readonly stage: string;
    readonly key: readonly string[];
    readonly distribution: readonly OptionCount[];
    readonly summary: string;
    readonly options: readonly { optionId: string; text: string; correct: boolean; why: string }[];
    readonly rules: readonly string[];
  };
  result: {
    readonly answered: boolean;
    readonly correct: boolean | null;
    readonly points: number | null;
    readonly totalPoints: number;
    readonly correctAnswers: number;
    readonly rank: number;
    readonly streak: number;
  };
  leaderboard: { readonly stage: string; readonly top: readonly LeaderboardRow[] };
  finished: { readonly stage: string; readonly top: readonly LeaderboardRow[] };
};

export type LiveEventType = keyof LiveEventData;

const ALL = { kind: "all" } as const;
const TEACHER = { kind: "teacher" } as const;

/**
 * The host hears every answer; players hear the count in steps of a twentieth of the room (every answer in a
 * room of up to 20), on a removal and at the last answer. Sending each answer to every screen made a room of
 * 1,000 a million stream writes per question: `bench/classroom-load.mjs` measured ack p95 12.9 s on one server.
 */
const PLAYER_COUNT_STEPS = 20;

/**
 * Only the latest answer count of a batch is worth sending. It goes to every screen when any count in the batch
 * did (a player step that an answer after it in the same batch would otherwise hide), else to the host only.
 */
export function coalesceCounts(drafts: readonly EventDraft[]): EventDraft[] {
  const lastCount = drafts.findLastIndex((entry) => entry.type === "answers");
  const last = drafts[lastCount];
  if (last === undefined) return [...drafts];
  const toAll = drafts.some((entry) => entry.type === "answers" && entry.audience.kind === "all");
  const kept = toAll && last.audience.kind !== "all" ? { ...last, audience: ALL } : last;
  return drafts.flatMap((entry, index) =>
    entry.type !== "answers" ? [entry] : index === lastCount ? [kept] : [],
  );
}

export function playersHearCount(
  answeredBefore: number,
  after: { readonly answered: number; readonly expected: number },
  removed: boolean,
): boolean {
  if (removed || after.answered >= after.expected) return true;
  const step = Math.max(1, Math.ceil(after.expected / PLAYER_COUNT_STEPS));
  return Math.floor(answeredBefore / step) !== Math.floor(after.answered / step);
}

function draft<T extends LiveEventType>(
  audience: EventDraft["audience"],
  type: T,
  data: LiveEventData[T],
  questionId?: string,
): EventDraft {
  return { audience, type, data, ...(questionId === undefined ? {} : { questionId }) };
}

function playerChanges(before: ClassroomSnapshot, after: ClassroomSnapshot): EventDraft[] {
  if (before.context.players === after.context.players) return [];
  const playerCount = after.context.players.length;
  const had = new Set(before.context.players.map((player) => player.playerId));
  const has = new Set(after.context.players.map((player) => player.playerId));
  const drafts: EventDraft[] = [];
  for (const player of after.context.players) {
    if (!had.has(player.playerId))
      drafts.push(draft(TEACHER, "joined", { displayName: player.displayName, playerCount }));
  }
  for (const player of before.context.players) {
    if (has.has(player.playerId)) continue;
    drafts.push(draft(TEACHER, "left", { displayName: player.displayName, playerCount }));
    drafts.push(draft({ kind: "player", playerId: player.playerId }, "removed", {}));
  }
  return drafts;
}

function standings(after: ClassroomSnapshot, withAnswer: boolean): EventDraft[] {
  const context = after.context;
  const round = currentRound(context);
  const board = new Map(getLeaderboard(context).map((entry) => [entry.playerId, entry]));
  return context.players.map((player) => {
    const answer = withAnswer && round !== undefined ? answerOf(round, player.playerId) : undefined;
    const entry = board.get(player.playerId);
    return draft({ kind: "player", playerId: player.playerId }, "result", {
      answered: answer !== undefined,
      correct: answer?.correct ?? null,
      points: answer?.points ?? null,
      totalPoints: entry?.points ?? 0,
      correctAnswers: entry?.correctAnswers ?? 0,
      rank: entry?.rank ?? context.players.length,
      streak: playerStreak(context.rounds, player.playerId),
    });
  });
}

/** The events that tell each viewer what changed from `before` to `after` (one command's step). */
export function liveEvents(before: ClassroomSnapshot, after: ClassroomSnapshot, now: number): EventDraft[] {
  if (before === after) return [];
  const drafts = playerChanges(before, after);
  const phase = classroomPhase(after);
  const was = classroomPhase(before);
  const round = currentRound(after.context);
  const stage = `${phase}:${after.context.rounds.length}`;
  const opened = after.context.rounds.length > before.context.rounds.length;
  if (phase === "question" && round !== undefined) {
    if (opened) {
      const question = questionOf(round.questionId);
      const deadline = openDeadline(after);
      drafts.push(
        draft(
          ALL,
          "question",
          {
            stage,
            questionNumber: round.questionIndex + 1,
            questionCount: after.context.questionIds.length,
            options: question.options.map((option) => ({ id: option.id, text: option.text })),
            multiSelect: question.multiSelect === true,
            remainingMs: deadline === null ? 0 : Math.max(0, deadline - now),
            timeLimitMs: after.context.questionTimeLimitMs,
            playerCount: after.context.players.length,
          },
          round.questionId,
        ),
      );
    } else if (
      currentRound(before.context)?.answers !== round.answers ||
      after.context.players.length < before.context.players.length
    ) {
      // A removal changes whom the question waits for (a late join does not), so "n of m" is resent. Players
      // get it too (a player who answered watches the room catch up); it is two numbers, never whose answer or
      // which option, so nothing in it hints at the key before the reveal.
      const progress = answerProgress(after.context);
      const removed = after.context.players.length < before.context.players.length;
      const audience = playersHearCount(answerProgress(before.context).answered, progress, removed)
        ? ALL
        : TEACHER;
      drafts.push(
        draft(audience, "answers", { answeredCount: progress.answered, expectedCount: progress.expected }),
      );
    }
  }
  if (phase === "reveal" && was !== "reveal" && round?.correctResponse) {
    const solution = solutionOf(questionOf(round.questionId));
    drafts.push(
      draft(ALL, "reveal", {
        stage,
        key: solution.key,
        distribution: getAnswerDistribution(round),
        summary: solution.summary,
        options: solution.options.map((option) => ({
          optionId: option.optionId,
          text: option.text,
          correct: option.correct,
          why: option.why,
        })),
        rules: solution.rules,
      }),
    );
    drafts.push(...standings(after, true));
  }
  if (phase === "leaderboard" && was !== "leaderboard") {
    drafts.push(
      draft(ALL, "leaderboard", { stage, top: leaderboardTop(getLeaderboard(after.context), null) }),
    );
  }
  if (phase === "finished" && was !== "finished") {
    drafts.push(draft(ALL, "finished", { stage, top: leaderboardTop(getLeaderboard(after.context), null) }));
    if (was !== "reveal" && was !== "leaderboard") drafts.push(...standings(after, false));
  }
  return drafts;
}
