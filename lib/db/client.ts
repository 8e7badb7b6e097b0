// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseUrl, ensureDatabaseDirectory } from "./url";

export type Db = PrismaClient;

/** Opens a client on a SQLite URL through the better-sqlite3 driver adapter (no engine download). */
export function openDb(url: string): Db {
  ensureDatabaseDirectory(url);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { reachableDb?: Db };

/** The process-wide client on DATABASE_URL (the embedded SQLite file by default). */
export function db(): Db {
  globalForDb.reachableDb ??= openDb(databaseUrl(process.env));
  return globalForDb.reachableDb;
}
