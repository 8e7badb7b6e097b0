import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleOptions, isSameOptionText, normalizeOptionText } from "../../lib/scenario/options";
import { createRng } from "../../lib/scenario/rng";

// The definition the duplicate-option check has always used; normalizeOptionText skips the replace when it
// would change nothing, and must agree with this on every string.
const reference = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, " ");

const whitespaceHeavy = fc
  .array(fc.constantFrom("a", "B", "→", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "x y", "É"), {
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

describe("normalizeOptionText", () => {
  it("equals trim, lower-case and collapse-whitespace on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), whitespaceHeavy), (text) => {
        expect(normalizeOptionText(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("collapses odd whitespace", () => {
    expect(normalizeOptionText("  No:\tthe  route\u00a0IS missing \n")).toBe("no: the route is missing");
  });
});

// A text and a variant of it that normalizes the same or nearly the same (case, spacing, one changed character).
const variantPair = fc
  .tuple(
    fc.oneof(whitespaceHeavy, fc.string({ maxLength: 30 })),
    fc.nat(),
    fc.constantFrom("upper", "pad", "double-space", "tab", "change", "append", "prepend-space"),
  )
  .map(([text, at, how]): [string, string] => {
    const i = text.length === 0 ? 0 : at % text.length;
    switch (how) {
      case "upper":
        return [text, text.toUpperCase()];
      case "pad":
        return [text, ` ${text}\t`];
      case "double-space":
        return [text, text.replace(" ", "  ")];
      case "tab":
        return [text, text.replace(" ", "\t")];
      case "change":
        return [text, `${text.slice(0, i)}z${text.slice(i + 1)}`];
      case "append":
        return [text, `${text} x`];
      default:
        return [text, ` ${text}`];
    }
  });

describe("isSameOptionText", () => {
  it("agrees with comparing the normalized texts", () => {
    const agrees = ([a, b]: [string, string]) => {
      expect(isSameOptionText(a, b)).toBe(reference(a) === reference(b));
      expect(isSameOptionText(b, a)).toBe(reference(a) === reference(b));
    };
    fc.assert(fc.property(variantPair, agrees), { numRuns: 3000 });
    fc.assert(
      fc.property(
        fc.tuple(fc.oneof(fc.string(), whitespaceHeavy), fc.oneof(fc.string(), whitespaceHeavy)),
        agrees,
      ),
      { numRuns: 3000 },
    );
  });

  it("tells real option texts apart and matches case and spacing variants", () => {
    expect(
      isSameOptionText(
        "No: route table rtb-1 has no route",
        "No: route table rtb-1 has no route to 10.0.0.0/16",
      ),
    ).toBe(false);
    expect(isSameOptionText("Route ::/0 → eigw-1", "route ::/0  →  EIGW-1 ")).toBe(true);
    expect(isSameOptionText("ab", "ab ")).toBe(true);
    expect(isSameOptionText("", " ")).toBe(true);
    expect(isSameOptionText("a b", "a  c")).toBe(false);
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
