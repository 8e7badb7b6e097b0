import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { repoRoot } from "./server";

const AXE_SOURCE = path.join(repoRoot, "node_modules", "axe-core", "axe.min.js");
type AxeViolation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** Serious and critical axe violations, at desktop width and at 390 px, plus whether the page scrolls sideways. */
export async function checkPage(page: Page, pagePath: string): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(pagePath);
    await page.addScriptTag({ content: fs.readFileSync(AXE_SOURCE, "utf8") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (d: Document) => Promise<{ violations: AxeViolation[] }> } }
      ).axe;
      return (await axe.run(document)).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    });
    for (const v of violations)
      if (v.impact === "serious" || v.impact === "critical")
        problems.push(`${width} ${pagePath} [${v.impact}] ${v.id}: ${v.nodes[0]?.target.join(" ")}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${width} ${pagePath}: scrolls sideways by ${overflow}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}
