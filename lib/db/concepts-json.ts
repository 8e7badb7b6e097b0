// The concepts of an answered question, kept as JSON text beside the answer (Attempt.concepts,
// SrsReview.concepts). Null means "not stored": rows written before the column, or by a writer that has no
// question at hand; readers then regenerate the question.

export function conceptsJson(concepts: readonly string[] | undefined): string | null {
  return concepts === undefined ? null : JSON.stringify(concepts);
}

/** The stored concept ids, or null when the row has none or the text is not a JSON array of strings. */
export function parseConcepts(text: string | null): string[] | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;
}
