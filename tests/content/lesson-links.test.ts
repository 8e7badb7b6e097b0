import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lessonLinksFor } from "../../lib/content/lesson-links";
import { parseLesson, parseLessons, type Lesson } from "../../lib/content/lessons";

const dir = path.resolve(import.meta.dirname, "..", "..", "content", "lessons");

function course(): Lesson[] {
  const parsed = parseLessons(
    fs
      .readdirSync(dir)
      .map((fileName) => ({ fileName, source: fs.readFileSync(path.join(dir, fileName), "utf8") })),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe("lessonLinksFor", () => {
  it("links each lesson that teaches the concept, at a section that exists in it", () => {
    const lessons = course();
    const links = lessonLinksFor(lessons, "P3");
    const teaching = lessons.filter((lesson) => lesson.frontmatter.concepts.includes("P3"));
    expect(links).toHaveLength(teaching.length);
    for (const [index, link] of links.entries()) {
      const lesson = teaching[index];
      expect(link.href.startsWith(`/lessons/${lesson?.slug}`)).toBe(true);
      const anchor = link.href.split("#")[1];
      if (anchor) expect(lesson?.headings.map((heading) => heading.id)).toContain(anchor);
    }
  });

  it("picks the section whose words match the concept, never the recap or the questions", () => {
    const source = [
      "---",
      "title: Peering",
      "summary: A lesson about peering.",
      "concepts: [P3]",
      "sources: [000_758210b986ce4a75.txt]",
      "minutes: 6",
      "---",
      "",
      "## Routes",
      "Route tables send traffic to the peering connection.",
      "",
      "## Not transitive",
      "Peering is not transitive: A peered with B and B with C does not let A reach C through B.",
      "",
      "## Recap",
      "Peering is not transitive; A cannot reach C through B.",
      "",
      "## Check yourself",
      '<TryIt family="can-a-reach-c" seed={1} difficulty={1} />',
      '<TryIt family="can-a-reach-c" seed={2} difficulty={1} />',
      '<TryIt family="can-a-reach-c" seed={3} difficulty={1} />',
      "",
    ].join("\n");
    const lesson = parseLesson("01-peering.mdx", source);
    if (!lesson.ok) throw new Error(JSON.stringify(lesson.issues));
    expect(lessonLinksFor([lesson.value], "P3")).toEqual([
      { href: "/lessons/peering#not-transitive", title: "Peering — Not transitive" },
    ]);
  });

  it("gives no link for a concept no lesson lists", () => {
    expect(lessonLinksFor(course(), "ZZ9")).toEqual([]);
  });
});
