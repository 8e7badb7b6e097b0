import { describe, expect, it } from "vitest";
import { classifySource, validateFrontmatter } from "../../lib/content/frontmatter";

const valid = {
  title: "VPC peering",
  summary: "Private one-to-one links between two VPCs and the rules that govern them.",
  concepts: ["P1", "P3"],
  sources: ["000_758210b986ce4a75.txt", "Amazon VPC Peering Guide: VPC peering basics"],
  minutes: 12,
};

function issuesOf(data: unknown) {
  const result = validateFrontmatter(data);
  if (result.ok) throw new Error("expected the frontmatter to be rejected");
  return result.issues;
}

describe("validateFrontmatter", () => {
  it("accepts a complete frontmatter and returns it typed", () => {
    const result = validateFrontmatter(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.frontmatter.concepts).toEqual(["P1", "P3"]);
  });

  it("names the index of an unknown concept ID in the path", () => {
    const issues = issuesOf({ ...valid, concepts: ["P1", "Z9"] });
    expect(issues).toEqual([expect.objectContaining({ path: "frontmatter.concepts.1" })]);
    expect(issues[0]?.message).toContain("Z9");
  });

  it("reports a missing title at frontmatter.title", () => {
    const { title: _title, ...rest } = valid;
    expect(issuesOf(rest).map((issue) => issue.path)).toEqual(["frontmatter.title"]);
  });

  it("rejects fractional, zero and missing minutes", () => {
    expect(issuesOf({ ...valid, minutes: 7.5 })[0]?.path).toBe("frontmatter.minutes");
    expect(issuesOf({ ...valid, minutes: 0 })[0]?.path).toBe("frontmatter.minutes");
    expect(issuesOf({ ...valid, minutes: "ten" })[0]?.path).toBe("frontmatter.minutes");
  });

  it("rejects an empty concept list and repeated concepts", () => {
    expect(issuesOf({ ...valid, concepts: [] })[0]?.path).toBe("frontmatter.concepts");
    expect(issuesOf({ ...valid, concepts: ["P1", "P1"] })[0]?.message).toMatch(/repeat/);
  });

  it("rejects a misspelled seed file name but accepts documentation titles", () => {
    const issues = issuesOf({
      ...valid,
      sources: ["000_75821.txt", "AWS PrivateLink Guide: Gateway endpoints"],
    });
    expect(issues.map((issue) => issue.path)).toEqual(["frontmatter.sources.0"]);
  });

  it("rejects an empty source list and blank sources", () => {
    expect(issuesOf({ ...valid, sources: [] })[0]?.path).toBe("frontmatter.sources");
    expect(issuesOf({ ...valid, sources: ["   "] })[0]?.path).toBe("frontmatter.sources.0");
  });

  it("names each unknown field so typos do not pass silently", () => {
    const issues = issuesOf({ ...valid, minute: 5, author: "x" });
    expect(issues.map((issue) => issue.path).sort()).toEqual(["frontmatter.author", "frontmatter.minute"]);
  });

  it("rejects data that is not an object at all", () => {
    expect(issuesOf(null)[0]?.path).toBe("frontmatter");
    expect(issuesOf(["title"])[0]?.path).toBe("frontmatter");
  });
});

describe("classifySource", () => {
  it("tells seed files from documentation titles", () => {
    expect(classifySource("003_9e989615e5fd29b8.txt")).toEqual({
      kind: "seed",
      file: "003_9e989615e5fd29b8.txt",
    });
    expect(classifySource("AWS Transit Gateway Guide: How transit gateways work")).toEqual({
      kind: "doc",
      title: "AWS Transit Gateway Guide: How transit gateways work",
    });
  });
});
