import type { ContentIssue } from "./frontmatter";

/**
 * Coverage of the concept checklist (lib/content/concepts.ts) by lessons. The caller passes the lessons and the
 * checklist IDs; this module only compares ID sets, so a test, a build script and the app can all ask the same
 * question.
 */

export type CoverageLesson = {
  readonly slug: string;
  readonly frontmatter: { readonly concepts: readonly string[] };
};

export type CoverageReport = {
  /** Concept ID -> slugs of the lessons that teach it, in lesson order; every checklist ID has an entry. */
  readonly lessonsByConcept: ReadonlyMap<string, readonly string[]>;
  /** Checklist IDs no lesson names. */
  readonly uncovered: readonly string[];
  /** IDs a lesson names that the checklist does not know. */
  readonly unknown: readonly { readonly slug: string; readonly conceptId: string }[];
};

export function computeCoverage(
  lessons: readonly CoverageLesson[],
  checklistIds: readonly string[],
): CoverageReport {
  const lessonsByConcept = new Map<string, string[]>(checklistIds.map((id) => [id, []]));
  const unknown: { slug: string; conceptId: string }[] = [];
  for (const lesson of lessons) {
    for (const conceptId of lesson.frontmatter.concepts) {
      const slugs = lessonsByConcept.get(conceptId);
      if (slugs) slugs.push(lesson.slug);
      else unknown.push({ slug: lesson.slug, conceptId });
    }
  }
  const uncovered = checklistIds.filter((id) => (lessonsByConcept.get(id) ?? []).length === 0);
  return { lessonsByConcept, uncovered, unknown };
}

/** The build gate: every checklist concept is taught somewhere and no lesson names an unknown concept. */
export function checkCoverage(
  lessons: readonly CoverageLesson[],
  checklistIds: readonly string[],
): ContentIssue[] {
  const report = computeCoverage(lessons, checklistIds);
  return [
    ...report.uncovered.map((id) => ({
      path: `concepts.${id}`,
      message: `concept ${id} is taught by no lesson`,
    })),
    ...report.unknown.map(({ slug, conceptId }) => ({
      path: `${slug}:frontmatter.concepts`,
      message: `concept ${conceptId} is not in the checklist`,
    })),
  ];
}
