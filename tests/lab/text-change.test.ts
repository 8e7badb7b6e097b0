import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textChange } from "@/lib/lab/text-change";

const apply = (before: string, change: ReturnType<typeof textChange>): string =>
  change ? before.slice(0, change.from) + change.insert + before.slice(change.to) : before;

describe("textChange", () => {
  it("spans only the lines an edit changed", () => {
    const before = "a: 1\nb: 2\nc: 3\n";
    expect(textChange(before, "a: 1\nb: 20\nc: 3\n")).toEqual({ from: 9, to: 9, insert: "0" });
    expect(textChange(before, "a: 1\nc: 3\n")).toEqual({ from: 5, to: 10, insert: "" });
    expect(textChange(before, before)).toBeUndefined();
  });

  it("turns any text into any other", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (common, x, y) => {
        const before = common + x + common;
        const after = common + y + common;
        expect(apply(before, textChange(before, after))).toBe(after);
        expect(apply(x, textChange(x, y))).toBe(y);
      }),
      { numRuns: 500 },
    );
  });
});
