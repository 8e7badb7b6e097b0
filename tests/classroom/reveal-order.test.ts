import { describe, expect, it } from "vitest";
import { keyFirst } from "../../app/classroom/[code]/reveal-order";

const options = ["a", "b", "c", "d"].map((id) => ({ id, text: `option ${id}` }));

describe("keyFirst (uxr4 C1: the reveal lists the right option first)", () => {
  it("puts the one right option first and keeps each option's own index (its letter and shape)", () => {
    expect(keyFirst(options, ["d"]).map(({ option, index }) => [option.id, index])).toEqual([
      ["d", 3],
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
  });

  it("keeps several right options in their own order, then the others", () => {
    expect(keyFirst(options, ["c", "b"]).map(({ option }) => option.id)).toEqual(["b", "c", "a", "d"]);
  });

  it("leaves the order as it is when the first option is the answer, or when there is no key", () => {
    expect(keyFirst(options, ["a"]).map(({ option }) => option.id)).toEqual(["a", "b", "c", "d"]);
    expect(keyFirst(options, []).map(({ option }) => option.id)).toEqual(["a", "b", "c", "d"]);
  });
});
