import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The tests read the files; lib/content stays pure and receives names and texts. Everything read here lives in
// the repository: the concept checklist and the rule catalogue are data under lib/content.
export const repoRoot = path.resolve(import.meta.dirname, "..", "..", "..");
export const lessonsDir = path.join(repoRoot, "content", "lessons");

export function readLessonFiles(): { fileName: string; source: string }[] {
  return readdirSync(lessonsDir)
    .filter((fileName) => fileName.endsWith(".mdx"))
    .sort()
    .map((fileName) => ({ fileName, source: readFileSync(path.join(lessonsDir, fileName), "utf8") }));
}
