import { describe, expect, it } from "vitest";
import {
  estimateReadingMinutes,
  parseLesson,
  parseLessonFileName,
  parseLessons,
  splitFrontmatter,
} from "../../lib/content/lessons";

const frontmatter = [
  "---",
  "title: Gateway endpoints",
  "summary: Reaching S3 and DynamoDB privately through a route-table target.",
  "concepts: [E2, E3]",
  "sources:",
  "  - 000_758210b986ce4a75.txt",
  "minutes: 8",
  "---",
].join("\n");

const questions = [
  "## Recap",
  "",
  "- Gateway endpoints serve S3 and DynamoDB.",
  "",
  "## Check yourself",
  "",
  '<TryIt family="endpoint-choice" seed={1} difficulty={1} />',
  '<TryIt family="edge-to-edge" seed={2} />',
  '<TryIt family="concept-check" seed={3} concept="E2" />',
  "",
].join("\n");

function lessonSource(body: string): string {
  return `${frontmatter}\n${body}\n${questions}`;
}

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

function pathsOf(fileName: string, source: string): string[] {
  const result = parseLesson(fileName, source);
  if (result.ok) throw new Error("expected the lesson to be rejected");
  return result.issues.map((issue) => issue.path);
}

describe("parseLessonFileName", () => {
  it("reads order and slug from NN-slug.mdx", () => {
    expect(parseLessonFileName("03-gateway-endpoints.mdx")).toEqual({
      ok: true,
      value: { order: 3, slug: "gateway-endpoints" },
    });
  });

  it.each(["3-gateway.mdx", "03_gateway.mdx", "03-Gateway.mdx", "03-gateway.md", "03--gateway.mdx"])(
    "rejects %s",
    (name) => {
      const result = parseLessonFileName(name);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.path).toBe("fileName");
    },
  );
});

describe("splitFrontmatter", () => {
  it("separates the YAML block from the body", () => {
    const result = splitFrontmatter("---\ntitle: A\n---\n\nBody line\n");
    expect(result).toEqual({ ok: true, value: { yaml: "title: A", body: "\nBody line\n" } });
  });

  it("handles Windows line endings", () => {
    const result = splitFrontmatter("---\r\ntitle: A\r\n---\r\nBody");
    expect(result.ok && result.value.body).toBe("Body");
  });

  it("fails when the file does not start with a frontmatter block", () => {
    expect(splitFrontmatter("# Title\n---\ntitle: A\n---\n").ok).toBe(false);
    expect(splitFrontmatter("---\ntitle: A\n").ok).toBe(false);
  });
});

describe("parseLesson", () => {
  it("returns the lesson with slug, order, headings and components", () => {
    const result = parseLesson("02-vpc-peering.mdx", lessonSource(goodBody));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ slug: "vpc-peering", order: 2, fileName: "02-vpc-peering.mdx" });
    expect(result.value.frontmatter.concepts).toEqual(["E2", "E3"]);
    expect(result.value.headings.map((heading) => heading.text)).toEqual([
      "Route tables",
      "Recap",
      "Check yourself",
    ]);
    expect(result.value.components.filter((c) => c.name === "TryIt")).toHaveLength(3);
  });

  it("points at the bad prop of an unknown topology or family", () => {
    const body = goodBody.replace("abc-peering-chain", "abc-chain");
    expect(pathsOf("02-x.mdx", lessonSource(body))).toEqual(["body.Topology[0].example"]);
    const wrongFamily = lessonSource(goodBody).replace('family="edge-to-edge"', 'family="edge2edge"');
    expect(pathsOf("02-x.mdx", wrongFamily)).toEqual(["body.TryIt[1].family"]);
  });

  it("checks TryIt seed, difficulty and concept props", () => {
    const source = lessonSource(goodBody)
      .replace("seed={1} difficulty={1}", "seed={-4} difficulty={9}")
      .replace('concept="E2"', 'concept="Q7"');
    expect(pathsOf("02-x.mdx", source)).toEqual([
      "body.TryIt[0].seed",
      "body.TryIt[0].difficulty",
      "body.TryIt[2].concept",
    ]);
  });

  it("requires both ends of a highlighted path", () => {
    const body = goodBody.replace(' highlightTo="C"', "");
    expect(pathsOf("02-x.mdx", lessonSource(body))).toEqual(["body.Topology[0].highlightTo"]);
  });

  it("accepts a version 2 flow log record and rejects a truncated one", () => {
    const record =
      "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
    expect(
      parseLesson("02-x.mdx", lessonSource(`${goodBody}\n\n<FlowLogRecord record="${record}" />`)).ok,
    ).toBe(true);
    const short = record.split(" ").slice(0, 10).join(" ");
    expect(pathsOf("02-x.mdx", lessonSource(`${goodBody}\n\n<FlowLogRecord record="${short}" />`))).toEqual([
      "body.FlowLogRecord[0].record",
    ]);
  });

  it("requires the recap and question sections at the end", () => {
    const noRecap = `${frontmatter}\n${goodBody}\n${questions.replace("## Recap", "## Summary")}`;
    expect(pathsOf("02-x.mdx", noRecap)).toContain("body.headings");
    const trailing = `${lessonSource(goodBody)}\nOne more paragraph.\n`;
    expect(pathsOf("02-x.mdx", trailing)).toContain("body");
  });

  it("requires 3 to 5 questions, all under the last heading", () => {
    const two = lessonSource(goodBody).replace('<TryIt family="edge-to-edge" seed={2} />', "");
    expect(pathsOf("02-x.mdx", two)).toEqual(["body.TryIt"]);
    const six = lessonSource(goodBody).replace(
      '<TryIt family="edge-to-edge" seed={2} />',
      '<TryIt family="edge-to-edge" seed={2} />\n'.repeat(4),
    );
    expect(pathsOf("02-x.mdx", six)).toEqual(["body.TryIt"]);
    const early = lessonSource(`${goodBody}\n\n<TryIt family="filtering" seed={9} />`);
    expect(pathsOf("02-x.mdx", early)).toEqual(["body.TryIt[0]"]);
  });

  it("reports invalid YAML and frontmatter issues with paths", () => {
    expect(pathsOf("02-x.mdx", `---\ntitle: [unclosed\n---\n${goodBody}`)).toEqual(["frontmatter"]);
    const badConcept = lessonSource(goodBody).replace("concepts: [E2, E3]", "concepts: [E2, X1]");
    expect(pathsOf("02-x.mdx", badConcept)).toEqual(["frontmatter.concepts.1"]);
  });

  it("rejects a # heading because the title comes from the frontmatter", () => {
    expect(pathsOf("02-x.mdx", lessonSource(`# Peering\n\n${goodBody}`))).toEqual(["body"]);
  });
});

describe("parseLessons", () => {
  it("orders lessons by their NN- prefix, not by input order", () => {
    const result = parseLessons([
      { fileName: "10-exam.mdx", source: lessonSource(goodBody) },
      { fileName: "02-peering.mdx", source: lessonSource(goodBody) },
      { fileName: "09-flow-logs.mdx", source: lessonSource(goodBody) },
    ]);
    expect(result.ok && result.value.map((lesson) => lesson.slug)).toEqual(["peering", "flow-logs", "exam"]);
  });

  it("prefixes issue paths with the file name and catches duplicate orders and slugs", () => {
    const result = parseLessons([
      { fileName: "02-peering.mdx", source: lessonSource(goodBody) },
      { fileName: "02-other.mdx", source: lessonSource(goodBody) },
      { fileName: "03-peering.mdx", source: lessonSource(goodBody) },
      { fileName: "04-broken.mdx", source: "no frontmatter" },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual([
      "04-broken.mdx:frontmatter",
      "02-other.mdx:fileName",
      "03-peering.mdx:fileName",
    ]);
  });
});

describe("estimateReadingMinutes", () => {
  it("counts about 200 words a minute plus a minute per question", () => {
    const words = Array.from({ length: 1000 }, () => "subnet").join(" ");
    expect(estimateReadingMinutes(words)).toBe(5);
    expect(estimateReadingMinutes(`${words}\n\n<TryIt family="filtering" seed={1} />`)).toBe(6);
  });

  it("does not count component props as words", () => {
    const props = '<FlowLogRecord record="2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK" />\n'.repeat(
      300,
    );
    expect(estimateReadingMinutes(props)).toBe(1);
  });
});
