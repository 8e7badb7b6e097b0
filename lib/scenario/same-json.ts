// Whether two values serialise to the same JSON, without serialising them. Near-miss checks ask "did this edit
// change the topology?" by comparing JSON texts; stringifying the whole topology twice per near-miss was a fifth
// of a fix-it question. Copy-on-write edits share every unchanged object with their input, so this walk stops
// at the first shared (===) object and compares only the few objects an edit rebuilt.
// Exact for what JSON.stringify does with plain data: own enumerable keys in order, undefined / function /
// symbol values skipped in objects and written as null in arrays, non-finite numbers as null. Anything else
// (an object with toJSON, a class instance, a boxed primitive) is compared by its JSON text.

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const objectA = typeof a === "object" && a !== null;
  const objectB = typeof b === "object" && b !== null;
  if (objectA && objectB && isPlain(a) && isPlain(b)) {
    const arrayA = Array.isArray(a);
    if (arrayA !== Array.isArray(b)) return false;
    return arrayA
      ? sameArrays(a as readonly unknown[], b as readonly unknown[])
      : sameObjects(a as Readonly<Record<string, unknown>>, b as Readonly<Record<string, unknown>>);
  }
  // Two different strings, booleans or finite numbers never have the same JSON text.
  if (!objectA && !objectB && typeof a === typeof b) {
    if (typeof a === "string" || typeof a === "boolean") return false;
    if (typeof a === "number" && Number.isFinite(a) && Number.isFinite(b)) return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * sameJson({ ...a, [key]: [] }, { ...b, [key]: [] }) without copying either object: whether the two differ
 * only in `key`. Both must have `key` as an own enumerable property (else it compares the copies).
 */
export function sameJsonExcept(a: object, b: object, key: string): boolean {
  if (
    !isPlain(a) ||
    !isPlain(b) ||
    Array.isArray(a) ||
    Array.isArray(b) ||
    !Object.prototype.propertyIsEnumerable.call(a, key) ||
    !Object.prototype.propertyIsEnumerable.call(b, key)
  )
    return sameJson({ ...a, [key]: [] }, { ...b, [key]: [] });
  return sameObjects(a as Readonly<Record<string, unknown>>, b as Readonly<Record<string, unknown>>, key);
}

/**
 * The keys whose values make sameJson(a, b) fail, when a and b are plain objects with the same own keys in the
 * same order: then sameJson(a, b) is `keys.length === 0`, and sameJsonExcept(a, b, k) is "every key listed is k".
 * Undefined for anything else (the caller asks sameJson and sameJsonExcept themselves). Copy-on-write edits
 * keep their input's keys, so one walk here answers "is it a change?" and "does it change only k?" together,
 * where each question walked and listed both objects' keys again.
 */
export function unequalKeys(a: object, b: object): string[] | undefined {
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) || Array.isArray(b)) return undefined;
  const keys = Object.keys(a);
  const keysB = Object.keys(b);
  if (keys.length !== keysB.length) return undefined;
  for (let i = 0; i < keys.length; i += 1) if (keys[i] !== keysB[i]) return undefined;
  const x = a as Readonly<Record<string, unknown>>;
  const y = b as Readonly<Record<string, unknown>>;
  const out: string[] = [];
  for (const key of keys) {
    const u = x[key];
    const v = y[key];
    if (u === v) continue;
    // A skipped value on one side only leaves the key out of one JSON text: the texts differ.
    const skipU = isSkipped(u);
    const skipV = isSkipped(v);
    if (skipU || skipV ? !(skipU && skipV) : !sameJson(u, v)) out.push(key);
  }
  return out;
}

/**
 * sameJson({ ...a, [key]: undefined }, { ...b, [key]: undefined }) without copying either object: whether the
 * two have the same JSON once `key` is left out of both.
 */
export function sameJsonWithout(a: object, b: object, key: string): boolean {
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) || Array.isArray(b))
    return sameJson({ ...a, [key]: undefined }, { ...b, [key]: undefined });
  return sameObjects(
    a as Readonly<Record<string, unknown>>,
    b as Readonly<Record<string, unknown>>,
    undefined,
    key,
  );
}

/** An array, or an object whose prototype is Object.prototype or null, without toJSON. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !("toJSON" in value);
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function sameArrays(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!sameJson(isSkipped(x) ? null : x, isSkipped(y) ? null : y)) return false;
  }
  return true;
}

/**
 * With `ignored`, that key counts as present on both sides with equal values (whatever they hold); with `dropped`,
 * as absent from both.
 */
function sameObjects(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  ignored?: string,
  dropped?: string,
): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (
      i < keysA.length &&
      keysA[i] !== ignored &&
      (keysA[i] === dropped || isSkipped(a[keysA[i] as string]))
    )
      i += 1;
    while (
      j < keysB.length &&
      keysB[j] !== ignored &&
      (keysB[j] === dropped || isSkipped(b[keysB[j] as string]))
    )
      j += 1;
    if (i === keysA.length || j === keysB.length) return i === keysA.length && j === keysB.length;
    const key = keysA[i] as string;
    if (key !== keysB[j]) return false;
    if (key !== ignored && !sameJson(a[key], b[key])) return false;
    i += 1;
    j += 1;
  }
}
