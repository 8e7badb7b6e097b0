import Database from "better-sqlite3";
import { sqliteFilePath } from "../../../lib/db/url";

/** Reads the e2e server's SQLite file directly, to check what the real stack wrote. */
export function queryDatabase<T>(databaseUrl: string, sql: string, ...params: unknown[]): T[] {
  const file = sqliteFilePath(databaseUrl);
  if (!file) throw new Error(`not a file URL: ${databaseUrl}`);
  const database = new Database(file, { readonly: true });
  try {
    return database.prepare(sql).all(...params) as T[];
  } finally {
    database.close();
  }
}
