// The database comparison for running past one machine (docs/bench.md, "Database engines evaluated"), kept runnable: the same workload through the app's
// own data layer (openDb, lib/db functions) on the embedded SQLite file and on a PostgreSQL server. Run with
//   npx tsx --import ./bench/server-only.mjs bench/db-engines.ts sqlite|postgres [postgresql://… server URL, default REACHABLE_TEST_POSTGRES_URL]
// and alternate the two in the same minute on a shared machine. One JSON line per run:
//   startMs          open the database and answer a first query (app start's share)
//   burst1000Ms      1,000 classroom answers as 40 batches of 25 rows (appendClassroomAnswers, the raw INSERT of a
//                    room answering)
//   attempts1000Ms   1,000 attempts as 10 createMany of 100
//   page50Ms         a learner's latest 50 attempts (the progress page's query), mean of 200
//   answersReadMs    the open question's 1,000 answers (what a server reads to catch up), mean of 50
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { appendClassroomAnswers, listClassroomAnswers } from "../lib/db/classroom";
import { openDb } from "../lib/db/client";

const kind = process.argv[2];
if (kind !== "sqlite" && kind !== "postgres") {
  console.error(
    "usage: npx tsx --import ./bench/server-only.mjs bench/db-engines.ts sqlite|postgres [server URL]",
  );
  process.exit(2);
}
// Each engine's own migrations: the SQLite history or its PostgreSQL twins (same names).
const migrations = path.join(
  import.meta.dirname,
  "..",
  "prisma",
  ...(kind === "postgres" ? ["postgres"] : []),
  "migrations",
);
const sql = fs
  .readdirSync(migrations)
  .filter((entry) => /^\d{14}_/.test(entry))
  .sort()
  .map((entry) => fs.readFileSync(path.join(migrations, entry, "migration.sql"), "utf8"))
  .join("\n");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-db-engines-"));
let url: string;
let drop = async () => {};
if (kind === "sqlite") {
  const file = path.join(dir, "bench.db");
  url = `file:${file}`;
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
} else {
  const server = process.argv[3] ?? process.env["REACHABLE_TEST_POSTGRES_URL"];
  if (!server) throw new Error("server URL: pass one or set REACHABLE_TEST_POSTGRES_URL");
  const name = `reachable_engines_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  await admin(`CREATE DATABASE "${name}"`);
  const target = new URL(server);
  target.pathname = `/${name}`;
  url = target.toString();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
  drop = () => admin(`DROP DATABASE "${name}" WITH (FORCE)`);
}

const t0 = performance.now();
const db = openDb(url);
await db.$queryRaw`SELECT 1`;
const startMs = performance.now() - t0;

const now = new Date();
await db.classroomGame.create({
  data: {
    joinCode: "BENCH1",
    teacherLearnerId: "t",
    machineVersion: 1,
    snapshot: "{}",
    config: "{}",
    status: "active",
    createdAt: now,
    updatedAt: now,
  },
});
const t1 = performance.now();
for (let batch = 0; batch < 40; batch += 1) {
  const rows = Array.from({ length: 25 }, (_, i) => ({
    questionIndex: 0,
    playerId: `p${batch * 25 + i}`,
    response: ["a"],
    answeredAt: now,
  }));
  await appendClassroomAnswers(db, "BENCH1", rows);
}
const burst1000Ms = performance.now() - t1;

for (let l = 0; l < 10; l += 1) await db.learner.create({ data: { id: `L${l}`, tokenHash: `h${l}` } });
const t2 = performance.now();
for (let b = 0; b < 10; b += 1)
  await db.attempt.createMany({
    data: Array.from({ length: 100 }, (_, i) => ({
      id: `a${b}-${i}`,
      learnerId: `L${i % 10}`,
      questionId: `q${i}`,
      family: "f",
      seed: i,
      difficulty: 1,
      response: "[]",
      correct: true,
      score: 1,
      durationMs: 5,
      context: "c",
      startedAt: new Date(now.getTime() + i),
      answeredAt: new Date(now.getTime() + i),
    })),
  });
const attempts1000Ms = performance.now() - t2;

const t3 = performance.now();
for (let r = 0; r < 200; r += 1)
  await db.attempt.findMany({
    where: { learnerId: `L${r % 10}` },
    orderBy: { answeredAt: "desc" },
    take: 50,
  });
const page50Ms = (performance.now() - t3) / 200;

const t4 = performance.now();
for (let r = 0; r < 50; r += 1) await listClassroomAnswers(db, "BENCH1", 0);
const answersReadMs = (performance.now() - t4) / 50;

const round = (ms: number) => Math.round(ms * 10) / 10;
console.log(
  JSON.stringify({
    engine: kind,
    startMs: round(startMs),
    burst1000Ms: round(burst1000Ms),
    attempts1000Ms: round(attempts1000Ms),
    page50Ms: round(page50Ms),
    answersReadMs: round(answersReadMs),
    rssMB: Math.round(process.memoryUsage().rss / 1e6),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  }),
);
await db.$disconnect();
await drop();
fs.rmSync(dir, { recursive: true, force: true });
