import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEARNER_COOKIE } from "../../app/learner-cookie";
import { mintLearnerToken } from "../../app/security/learner-token";
import { learnerIdForToken } from "../../lib/db/learners";
import { listClassroomAnswers } from "../../lib/db/classroom";
import { createTempDb } from "../db/support/temp-db";
import { must } from "../support/must";
import { readEvents } from "./sse";

// The classroom's two hot doors are served by Node's HTTP server before Next sees the request. This drives them
// over real HTTP on a plain server whose own handler stands in for Next: what the fast lane does not serve
// must still reach it, and what it serves must keep the proxy's and the routes' checks.

process.env["REACHABLE_SECRET"] ??= "a test secret for the classroom fast lane, long enough";
const temp = createTempDb();
(globalThis as unknown as { reachableDb?: unknown }).reachableDb = temp.db;

const { fastRouteOf, installClassroomFastLane } = await import("../../app/classroom/fast-lane");
const { createGame, deviceOnly, gameQuestions, stepGame } =
  await import("../../app/classroom/classroom-game");

let server: http.Server;
let base = "";
let nextSaw: string[] = [];

beforeAll(async () => {
  installClassroomFastLane();
  server = http.createServer((request, response) => {
    nextSaw.push(`${request.method ?? ""} ${request.url ?? ""}`);
    response.writeHead(418).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await temp.dispose();
});

const cookieOf = (token: string) => `${LEARNER_COOKIE}=${token}`;

describe("classroom fast lane", () => {
  it("claims only POST …/answer and GET …/events under /classroom/api/<code>/", () => {
    expect(fastRouteOf("POST", "/classroom/api/ABC234/answer")).toEqual({
      kind: "answer",
      code: "ABC234",
      query: "",
    });
    expect(fastRouteOf("GET", "/classroom/api/abc234/events?lastEventId=x.3")).toEqual({
      kind: "events",
      code: "abc234",
      query: "lastEventId=x.3",
    });
    for (const [method, url] of [
      ["GET", "/classroom/api/ABC234/answer"],
      ["POST", "/classroom/api/ABC234/events"],
      ["POST", "/classroom/api"],
      ["GET", "/classroom/api/ABC234"],
      ["GET", "/classroom/api/ABC234/report"],
      ["GET", "/classroom/ABC234/events"],
      ["GET", "/classroom/api/%ZZ/events"],
      ["GET", "/classroom/api/A/B/events"],
    ] as const)
      expect(fastRouteOf(method, url)).toBeNull();
  });

  it("leaves every other request to the next handler", async () => {
    nextSaw = [];
    const response = await fetch(`${base}/classroom/api/ABC234`);
    expect(response.status).toBe(418);
    expect(nextSaw).toEqual(["GET /classroom/api/ABC234"]);
  });

  it("refuses a cross-site answer, a learner token the server did not issue, and a malformed join code", async () => {
    nextSaw = [];
    const token = mintLearnerToken();
    const body = JSON.stringify({ questionId: "q_abc", optionIds: ["a"] });
    const foreign = await fetch(`${base}/classroom/api/ABC234/answer`, {
      method: "POST",
      headers: { origin: "https://evil.example", cookie: cookieOf(token) },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: "foreign-origin" });
    const forged = await fetch(`${base}/classroom/api/ABC234/answer`, {
      method: "POST",
      headers: { cookie: cookieOf(`l1.${"A".repeat(43)}`) },
      body,
    });
    expect(forged.status).toBe(403);
    const stream = await fetch(`${base}/classroom/api/ABC234/events`);
    expect(stream.status).toBe(403);
    const badCode = await fetch(`${base}/classroom/api/no!/events`, { headers: { cookie: cookieOf(token) } });
    expect(badCode.status).toBe(400);
    expect(((await badCode.json()) as { error: string }).error).toMatch(/^joinCode: /);
    expect(nextSaw).toEqual([]);
  });

  it("plays a question over the lane: the stream delivers it sealed, the answer is stored before its 200, a second is refused", async () => {
    const teacherToken = mintLearnerToken();
    const teacher = learnerIdForToken(teacherToken);
    const created = await createGame(
      deviceOnly(teacher),
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
    const player = learnerIdForToken(playerToken);
    const joined = await stepGame(
      deviceOnly(player),
      { action: "join", joinCode: code, displayName: "Ana" },
      new Date(),
    );
    expect(joined.ok).toBe(true);
    // A second player, so Ana's answer does not close the question (everyone answered) and stays a row.
    const ben = await stepGame(
      deviceOnly(learnerIdForToken(mintLearnerToken())),
      { action: "join", joinCode: code, displayName: "Ben" },
      new Date(),
    );
    expect(ben.ok).toBe(true);

    const stranger = await fetch(`${base}/classroom/api/${code}/events`, {
      headers: { cookie: cookieOf(mintLearnerToken()) },
    });
    expect(stranger.status).toBe(403);

    // The teacher opens the question once the player's stream is subscribed (its first frame is "sync").
    const opened: Promise<{ ok: boolean }>[] = [];
    const seen = await readEvents(`${base}/classroom/api/${code}/events`, cookieOf(playerToken), (type) => {
      if (type === "sync")
        opened.push(stepGame(deviceOnly(teacher), { action: "open", joinCode: code }, new Date()));
      return type === "question";
    });
    expect((await Promise.all(opened)).map((outcome) => outcome.ok)).toEqual([true]);
    expect(seen[0]?.type).toBe("sync");
    const question = must(seen.find((event) => event.type === "question")).data as {
      id: string;
      options: { id: string }[];
    };
    expect(question.id).toMatch(/^q_/);
    expect(JSON.stringify(seen)).not.toMatch(/"(key|answer|explanation|correctResponse)"/);

    const post = (token: string, body: unknown) =>
      fetch(`${base}/classroom/api/${code}/answer`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookieOf(token) },
        body: JSON.stringify(body),
      });
    const option = must(question.options[0]).id;
    expect((await post(playerToken, { questionId: question.id, optionIds: [] })).status).toBe(400);
    // A sealed id is bound to its learner: the teacher cannot send it back as theirs.
    expect((await post(teacherToken, { questionId: question.id, optionIds: [option] })).status).toBe(409);
    const first = await post(playerToken, { questionId: question.id, optionIds: [option] });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ answered: [option] });
    const stored = await listClassroomAnswers(temp.db, code, 0);
    expect(stored.map((row) => [row.playerId, row.response])).toEqual([[player, [option]]]);
    // One answer per player and question.
    const second = await post(playerToken, { questionId: question.id, optionIds: [option] });
    expect(second.status).toBe(409);

    // The questions with their keys, for an LMS export: the teacher's only.
    const exported = await gameQuestions(deviceOnly(teacher), code);
    expect(exported.ok && exported.value.map((q) => q.options.map((o) => o.id))).toEqual([
      question.options.map((o) => o.id),
    ]);
    expect(exported.ok && exported.value[0]?.answer.length).toBeGreaterThan(0);
    const refused = await gameQuestions(deviceOnly(player), code);
    expect(refused.ok ? 200 : refused.status).toBe(403);
  });
});
