#!/usr/bin/env tsx
// Writes the PostgreSQL twin of every SQLite migration that has none, under prisma/postgres/migrations/ with the
// same folder name, so that both engines share one migration history. Each SQLite folder keeps the schema it was
// written from; its twin is the diff between the derived PostgreSQL schemas of the previous folder and this one.
// The historical steps take today's `/// postgres:` types (scripts/derive-postgres-schema.ts), so the chain ends
// exactly at prisma/postgres/schema.prisma. New migrations get their twin from npm run db:new-migration.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivePostgresSchema, postgresAttributes, SOURCE_SCHEMA } from "./derive-postgres-schema";

export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");
export const POSTGRES_MIGRATIONS = path.join("prisma", "postgres", "migrations");

/** Migration folder names (timestamp_name) in the order `prisma migrate deploy` applies them. */
export function migrationNames(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((entry) => /^\d{14}_/.test(entry))
        .sort()
    : [];
}

/** The SQL that takes a PostgreSQL database from schema `from` (null: empty) to schema `to`. */
export function postgresDiff(from: string | null, to: string): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-pg-diff-"));
  try {
    const toFile = path.join(scratch, "to.prisma");
    fs.writeFileSync(toFile, to);
    const fromArgs =
      from === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(scratch, "from.prisma")];
    if (from !== null) fs.writeFileSync(path.join(scratch, "from.prisma"), from);
    return execFileSync(
      path.join("node_modules", ".bin", "prisma"),
      ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", toFile, "--script"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function main(): void {
  const annotations = postgresAttributes(fs.readFileSync(SOURCE_SCHEMA, "utf8"));
  let previous: string | null = null;
  for (const name of migrationNames(SQLITE_MIGRATIONS)) {
    const snapshot = fs.readFileSync(path.join(SQLITE_MIGRATIONS, name, "schema.prisma"), "utf8");
    const derived = derivePostgresSchema(snapshot, annotations);
    const twin = path.join(POSTGRES_MIGRATIONS, name);
    if (!fs.existsSync(twin)) {
      fs.mkdirSync(twin, { recursive: true });
      fs.writeFileSync(path.join(twin, "migration.sql"), postgresDiff(previous, derived));
      fs.writeFileSync(path.join(twin, "schema.prisma"), derived);
      console.log(`wrote ${path.join(twin, "migration.sql")}`);
    }
    previous = fs.readFileSync(path.join(twin, "schema.prisma"), "utf8");
  }
  const lock = path.join(POSTGRES_MIGRATIONS, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
