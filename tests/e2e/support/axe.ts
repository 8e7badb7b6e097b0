import path from "node:path";
import type { Page } from "playwright-core";
import { repoRoot } from "./server";

// axe-core from node_modules (nothing downloaded), as tests/e2e/a11y.e2e.test.ts runs it, for pages that need a
// game or an assignment to exist first.

const AXE_SOURCE = path.join(repoRoot, "node_modules", "axe-core", "axe.min.js");

type AxeViolation = { id: string; impact: string | null; targets: string[] };

/** The critical and serious violations on the page as it is now, one line each ("" when there are none). */
export async function seriousViolations(page: Page): Promise<string> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .map(
      (violation) => `${page.url()} [${violation.impact}] ${violation.id}: ${violation.targets.join(", ")}`,
    )
    .join("\n");
}
