// The data layer runs on the server only: a client component that imports it fails the build.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient, type Prisma as PostgresPrisma } from "./generated-pg/client";
import { postgresAdapter } from "./postgres-adapter";
import { databaseEngine, databaseUrl, ensureDatabaseDirectory } from "./url";

/**
 * The client every lib/db function takes, typed as the SQLite client (prisma/schema.prisma is the one source of
 * the data model). A PostgreSQL client is cast to it once, in openDb.
 */
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

/**
 * Opens a client on a DATABASE_URL through a driver adapter (no engine download): file: is the embedded SQLite
 * file (better-sqlite3), postgres:// or postgresql:// a PostgreSQL server shared by several app servers (pg).
 */
export function openDb(url: string): Db {
  if (databaseEngine(url) === "postgres") return postgresDb(postgresAdapter(url));
  ensureDatabaseDirectory(url);
  return new PrismaClient({ adapter: withPragmas(new PrismaBetterSQLite3({ url })) });
}

/** A PostgreSQL driver adapter factory, as the PostgreSQL client takes it. */
export type PostgresAdapterFactory = NonNullable<PostgresPrisma.PrismaClientOptions["adapter"]>;

/**
 * A PostgreSQL client, typed as Db. Prisma fixes the provider per generated client, so PostgreSQL has its own,
 * generated from prisma/postgres/schema.prisma, which scripts/derive-postgres-schema.ts derives from the SQLite
 * schema: the same models, fields and TypeScript types. Its API is a superset of the SQLite client's (e.g.
 * case-insensitive string filters), so every lib/db function written against Db runs on it: npm run
 * test:postgres runs the db and classroom suites through this one cast to prove it.
 */
export function postgresDb(adapter: PostgresAdapterFactory): Db {
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { reachableDb?: Db };

/** The process-wide client on DATABASE_URL (the embedded SQLite file by default). */
export function db(): Db {
  globalForDb.reachableDb ??= openDb(databaseUrl(process.env));
  return globalForDb.reachableDb;
}
