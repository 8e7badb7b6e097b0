// The instructor-led live quiz: players join a lobby with a code, the teacher opens one question at a time,
// each player answers once while it is open, the teacher closes it, the server grades and the reveal shows the
// distribution and the key, then a leaderboard, then the next question or the end. Points come from scoring.ts.
import { assign, not, setup } from "xstate";
import {
  cleanDisplayName,
  displayNameKey,
  isDisplayNameValid,
  MAX_DISPLAY_NAME_LENGTH,
  normalizeJoinCode,
} from "./join-code";
import { appendRefusal, type Refusal, type RefusalCode } from "./refusal";
import { DEFAULT_QUESTION_TIME_LIMIT_MS, scoreAnswer, type ScoringMode } from "./scoring";

export type ClassroomInput = {
  readonly joinCode: string;
  readonly questionIds: readonly string[];
  /** The window for the speed bonus; answers stay accepted until the teacher closes the question. */
  readonly questionTimeLimitMs?: number;
  /** Speed and streak (the default) or accuracy only; see scoring.ts. */
  readonly scoring?: ScoringMode;
  readonly createdAt: number;
};

export type ClassroomPlayer = {
  readonly playerId: string;
  readonly displayName: string;
  readonly joinedAt: number;
  /** Shown to the player once at join; typing it in another browser plays on under the same name. */
  readonly rejoinCode?: string;
  /** Other browsers (learner ids) that rejoined as this player with the rejoin code. */
  readonly devices?: readonly string[];
};

export type ClassroomAnswer = {
  readonly playerId: string;
  readonly response: readonly string[];
  readonly answeredAt: number;
  /** null until the server's grade arrives. */
  readonly correct: boolean | null;
  readonly points: number;
};

export type ClassroomRound = {
  readonly questionIndex: number;
  readonly questionId: string;
  readonly openedAt: number;
  readonly closedAt: number | null;
  readonly answers: readonly ClassroomAnswer[];
  /** The key, from the server's grade event; null until then. */
  readonly correctResponse: readonly string[] | null;
  /**
   * While the round is open: the players it waits for (in the game when it opened, not removed since) and how
   * many of them have answered, kept up to date by each open, answer and removal so that the "n of m answered"
   * of every answer and the early close cost O(1) instead of a pass over players and answers. They follow the
   * machine's events, so a snapshot that folds in another server's stored answers counts them too. Absent in
   * rounds saved before they were kept (answerProgress then counts).
   */
  readonly expectedCount?: number;
  readonly answeredCount?: number;
};

export type ClassroomContext = {
  readonly joinCode: string;
  readonly questionIds: readonly string[];
  readonly questionTimeLimitMs: number;
  /** Absent in games saved before accuracy mode existed: those score for speed. */
  readonly scoring?: ScoringMode;
  readonly createdAt: number;
  readonly players: readonly ClassroomPlayer[];
  /** In the order played; the open or last closed question is the last entry. */
  readonly rounds: readonly ClassroomRound[];
  readonly finishedAt: number | null;
  readonly refusals: readonly Refusal[];
};

export type ClassroomEvent =
  | {
      readonly type: "player.join";
      readonly joinCode: string;
      readonly playerId: string;
      readonly displayName: string;
      readonly rejoinCode?: string;
      readonly now: number;
    }
  | {
      readonly type: "player.rejoin";
      readonly rejoinCode: string;
      readonly deviceId: string;
      readonly now: number;
    }
  | { readonly type: "player.remove"; readonly playerId: string; readonly now: number }
  | { readonly type: "question.open"; readonly index: number; readonly now: number }
  | {
      readonly type: "answer.submit";
      readonly playerId: string;
      readonly questionId: string;
      readonly response: readonly string[];
      readonly now: number;
    }
  | { readonly type: "question.close"; readonly now: number }
  | {
      readonly type: "question.graded";
      readonly questionId: string;
      readonly correctResponse: readonly string[];
      /** Players whose answer the server's grade() marked correct. */
      readonly correctPlayerIds: readonly string[];
      readonly now: number;
    }
  | { readonly type: "leaderboard.show"; readonly now: number }
  | { readonly type: "game.finish"; readonly now: number };

type RefuseParams = { readonly code: RefusalCode; readonly message: string };

const refuse = (code: RefusalCode, message: string) => ({
  type: "refuse" as const,
  params: { code, message },
});

export function currentRound(context: ClassroomContext): ClassroomRound | undefined {
  return context.rounds[context.rounds.length - 1];
}

/** The player a browser plays as: its own learner id, or the player it rejoined with a rejoin code. */
export function playerOfDevice(context: ClassroomContext, deviceId: string): ClassroomPlayer | undefined {
  return context.players.find(
    (player) => player.playerId === deviceId || (player.devices ?? []).includes(deviceId),
  );
}

// Rounds are immutable, so each round's answers are indexed by player once, however many players ask.
const answerIndexes = new WeakMap<ClassroomRound, ReadonlyMap<string, ClassroomAnswer>>();

/** This player's answer in the round, if any. */
export function answerOf(round: ClassroomRound, playerId: string): ClassroomAnswer | undefined {
  let index = answerIndexes.get(round);
  if (index === undefined) {
    index = new Map(round.answers.map((answer) => [answer.playerId, answer]));
    answerIndexes.set(round, index);
  }
  return index.get(playerId);
}

/** Correct answers in a row by this player in the rounds before `beforeIndex` (a round not answered ends it). */
export function playerStreak(
  rounds: readonly ClassroomRound[],
  playerId: string,
  beforeIndex = rounds.length,
): number {
  let streak = 0;
  for (let index = Math.min(beforeIndex, rounds.length) - 1; index >= 0; index -= 1) {
    const round = rounds[index];
    const answer = round === undefined ? undefined : answerOf(round, playerId);
    if (answer?.correct !== true) break;
    streak += 1;
  }
  return streak;
}

function updateCurrentRound(
  context: ClassroomContext,
  update: (round: ClassroomRound) => ClassroomRound,
): readonly ClassroomRound[] {
  const round = currentRound(context);
  if (round === undefined) throw new Error("classroom: no current round to update");
  return [...context.rounds.slice(0, -1), update(round)];
}

export const classroomMachine = setup({
  types: {
    context: {} as ClassroomContext,
    events: {} as ClassroomEvent,
    input: {} as ClassroomInput,
  },
  guards: {
    isJoinCodeCorrect: ({ context, event }) =>
      event.type === "player.join" &&
      normalizeJoinCode(event.joinCode) === normalizeJoinCode(context.joinCode),
    isDisplayNameValid: ({ event }) => event.type === "player.join" && isDisplayNameValid(event.displayName),
    isDisplayNameTaken: ({ context, event }) =>
      event.type === "player.join" &&
      context.players.some(
        (player) => displayNameKey(player.displayName) === displayNameKey(event.displayName),
      ),
    isPlayerKnown: ({ context, event }) =>
      (event.type === "player.join" || event.type === "answer.submit" || event.type === "player.remove") &&
      context.players.some((player) => player.playerId === event.playerId),
    isRejoinCodeKnown: ({ context, event }) =>
      event.type === "player.rejoin" &&
      event.rejoinCode.length > 0 &&
      context.players.some((player) => player.rejoinCode === event.rejoinCode),
    // A late joiner plays from the next question: the one open when they joined is not theirs to answer.
    joinedAfterOpen: ({ context, event }) => {
      if (event.type !== "answer.submit") return false;
      const player = context.players.find((entry) => entry.playerId === event.playerId);
      const round = currentRound(context);
      return player !== undefined && round !== undefined && player.joinedAt > round.openedAt;
    },
    hasPlayers: ({ context }) => context.players.length > 0,
    isQuestionIndexValid: ({ context, event }) =>
      event.type === "question.open" &&
      Number.isInteger(event.index) &&
      event.index >= 0 &&
      event.index < context.questionIds.length,
    isQuestionPlayed: ({ context, event }) =>
      event.type === "question.open" && context.rounds.some((round) => round.questionIndex === event.index),
    isCurrentQuestion: ({ context, event }) =>
      (event.type === "answer.submit" || event.type === "question.graded") &&
      currentRound(context)?.questionId === event.questionId,
    hasPlayerAnswered: ({ context, event }) =>
      event.type === "answer.submit" &&
      (currentRound(context)?.answers.some((answer) => answer.playerId === event.playerId) ?? false),
    hasOptions: ({ event }) => event.type === "answer.submit" && event.response.length > 0,
    // A grade may only credit players who actually answered this question, and must carry the key to reveal.
    isGradeConsistent: ({ context, event }) => {
      if (event.type !== "question.graded" || event.correctResponse.length === 0) return false;
      const answered = new Set(currentRound(context)?.answers.map((answer) => answer.playerId));
      return event.correctPlayerIds.every((playerId) => answered.has(playerId));
    },
  },
  actions: {
    recordJoin: assign(({ context, event }) =>
      event.type === "player.join"
        ? {
            players: [
              ...context.players,
              {
                playerId: event.playerId,
                displayName: cleanDisplayName(event.displayName),
                joinedAt: event.now,
                ...(event.rejoinCode === undefined ? {} : { rejoinCode: event.rejoinCode }),
              },
            ],
          }
        : {},
    ),
    recordRejoin: assign(({ context, event }) =>
      event.type === "player.rejoin"
        ? {
            players: context.players.map((player) =>
              player.rejoinCode === event.rejoinCode && player.playerId !== event.deviceId
                ? { ...player, devices: [...new Set([...(player.devices ?? []), event.deviceId])] }
                : player,
            ),
          }
        : {},
    ),
    // The removed player's past answers stay in their rounds (the distribution shown was real); the leaderboard
    // lists players, so they leave it.
    recordRemove: assign(({ context, event }) => {
      if (event.type !== "player.remove") return {};
      const players = context.players.filter((player) => player.playerId !== event.playerId);
      const round = currentRound(context);
      const removed = context.players.find((player) => player.playerId === event.playerId);
      const { expectedCount, answeredCount } = round ?? {};
      // Removing a player the open question waits for changes whom it waits for (and its answered count).
      if (
        round === undefined ||
        round.closedAt !== null ||
        expectedCount === undefined ||
        answeredCount === undefined ||
        removed === undefined ||
        removed.joinedAt > round.openedAt
      )
        return { players };
      const answered = answerOf(round, removed.playerId) === undefined ? 0 : 1;
      return {
        players,
        rounds: updateCurrentRound(context, (open) => ({
          ...open,
          expectedCount: expectedCount - 1,
          answeredCount: answeredCount - answered,
        })),
      };
    }),
    recordOpen: assign(({ context, event }) => {
      if (event.type !== "question.open") return {};
      const questionId = context.questionIds[event.index];
      if (questionId === undefined) throw new Error("classroom: recordOpen past the guard with a bad index");
      const round: ClassroomRound = {
        questionIndex: event.index,
        questionId,
        openedAt: event.now,
        closedAt: null,
        answers: [],
        correctResponse: null,
        expectedCount: context.players.filter((player) => player.joinedAt <= event.now).length,
        answeredCount: 0,
      };
      return { rounds: [...context.rounds, round] };
    }),
    recordAnswer: assign(({ context, event }) =>
      event.type === "answer.submit"
        ? {
            rounds: updateCurrentRound(context, (round) => ({
              ...round,
              answers: [
                ...round.answers,
                {
                  playerId: event.playerId,
                  response: event.response,
                  answeredAt: event.now,
                  correct: null,
                  points: 0,
                },
              ],
              // The guards let through only players the round waits for (known, not late, not answered yet).
              ...(round.answeredCount === undefined ? {} : { answeredCount: round.answeredCount + 1 }),
            })),
          }
        : {},
    ),
    recordClose: assign(({ context, event }) => ({
      rounds: updateCurrentRound(context, (round) => ({ ...round, closedAt: event.now })),
    })),
    recordGrade: assign(({ context, event }) => {
      if (event.type !== "question.graded") return {};
      const correctPlayers = new Set(event.correctPlayerIds);
      return {
        rounds: updateCurrentRound(context, (round) => ({
          ...round,
          correctResponse: event.correctResponse,
          answers: round.answers.map((answer) => {
            const correct = correctPlayers.has(answer.playerId);
            const points = scoreAnswer({
              correct,
              openedAt: round.openedAt,
              answeredAt: answer.answeredAt,
              timeLimitMs: context.questionTimeLimitMs,
              streak: playerStreak(context.rounds, answer.playerId, context.rounds.length - 1),
              mode: context.scoring ?? "speed",
            });
            return { ...answer, correct, points };
          }),
        })),
      };
    }),
    recordFinish: assign(({ event }) => ({ finishedAt: event.now })),
    refuse: assign(({ context, event }, params: RefuseParams) => ({
      refusals: appendRefusal(context.refusals, { ...params, eventType: event.type, at: event.now }),
    })),
  },
}).createMachine({
  id: "classroom",
  initial: "lobby",
  context: ({ input }) => ({
    joinCode: normalizeJoinCode(input.joinCode),
    questionIds: input.questionIds,
    questionTimeLimitMs: input.questionTimeLimitMs ?? DEFAULT_QUESTION_TIME_LIMIT_MS,
    scoring: input.scoring ?? "speed",
    createdAt: input.createdAt,
    players: [],
    rounds: [],
    finishedAt: null,
    refusals: [],
  }),
  // Fallbacks for events the active state does not take, and the teacher's "end now" from anywhere.
  on: {
    // Joining stays open until the game ends: a late joiner is scored from the next question.
    "player.join": [
      {
        guard: not("isJoinCodeCorrect"),
        actions: refuse("wrong-join-code", "this join code does not match the game"),
      },
      {
        guard: not("isDisplayNameValid"),
        actions: refuse("invalid-name", `a display name has 1 to ${MAX_DISPLAY_NAME_LENGTH} characters`),
      },
      { guard: "isPlayerKnown", actions: refuse("duplicate-player", "this player has already joined") },
      {
        guard: "isDisplayNameTaken",
        actions: refuse("duplicate-name", "this name is taken: choose another"),
      },
      { actions: "recordJoin" },
    ],
    "player.rejoin": [
      {
        guard: not("isRejoinCodeKnown"),
        actions: refuse("wrong-join-code", "this rejoin code belongs to no player of this game"),
      },
      { actions: "recordRejoin" },
    ],
    "player.remove": [
      { guard: not("isPlayerKnown"), actions: refuse("unknown-player", "this player is not in the game") },
      { actions: "recordRemove" },
    ],
    "question.open": {
      actions: refuse("not-accepted-now", "a question can be opened from the lobby or the leaderboard"),
    },
    "answer.submit": { actions: refuse("question-closed", "no question is open for answers") },
    "question.close": { actions: refuse("not-accepted-now", "no question is open") },
    "question.graded": { actions: refuse("not-accepted-now", "no closed question is waiting for its grade") },
    "leaderboard.show": {
      actions: refuse("not-accepted-now", "the leaderboard follows the reveal of a question"),
    },
    "game.finish": { target: ".finished", actions: "recordFinish" },
  },
  states: {
    lobby: {
      on: {
        "question.open": [
          { guard: not("hasPlayers"), actions: refuse("no-players", "wait for at least one player to join") },
          {
            guard: not("isQuestionIndexValid"),
            actions: refuse("out-of-range", "there is no question at this position"),
          },
          {
            guard: "isQuestionPlayed",
            actions: refuse("question-already-played", "this question was already played"),
          },
          { target: "questionOpen", actions: "recordOpen" },
        ],
      },
    },
    questionOpen: {
      on: {
        "answer.submit": [
          {
            guard: not("isPlayerKnown"),
            actions: refuse("unknown-player", "this player has not joined the game"),
          },
          {
            guard: not("isCurrentQuestion"),
            actions: refuse("not-current-question", "this question is not the open one"),
          },
          {
            guard: "joinedAfterOpen",
            actions: refuse(
              "not-accepted-now",
              "you joined during this question: you play from the next one",
            ),
          },
          {
            guard: "hasPlayerAnswered",
            actions: refuse("already-answered", "each player answers a question once"),
          },
          { guard: not("hasOptions"), actions: refuse("invalid-answer", "choose at least one option") },
          { actions: "recordAnswer" },
        ],
        "question.close": { target: "questionClosed", actions: "recordClose" },
      },
    },
    questionClosed: {
      initial: "grading",
      states: {
        /** Answers are with the server; its verdicts arrive as question.graded. */
        grading: {
          on: {
            "question.graded": [
              {
                guard: not("isCurrentQuestion"),
                actions: refuse("not-current-question", "this grade is for another question"),
              },
              {
                guard: not("isGradeConsistent"),
                actions: refuse(
                  "invalid-grade",
                  "a grade needs the key and may credit only players who answered",
                ),
              },
              { target: "revealed", actions: "recordGrade" },
            ],
          },
        },
        /** The reveal: getAnswerDistribution(currentRound) and the round's correctResponse. */
        revealed: {
          on: { "leaderboard.show": { target: "#classroom.leaderboard" } },
        },
      },
      on: {
        "answer.submit": {
          actions: refuse("question-closed", "this question is closed: the answer came too late"),
        },
      },
    },
    /** getLeaderboard(context). */
    leaderboard: {
      on: {
        "question.open": [
          {
            guard: not("isQuestionIndexValid"),
            actions: refuse("out-of-range", "there is no question at this position"),
          },
          {
            guard: "isQuestionPlayed",
            actions: refuse("question-already-played", "this question was already played"),
          },
          { target: "#classroom.questionOpen", actions: "recordOpen" },
        ],
      },
    },
    finished: { type: "final" },
  },
});
