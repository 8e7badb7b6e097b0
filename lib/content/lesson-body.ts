import { isConceptId } from "./concepts";
import { type ContentIssue } from "./frontmatter";

/**
 * The MDX body of a lesson: which components it uses, with which props, under which headings. Lessons are plain
 * Markdown plus six components with string or whole-number props, so a small scanner is enough; the course test
 * cross-checks it against the real MDX parser.
 */

/** Example topologies a lesson may draw (content/topologies/<name>.yaml). */
export const TOPOLOGY_EXAMPLES = [
  "abc-peering-chain",
  "gateway-endpoint-from-peer",
  "nacl-blocks-responses",
  "tgw-hub",
  "public-private-nat",
  "ipv6-egress-only",
  "interface-endpoint-private-dns",
  "site-to-site-vpn",
  "tgw-centralised-egress",
  "inspection-appliance",
] as const;

/** Question families an inline `<TryIt>` may ask for. */
export const TRY_IT_FAMILIES = [
  "can-a-reach-c",
  "endpoint-choice",
  "missing-piece",
  "peering-feasibility",
  "edge-to-edge",
  "filtering",
  "flow-log-diagnosis",
  "ipv6-egress",
  "fix-it",
  "hybrid",
  "concept-check",
] as const;

const SELF_CLOSING = ["Topology", "TryIt", "FlowLogRecord"] as const;
const WRAPPING = ["ExamTip", "DriftNote", "NotesError"] as const;
export const QUESTIONS_HEADING = "Check yourself";
export const RECAP_HEADING = "Recap";

export type PropValue = string | number;
export type LessonComponent = {
  readonly name: string;
  readonly props: Readonly<Record<string, PropValue>>;
  /** Index of the `##` section the element sits in (-1 before the first heading). */
  readonly section: number;
};
export type LessonHeading = { readonly depth: 2 | 3; readonly text: string; readonly id: string };
/** GitHub-style heading anchor, so a table of contents can link to `#longest-prefix-match`. */
export function slugifyHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/** Blanks fenced and inline code so tags and braces shown as code are not read as components. */
export function blankCode(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, " ");
  return body.replace(/^(```|~~~)[\s\S]*?^\1[ \t]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

function lineSections(text: string): number[] {
  let section = -1;
  return text.split("\n").map((line) => (line.startsWith("## ") ? ++section : section));
}

export function extractHeadings(body: string): LessonHeading[] {
  return blankCode(body)
    .split("\n")
    .flatMap((line, index) => {
      const match = /^(##|###) (.+)$/.exec(line);
      if (!match?.[1] || !match[2]) return [];
      const text = (body.split("\n")[index] ?? "").slice(match[1].length + 1).trim();
      return [{ depth: match[1].length as 2 | 3, text, id: slugifyHeading(text) }];
    });
}

export const COMPONENT_TAG = /<(\/?)([A-Za-z][\w.-]*)([^<>]*?)(\/?)>/g;
const PROP = /\s*([A-Za-z]\w*)=(?:"([^"]*)"|\{(-?\d+)\})/y;

function parseProps(raw: string, where: string, issues: ContentIssue[]): Record<string, PropValue> {
  const props: Record<string, PropValue> = {};
  PROP.lastIndex = 0;
  let rest = raw;
  while (rest.trim() !== "") {
    PROP.lastIndex = 0;
    const match = PROP.exec(rest);
    if (!match?.[1]) {
      issues.push({
        path: where,
        message: `props must look like name="text" or name={123}; got "${rest.trim()}"`,
      });
      break;
    }
    props[match[1]] = match[2] ?? Number(match[3]);
    rest = rest.slice(PROP.lastIndex);
  }
  return props;
}

/** Finds the MDX components in a lesson body; raw HTML, unknown tags, imports and expressions are issues. */
export function extractComponents(body: string): { components: LessonComponent[]; issues: ContentIssue[] } {
  const text = blankCode(body);
  const sections = lineSections(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const sectionAt = (offset: number) => sections[lineStarts.findLastIndex((start) => start <= offset)] ?? -1;

  const components: LessonComponent[] = [];
  const issues: ContentIssue[] = [];
  const open: string[] = [];
  const counts = new Map<string, number>();
  for (const match of text.matchAll(COMPONENT_TAG)) {
    const [, closing, name = "", rawProps = "", selfClosing] = match;
    const index = counts.get(name) ?? 0;
    const where = `body.${name}[${index}]`;
    if (
      !(SELF_CLOSING as readonly string[]).includes(name) &&
      !(WRAPPING as readonly string[]).includes(name)
    ) {
      issues.push({ path: where, message: `<${name}> is not an allowed component (no raw HTML in lessons)` });
      continue;
    }
    if (closing) {
      if (open.pop() !== name) issues.push({ path: where, message: `</${name}> closes nothing` });
      continue;
    }
    counts.set(name, index + 1);
    const isWrapping = (WRAPPING as readonly string[]).includes(name);
    if (isWrapping === Boolean(selfClosing)) {
      issues.push({
        path: where,
        message: isWrapping ? `<${name}> wraps text: <${name}>…</${name}>` : `<${name} … /> must self-close`,
      });
    }
    if (isWrapping && !selfClosing) open.push(name);
    components.push({ name, props: parseProps(rawProps, where, issues), section: sectionAt(match.index) });
  }
  for (const name of open) issues.push({ path: `body.${name}`, message: `<${name}> is never closed` });

  const prose = text.replace(COMPONENT_TAG, (tag) => tag.replace(/[^\n]/g, " "));
  if (/[{}]/.test(prose))
    issues.push({ path: "body", message: "braces outside component props are JS expressions; remove them" });
  if (/^(import|export)\s/m.test(prose))
    issues.push({ path: "body", message: "lessons may not import or export" });
  return { components, issues };
}

export function checkComponentProps(component: LessonComponent, where: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { props } = component;
  const need = (key: string, ok: (value: PropValue | undefined) => boolean, message: string) => {
    if (!ok(props[key])) issues.push({ path: `${where}.${key}`, message });
  };
  const allowed: Record<string, readonly string[]> = {
    Topology: ["example", "highlightFrom", "highlightTo", "port"],
    TryIt: ["family", "seed", "difficulty", "concept"],
    FlowLogRecord: ["record"],
  };
  for (const key of Object.keys(props)) {
    if (!(allowed[component.name] ?? []).includes(key))
      issues.push({ path: `${where}.${key}`, message: `unknown prop "${key}"` });
  }
  const isInt = (min: number, max: number) => (v: PropValue | undefined) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  const isOptional = (check: (v: PropValue | undefined) => boolean) => (v: PropValue | undefined) =>
    v === undefined || check(v);
  if (component.name === "Topology") {
    need(
      "example",
      (v) => (TOPOLOGY_EXAMPLES as readonly PropValue[]).includes(v ?? ""),
      `example must be one of ${TOPOLOGY_EXAMPLES.join(", ")}`,
    );
    need("port", isOptional(isInt(0, 65535)), "port must be a number 0-65535");
    if ("highlightFrom" in props !== "highlightTo" in props) {
      issues.push({ path: `${where}.highlightTo`, message: "highlightFrom and highlightTo go together" });
    }
  } else if (component.name === "TryIt") {
    need(
      "family",
      (v) => (TRY_IT_FAMILIES as readonly PropValue[]).includes(v ?? ""),
      `family must be one of ${TRY_IT_FAMILIES.join(", ")}`,
    );
    need("seed", isInt(0, 2 ** 31 - 1), "seed must be a non-negative whole number");
    need("difficulty", isOptional(isInt(1, 3)), "difficulty must be 1, 2 or 3");
    need(
      "concept",
      isOptional((v) => typeof v === "string" && isConceptId(v)),
      "concept must be a known concept ID",
    );
    if ("concept" in props && props.family !== "concept-check") {
      issues.push({ path: `${where}.concept`, message: "only the concept-check family takes a concept" });
    }
  } else if (component.name === "FlowLogRecord") {
    // VPC flow-log format: a default (version 2) record has 14 space-separated fields.
    need(
      "record",
      (v) => typeof v === "string" && /^2(?: \S+){13}$/.test(v),
      "record must be a 14-field version 2 flow log record",
    );
  }
  return issues;
}
