import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm ci` refuses a lock file in which a package declares an optional dependency that has no entry of its
// own ("Missing: … from lock file"). @open-spaced-repetition/binding 0.5.0 declares eleven per-platform
// packages but only linux-x64-gnu exists at 0.5.0 on the registry, so `npm install` writes such a lock; the
// unresolvable ones were removed from its entry by hand. A fresh `npm install` of the binding puts them back:
// this test says so before `npm ci` fails on a new machine.

type LockEntry = { optionalDependencies?: Record<string, string> };

describe("package-lock.json", () => {
  it("has an entry for every optional dependency the FSRS binding declares", () => {
    const lock = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, "..", "..", "package-lock.json"), "utf8"),
    ) as {
      packages: Record<string, LockEntry>;
    };
    const binding = lock.packages["node_modules/@open-spaced-repetition/binding"];
    expect(binding).toBeDefined();
    const missing = Object.keys(binding?.optionalDependencies ?? {}).filter(
      (name) => lock.packages[`node_modules/${name}`] === undefined,
    );
    expect(missing).toEqual([]);
  });
});
