#!/usr/bin/env tsx
// `npm run db:new-migration -- <name>`: writes the next migration of the one history, in lockstep for both
// engines: prisma/migrations/<timestamp>_<name>/ for SQLite and prisma/postgres/migrations/<timestamp>_<name>/ for
// PostgreSQL (README, "Past one machine"), each with the SQL and a copy of the schema it was written from.
// `prisma migrate dev` needs the downloaded schema engine, which this environment cannot fetch; `migrate diff`
// runs on the JavaScript engine. Diffing against the previous folder's schema copy avoids `--from-migrations`,
// which needs a shadow database the driver-adapter engine cannot provide.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { derivePostgresSchema, POSTGRES_SCHEMA, SOURCE_SCHEMA } from "./derive-postgres-schema";
import { migrationNames, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from "./postgres-migration-twins";

const prisma = path.join("node_modules", ".bin", "prisma");

function diff(latestSnapshot: string | null, schema: string): string {
  const from = latestSnapshot ? ["--from-schema-datamodel", latestSnapshot] : ["--from-empty"];
  return execFileSync(
    prisma,
    ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    // A diff of two schema files reads no database, but Prisma still opens prisma.config.ts's adapter: give it the
    // embedded default whatever DATABASE_URL names (a PostgreSQL URL would fail there).
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: "" } },
  );
}

const changes = (sql: string) => /\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql);

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "name: give the migration a snake_case name, e.g. npm run db:new-migration -- add_exam_sessions",
  );
  process.exit(2);
}
const names = migrationNames(SQLITE_MIGRATIONS);
const twins = migrationNames(POSTGRES_MIGRATIONS);
if (names.join() !== twins.join()) {
  console.error(
    `${POSTGRES_MIGRATIONS}: its folders differ from ${SQLITE_MIGRATIONS}'s; run npx tsx scripts/postgres-migration-twins.ts first`,
  );
  process.exit(1);
}
// The PostgreSQL schema follows the source schema before anything is diffed.
fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
fs.writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(fs.readFileSync(SOURCE_SCHEMA, "utf8")));
const latest = names.at(-1);
const snapshot = (dir: string) => (latest ? path.join(dir, latest, "schema.prisma") : null);
const sqlite = diff(snapshot(SQLITE_MIGRATIONS), SOURCE_SCHEMA);
const postgres = diff(snapshot(POSTGRES_MIGRATIONS), POSTGRES_SCHEMA);
if (!changes(sqlite) && !changes(postgres)) {
  console.error("schema: prisma/schema.prisma matches the committed migrations; nothing to write");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
// Both folders are written even when one engine has nothing to do (a PostgreSQL-only type change), so the two
// histories keep the same names.
for (const [dir, sql, schema, provider] of [
  [SQLITE_MIGRATIONS, sqlite, SOURCE_SCHEMA, "sqlite"],
  [POSTGRES_MIGRATIONS, postgres, POSTGRES_SCHEMA, "postgresql"],
] as const) {
  const folder = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, "migration.sql"),
    changes(sql) ? sql : "-- No change on this engine.\nSELECT 1;\n",
  );
  fs.copyFileSync(schema, path.join(folder, "schema.prisma"));
  if (!fs.existsSync(path.join(dir, "migration_lock.toml")))
    fs.writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
  console.log(`wrote ${path.join(folder, "migration.sql")}`);
}
// Keep both generated clients in step with the schemas the migrations were written from.
execFileSync(prisma, ["generate"], { stdio: "inherit" });
execFileSync(prisma, ["generate", "--config", "prisma.postgres.config.ts"], { stdio: "inherit" });
