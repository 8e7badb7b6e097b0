// Server side of the live classroom. Each running game lives in this process's memory (restored once from its
// row), and every request of a game becomes a command in that game's queue. Commands that arrive together are
// applied one after another to the in-memory snapshot and written in ONE write (group commit); only after that
// write does any of them get its reply, so an acknowledged answer is on disk. What changed is then published to
// the event hub (lib/classroom/event-hub), which pushes it to the players' Server-Sent Events connections.
//
// Several app servers may run one game (README, "Past one machine"). A batch of answers is its own insert that
// leaves the game row's revision alone, so answers taken by different servers never invalidate each other; it
// is stored only while this server's copy is current (the revision check of appendClassroomAnswers). Writes of
// the whole game (joins, the teacher's steps, the close) keep the revision check, and the close folds in every
// stored answer under the row's lock. After each commit the announcer (lib/classroom/announcer) tells the other
// servers, which catch up from the database and push what changed to their own streams. If this server's copy
// was behind, it catches up the same way and runs the batch again.
import { randomInt, randomUUID } from "node:crypto";
import { initialTransition } from "xstate";
import type { ClassroomChange, ClassroomNotice } from "@/lib/classroom/announcer";
import { buildClassroomView, type ClassroomView } from "@/lib/classroom/classroom-view";
import {
  createEventHub,
  type EventDraft,
  type EventHub,
  type HubEvent,
  type HubViewer,
} from "@/lib/classroom/event-hub";
import { foldStoredAnswers } from "@/lib/classroom/fold-answers";
import { buildGameReport, type GameReport } from "@/lib/classroom/game-report";
import { coalesceCounts, liveEvents } from "@/lib/classroom/live-events";
import { classroomInput, planClassroomGame } from "@/lib/classroom/plan-game";
import { pinnedSettings, planPinnedGame, withoutConcepts } from "@/lib/classroom/plan-pinned";
import {
  openDeadline,
  questionOf,
  runClassroomCommand,
  type ClassroomCommand,
  type ClassroomIssue,
  type ClassroomSnapshot,
  type CommandResult,
} from "@/lib/classroom/run-command";
import { recordAttempts } from "@/lib/db/attempts";
import {
  appendClassroomAnswers,
  createClassroomGame,
  findClassroomGame,
  listClassroomAnswers,
  saveClassroomGame,
  saveClassroomGameFolding,
  type ClassroomGameWrite,
  type StoredClassroomAnswer,
} from "@/lib/db/classroom";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { findClassroomOwner, recordClassroomOwner } from "@/lib/db/classroom-owners";
import { grade } from "@/lib/grading/grade";
import { everyoneAnswered } from "@/lib/quiz/classroom-board";
import {
  classroomMachine,
  currentRound,
  playerOfDevice,
  type ClassroomRound,
} from "@/lib/quiz/classroom-machine";
import { createJoinCode, displayNameKey, JOIN_CODE_ALPHABET } from "@/lib/quiz/join-code";
import { classroomSessionCodec } from "@/lib/quiz/persistence";
import { recordedDuration } from "@/lib/quiz/recorded-duration";
import type { Question } from "@/lib/scenario/question";
import { serverNow } from "@/app/clock";
import { serverEnv } from "@/app/server-env";
import { sealQuestionId } from "@/app/security/question-token";
import { errorDetail, logLine } from "@/app/http/server-log";
import { classroomAnnouncer } from "./classroom-announcer";
import type { ClassroomConfig, ClassroomRequest, ClassroomStep } from "./schema";

/**
 * Who is asking. `deviceId` is the browser (derived from its cookie token without a database read, as the fast lane
 * derives it); `learnerId` is the learner the request acts for (an account's learner when signed in, else the
 * same as the device). A game is run by the browser that created it and owned by that learner.
 */
export type Identity = { readonly deviceId: string; readonly learnerId: string };

/** The fast lane knows only the browser: for an anonymous browser that is its learner too. */
export const deviceOnly = (deviceId: string): Identity => ({ deviceId, learnerId: deviceId });

export type Failure = { readonly ok: false; readonly status: 400 | 403 | 404 | 409; readonly error: string };
export type Outcome<T> = { readonly ok: true; readonly value: T } | Failure;

const fail = (status: Failure["status"], error: string): Failure => ({ ok: false, status, error });

/** A command as a request gives it: the teacher removes a player by the name on the screen. */
type GameCommand = ClassroomCommand | { readonly kind: "remove-named"; readonly displayName: string };

type Pending = {
  readonly who: Identity;
  readonly command: GameCommand | "view";
  readonly now: Date;
  readonly resolve: (outcome: Outcome<CommandResult>) => void;
  readonly reject: (error: unknown) => void;
};

type LiveGame = {
  readonly joinCode: string;
  /** The browser that created the game and runs it. */
  readonly teacherLearnerId: string;
  /** The learner (account) that owns it: it may run the game's pages and read its report from any device. */
  readonly ownerLearnerId: string | null;
  revision: number;
  snapshot: ClassroomSnapshot;
  pending: Pending[];
  flushing: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  /** Another server changed the game: catch up from the database before the next batch. */
  behind: ClassroomChange | null;
  /** When this server last read the other servers' answers (performance.now()), to space those reads out. */
  answersReadAt: number;
  /** A read of other servers' answers put off until ANSWERS_READ_EVERY_MS has passed. */
  catchUpTimer: ReturnType<typeof setTimeout> | null;
};

type LiveState = {
  readonly games: Map<string, LiveGame>;
  readonly loading: Map<string, Promise<Outcome<LiveGame>>>;
  readonly hub: EventHub;
  /** This server's name in its notices, so that it skips its own. */
  readonly server: string;
  /** Whether this server listens to the others' notices yet (it starts with its first game). */
  listening: boolean;
  /** Games being read when a notice about them came: the read may predate the change, so read them again. */
  readonly noticedWhileLoading: Set<string>;
};

// One set per server process; kept on globalThis so that Next's dev reloads do not split it.
const globalForLive = globalThis as unknown as { reachableClassroomLive?: LiveState };
const live: LiveState = (globalForLive.reachableClassroomLive ??= {
  games: new Map(),
  loading: new Map(),
  hub: createEventHub({ epoch: randomUUID().slice(0, 8) }),
  server: randomUUID(),
  listening: false,
  noticedWhileLoading: new Set(),
});

/** How often one batch may find this server's copy behind, catch up and run again before it is refused. */
const COMMIT_TRIES = 6;
/**
 * Other servers' answers are read at most this often while this server is busy with batches of its own: they
 * only move the "n of m answered" count and "everyone has answered" (the close folds them in anyway), and each read is the
 * open question's rows, up to one per player.
 */
const ANSWERS_READ_EVERY_MS = 100;

const TEACHER_ACTIONS = new Set<GameCommand["kind"]>([
  "open",
  "close",
  "leaderboard",
  "finish",
  "remove",
  "remove-named",
]);
const JOIN_CODE_TRIES = 8;
const REJOIN_CODE_LENGTH = 8;
/** A finished game stays in memory this long for late page loads, then is read from its row again if asked. */
const FINISHED_GAME_TTL_MS = 10 * 60_000;

export async function createGame(
  who: Identity,
  input: Extract<ClassroomRequest, { action: "create" }>,
  now: Date,
): Promise<Outcome<{ joinCode: string }>> {
  const drawn: ClassroomConfig = {
    families: input.families,
    difficulty: input.difficulty,
    questionCount: input.questionCount,
    secondsPerQuestion: input.secondsPerQuestion,
    gameSeed: input.gameSeed ?? randomInt(0, 0x100000000),
    ...(input.concepts !== undefined && input.concepts.length > 0 ? { concepts: input.concepts } : {}),
    scoring: input.scoring ?? "speed",
  };
  const planned =
    input.pinned === undefined
      ? planClassroomGame({ ...drawn, difficulty: input.difficulty })
      : planPinnedGame(input.pinned, input.secondsPerQuestion);
  if (!planned.ok)
    return fail(400, planned.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
  const config: ClassroomConfig =
    input.pinned === undefined
      ? drawn
      : { ...withoutConcepts(drawn), ...pinnedSettings(planned.plan.questionIds), pinned: true };
  const unitRng = () => randomInt(0, 0x100000000) / 0x100000000;
  for (let attempt = 0; attempt < JOIN_CODE_TRIES; attempt += 1) {
    const joinCode = createJoinCode(unitRng);
    const [snapshot] = initialTransition(classroomMachine, {
      ...classroomInput(joinCode, planned.plan, now.getTime()),
      scoring: input.scoring ?? "speed",
    });
    const created = await createClassroomGame(db(), {
      joinCode,
      teacherLearnerId: who.deviceId,
      persisted: classroomSessionCodec.save(snapshot),
      config,
      now,
    });
    if (created.ok) {
      await recordClassroomOwner(db(), joinCode, who.learnerId, now);
      return { ok: true, value: { joinCode } };
    }
  }
  return fail(409, "joinCode: no free join code was found; try again");
}

function newRejoinCode(): string {
  let code = "";
  for (let i = 0; i < REJOIN_CODE_LENGTH; i += 1)
    code += JOIN_CODE_ALPHABET.charAt(randomInt(0, JOIN_CODE_ALPHABET.length));
  return code;
}

function toCommand(step: ClassroomStep, who: Identity): GameCommand {
  switch (step.action) {
    case "join":
      return {
        kind: "join",
        joinCode: step.joinCode,
        // The learner, so the player's answers become that learner's attempts (the row exists).
        playerId: who.learnerId,
        displayName: step.displayName,
        rejoinCode: newRejoinCode(),
      };
    case "rejoin":
      return { kind: "rejoin", rejoinCode: step.rejoinCode.trim().toUpperCase(), deviceId: who.deviceId };
    case "answer":
      return {
        kind: "answer",
        playerId: who.learnerId,
        questionId: step.questionId,
        optionIds: step.optionIds,
      };
    case "remove":
      return { kind: "remove-named", displayName: step.displayName };
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

function describe(issues: readonly ClassroomIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
}

async function loadGame(joinCode: string): Promise<Outcome<LiveGame>> {
  const [row, ownerLearnerId] = await Promise.all([
    findClassroomGame(db(), joinCode),
    findClassroomOwner(db(), joinCode),
  ]);
  if (row === null) return fail(404, `joinCode: no game has the join code ${joinCode}`);
  const restored = classroomSessionCodec.restore(row.snapshot);
  if (!restored.ok)
    return fail(
      409,
      `joinCode: this game cannot be read by this version of Reachable (${restored.issues[0]?.message ?? ""})`,
    );
  // Answers to the open question are rows of their own (from this server or another): fold them in.
  let snapshot = restored.snapshot;
  const round = currentRound(snapshot.context);
  if (snapshot.matches("questionOpen") && round !== undefined)
    snapshot = foldStoredAnswers(snapshot, await listClassroomAnswers(db(), joinCode, round.questionIndex));
  return {
    ok: true,
    value: {
      joinCode,
      teacherLearnerId: row.teacherLearnerId,
      ownerLearnerId,
      revision: row.revision,
      snapshot,
      pending: [],
      flushing: false,
      timer: null,
      behind: null,
      answersReadAt: 0,
      catchUpTimer: null,
    },
  };
}

/** The game in memory, read from its row the first time (concurrent first requests share one read). */
async function liveGame(joinCode: string): Promise<Outcome<LiveGame>> {
  if (!live.listening) listen();
  const cached = live.games.get(joinCode);
  if (cached !== undefined) return { ok: true, value: cached };
  let loading = live.loading.get(joinCode);
  if (loading === undefined) {
    loading = loadGame(joinCode).then((loaded) => {
      live.loading.delete(joinCode);
      if (loaded.ok) {
        live.games.set(joinCode, loaded.value);
        armTimer(loaded.value);
        if (live.noticedWhileLoading.delete(joinCode)) {
          loaded.value.behind = "state";
          void flush(loaded.value);
        }
      }
      return loaded;
    });
    live.loading.set(joinCode, loading);
  }
  return loading;
}

/** Closes the open question at its deadline even when nobody sends a request then (players only listen). */
function armTimer(game: LiveGame): void {
  if (game.timer !== null) clearTimeout(game.timer);
  game.timer = null;
  const deadline = openDeadline(game.snapshot);
  if (deadline !== null) {
    const wait = Math.max(0, deadline - serverNow().getTime()) + 5;
    game.timer = setTimeout(() => {
      game.timer = null;
      void submit(game, deviceOnly(game.teacherLearnerId), "view", serverNow()).catch(() => undefined);
    }, wait);
    game.timer.unref();
  }
  if (game.snapshot.status === "done") {
    const forget = setTimeout(() => {
      if (live.games.get(game.joinCode) === game && game.pending.length === 0)
        live.games.delete(game.joinCode);
    }, FINISHED_GAME_TTL_MS);
    forget.unref();
  }
}

/** Whether this request may run the game: its browser, or the learner that owns it. */
function isTeacherOf(game: LiveGame, who: Identity): boolean {
  return (
    game.teacherLearnerId === who.deviceId ||
    game.teacherLearnerId === who.learnerId ||
    (game.ownerLearnerId !== null && game.ownerLearnerId === who.learnerId)
  );
}

/** Who is asking, in the game's terms: the teacher, the player this browser plays as, or nobody yet. */
function viewerOf(game: LiveGame, snapshot: ClassroomSnapshot, who: Identity): HubViewer | null {
  if (isTeacherOf(game, who)) return { role: "teacher" };
  const player =
    playerOfDevice(snapshot.context, who.deviceId) ?? playerOfDevice(snapshot.context, who.learnerId);
  return player === undefined ? null : { role: "player", playerId: player.playerId };
}

/** Checks who may do what, then runs the command on `snapshot`. Pure in the snapshot it is given. */
function decide(
  game: LiveGame,
  snapshot: ClassroomSnapshot,
  who: Identity,
  command: GameCommand | "view",
  now: Date,
): Outcome<CommandResult> {
  const viewer = viewerOf(game, snapshot, who);
  const isTeacher = viewer?.role === "teacher";
  if (command === "view") {
    if (viewer === null) return fail(403, "joinCode: join this game first (/classroom/join)");
    return { ok: true, value: runClassroomCommand(snapshot, { kind: "tick" }, now.getTime()) };
  }
  if ((command.kind === "join" || command.kind === "rejoin") && isTeacher) {
    return fail(409, "joinCode: you are the teacher of this game; players join from their own browser");
  }
  if (command.kind === "join" && viewer !== null)
    return fail(409, "joinCode: you have already joined this game from this browser");
  const cap = serverEnv().REACHABLE_CLASSROOM_MAX_PLAYERS;
  if (command.kind === "join" && snapshot.context.players.length >= cap) {
    return fail(409, `joinCode: this game is full (${cap} players)`);
  }
  if (TEACHER_ACTIONS.has(command.kind) && !isTeacher) {
    return fail(403, "action: only the teacher who created this game can run it");
  }
  let resolved: ClassroomCommand;
  if (command.kind === "answer") {
    if (viewer === null || viewer.role !== "player")
      return fail(409, "joinCode: this player has not joined the game");
    resolved = { ...command, playerId: viewer.playerId };
  } else if (command.kind === "remove-named") {
    const name = displayNameKey(command.displayName);
    const player = snapshot.context.players.find((entry) => displayNameKey(entry.displayName) === name);
    if (player === undefined) return fail(404, "displayName: no player of this game has this name");
    resolved = { kind: "remove", playerId: player.playerId };
  } else resolved = command;
  const result = runClassroomCommand(snapshot, resolved, now.getTime());
  if (!result.ok) return { ok: false, status: statusOf(result.issues), error: describe(result.issues) };
  if (resolved.kind === "join" && resolved.playerId !== who.deviceId && resolved.rejoinCode !== undefined) {
    // A signed-in player joins as their account's learner; the browser is added as one of that player's devices
    // (as a rejoin would), so the fast lane, which knows only the browser, finds the player.
    const linked = runClassroomCommand(
      result.snapshot,
      { kind: "rejoin", rejoinCode: resolved.rejoinCode, deviceId: who.deviceId },
      now.getTime(),
    );
    if (linked.ok) return { ok: true, value: { ...linked, graded: result.graded ?? linked.graded } };
  }
  return { ok: true, value: result };
}

/** Each graded answer becomes an attempt of its player (context classroom:<code>), like any other answer. */
async function recordRounds(joinCode: string, rounds: readonly ClassroomRound[]): Promise<void> {
  const attempts = rounds.flatMap((round) => {
    const question = questionOf(round.questionId);
    return round.answers.map((answer) => ({
      learnerId: answer.playerId,
      attempt: {
        questionId: question.id,
        family: question.family,
        seed: question.seed,
        difficulty: question.difficulty,
        response: answer.response,
        correct: answer.correct === true,
        score: grade(question, answer.response).score,
        durationMs: recordedDuration(answer.answeredAt - round.openedAt),
        context: `classroom:${joinCode}`,
        startedAt: new Date(round.openedAt),
        answeredAt: new Date(answer.answeredAt),
      },
    }));
  });
  await recordAttempts(db(), attempts);
}

/**
 * Kahoot's rule: once everyone the open question waits for has answered there is nothing left to wait for. An
 * answer can make that true, and so can removing the last player who had not answered yet (there is no other
 * way to leave a game). O(1): the round keeps its counts (answerProgress).
 */
function closesEarly(command: GameCommand | "view", snapshot: ClassroomSnapshot): boolean {
  if (command === "view") return false;
  const kind = command.kind;
  const mayComplete = kind === "answer" || kind === "remove" || kind === "remove-named";
  return mayComplete && snapshot.matches("questionOpen") && everyoneAnswered(snapshot.context);
}

type Applied = {
  outcomes: Outcome<CommandResult>[];
  snapshot: ClassroomSnapshot;
  drafts: EventDraft[];
  graded: ClassroomRound[];
  /** The batch only added answers to the open question: these rows are all there is to write. */
  answersOnly: StoredClassroomAnswer[] | null;
};

/** Runs a batch on `base` (this server's copy, or that copy with other servers' answers folded in). Pure. */
function applyBatch(game: LiveGame, base: ClassroomSnapshot, batch: readonly Pending[]): Applied {
  let current = base;
  const drafts: EventDraft[] = [];
  const graded: ClassroomRound[] = [];
  let answersOnly: StoredClassroomAnswer[] | null = [];
  const outcomes = batch.map((pending) => {
    const outcome = decide(game, current, pending.who, pending.command, pending.now);
    // A refused command can still move the clock (a late answer closes the question at its deadline).
    const result = outcome.ok
      ? outcome.value
      : runClassroomCommand(current, { kind: "tick" }, pending.now.getTime());
    drafts.push(...liveEvents(current, result.snapshot, pending.now.getTime()));
    if (result.graded !== null) graded.push(result.graded);
    if (result.snapshot !== current) {
      const round = currentRound(result.snapshot.context);
      const answer = round?.answers[round.answers.length - 1];
      const isAnswer = pending.command !== "view" && pending.command.kind === "answer" && outcome.ok;
      if (
        isAnswer &&
        result.graded === null &&
        round !== undefined &&
        answer !== undefined &&
        answersOnly !== null
      ) {
        answersOnly.push({
          questionIndex: round.questionIndex,
          playerId: answer.playerId,
          response: answer.response,
          answeredAt: new Date(answer.answeredAt),
        });
      } else answersOnly = null;
    }
    current = result.snapshot;
    if (outcome.ok && closesEarly(pending.command, current)) {
      const closed = runClassroomCommand(current, { kind: "close" }, pending.now.getTime());
      drafts.push(...liveEvents(current, closed.snapshot, pending.now.getTime()));
      if (closed.graded !== null) graded.push(closed.graded);
      current = closed.snapshot;
      answersOnly = null;
      // The step's reply shows what it led to: the teacher who removed the last player waiting sees the reveal.
      return { ok: true, value: { ...outcome.value, snapshot: current } } as const;
    }
    return outcome;
  });
  return { outcomes, snapshot: current, drafts, graded, answersOnly };
}

/** The open question of `base` if the step to `after` closes it (it is then graded: fold the stored answers). */
function closedRound(base: ClassroomSnapshot, after: ClassroomSnapshot): number | null {
  const round = currentRound(base.context);
  if (!base.matches("questionOpen") || round === undefined) return null;
  const next = currentRound(after.context);
  const stillOpen = after.matches("questionOpen") && next?.questionIndex === round.questionIndex;
  return stillOpen ? null : round.questionIndex;
}

function writeOf(snapshot: ClassroomSnapshot, now: Date): ClassroomGameWrite {
  return {
    persisted: classroomSessionCodec.save(snapshot),
    status: snapshot.status === "done" ? "finished" : "active",
    now,
  };
}

function announce(game: LiveGame, change: ClassroomChange): void {
  try {
    classroomAnnouncer().announce({
      server: live.server,
      joinCode: game.joinCode,
      change,
      revision: game.revision,
    });
  } catch (error) {
    logLine("classroom.notify.error", { detail: errorDetail(error) });
  }
}

/**
 * Writes a batch: answers alone as rows (if this copy is current), anything else as the whole game with the
 * revision check, folding in the stored answers when the batch closes the question. When this copy turns out to
 * be behind, it catches up from the database and runs the batch again on the fresh copy. Null when it stayed
 * behind COMMIT_TRIES times (the game is changing faster than this server can follow).
 */
async function commit(game: LiveGame, batch: readonly Pending[]): Promise<Applied | null> {
  for (let attempt = 0; attempt < COMMIT_TRIES; attempt += 1) {
    if (attempt > 0 || game.behind === "state" || mayBeStale(game, batch)) await catchUp(game, "state");
    else if (game.behind === "answers" && performance.now() - game.answersReadAt >= ANSWERS_READ_EVERY_MS)
      await catchUp(game, "answers");
    let applied = applyBatch(game, game.snapshot, batch);
    if (applied.snapshot === game.snapshot) return applied;
    if (applied.answersOnly !== null) {
      // The hot path: a few rows appended, no snapshot serialized and the revision left alone; the snapshot is
      // written at the next change of state and the close folds these rows in.
      if (await appendAnswers(game, applied.answersOnly)) {
        game.snapshot = applied.snapshot;
        live.hub.publish(game.joinCode, coalesceCounts(applied.drafts));
        announce(game, "answers");
        return applied;
      }
      continue;
    }
    const base = game.snapshot;
    const last = batch[batch.length - 1]?.now ?? serverNow();
    const closing = closedRound(base, applied.snapshot);
    const saved =
      closing === null
        ? await saveClassroomGame(db(), game.joinCode, game.revision, writeOf(applied.snapshot, last))
        : await saveClassroomGameFolding(db(), game.joinCode, game.revision, closing, (stored) => {
            // Answers another server acknowledged are graded with the rest: run the batch again with them in.
            const folded = foldStoredAnswers(base, stored);
            if (folded !== base) applied = applyBatch(game, folded, batch);
            return writeOf(applied.snapshot, last);
          });
    if (!saved) continue;
    game.revision += 1;
    game.snapshot = applied.snapshot;
    live.hub.publish(game.joinCode, coalesceCounts(applied.drafts));
    armTimer(game);
    announce(game, "state");
    await recordRounds(game.joinCode, applied.graded);
    return applied;
  }
  return null;
}

/** Appends a batch's answers while this copy is current; false when it is behind (or a row was already there). */
async function appendAnswers(game: LiveGame, answers: readonly StoredClassroomAnswer[]): Promise<boolean> {
  try {
    return await appendClassroomAnswers(db(), game.joinCode, answers, { ifRevision: game.revision });
  } catch (error) {
    // A player's answer stored by another server (a retry that went elsewhere): catch up, it is refused then.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Whether a request may be from a player this copy does not know yet because they joined on another server a
 * moment ago. Only asked when other servers share the game; then the copy catches up before deciding.
 */
function mayBeStale(game: LiveGame, batch: readonly Pending[]): boolean {
  if (!classroomAnnouncer().shared) return false;
  return batch.some(
    (pending) =>
      pending.command !== "view" &&
      pending.command.kind === "answer" &&
      viewerOf(game, game.snapshot, pending.who) === null,
  );
}

/**
 * Brings this server's copy up to date with what other servers committed and pushes the difference to this
 * server's streams, as if it had made the change itself. "answers" reads only the open question's rows; "state"
 * reads the game again.
 */
async function catchUp(game: LiveGame, at: ClassroomChange): Promise<void> {
  const change = game.behind === "state" ? "state" : at;
  game.behind = null;
  const before = game.snapshot;
  const round = currentRound(before.context);
  if (change === "answers") {
    game.answersReadAt = performance.now();
    if (!before.matches("questionOpen") || round === undefined) return;
    game.snapshot = foldStoredAnswers(
      before,
      await listClassroomAnswers(db(), game.joinCode, round.questionIndex),
    );
  } else {
    const fresh = await loadGame(game.joinCode);
    if (!fresh.ok) throw new Error(fresh.error);
    game.revision = fresh.value.revision;
    game.snapshot = fresh.value.snapshot;
    armTimer(game);
  }
  if (game.snapshot === before) return;
  const now = serverNow();
  live.hub.publish(game.joinCode, coalesceCounts(liveEvents(before, game.snapshot, now.getTime())));
  // Everyone has answered, across servers: close the question as the last answer would have here.
  if (game.snapshot.matches("questionOpen") && everyoneAnswered(game.snapshot.context))
    game.pending.push({
      who: deviceOnly(game.teacherLearnerId),
      command: { kind: "close" },
      now,
      resolve: () => undefined,
      reject: () => undefined,
    });
}

async function flush(game: LiveGame): Promise<void> {
  game.flushing = true;
  try {
    while (game.pending.length > 0 || game.behind !== null) {
      if (game.pending.length === 0) {
        // Only a notice: catch up now (answers: once their interval is up), so this server's players hear of
        // the change without asking.
        const wait = ANSWERS_READ_EVERY_MS - (performance.now() - game.answersReadAt);
        if (game.behind === "answers" && wait > 0) {
          game.catchUpTimer ??= setTimeout(() => {
            game.catchUpTimer = null;
            if (!game.flushing && game.behind !== null) void flush(game);
          }, wait);
          game.catchUpTimer.unref();
          break;
        }
        await catchUp(game, game.behind ?? "state").catch((error: unknown) => {
          logLine("classroom.catch-up.error", { joinCode: game.joinCode, detail: errorDetail(error) });
        });
        continue;
      }
      const batch = game.pending.splice(0);
      try {
        const applied = await commit(game, batch);
        if (applied === null) {
          for (const pending of batch)
            pending.resolve(fail(409, "joinCode: the game is too busy right now: try again"));
          continue;
        }
        batch.forEach((pending, index) =>
          pending.resolve(applied.outcomes[index] ?? fail(409, "action: not run")),
        );
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
  } finally {
    game.flushing = false;
  }
}

/** Starts hearing other servers' notices (once per process): each marks its game behind and catches it up. */
function listen(): void {
  live.listening = true;
  classroomAnnouncer().subscribe({ onNotice: heard, onResync: resync });
}

function heard(notice: ClassroomNotice): void {
  if (notice.server === live.server) return;
  const game = live.games.get(notice.joinCode);
  if (game === undefined) {
    // Not held here: it is read fresh when first asked for, or again if a read is under way.
    if (live.loading.has(notice.joinCode)) live.noticedWhileLoading.add(notice.joinCode);
    return;
  }
  if (notice.change === "state" || notice.revision > game.revision) {
    if (notice.revision <= game.revision) return; // already caught up (this server read it meanwhile)
    game.behind = "state";
  } else game.behind ??= "answers";
  if (!game.flushing) void flush(game);
}

function resync(): void {
  for (const game of live.games.values()) {
    game.behind = "state";
    if (!game.flushing) void flush(game);
  }
}

function submit(
  game: LiveGame,
  who: Identity,
  command: GameCommand | "view",
  now: Date,
): Promise<Outcome<CommandResult>> {
  return new Promise((resolve, reject) => {
    game.pending.push({ who, command, now, resolve, reject });
    if (!game.flushing) void flush(game);
  });
}

function viewOf(game: LiveGame, snapshot: ClassroomSnapshot, who: Identity, now: Date): ClassroomView {
  const viewer = viewerOf(game, snapshot, who) ?? ({ role: "player", playerId: who.learnerId } as const);
  return buildClassroomView(snapshot, viewer, now.getTime());
}

async function runForView(
  who: Identity,
  joinCode: string,
  command: GameCommand | "view",
  now: Date,
): Promise<Outcome<ClassroomView>> {
  const game = await liveGame(joinCode);
  if (!game.ok) return game;
  const outcome = await submit(game.value, who, command, now);
  if (!outcome.ok) return outcome;
  return { ok: true, value: viewOf(game.value, outcome.value.snapshot, who, now) };
}

/** One step of a game (join, rejoin or a teacher's step); replies with the caller's fresh view. */
export function stepGame(who: Identity, step: ClassroomStep, now: Date): Promise<Outcome<ClassroomView>> {
  return runForView(who, step.joinCode, toCommand(step, who), now);
}

/**
 * An answer: acknowledged with what was stored, once it is on disk. No view is built on this path: the room's
 * changes reach the player through the event stream.
 */
export async function answerGame(
  learnerId: string,
  step: Extract<ClassroomStep, { action: "answer" }>,
  now: Date,
): Promise<Outcome<{ readonly answered: readonly string[] }>> {
  const game = await liveGame(step.joinCode);
  if (!game.ok) return game;
  const who = deviceOnly(learnerId);
  const outcome = await submit(game.value, who, toCommand(step, who), now);
  return outcome.ok ? { ok: true, value: { answered: [...step.optionIds] } } : outcome;
}

/** The caller's view of a game; a question whose time is up is closed and graded on the way. */
export function viewGame(who: Identity, joinCode: string, now: Date): Promise<Outcome<ClassroomView>> {
  return runForView(who, joinCode, "view", now);
}

/**
 * The view as it may reach this learner's browser: the question id sealed for this game and this learner
 * (app/security/question-token.ts), so it does not reveal family.seed.difficulty. Sealed for the browser
 * (`deviceId`), as the fast lane opens and seals ids, so page and event stream show the same ids.
 */
export function viewForBrowser(view: ClassroomView, deviceId: string): ClassroomView {
  if (view.question === null) return view;
  const scope = { kind: "classroom", joinCode: view.joinCode, learnerId: deviceId } as const;
  return { ...view, question: { ...view.question, id: sealQuestionId(view.question.id, scope) } };
}

export type LiveFrame = { readonly id: string; readonly type: string; readonly json: string };

/**
 * Opens a player's or the teacher's event stream: first what they missed since `lastEventId` (or a full "sync"
 * view when that cannot be resumed), then every event meant for them as it happens. Question ids are sealed
 * for this browser here, per connection; the key is never in an event before "reveal". `signedIn` resolves the
 * browser's session (an account's learner) and is asked only when the browser alone is neither the teacher nor
 * a player: the owning account's host screen on another device, without a database read for every player.
 */
export async function connectGame(
  learnerId: string,
  joinCode: string,
  lastEventId: string | null,
  send: (frame: LiveFrame) => void,
  now: Date,
  signedIn?: () => Promise<Identity>,
): Promise<Outcome<{ readonly unsubscribe: () => void }>> {
  const loaded = await liveGame(joinCode);
  if (!loaded.ok) return loaded;
  const game = loaded.value;
  let who = deviceOnly(learnerId);
  let viewer = viewerOf(game, game.snapshot, who);
  if (viewer === null && classroomAnnouncer().shared) {
    // Maybe joined on another server a moment ago: read the game again before refusing.
    game.behind = "state";
    await submit(game, who, "view", now);
    viewer = viewerOf(game, game.snapshot, who);
  }
  if (viewer === null && signedIn !== undefined) {
    who = await signedIn();
    viewer = viewerOf(game, game.snapshot, who);
  }
  if (viewer === null) return fail(403, "joinCode: join this game first (/classroom/join)");
  const scope = { kind: "classroom", joinCode, learnerId } as const;
  const forward = (event: HubEvent) => {
    const json =
      event.questionId === undefined
        ? event.json
        : `{"id":${JSON.stringify(sealQuestionId(event.questionId, scope))},${event.json.slice(1)}`;
    send({ id: event.id, type: event.type, json });
  };
  // Subscribing and building the full view happen in one synchronous step, so the view is exactly as current
  // as the id it is sent under and no event falls between them.
  const subscription = live.hub.subscribe(joinCode, viewer, lastEventId, forward);
  if (!subscription.resumed) {
    const view = viewForBrowser(viewOf(game, game.snapshot, who, now), learnerId);
    send({ id: subscription.lastId, type: "sync", json: JSON.stringify(view) });
  }
  return { ok: true, value: { unsubscribe: subscription.unsubscribe } };
}

/** The game's questions (all of them, played or not) with their keys: for its teacher only, to export them. */
export async function gameQuestions(who: Identity, joinCode: string): Promise<Outcome<readonly Question[]>> {
  const loaded = await liveGame(joinCode);
  if (!loaded.ok) return loaded;
  if (!isTeacherOf(loaded.value, who))
    return fail(403, "joinCode: only the teacher who created this game can export its questions");
  return { ok: true, value: loaded.value.snapshot.context.questionIds.map((id) => questionOf(id)) };
}

/** The teacher's report of a game (per question and per player with concepts); only its teacher may read it. */
export async function reportGame(who: Identity, joinCode: string): Promise<Outcome<GameReport>> {
  const loaded = await liveGame(joinCode);
  if (!loaded.ok) return loaded;
  if (!isTeacherOf(loaded.value, who))
    return fail(403, "joinCode: only the teacher who created this game can read its report");
  if (classroomAnnouncer().shared) {
    // Other servers may have taken answers or closed questions since this copy was read: read it again.
    loaded.value.behind = "state";
    await submit(loaded.value, who, "view", serverNow());
  }
  return { ok: true, value: buildGameReport(loaded.value.snapshot.context, questionOf) };
}
