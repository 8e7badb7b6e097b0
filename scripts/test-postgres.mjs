#!/usr/bin/env node
// `npm run test:postgres`: the db and classroom tests again, against the PostgreSQL server named by
// REACHABLE_TEST_POSTGRES_URL (each temp database is a fresh database on it, migrated with the PostgreSQL twins).
// Without that variable it says so and passes: a fresh clone's `npm test` needs no server (test:unit ran the same
// tests on SQLite). .ci/run starts a server (scripts/postgres-for-tests.sh) and sets the variable, so CI runs both.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const report = path.join("test-results", "postgres.json");
if (!process.env.REACHABLE_TEST_POSTGRES_URL?.trim()) {
  // A report left by an earlier run would be read as this run's by scripts/test-summary.mjs.
  fs.rmSync(report, { force: true });
  console.log(
    'test:postgres skipped: REACHABLE_TEST_POSTGRES_URL is not set, so the db and classroom tests ran on SQLite only (eval "$(scripts/postgres-for-tests.sh)" starts a PostgreSQL server and sets it)',
  );
  process.exit(0);
}
const run = spawnSync(
  path.join("node_modules", ".bin", "vitest"),
  [
    "run",
    "--project",
    "unit",
    "tests/db",
    "tests/classroom",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ],
  { stdio: "inherit" },
);
process.exit(run.status ?? 1);
