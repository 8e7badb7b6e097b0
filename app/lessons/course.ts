import fs from "node:fs";
import path from "node:path";
import { parseLessons, type Lesson } from "@/lib/content/lessons";
import { parseTopologyText, formatIssue, type Topology } from "@/lib/net";

const contentDir = path.join(process.cwd(), "content");

let cached: Lesson[] | undefined;

/**
 * The whole course, read once per server process. An invalid lesson fails loudly here, which makes
 * `next build` fail: a broken lesson never ships.
 */
export function loadCourse(): Lesson[] {
  if (cached) return cached;
  const dir = path.join(contentDir, "lessons");
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".mdx"))
    .map((fileName) => ({ fileName, source: fs.readFileSync(path.join(dir, fileName), "utf8") }));
  const result = parseLessons(files);
  if (!result.ok)
    throw new Error(`invalid lessons:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`);
  cached = result.value;
  return cached;
}

export function findLesson(slug: string): { lesson: Lesson; previous?: Lesson; next?: Lesson } | undefined {
  const course = loadCourse();
  const index = course.findIndex((lesson) => lesson.slug === slug);
  const lesson = course[index];
  if (!lesson) return undefined;
  const previous = course[index - 1];
  const next = course[index + 1];
  return { lesson, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** An example topology from content/topologies/<name>.yaml, validated like any user topology. */
export function loadExampleTopology(name: string): Topology {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`example: "${name}" is not an example name`);
  const file = path.join(contentDir, "topologies", `${name}.yaml`);
  const parsed = parseTopologyText(fs.readFileSync(file, "utf8"), "yaml");
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map(formatIssue).join("; ")}`);
  return parsed.topology;
}
