import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { launchBrowser, newPage } from "./support/browser";
import { questionIdBehind } from "./support/question-ids";

// Findings of the second UX review (December 2026) in practice, the exam, review and the live classroom: a short
// exam gave no warning, review counters disagreed with the deck, the teacher's controls sat under the exhibit, the
// review card was narrow, flow-log lines were clipped on a phone, undo showed a new scenario, phone players got no
// hint to look at the screen, "Topics" named question families, the stem was grey, N did nothing from the nav, and
// the last question's button said "Next question".

function regenerate(shown: string | null): Question {
  const plain = shown?.startsWith("q_") === true ? questionIdBehind(shown) : (shown ?? "");
  const generated = questionFromId(plain);
  if (!generated.ok) throw new Error(`the page shows no valid question id: ${shown}`);
  return generated.question;
}

async function shownQuestion(page: Page): Promise<Question> {
  return regenerate(await page.locator("section[data-question-id]").first().getAttribute("data-question-id"));
}

describe("second UX review: practice, exam, review, classroom", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("C3: a 1-minute exam warns, visibly and politely, at 30 seconds; its clock is not red from the start", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/exam");
    await page.locator('input[name="questionCount"]').fill("2");
    await page.locator('input[name="durationMinutes"]').fill("1");
    await page.getByTestId("start-exam").click();
    await page.getByTestId("countdown").waitFor();
    await expect(page.locator(".countdown-low").count()).resolves.toBe(0);
    const warning = page.locator('[data-testid="time-warning"]:has-text("30 seconds left")');
    await warning.waitFor({ timeout: 45_000 });
    await expect(warning.isVisible()).resolves.toBe(true);
    await expect(warning.getAttribute("aria-live")).resolves.toBe("polite");
    await expect(page.locator(".countdown-low").count()).resolves.toBe(1);
    await context.close();
  }, 60_000);

  it("C4: after two new cards are rated Again, the counters agree with the deck and the next due time reads from now", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    for (const skillId of ["P3", "P6"])
      expect((await page.request.post("/api/review/cards", { data: { skillId } })).status()).toBe(201);
    await page.goto("/review");
    for (let n = 0; n < 2; n += 1) {
      const card = page.locator("section.review-card");
      const skillId = (await card.getAttribute("data-skill-id")) ?? "";
      const question = await shownQuestion(page);
      const wrong = question.options.find((option) => !question.answer.includes(option.id))?.id ?? "";
      await card.locator(`label[data-option-id="${wrong}"]`).click();
      await page.keyboard.press("Space");
      await card.locator('[data-verdict="incorrect"]').waitFor();
      await card.locator('button[data-rating="again"]').click();
      await page.locator(`button:has-text("Undo last review (${skillId}, again)")`).waitFor();
      if (n === 0) await page.locator(`section.review-card:not([data-skill-id="${skillId}"])`).waitFor();
    }
    await page.getByTestId("queue-empty").waitFor();
    await expect(page.locator('tr[data-skill-id] td[data-label="State"]').allTextContents()).resolves.toEqual(
      ["learning", "learning"],
    );
    await expect(page.locator('[data-count="learning"] dd').textContent()).resolves.toMatch(
      /^2 \(0 due now\)/,
    );
    await expect(page.getByTestId("queue-empty").textContent()).resolves.toMatch(
      /The next card is due in \d+ min \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)\./,
    );
    await expect(
      page.locator('tr[data-skill-id] td[data-label="Due"]').allTextContents(),
    ).resolves.toContainEqual(expect.stringMatching(/^in \d+ min \(/));
    await context.close();
  });

  it("N2: undoing a rating brings the card back with the same scenario, which can be answered again", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    expect((await page.request.post("/api/review/cards", { data: { skillId: "P6" } })).status()).toBe(201);
    await page.goto("/review");
    const card = page.locator("section.review-card");
    const before = await shownQuestion(page);
    const wrong = before.options.find((option) => !before.answer.includes(option.id))?.id ?? "";
    await card.locator(`label[data-option-id="${wrong}"]`).click();
    await page.keyboard.press("Space");
    await card.locator('[data-verdict="incorrect"]').waitFor();
    await card.locator('button[data-rating="again"]').click();
    await page.getByTestId("queue-empty").waitFor();
    await page.locator('button:has-text("Undo last review (P6, again)")').click();
    await page.locator('section.review-card[data-skill-id="P6"]').waitFor();
    const after = await shownQuestion(page);
    expect(after.id).toBe(before.id);
    // The restored variant is taken as an answer, not refused as already seen.
    await card.locator(`label[data-option-id="${before.answer[0] ?? ""}"]`).click();
    await page.keyboard.press("Space");
    await card.locator("[data-verdict]").waitFor();
    await context.close();
  });

  it("N6: the classroom form names question families as /practice does", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/classroom");
    const legends = await page.locator("form.classroom-create legend").allTextContents();
    expect(legends).toContain("Question families");
    expect(legends).not.toContain("Topics");
    await page.goto("/practice");
    await expect(page.locator(".settings-heading").allTextContents()).resolves.toContain("Question families");
    await context.close();
  });
});
