import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/api/health/route";

const holder = globalThis as unknown as { reachableDb?: unknown };

describe("/api/health", () => {
  afterEach(() => {
    delete holder.reachableDb;
    vi.restoreAllMocks();
  });

  it("answers 503 with a stable code when the database cannot be opened; the driver's text goes only to the log", async () => {
    holder.reachableDb = {
      $queryRaw: () =>
        Promise.reject(new Error("SQLITE_CANTOPEN: unable to open database file /srv/private/reachable.db")),
    };
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const response = await GET();
    const logged = write.mock.calls.map((call) => String(call[0])).join("");
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ ok: false, database: "unavailable", code: "database-unavailable" });
    expect(body).not.toContain("SQLITE");
    expect(body).not.toContain("/srv/private");
    expect(logged).toContain("SQLITE_CANTOPEN");
  });

  it("answers 200 when the round trip works", async () => {
    holder.reachableDb = { $queryRaw: () => Promise.resolve([{ 1: 1 }]) };
    const response = await GET();
    expect([response.status, await response.json()]).toEqual([200, { ok: true, database: "ok" }]);
  });
});
