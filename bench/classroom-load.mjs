// The classroom suite of `npm run bench`: one room of N players against the production server (`next start` on
// the last `npm run build`) on a fresh, migrated SQLite file, each player a concurrent client speaking the real
// protocol: POST join (gets its learner cookie), open the Server-Sent Events stream, and answer each question
// once with the sealed id the stream delivered (POST /classroom/api/<code>/answer, as the player's page does). A bench teacher creates the game, opens each question, and
// moves on when the question closes (everyone answered) to the leaderboard and the next one.
//   ackP95Ms        POST answer → 200, p95 over every answer (the answer is on disk when it is acknowledged)
//   broadcastP95Ms  teacher's POST open sent → the "question" event read by a player, p95 over players×questions
//   lost            acknowledged answers missing from the Attempt rows of the game
//   doubleCounted   (player, question) pairs stored more than once
//   errors          non-2xx replies, dropped streams, players that never saw a question or their result
// Players answer after a human-like pause drawn uniformly from [0, ANSWER_SPREAD_MS] once the question arrives.
// With --postgres <url> (a PostgreSQL server; the bench creates and drops a database of its own on it) each size
// is also played by two app servers on that database (README, "Past one machine"): the teacher on server A, the
// players alternately on A and B, so every question opened on A reaches half the room through B's LISTEN/NOTIFY
// catch-up and half the answers reach A's grading from B's rows. The single-server SQLite room and the
// two-server room alternate per size, so both are measured in the same minutes of this shared machine.
// Usage: node bench/classroom-load.mjs [--json] [--players 100,500,1000] [--questions 3] [--postgres <url>]
import { execFileSync, spawn } from "node:child_process";
import { setMaxListeners } from "node:events";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

/* global fetch, setTimeout, AbortController, performance, Buffer */

const root = process.cwd();
const json = process.argv.includes("--json");
const valueOf = (flag) => {
  const i = process.argv.lastIndexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
};
const SIZES = (valueOf("--players") ?? "100,500,1000").split(",").map(Number);
const QUESTIONS = Number(valueOf("--questions") ?? 3);
const ANSWER_SPREAD_MS = Number(valueOf("--answer-spread-ms") ?? 3000);
const POSTGRES_URL = valueOf("--postgres");
const JOIN_CONCURRENCY = 50;
const EVENT_TIMEOUT_MS = 300_000;

/**
 * CPU time (ms) used so far by every process in the server's process group, from /proc (Linux). On a shared
 * machine latencies depend on what else runs; CPU per request does not, so it is printed beside them.
 */
function groupCpuMs(pgid) {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const round1 = (ms) => (ms === null ? null : Math.round(ms * 10) / 10);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function startServer(databaseUrl, logFile) {
  const port = await freePort();
  const log = fs.openSync(logFile, "a");
  // --server-node-args "--cpu-prof --cpu-prof-dir=/tmp/x" profiles the server (node options it cannot take from NODE_OPTIONS).
  const nodeArgs = (valueOf("--server-node-args") ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      path.join(root, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        // One address plays every player here, so the per-address brakes are opened for the bench.
        REACHABLE_CLASSROOM_JOINS_PER_MINUTE: "1000000",
        REACHABLE_CLASSROOM_MISSES_PER_MINUTE: "1000000",
        REACHABLE_CLASSROOM_MAX_PLAYERS: "10000",
      },
      stdio: ["ignore", log, log],
      detached: true,
    },
  );
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, child };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error("the production server did not start within 90 s");
}

// The players speak plain node:http on one keep-alive agent, not fetch: undici's fetch and web streams cost the
// load generator about a millisecond of CPU per request and per stream chunk, and the generator shares the 2
// cores with the server it measures, so a heavier client made the server look slower than it is.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * One HTTP request; resolves with the status, the Set-Cookie lines and the body text. A kept-alive socket that the
 * server closed as idle just as it was reused is reset before the request was read: that request is sent again
 * once on a fresh socket (the pattern Node's documentation gives for `reusedSocket`), as browsers and fetch do.
 */
function request(baseURL, method, url, headers, body, retried = false) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseURL}${url}`, { method, headers, agent }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        text += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, setCookie: response.headers["set-cookie"] ?? [], text }),
      );
      response.on("error", reject);
    });
    req.on("error", (error) => {
      if (!retried && req.reusedSocket && error.code === "ECONNRESET")
        request(baseURL, method, url, headers, body, true).then(resolve, reject);
      else reject(error);
    });
    req.end(body);
  });
}

/** A client with its own cookie jar (one learner). */
function client(baseURL) {
  const jar = new Map();
  const remember = (setCookie) => {
    for (const line of setCookie) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  return {
    cookie,
    async post(body, url = "/classroom/api") {
      const text = JSON.stringify(body);
      const response = await request(
        baseURL,
        "POST",
        url,
        { "content-type": "application/json", "content-length": Buffer.byteLength(text), cookie: cookie() },
        text,
      );
      remember(response.setCookie);
      let data = null;
      try {
        data = JSON.parse(response.text);
      } catch {
        data = { error: response.text.slice(0, 200) };
      }
      return { status: response.status, data };
    },
    async get(url) {
      const response = await request(baseURL, "GET", url, { cookie: cookie() });
      remember(response.setCookie);
      return response.status;
    },
  };
}

/** Reads an SSE stream, calling onEvent(type, data, id) for each event until the signal aborts it. */
function listen(baseURL, player, code, onEvent, signal) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${baseURL}/classroom/api/${code}/events`,
      { headers: { cookie: player.cookie(), accept: "text/event-stream" }, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`events: HTTP ${response.statusCode}`));
          return;
        }
        response.setEncoding("utf8");
        let buffer = "";
        response.on("data", (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let type = "message";
            let data = "";
            let id = null;
            for (const line of block.split("\n")) {
              if (line.startsWith("event: ")) type = line.slice(7);
              else if (line.startsWith("data: ")) data += line.slice(6);
              else if (line.startsWith("id: ")) id = line.slice(4);
            }
            if (data !== "") onEvent(type, JSON.parse(data), id);
          }
        });
        response.on("end", resolve);
        response.on("error", (error) => (signal.aborted ? resolve() : reject(error)));
      },
    );
    req.on("error", (error) => (signal.aborted ? resolve() : reject(error)));
    signal.addEventListener("abort", () => req.destroy(), { once: true });
  });
}

async function inBatches(items, size, task) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

function waitFor(predicate, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(check, 20);
    };
    check();
  });
}

/** The graded answers of a game: one Attempt row per (player, question), from SQLite or PostgreSQL. */
async function storedAttempts(database, code) {
  if (database.file !== undefined) {
    const sqlite = new Database(database.file, { readonly: true });
    const rows = sqlite
      .prepare(
        "SELECT learnerId, questionId, COUNT(*) AS n FROM Attempt WHERE context = ? GROUP BY learnerId, questionId",
      )
      .all(`classroom:${code}`);
    sqlite.close();
    return rows;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT "learnerId", "questionId", COUNT(*)::int AS n FROM "Attempt" WHERE context = $1 GROUP BY 1, 2',
      [`classroom:${code}`],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * One room on `servers` (one or two base URLs on one database): the teacher on the first, player i on server
 * i mod N.
 */
async function runRoom(servers, database, playerCount) {
  const errors = [];
  const cpuOf = () => servers.reduce((sum, server) => sum + groupCpuMs(server.pgid), 0);
  const baseURL = servers[0].baseURL;
  const cpuBefore = cpuOf();
  const clientBefore = process.cpuUsage();
  let requests = 0;
  const teacher = client(baseURL);
  await teacher.get("/classroom");
  const created = await teacher.post({
    action: "create",
    families: ["endpoint-choice"],
    difficulty: 1,
    questionCount: QUESTIONS,
    secondsPerQuestion: 120,
    gameSeed: 4242 + playerCount,
  });
  if (created.status !== 200) throw new Error(`create: ${created.status} ${JSON.stringify(created.data)}`);
  const code = created.data.joinCode;

  const players = Array.from({ length: playerCount }, (_, index) => ({
    index,
    baseURL: servers[index % servers.length].baseURL,
    http: client(servers[index % servers.length].baseURL),
    questions: new Map(), // questionNumber → { id, options, at }
    results: 0,
    acked: [], // sealed ids acknowledged
  }));
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per player's stream
  let openSentAt = new Map(); // questionNumber → ms
  const broadcast = [];
  const acks = [];
  const joins = [];

  await inBatches(players, JOIN_CONCURRENCY, async (player) => {
    const started = performance.now();
    requests += 1;
    const joined = await player.http.post({
      action: "join",
      joinCode: code,
      displayName: `Player ${player.index + 1}`,
    });
    joins.push(performance.now() - started);
    if (joined.status !== 200) errors.push(`join ${joined.status}: ${joined.data?.error}`);
  });

  let connected = 0;
  const streams = players.map((player) =>
    listen(
      player.baseURL,
      player.http,
      code,
      (type, data) => {
        if (type === "sync") connected += 1;
        if (type === "question") {
          const at = performance.now();
          player.questions.set(data.questionNumber, { id: data.id, options: data.options });
          const sent = openSentAt.get(data.questionNumber);
          if (sent !== undefined) broadcast.push(at - sent);
          // A pause like a person reading, then one answer.
          setTimeout(async () => {
            const option = data.options[(player.index + data.questionNumber) % data.options.length];
            const started = performance.now();
            requests += 1;
            try {
              const answered = await player.http.post(
                { questionId: data.id, optionIds: [option.id] },
                `/classroom/api/${code}/answer`,
              );
              acks.push(performance.now() - started);
              if (answered.status === 200) player.acked.push(data.questionNumber);
              else errors.push(`answer ${answered.status}: ${answered.data?.error}`);
            } catch (error) {
              errors.push(`answer: ${error.message}`);
            }
          }, Math.random() * ANSWER_SPREAD_MS);
        }
        if (type === "result") player.results += 1;
      },
      abort.signal,
    ).catch((error) => {
      if (!abort.signal.aborted) errors.push(`stream: ${error.message}`);
    }),
  );
  await waitFor(
    () => connected === playerCount || errors.length > 0,
    EVENT_TIMEOUT_MS,
    "every stream to connect",
  );

  // Server CPU while the questions are played (opens, answers, reveals), apart from the joins before them.
  const playCpuBefore = cpuOf();
  const answerCountBefore = requests;
  for (let number = 1; number <= QUESTIONS; number += 1) {
    openSentAt.set(number, performance.now());
    const opened = await teacher.post({ action: "open", joinCode: code });
    if (opened.status !== 200) {
      errors.push(`open ${opened.status}: ${opened.data?.error}`);
      break;
    }
    // Everyone answers, so the server closes the question early; every player then has its result.
    try {
      await waitFor(
        () => players.every((player) => player.results >= number),
        EVENT_TIMEOUT_MS,
        `results of question ${number}`,
      );
    } catch (error) {
      errors.push(error.message);
      break;
    }
    const shown = await teacher.post({ action: "leaderboard", joinCode: code });
    if (shown.status !== 200) errors.push(`leaderboard ${shown.status}: ${shown.data?.error}`);
  }
  const playCpuMs = cpuOf() - playCpuBefore;
  const answersSent = requests - answerCountBefore;
  await teacher.post({ action: "finish", joinCode: code });
  const serverCpuMs = cpuOf() - cpuBefore;
  const clientCpu = process.cpuUsage(clientBefore);
  abort.abort();
  await Promise.allSettled(streams);

  const missingQuestions = players.reduce((sum, player) => sum + (QUESTIONS - player.questions.size), 0);
  if (missingQuestions > 0) errors.push(`${missingQuestions} question events never arrived`);

  const rows = await storedAttempts(database, code);
  const stored = rows.reduce((sum, row) => sum + row.n, 0);
  const doubleCounted = rows.filter((row) => row.n > 1).length;
  const ackedCount = players.reduce((sum, player) => sum + player.acked.length, 0);
  const lost = Math.max(0, ackedCount - rows.length);
  return {
    suite: "classroom",
    servers: servers.length,
    database: database.file === undefined ? "postgresql" : "sqlite",
    players: playerCount,
    questions: QUESTIONS,
    ackP50Ms: round1(percentile(acks, 50)),
    ackP95Ms: round1(percentile(acks, 95)),
    broadcastP50Ms: round1(percentile(broadcast, 50)),
    broadcastP95Ms: round1(percentile(broadcast, 95)),
    joinP95Ms: round1(percentile(joins, 95)),
    answersAcked: ackedCount,
    answersStored: stored,
    lost,
    doubleCounted,
    errors: errors.length,
    firstError: errors[0] ?? null,
    answerSpreadMs: ANSWER_SPREAD_MS,
    /** Server CPU for the whole room (joins, streams, answers, teacher steps) per join-or-answer request. */
    serverCpuMsPerRequest: requests === 0 ? null : round1(serverCpuMs / requests),
    /** The load generator's own CPU for the room (it runs on the same cores as the server). */
    clientCpuMs: Math.round((clientCpu.user + clientCpu.system) / 1000),
    serverCpuMs,
    /** Server CPU while questions are played (open, answers, close, reveal, leaderboard) per answer sent. */
    playCpuMsPerAnswer: answersSent === 0 ? null : round1(playCpuMs / answersSent),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    cpus: os.cpus().length,
  };
}

/** Applies every migration to a database (SQLite file or PostgreSQL) as `npm start` does (`npm run db:migrate`). */
function migrate(databaseUrl) {
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/db-migrate.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

/** A fresh database on the PostgreSQL server of `url`, dropped again by the returned function. */
async function scratchPostgres(url) {
  const name = `reachable_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

function print(line) {
  if (json) process.stdout.write(`${JSON.stringify(line)}\n`);
  else
    process.stdout.write(
      `classroom ${line.players} players, ${line.servers} server(s) on ${line.database}: ack p50/p95 ${line.ackP50Ms}/${line.ackP95Ms} ms, question broadcast p50/p95 ` +
        `${line.broadcastP50Ms}/${line.broadcastP95Ms} ms, lost ${line.lost}, double-counted ${line.doubleCounted}, ` +
        `errors ${line.errors}${line.firstError ? ` (${line.firstError})` : ""}, server CPU ${line.serverCpuMsPerRequest} ms ` +
        `per request, load ${line.loadAverage.join(" ")}\n`,
    );
}

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    process.stderr.write("classroom suite skipped: no production build (run `npm run build` first)\n");
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-bench-classroom-"));
  const file = path.join(dir, "bench.db");
  const databaseUrl = `file:${file}`;
  migrate(databaseUrl);
  const started = [];
  let postgres = null;
  try {
    const single = await startServer(databaseUrl, path.join(dir, "server.log"));
    started.push(single.child);
    const sqliteRoom = { servers: [{ baseURL: single.baseURL, pgid: single.child.pid }], database: { file } };
    let postgresRoom = null;
    if (POSTGRES_URL !== undefined) {
      postgres = await scratchPostgres(POSTGRES_URL);
      migrate(postgres.url);
      const pair = [];
      for (const name of ["a", "b"]) {
        const server = await startServer(postgres.url, path.join(dir, `server-${name}.log`));
        started.push(server.child);
        pair.push({ baseURL: server.baseURL, pgid: server.child.pid });
      }
      postgresRoom = { servers: pair, database: { url: postgres.url } };
    }
    for (const size of SIZES) {
      print(await runRoom(sqliteRoom.servers, sqliteRoom.database, size));
      if (postgresRoom !== null) print(await runRoom(postgresRoom.servers, postgresRoom.database, size));
    }
  } finally {
    for (const child of started) if (child.pid) process.kill(-child.pid, "SIGTERM");
    await sleep(500);
    if (postgres !== null) await postgres.drop().catch(() => undefined);
    if (process.argv.includes("--keep")) process.stderr.write(`kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
