#!/usr/bin/env tsx
// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names, with the Prisma
// config of its engine: prisma.config.ts for the embedded SQLite file (the default), prisma.postgres.config.ts
// and the PostgreSQL twins for postgres:// or postgresql:// (README, "Past one machine").
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseEngine, databaseUrl } from "../lib/db/url";

const postgres = databaseEngine(databaseUrl(process.env)) === "postgres";
const config = postgres ? "prisma.postgres.config.ts" : "prisma.config.ts";
// On PostgreSQL, migrate deploy holds an advisory lock and gives up after 10 s: when several app servers start
// together, the ones that wait for the first one's migrations try again instead of failing to start.
const attempts = postgres ? 10 : 1;
for (let attempt = 1; ; attempt += 1) {
  const run = spawnSync(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "deploy", "--config", config],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  if (run.status === 0) process.exit(0);
  if (attempt >= attempts || !/advisory lock/.test(run.stdout + run.stderr)) process.exit(run.status ?? 1);
  console.error(
    `db:migrate: another server holds the migration lock; trying again (${attempt + 1}/${attempts})`,
  );
}
