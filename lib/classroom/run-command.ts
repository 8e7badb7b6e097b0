// One request of a live game, applied to the stored snapshot: join, answer, or a teacher's step. Grading is the
// server's: closing a question grades every answer with grade() and hands the machine the key in the same step,
// so a reveal never waits on a second request. The time limit is held here too: an answer after
// openedAt + limit finds the question already closed (at its deadline) and is refused as late.
import type { SnapshotFrom } from "xstate";
import { grade } from "../grading/grade";
import { applyEvent, type QuizIssue } from "../quiz/apply-event";
import {
  classroomMachine,
  currentRound,
  type ClassroomEvent,
  type ClassroomRound,
} from "../quiz/classroom-machine";
import type { RefusalCode } from "../quiz/refusal";
import { questionFromId } from "../scenario/generate";
import type { Question } from "../scenario/question";

export type ClassroomSnapshot = SnapshotFrom<typeof classroomMachine>;

export type ClassroomCommand =
  | {
      readonly kind: "join";
      readonly joinCode: string;
      readonly playerId: string;
      readonly displayName: string;
      readonly rejoinCode?: string;
    }
  | { readonly kind: "rejoin"; readonly rejoinCode: string; readonly deviceId: string }
  | { readonly kind: "remove"; readonly playerId: string }
  | {
      readonly kind: "answer";
      readonly playerId: string;
      readonly questionId: string;
      readonly optionIds: readonly string[];
    }
  | { readonly kind: "open" }
  | { readonly kind: "close" }
  | { readonly kind: "leaderboard" }
  | { readonly kind: "finish" }
  /** Nothing but the clock: closes a question whose time is up (every poll sends it). */
  | { readonly kind: "tick" };

export type ClassroomIssue = {
  readonly path: string;
  readonly code: RefusalCode | "unknown-option";
  readonly message: string;
};

export type CommandResult = {
  readonly ok: boolean;
  readonly snapshot: ClassroomSnapshot;
  readonly issues: readonly ClassroomIssue[];
  /** False when the snapshot is the one given (nothing to save). */
  readonly changed: boolean;
  /** The round this command graded, if any, so the caller can log each answer as an attempt. */
  readonly graded: ClassroomRound | null;
};

/** The request field each refusal is about, so a 4xx names what to fix. */
const FIELD_OF: Record<RefusalCode, string> = {
  "wrong-join-code": "joinCode",
  "invalid-name": "displayName",
  "duplicate-name": "displayName",
  "duplicate-player": "joinCode",
  "unknown-player": "joinCode",
  "not-current-question": "questionId",
  "already-answered": "questionId",
  "question-closed": "questionId",
  "invalid-answer": "optionIds",
  "out-of-range": "action",
  "question-already-played": "action",
  "no-players": "action",
  "not-accepted-now": "action",
  "session-finished": "joinCode",
  "invalid-settings": "action",
  "seed-repeated": "action",
  "question-repeated": "action",
  "not-in-session": "action",
  "past-deadline": "questionId",
  "before-deadline": "action",
  "invalid-grade": "action",
};

function toIssues(issues: readonly QuizIssue[]): ClassroomIssue[] {
  return issues.map((issue) => ({ path: FIELD_OF[issue.code], code: issue.code, message: issue.message }));
}

// Every poll of every player needs the open question, and some families take milliseconds to generate; a
// question is a pure function of its id, so a small memo is safe (bounded: oldest entry out first).
const MEMO_SIZE = 256;
const memo = new Map<string, Question>();

export function questionOf(questionId: string): Question {
  const cached = memo.get(questionId);
  if (cached !== undefined) return cached;
  const generated = questionFromId(questionId);
  if (!generated.ok) throw new Error(`classroom: question ${questionId} no longer generates`);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(questionId, generated.question);
  return generated.question;
}

/** The instant after which answers to the open question are late; null when no question is open. */
export function openDeadline(snapshot: ClassroomSnapshot): number | null {
  const round = currentRound(snapshot.context);
  if (!snapshot.matches("questionOpen") || round === undefined) return null;
  return round.openedAt + snapshot.context.questionTimeLimitMs;
}

/** Closes the open question at `closedAt` and grades it; the grade event is always consistent by construction. */
function closeAndGrade(
  snapshot: ClassroomSnapshot,
  closedAt: number,
): { snapshot: ClassroomSnapshot; issues: ClassroomIssue[] } {
  const closed = applyEvent(classroomMachine, snapshot, { type: "question.close", now: closedAt });
  if (!closed.ok) return { snapshot: closed.snapshot, issues: toIssues(closed.issues) };
  const round = currentRound(closed.snapshot.context);
  if (round === undefined) throw new Error("classroom: a closed question without a round");
  const question = questionOf(round.questionId);
  const correctPlayerIds = round.answers
    .filter((answer) => grade(question, answer.response).correct)
    .map((answer) => answer.playerId);
  const graded = applyEvent(classroomMachine, closed.snapshot, {
    type: "question.graded",
    questionId: round.questionId,
    correctResponse: question.answer,
    correctPlayerIds,
    now: closedAt,
  });
  // The grade is built from the round itself, so a refusal here is a bug, not a request to answer with a 4xx.
  if (!graded.ok) throw new Error(`classroom: own grade refused: ${graded.issues[0]?.message ?? ""}`);
  return { snapshot: graded.snapshot, issues: [] };
}

function answerIssues(question: Question, optionIds: readonly string[]): ClassroomIssue[] {
  const unknown = optionIds.filter((id) => !question.options.some((option) => option.id === id));
  if (unknown.length > 0) {
    return [
      {
        path: "optionIds",
        code: "unknown-option",
        message: `${unknown.map((id) => `"${id}"`).join(", ")} is not an option of this question`,
      },
    ];
  }
  if (question.multiSelect !== true && optionIds.length > 1) {
    return [{ path: "optionIds", code: "invalid-answer", message: "this question takes exactly one option" }];
  }
  if (new Set(optionIds).size !== optionIds.length)
    return [{ path: "optionIds", code: "invalid-answer", message: "each option once" }];
  return [];
}

function teacherEvent(
  command: ClassroomCommand,
  snapshot: ClassroomSnapshot,
  now: number,
): ClassroomEvent | null {
  switch (command.kind) {
    case "open":
      // Teacher-paced, in order: the next question is the first one not played yet.
      return { type: "question.open", index: snapshot.context.rounds.length, now };
    case "leaderboard":
      return { type: "leaderboard.show", now };
    case "finish":
      return { type: "game.finish", now };
    case "remove":
      return { type: "player.remove", playerId: command.playerId, now };
    default:
      return null;
  }
}

/** Applies one command at `now`. Expiry comes first, whatever the command, so the clock is never skipped. */
export function runClassroomCommand(
  snapshot: ClassroomSnapshot,
  command: ClassroomCommand,
  now: number,
): CommandResult {
  let current = snapshot;
  let graded: ClassroomRound | null = null;
  const deadline = openDeadline(current);
  if (deadline !== null && now > deadline && snapshot.status === "active") {
    current = closeAndGrade(current, deadline).snapshot;
    graded = currentRound(current.context) ?? null;
  }
  const done = (issues: readonly ClassroomIssue[], next: ClassroomSnapshot = current): CommandResult => ({
    ok: issues.length === 0,
    snapshot: next,
    issues,
    changed: next !== snapshot,
    graded,
  });
  if (command.kind === "tick") return done([]);
  if (command.kind === "close") {
    if (graded !== null) return done([]); // time ran out first: the question is closed and graded already
    const closed = closeAndGrade(current, now);
    if (closed.issues.length === 0) graded = currentRound(closed.snapshot.context) ?? null;
    return done(closed.issues, closed.snapshot);
  }
  if (command.kind === "answer") {
    const round = currentRound(current.context);
    if (current.matches("questionOpen") && round?.questionId === command.questionId) {
      const issues = answerIssues(questionOf(command.questionId), command.optionIds);
      if (issues.length > 0) return done(issues);
    }
    const event: ClassroomEvent = {
      type: "answer.submit",
      playerId: command.playerId,
      questionId: command.questionId,
      response: command.optionIds,
      now,
    };
    const applied = applyEvent(classroomMachine, current, event);
    return done(applied.ok ? [] : toIssues(applied.issues), applied.snapshot);
  }
  const event: ClassroomEvent | null =
    command.kind === "join"
      ? {
          type: "player.join",
          joinCode: command.joinCode,
          playerId: command.playerId,
          displayName: command.displayName,
          ...(command.rejoinCode === undefined ? {} : { rejoinCode: command.rejoinCode }),
          now,
        }
      : command.kind === "rejoin"
        ? { type: "player.rejoin", rejoinCode: command.rejoinCode, deviceId: command.deviceId, now }
        : teacherEvent(command, current, now);
  if (event === null) throw new Error(`classroom: no event for command ${command.kind}`);
  const applied = applyEvent(classroomMachine, current, event);
  // A join refused for the game's state (already started, over) is about the code the player typed.
  const issues = applied.ok
    ? []
    : toIssues(applied.issues).map((issue) =>
        (command.kind === "join" || command.kind === "rejoin") && issue.path === "action"
          ? { ...issue, path: "joinCode" }
          : issue,
      );
  return done(issues, applied.snapshot);
}
