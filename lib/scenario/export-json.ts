// The stable JSON export (docs/quiz-format.md). Field order is fixed here so that output is byte-stable.
import type { Exhibit } from "./exhibit";
import type { Question } from "./question";

// Version 2: `exhibit` became an object (tables, notes, lines) instead of a list of lines.
export const QUIZ_FORMAT_VERSION = 2;

export type QuizExport = {
  readonly format: "reachable-quiz";
  readonly version: typeof QUIZ_FORMAT_VERSION;
  readonly seed: number;
  readonly count: number;
  readonly questions: readonly ExportedQuestion[];
};

export type ExportedQuestion = {
  readonly id: string;
  readonly family: string;
  readonly seed: number;
  readonly difficulty: number;
  readonly concepts: readonly string[];
  readonly stem: string;
  readonly topology: unknown;
  readonly query: unknown;
  readonly exhibit: Exhibit;
  readonly multiSelect: boolean;
  readonly options: readonly { readonly id: string; readonly text: string }[];
  readonly answer: readonly string[];
  readonly explanation: {
    readonly summary: string;
    readonly perOption: Readonly<Record<string, string>>;
    readonly rules: readonly string[];
    readonly trace: readonly string[];
  };
};

export function exportQuestion(q: Question): ExportedQuestion {
  return {
    id: q.id,
    family: q.family,
    seed: q.seed,
    difficulty: q.difficulty,
    concepts: [...q.concepts],
    stem: q.stem,
    topology: q.topology ?? null,
    query: q.query ?? null,
    exhibit: exportExhibit(q.exhibit),
    multiSelect: q.multiSelect === true,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
    answer: [...q.answer],
    explanation: {
      summary: q.explanation.summary,
      perOption: Object.fromEntries(q.options.map((o) => [o.id, q.explanation.perOption[o.id] ?? ""])),
      rules: [...q.explanation.rules],
      trace: [...(q.explanation.trace ?? [])],
    },
  };
}

/** Always present, in a fixed key order; empty lists when the question has no exhibit. */
function exportExhibit(exhibit: Exhibit | undefined): Exhibit {
  return {
    tables: (exhibit?.tables ?? []).map((t) => ({
      kind: t.kind,
      caption: t.caption,
      columns: [...t.columns],
      rows: t.rows.map((row) => [...row]),
    })),
    notes: [...(exhibit?.notes ?? [])],
    lines: [...(exhibit?.lines ?? [])],
  };
}

export function renderQuizJson(questions: readonly Question[], seed: number): string {
  const quiz: QuizExport = {
    format: "reachable-quiz",
    version: QUIZ_FORMAT_VERSION,
    seed,
    count: questions.length,
    questions: questions.map(exportQuestion),
  };
  return `${JSON.stringify(quiz, null, 2)}\n`;
}
