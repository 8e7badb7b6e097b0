// Errors for a person. The API names fields ("desiredRetention: must be at most 0.99") so that
// programs and forms can find them; a person reads a sentence about what to change, in the form's own words.

/** Field path (or its first segment) -> the label the page shows for it. */
export type FieldLabels = Readonly<Record<string, string>>;

const PREFIX = /^([A-Za-z][\w-]*(?:\.[\w-]+)*): /;

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * "desiredRetention: desiredRetention must be at most 0.99" -> "Desired retention must be at most 0.99."
 * Parts joined by "; " become one sentence each; a field with no label loses its name rather than show it.
 */
export function forPerson(error: string, labels: FieldLabels = {}): string {
  return error
    .split("; ")
    .map((part) => {
      let text = part;
      const prefix = PREFIX.exec(text);
      if (prefix) text = text.slice(prefix[0].length);
      for (const [field, label] of Object.entries(labels)) text = text.replaceAll(field, label);
      return sentence(text);
    })
    .filter((part) => part !== "")
    .join(" ");
}
