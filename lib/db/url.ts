import fs from "node:fs";
import path from "node:path";

/** Default embedded database: a git-ignored SQLite file under ./data/. */
export const DEFAULT_DATABASE_URL = "file:./data/reachable.db";

/** Reads DATABASE_URL once; an empty value means the embedded default. */
export function databaseUrl(env: Readonly<Record<string, string | undefined>>): string {
  const url = env["DATABASE_URL"]?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

export type DatabaseEngine = "sqlite" | "postgres";

/**
 * Which engine a DATABASE_URL opens: file: is the embedded SQLite file, postgres:// or postgresql:// a PostgreSQL
 * server shared by several app servers. Anything else is refused with the forms that are understood.
 */
export function databaseEngine(url: string): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  throw new Error(
    `DATABASE_URL: expected file:<path> (embedded SQLite) or postgresql://… (a PostgreSQL server), got "${url.split(":")[0] ?? ""}:…"`,
  );
}

/** The file path of a `file:` SQLite URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const raw = url.slice("file:".length).split("?")[0] ?? "";
  // The database lives outside the build output: tell Turbopack not to trace this path.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), raw);
}

/** SQLite will not create missing folders, so a fresh clone would fail on ./data/ without this. */
export function ensureDatabaseDirectory(url: string): void {
  const file = sqliteFilePath(url);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
}
