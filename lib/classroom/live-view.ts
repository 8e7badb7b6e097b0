// The browser's side of the push channel: a full view arrives once (on connect, or when a resume is not
// possible), then each event changes only the part of the view it is about. Pure, so the same reducer runs in
// the page and in the tests.
import type { ClassroomView } from "./classroom-view";
import type { LiveEventData, LiveEventType } from "./live-events";

export type LiveMessage =
  | { readonly type: "sync"; readonly data: ClassroomView }
  | {
      [T in LiveEventType]: {
        readonly type: T;
        readonly data: LiveEventData[T] & (T extends "question" ? { readonly id: string } : unknown);
      };
    }[LiveEventType];

export function applyLiveMessage(view: ClassroomView, message: LiveMessage): ClassroomView {
  switch (message.type) {
    case "sync":
      return message.data;
    case "joined":
      return {
        ...view,
        playerCount: message.data.playerCount,
        players:
          view.role === "teacher"
            ? [...view.players, { displayName: message.data.displayName, isYou: false, answered: false }]
            : view.players,
      };
    case "left":
      return {
        ...view,
        playerCount: message.data.playerCount,
        players: view.players.filter((player) => player.displayName !== message.data.displayName),
      };
    case "removed":
      return { ...view, you: null };
    case "question":
      return {
        ...view,
        phase: "question",
        stage: message.data.stage,
        questionNumber: message.data.questionNumber,
        questionCount: message.data.questionCount,
        playerCount: message.data.playerCount,
        question: {
          id: message.data.id,
          options: message.data.options,
          multiSelect: message.data.multiSelect,
          remainingMs: message.data.remainingMs,
          timeLimitMs: message.data.timeLimitMs,
          answeredCount: 0,
          // Everyone in the game when a question opens can answer it.
          expectedCount: message.data.playerCount,
        },
        reveal: null,
        leaderboard: null,
        players: view.players.map((player) => ({ ...player, answered: false })),
        you: view.you ? { ...view.you, response: null, waitsForNext: false } : null,
        hasNextQuestion: view.role === "teacher" && message.data.questionNumber < message.data.questionCount,
      };
    case "answers":
      return view.question
        ? {
            ...view,
            question: {
              ...view.question,
              answeredCount: message.data.answeredCount,
              expectedCount: message.data.expectedCount,
            },
          }
        : view;
    case "reveal":
      return {
        ...view,
        phase: "reveal",
        stage: message.data.stage,
        question: view.question ? { ...view.question, remainingMs: 0 } : null,
        reveal: {
          key: message.data.key,
          distribution: message.data.distribution,
          summary: message.data.summary,
          options: message.data.options,
          rules: message.data.rules,
          yourAnswerCorrect: null,
          yourPoints: null,
        },
      };
    case "result":
      return {
        ...view,
        reveal: view.reveal
          ? {
              ...view.reveal,
              yourAnswerCorrect: message.data.answered ? message.data.correct : null,
              yourPoints: message.data.points,
            }
          : null,
        you: view.you
          ? {
              ...view.you,
              points: message.data.totalPoints,
              rank: message.data.rank,
              streak: message.data.streak,
              correctAnswers: message.data.correctAnswers,
            }
          : null,
      };
    case "leaderboard":
    case "finished":
      return {
        ...view,
        phase: message.type,
        stage: message.data.stage,
        question: null,
        reveal: null,
        leaderboard: withYou(message.data.top, view),
      };
  }
}

/** The shared top rows, with the viewer's own row marked (or added after them, from their own standing). */
function withYou(
  top: LiveEventData["leaderboard"]["top"],
  view: ClassroomView,
): ClassroomView["leaderboard"] {
  const you = view.you;
  if (you === null) return top;
  const rows = top.map((row) => (row.displayName === you.displayName ? { ...row, isYou: true } : row));
  if (!rows.some((row) => row.isYou)) {
    rows.push({
      rank: you.rank,
      displayName: you.displayName,
      points: you.points,
      correctAnswers: you.correctAnswers,
      isYou: true,
    });
  }
  return rows;
}
