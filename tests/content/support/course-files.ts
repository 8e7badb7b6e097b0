import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The tests read the files; lib/content stays pure and receives names and texts.
export const repoRoot = path.resolve(import.meta.dirname, "..", "..", "..");
export const lessonsDir = path.join(repoRoot, "content", "lessons");
export const seedsDir = path.resolve(repoRoot, "..", "shared", "seeds");
export const conceptsMarkdownPath = path.resolve(repoRoot, "..", "shared", "spec", "concepts.md");

export function readLessonFiles(): { fileName: string; source: string }[] {
  return readdirSync(lessonsDir)
    .filter((fileName) => fileName.endsWith(".mdx"))
    .sort()
    .map((fileName) => ({ fileName, source: readFileSync(path.join(lessonsDir, fileName), "utf8") }));
}

export function readConceptsMarkdown(): string {
  return readFileSync(conceptsMarkdownPath, "utf8");
}

export function listSeedFiles(): string[] {
  return readdirSync(seedsDir).filter((fileName) => fileName.endsWith(".txt"));
}
