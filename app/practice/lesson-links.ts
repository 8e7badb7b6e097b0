import { loadCourse } from "@/app/lessons/course";
import { findFamily } from "@/lib/scenario/registry";

export type LessonLink = { readonly href: string; readonly title: string };

/**
 * Where a concept is taught: each lesson that lists it, at the section holding a TryIt of a family assessing it
 * (the section that practises it), else at the top of the lesson.
 */
export function lessonLinksFor(concept: string): LessonLink[] {
  return loadCourse()
    .filter((lesson) => lesson.frontmatter.concepts.includes(concept))
    .map((lesson) => {
      const sections = lesson.headings.filter((heading) => heading.depth === 2);
      const practising = lesson.components.find(
        (component) =>
          component.name === "TryIt" &&
          typeof component.props["family"] === "string" &&
          findFamily(component.props["family"])?.concepts.includes(concept) === true,
      );
      const section = practising ? sections[practising.section] : undefined;
      return {
        href: `/lessons/${lesson.slug}${section ? `#${section.id}` : ""}`,
        title: `${lesson.frontmatter.title}${section ? ` — ${section.text}` : ""}`,
      };
    });
}
