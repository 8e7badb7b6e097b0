// Plain data (objects, arrays, strings, numbers, booleans) as block YAML. The `yaml` package writes the same
// text but takes about a quarter of a second for a 50-VPC topology, longer than analysing it; topology data
// needs none of its generality. Any string that YAML could read as something else is written double-quoted
// (a JSON string is a valid YAML double-quoted scalar); the lab's tests parse every text back.

const NUMBER_LIKE = /^[-+]?(\.?\d[\d_]*\.?\d*([eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;
const RESERVED = /^(true|false|null|~|yes|no|on|off|y|n)$/i;
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./@-]*( [A-Za-z0-9_./@(),-]+)*$/;

export function scalar(value: unknown): string {
  if (typeof value === "string")
    return PLAIN.test(value) && !NUMBER_LIKE.test(value) && !RESERVED.test(value)
      ? value
      : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "null";
}

const isBlock = (value: unknown): value is object =>
  value !== null &&
  typeof value === "object" &&
  (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);

function empty(value: unknown): string {
  return Array.isArray(value) ? "[]" : "{}";
}

function lines(value: object, indent: number, out: string[]): void {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (!isBlock(item)) {
        out.push(`${pad}- ${item !== null && typeof item === "object" ? empty(item) : scalar(item)}`);
        continue;
      }
      if (Array.isArray(item)) {
        out.push(`${pad}-`);
        lines(item, indent + 2, out);
        continue;
      }
      const start = out.length;
      lines(item, indent + 2, out);
      out[start] = `${pad}- ${(out[start] ?? "").slice(indent + 2)}`;
    }
    return;
  }
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (isBlock(field)) {
      out.push(`${pad}${scalar(key)}:`);
      lines(field, indent + 2, out);
    } else
      out.push(
        `${pad}${scalar(key)}: ${field !== null && typeof field === "object" ? empty(field) : scalar(field)}`,
      );
  }
}

export function toYaml(data: object): string {
  const out: string[] = [];
  lines(data, 0, out);
  return `${out.join("\n")}\n`;
}

/** One item of a block list at `indent` (`- ` and its fields), without a trailing newline: the lines `toYaml`
 * writes for that item, so a list can be written item by item (lib/lab/topology-text.ts keeps them per item). */
export function yamlListItem(item: unknown, indent: number): string {
  const out: string[] = [];
  lines([item], indent, out);
  return out.join("\n");
}
