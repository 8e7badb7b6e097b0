import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../../lib/db/client";

const migrationsDir = path.resolve(import.meta.dirname, "..", "..", "..", "prisma", "migrations");

/** Migration folders in the order `prisma migrate deploy` applies them. */
export function migrationFolders(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort()
    .map((entry) => path.join(migrationsDir, entry));
}

/** A throwaway SQLite file with every committed migration applied, and a client on it. */
export function createTempDb(): { db: Db; file: string; dispose: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-db-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const folder of migrationFolders())
    raw.exec(fs.readFileSync(path.join(folder, "migration.sql"), "utf8"));
  raw.close();
  const db = openDb(`file:${file}`);
  return {
    db,
    file,
    dispose: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
