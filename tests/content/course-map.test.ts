import { describe, expect, it } from "vitest";
import { courseMapIntro, type CourseMapLesson } from "../../lib/content/course-map";
import { parseLessons } from "../../lib/content/lessons";
import { topicOfLesson } from "../../lib/course/topics";
import { readLessonFiles } from "./support/course-files";

const entry = (order: number, topic?: string): CourseMapLesson => ({
  slug: `l${order}`,
  title: `Lesson ${order}`,
  order,
  topic,
});

/** The sentence as a reader sees it, lessons shown as "n. title" like the page renders them. */
const read = (lessons: readonly CourseMapLesson[]) =>
  courseMapIntro(lessons)
    .map((part) => (part.kind === "text" ? part.text : `${part.order}. ${part.title}`))
    .join("");

describe("home course map sentence", () => {
  it("names the first lesson as the start and the last as the finish, once each", () => {
    expect(read([entry(1), entry(2, "a"), entry(3, "b"), entry(4)])).toBe(
      "Start with 1. Lesson 1, then work through the topics below, and finish with 4. Lesson 4.",
    );
  });

  it("names an unfiled lesson in the middle with its number, not as a second finish", () => {
    const sentence = read([entry(1), entry(2, "a"), entry(5), entry(6, "b"), entry(13)]);
    expect(sentence).toBe(
      "Start with 1. Lesson 1, then work through the topics below, with 5. Lesson 5 along the way, and finish with 13. Lesson 13.",
    );
    expect(sentence.match(/finish with/g)).toHaveLength(1);
  });

  it("follows the lesson order, not the order it is given", () => {
    expect(read([entry(4), entry(2, "a"), entry(1)])).toMatch(
      /^Start with 1\. .* finish with 4\. Lesson 4\.$/,
    );
  });

  it("says nothing when every lesson is on a topic card", () => {
    expect(courseMapIntro([entry(1, "a"), entry(2, "b")])).toEqual([]);
  });

  it("on the real course: every lesson is on the home page exactly once and the sentence agrees with /lessons", () => {
    const parsed = parseLessons(readLessonFiles());
    if (!parsed.ok) throw new Error("lessons do not parse");
    const lessons = parsed.value.map((lesson) => ({
      slug: lesson.slug,
      title: lesson.frontmatter.title,
      order: lesson.order,
      topic: topicOfLesson(lesson.frontmatter.concepts),
    }));
    const parts = courseMapIntro(lessons);
    const inSentence = parts.flatMap((part) => (part.kind === "lesson" ? [part.slug] : []));
    const onCards = lessons.filter((lesson) => lesson.topic !== undefined).map((lesson) => lesson.slug);
    expect([...inSentence, ...onCards].sort()).toEqual(lessons.map((lesson) => lesson.slug).sort());
    const orders = parts.flatMap((part) => (part.kind === "lesson" ? [part.order] : []));
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const sentence = read(lessons);
    expect(sentence.match(/finish with/g) ?? []).toHaveLength(1);
    expect(sentence).toMatch(/^Start with 1\. /);
    // The SG/NACL lesson is listed on the card whose blurb describes it (it was the second "finish" before).
    expect(lessons.find((lesson) => lesson.slug === "security-groups-and-network-acls")?.topic).toBe(
      "flow-logs",
    );
  });
});
