import { describe, expect, it } from "vitest";
import {
  cleanDisplayName,
  createJoinCode,
  displayNameKey,
  isDisplayNameValid,
  JOIN_CODE_ALPHABET,
  normalizeJoinCode,
} from "../../lib/quiz/join-code";
import { seededRng } from "./support/rng";

describe("join codes", () => {
  it("are six characters from the unambiguous alphabet, reproducible from the seed", () => {
    const code = createJoinCode(seededRng(5));
    expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(code).not.toMatch(/[01OIL]/);
    expect(createJoinCode(seededRng(5))).toBe(code);
    expect(createJoinCode(seededRng(6))).not.toBe(code);
  });

  it("compare without case or surrounding spaces", () => {
    expect(normalizeJoinCode(" abc234 ")).toBe("ABC234");
  });
});

describe("display names", () => {
  it("are cleaned and compared without case, width or spacing", () => {
    expect(cleanDisplayName("  Ana \t Lee ")).toBe("Ana Lee");
    expect(displayNameKey("ＡＮＡ")).toBe(displayNameKey("ana"));
    expect(isDisplayNameValid(" ")).toBe(false);
    expect(isDisplayNameValid("x".repeat(24))).toBe(true);
    expect(isDisplayNameValid("x".repeat(25))).toBe(false);
  });

  it.each([
    ["a zero-width space", "A\u200bna"],
    ["a zero-width joiner", "An\u200da"],
    ["a right-to-left override", "\u202eAna"],
    ["a soft hyphen", "A\u00adna"],
    ["a byte-order mark", "\ufeffAna"],
    ["a control character", "An\u0007a"],
  ])("treat a name with %s as the same name, shown without it", (_what, name) => {
    expect(cleanDisplayName(name)).toBe("Ana");
    expect(displayNameKey(name)).toBe(displayNameKey("ana"));
  });

  it("refuse a name made only of invisible characters", () => {
    expect(isDisplayNameValid("\u200b\u200c\u3164")).toBe(false);
  });
});
