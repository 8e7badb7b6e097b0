import { describe, expect, it } from "vitest";
import { cleanDisplayName, displayNameKey } from "../../lib/quiz/join-code";

describe("display names", () => {
  it("lose characters that draw nothing before names are compared", () => {
    for (const lookalike of [
      "A\u200bna",
      "\u200dAna",
      "An\u00ada",
      "A\u2060na",
      "\u202eAna",
      "Ana\ufeff",
      "A\u0000na",
      "Ａｎａ",
      " ana ",
    ]) {
      expect(displayNameKey(lookalike)).toBe(displayNameKey("Ana"));
    }
  });

  it("keep visible letters, accents and inner spaces", () => {
    expect(cleanDisplayName("  José   María ")).toBe("José María");
    expect(cleanDisplayName("\u200b\u200b")).toBe("");
  });
});
