import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseLessons } from "../../lib/content/lessons";
import { launchBrowser } from "./support/browser";
import { type AxeViolation, axeViolations, isBlocking } from "./support/axe";
import { startExamWith } from "./support/exam";
import { repoRoot } from "./support/server";

// axe-core, injected from node_modules (nothing downloaded), over every main page and every lesson, at desktop
// width and at 390 px (a phone). Critical and serious violations fail, and so do landmark-unique and
// empty-table-header (support/axe.ts ALSO_BLOCKING); the rest are printed for the record.
const MAIN_PAGES = [
  "/",
  "/lessons",
  "/practice",
  "/exam",
  "/review",
  "/review/cards",
  "/review/stats",
  "/review/settings",
  "/progress",
  "/classroom",
  "/rules",
  "/rules/PCX-02",
  "/bookmarks",
  "/account",
  "/lab",
  "/classroom/join",
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

/**
 * Links, buttons, selects and file inputs smaller than 24 x 24 px (WCAG 2.5.8). A link inside running text is
 * exempt, as are checkboxes and radios (each sits in a label that takes the tap).
 */
function smallTapTargets(): string[] {
  const inText = (element: Element) =>
    element.tagName === "A" &&
    getComputedStyle(element).display === "inline" &&
    element.closest("p, li, td, dd, figcaption") !== null;
  return [...document.querySelectorAll("a[href], button, select, input[type=file]")]
    .filter((element) => !inText(element))
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < 24 || box.height < 24))
    .map(
      ({ element, box }) =>
        `${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`,
    );
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
    it(`has no critical, serious or blocking minor violations on the main pages and every lesson at ${size.width} px`, async () => {
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
        const blocking = violations.filter(isBlocking);
        if (blocking.length > 0) failures.push(summary(pagePath, size.name, blocking));
        for (const target of await page.evaluate(smallTapTargets))
          failures.push(`${size.name} ${pagePath} tap target under 24 px: ${target}`);
      }
      await context.close();
      expect(failures.join("\n")).toBe("");
    }, 300_000);
  }

  it("a mock exam's score report does not scroll sideways, even with wide exhibit tables", async () => {
    // Eight unanswered questions, at least one of them with exhibit tables (the server's draw has none about
    // 1 time in 100, so the plan is read and redrawn): an exhibit table wider than the page used to widen the
    // report's grid track (3 of 3 such reports scrolled sideways by 160-210 px before the fix).
    const { context, page } = await startExamWith(browser, {
      baseURL: inject("baseURL"),
      databaseUrl: inject("databaseUrl"),
      count: 8,
      wanted: (question) => (question.exhibit?.tables.length ?? 0) > 0,
      viewport: { width: 1280, height: 800 },
    });
    await page.getByTestId("open-review").click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("submit-exam").click();
    await page.getByTestId("exam-verdict").waitFor();
    expect(await page.locator("[data-testid=exhibit] table").count()).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) failures.push(`${width} px: scrolls sideways by ${overflow}px`);
      for (const line of (await axeViolations(page)).filter(isBlocking))
        failures.push(`${width} px: ${line.id}`);
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 120_000);

  it("at 390 px every lesson diagram fits or scrolls by keyboard with a visible hint, and no lesson scrolls sideways", async () => {
    const context = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const pagePath of lessonPaths()) {
      await page.goto(pagePath);
      // Wide tables and diagrams scroll inside their own boxes; the page itself never does (a question id in a
      // diagram's caption pushed 10 of 13 lessons to 400-675 px).
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (pageWidth > 390) problems.push(`${pagePath} is ${pageWidth} px wide`);
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

describe("a phone's header and touch targets", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("at 390 px on a touch screen the header is one short row of 44 px links, and controls are 44 px tall", async () => {
    const context = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const pagePath of ["/", "/lab", "/practice", "/exam", "/lessons/vpc-peering"]) {
      await page.goto(pagePath);
      await page.waitForLoadState("networkidle");
      const found = await page.evaluate(() => {
        const size = (element: Element) => element.getBoundingClientRect();
        const header = size(document.querySelector(".site-header") ?? document.body).height;
        // Links in the nav row (those scrolled out of view included), then every button, select and summary.
        const small = [
          ...document.querySelectorAll(".site-nav a"),
          ...document.querySelectorAll("button:not(.link-button), select, summary"),
        ]
          .map((element) => ({ element, box: size(element) }))
          .filter(({ box }) => box.width > 0 && box.height > 0)
          .filter(({ element, box }) => box.height < 44 || (element.matches(".site-nav a") && box.width < 44))
          .map(
            ({ element, box }) =>
              `${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 25)}" ${Math.round(box.width)}x${Math.round(box.height)}`,
          );
        return { header, small, pageWidth: document.documentElement.scrollWidth };
      });
      // The ten links wrapped onto three lines of 19 px targets, about 130 px above every page.
      if (found.header > 72) problems.push(`${pagePath}: header ${Math.round(found.header)} px tall`);
      for (const target of found.small) problems.push(`${pagePath}: ${target} is under 44 px`);
      if (found.pageWidth > 390) problems.push(`${pagePath}: page ${found.pageWidth} px wide`);
    }
    // Every nav link is reachable on the phone: the Menu button opens all of them, the last one included.
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("button", { name: "Menu" }).click();
    const last = nav.getByRole("link", { name: "Account" });
    await last.waitFor();
    const box = await last.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 391).toBe(true);
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);
});
