import { describe, expect, it } from "vitest";
import {
  hasLegacyLearnerTokenFormat,
  isSignedLearnerToken,
  mintLearnerToken,
} from "../../app/security/learner-token";
import { deriveKeys } from "../../app/security/server-secret";

const keys = deriveKeys("a test secret that is long enough for the check");

describe("learner tokens", () => {
  it("are minted fresh each time and recognised by the server that minted them", () => {
    const a = mintLearnerToken(keys);
    const b = mintLearnerToken(keys);
    expect(a).not.toBe(b);
    expect(isSignedLearnerToken(a, keys)).toBe(true);
  });

  it("refuse values the server did not mint: empty, short, guessed, edited, or from another secret", () => {
    const token = mintLearnerToken(keys);
    // A character inside the token: the last base64url character carries 2 padding bits that decoding drops,
    // so editing it can leave the bytes (and the MAC) unchanged.
    const edited = token.slice(0, 8) + (token[8] === "A" ? "B" : "A") + token.slice(9);
    for (const forged of [
      "",
      "a",
      "l1.",
      `l1.${"A".repeat(43)}`,
      edited,
      mintLearnerToken(deriveKeys("x".repeat(40))),
    ]) {
      expect(isSignedLearnerToken(forged, keys)).toBe(false);
    }
  });

  it("know the unsigned formats of the first releases (kept only when their learner row exists)", () => {
    expect(
      hasLegacyLearnerTokenFormat(`${crypto.randomUUID()}${crypto.randomUUID().replaceAll("-", "")}`),
    ).toBe(true);
    expect(hasLegacyLearnerTokenFormat("A".repeat(32))).toBe(true);
    expect(hasLegacyLearnerTokenFormat("a")).toBe(false);
    expect(hasLegacyLearnerTokenFormat(mintLearnerToken(keys))).toBe(false);
  });
});
