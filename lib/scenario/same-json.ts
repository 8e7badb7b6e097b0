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

/** With `ignored`, that key counts as present on both sides with equal values (whatever they hold). */
function sameObjects(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  ignored?: string,
): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < keysA.length && keysA[i] !== ignored && isSkipped(a[keysA[i] as string])) i += 1;
    while (j < keysB.length && keysB[j] !== ignored && isSkipped(b[keysB[j] as string])) j += 1;
    if (i === keysA.length || j === keysB.length) return i === keysA.length && j === keysB.length;
    const key = keysA[i] as string;
    if (key !== keysB[j]) return false;
    if (key !== ignored && !sameJson(a[key], b[key])) return false;
    i += 1;
    j += 1;
  }
}
