#!/usr/bin/env tsx
// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names, with the Prisma
// config of its engine: prisma.config.ts for the embedded SQLite file (the default), prisma.postgres.config.ts
// and the PostgreSQL twins for postgres:// or postgresql:// (README, "Past one machine").
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseEngine, databaseUrl } from "../lib/db/url";

const config =
  databaseEngine(databaseUrl(process.env)) === "postgres" ? "prisma.postgres.config.ts" : "prisma.config.ts";
const run = spawnSync(
  path.join("node_modules", ".bin", "prisma"),
  ["migrate", "deploy", "--config", config],
  {
    stdio: "inherit",
  },
);
process.exit(run.status ?? 1);
