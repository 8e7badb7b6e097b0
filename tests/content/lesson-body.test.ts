import { describe, expect, it } from "vitest";
import { extractComponents, extractHeadings, slugifyHeading } from "../../lib/content/lesson-body";

const goodBody = [
  "Intro text with `10.0.0.0/16`.",
  "",
  "## Route tables",
  "",
  '<Topology example="abc-peering-chain" highlightFrom="A" highlightTo="C" port={443} />',
  "",
  "<ExamTip>",
  "Longest prefix wins.",
  "</ExamTip>",
].join("\n");

describe("extractComponents", () => {
  it("reads string and number props and the section each element sits in", () => {
    const { components, issues } = extractComponents(goodBody);
    expect(issues).toEqual([]);
    expect(components).toEqual([
      {
        name: "Topology",
        props: { example: "abc-peering-chain", highlightFrom: "A", highlightTo: "C", port: 443 },
        section: 0,
      },
      { name: "ExamTip", props: {}, section: 0 },
    ]);
  });

  it("ignores tags and braces inside code", () => {
    const body = "Use `<TryIt />` and `{x}`.\n\n```\n<div>{1}</div>\n```\n";
    expect(extractComponents(body)).toEqual({ components: [], issues: [] });
  });

  it("rejects raw HTML, unknown components, expressions and imports", () => {
    const body = 'import X from "x"\n\n<div>hi</div>\n\n<Chart />\n\nTotal {1 + 1}';
    const messages = extractComponents(body)
      .issues.map((issue) => issue.message)
      .join("\n");
    expect(messages).toMatch(/<div> is not an allowed component/);
    expect(messages).toMatch(/<Chart> is not an allowed component/);
    expect(messages).toMatch(/braces/);
    expect(messages).toMatch(/import/);
  });

  it("rejects unclosed wrappers and self-closed wrappers", () => {
    expect(extractComponents("<DriftNote>\ntext").issues.map((issue) => issue.message)).toContain(
      "<DriftNote> is never closed",
    );
    expect(extractComponents("<ExamTip />").issues[0]?.message).toMatch(/wraps text/);
  });

  it("rejects props written as JS expressions other than whole numbers", () => {
    const { issues } = extractComponents('<TryIt family="filtering" seed={Math.random()} />');
    expect(issues[0]?.path).toBe("body.TryIt[0]");
  });
});

describe("extractHeadings and slugifyHeading", () => {
  it("lists ## and ### headings with anchors, skipping code", () => {
    const body = "## Longest prefix match\n\n```\n## not a heading\n```\n\n### The `local` route\n";
    expect(extractHeadings(body)).toEqual([
      { depth: 2, text: "Longest prefix match", id: "longest-prefix-match" },
      { depth: 3, text: "The `local` route", id: "the-local-route" },
    ]);
    expect(slugifyHeading('"Gateway or interface?" in three questions')).toBe(
      "gateway-or-interface-in-three-questions",
    );
  });
});
