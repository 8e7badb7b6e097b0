// Where a concept is taught, for links from practice summaries and reports into the lessons.
import { findConcept } from "./concepts";
import { QUESTIONS_HEADING, RECAP_HEADING } from "./lesson-body";
import type { Lesson } from "./lessons";

export type LessonLink = { readonly href: string; readonly title: string };

const SKIPPED_SECTIONS = new Set([RECAP_HEADING, QUESTIONS_HEADING]);
const STOP_WORDS = new Set([
  "the",
  "and",
  "for",
  "not",
  "are",
  "with",
  "its",
  "has",
  "can",
  "may",
  "one",
  "via",
  "per",
  "own",
  "but",
  "that",
  "this",
  "from",
  "into",
  "only",
  "also",
  "note",
  "says",
  "drift",
  "since",
  "their",
  "there",
  "them",
  "you",
  "your",
]);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9./-]+/g, " ")
      .split(" ")
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word)),
  );
}

/**
 * Where a concept is taught: each lesson that lists it, at the `##` section whose heading and text share the most
 * words with the concept's statement (Recap and Check yourself left out), else at the top of the lesson.
 */
export function lessonLinksFor(lessons: readonly Lesson[], concept: string): LessonLink[] {
  const statement = words(findConcept(concept)?.text ?? "");
  return lessons
    .filter((lesson) => lesson.frontmatter.concepts.includes(concept))
    .map((lesson) => {
      const headings = lesson.headings.filter((heading) => heading.depth === 2);
      // The body split at `## ` lines gives the section texts in heading order (index 0 is before the first).
      const texts = lesson.body.split(/^## /m).slice(1);
      let best: { index: number; score: number } | undefined;
      headings.forEach((heading, index) => {
        if (SKIPPED_SECTIONS.has(heading.text)) return;
        const headingWords = words(heading.text);
        const sectionWords = words(texts[index] ?? "");
        let score = 0;
        for (const word of statement)
          score += (sectionWords.has(word) ? 1 : 0) + (headingWords.has(word) ? 2 : 0);
        if (score > 0 && (best === undefined || score > best.score)) best = { index, score };
      });
      const section = best === undefined ? undefined : headings[best.index];
      return {
        href: `/lessons/${lesson.slug}${section ? `#${section.id}` : ""}`,
        title: `${lesson.frontmatter.title}${section ? ` — ${section.text}` : ""}`,
      };
    });
}
