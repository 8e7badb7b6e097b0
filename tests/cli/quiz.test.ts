import { describe, expect, it } from "vitest";
import { escapeGift } from "../../lib/scenario/export-gift";
import { runQuizCli } from "@/lib/cli/quiz";
import { FAMILIES } from "../../lib/scenario/registry";

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runQuizCli(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

describe("reachable quiz", () => {
  it("prints stable JSON with the documented fields, same bytes for the same seed", () => {
    const first = run(["quiz", "--family", "all", "--count", "6", "--seed", "99", "--format", "json"]);
    expect(first.code).toBe(0);
    expect(first.err).toBe("");
    expect(run(["--family", "all", "--count", "6", "--seed", "99", "--format", "json"]).out).toBe(first.out);
    const quiz = JSON.parse(first.out) as {
      format: string;
      version: number;
      questions: Record<string, unknown>[];
    };
    expect(quiz.format).toBe("reachable-quiz");
    expect(quiz.questions).toHaveLength(6);
    for (const q of quiz.questions) {
      expect(Object.keys(q)).toEqual([
        "id",
        "family",
        "seed",
        "difficulty",
        "concepts",
        "stem",
        "topology",
        "query",
        "exhibit",
        "multiSelect",
        "options",
        "answer",
        "explanation",
      ]);
    }
    expect(new Set(quiz.questions.map((q) => q.family)).size).toBe(Math.min(6, FAMILIES.length));
  });

  it("honours --family and --difficulty", () => {
    const { out } = run(["--family", "endpoint-choice", "--count", "5", "--seed", "3", "--difficulty", "2"]);
    const quiz = JSON.parse(out) as { questions: { family: string; difficulty: number; seed: number }[] };
    expect(quiz.questions.map((q) => [q.family, q.difficulty, q.seed])).toEqual(
      [3, 4, 5, 6, 7].map((seed) => ["endpoint-choice", 2, seed]),
    );
  });

  it("puts the answer key after all questions in Markdown", () => {
    const { code, out } = run(["--count", "3", "--format", "md", "--seed", "1"]);
    expect(code).toBe(0);
    const keyAt = out.indexOf("# Answer key");
    expect(keyAt).toBeGreaterThan(0);
    expect(out.lastIndexOf("## 3.")).toBeLessThan(keyAt);
    expect(out.slice(keyAt)).toMatch(/^1\. \*\*[A-H]\*\*/m);
  });

  it("writes GIFT with one = answer per single-select question and escaped specials", () => {
    const { out } = run(["--count", "4", "--format", "gift", "--seed", "10"]);
    const blocks = out.split(/\n(?=\/\/ )/);
    expect(blocks).toHaveLength(4);
    for (const block of blocks) {
      expect(block.match(/^\t=/gm)).toHaveLength(1);
      // no blank line inside a question (a blank line ends a GIFT question)
      expect(block.trim()).not.toMatch(/\n\s*\n/);
    }
    expect(escapeGift("a~b=c#d{e}f:g\\h\ni")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni");
  });

  it.each([
    [["--family", "nope"], "--family"],
    [["--count", "0"], "--count"],
    [["--count", "abc"], "--count"],
    [["--seed", "-4"], "--seed"],
    [["--seed", "4294967296"], "--seed"],
    [["--difficulty", "4"], "--difficulty"],
    [["--format", "xml"], "--format"],
    [["--format"], "--format"],
    [["--bogus", "1"], "--bogus"],
  ])("exits 2 with one line naming the flag for %j", (argv, flag) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain(flag);
  });
});
