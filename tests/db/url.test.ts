import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseEngine, databaseUrl, sqliteFilePath } from "../../lib/db/url";

describe("database URL", () => {
  it("defaults to the embedded SQLite file under ./data when DATABASE_URL is unset or blank", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "  " })).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "file:/tmp/x.db" })).toBe("file:/tmp/x.db");
  });

  it("resolves file URLs against the working directory and ignores query strings", () => {
    expect(sqliteFilePath("file:./data/reachable.db")).toBe(path.resolve("data/reachable.db"));
    expect(sqliteFilePath("file:/tmp/a.db?mode=rw")).toBe("/tmp/a.db");
    expect(sqliteFilePath("postgresql://localhost/db")).toBeNull();
  });

  it("picks the engine from the scheme: file: is SQLite, postgres:// and postgresql:// a PostgreSQL server", () => {
    expect(databaseEngine(DEFAULT_DATABASE_URL)).toBe("sqlite");
    expect(databaseEngine("postgresql://app@db.internal:5432/reachable")).toBe("postgres");
    expect(databaseEngine("postgres://app@127.0.0.1/reachable")).toBe("postgres");
    expect(databaseEngine("POSTGRESQL://app@127.0.0.1/reachable")).toBe("postgres");
  });

  it("refuses any other URL, naming DATABASE_URL and the forms it understands", () => {
    expect(() => databaseEngine("mysql://root@localhost/db")).toThrow(
      /DATABASE_URL: expected file:.*postgresql/,
    );
    expect(() => databaseEngine("./data/reachable.db")).toThrow(/DATABASE_URL/);
  });
});
