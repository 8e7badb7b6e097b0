// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseUrl, ensureDatabaseDirectory } from "./url";

export type Db = PrismaClient;

/**
 * Write-ahead logging with synchronous=NORMAL. In WAL mode readers do not wait for the writer and a
 * commit appends to the log instead of rewriting pages behind a rollback journal; NORMAL skips the fsync at each
 * commit (the log is synced at checkpoints). A power cut can lose the last commits but never corrupts the file,
 * which is the right trade for answers and reviews, and each write stops blocking the event loop for a sync.
 * busy_timeout lets a second process (a migration, a test reading the file) wait instead of failing.
 */
export const SQLITE_PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

type AdapterFactory = PrismaBetterSQLite3;

/** The better-sqlite3 adapter with the pragmas applied to every connection it opens. */
function withPragmas(factory: AdapterFactory): AdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  };
  return factory;
}

/** Opens a client on a SQLite URL through the better-sqlite3 driver adapter (no engine download). */
export function openDb(url: string): Db {
  ensureDatabaseDirectory(url);
  return new PrismaClient({ adapter: withPragmas(new PrismaBetterSQLite3({ url })) });
}

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { reachableDb?: Db };

/** The process-wide client on DATABASE_URL (the embedded SQLite file by default). */
export function db(): Db {
  globalForDb.reachableDb ??= openDb(databaseUrl(process.env));
  return globalForDb.reachableDb;
}
