// The uxr6 walkthrough's findings, as a user meets them in Chromium against the production server: the phone
// classroom form's sideways scroll, the exam's ticks and flags ahead of the server (and a refused save rolled
// back), answering a bookmarked question, the lab's starter and narrowest fix, quick review adds, tap targets,
// the practice hint, lesson prefetches on the home page and the exam result's collapsed right answers.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devices } from "./support/browser";
import { startExam } from "./support/exam";

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 320, height: 640 };

/** The page's scroll width and the viewport's: equal when nothing scrolls sideways. */
const widths = (page: Page) =>
  page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    viewport: window.innerWidth,
  }));

/** Every box of `selector` on the page, as [width, height] rounded to whole px. */
const sizes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return [Math.round(box.width), Math.round(box.height)] as const;
    }),
  );

describe("uxr6 findings", () => {
  const room = devices(() => inject("baseURL"));
  beforeAll(() => room.launch());
  afterAll(() => room.close());
  const open = (device?: { width: number; height: number }): Promise<Page> => room.open(device);

  it.each([PHONE, SMALL_PHONE])(
    "finding 1: the classroom form does not scroll sideways with every concept group open ($width px)",
    async (device) => {
      const page = await open(device);
      await page.goto("/classroom");
      const groups = page.locator('[data-testid="concept-filter"] details');
      await expect(groups.count()).resolves.toBeGreaterThan(3);
      for (const summary of await page.locator('[data-testid="concept-filter"] summary').all())
        await summary.click();
      await expect(page.locator('[data-testid="concept-filter"] details:not([open])').count()).resolves.toBe(
        0,
      );
      const { scroll, viewport } = await widths(page);
      expect(scroll).toBeLessThanOrEqual(viewport);
      // The widest label (E14, with enableDnsSupport/enableDnsHostnames) ends inside the viewport.
      const right = await page
        .locator('[data-testid="concept-filter"] label.option')
        .evaluateAll((labels) => Math.max(...labels.map((label) => label.getBoundingClientRect().right)));
      expect(right).toBeLessThanOrEqual(viewport);
    },
    60_000,
  );

  it("finding 2: an exam tick and flag show before the save returns, saves stay in order, a refused save rolls back with a message; right answers start collapsed", async () => {
    const page = await open();
    await startExam(page, { count: 2 });
    await page.locator('[data-testid="exam-answer"][data-ready="true"]').waitFor();
    await page.route("**/exam/api", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await route.continue();
    });
    const options = page.locator('[data-testid="exam-answer"] [data-option-id]');
    const first = (await options.nth(0).getAttribute("data-option-id")) ?? "";
    const second = (await options.nth(1).getAttribute("data-option-id")) ?? "";
    const checked = (id: string) =>
      page.locator(`[data-testid="exam-answer"] [data-option-id="${id}"] input:checked`);

    let at = Date.now();
    await options.nth(0).click({ noWaitAfter: true });
    await checked(first).waitFor({ timeout: 1_000 });
    const tickMs = Date.now() - at;
    at = Date.now();
    await page.getByTestId("flag").click({ noWaitAfter: true });
    await page.locator('[data-testid="flag"][aria-pressed="true"]').waitFor({ timeout: 1_000 });
    const flagMs = Date.now() - at;
    await expect(page.getByTestId("flag").textContent()).resolves.toBe("Unflag");
    // A second choice while the first is still saving, then Next at once: it goes after both saves.
    await options.nth(1).click({ noWaitAfter: true });
    await checked(second).waitFor({ timeout: 1_000 });
    await page.getByTestId("exam-next").click({ noWaitAfter: true, timeout: 1_000 });
    await page
      .getByTestId("exam-heading")
      .filter({ hasText: "Question 2 of 2" })
      .waitFor({ timeout: 20_000 });
    await page.unroute("**/exam/api");
    console.log(`uxr6 exam: tick shown after ${tickMs} ms, flag after ${flagMs} ms (saves held 1,200 ms)`);

    // The server kept the last choice and the flag of question 1.
    await page.reload();
    await page.getByTestId("nav-1").click();
    await page.getByTestId("exam-heading").filter({ hasText: "Question 1 of 2" }).waitFor();
    await page.locator('[data-testid="exam-answer"][data-ready="true"]').waitFor();
    await checked(second).waitFor();
    await expect(checked(first).count()).resolves.toBe(0);
    await expect(page.getByTestId("flag").getAttribute("aria-pressed")).resolves.toBe("true");

    // A save the server refuses: the tick shows, then goes back, and the page says so.
    await page.route("**/exam/api", async (route) => {
      const body = route.request().postDataJSON() as { action?: string };
      if (body.action !== "select") return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return route.fulfill({ status: 409, json: { error: "questionId: refused by the test" } });
    });
    await options.nth(0).click({ noWaitAfter: true });
    await checked(first).waitFor({ timeout: 1_000 });
    const failed = page.getByTestId("exam-save-failed");
    await failed.waitFor({ timeout: 15_000 });
    await expect(failed.textContent()).resolves.toMatch(/^Your answer was not saved/);
    await page.locator('[data-testid="exam-answer"][data-saving="false"]').waitFor();
    await checked(second).waitFor();
    await expect(checked(first).count()).resolves.toBe(0);
    await page.unroute("**/exam/api");

    // The result: a right answer's detail starts collapsed, a wrong or skipped one open.
    await page.getByTestId("open-review").click();
    await page.getByTestId("review-screen").waitFor();
    await page.getByTestId("submit-exam").click();
    await page.waitForURL(/\/exam\/[0-9a-f-]{36}$/);
    await page.getByTestId("exam-verdict").waitFor();
    const details = await page
      .locator("li[data-item]")
      .evaluateAll((items) =>
        items.map((item) => [
          item.getAttribute("data-correct"),
          item.querySelector("details.exam-item-detail")?.hasAttribute("open") ?? null,
        ]),
      );
    expect(details.length).toBe(2);
    for (const [correct, opened] of details) expect(opened).toBe(correct !== "true");
  }, 150_000);

  it("finding 3: an unanswered bookmarked question can be answered from /bookmarks, graded on the server", async () => {
    const page = await open();
    await page.goto("/practice");
    await page.getByTestId("start-practice").click();
    await page.locator('[data-testid="practice-answer"][data-ready="true"]').waitFor();
    await page.getByTestId("bookmark").click();
    await page.getByTestId("bookmark").filter({ hasText: "Bookmarked" }).waitFor();
    await page.goto("/bookmarks");
    const card = page.locator('[data-testid="bookmarks"] > li').first();
    const form = card.getByTestId("bookmark-answer");
    await form.waitFor();
    // No key before the answer: nothing is marked as the key, and no explanation is on the page.
    await expect(card.locator(".option-key").count()).resolves.toBe(0);
    await expect(card.locator(".why").count()).resolves.toBe(0);
    const boxes = form.locator("input[type=radio], input[type=checkbox]");
    await expect(boxes.count()).resolves.toBeGreaterThan(1);
    const multi = (await form.locator("input[type=checkbox]").count()) > 0;
    await boxes.nth(0).check();
    if (multi) await boxes.nth(1).check();
    await form.getByRole("button", { name: "Check answer" }).click();
    await form.locator("[data-verdict]").waitFor();
    // Answered now: the page offers its explanation, as for any answered bookmark.
    await page.reload();
    await card.getByText("Show the answer and why").waitFor();
    await expect(card.getByTestId("bookmark-answer").count()).resolves.toBe(0);
  }, 90_000);

  it("finding 3: a question bookmarked in a running mock exam stays closed on /bookmarks, and the server refuses it", async () => {
    const page = await open();
    await startExam(page, { count: 2 });
    await page.locator('[data-testid="exam-answer"][data-ready="true"]').waitFor();
    await page.getByTestId("bookmark").click();
    await page.getByTestId("bookmark").filter({ hasText: "Bookmarked" }).waitFor();
    await page.goto("/bookmarks");
    const card = page.locator('[data-testid="bookmarks"] > li').first();
    await card.getByTestId("bookmark-in-exam").waitFor();
    await expect(card.getByTestId("bookmark-answer").count()).resolves.toBe(0);
    const sealed = (await card.getAttribute("data-question-id")) ?? "";
    const refused = await page.request.post("/api/answers", {
      data: { questionId: sealed, response: ["a"], context: { kind: "bookmark" } },
    });
    expect(refused.status()).toBe(409);
    const body = await refused.text();
    expect(body).not.toContain('"key"');
    expect(body).toContain("running mock exam");
  }, 90_000);

  it("finding 4: the lab's starter opens reachable, and the first fix for a blocked port is the source's security group", async () => {
    const page = await open();
    await page.goto("/lab");
    await page
      .locator("[data-testid=lab-status]", { hasText: "Network opened" })
      .waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="lab-verdict"][data-reachable="yes"]').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("lab-port").inputValue()).resolves.toBe("443");
    // Ask on a port sg-app does not allow: the first proposed fix names sg-web, not the VPC range.
    await page.getByTestId("lab-from").fill("web");
    await page.getByTestId("lab-to").fill("app");
    await page.getByTestId("lab-port").fill("5432");
    await page.getByTestId("lab-ask").click();
    await page.locator('[data-testid="lab-verdict"][data-reachable="no"]').waitFor({ timeout: 15_000 });
    const fixes = page.getByTestId("lab-fixes").locator("li");
    await expect(fixes.first().textContent()).resolves.toContain("from security group sg-web");
    await expect(page.getByTestId("lab-fixes").textContent()).resolves.toContain("10.0.0.0/16");
    await page.getByTestId("lab-apply-fix").first().click();
    await page.locator('[data-testid="lab-verdict"][data-reachable="yes"]').waitFor({ timeout: 15_000 });
  }, 90_000);

  it("finding 5: three quick adds all show in the review deck", async () => {
    const page = await open();
    await page.goto("/review");
    const select = page.locator("#add-skill");
    const values = await select
      .locator("option")
      .evaluateAll((options) => options.slice(0, 3).map((option) => (option as HTMLOptionElement).value));
    for (const value of values) {
      await select.selectOption(value);
      await page.getByTestId("add-skill-submit").click();
    }
    for (const value of values)
      await page.locator(`tr[data-skill-id="${value}"]`).waitFor({ timeout: 15_000 });
    await expect(page.getByText("No cards yet.").count()).resolves.toBe(0);
  }, 90_000);

  it("findings 6 and 9: 44 px tap targets on a phone; the practice setup says to untick Everything", async () => {
    const page = await open(PHONE);
    await page.goto("/practice");
    await page.getByTestId("everything-hint").waitFor();
    const rows = await sizes(page, ".practice-settings label.check");
    expect(rows.length).toBeGreaterThan(5);
    for (const [, height] of rows) expect(height).toBeGreaterThanOrEqual(44);
    await page.getByLabel(/^Everything/).uncheck();
    await expect(page.getByTestId("everything-hint").count()).resolves.toBe(0);

    await page.goto("/rules");
    const chips = await sizes(page, ".rule-list .rule-id");
    expect(chips.length).toBeGreaterThan(100);
    for (const [width, height] of chips) {
      expect(width).toBeGreaterThanOrEqual(44);
      expect(height).toBeGreaterThanOrEqual(44);
    }
    expect((await widths(page)).scroll).toBeLessThanOrEqual(PHONE.width);

    await startExam(page, { count: 3 });
    const numbers = await sizes(page, ".exam-nav-item");
    expect(numbers.length).toBe(3);
    for (const [width, height] of numbers) {
      expect(width).toBeGreaterThanOrEqual(44);
      expect(height).toBeGreaterThanOrEqual(44);
    }
  }, 90_000);

  it("finding 7: the home page does not prefetch the lessons it lists", async () => {
    const page = await open();
    const lessonFetches: string[] = [];
    page.on("request", (request) => {
      if (/\/lessons\/[a-z0-9-]+/.test(new URL(request.url()).pathname)) lessonFetches.push(request.url());
    });
    await page.goto("/", { waitUntil: "networkidle" });
    await page.waitForTimeout(1_000);
    await expect(page.locator('a[href^="/lessons/"]').count()).resolves.toBeGreaterThan(10);
    expect(lessonFetches).toEqual([]);
  }, 60_000);
});
