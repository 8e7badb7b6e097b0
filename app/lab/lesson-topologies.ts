import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

export type LessonTopology = { name: string; description: string; text: string };

let cached: LessonTopology[] | undefined;

/** The lessons' example topologies (content/topologies/*.yaml) as the learner will edit them: their own text. */
export function lessonTopologies(): LessonTopology[] {
  if (cached) return cached;
  const dir = path.join(process.cwd(), "content", "topologies");
  cached = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const data = parseYaml(text) as { description?: unknown } | null;
      const description = typeof data?.description === "string" ? data.description.trim() : "";
      return { name: file.replace(/\.yaml$/, ""), description, text };
    });
  return cached;
}
