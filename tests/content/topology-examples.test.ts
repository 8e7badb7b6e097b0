import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLessons } from "../../lib/content/lessons";
import { parseTopologyText, validate } from "../../lib/net";

const root = path.resolve(import.meta.dirname, "..", "..");
const lessonsDir = path.join(root, "content", "lessons");

function examplesUsedByLessons(): string[] {
  const files = fs.readdirSync(lessonsDir).map((fileName) => ({ fileName, source: fs.readFileSync(path.join(lessonsDir, fileName), "utf8") }));
  const parsed = parseLessons(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return [
    ...new Set(
      parsed.value.flatMap((lesson) =>
        lesson.components.filter((component) => component.name === "Topology").map((component) => String(component.props["example"])),
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
