// The lab's UX review findings (uxr2): B1 ports out of range, C7 stepping with the diagram in view, C8 the diff's
// baseline, U3 path rows that wrap, N4/N8 errors in the learner's words. At 1280×800 and 390×844.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { markedNodeIds, stepView } from "./support/lab-stepper";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

const verdict = (page: Page, reachable: "yes" | "no") =>
  page.locator(`[data-testid=lab-verdict][data-reachable=${reachable}]`).waitFor({ timeout: 15_000 });

async function openLesson(page: Page, name: string): Promise<void> {
  await page.goto("/lab");
  await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor({ timeout: 15_000 });
  await page.getByTestId("lab-open-choice").selectOption(name);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await page.locator("[data-testid=lab-status]", { hasText: `Opened ${name}` }).waitFor({ timeout: 15_000 });
}

async function ask(page: Page, from: string, to: string, port: string): Promise<void> {
  await page.getByTestId("lab-from").fill(from);
  await page.getByTestId("lab-to").fill(to);
  await page.getByTestId("lab-port").fill(port);
  await page.getByTestId("lab-ask").click();
}

/** The page's scroll position once it stops moving (a smooth scroll takes a few hundred ms). */
async function settledScroll(page: Page): Promise<number> {
  let last = Number.NaN;
  for (let tries = 0; tries < 30; tries += 1) {
    const now = await page.evaluate(() => window.scrollY);
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(150);
  }
  return last;
}

describe("the lab, as the UX review found it", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each(VIEWPORTS)(
    "opens a lesson with no changes, refuses bad ports and unknown refs at their field with no verdict, wraps path rows, steps with the diagram under the stepper ($width px)",
    async (viewport) => {
      const context = await browser.newContext({ baseURL: inject("baseURL"), viewport });
      const page = await context.newPage();

      // C8: the network just opened is the baseline, not the blank starter it replaced.
      await openLesson(page, "abc-peering-chain");
      await expect(page.getByTestId("lab-diff").locator("summary").textContent()).resolves.toBe(
        "Changes since the lab opened (0)",
      );
      await expect(page.getByTestId("lab-undo").isDisabled()).resolves.toBe(true);

      await ask(page, "app-a", "app-b", "443");
      await verdict(page, "yes");

      // B1: out-of-range, zero and non-integer ports are refused at the Port field; the old verdict goes.
      for (const port of ["99999", "0", "44.5", "65536"]) {
        await page.getByTestId("lab-port").fill(port);
        await page.getByTestId("lab-ask").click();
        await expect(page.getByTestId("lab-field-error").textContent(), port).resolves.toBe(
          "Port must be a whole number from 1 to 65535",
        );
        await expect(page.getByTestId("lab-port").getAttribute("aria-invalid")).resolves.toBe("true");
        await expect(page.getByTestId("lab-verdict").count(), port).resolves.toBe(0);
        await expect(page.getByTestId("lab-blockers").count(), port).resolves.toBe(0);
      }
      // The worker's turn itself refuses it too (the API's schema never saw the worker's requests).
      await page.getByTestId("lab-port").fill("65535");
      await page.getByTestId("lab-ask").click();
      await verdict(page, "yes");
      await expect(page.getByTestId("lab-field-error").count()).resolves.toBe(0);

      // N4: an unknown source is named in the form's words, at the From field, and the stale verdict goes.
      await ask(page, "no-such-host", "app-b", "443");
      const fromError = page.getByTestId("lab-field-error");
      await fromError.waitFor({ timeout: 15_000 });
      await expect(fromError.textContent()).resolves.toMatch(/^From: unknown source "no-such-host"/);
      await expect(page.getByTestId("lab-from").getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(page.getByTestId("lab-verdict").count()).resolves.toBe(0);
      await expect(page.locator("body").textContent()).resolves.not.toContain("query.from");

      await ask(page, "app-a", "app-b", "443");
      await verdict(page, "yes");

      // U3: the path rows wrap in the pane: nothing is cut off or scrolled sideways.
      for (const name of ["Forward hops", "Return hops"]) {
        const overflow = await page
          .getByRole("group", { name })
          .evaluate((box) => box.scrollWidth - box.clientWidth);
        expect(overflow, name).toBeLessThanOrEqual(1);
      }

      // C7, uxr4 U2: the answer pane's stepper is the only one, with the diagram right under it: a step shows
      // the hop it names on screen, below the stepper, and the page moves less than a screen (it jumped 2,400 px).
      await expect(page.locator(".lab-stepper").count()).resolves.toBe(1);
      const diagram = page.getByRole("region", { name: "Diagram of the network" });
      await page.getByTestId("lab-next-hop").scrollIntoViewIfNeeded();
      for (const hop of [1, 2, 3]) {
        const before = await page.evaluate(() => window.scrollY);
        const marked = await markedNodeIds(page);
        await page.getByTestId("lab-next-hop").click();
        await expect(page.getByTestId("lab-hop-now").textContent()).resolves.toMatch(
          new RegExp(`^Hop ${hop} of \\d+ \\(forward\\)`),
        );
        await expect(diagram.locator(".dg-on-path").count()).resolves.toBeGreaterThan(0);
        await settledScroll(page);
        await page.screenshot({ path: `/tmp/uxlab-c7-${viewport.width}-${hop}.png` });
        const seen = await stepView(page, marked);
        expect(Math.abs(seen.scrollY - before)).toBeLessThan(seen.height);
        expect(seen.stepperTop).toBeGreaterThanOrEqual(0);
        expect(seen.stepperBottom).toBeLessThanOrEqual(seen.height);
        if (seen.newest === null) continue;
        expect(seen.newest.top).toBeGreaterThanOrEqual(seen.stepperBottom - 1);
        expect(seen.newest.bottom).toBeLessThanOrEqual(seen.height);
      }

      // N4: undo names the fix it takes back, not its id.
      await page.getByTestId("lab-edit-kind").selectOption("remove-route");
      await page.getByTestId("lab-route-table").selectOption("rtb-a");
      await page.getByTestId("lab-route-remove").selectOption("10.1.0.0/16");
      await page.getByTestId("lab-edit-submit").click();
      await verdict(page, "no");
      await expect(page.getByTestId("lab-diff").locator("summary").textContent()).resolves.toBe(
        "Changes since the lab opened (1)",
      );
      await page.getByTestId("lab-apply-fix").first().click();
      await verdict(page, "yes");
      // U3: Undo is a plain "Undo" button; what it takes back is the line beside it (and its description).
      await expect(page.getByTestId("lab-undo").textContent()).resolves.toBe("Undo");
      const undo = (await page.getByTestId("lab-undo-what").textContent()) ?? "";
      expect(undo).toMatch(/^Undo takes back: apply the fix “.+”$/);
      expect(undo).not.toMatch(/fix-\d/);
      const undoBox = await page.getByTestId("lab-undo").boundingBox();
      expect(undoBox?.height ?? 0).toBeLessThan(60);
      expect(undoBox?.width ?? 0).toBeLessThan(200);
      await page.screenshot({ path: `/tmp/uxlab-answer-${viewport.width}.png`, fullPage: true });
      await context.close();
    },
    90_000,
  );

  it("says what a bad lab or question link means in plain sentences (N8)", async () => {
    const context = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto("/lab?lab=deadbeef");
    await expect(page.getByTestId("lab-link-error").textContent()).resolves.toMatch(
      /^\s*No saved lab has this link .* The blank starter VPC is open instead\.\s*$/s,
    );
    await page.goto("/lab?q=garbage&from=practice:xyz");
    await expect(page.getByTestId("lab-question-error").textContent()).resolves.toBe(
      "This question was not served to you there, so its network cannot be opened here.",
    );
    await page.goto("/lab?q=garbage&from=nowhere");
    await expect(page.getByTestId("lab-question-error").textContent()).resolves.toMatch(
      /^This link does not say/,
    );
    await context.close();
  });
});
