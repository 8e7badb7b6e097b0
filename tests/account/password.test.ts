import { describe, expect, it } from "vitest";
import { DECOY_HASH, hashPassword, verifyPassword } from "../../lib/account/password";

// Small parameters keep the test fast; the format carries them, so verification reads them back.
const FAST = { log2N: 10, r: 8, p: 1 };

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery", FAST);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password", FAST),
      hashPassword("same password", FAST),
    ]);
    expect(a).not.toBe(b);
  });

  it("treats the same text in composed and decomposed Unicode as one password", async () => {
    const stored = await hashPassword("caf\u00e9 au lait", FAST);
    expect(await verifyPassword("cafe\u0301 au lait", stored)).toBe(true);
  });

  it("verifies nothing against a malformed hash or the decoy", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "scrypt$30$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("", DECOY_HASH)).toBe(false);
  });
});
