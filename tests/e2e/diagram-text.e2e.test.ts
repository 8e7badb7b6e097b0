// The question diagram's text alternative: before answering it describes the network only (no path, no
// blocker: that would give the key away); after answering it names the traced path and the blocker by name.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser";
import { tickFirstOptions } from "./support/practice-choice";

const AWS_ID = /\b(?:[a-z]+-)+[0-9a-f]{8,17}\b/;

describe("question diagram text alternative", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("says nothing of the path before the answer, and names path and blocker after it", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    // can-a-reach-c questions always carry a diagram and a traced path (a mixed session may draw none in 8).
    await page.locator('input[name="everything"]').uncheck();
    await page.locator('input[name="families"][value="can-a-reach-c"]').check();
    await page.locator('input[name="questionLimit"]').fill("8");
    await page.getByTestId("start-practice").click();
    let checked = 0;
    for (let index = 0; index < 8 && checked < 2; index += 1) {
      await page.getByTestId("practice-answer").waitFor();
      const desc = page.locator('[data-testid="topology-diagram"] svg desc');
      const hasDiagram = (await desc.count()) > 0;
      if (hasDiagram) {
        const before = (await desc.textContent()) ?? "";
        expect(before).not.toMatch(/Path:|Blocked|arrives/);
      }
      await tickFirstOptions(page);
      await page.getByTestId("submit").click();
      await page.locator("[data-verdict]").waitFor();
      if (hasDiagram && (await page.getByTestId("path-verdict").count()) > 0) {
        const after = (await desc.textContent()) ?? "";
        expect(after).toMatch(/^(Path: .+\.|No path\.) (The traffic arrives\.|Blocked at [^:]+: .+)$/);
        expect(after).not.toMatch(AWS_ID);
        // The svg's accessible name is its title plus this description; the phone's stacked drawing of the same
        // diagram (when there is one) is named by the same two.
        const labelledBy = await page
          .locator('[data-testid="topology-diagram"] svg')
          .evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute("aria-labelledby") ?? ""));
        expect(labelledBy[0]?.split(" ")).toHaveLength(2);
        expect(new Set(labelledBy).size).toBe(1);
        checked += 1;
      }
      const next = page.getByTestId("next");
      if ((await next.count()) === 0) break;
      await next.click();
      // Until the next question replaces this one, the answered question (and its path) stays on screen.
      await page.locator("[data-verdict]").waitFor({ state: "detached" });
    }
    expect(checked).toBeGreaterThan(0);
    await context.close();
  });

  it("keeps diagram labels readable on a phone: no diagram is drawn below 0.8 of its size at 390 px", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/lessons");
    const lessons = await page
      .locator('main a[href^="/lessons/"]')
      .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute("href") ?? ""))]);
    expect(lessons.length).toBeGreaterThan(5);
    let diagrams = 0;
    for (const href of lessons) {
      await page.goto(href);
      // Drawn width over the viewBox width: the factor the 11-12 px label text is scaled by. Of a diagram's wide
      // and stacked drawings only the one shown counts (the other is display: none, 0 px wide).
      const scales = await page
        .locator('[data-testid="topology-diagram"] svg')
        .evaluateAll((svgs) =>
          svgs
            .filter((svg) => svg.getBoundingClientRect().width > 0)
            .map((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width),
        );
      for (const scale of scales) expect(scale, href).toBeGreaterThanOrEqual(0.8);
      diagrams += scales.length;
    }
    expect(diagrams).toBeGreaterThan(0);
    await context.close();
  }, 120_000);
});
