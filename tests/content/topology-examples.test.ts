import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLessons } from "../../lib/content/lessons";
import { parseTopologyText, validate } from "../../lib/net";

const root = path.resolve(import.meta.dirname, "..", "..");
const lessonsDir = path.join(root, "content", "lessons");

function examplesUsedByLessons(): string[] {
  const files = fs
    .readdirSync(lessonsDir)
    .map((fileName) => ({ fileName, source: fs.readFileSync(path.join(lessonsDir, fileName), "utf8") }));
  const parsed = parseLessons(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return [
    ...new Set(
      parsed.value.flatMap((lesson) =>
        lesson.components
          .filter((component) => component.name === "Topology")
          .map((component) => String(component.props["example"])),
      ),
    ),
  ].sort();
}

describe("example topologies used by lessons", () => {
  const examples = examplesUsedByLessons();

  it("lessons draw at least one example", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)("%s parses and passes validate without errors", (example) => {
    const file = path.join(root, "content", "topologies", `${example}.yaml`);
    const parsed = parseTopologyText(fs.readFileSync(file, "utf8"), "yaml");
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    const errors = validate(parsed.topology).filter((issue) => issue.severity === "error");
    expect(errors).toEqual([]);
    expect(parsed.topology.description?.length ?? 0).toBeGreaterThan(20);
  });
});

describe("inline questions of the lessons", () => {
  it("every TryIt generates, and one aimed at a concept assesses that concept", async () => {
    const { generateQuestion } = await import("../../lib/scenario/generate");
    const { generateQuestionForConcept } = await import("../../lib/scenario/targeted");
    const { isDifficulty } = await import("../../lib/scenario/question");
    const files = fs
      .readdirSync(lessonsDir)
      .map((fileName) => ({ fileName, source: fs.readFileSync(path.join(lessonsDir, fileName), "utf8") }));
    const parsed = parseLessons(files);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const problems: string[] = [];
    for (const lesson of parsed.value) {
      for (const tryIt of lesson.components.filter((component) => component.name === "TryIt")) {
        const family = String(tryIt.props["family"]);
        const seed = Number(tryIt.props["seed"]);
        const difficulty = Number(tryIt.props["difficulty"] ?? 1);
        const concept = tryIt.props["concept"];
        if (!isDifficulty(difficulty)) {
          problems.push(`${lesson.slug}: difficulty ${difficulty}`);
          continue;
        }
        const result =
          concept === undefined
            ? generateQuestion(family, seed, difficulty)
            : generateQuestionForConcept(family, seed, difficulty, String(concept));
        if (!result.ok)
          problems.push(
            `${lesson.slug}: ${family} ${seed}: ${result.issues.map((i) => i.message).join("; ")}`,
          );
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
