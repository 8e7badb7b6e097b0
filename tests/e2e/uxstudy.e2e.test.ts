import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { launchBrowser, newPage } from "./support/browser";
import { tickFirstOptions } from "./support/practice-choice";
import { startExam } from "./support/exam";
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
    await startExam(page, { count: 2, minutes: 1 });
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
      // A wrong answer is rated Again already and offers no rating buttons (uxr3 C3): Next card goes on.
      await card.getByRole("button", { name: "Next card" }).click();
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
    // A wrong answer is rated Again already and offers no rating buttons (uxr3 C3): Next card goes on.
    await card.getByRole("button", { name: "Next card" }).click();
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

  it("C9, N5: the teacher's controls stay on screen over a long exhibit; a phone player is told where the network is", async () => {
    const teacherContext = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: { width: 1280, height: 800 },
    });
    const teacher = await teacherContext.newPage();
    await teacher.goto("/classroom");
    // A question with a diagram and a long exhibit (about 6,000 characters of tables).
    await teacher.getByTestId("pinned").fill("can-a-reach-c.1.3");
    await teacher.getByLabel("Seconds per question").fill("300");
    await teacher.getByTestId("create-game").click();
    await teacher.locator('.classroom[data-phase="lobby"]').waitFor({ timeout: 15_000 });
    const code = (await teacher.getByTestId("join-code").textContent()) ?? "";

    const phoneContext = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const phone = await phoneContext.newPage();
    await phone.goto(`/classroom/join?code=${code}`);
    await phone.getByLabel("Your name").fill("Ana");
    await phone.getByTestId("join-game").click();
    await phone.locator('.classroom[data-phase="lobby"]').waitFor({ timeout: 15_000 });

    await teacher.getByTestId("open-question").click();
    await phone.getByTestId("answer-form").waitFor({ timeout: 15_000 });
    await teacher.getByTestId("host-tiles").waitFor();

    // The projector: the page is far taller than the screen, yet Close question is on the first screen.
    expect(await teacher.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1600);
    const onScreen = async (testId: string) => {
      const box = await teacher.getByTestId(testId).boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 800;
    };
    await teacher.evaluate(() => window.scrollTo(0, 0));
    await expect(onScreen("close-question")).resolves.toBe(true);
    await teacher.evaluate(() => window.scrollTo(0, 1000));
    await expect(onScreen("close-question")).resolves.toBe(true);

    // The phone: a hint names the main screen, and its link unfolds the exhibit here.
    const hint = phone.getByTestId("exhibit-hint");
    await expect(hint.isVisible()).resolves.toBe(true);
    await expect(hint.textContent()).resolves.toMatch(/main screen/);
    // The hint leaves the first answer tile on the phone's first screen.
    const tileTop = await phone
      .locator('[data-testid="answer-form"] .classroom-tile')
      .first()
      .evaluate((element) => element.getBoundingClientRect().top);
    expect(tileTop).toBeLessThan(844 - 60);
    await expect(phone.getByTestId("classroom-exhibit").getAttribute("open")).resolves.toBeNull();
    await hint.getByRole("link").click();
    await expect(phone.getByTestId("classroom-exhibit").getAttribute("open")).resolves.not.toBeNull();

    await teacher.evaluate(() => window.scrollTo(0, 0));
    await teacher.getByTestId("close-question").click();
    await teacher.locator('.classroom[data-phase="reveal"]').waitFor({ timeout: 15_000 });
    await teacher.evaluate(() => window.scrollTo(0, 0));
    await expect(onScreen("show-leaderboard")).resolves.toBe(true);
    await teacherContext.close();
    await phoneContext.close();
  }, 60_000);

  it("U2, N9: the review card uses the width on a desktop, and the practice stem is in body text colour", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await page.request.post("/api/review/cards", { data: { skillId: "P3" } })).status()).toBe(201);
    await page.goto("/review");
    const card = page.locator("section.review-card");
    const width = (await card.boundingBox())?.width ?? 0;
    const main = (await page.locator("main").boundingBox())?.width ?? 0;
    expect(width).toBeGreaterThan(main - 80);
    // Its exhibit tables fit without sideways scrolling where the practice page's would.
    const scrolls = await card
      .locator(".exhibit-scroll")
      .evaluateAll((boxes) => boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).length);
    expect(scrolls).toBe(0);

    await page.goto("/practice");
    await page.locator('input[name="questionLimit"]').fill("1");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    const colours = await page.evaluate(() => {
      const colour = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).color : "";
      };
      return {
        stem: colour('[data-testid="stem"]'),
        option: colour('[data-testid="practice-answer"] label.option'),
      };
    });
    expect(colours.stem).toBe(colours.option);
    await context.close();
  });

  it("N1: a flow-log record's action is readable on a phone without scrolling sideways", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/practice");
    await page.locator('input[name="everything"]').uncheck();
    await page.locator('input[name="families"][value="flow-log-diagnosis"]').check();
    await page.locator('input[name="questionLimit"]').fill("1");
    await page.getByTestId("start-practice").scrollIntoViewIfNeeded();
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    const lines = page.getByTestId("exhibit-lines");
    await expect(lines.textContent()).resolves.toMatch(/ACCEPT|REJECT/);
    const box = await lines.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
    }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    await context.close();
  });

  it("N11: the last practice question's button says it opens the summary", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    await page.locator('input[name="questionLimit"]').fill("1");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    await tickFirstOptions(page);
    await page.getByTestId("submit").click();
    await page.locator("[data-verdict]").waitFor();
    await expect(page.getByTestId("next").innerText()).resolves.toBe("See the summary (N)");
    await page.getByTestId("next").click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    await context.close();
  });

  it("N10: N moves on from anywhere on the page, the site nav included, but not from a text field", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    await page.locator('input[name="questionLimit"]').fill("3");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    await tickFirstOptions(page);
    await page.getByTestId("submit").click();
    await page.locator("[data-verdict]").waitFor();
    // A text field takes the letter: nothing moves on.
    await page.evaluate(() => {
      const field = document.createElement("input");
      field.type = "text";
      field.id = "scratch";
      document.body.append(field);
    });
    await page.locator("#scratch").focus();
    await page.keyboard.press("n");
    await page.waitForTimeout(500);
    await page.locator('[data-testid="practice-progress"]:has-text("Question 1 of 3")').waitFor();
    // From a link of the site nav, N opens the next question.
    await page.locator("nav.site-nav a").first().focus();
    await page.keyboard.press("n");
    await page.locator('[data-testid="practice-progress"]:has-text("Question 2 of 3")').waitFor();
    await context.close();
  });
});
