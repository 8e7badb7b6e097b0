// What the lab's code editor needs from the topology schema, as pure functions on the text: the fields that
// may be written where the cursor is (schema-aware completion), and where in the text a field-named error
// points (`subnets[1].cidrBlock: …` underlined at that value). Both read YAML and JSON (JSON is YAML here:
// the `yaml` package's document keeps each node's offsets).
import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { z } from "zod";
import { TopologySchema } from "@/lib/net/topology";
import type { TopologyFormat } from "./topology-text";

export type FieldChoice = { name: string; required: boolean; list: boolean };

function unwrap(schema: z.ZodType | undefined): { schema: z.ZodType | undefined; optional: boolean } {
  let s = schema;
  let optional = false;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) {
    optional = true;
    s = s.unwrap() as z.ZodType;
  }
  return { schema: s, optional };
}

/** The object schema under a chain of field names (lists are stepped into: `securityGroups`, `inbound`). */
function objectAt(keys: readonly string[]): z.ZodObject | undefined {
  let schema = unwrap(TopologySchema).schema;
  for (const key of keys) {
    if (!(schema instanceof z.ZodObject)) return undefined;
    schema = unwrap((schema.shape as Record<string, z.ZodType>)[key]).schema;
    if (schema instanceof z.ZodArray) schema = unwrap(schema.element as z.ZodType).schema;
  }
  return schema instanceof z.ZodObject ? schema : undefined;
}

/** The fields the schema accepts inside the object reached by `keys` (empty when that is not an object). */
export function fieldsAt(keys: readonly string[]): FieldChoice[] {
  const object = objectAt(keys);
  if (!object) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { schema, optional } = unwrap(field);
    return { name, required: !optional, list: schema instanceof z.ZodArray };
  });
}

const YAML_LINE = /^(\s*)(-\s+)?(?:([A-Za-z_]\w*)\s*:(.*))?$/;

/** The field names enclosing `pos` in YAML text, outermost first (block style, and one flow `{`/`[` level). */
function yamlKeysAt(text: string, pos: number): string[] {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lead = /^(\s*)(-\s+)?/.exec(before);
  const inner: string[] = [];
  // Inside a flow collection on this line: `inbound: [{ protocol: tcp, |` is in an item of `inbound`.
  const open = Math.max(before.lastIndexOf("{"), before.lastIndexOf("["));
  if (open >= 0 && open > Math.max(before.lastIndexOf("}"), before.lastIndexOf("]"))) {
    const owner = /([A-Za-z_]\w*)\s*:\s*\[?\s*$/.exec(before.slice(0, open));
    if (owner?.[1]) inner.push(owner[1]);
  }
  // `column`: where the keys of the object we are in start; `inList`: that object is a list item, so the
  // list's own key may sit at the same column (`vpcs:` then `- id: …` unindented).
  let column = lead?.[1]?.length ?? 0;
  let inList = Boolean(lead?.[2]);
  const keys: string[] = [];
  let end = lineStart - 1;
  while (end > 0 && (column > 0 || inList)) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const match = YAML_LINE.exec(line);
    if (!match) continue;
    const indent = match[1]?.length ?? 0;
    const dash = match[2]?.length ?? 0;
    const keyColumn = indent + dash;
    const container = match[3] !== undefined && (match[4] ?? "").trim().replace(/^#.*/, "") === "";
    if (dash > 0 && indent < column) {
      // An item of the list we are in: its other keys are siblings; climb to the list's key.
      if (container && keyColumn < column && match[3]) keys.unshift(match[3]);
      column = indent;
      inList = true;
    } else if (container && match[3] && (keyColumn < column || (inList && keyColumn <= column))) {
      keys.unshift(match[3]);
      column = keyColumn;
      inList = false;
    }
  }
  return [...keys, ...inner];
}

/** The field names enclosing `pos` in JSON text, outermost first. */
function jsonKeysAt(text: string, pos: number): string[] {
  const stack: (string | undefined)[] = [];
  let lastString: string | undefined;
  let pendingKey: string | undefined;
  for (let i = 0; i < pos && i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (c === ":") pendingKey = lastString;
    else if (c === "{" || c === "[") {
      stack.push(pendingKey);
      pendingKey = undefined;
    } else if (c === "}" || c === "]") stack.pop();
    else if (c === ",") pendingKey = undefined;
  }
  return stack.filter((key): key is string => key !== undefined);
}

export function keysAt(text: string, pos: number, format: TopologyFormat): string[] {
  return format === "json" ? jsonKeysAt(text, pos) : yamlKeysAt(text, pos);
}

/** `subnets[1].cidrBlock` -> ["subnets", 1, "cidrBlock"]. */
export function parseFieldPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    parts.push(match[2] === undefined ? (match[1] ?? "") : Number(match[2]));
  return parts;
}

/**
 * Where a field-named error points in the text: the value at `path`, or (a missing or unknown field) the
 * key at that path or the nearest enclosing item that exists, on its first line. Undefined when nothing fits.
 */
export function locateField(text: string, path: string): { from: number; to: number } | undefined {
  const document = parseDocument(text, { keepSourceTokens: false });
  const parts = parseFieldPath(path);
  let node: unknown = document.contents;
  let found: { from: number; to: number } | undefined;
  const rangeOf = (target: Node): { from: number; to: number } | undefined =>
    target.range ? { from: target.range[0], to: target.range[1] } : undefined;
  if (isNode(node)) found = rangeOf(node);
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === part);
      if (!pair) break;
      const key = isNode(pair.key) ? rangeOf(pair.key) : undefined;
      node = pair.value;
      found = (isNode(node) ? rangeOf(node) : undefined) ?? key ?? found;
      if (isNode(node) && (isMap(node) || isSeq(node)) && key) found = key;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part];
      if (!isNode(node)) break;
      found = rangeOf(node) ?? found;
    } else break;
  }
  if (!found) return undefined;
  const lineEnd = text.indexOf("\n", found.from);
  const to = Math.min(found.to, lineEnd === -1 ? text.length : lineEnd);
  return { from: found.from, to: Math.max(to, Math.min(found.from + 1, text.length)) };
}

/**
 * Where one error of the lab's text goes in the editor: `subnets[1].cidrBlock: …` at that field; a syntax
 * error (`not valid YAML: … at line 3, column 5`) at its line and column; anything else on the first
 * character. Never empty and never a line break alone (the editor draws no underline under a bare line break:
 * an error at the end of a text that ends with a newline went unmarked), so the editor always draws it.
 */
export function errorRange(text: string, error: string): { from: number; to: number } {
  const field = /^([\w.[\]]+): /.exec(error);
  const located = field?.[1] ? locateField(text, field[1]) : undefined;
  if (located) return located;
  const at = /line (\d+), column (\d+)/.exec(error);
  let from = 0;
  if (at) {
    const before = text.split("\n").slice(0, Number(at[1]) - 1);
    from = before.reduce((sum, line) => sum + line.length + 1, 0) + Number(at[2]) - 1;
  }
  from = Math.max(0, Math.min(from, text.length - 1));
  while (from > 0 && text[from] === "\n") from -= 1;
  return { from, to: Math.min(text.length, from + 1) };
}
