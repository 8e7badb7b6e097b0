import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleOptions, normalizeOptionText } from "../../lib/scenario/options";
import { createRng } from "../../lib/scenario/rng";

// The definition the duplicate-option check has always used; normalizeOptionText skips the replace when it
// would change nothing, and must agree with this on every string.
const reference = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, " ");

const whitespaceHeavy = fc.array(fc.constantFrom("a", "B", "→", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "x y", "É"), { maxLength: 12 }).map((parts) => parts.join(""));

describe("normalizeOptionText", () => {
  it("equals trim, lower-case and collapse-whitespace on any text", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), whitespaceHeavy), (text) => {
      expect(normalizeOptionText(text)).toBe(reference(text));
    }), { numRuns: 2000 });
  });

  it("collapses odd whitespace", () => {
    expect(normalizeOptionText("  No:\tthe  route\u00a0IS missing \n")).toBe("no: the route is missing");
  });
});

describe("assembleOptions", () => {
  it("rejects two options that differ only in case and whitespace", () => {
    const candidates = [
      { text: "Add a route", correct: true, why: "" },
      { text: "add  a\troute ", correct: false, why: "" },
    ];
    expect(() => assembleOptions(createRng(1), candidates)).toThrow(/duplicate option text/);
  });
});
