/**
 * The value a test expects to exist, or a failure that names what was missing (a bare `x!` would fail later
 * with an unrelated "cannot read properties of undefined").
 */
export function must<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to exist`);
  return value;
}
