// What one browser may know about a live game, built on the server for each poll. Built by listing what each
// phase shows: the key, the explanation and the answer counts appear only once the question is graded and
// revealed, so nothing a player's browser receives before the reveal can give the answer away.
import { solutionOf } from "../grading/outcome";
import {
  answerProgress,
  getAnswerDistribution,
  getLeaderboard,
  type OptionCount,
} from "../quiz/classroom-board";
import { currentRound, playerStreak } from "../quiz/classroom-machine";
import { describeScoring, type ScoringMode } from "../quiz/scoring";
import { openDeadline, questionOf, type ClassroomSnapshot } from "./run-command";

export type ClassroomPhase = "lobby" | "question" | "grading" | "reveal" | "leaderboard" | "finished";

export type ClassroomViewer =
  { readonly role: "teacher" } | { readonly role: "player"; readonly playerId: string };

export type ClassroomView = {
  readonly joinCode: string;
  readonly role: "teacher" | "player";
  readonly phase: ClassroomPhase;
  /** Changes whenever the screen should change; the client re-renders the question body when it does. */
  readonly stage: string;
  readonly questionCount: number;
  /** 1-based number of the current (or last) question; 0 in the lobby. */
  readonly questionNumber: number;
  /** Teacher only (a player's screen shows the count, not a room's worth of names). */
  readonly players: readonly {
    readonly displayName: string;
    readonly isYou: boolean;
    readonly answered: boolean;
  }[];
  readonly playerCount: number;
  readonly scoring: { readonly mode: ScoringMode; readonly description: string };
  readonly you: {
    readonly displayName: string;
    readonly response: readonly string[] | null;
    /** Joined while the current question was open: plays from the next one. */
    readonly waitsForNext: boolean;
    readonly points: number;
    readonly correctAnswers: number;
    readonly rank: number;
    readonly streak: number;
    readonly rejoinCode: string | null;
  } | null;
  readonly question: {
    readonly id: string;
    readonly options: readonly { readonly id: string; readonly text: string }[];
    readonly multiSelect: boolean;
    /** Milliseconds left on the server's clock when this view was built; 0 once closed. */
    readonly remainingMs: number;
    readonly timeLimitMs: number;
    /** Answers from the players counted in expectedCount (a removed player's answer is not among them). */
    readonly answeredCount: number;
    /**
     * The players who can answer this question: in the game when it opened and not removed since. A late joiner
     * is not one of them; the question closes early once all of these have answered.
     */
    readonly expectedCount: number;
  } | null;
  readonly reveal: {
    readonly key: readonly string[];
    readonly distribution: readonly OptionCount[];
    readonly summary: string;
    readonly options: readonly {
      readonly optionId: string;
      readonly text: string;
      readonly correct: boolean;
      readonly why: string;
    }[];
    readonly rules: readonly string[];
    /** The viewer's own result; null for the teacher or a player who did not answer. */
    readonly yourAnswerCorrect: boolean | null;
    readonly yourPoints: number | null;
  } | null;
  /** The top of the leaderboard; a player's own row is added below it when they are further down. */
  readonly leaderboard:
    | readonly {
        readonly rank: number;
        readonly displayName: string;
        readonly points: number;
        readonly correctAnswers: number;
        readonly isYou: boolean;
      }[]
    | null;
  /** Teacher only: whether another question is left to open. */
  readonly hasNextQuestion: boolean;
};

export function classroomPhase(snapshot: ClassroomSnapshot): ClassroomPhase {
  if (snapshot.matches("lobby")) return "lobby";
  if (snapshot.matches("questionOpen")) return "question";
  if (snapshot.matches({ questionClosed: "grading" })) return "grading";
  if (snapshot.matches({ questionClosed: "revealed" })) return "reveal";
  if (snapshot.matches("leaderboard")) return "leaderboard";
  return "finished";
}

export function buildClassroomView(
  snapshot: ClassroomSnapshot,
  viewer: ClassroomViewer,
  now: number,
): ClassroomView {
  const context = snapshot.context;
  const phase = classroomPhase(snapshot);
  const round = currentRound(context);
  const playerId = viewer.role === "player" ? viewer.playerId : null;
  const me = context.players.find((player) => player.playerId === playerId);
  const board = getLeaderboard(context);
  const myEntry = board.find((entry) => entry.playerId === playerId);
  const myAnswer = round?.answers.find((answer) => answer.playerId === playerId);
  const showsQuestion =
    round !== undefined && (phase === "question" || phase === "grading" || phase === "reveal");
  const question = showsQuestion ? questionOf(round.questionId) : undefined;
  const deadline = openDeadline(snapshot);
  const progress = question && round ? answerProgress(context) : null;
  const solution =
    phase === "reveal" && question && round?.correctResponse ? solutionOf(question) : undefined;
  return {
    joinCode: context.joinCode,
    role: viewer.role,
    phase,
    stage: `${phase}:${context.rounds.length}`,
    questionCount: context.questionIds.length,
    questionNumber: round === undefined ? 0 : round.questionIndex + 1,
    players:
      viewer.role === "teacher"
        ? context.players.map((player) => ({
            displayName: player.displayName,
            isYou: false,
            answered:
              phase === "question" &&
              (round?.answers.some((answer) => answer.playerId === player.playerId) ?? false),
          }))
        : [],
    playerCount: context.players.length,
    scoring: { mode: context.scoring ?? "speed", description: describeScoring(context.scoring ?? "speed") },
    you: me
      ? {
          displayName: me.displayName,
          response: showsQuestion && myAnswer ? [...myAnswer.response] : null,
          waitsForNext: phase === "question" && round !== undefined && me.joinedAt > round.openedAt,
          points: myEntry?.points ?? 0,
          correctAnswers: myEntry?.correctAnswers ?? 0,
          rank: myEntry?.rank ?? board.length,
          streak: playerStreak(context.rounds, me.playerId),
          rejoinCode: me.rejoinCode ?? null,
        }
      : null,
    question:
      question && round
        ? {
            id: question.id,
            options: question.options.map((option) => ({ id: option.id, text: option.text })),
            multiSelect: question.multiSelect === true,
            remainingMs: deadline === null ? 0 : Math.max(0, deadline - now),
            timeLimitMs: context.questionTimeLimitMs,
            answeredCount: progress?.answered ?? 0,
            expectedCount: progress?.expected ?? 0,
          }
        : null,
    reveal:
      solution && round
        ? {
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
            yourAnswerCorrect: myAnswer?.correct ?? null,
            yourPoints: myAnswer ? myAnswer.points : null,
          }
        : null,
    leaderboard: phase === "leaderboard" || phase === "finished" ? leaderboardTop(board, playerId) : null,
    hasNextQuestion: viewer.role === "teacher" && context.rounds.length < context.questionIds.length,
  };
}

export const LEADERBOARD_TOP = 10;

export type LeaderboardRow = NonNullable<ClassroomView["leaderboard"]>[number];

/** The first LEADERBOARD_TOP rows, and the viewer's own row after them when it is further down. */
export function leaderboardTop(
  board: ReturnType<typeof getLeaderboard>,
  playerId: string | null,
  size = LEADERBOARD_TOP,
): LeaderboardRow[] {
  const row = (entry: (typeof board)[number]): LeaderboardRow => ({
    rank: entry.rank,
    displayName: entry.displayName,
    points: entry.points,
    correctAnswers: entry.correctAnswers,
    isYou: entry.playerId === playerId,
  });
  const top = board.slice(0, size).map(row);
  const mine = board.findIndex((entry) => entry.playerId === playerId);
  const own = board[mine];
  if (own !== undefined && mine >= size) top.push(row(own));
  return top;
}
