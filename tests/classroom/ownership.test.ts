import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEARNER_COOKIE } from "../../app/learner-cookie";
import { mintLearnerToken } from "../../app/security/learner-token";
import { listClassroomGamesOf } from "../../lib/db/classroom-owners";
import { listClassroomAnswers } from "../../lib/db/classroom";
import { learnerIdForToken } from "../../lib/db/learners";
import { createTempDb } from "../db/support/temp-db";
import { must } from "../support/must";
import { readEvents } from "./sse";

// A signed-in teacher's game belongs to their account (listed and reported on any device) while the browser that
// created it runs it over the fast lane, which knows only the browser; a signed-in player plays as their
// account's learner from the browser they joined with.

process.env["REACHABLE_SECRET"] ??= "a test secret for classroom ownership, long enough to be one";
const temp = createTempDb();
(globalThis as unknown as { reachableDb?: unknown }).reachableDb = temp.db;

const { installClassroomFastLane } = await import("../../app/classroom/fast-lane");
const { createGame, deviceOnly, gameQuestions, reportGame, stepGame } =
  await import("../../app/classroom/classroom-game");
const { createHomeworkAssignment, homeworkQuestions } =
  await import("../../app/classroom/homework/homework-service");

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

const cookieOf = (token: string) => `${LEARNER_COOKIE}=${token}`;

describe("classroom games: ownership and pinned questions", () => {
  it("a signed-in host's game is the account's on every device and runs from the browser that created it", async () => {
    const hostToken = mintLearnerToken();
    const host = { deviceId: learnerIdForToken(hostToken), learnerId: "account-ana" };
    const created = await createGame(
      host,
      {
        action: "create",
        families: ["endpoint-choice"],
        difficulty: 1,
        questionCount: 1,
        secondsPerQuestion: 60,
      },
      new Date(),
    );
    if (!created.ok) throw new Error(created.error);
    const code = created.value.joinCode;

    // The creating browser's event stream is the teacher's (the fast lane derives only the browser's id).
    const frames = await readEvents(
      `${base}/classroom/api/${code}/events`,
      cookieOf(hostToken),
      (type) => type === "sync",
    );
    expect((frames[0]?.data as { role: string }).role).toBe("teacher");

    // Another device signed in to the same account reads the questions and the report; another account does not.
    const laptop = { deviceId: "another-browser", learnerId: "account-ana" };
    expect((await gameQuestions(laptop, code)).ok).toBe(true);
    expect((await reportGame(laptop, code)).ok).toBe(true);
    const stranger = await reportGame({ deviceId: "another-browser", learnerId: "account-bob" }, code);
    expect(stranger.ok ? 200 : stranger.status).toBe(403);

    const listed = await listClassroomGamesOf(
      temp.db,
      { ownerLearnerId: "account-ana", teacherIds: ["another-browser", "account-ana"] },
      "active",
    );
    expect(listed.map((game) => game.joinCode)).toEqual([code]);
    const notBob = await listClassroomGamesOf(
      temp.db,
      { ownerLearnerId: "account-bob", teacherIds: ["account-bob"] },
      "active",
    );
    expect(notBob).toEqual([]);
  });

  it("a signed-in player answers over the fast lane as their account's learner", async () => {
    const hostToken = mintLearnerToken();
    const host = deviceOnly(learnerIdForToken(hostToken));
    const created = await createGame(
      host,
      {
        action: "create",
        families: ["endpoint-choice"],
        difficulty: 1,
        questionCount: 1,
        secondsPerQuestion: 60,
      },
      new Date(),
    );
    if (!created.ok) throw new Error(created.error);
    const code = created.value.joinCode;
    const playerToken = mintLearnerToken();
    const player = { deviceId: learnerIdForToken(playerToken), learnerId: "account-cy" };
    expect(
      (await stepGame(player, { action: "join", joinCode: code, displayName: "Cy" }, new Date())).ok,
    ).toBe(true);
    // A second player keeps the question open, so Cy's answer stays a row.
    const dee = deviceOnly(learnerIdForToken(mintLearnerToken()));
    expect((await stepGame(dee, { action: "join", joinCode: code, displayName: "Dee" }, new Date())).ok).toBe(
      true,
    );

    const opened: Promise<{ ok: boolean }>[] = [];
    const seen = await readEvents(`${base}/classroom/api/${code}/events`, cookieOf(playerToken), (type) => {
      if (type === "sync") opened.push(stepGame(host, { action: "open", joinCode: code }, new Date()));
      return type === "question";
    });
    expect((await Promise.all(opened)).map((outcome) => outcome.ok)).toEqual([true]);
    const question = must(seen.find((event) => event.type === "question")).data as {
      id: string;
      options: { id: string }[];
    };
    const option = must(question.options[0]).id;
    const answered = await fetch(`${base}/classroom/api/${code}/answer`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookieOf(playerToken) },
      body: JSON.stringify({ questionId: question.id, optionIds: [option] }),
    });
    expect(answered.status).toBe(200);
    const stored = await listClassroomAnswers(temp.db, code, 0);
    expect(stored.map((row) => row.playerId)).toEqual(["account-cy"]);
  });

  it("a game or homework with pinned questions asks exactly those, in that order", async () => {
    const pinned = ["endpoint-choice.8.1", "endpoint-choice.7.1"];
    const host = deviceOnly("pinning-teacher");
    const game = await createGame(
      host,
      { action: "create", families: [], difficulty: 2, questionCount: 5, secondsPerQuestion: 60, pinned },
      new Date(),
    );
    if (!game.ok) throw new Error(game.error);
    const asked = await gameQuestions(host, game.value.joinCode);
    expect(asked.ok && asked.value.map((question) => question.id)).toEqual(pinned);

    const homework = await createHomeworkAssignment(
      "pinning-teacher",
      {
        action: "create",
        families: [],
        difficulty: 2,
        questionCount: 5,
        dueAt: new Date(Date.now() + 3600_000).toISOString(),
        pinned,
      },
      new Date(),
    );
    if (!homework.ok) throw new Error(homework.error);
    const assigned = await homeworkQuestions("pinning-teacher", homework.value.code);
    expect(assigned.ok && assigned.value.map((question) => question.id)).toEqual(pinned);

    const bad = await createGame(
      host,
      {
        action: "create",
        families: [],
        difficulty: 1,
        questionCount: 1,
        secondsPerQuestion: 60,
        pinned: ["nope"],
      },
      new Date(),
    );
    expect(bad.ok ? "" : bad.error).toMatch(/^pinned\.0: "nope" is not a question id/);
    const none = await createGame(
      host,
      { action: "create", families: [], difficulty: 1, questionCount: 1, secondsPerQuestion: 60 },
      new Date(),
    );
    expect(none.ok ? "" : none.error).toMatch(/^families: choose at least one topic/);
  });
});
