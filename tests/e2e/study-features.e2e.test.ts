// The exam report's filters and skipped status, the traced path in
// words on the practice diagram, the styled 404 page and the favicon.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import { startExam } from "./support/exam";
import { tickFirstOptions } from "./support/practice-choice";
import { questionIdBehind } from "./support/question-ids";
import { launchBrowser, newPage } from "./support/browser";

describe("exam report, diagram text, 404 and favicon", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("the exam report tells skipped from wrong, filters by incorrect, flagged and skipped, and shows the time", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await startExam(page, { count: 3 });
    const shown = async () => {
      const generated = questionFromId(
        questionIdBehind(
          (await page.locator("section[data-question-id]").getAttribute("data-question-id")) ?? "",
        ),
      );
      if (!generated.ok) throw new Error("no question");
      return generated.question;
    };
    const q1 = await shown();
    const wrong = q1.options.find((option) => !q1.answer.includes(option.id))?.id ?? "";
    await page.locator(`[data-testid="exam-answer"] [data-option-id="${wrong}"]`).click();
    await page
      .locator(`[data-testid="exam-answer"][data-saving="false"] [data-option-id="${wrong}"] input:checked`)
      .waitFor();
    await page.getByTestId("exam-next").click();
    await page.locator('h1:has-text("Question 2 of 3")').waitFor();
    await page.getByTestId("flag").click();
    await page.locator('[data-testid="flag"][aria-pressed="true"]').waitFor();
    await page.getByTestId("open-review").click();
    await page.getByTestId("review-screen").waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("submit-exam").click();
    await page.getByTestId("exam-verdict").waitFor();

    await expect(page.locator('li[data-item="1"]').getAttribute("data-status")).resolves.toBe("wrong");
    await expect(page.locator('li[data-item="2"]').getAttribute("data-status")).resolves.toBe("skipped");
    await expect(page.locator('li[data-item="2"] .verdict').textContent()).resolves.toContain("Skipped");
    await expect(page.getByTestId("exam-time").textContent()).resolves.toMatch(
      /Time taken: \d+ min \d\d s of 30 min 00 s/,
    );
    const visible = () => page.locator(".exam-items > li:visible").count();
    await expect(visible()).resolves.toBe(3);
    await page.locator('input[name="report-filter"][value="skipped"]').check();
    // Question 2 (flagged, no answer) and question 3 (never answered) are skipped, not wrong.
    await expect(
      page
        .locator(".exam-items > li:visible")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-item"))),
    ).resolves.toEqual(["2", "3"]);
    await page.locator('input[name="report-filter"][value="wrong"]').check();
    await expect(page.locator(".exam-items > li:visible").getAttribute("data-item")).resolves.toBe("1");
    await page.locator('input[name="report-filter"][value="flagged"]').check();
    await expect(page.locator(".exam-items > li:visible").getAttribute("data-item")).resolves.toBe("2");
    await context.close();
  });

  it("after an answer the practice diagram's text alternative names the path and the blocker, not an id", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    await page.locator('input[name="everything"]').uncheck();
    await page.locator('input[name="families"][value="can-a-reach-c"]').check();
    await page.locator('input[name="questionLimit"]').fill("1");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    const id = (await page.locator("section[data-question-id]").getAttribute("data-question-id")) ?? "";
    await tickFirstOptions(page);
    await page.getByTestId("submit").click();
    await page.locator("[data-verdict]").waitFor();
    const desc = (await page.locator('[data-testid="topology-diagram"] svg desc').textContent()) ?? "";
    expect(desc).toMatch(/^Path: .+→/);
    expect(desc).toMatch(/The traffic arrives\.|Blocked at /);
    const title = (await page.locator('[data-testid="topology-diagram"] svg title').textContent()) ?? "";
    expect(`${title} ${desc}`).not.toContain(id);
    await context.close();
  });

  it("an unknown address gets the styled 404 page, and the favicon exists", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "This page does not exist",
    );
    await expect(page.locator('a[href="/practice"]').count()).resolves.toBeGreaterThan(0);
    const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(icon).toBeTruthy();
    const fetched = await page.request.get(icon ?? "");
    expect(fetched.status()).toBe(200);
    await context.close();
  });
});
