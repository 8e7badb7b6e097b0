import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { remarkTableLabels } from "../../lib/content/remark-table-labels";

async function code(markdown: string): Promise<string> {
  const compiled = await compile(markdown, {
    remarkPlugins: [remarkGfm, remarkTableLabels],
    outputFormat: "function-body",
  });
  return String(compiled);
}

const TABLE = "| Feature | A |\n|---|---|\n| x | y |\n";

describe("remarkTableLabels", () => {
  it("names each table after the nearest ## or ### heading before it, code spans included", async () => {
    const out = await code(
      `## Two kinds of \`endpoint\`\n\n${TABLE}\n### Routes\n\nSome text.\n\n${TABLE}\n<ExamTip>\n\n${TABLE}\n</ExamTip>\n`,
    );
    const labels = [...out.matchAll(/"aria-label": "([^"]*)"/g)].map((match) => match[1]);
    expect(labels).toEqual(["Two kinds of endpoint", "Routes", "Routes"]);
  });

  it("leaves a table before any heading unnamed", async () => {
    const out = await code(TABLE);
    expect(out).not.toContain("aria-label");
  });
});
