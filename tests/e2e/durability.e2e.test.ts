import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../app/lessons/course";
import { questionFromId } from "../../lib/scenario/generate";
import { queryDatabase } from "./support/database";
import { questionIdBehind } from "./support/question-ids";
import { repoRoot, startServer, type RunningServer } from "./support/server";

// What the hardening pass checked by hand, kept as tests: an answer the server acknowledged survives a SIGKILL of
// the server (no shutdown code runs), and answers sent at the same moment by many learners are each stored once.
// A server of its own on a database of its own, so killing it leaves the shared e2e server alone.

const lesson = loadCourse().find((candidate) => candidate.slug === "vpc-peering") ?? loadCourse()[0];
if (!lesson) throw new Error("no lessons");

function attempts(databaseUrl: string): number {
  return queryDatabase<{ n: number }>(databaseUrl, "SELECT COUNT(*) AS n FROM Attempt")[0]?.n ?? 0;
}

/** A learner: the cookie the server issues on the first request, then sent back on every request. */
async function learner(baseURL: string) {
  const first = await fetch(new URL("/", baseURL), { redirect: "manual" });
  const set = first.headers.getSetCookie().find((line) => line.startsWith("reachable_learner="));
  const cookie = set?.split(";")[0] ?? "";
  return (url: string, body: unknown) =>
    fetch(new URL(url, baseURL), {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(body),
    });
}

describe("durability", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-durability-"));
  const databaseUrl = `file:${path.join(dir, "durability.db")}`;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    execFileSync(path.join(repoRoot, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: "pipe",
    });
    server = await startServer({ databaseUrl, logFile: path.join(dir, "server.log") });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function lessonAnswer(baseURL: string) {
    const html = await (await fetch(new URL(`/lessons/${lesson?.slug}`, baseURL))).text();
    const token = /data-question-id="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error("the lesson shows no question");
    const question = questionFromId(questionIdBehind(token));
    if (!question.ok) throw new Error("the lesson question does not generate");
    return {
      questionId: token,
      response: [question.question.answer[0]],
      context: { kind: "lesson", slug: lesson?.slug },
    };
  }

  it("keeps an acknowledged answer across a SIGKILL of the server", async () => {
    if (!server) throw new Error("no server");
    const answer = await lessonAnswer(server.baseURL);
    const post = await learner(server.baseURL);
    const before = attempts(databaseUrl);
    const response = await post("/api/answers", answer);
    expect(response.status).toBe(200);
    await server.stop("SIGKILL");
    server = await startServer({ databaseUrl, logFile: path.join(dir, "server-2.log") });
    expect(attempts(databaseUrl)).toBe(before + 1);
    // The restarted server serves the learner's progress from the same file.
    expect((await fetch(new URL("/progress", server.baseURL))).status).toBe(200);
  }, 180_000);

  it("stores each of 40 answers sent at the same moment once", async () => {
    if (!server) throw new Error("no server");
    const answer = await lessonAnswer(server.baseURL);
    const posts = await Promise.all(Array.from({ length: 40 }, () => learner(server?.baseURL ?? "")));
    const before = attempts(databaseUrl);
    const responses = await Promise.all(posts.map((post) => post("/api/answers", answer)));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    expect(attempts(databaseUrl)).toBe(before + 40);
  }, 180_000);

  it("keeps an acknowledged classroom answer across a SIGKILL mid-question (the game lives in memory between writes)", async () => {
    if (!server) throw new Error("no server");
    const baseURL = server.baseURL;
    const browserOf = async () => {
      const first = await fetch(new URL("/", baseURL), { redirect: "manual" });
      const cookie =
        first.headers
          .getSetCookie()
          .find((line) => line.startsWith("reachable_learner="))
          ?.split(";")[0] ?? "";
      return {
        post: async (body: unknown) =>
          fetch(new URL("/classroom/api", server?.baseURL ?? baseURL), {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify(body),
          }),
        get: async (url: string) => fetch(new URL(url, server?.baseURL ?? baseURL), { headers: { cookie } }),
      };
    };
    const teacher = await browserOf();
    const player = await browserOf();
    const created = await teacher.post({
      action: "create",
      families: ["endpoint-choice"],
      difficulty: 1,
      questionCount: 1,
      secondsPerQuestion: 300,
    });
    const { joinCode } = (await created.json()) as { joinCode: string };
    expect((await player.post({ action: "join", joinCode, displayName: "Ana" })).status).toBe(200);
    // A second player who does not answer keeps the question open (everyone answering would close it).
    expect((await (await browserOf()).post({ action: "join", joinCode, displayName: "Ben" })).status).toBe(
      200,
    );
    expect((await teacher.post({ action: "open", joinCode })).status).toBe(200);
    const view = (await (await player.get(`/classroom/api/${joinCode}`)).json()) as {
      question: { id: string; options: { id: string }[] };
    };
    const answered = await player.post({
      action: "answer",
      joinCode,
      questionId: view.question.id,
      optionIds: [view.question.options[0]?.id ?? ""],
    });
    expect(answered.status).toBe(200);
    await server.stop("SIGKILL");
    server = await startServer({ databaseUrl, logFile: path.join(dir, "server-3.log") });
    // The restarted server reads the game from its row: the answer is there, so it is graded at the close.
    const closed = await teacher.post({ action: "close", joinCode });
    expect(closed.status).toBe(200);
    const rows = queryDatabase<{ n: number }>(
      databaseUrl,
      "SELECT COUNT(*) AS n FROM Attempt WHERE context = ?",
      `classroom:${joinCode}`,
    );
    expect(rows[0]?.n).toBe(1);
  }, 180_000);
});
