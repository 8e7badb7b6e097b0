import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/course-files";

// A fresh clone must build, run and test on its own: reference material beside the repository (../shared) is
// for the authors, never an input. The check is textual, so a path to it cannot hide in any file the project runs.
const SCANNED = ["app", "lib", "tests", "scripts", "bin", "prisma", "bench", "content", "docs", "examples"];
const SKIPPED = new Set(["node_modules", "generated", ".next"]);
const TEXT = /\.(?:[cm]?[jt]sx?|json|ya?ml|mdx?|prisma|sql|css|sh)$/;
const OUTSIDE_REFERENCE = /\.\.\/shared\b|\bshared\/(?:spec|seeds|audits)\b|helper-notes\//;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return TEXT.test(name) ? [full] : [];
  });
}

describe("the repository stands on its own", () => {
  it("no project file points at ../shared or at helper notes", () => {
    const offenders = [
      ...SCANNED.flatMap((dir) => filesUnder(path.join(repoRoot, dir))),
      path.join(repoRoot, "README.md"),
    ]
      .filter((file) => file !== import.meta.filename)
      .filter((file) => OUTSIDE_REFERENCE.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });
});
