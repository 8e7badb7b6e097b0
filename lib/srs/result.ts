// Expected failures in the review domain come back as data with a field path, never as exceptions
// (style.md: "Expected failures return { ok: false, issues }").

export type SrsIssue = {
  readonly path: readonly (string | number)[];
  readonly message: string;
};

export type SrsResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly SrsIssue[] };

export function succeed<T>(value: T): SrsResult<T> {
  return { ok: true, value };
}

export function fail<T>(path: readonly (string | number)[], message: string): SrsResult<T> {
  return { ok: false, issues: [{ path, message }] };
}

/** zod issues keep their own path type (PropertyKey); ours are plain strings and numbers for JSON. */
export function fromZodIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): readonly SrsIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === "number" ? key : String(key))),
    message: issue.message,
  }));
}
