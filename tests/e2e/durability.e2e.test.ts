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
});
