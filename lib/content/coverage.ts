import type { ContentIssue } from "./frontmatter";

/**
 * Coverage of the concept checklist (../shared/spec/concepts.md) by lessons. The caller reads the files; this
 * module only parses text and compares ID sets, so a test, a build script and the app can all ask the same question.
 */

export type ChecklistEntry = {
  readonly id: string;
  /** The row's Q column is set: some question family must assess the concept. */
  readonly assessed: boolean;
  /** The row mentions **drift**: the note is out of date and lessons teach both answers. */
  readonly drift: boolean;
};

// A checklist row: `| P1 | text | 000 002 | Q |` (the Q cell may be empty).
const ROW = /^\|\s*([A-Z]\d+)\s*\|(.*)\|\s*(Q?)\s*\|\s*$/;

/** Reads concept IDs and their Q and drift flags from the markdown tables of concepts.md. */
export function parseConceptChecklist(markdown: string): ChecklistEntry[] {
  return markdown.split("\n").flatMap((line) => {
    const match = ROW.exec(line.trim());
    if (!match?.[1]) return [];
    return [{ id: match[1], assessed: match[3] === "Q", drift: /\*\*drift\*\*/i.test(match[2] ?? "") }];
  });
}

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
