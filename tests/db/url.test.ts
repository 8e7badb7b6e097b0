import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseUrl, sqliteFilePath } from "../../lib/db/url";

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
});
