import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, startServer, type RunningServer } from "./support/server";

// Past one machine (README): two production servers (`next start` twice) on one PostgreSQL database play one
// game over the real protocol. The teacher runs it on server A; half the players join, listen and answer on A,
// half on B. A question opened on A must reach B's players (B hears A's NOTIFY and catches up from the
// database), and every answer acknowledged by either server must be graded once: in the reveal, in the report
// and in the stored attempts. Needs a PostgreSQL server: set REACHABLE_TEST_POSTGRES_URL (CI does;
// `eval "$(scripts/postgres-for-tests.sh)"` starts one locally); without it this file is skipped.

const adminUrl = process.env["REACHABLE_TEST_POSTGRES_URL"];
if (adminUrl === undefined)
  console.warn("classroom-servers e2e: skipped, REACHABLE_TEST_POSTGRES_URL is not set");

type Frame = { readonly type: string; readonly data: Record<string, unknown> };

/** A browser as far as the server can tell: a cookie jar on one server. */
function browserOn(baseURL: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const frames: Frame[] = [];
  const abort = new AbortController();
  return {
    frames,
    async post(url: string, body: unknown) {
      const response = await fetch(new URL(url, baseURL), {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookie() },
        body: JSON.stringify(body),
      });
      remember(response);
      return { status: response.status, data: (await response.json()) as Record<string, unknown> };
    },
    async get(url: string) {
      const response = await fetch(new URL(url, baseURL), { headers: { cookie: cookie() } });
      remember(response);
      return response;
    },
    /** Opens the game's event stream and keeps every frame in `frames`. */
    async listen(code: string) {
      const response = await fetch(new URL(`/classroom/api/${code}/events`, baseURL), {
        headers: { cookie: cookie() },
        signal: abort.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      void (async () => {
        try {
          for (;;) {
            const chunk = await reader?.read();
            if (!chunk || chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true });
            let end;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const type = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (type !== undefined && data !== undefined)
                frames.push({ type, data: JSON.parse(data) as Record<string, unknown> });
            }
          }
        } catch {
          // closed by stop()
        }
      })();
    },
    stop: () => abort.abort(),
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(adminUrl === undefined)("one classroom game on two app servers and one PostgreSQL", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-two-servers-"));
  const name = `reachable_e2e_${process.pid}`;
  let databaseUrl = "";
  let serverA: RunningServer | undefined;
  let serverB: RunningServer | undefined;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl ?? "");
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    // As `npm start` migrates (`npm run db:migrate`): the PostgreSQL twins of the migrations.
    execFileSync(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/db-migrate.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: "pipe",
    });
    [serverA, serverB] = await Promise.all([
      startServer({ databaseUrl, logFile: path.join(dir, "server-a.log") }),
      startServer({ databaseUrl, logFile: path.join(dir, "server-b.log") }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop()]);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("teacher on A, players on A and B: every answer is counted once in the reveal, the report and the attempts", async () => {
    const a = serverA?.baseURL ?? "";
    const b = serverB?.baseURL ?? "";
    const teacher = browserOn(a);
    await teacher.get("/classroom");
    const created = await teacher.post("/classroom/api", {
      action: "create",
      families: ["endpoint-choice"],
      difficulty: 1,
      questionCount: 2,
      secondsPerQuestion: 120,
    });
    expect(created.status).toBe(200);
    const code = String(created.data["joinCode"]);

    const players = ["Ana", "Ben", "Cy", "Dee", "Eli", "Flo"].map((displayName, index) => ({
      displayName,
      on: index % 2 === 0 ? "A" : "B",
      browser: browserOn(index % 2 === 0 ? a : b),
    }));
    for (const player of players) {
      await player.browser.get("/classroom/join");
      const joined = await player.browser.post("/classroom/api", {
        action: "join",
        joinCode: code,
        displayName: player.displayName,
      });
      expect(joined.status).toBe(200);
    }
    await teacher.listen(code);
    await Promise.all(players.map((player) => player.browser.listen(code)));
    // The teacher on A sees all six, three of whom joined on B.
    await until(() => {
      const sync = teacher.frames.find((frame) => frame.type === "sync");
      const joins = teacher.frames.filter((frame) => frame.type === "joined");
      const count = joins.at(-1)?.data["playerCount"] ?? sync?.data["playerCount"];
      return count === 6;
    }, "the teacher to count six players");

    const answer = async (player: (typeof players)[number], number: number, pick: number) => {
      const question = player.browser.frames.find(
        (frame) => frame.type === "question" && frame.data["questionNumber"] === number,
      );
      const options = (question?.data["options"] ?? []) as { id: string }[];
      return player.browser.post(`/classroom/api/${code}/answer`, {
        questionId: question?.data["id"],
        optionIds: [options[pick % options.length]?.id],
      });
    };
    const heard = (number: number) =>
      players.every((player) =>
        player.browser.frames.some(
          (frame) => frame.type === "question" && frame.data["questionNumber"] === number,
        ),
      );

    // Question 1: everyone answers, on both servers; the last answer closes it wherever it lands.
    expect((await teacher.post("/classroom/api", { action: "open", joinCode: code })).status).toBe(200);
    await until(() => heard(1), "question 1 on both servers");
    const acks1 = await Promise.all(players.map((player, index) => answer(player, 1, index)));
    expect(acks1.map((ack) => ack.status)).toEqual(players.map(() => 200));
    await until(
      () => players.every((player) => player.browser.frames.some((frame) => frame.type === "reveal")),
      "the reveal of question 1 on both servers",
    );
    const reveal1 = teacher.frames.find((frame) => frame.type === "reveal");
    const distribution1 = (reveal1?.data["distribution"] ?? []) as { count: number }[];
    expect(distribution1.reduce((sum, entry) => sum + entry.count, 0)).toBe(6);

    // Question 2: four answer (two per server), then the teacher closes it on A.
    expect((await teacher.post("/classroom/api", { action: "leaderboard", joinCode: code })).status).toBe(
      200,
    );
    expect((await teacher.post("/classroom/api", { action: "open", joinCode: code })).status).toBe(200);
    await until(() => heard(2), "question 2 on both servers");
    const answering = players.slice(0, 4);
    const acks2 = await Promise.all(answering.map((player, index) => answer(player, 2, index + 1)));
    expect(acks2.map((ack) => ack.status)).toEqual(answering.map(() => 200));
    const closed = await teacher.post("/classroom/api", { action: "close", joinCode: code });
    expect(closed.status).toBe(200);
    const reveal2 = closed.data["reveal"] as { distribution: { count: number }[] } | null;
    expect(reveal2?.distribution.reduce((sum, entry) => sum + entry.count, 0)).toBe(4);
    await until(
      () =>
        players.every(
          (player) => player.browser.frames.filter((frame) => frame.type === "reveal").length === 2,
        ),
      "the reveal of question 2 on both servers",
    );
    expect((await teacher.post("/classroom/api", { action: "finish", joinCode: code })).status).toBe(200);

    // The report, read on A and on B, and the stored attempts agree: 6 + 4 answers, each once.
    const csv = await (await teacher.get(`/classroom/api/${code}/report`)).text();
    const answeredBy = new Map(
      csv
        .split("\n")
        .map((line) => line.split(","))
        .filter((cells) => cells[0] === "player" && cells[4] === "(all)")
        .map((cells) => [cells[2], Number(cells[5])]),
    );
    expect(Object.fromEntries(answeredBy)).toEqual({ Ana: 2, Ben: 2, Cy: 2, Dee: 2, Eli: 1, Flo: 1 });
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ learnerId: string; questionId: string; n: number }>(
      'SELECT "learnerId", "questionId", COUNT(*)::int AS n FROM "Attempt" WHERE context = $1 GROUP BY 1, 2',
      [`classroom:${code}`],
    );
    await db.end();
    expect(rows.length).toBe(10);
    expect(rows.every((row) => row.n === 1)).toBe(true);

    teacher.stop();
    for (const player of players) player.browser.stop();
  }, 120_000);
});
