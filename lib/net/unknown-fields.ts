// A typo in a topology (`subnet:` for `subnets:`) must not be silently dropped: the schema objects are
// strict, and each unrecognized key becomes its own issue at its own path with a "did you mean"
// suggestion taken from the fields the schema accepts at that place.
import { z } from "zod";

/** The object schema reached by following `path` (array indexes, defaults and optionals unwrapped). */
export function objectSchemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  for (const part of path) {
    if (!schema) return undefined;
    if (typeof part === "number")
      schema = schema instanceof z.ZodArray ? unwrap(schema.element as z.ZodType) : undefined;
    else
      schema =
        schema instanceof z.ZodObject
          ? unwrap((schema.shape as Record<string, z.ZodType>)[String(part)])
          : undefined;
  }
  return schema instanceof z.ZodObject ? schema : undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The closest accepted field (case-insensitive equal, or at most 2 edits away / a third of its length). */
export function suggestField(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d =
      candidate.toLowerCase() === key.toLowerCase()
        ? 0
        : editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(key.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

export function unknownFieldMessage(
  root: z.ZodType,
  parentPath: readonly PropertyKey[],
  key: string,
): string {
  const shape = objectSchemaAt(root, parentPath)?.shape as Record<string, unknown> | undefined;
  const suggestion = shape ? suggestField(key, Object.keys(shape)) : undefined;
  return suggestion !== undefined ? `unknown field (did you mean "${suggestion}"?)` : "unknown field";
}
