// Server side of the live classroom: every request restores the game's snapshot, runs one command through the
// classroom machine (lib/classroom/run-command), and writes it back with the revision check of lib/db/classroom.
// Requests of one game are queued in this process too, so a burst of answers does not spin on retries.
import { randomInt } from "node:crypto";
import { initialTransition } from "xstate";
import { buildClassroomView, type ClassroomView } from "@/lib/classroom/classroom-view";
import { createKeyedQueue, type KeyedQueue } from "@/lib/classroom/keyed-queue";
import { classroomInput, planClassroomGame } from "@/lib/classroom/plan-game";
import {
  questionOf,
  runClassroomCommand,
  type ClassroomCommand,
  type ClassroomIssue,
  type ClassroomSnapshot,
  type CommandResult,
} from "@/lib/classroom/run-command";
import { recordAttempt } from "@/lib/db/attempts";
import { createClassroomGame, updateClassroomGame, type StoredClassroomGame } from "@/lib/db/classroom";
import { db } from "@/lib/db/client";
import { grade } from "@/lib/grading/grade";
import { classroomMachine, type ClassroomRound } from "@/lib/quiz/classroom-machine";
import { createJoinCode } from "@/lib/quiz/join-code";
import { classroomSessionCodec } from "@/lib/quiz/persistence";
import { serverEnv } from "@/app/server-env";
import { sealQuestionId } from "@/app/security/question-token";
import type { ClassroomConfig, ClassroomRequest, ClassroomStep } from "./schema";

export type Failure = { readonly ok: false; readonly status: 400 | 403 | 404 | 409; readonly error: string };
export type Outcome<T> = { readonly ok: true; readonly value: T } | Failure;

const fail = (status: Failure["status"], error: string): Failure => ({ ok: false, status, error });

// One queue per server process; kept on globalThis so that Next's dev reloads do not split it.
const globalForQueue = globalThis as unknown as { reachableClassroomQueue?: KeyedQueue };
const queue: KeyedQueue = (globalForQueue.reachableClassroomQueue ??= createKeyedQueue());

const TEACHER_ACTIONS = new Set<ClassroomStep["action"]>(["open", "close", "leaderboard", "finish"]);
const JOIN_CODE_TRIES = 8;

export async function createGame(
  learnerId: string,
  input: Extract<ClassroomRequest, { action: "create" }>,
  now: Date,
): Promise<Outcome<{ joinCode: string }>> {
  const config: ClassroomConfig = {
    families: input.families,
    difficulty: input.difficulty,
    questionCount: input.questionCount,
    secondsPerQuestion: input.secondsPerQuestion,
    gameSeed: input.gameSeed ?? randomInt(0, 0x100000000),
  };
  const planned = planClassroomGame({ ...config, difficulty: input.difficulty });
  if (!planned.ok)
    return fail(400, planned.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const unitRng = () => randomInt(0, 0x100000000) / 0x100000000;
  for (let attempt = 0; attempt < JOIN_CODE_TRIES; attempt += 1) {
    const joinCode = createJoinCode(unitRng);
    const [snapshot] = initialTransition(
      classroomMachine,
      classroomInput(joinCode, planned.plan, now.getTime()),
    );
    const created = await createClassroomGame(db(), {
      joinCode,
      teacherLearnerId: learnerId,
      persisted: classroomSessionCodec.save(snapshot),
      config,
      now,
    });
    if (created.ok) return { ok: true, value: { joinCode } };
  }
  return fail(409, "joinCode: no free join code was found; try again");
}

function toCommand(step: ClassroomStep, learnerId: string): ClassroomCommand {
  switch (step.action) {
    case "join":
      return { kind: "join", joinCode: step.joinCode, playerId: learnerId, displayName: step.displayName };
    case "answer":
      return { kind: "answer", playerId: learnerId, questionId: step.questionId, optionIds: step.optionIds };
    default:
      return { kind: step.action };
  }
}

function statusOf(issues: readonly ClassroomIssue[]): Failure["status"] {
  const code = issues[0]?.code;
  if (code === "invalid-name" || code === "invalid-answer" || code === "unknown-option") return 400;
  if (code === "wrong-join-code") return 404;
  return 409;
}

type Decision =
  | { readonly kind: "refused"; readonly failure: Failure }
  | { readonly kind: "ran"; readonly result: CommandResult };

function decide(game: StoredClassroomGame, learnerId: string, command: ClassroomCommand | "view", now: Date) {
  const restored = classroomSessionCodec.restore(game.snapshot);
  const refuse = (failure: Failure) => ({ write: null, result: { kind: "refused", failure } as Decision });
  if (!restored.ok)
    return refuse(
      fail(
        409,
        `joinCode: this game cannot be read by this version of Reachable (${restored.issues[0]?.message ?? ""})`,
      ),
    );
  const isTeacher = game.teacherLearnerId === learnerId;
  const isPlayer = restored.snapshot.context.players.some((player) => player.playerId === learnerId);
  if (command === "view" && !isTeacher && !isPlayer)
    return refuse(fail(403, "joinCode: join this game first (/classroom/join)"));
  if (command !== "view" && command.kind === "join" && isTeacher) {
    return refuse(
      fail(409, "joinCode: you are the teacher of this game; players join from their own browser"),
    );
  }
  const cap = serverEnv().REACHABLE_CLASSROOM_MAX_PLAYERS;
  if (
    command !== "view" &&
    command.kind === "join" &&
    !isPlayer &&
    restored.snapshot.context.players.length >= cap
  ) {
    return refuse(fail(409, `joinCode: this game is full (${cap} players)`));
  }
  if (command !== "view" && TEACHER_ACTIONS.has(command.kind as ClassroomStep["action"]) && !isTeacher) {
    return refuse(fail(403, "action: only the teacher who created this game can run it"));
  }
  const result = runClassroomCommand(
    restored.snapshot,
    command === "view" ? { kind: "tick" } : command,
    now.getTime(),
  );
  const write = result.changed
    ? {
        persisted: classroomSessionCodec.save(result.snapshot),
        status: result.snapshot.status === "done" ? ("finished" as const) : ("active" as const),
        now,
      }
    : null;
  return { write, result: { kind: "ran", result } as Decision };
}

/** Each graded answer becomes an attempt of its player (context classroom:<code>), like any other answer. */
async function recordRound(joinCode: string, round: ClassroomRound): Promise<void> {
  const question = questionOf(round.questionId);
  for (const answer of round.answers) {
    await recordAttempt(db(), answer.playerId, {
      questionId: question.id,
      family: question.family,
      seed: question.seed,
      difficulty: question.difficulty,
      response: answer.response,
      correct: answer.correct === true,
      score: grade(question, answer.response).score,
      durationMs: Math.max(0, answer.answeredAt - round.openedAt),
      context: `classroom:${joinCode}`,
      startedAt: new Date(round.openedAt),
      answeredAt: new Date(answer.answeredAt),
    });
  }
}

async function run(
  learnerId: string,
  joinCode: string,
  command: ClassroomCommand | "view",
  now: Date,
): Promise<Outcome<ClassroomView>> {
  return queue(joinCode, async () => {
    const updated = await updateClassroomGame(db(), joinCode, (game) =>
      decide(game, learnerId, command, now),
    );
    if (!updated.ok) {
      const message = updated.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
      return fail(message.includes("no game") ? 404 : 409, message);
    }
    const decision = updated.result;
    if (decision.kind === "refused") return decision.failure;
    const { result } = decision;
    if (updated.written && result.graded !== null) await recordRound(joinCode, result.graded);
    if (!result.ok)
      return fail(
        statusOf(result.issues),
        result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "),
      );
    return { ok: true, value: viewOf(updated.game, result.snapshot, learnerId, now) };
  });
}

function viewOf(
  game: StoredClassroomGame,
  snapshot: ClassroomSnapshot,
  learnerId: string,
  now: Date,
): ClassroomView {
  const viewer =
    game.teacherLearnerId === learnerId
      ? ({ role: "teacher" } as const)
      : ({ role: "player", playerId: learnerId } as const);
  return buildClassroomView(snapshot, viewer, now.getTime());
}

/** One step of a game (join, answer or a teacher's step); replies with the caller's fresh view. */
export function stepGame(learnerId: string, step: ClassroomStep, now: Date): Promise<Outcome<ClassroomView>> {
  return run(learnerId, step.joinCode, toCommand(step, learnerId), now);
}

/** The caller's view of a game; a question whose time is up is closed and graded on the way. */
export function viewGame(learnerId: string, joinCode: string, now: Date): Promise<Outcome<ClassroomView>> {
  return run(learnerId, joinCode, "view", now);
}

/**
 * The view as it may reach this learner's browser: the question id sealed for this game and this learner
 * (app/security/question-token.ts), so it does not reveal family.seed.difficulty.
 */
export function viewForBrowser(view: ClassroomView, learnerId: string): ClassroomView {
  if (view.question === null) return view;
  const scope = { kind: "classroom", joinCode: view.joinCode, learnerId } as const;
  return { ...view, question: { ...view.question, id: sealQuestionId(view.question.id, scope) } };
}
