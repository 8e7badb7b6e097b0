// What a learner picks before a practice session (topics, families and difficulty, or "everything").
// The route parses the form with zod at the edge; this check is the machine's own guard, so a malformed
// `settings.submit` that slipped past the edge is refused rather than starting a session that cannot pick.

export type PracticeSelection =
  | { readonly kind: "everything" }
  | {
      readonly kind: "chosen";
      /** Concept group ids (lib/content/concepts.ts), e.g. "peering". */
      readonly conceptGroups: readonly string[];
      /** Question family ids from the generator. */
      readonly families: readonly string[];
      /** Difficulty levels to draw from; empty means any. */
      readonly difficulties: readonly number[];
    };

export type PracticeSettings = {
  readonly selection: PracticeSelection;
  /** How many questions before the summary; null means until the learner finishes. */
  readonly questionLimit: number | null;
};

export type SettingsIssue = { readonly path: string; readonly message: string };

export function findSettingsIssues(settings: PracticeSettings): readonly SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const { selection, questionLimit } = settings;
  if (questionLimit !== null && !(Number.isInteger(questionLimit) && questionLimit >= 1)) {
    issues.push({ path: "settings.questionLimit", message: "must be a whole number of at least 1, or null" });
  }
  if (selection.kind === "chosen") {
    if (selection.conceptGroups.length === 0 && selection.families.length === 0) {
      issues.push({
        path: "settings.selection",
        message: "choose at least one topic or question family, or everything",
      });
    }
    if (selection.difficulties.some((level) => !Number.isInteger(level) || level < 1)) {
      issues.push({
        path: "settings.selection.difficulties",
        message: "difficulty levels are whole numbers from 1",
      });
    }
  }
  return issues;
}
