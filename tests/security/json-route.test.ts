import { describe, expect, it, vi } from "vitest";
import { INTERNAL_ERROR_CODE, jsonRoute, refuse, replyWith } from "../../app/http/json-route";

describe("JSON routes", () => {
  it("answer a bug with 500 and a stable code, no message or stack; the detail goes to the log", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const route = jsonRoute(() => Promise.reject(new Error("SQLITE_CANTOPEN: /secret/path/reachable.db")));
    const response = await route(new Request("http://localhost/api/x", { method: "POST" }));
    const logged = String(write.mock.calls[0]?.[0]);
    write.mockRestore();
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ code: INTERNAL_ERROR_CODE });
    expect(body).not.toContain("SQLITE");
    expect(body).not.toContain("/secret");
    expect(JSON.parse(logged)).toMatchObject({ event: "route.error", path: "/api/x" });
    expect(logged).toContain("SQLITE_CANTOPEN");
  });

  it("turn an outcome into 200 with the value or the status with the field-named error", async () => {
    const ok = replyWith({ ok: true, value: { a: 1 } });
    expect([ok.status, await ok.json()]).toEqual([200, { a: 1 }]);
    const refused = replyWith(refuse(409, "questionId: not yours"));
    expect([refused.status, await refused.json()]).toEqual([409, { error: "questionId: not yours" }]);
  });
});
