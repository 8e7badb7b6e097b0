// What the command line accepts before it parses anything, so that a hostile or mistaken --topology (a
// symlink to /dev/zero, a FIFO, a megabyte of nested brackets) ends in one line and exit 2 instead of a
// hang, gigabytes of memory or a stack overflow deep inside the YAML parser.

/** Larger than any real estate's describe output per file or a 10,000-VPC topology in our format. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Real topologies and AWS output nest fewer than 12 levels; the parsers recurse per level. */
export const MAX_NESTING_DEPTH = 64;
/** Validation problems printed before "and N more" (a topology can have millions of overlapping pairs). */
export const MAX_REPORTED_ISSUES = 200;

/**
 * The deepest nesting of `text` as JSON or YAML would parse it: flow brackets (`[`, `{`), plus block
 * indentation levels for YAML (JSON's indentation is only layout). Quoted strings and comments are skipped. It over-counts
 * rather than under-counts, which is the safe side for a limit.
 */
export function nestingDepth(text: string, countIndentation: boolean): number {
  let deepest = 0;
  let brackets = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote !== null) {
      if (c === "\\" && quote === '"') i += 1;
      else if (c === quote) quote = null;
      else if (c === "\n") lineStart = true;
      continue;
    }
    if (c === "\n") {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && countIndentation) {
      if (c === " " || c === "-") {
        // "- " starts a nested sequence item in block YAML: count it as one more level of indentation.
        indent += 1;
        continue;
      }
      lineStart = false;
      if (c !== "#" && c !== "\r") {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
      }
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i += 1;
      i -= 1;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") brackets += 1;
    else if (c === "]" || c === "}") brackets = Math.max(0, brackets - 1);
    const depth = brackets + indents.length;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** One line naming what is wrong with `text` as an input, or null when it is within the limits. */
export function textLimitProblem(text: string, format: "json" | "yaml"): string | null {
  const depth = nestingDepth(text, format === "yaml");
  return depth > MAX_NESTING_DEPTH ? `nested ${depth} levels deep (at most ${MAX_NESTING_DEPTH})` : null;
}
