import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEARNER_COOKIE } from "../../app/learner-cookie";
import { mintLearnerToken } from "../../app/security/learner-token";
import { createAccount, endSession, rotateIntoSession } from "../../lib/db/accounts";
import { findOrCreateLearner, learnerIdForToken } from "../../lib/db/learners";
import { createTempDb } from "../db/support/temp-db";

// The owning account hosts its game from any signed-in device: the fast lane, which knows only the browser,
// resolves the browser's session when the browser alone is neither the teacher nor a player. Players, other
// accounts and signed-out browsers are still refused the teacher's stream and steps.

process.env["REACHABLE_SECRET"] ??= "a test secret for the classroom host identity, long enough";
const temp = createTempDb();
(globalThis as unknown as { reachableDb?: unknown }).reachableDb = temp.db;

const { installClassroomFastLane } = await import("../../app/classroom/fast-lane");
const { createGame, deviceOnly, stepGame } = await import("../../app/classroom/classroom-game");
const { identityOfToken } = await import("../../app/classroom/token-identity");

let server: http.Server;
let base = "";

beforeAll(async () => {
  installClassroomFastLane();
  server = http.createServer((_request, response) => response.writeHead(418).end("next"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await temp.dispose();
});

/** An account signed in on one browser; returns its learner and that browser's session token. */
async function signUp(username: string, now: Date): Promise<{ learnerId: string; token: string }> {
  const anonymous = mintLearnerToken();
  const learner = await findOrCreateLearner(temp.db, anonymous, now);
  const created = await createAccount(temp.db, { learnerId: learner.id, username, passwordHash: "x", now });
  if (!created.ok) throw new Error(created.reason);
  const token = mintLearnerToken();
  await rotateIntoSession(temp.db, { learnerId: learner.id, newToken: token, oldToken: anonymous, now });
  return { learnerId: learner.id, token };
}

/** Another browser signing in to the same account: a fresh token bound to the account's learner. */
async function signInElsewhere(learnerId: string, now: Date): Promise<string> {
  const anonymous = mintLearnerToken();
  await findOrCreateLearner(temp.db, anonymous, now);
  const token = mintLearnerToken();
  await rotateIntoSession(temp.db, { learnerId, newToken: token, oldToken: anonymous, now });
  return token;
}

/** The first frame of a game's event stream for this cookie token: its status, and the role of the sync view. */
async function firstFrame(
  code: string,
  token: string,
): Promise<{ status: number; role?: string | undefined }> {
  const controller = new AbortController();
  const response = await fetch(`${base}/classroom/api/${code}/events`, {
    headers: { cookie: `${LEARNER_COOKIE}=${token}` },
    signal: controller.signal,
  });
  if (response.status !== 200) return { status: response.status };
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!/\n\n[^]*data: .*\n\n/.test(text)) {
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  controller.abort();
  const data = /event: sync\ndata: (.*)\n/.exec(text)?.[1] ?? "{}";
  return { status: 200, role: (JSON.parse(data) as { role?: string }).role };
}

describe("hosting a game from a second signed-in device", () => {
  it("identityOfToken: a signed-in token acts for its account's learner, an anonymous one for its browser", async () => {
    const now = new Date();
    const anonymous = mintLearnerToken();
    expect(await identityOfToken(anonymous, now)).toEqual({
      deviceId: learnerIdForToken(anonymous),
      learnerId: learnerIdForToken(anonymous),
    });
    const ana = await signUp("ana-identity", now);
    expect(await identityOfToken(ana.token, now)).toEqual({
      deviceId: learnerIdForToken(ana.token),
      learnerId: ana.learnerId,
    });
    // Signed out, the token opens nothing of the account: it is a stranger's browser.
    await endSession(temp.db, ana.token, now);
    expect((await identityOfToken(ana.token, now)).learnerId).not.toBe(ana.learnerId);
  });

  it("the owning account's other device gets the teacher's stream and runs the game; a player, another account and a signed-out browser do not", async () => {
    const now = new Date();
    const owner = await signUp("owner-host", now);
    const desk = await identityOfToken(owner.token, now);
    const created = await createGame(
      desk,
      {
        action: "create",
        families: ["endpoint-choice"],
        difficulty: 1,
        questionCount: 2,
        secondsPerQuestion: 60,
      },
      now,
    );
    if (!created.ok) throw new Error(created.error);
    const code = created.value.joinCode;

    const playerToken = mintLearnerToken();
    const player = deviceOnly(learnerIdForToken(playerToken));
    expect((await stepGame(player, { action: "join", joinCode: code, displayName: "Pia" }, now)).ok).toBe(
      true,
    );

    // The laptop: a different browser (its own device id) signed in to the owner's account.
    const laptopToken = await signInElsewhere(owner.learnerId, now);
    expect(learnerIdForToken(laptopToken)).not.toBe(desk.deviceId);
    expect(await firstFrame(code, laptopToken)).toEqual({ status: 200, role: "teacher" });
    const laptop = await identityOfToken(laptopToken, now);
    const opened = await stepGame(laptop, { action: "open", joinCode: code }, now);
    expect(opened.ok && opened.value.phase).toBe("question");

    // The player stays a player: their stream is a player's and their "close" is refused.
    expect(await firstFrame(code, playerToken)).toEqual({ status: 200, role: "player" });
    const playerClose = await stepGame(player, { action: "close", joinCode: code }, now);
    expect(playerClose.ok ? 200 : playerClose.status).toBe(403);

    // Another account, signed in on its own browser, is refused the stream and the teacher's steps.
    const other = await signUp("other-host", now);
    expect(await firstFrame(code, other.token)).toEqual({ status: 403 });
    const otherClose = await stepGame(
      await identityOfToken(other.token, now),
      { action: "close", joinCode: code },
      now,
    );
    expect(otherClose.ok ? 200 : otherClose.status).toBe(403);

    // The laptop signs out: its token no longer opens the owner's game.
    await endSession(temp.db, laptopToken, now);
    expect(await firstFrame(code, laptopToken)).toEqual({ status: 403 });

    // The creating browser still runs it.
    expect(await firstFrame(code, owner.token)).toEqual({ status: 200, role: "teacher" });
  });
});
