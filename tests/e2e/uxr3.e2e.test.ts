import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { launchBrowser } from "./support/browser";
import { startExam } from "./support/exam";
import { questionIdBehind } from "./support/question-ids";

// Findings of the third UX review (December 2026) in the exam, review, lessons and the site menu: Next kept the
// old scroll position and dropped the focus (C1), a wrong review answer still offered the rating buttons and the
// card said NEW (C3, N4, N5), the phone's exam bar grew at the warning (U1), lesson exhibits were cut (U2), Escape
// on the phone menu lost the focus (N2), and the exam had no answer keys (N15).

const PHONE = { width: 390, height: 844 };

async function open(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject("baseURL"), viewport });
  return context.newPage();
}

function regenerate(shown: string | null): Question {
  const generated = questionFromId(questionIdBehind(shown ?? ""));
  if (!generated.ok) throw new Error(`the page shows no valid question id: ${shown}`);
  return generated.question;
}

/** The focused element's test id and its top edge in the viewport. */
async function focusedHeading(page: Page): Promise<{ testId: string | null; top: number; text: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      testId: element?.getAttribute("data-testid") ?? null,
      top: element?.getBoundingClientRect().top ?? -1,
      text: element?.textContent ?? "",
    };
  });
}

describe("third UX review: exam, review, lessons, menu", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("C1: Next (click or Enter) opens the next question at its top with the focus on its heading; N15 keys", async () => {
    const page = await open(browser, PHONE);
    await startExam(page, { count: 4 });
    await page.locator('h1:has-text("Question 1 of 4")').waitFor();
    await page.locator('[data-testid="exam-answer"][data-ready="true"]').waitFor();
    // Click Next from the bottom of the page, where the button is.
    await page.getByTestId("exam-next").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByTestId("exam-next").click();
    await page.locator('h1:has-text("Question 2 of 4")').waitFor();
    await expect.poll(async () => (await focusedHeading(page)).testId).toBe("exam-heading");
    const after = await focusedHeading(page);
    expect(after.text).toBe("Question 2 of 4");
    expect(after.top).toBeGreaterThanOrEqual(0);
    expect(after.top).toBeLessThan(120);
    // The sticky bar says where the learner is.
    await expect(page.getByTestId("exam-where").textContent()).resolves.toContain("Question 2 of 4");

    // Enter on the focused Next button does the same.
    await page.getByTestId("exam-next").focus();
    await page.keyboard.press("Enter");
    await page.locator('h1:has-text("Question 3 of 4")').waitFor();
    await expect.poll(async () => (await focusedHeading(page)).testId).toBe("exam-heading");
    expect((await focusedHeading(page)).top).toBeLessThan(120);

    // N15: 2 chooses the second option (saved on the server), N and P move on and back.
    await page.locator('[data-testid="exam-answer"][data-ready="true"]').waitFor();
    const question = regenerate(
      await page.locator("section[data-question-id]").getAttribute("data-question-id"),
    );
    const second = question.options[1]?.id ?? "";
    await page.keyboard.press("2");
    await page
      .locator(`[data-testid="exam-answer"][data-saving="false"] [data-option-id="${second}"] input:checked`)
      .waitFor();
    await page.keyboard.press("n");
    await page.locator('h1:has-text("Question 4 of 4")').waitFor();
    await page.keyboard.press("p");
    await page.locator('h1:has-text("Question 3 of 4")').waitFor();
    await page
      .locator(`[data-testid="exam-answer"][data-saving="false"] [data-option-id="${second}"] input:checked`)
      .waitFor();
    await expect(page.getByTestId("key-hints").textContent()).resolves.toContain("N next");

    // N6: the review screen warns on the page, with plural forms, and the button says what it submits.
    await page.getByTestId("open-review").click();
    await page.getByTestId("review-screen").waitFor();
    await expect(page.getByTestId("unanswered-warning").textContent()).resolves.toContain(
      "3 questions are not answered",
    );
    await expect(page.getByTestId("submit-exam").textContent()).resolves.toBe("Submit with 3 unanswered");
    await expect.poll(async () => (await focusedHeading(page)).text).toBe("Review before submitting");
    // No sideways scroll on the phone.
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await page.context().close();
  });

  it("U1: on a phone the exam bar stays one short line at the 30-second warning", async () => {
    const page = await open(browser, PHONE);
    await startExam(page, { count: 2, minutes: 1 });
    const short = page.locator('[data-testid="time-warning-short"]:has-text("Under 30 s left")');
    await short.waitFor({ timeout: 45_000 });
    await expect(page.getByTestId("time-warning").textContent()).resolves.toMatch(/^Under 30 seconds left/);
    const height = await page
      .locator(".exam-header")
      .evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeLessThan(64);
    await expect(page.locator(".exam-where-short").isVisible()).resolves.toBe(true);
    await expect(page.locator(".exam-where-short").textContent()).resolves.toBe("Q1/2");
    await page.context().close();
  }, 60_000);

  it("C3, N4, N5: a wrong review answer says it is rated Again, with no rating buttons, and the card is not NEW", async () => {
    const page = await open(browser);
    for (const skillId of ["P3", "P6"])
      expect((await page.request.post("/api/review/cards", { data: { skillId } })).status()).toBe(201);
    await page.goto("/review");
    const card = page.locator("section.review-card");
    await expect(card.getByTestId("card-state").textContent()).resolves.toBe("new");
    const first = regenerate(await card.getAttribute("data-question-id"));
    const wrong = first.options.find((option) => !first.answer.includes(option.id))?.id ?? "";
    await card.locator(`label[data-option-id="${wrong}"]`).click();
    await card.getByRole("button", { name: "Check answer" }).click();
    await card.locator('[data-verdict="incorrect"]').waitFor();
    await expect(card.getByTestId("rated").textContent()).resolves.toContain("Rated Again");
    await expect(card.locator("button[data-rating]").count()).resolves.toBe(0);
    await expect(card.getByTestId("card-state").textContent()).resolves.toBe("reviewed · now learning");
    // A reload keeps the answered card on screen, and says the same.
    await page.reload();
    await card.locator('[data-verdict="incorrect"]').waitFor();
    await expect(card.getByTestId("card-state").textContent()).resolves.toBe("reviewed · now learning");
    await expect(card.locator("button[data-rating]").count()).resolves.toBe(0);

    // The next card, answered right: the buttons change the automatic Good, named by the rating first.
    const firstSkill = (await card.getAttribute("data-skill-id")) ?? "";
    await card.getByRole("button", { name: "Next card" }).click();
    await page.locator(`section.review-card:not([data-skill-id="${firstSkill}"])`).waitFor();
    const second = regenerate(await card.getAttribute("data-question-id"));
    for (const optionId of second.answer) await card.locator(`label[data-option-id="${optionId}"]`).click();
    await card.getByRole("button", { name: "Check answer" }).click();
    await card.locator('[data-verdict="correct"]').waitFor();
    await expect(card.getByTestId("rated").textContent()).resolves.toContain("Rated Good for now");
    await expect(card.locator("button[data-rating]").count()).resolves.toBe(4);
    for (const label of ["Again", "Hard", "Good", "Easy"])
      await card.getByRole("button", { name: new RegExp(`^${label}\\s*, next in `) }).waitFor();
    await page.context().close();
  });

  it("U2: a lesson's try-it exhibit tables fit their card on a desktop", async () => {
    const page = await open(browser);
    await page.goto("/lessons/vpc-peering");
    const scrollers = page.locator(".lesson-layout .exhibit-scroll");
    await scrollers.first().waitFor();
    const overflowing = await scrollers.evaluateAll((boxes) =>
      boxes
        .filter((box) => box.scrollWidth > box.clientWidth + 1)
        .map((box) => `${box.getAttribute("aria-label")}: ${box.scrollWidth} > ${box.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
    await page.context().close();
  });

  it("N2: Escape closes the phone menu and gives the focus back to the Menu button", async () => {
    const page = await open(browser, PHONE);
    await page.goto("/rules");
    const button = page.getByRole("button", { name: "Menu" });
    await button.click();
    await page.getByRole("button", { name: "Close menu" }).waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await button.waitFor();
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe("menu-button");
    await page.context().close();
  });
});
