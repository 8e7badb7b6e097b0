import path from "node:path";
import type { Page } from "playwright-core";
import { repoRoot } from "./server";

// axe-core injected from node_modules (nothing downloaded): the one axe run every e2e file uses.

const AXE_SOURCE = path.join(repoRoot, "node_modules", "axe-core", "axe.min.js");

export type AxeNode = { target: string[]; html: string };
export type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/** Every axe violation on the page as it is now (node HTML cut to 160 characters for the log). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Next streams a dynamic page's <title> into the head after the shell: give it a moment, or axe reads a page
  // that has no title yet (a page that never gets one is still reported).
  await page
    .waitForFunction(() => document.title !== "", undefined, { timeout: 5_000 })
    .catch(() => undefined);
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html.slice(0, 160) })),
    }));
  });
}

export const isSerious = (violation: AxeViolation): boolean =>
  violation.impact === "serious" || violation.impact === "critical";

/**
 * Moderate and minor rules the accessibility suite fails on all the same, because they came back once: landmarks
 * that share a name (a screen reader's landmark list cannot tell them apart) and header cells with no text.
 */
export const ALSO_BLOCKING: ReadonlySet<string> = new Set(["landmark-unique", "empty-table-header"]);

/** Serious or critical, or one of the rules in ALSO_BLOCKING. */
export const isBlocking = (violation: AxeViolation): boolean =>
  isSerious(violation) || ALSO_BLOCKING.has(violation.id);

/** One line per critical or serious violation: "<id>: <first target>". */
export async function seriousViolationLines(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter(isSerious)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The critical and serious violations on the page as it is now, one line each ("" when there are none). */
export async function seriousViolations(page: Page): Promise<string> {
  return (await seriousViolationLines(page)).map((line) => `${page.url()} [serious] ${line}`).join("\n");
}

/** Serious and critical axe violations, at desktop width and at 390 px, plus whether the page scrolls sideways. */
export async function checkPage(page: Page, pagePath: string): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(pagePath);
    for (const line of await seriousViolationLines(page)) problems.push(`${width} ${pagePath} ${line}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${width} ${pagePath}: scrolls sideways by ${overflow}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}
