import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { lessonNetworkTitles, type LessonSource } from "@/lib/lab/lesson-networks";

export type LessonTopology = {
  name: string;
  description: string;
  text: string;
  /** What the Open list shows: "Transit gateway hub with three VPCs (lesson 9)". */
  label: string;
  /** The lesson that draws it: "Lesson 9: Transit gateway" (the option's tooltip). */
  lesson: string | undefined;
};

let cached: LessonTopology[] | undefined;

/** content/lessons/NN-slug.mdx: its order, its front-matter title and its body. */
function readLessons(): LessonSource[] {
  const dir = path.join(process.cwd(), "content", "lessons");
  return fs.readdirSync(dir).flatMap((file) => {
    const order = /^(\d+)-.+\.mdx$/.exec(file)?.[1];
    if (order === undefined) return [];
    const body = fs.readFileSync(path.join(dir, file), "utf8");
    const title =
      /^title:\s*(.+)$/m
        .exec(body)?.[1]
        ?.trim()
        .replace(/^["']|["']$/g, "") ?? file;
    return [{ order: Number(order), title, body }];
  });
}

/**
 * The lessons' example topologies (content/topologies/*.yaml) as the learner will edit them: their own text,
 * in the order of the lessons that draw them, each with a title a learner recognises.
 */
export function lessonTopologies(): LessonTopology[] {
  if (cached) return cached;
  const dir = path.join(process.cwd(), "content", "topologies");
  const texts = new Map(
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => [file.replace(/\.yaml$/, ""), fs.readFileSync(path.join(dir, file), "utf8")] as const),
  );
  cached = lessonNetworkTitles([...texts.keys()], readLessons()).map(({ name, label, lesson }) => {
    const text = texts.get(name) ?? "";
    const data = parseYaml(text) as { description?: unknown } | null;
    const description = typeof data?.description === "string" ? data.description.trim() : "";
    return {
      name,
      description,
      text,
      label,
      lesson: lesson ? `Lesson ${lesson.order}: ${lesson.title}` : undefined,
    };
  });
  return cached;
}
