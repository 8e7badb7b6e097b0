import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseLessons } from "../../lib/content/lessons";
import { launchBrowser } from "./support/browser";
import { type AxeViolation, axeViolations } from "./support/axe";
import { repoRoot } from "./support/server";

// axe-core, injected from node_modules (nothing downloaded), over every main page and every lesson, at desktop
// width and at 390 px (a phone). Critical and serious violations fail; the rest are printed for the record.
const MAIN_PAGES = [
  "/",
  "/lessons",
  "/practice",
  "/exam",
  "/review",
  "/progress",
  "/classroom",
  "/rules",
  "/rules/PCX-02",
  "/bookmarks",
  "/account",
];
const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

function lessonPaths(): string[] {
  const dir = path.join(repoRoot, "content", "lessons");
  const parsed = parseLessons(
    fs
      .readdirSync(dir)
      .map((fileName) => ({ fileName, source: fs.readFileSync(path.join(dir, fileName), "utf8") })),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value.map((lesson) => `/lessons/${lesson.slug}`);
}

function summary(pagePath: string, width: string, violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) => `${width} ${pagePath} [${v.impact}] ${v.id} x${v.nodes.length}: ${v.nodes[0]?.target.join(" ")}`,
    )
    .join("\n");
}

describe("accessibility (axe-core)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const size of WIDTHS) {
    it(`has no critical or serious violations on the main pages and every lesson at ${size.width} px`, async () => {
      const context = await browser.newContext({
        baseURL: inject("baseURL"),
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const pagePath of [...MAIN_PAGES, ...lessonPaths()]) {
        const response = await page.goto(pagePath);
        expect(response?.status(), pagePath).toBe(200);
        await page.waitForLoadState("networkidle");
        const violations = await axeViolations(page);
        const report = summary(pagePath, size.name, violations);
        if (report) console.log(report);
        const blocking = violations.filter((v) => v.impact === "critical" || v.impact === "serious");
        if (blocking.length > 0) failures.push(summary(pagePath, size.name, blocking));
      }
      await context.close();
      expect(failures.join("\n")).toBe("");
    }, 300_000);
  }

  it("at 390 px every lesson diagram fits or scrolls by keyboard with a visible hint", async () => {
    const context = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const pagePath of lessonPaths()) {
      await page.goto(pagePath);
      const diagrams = await page.locator("[data-testid=topology-diagram]").evaluateAll((figures) =>
        figures.map((figure) => {
          const scroller = figure.querySelector<HTMLElement>(".diagram-scroll") ?? figure;
          const hint = figure.querySelector<HTMLElement>(".scroll-hint");
          return {
            overflows: scroller.scrollWidth > scroller.clientWidth + 1,
            focusable: scroller.tabIndex >= 0,
            named: Boolean(scroller.getAttribute("aria-label") || scroller.getAttribute("aria-labelledby")),
            hintVisible:
              hint !== null && hint.offsetParent !== null && hint.getBoundingClientRect().height > 0,
          };
        }),
      );
      diagrams.forEach((diagram, index) => {
        if (diagram.overflows && !(diagram.focusable && diagram.named && diagram.hintVisible))
          problems.push(`${pagePath} diagram ${index}: ${JSON.stringify(diagram)}`);
      });
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
