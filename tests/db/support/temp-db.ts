import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDb, postgresDb, type Db } from "../../../lib/db/client";
import { postgresAdapter } from "../../../lib/db/postgres-adapter";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const sqliteMigrations = path.join(root, "prisma", "migrations");
const postgresMigrations = path.join(root, "prisma", "postgres", "migrations");

/**
 * A PostgreSQL server's URL (a role that may create databases): when set, createTempDb makes its databases there
 * instead of in SQLite files. `npm run test:postgres` runs tests/db and tests/classroom with it; .ci/run sets it
 * (scripts/postgres-for-tests.sh).
 */
export const TEST_POSTGRES_ENV = "REACHABLE_TEST_POSTGRES_URL";

export function testPostgresUrl(): string | null {
  return process.env[TEST_POSTGRES_ENV]?.trim() || null;
}

function folders(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort()
    .map((entry) => path.join(dir, entry));
}

/** SQLite migration folders in the order `prisma migrate deploy` applies them. */
export function migrationFolders(): string[] {
  return folders(sqliteMigrations);
}

/** Their PostgreSQL twins (same names), in the same order. */
export function postgresMigrationFolders(): string[] {
  return folders(postgresMigrations);
}

export type TempDb = {
  db: Db;
  engine: "sqlite" | "postgres";
  /** The database's URL: a file: URL, or a postgresql:// URL of a database made for this test. */
  url: string;
  dispose: () => Promise<void>;
};

function sqliteTempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reachable-db-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const folder of migrationFolders())
    raw.exec(fs.readFileSync(path.join(folder, "migration.sql"), "utf8"));
  raw.close();
  const url = `file:${file}`;
  const db = openDb(url);
  return {
    db,
    engine: "sqlite",
    url,
    dispose: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The SQL of every PostgreSQL migration twin, in order. */
export function postgresMigrationsSql(): string {
  return postgresMigrationFolders()
    .map((folder) => fs.readFileSync(path.join(folder, "migration.sql"), "utf8"))
    .join("\n");
}

/**
 * A fresh database on the server (same role and host, a new name) and how to drop it. `migrate` applies every
 * PostgreSQL migration twin when it is created.
 */
export function postgresTempDatabase(
  serverUrl: string,
  { migrate = true }: { readonly migrate?: boolean } = {},
): { url: string; create: () => Promise<void>; drop: () => Promise<void> } {
  const name = `reachable_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let created: Promise<void> | undefined;
  return {
    url: url.toString(),
    create: () =>
      (created ??= (async () => {
        await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
        if (migrate) await withClient(url.toString(), (client) => client.query(postgresMigrationsSql()));
      })()),
    drop: async () => {
      if (created === undefined) return;
      await created.catch(() => undefined);
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * A fresh database on the PostgreSQL server, made when the client first connects: callers make their temp
 * database synchronously (at module level or in beforeEach), and Prisma connects lazily anyway.
 */
function postgresTempDb(serverUrl: string): TempDb {
  const database = postgresTempDatabase(serverUrl);
  const inner = postgresAdapter(database.url);
  const db = postgresDb({
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      await database.create();
      return inner.connect();
    },
  });
  return {
    db,
    engine: "postgres",
    url: database.url,
    dispose: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/**
 * A throwaway database with every committed migration applied, and a client on it: a SQLite file, or a fresh
 * database on the PostgreSQL server named by REACHABLE_TEST_POSTGRES_URL.
 */
export function createTempDb(): TempDb {
  const serverUrl = testPostgresUrl();
  return serverUrl ? postgresTempDb(serverUrl) : sqliteTempDb();
}
