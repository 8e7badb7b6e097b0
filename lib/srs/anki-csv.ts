import { CONCEPT_GROUPS, type Concept } from "../content/concepts";

// An Anki-importable CSV of concept cards for learners who keep their reviews in Anki. The header lines
// are Anki's text-import directives (Anki 2.1.55+): comma separator, plain text, tags in column 3.

const ANKI_HEADER = ["#separator:comma", "#html:false", "#columns:Front,Back,Tags", "#tags column:3"];

/** RFC 4180 quoting: quote a field holding a comma, quote or line break, doubling inner quotes; also a
 * leading "#", which Anki would otherwise read as a directive or comment. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]|^#/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** The note's **drift** markdown is for our lessons; Anki shows plain text. */
function plainText(text: string): string {
  return text.replaceAll("**", "");
}

/**
 * A question-style front from the concept's own text: the learner completes the rule from its opening
 * clause (up to the first ":" or ";") when that clause leaves most of the fact to recall, otherwise from
 * its first few words. The back holds the whole fact.
 */
export function conceptPrompt(concept: Concept): string {
  const text = plainText(concept.text);
  const group = CONCEPT_GROUPS.find((candidate) => candidate.id === concept.group)?.title ?? concept.group;
  const clauseEnd = text.search(/[:;]/);
  const words = text.split(" ");
  const stem =
    clauseEnd > 0 && clauseEnd + 1 <= text.length * 0.6
      ? text.slice(0, clauseEnd + 1)
      : words.slice(0, Math.max(1, Math.min(6, Math.floor(words.length / 2)))).join(" ");
  return `${group} (${concept.id}): complete the rule. ${stem} …?`;
}

export function conceptsToAnkiCsv(concepts: readonly Concept[]): string {
  const rows = concepts.map((concept) =>
    [conceptPrompt(concept), plainText(concept.text), `${concept.group} ${concept.id}`]
      .map(quoteCsvField)
      .join(","),
  );
  return `${[...ANKI_HEADER, ...rows].join("\r\n")}\r\n`;
}
