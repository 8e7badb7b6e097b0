import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCourse } from "../../app/lessons/course";
import { questionFromId } from "../../lib/scenario/generate";
import { launchBrowser, newPage } from "./support/browser";
import { queryDatabase } from "./support/database";
import { questionIdBehind, shownIdFor } from "./support/question-ids";
import { startServer, type RunningServer } from "./support/server";

// Every way to the key is refused, no cookie is trusted that the server did not issue, and
// no malformed request gets a 5xx. Each `it` names the item it covers.

const PLAIN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.\d+\.[123]$/;

/** A cookie-keeping client for the JSON routes, as a script (not a browser) would call them. */
function client(baseURL: string, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  let cookie = init.cookie;
  async function send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(url, baseURL), {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(cookie === undefined ? {} : { cookie: `reachable_learner=${cookie}` }),
        ...init.headers,
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      redirect: "manual",
    });
    const set = response.headers.getSetCookie().find((line) => line.startsWith("reachable_learner="));
    if (set) cookie = set.slice("reachable_learner=".length).split(";")[0];
    return response;
  }
  return {
    send,
    get: (url: string, headers?: Record<string, string>) => send("GET", url, undefined, headers),
    post: (url: string, body: unknown, headers?: Record<string, string>) => send("POST", url, body, headers),
    cookie: () => cookie,
  };
}

function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((match) => match[1] ?? "");
}

function learnerRows(): number {
  return queryDatabase<{ n: number }>(inject("databaseUrl"), "SELECT COUNT(*) AS n FROM Learner")[0]?.n ?? 0;
}

function logLines(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const lesson = loadCourse().find((candidate) => candidate.slug === "vpc-peering") ?? loadCourse()[0];
if (!lesson) throw new Error("no lessons");

async function lessonQuestionToken(baseURL: string): Promise<string> {
  const html = await (await fetch(new URL(`/lessons/${lesson?.slug}`, baseURL))).text();
  const [token] = attributes(html, "data-question-id");
  if (!token) throw new Error(`lesson ${lesson?.slug} shows no question`);
  return token;
}

describe("hardening", () => {
  const baseURL = () => inject("baseURL");
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("1: question ids on lesson, practice and exam pages are sealed, not family.seed.difficulty", async () => {
    const token = await lessonQuestionToken(baseURL());
    expect(token).toMatch(/^q_/);
    expect(token).not.toMatch(PLAIN_ID);
    expect(questionIdBehind(token)).toMatch(PLAIN_ID);

    const learner = client(baseURL());
    await learner.get("/");
    const practice = await learner.post("/practice/api", {
      action: "start",
      settings: {
        everything: true,
        conceptGroups: [],
        families: [],
        difficulties: [],
        questionLimit: 3,
        adaptive: false,
      },
    });
    expect(practice.status).toBe(200);
    const practiceIds = attributes(await (await learner.get("/practice")).text(), "data-question-id");
    expect(practiceIds.length).toBeGreaterThan(0);
    for (const id of practiceIds) expect(id).not.toMatch(PLAIN_ID);

    const exam = await learner.post("/exam/api", { action: "start", questionCount: 2 });
    expect(exam.status).toBe(200);
    const examHtml = await (await learner.get("/exam")).text();
    const examIds = attributes(examHtml, "data-question-id");
    expect(examIds.length).toBe(1);
    for (const id of examIds) expect(id).not.toMatch(PLAIN_ID);
    // The live exam shows no seed either: the seed rebuilds every question with its key.
    expect(examHtml).not.toContain('data-testid="exam-seed"');
  });

  it("1: an answer with a plain id, another lesson's id or for a lesson that does not exist is refused and writes nothing", async () => {
    const token = await lessonQuestionToken(baseURL());
    const question = questionFromId(questionIdBehind(token));
    if (!question.ok) throw new Error("lesson question does not generate");
    const learner = client(baseURL());
    await learner.get("/");
    const before = queryDatabase<{ n: number }>(inject("databaseUrl"), "SELECT COUNT(*) AS n FROM Attempt")[0]
      ?.n;
    const answer = {
      response: [question.question.answer[0]],
      context: { kind: "lesson", slug: lesson.slug },
    };
    const plain = await learner.post("/api/answers", { ...answer, questionId: question.question.id });
    expect(plain.status).toBe(404);
    const farmed = await learner.post("/api/answers", {
      ...answer,
      questionId: token,
      context: { kind: "lesson", slug: "no-such-lesson" },
    });
    expect(farmed.status).toBe(404);
    const other = loadCourse().find((candidate) => candidate.slug !== lesson.slug);
    if (other) {
      const moved = await learner.post("/api/answers", {
        ...answer,
        questionId: token,
        context: { kind: "lesson", slug: other.slug },
      });
      expect(moved.status).toBe(404);
    }
    const after = queryDatabase<{ n: number }>(inject("databaseUrl"), "SELECT COUNT(*) AS n FROM Attempt")[0]
      ?.n;
    expect(after).toBe(before);
  });

  it("2 and 4: the solution is revealed only after the learner's own attempt, and never for an exam, practice, review or classroom id", async () => {
    const token = await lessonQuestionToken(baseURL());
    const question = questionFromId(questionIdBehind(token));
    if (!question.ok) throw new Error("lesson question does not generate");
    const wrong = question.question.options.find((option) => !question.question.answer.includes(option.id));
    const learner = client(baseURL());
    await learner.get("/");
    const reveal = {
      questionId: token,
      response: [],
      context: { kind: "lesson", slug: lesson.slug },
      reveal: true,
    };

    const early = await learner.post("/api/answers", reveal);
    expect(early.status).toBe(409);
    expect(await early.text()).not.toContain(question.question.explanation.summary);

    const answered = await learner.post("/api/answers", {
      ...reveal,
      reveal: undefined,
      response: [wrong?.id ?? "a"],
    });
    expect(answered.status).toBe(200);
    const [attempt] = queryDatabase<{ learnerId: string }>(
      inject("databaseUrl"),
      "SELECT learnerId FROM Attempt WHERE questionId = ? ORDER BY answeredAt DESC LIMIT 1",
      question.question.id,
    );
    const learnerId = attempt?.learnerId ?? "";
    const late = await learner.post("/api/answers", reveal);
    expect(late.status).toBe(200);
    await expect(late.json()).resolves.toMatchObject({
      revealed: true,
      solution: { key: question.question.answer },
    });

    // Another learner who has not answered gets nothing, even with the same (lesson-wide) id.
    const stranger = client(baseURL());
    await stranger.get("/");
    expect((await stranger.post("/api/answers", reveal)).status).toBe(409);

    // Ids served in any other context do not open here, not even for the learner they were served to.
    const otherScopes = [
      { kind: "review", skillId: question.question.concepts[0] ?? "A1", learnerId },
      { kind: "exam", sessionId: "6f1c1f6e-3f0a-4b1e-9a54-5a0b1c2d3e4f", learnerId },
      { kind: "practice", sessionId: "6f1c1f6e-3f0a-4b1e-9a54-5a0b1c2d3e4f", learnerId },
      { kind: "classroom", joinCode: "ABCDEF", learnerId },
    ] as const;
    for (const scope of otherScopes) {
      const sealed = shownIdFor("can-a-reach-c.7.1", scope);
      const refused = await learner.post("/api/answers", { ...reveal, questionId: sealed });
      expect(refused.status, scope.kind).toBe(404);
    }
  });

  it("3: a learner-chosen exam seed is refused", async () => {
    const learner = client(baseURL());
    await learner.get("/");
    const chosen = await learner.post("/exam/api", { action: "start", questionCount: 2, examSeed: 424242 });
    expect(chosen.status).toBe(400);
    await expect(chosen.json()).resolves.toMatchObject({
      error: expect.stringContaining("examSeed") as unknown,
    });
  });

  it("5: an empty, unknown or forged cookie gets a fresh learner (never a 500), HttpOnly, SameSite=Lax, Secure over HTTPS", async () => {
    for (const value of ["", "a", "l1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x".repeat(32)]) {
      for (const page of ["/review", "/progress", "/practice", "/exam"]) {
        const response = await fetch(new URL(page, baseURL()), {
          headers: { cookie: `reachable_learner=${value}` },
        });
        expect(response.status, `${page} with cookie "${value}"`).toBe(200);
        const set = response.headers.getSetCookie().find((line) => line.startsWith("reachable_learner="));
        expect(set, `${page} with cookie "${value}" is replaced`).toBeDefined();
        expect(set).not.toContain(`reachable_learner=${value};`);
        expect(set).toMatch(/HttpOnly/i);
        expect(set).toMatch(/SameSite=Lax/i);
        expect(set).not.toMatch(/Secure/i);
      }
    }
    const issued = client(baseURL());
    await issued.get("/");
    const kept = await issued.get("/review");
    expect(kept.headers.getSetCookie().some((line) => line.startsWith("reachable_learner="))).toBe(false);

    const https = await fetch(new URL("/", baseURL()), { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.getSetCookie().find((line) => line.startsWith("reachable_learner="))).toMatch(
      /;\s*Secure/i,
    );

    // In Chromium: a planted cookie is replaced, not adopted.
    const { context, page } = await newPage(browser, baseURL());
    await context.addCookies([{ name: "reachable_learner", value: "a", url: baseURL() }]);
    const response = await page.goto("/review");
    expect(response?.status()).toBe(200);
    const cookies = await context.cookies();
    const learnerCookie = cookies.find((cookie) => cookie.name === "reachable_learner");
    expect(learnerCookie?.value).not.toBe("a");
    expect(learnerCookie?.httpOnly).toBe(true);
    expect(learnerCookie?.sameSite).toBe("Lax");
    await context.close();
  });

  it("5: a state-changing request from another origin is refused with 403", async () => {
    const learner = client(baseURL());
    await learner.get("/");
    const foreign = await learner.post(
      "/api/review/cards",
      { skillId: "A1" },
      { origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    const sameSite = await learner.post("/api/review/undo", {}, { origin: new URL(baseURL()).origin });
    expect(sameSite.status).not.toBe(403);
  });

  it("6: cookieless GETs write no Learner row; the first write does", async () => {
    const before = learnerRows();
    for (let i = 0; i < 10; i += 1) {
      for (const page of [
        "/",
        "/lessons",
        `/lessons/${lesson.slug}`,
        "/practice",
        "/exam",
        "/review",
        "/progress",
        "/classroom",
      ]) {
        expect((await fetch(new URL(page, baseURL()))).status).toBe(200);
      }
    }
    expect(learnerRows()).toBe(before);
    const learner = client(baseURL());
    await learner.get("/");
    expect((await learner.post("/api/lessons/" + lesson.slug + "/read", {})).status).toBe(200);
    expect(learnerRows()).toBe(before + 1);
  });

  it("7: malformed %-encoding in any dynamic route gives 4xx with a logged line, never 500", async () => {
    const paths = [
      "/classroom/api/%ZZ",
      "/lessons/%ZZ",
      "/practice/%E0%A4%A",
      "/exam/%ZZ",
      "/classroom/%E0%A4%A",
      "/api/lessons/%ZZ/read",
    ];
    for (const target of paths) {
      for (const method of ["GET", "POST"]) {
        const response = await fetch(`${baseURL()}${target}`, { method });
        expect(response.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${target}`).toBeLessThan(500);
      }
    }
    await expect
      .poll(
        () =>
          logLines(path.join(inject("e2eDir"), "server.log")).some(
            (line) => line["event"] === "request.refused" && line["reason"] === "malformed-path-encoding",
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
  });

  it("structured log: one JSON line per request with method, path, status and duration, and no cookie value", async () => {
    const file = path.join(inject("e2eDir"), "server.log");
    const lessonsLines = () =>
      logLines(file).filter((entry) => entry["event"] === "request" && entry["path"] === "/lessons");
    const before = lessonsLines().length;
    const learner = client(baseURL());
    await learner.get("/lessons?probe=log-check");
    const token = learner.cookie() ?? "";
    // The line is written as the response finishes, maybe after the client has it: wait for it, not a fixed time.
    await expect.poll(() => lessonsLines().length, { timeout: 10_000 }).toBeGreaterThan(before);
    const line = lessonsLines().at(-1);
    expect(line).toMatchObject({ method: "GET", status: 200 });
    expect(typeof line?.["durationMs"]).toBe("number");
    expect(token.length).toBeGreaterThan(10);
    expect(fs.readFileSync(file, "utf8")).not.toContain(token);
    expect(fs.readFileSync(file, "utf8")).not.toContain("log-check");
  });

  describe("9: classroom limits", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({
        databaseUrl: inject("databaseUrl"),
        logFile: path.join(inject("e2eDir"), "classroom-limits-server.log"),
        env: {
          REACHABLE_CLASSROOM_MAX_PLAYERS: "2",
          REACHABLE_CLASSROOM_JOINS_PER_MINUTE: "6",
          REACHABLE_CLASSROOM_MISSES_PER_MINUTE: "5",
        },
      });
    });
    afterAll(async () => {
      await server.stop();
    });

    it("names differing only by invisible characters collide, the player cap holds, code probing is slowed to 429", async () => {
      const teacher = client(server.baseURL);
      await teacher.get("/");
      const created = await teacher.post("/classroom/api", {
        action: "create",
        families: ["can-a-reach-c"],
        difficulty: 1,
        questionCount: 1,
        secondsPerQuestion: 60,
      });
      expect(created.status).toBe(200);
      const { joinCode } = (await created.json()) as { joinCode: string };
      const join = async (name: string) => {
        const player = client(server.baseURL);
        await player.get("/");
        return {
          player,
          response: await player.post("/classroom/api", { action: "join", joinCode, displayName: name }),
        };
      };
      const ana = await join("Ana");
      expect(ana.response.status).toBe(200);
      expect((await join("A\u200bna")).response.status).toBe(409);
      expect((await join("Ben")).response.status).toBe(200);
      const full = await join("Cy");
      expect(full.response.status).toBe(409);
      await expect(full.response.json()).resolves.toMatchObject({
        error: expect.stringContaining("full") as unknown,
      });

      // The player's view carries a sealed question id once the teacher opens the question.
      expect((await teacher.post("/classroom/api", { action: "open", joinCode })).status).toBe(200);
      const view = (await (await ana.player.get(`/classroom/api/${joinCode}`)).json()) as {
        question: { id: string; options: { id: string }[] } | null;
      };
      expect(view.question?.id).toMatch(/^q_/);
      expect(view.question?.id).not.toMatch(PLAIN_ID);
      // A plain id is not accepted as an answer.
      const plain = await ana.player.post("/classroom/api", {
        action: "answer",
        joinCode,
        questionId: questionIdBehind(view.question?.id ?? ""),
        optionIds: ["a"],
      });
      expect(plain.status).toBe(409);
      // The sealed id it was shown is accepted, once.
      const sealed = await ana.player.post("/classroom/api", {
        action: "answer",
        joinCode,
        questionId: view.question?.id,
        optionIds: [view.question?.options[0]?.id ?? ""],
      });
      expect(sealed.status).toBe(200);

      const prober = client(server.baseURL);
      await prober.get("/");
      const statuses: number[] = [];
      for (const code of ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE", "FFFFFF", "GGGGGG", "HHHHHH"]) {
        statuses.push((await prober.get(`/classroom/api/${code}`)).status);
      }
      expect(statuses.slice(0, 5).every((status) => status === 404)).toBe(true);
      expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
      // Joining is limited too (the misses of this address already count against it).
      expect(
        (await prober.post("/classroom/api", { action: "join", joinCode, displayName: "Dee" })).status,
      ).toBe(429);
    });
  });

  it("fuzz: a few hundred malformed requests against the routes give no 5xx", async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        "%ZZ",
        "%E0%A4%A",
        "%",
        "%00",
        "..",
        "%2e%2e",
        "a".repeat(300),
        "ABCDEF",
        "vpc-peering",
        "6f1c1f6e-3f0a-4b1e-9a54-5a0b1c2d3e4f",
      ),
      fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text)),
    );
    const route = fc.oneof(
      fc.constantFrom(
        "/api/answers",
        "/practice/api",
        "/exam/api",
        "/classroom/api",
        "/api/review/answer",
        "/api/review/rate",
        "/api/review/cards",
        "/api/review/settings",
        "/api/review/fsrs-parameters",
        "/api/review/import",
        "/api/review/undo",
        "/api/health",
      ),
      segment.map((s) => `/classroom/api/${s}`),
      segment.map((s) => `/lessons/${s}`),
      segment.map((s) => `/practice/${s}`),
      segment.map((s) => `/exam/${s}`),
      segment.map((s) => `/classroom/${s}`),
      segment.map((s) => `/api/lessons/${s}/read`),
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 40 }),
      fc.json({ maxDepth: 3 }),
      fc.record(
        {
          action: fc.constantFrom("start", "answer", "join", "select", "create", "open", "next", "tick"),
          questionId: fc.oneof(
            fc.string({ maxLength: 130 }),
            fc.constant("q_AAAA"),
            fc.constant("can-a-reach-c.1.1"),
          ),
          sessionId: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })),
          joinCode: fc.string({ maxLength: 10 }),
          response: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
          optionIds: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
          displayName: fc.string({ maxLength: 60 }),
          context: fc.record({ kind: fc.constant("lesson"), slug: fc.string({ maxLength: 20 }) }),
          reveal: fc.boolean(),
          skillId: fc.string({ maxLength: 10 }),
        },
        { requiredKeys: [] },
      ),
    );
    const cookie = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom("", "a", "l1.", "%ZZ"),
      fc.string({ maxLength: 80 }).map(encodeURIComponent),
    );
    let requests = 0;
    const serverErrors: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH"),
        route,
        body,
        cookie,
        async (method, target, payload, cookieValue) => {
          requests += 1;
          const response = await fetch(`${baseURL()}${target}`, {
            method,
            headers: {
              ...(cookieValue === undefined ? {} : { cookie: `reachable_learner=${cookieValue}` }),
              ...(payload === undefined || method === "GET" ? {} : { "content-type": "application/json" }),
            },
            ...(payload === undefined || method === "GET"
              ? {}
              : { body: typeof payload === "string" ? payload : JSON.stringify(payload) }),
            redirect: "manual",
          });
          await response.arrayBuffer();
          if (response.status >= 500) serverErrors.push(`${method} ${target} -> ${response.status}`);
          return response.status < 500;
        },
      ),
      { numRuns: 300, seed: 16 },
    );
    process.stdout.write(
      `${JSON.stringify({ suite: "http-fuzz", requests, serverErrors: serverErrors.length })}\n`,
    );
    expect(serverErrors).toEqual([]);
  }, 240_000);
});
