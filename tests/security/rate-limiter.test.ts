import { describe, expect, it } from "vitest";
import { clientAddress, createRateLimiter } from "../../app/security/rate-limiter";

describe("rate limiter", () => {
  it("allows `limit` hits per window and refuses the next until the oldest leaves the window", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 10, 20].map((t) => limiter.hit("1.2.3.4", t))).toEqual([true, true, true]);
    expect(limiter.hit("1.2.3.4", 30)).toBe(false);
    expect(limiter.allows("1.2.3.4", 59_999)).toBe(false);
    expect(limiter.retryAfterMs("1.2.3.4", 30)).toBe(59_970);
    expect(limiter.hit("1.2.3.4", 60_000)).toBe(true);
  });

  it("counts each key on its own", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.hit("a", 0)).toBe(true);
    expect(limiter.hit("b", 0)).toBe(true);
    expect(limiter.hit("a", 1)).toBe(false);
  });

  it("keeps at most maxKeys keys, dropping the oldest", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 2 });
    limiter.hit("a", 0);
    limiter.hit("b", 0);
    limiter.hit("c", 0);
    expect(limiter.allows("a", 1)).toBe(true);
    expect(limiter.allows("c", 1)).toBe(false);
  });

  it("takes the client address from the first X-Forwarded-For entry", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.7, 127.0.0.1" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
