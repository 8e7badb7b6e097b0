// lib/ has one direction: no module imports, directly or through others, a module that imports it back.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, importGraph } from "./import-graph";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("import cycles in lib/", () => {
  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(findCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(
      findCycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("has none (type-only imports count)", () => {
    const graph = importGraph(root, "lib");
    expect(graph.size).toBeGreaterThan(100);
    const cycles = findCycles(graph).map((c) => c.join(" -> "));
    expect(cycles, `import cycles:\n${cycles.join("\n")}`).toEqual([]);
  }, 120_000);
});
