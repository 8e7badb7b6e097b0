import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { remarkRuleLinks } from "../../lib/content/remark-rule-links";
import { isRuleId } from "../../lib/content/rules-catalogue";

async function html(markdown: string): Promise<string> {
  const compiled = await compile(markdown, {
    remarkPlugins: [remarkGfm, remarkRuleLinks(isRuleId)],
    outputFormat: "function-body",
  });
  return String(compiled);
}

describe("remarkRuleLinks", () => {
  it("links catalogued rule IDs in running text, lists and emphasis", async () => {
    const out = await html("Peering is not transitive (PCX-02).\n\n- *see SG-01*\n");
    expect(out).toContain('href: "/rules/PCX-02"');
    expect(out).toContain('href: "/rules/SG-01"');
  });

  it("leaves code, headings, existing links and unknown IDs alone", async () => {
    const out = await html(
      "## About PCX-02\n\nRun `PCX-02` here, [PCX-03](https://example.com) there, and XYZ-99.\n",
    );
    expect(out).not.toContain("/rules/PCX-02");
    expect(out).not.toContain("/rules/PCX-03");
    expect(out).not.toContain("/rules/XYZ-99");
  });
});
