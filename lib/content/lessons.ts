import { parse as parseYaml } from "yaml";
import { validateFrontmatter, type ContentIssue, type LessonFrontmatter } from "./frontmatter";
import {
  blankCode,
  checkComponentProps,
  COMPONENT_TAG,
  extractComponents,
  extractHeadings,
  QUESTIONS_HEADING,
  RECAP_HEADING,
  type LessonComponent,
  type LessonHeading,
} from "./lesson-body";

export {
  extractComponents,
  extractHeadings,
  slugifyHeading,
  QUESTIONS_HEADING,
  RECAP_HEADING,
  TOPOLOGY_EXAMPLES,
  TRY_IT_FAMILIES,
  type LessonComponent,
  type LessonHeading,
  type PropValue,
} from "./lesson-body";

/**
 * Lessons are `content/lessons/NN-slug.mdx` files. This module is pure: the caller reads the files and passes
 * names and texts in, so the build, the app and the tests share one parser.
 */

const MIN_QUESTIONS = 3;
const MAX_QUESTIONS = 5;

export type Lesson = {
  readonly fileName: string;
  readonly slug: string;
  readonly order: number;
  readonly frontmatter: LessonFrontmatter;
  readonly body: string;
  readonly headings: readonly LessonHeading[];
  readonly components: readonly LessonComponent[];
};
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ContentIssue[] };

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** `03-gateway-endpoints.mdx` -> order 3, slug `gateway-endpoints`. */
export function parseLessonFileName(fileName: string): Result<{ order: number; slug: string }> {
  const match = FILE_NAME.exec(fileName);
  if (!match?.[1] || !match[2]) {
    return { ok: false, issues: [{ path: "fileName", message: `"${fileName}" is not named NN-slug.mdx` }] };
  }
  return { ok: true, value: { order: Number(match[1]), slug: match[2] } };
}

/** Splits YAML frontmatter (between `---` lines at the very top) from the MDX body. */
export function splitFrontmatter(source: string): Result<{ yaml: string; body: string }> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) {
    return {
      ok: false,
      issues: [{ path: "frontmatter", message: "the file must start with a --- frontmatter block ---" }],
    };
  }
  return { ok: true, value: { yaml: match[1] ?? "", body: source.slice(match[0].length) } };
}

/** Structure every lesson shares: `## Recap`, then a final `## Check yourself` holding only 3-5 TryIt elements. */
export function checkLessonStructure(
  body: string,
  headings: readonly LessonHeading[],
  components: readonly LessonComponent[],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (/^# /m.test(blankCode(body)))
    issues.push({ path: "body", message: "no # heading: the title comes from the frontmatter" });
  const h2 = headings.filter((heading) => heading.depth === 2).map((heading) => heading.text);
  const last = h2.length - 1;
  if (h2[last] !== QUESTIONS_HEADING || h2[last - 1] !== RECAP_HEADING) {
    issues.push({
      path: "body.headings",
      message: `the last two ## headings must be "${RECAP_HEADING}" then "${QUESTIONS_HEADING}"`,
    });
  }
  const questions = components.filter((c) => c.name === "TryIt");
  if (questions.length < MIN_QUESTIONS || questions.length > MAX_QUESTIONS) {
    issues.push({
      path: "body.TryIt",
      message: `a lesson ends with ${MIN_QUESTIONS}-${MAX_QUESTIONS} TryIt questions; found ${questions.length}`,
    });
  }
  questions.forEach((question, index) => {
    if (question.section !== last)
      issues.push({ path: `body.TryIt[${index}]`, message: `TryIt belongs under "## ${QUESTIONS_HEADING}"` });
  });
  const tail =
    blankCode(body)
      .split(/^## .*$/m)
      .at(-1) ?? "";
  if (tail.replace(COMPONENT_TAG, "").trim() !== "")
    issues.push({ path: "body", message: `"## ${QUESTIONS_HEADING}" may hold only TryIt elements` });
  return issues;
}

/** Reading time: ~200 words a minute of prose plus a minute per inline question. */
export function estimateReadingMinutes(body: string): number {
  const prose = blankCode(body).replace(COMPONENT_TAG, " ");
  const words = prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const questions = [...body.matchAll(/<TryIt\b/g)].length;
  return Math.max(1, Math.round(words / 200)) + questions;
}

/** Parses and validates one lesson file. Issue paths are field paths inside that file. */
export function parseLesson(fileName: string, source: string): Result<Lesson> {
  const name = parseLessonFileName(fileName);
  const split = splitFrontmatter(source);
  if (!split.ok) return { ok: false, issues: [...(name.ok ? [] : name.issues), ...split.issues] };
  let data: unknown;
  try {
    data = parseYaml(split.value.yaml);
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: "frontmatter", message: `invalid YAML: ${(error as Error).message}` }],
    };
  }
  const frontmatter = validateFrontmatter(data);
  const { body } = split.value;
  const headings = extractHeadings(body);
  const extracted = extractComponents(body);
  const issues = [
    ...(name.ok ? [] : name.issues),
    ...(frontmatter.ok ? [] : frontmatter.issues),
    ...extracted.issues,
    ...extracted.components.flatMap((component, i, all) =>
      checkComponentProps(
        component,
        `body.${component.name}[${all.slice(0, i).filter((c) => c.name === component.name).length}]`,
      ),
    ),
    ...checkLessonStructure(body, headings, extracted.components),
  ];
  if (!name.ok || !frontmatter.ok || issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      fileName,
      ...name.value,
      frontmatter: frontmatter.frontmatter,
      body,
      headings,
      components: extracted.components,
    },
  };
}

/** Parses a whole course, ordered by the NN- prefix. Issue paths start with the file name. */
export function parseLessons(files: readonly { fileName: string; source: string }[]): Result<Lesson[]> {
  const lessons: Lesson[] = [];
  const issues: ContentIssue[] = [];
  for (const file of files) {
    const result = parseLesson(file.fileName, file.source);
    if (result.ok) lessons.push(result.value);
    else issues.push(...result.issues.map((issue) => ({ ...issue, path: `${file.fileName}:${issue.path}` })));
  }
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    for (const key of [`order ${lesson.order}`, `slug ${lesson.slug}`]) {
      const other = seen.get(key);
      if (other)
        issues.push({ path: `${lesson.fileName}:fileName`, message: `${key} is also used by ${other}` });
      seen.set(key, lesson.fileName);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: lessons.sort((a, b) => a.order - b.order) };
}
