import { z } from "zod";
import { isConceptId } from "./concepts";

/**
 * A lesson's frontmatter: what the course list shows and what the coverage check reads.
 * Parsed once at the edge (lessons.ts); the rest of the app uses the typed `LessonFrontmatter`.
 */

/** Source notes are named `NNN_<16 hex>.txt`; the notes themselves are not part of the repository. */
const SEED_FILE_PATTERN = /^\d{3}_[0-9a-f]{16}\.txt$/;

export type LessonSource =
  { readonly kind: "seed"; readonly file: string } | { readonly kind: "doc"; readonly title: string };

/** A source string is either a seed file name or the title of an AWS documentation page. */
export function classifySource(source: string): LessonSource {
  return SEED_FILE_PATTERN.test(source) ? { kind: "seed", file: source } : { kind: "doc", title: source };
}

const conceptIdSchema = z.string().superRefine((id, ctx) => {
  if (!isConceptId(id)) {
    ctx.addIssue({ code: "custom", message: `unknown concept ID "${id}" (not in lib/content/concepts.ts)` });
  }
});

const sourceSchema = z
  .string()
  .trim()
  .min(1, "a source must not be empty")
  .superRefine((source, ctx) => {
    // A name that looks like a file but breaks the seed pattern is almost always a typo in a seed name.
    if (source.endsWith(".txt") && !SEED_FILE_PATTERN.test(source)) {
      ctx.addIssue({
        code: "custom",
        message: `"${source}" is not a seed file name like 000_758210b986ce4a75.txt`,
      });
    }
  });

function hasNoDuplicates(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

export const lessonFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(3, "title is too short").max(90, "title is too long"),
  summary: z.string().trim().min(20, "summary is too short").max(300, "summary is too long"),
  concepts: z
    .array(conceptIdSchema)
    .min(1, "a lesson must cover at least one concept")
    .refine(hasNoDuplicates, "concept IDs must not repeat"),
  sources: z
    .array(sourceSchema)
    .min(1, "a lesson must name at least one source")
    .refine(hasNoDuplicates, "sources must not repeat"),
  minutes: z.number().int("minutes must be a whole number").min(1).max(60),
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

export type ContentIssue = {
  /** Dotted field path, e.g. `frontmatter.concepts.2` or `body.TryIt[1].family`. */
  readonly path: string;
  readonly message: string;
};

export type FrontmatterResult =
  | { readonly ok: true; readonly frontmatter: LessonFrontmatter }
  | { readonly ok: false; readonly issues: readonly ContentIssue[] };

/** Validates already-parsed YAML data (any shape) as lesson frontmatter. */
export function validateFrontmatter(data: unknown): FrontmatterResult {
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (parsed.success) return { ok: true, frontmatter: parsed.data };
  const issues = parsed.error.issues.flatMap((issue) => {
    const path = ["frontmatter", ...issue.path.map(String)];
    // Name each stray key in the path so the author sees which line to delete.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key].join("."), message: `unknown field "${key}"` }));
    }
    return [{ path: path.join("."), message: issue.message }];
  });
  return { ok: false, issues };
}
