import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { devices, launchBrowser, newPage } from "./support/browser";
import { tickFirstOptions, wrongResponse } from "./support/practice-choice";
import { startExam } from "./support/exam";
import { questionIdBehind } from "./support/question-ids";

// Defects a new user met in practice, the exam and the live classroom (the UX review of December 2026): Back
// from a rule link lost the session, a 3-minute exam warned "5 minutes left" from its first second, a phone
// player's answer tiles sat thousands of pixels under the exhibit, a new practice question opened scrolled past
// its top, a wrong join code showed the API's field name, and keyboard hints showed on touch screens.

function regenerate(shown: string | null): Question {
  const generated = questionFromId(questionIdBehind(shown ?? ""));
  if (!generated.ok) throw new Error(`the page shows no valid question id: ${shown}`);
  return generated.question;
}

async function startPractice(page: Page, limit: number): Promise<void> {
  await page.goto("/practice");
  // Diagram questions: their feedback names AWS rules, each a link to its rule page.
  await page.locator('input[name="everything"]').uncheck();
  await page.locator('input[name="families"][value="can-a-reach-c"]').check();
  await page.locator('input[name="questionLimit"]').fill(String(limit));
  await page.getByTestId("start-practice").click();
  await page.getByTestId("practice-answer").waitFor();
}

/** Answers the practice question on screen wrongly and waits for the feedback. */
async function answerWrongly(page: Page): Promise<Question> {
  const question = regenerate(
    await page.locator("section[data-question-id]").getAttribute("data-question-id"),
  );
  for (const wrong of wrongResponse(question))
    await page.locator(`[data-testid="practice-answer"] [data-option-id="${wrong}"]`).click();
  await page.getByTestId("submit").click();
  await page.locator("[data-verdict]").waitFor();
  return question;
}

/** Follows the first rule link of the feedback (a client-side navigation), then the browser's Back. */
async function ruleLinkAndBack(page: Page): Promise<void> {
  const link = page.locator(".feedback a.rule-link, .try-it-feedback a.rule-link").first();
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await page.waitForURL(/\/rules\/[A-Z0-9-]+$/);
  await page.locator("h1").waitFor();
  await page.goBack();
}

describe("a new user's practice, exam and review", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("Back from a rule link in the practice feedback shows the question and its feedback as they were", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await startPractice(page, 2);
    const first = await answerWrongly(page);
    const progress = page.getByTestId("practice-progress");
    await expect(progress.textContent()).resolves.toBe("Question 1 of 2 · 0 right of 1 answered");

    await ruleLinkAndBack(page);
    await page.waitForURL(/\/practice$/);
    // The session, not the start form: the same question, its feedback and the count with the answer in it.
    await page.locator("[data-verdict]").waitFor();
    await expect(page.getByTestId("start-practice").count()).resolves.toBe(0);
    await expect(progress.textContent()).resolves.toBe("Question 1 of 2 · 0 right of 1 answered");
    expect(
      regenerate(await page.locator("section[data-question-id]").getAttribute("data-question-id")).id,
    ).toBe(first.id);
    await expect(page.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe("incorrect");
    await expect(page.locator(".option-wrong").count()).resolves.toBe(1);
    // "Next question" from the replayed page works, and Back after the next answer shows that one.
    await page.getByTestId("next").click();
    await page.locator('[data-testid="practice-progress"]:has-text("Question 2 of 2")').waitFor();
    const second = await answerWrongly(page);
    await ruleLinkAndBack(page);
    await page.locator("[data-verdict]").waitFor();
    await expect(progress.textContent()).resolves.toBe("Question 2 of 2 · 0 right of 2 answered");
    expect(
      regenerate(await page.locator("section[data-question-id]").getAttribute("data-question-id")).id,
    ).toBe(second.id);
    // A reload (the server's render) agrees.
    await page.reload();
    await page.locator("[data-verdict]").waitFor();
    await expect(progress.textContent()).resolves.toBe("Question 2 of 2 · 0 right of 2 answered");
    await context.close();
  });

  it("Back from a rule link in a review card's feedback shows the answered card", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const added = await page.request.post("/api/review/cards", { data: { skillId: "P3" } });
    expect(added.status()).toBe(201);
    await page.goto("/review");
    const card = page.locator("section.review-card");
    const question = regenerate(await card.getAttribute("data-question-id"));
    const wrong = question.options.find((option) => !question.answer.includes(option.id))?.id ?? "";
    await card.locator(`label[data-option-id="${wrong}"]`).click();
    await card.getByRole("button", { name: "Check answer" }).click();
    await card.locator("[data-verdict]").waitFor();
    const counts = await page.locator('[data-count="new"] dd').textContent();

    await ruleLinkAndBack(page);
    await page.waitForURL(/\/review$/);
    await card.locator("[data-verdict]").waitFor();
    await expect(card.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe("incorrect");
    await expect(card.getByRole("button", { name: "Check answer" }).count()).resolves.toBe(0);
    await expect(page.locator('[data-count="new"] dd').textContent()).resolves.toBe(counts);
    await context.close();
  });

  it("a 3-minute exam starts with no time warning, its options wait for the page to be ready, and Back keeps its clock", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await startExam(page, { count: 2, minutes: 3 });
    await page.waitForTimeout(1500);
    await expect(page.getByTestId("countdown").textContent()).resolves.toMatch(/^Time left 2:\d\d$/);
    // The warning says nothing until a threshold is crossed: a 3-minute exam's first is 1 minute.
    await expect(page.getByTestId("time-warning").textContent()).resolves.toBe("");
    await expect(page.getByTestId("time-warning").getAttribute("aria-live")).resolves.toBe("polite");

    // The server's HTML shows the options disabled: a click before hydration would be lost.
    const html = await (await page.request.get("/exam")).text();
    expect(html).toMatch(/data-testid="exam-answer" data-ready="false"[^>]*><fieldset disabled/);
    await page.locator('[data-testid="exam-answer"][data-ready="true"]').waitFor();

    // Away from the exam and Back (a replay of the cached page): the clock still counts from the server's time.
    const seconds = (text: string | null) => {
      const [, minutes, secs] = /(\d+):(\d\d)/.exec(text ?? "") ?? [];
      return Number(minutes) * 60 + Number(secs);
    };
    const before = seconds(await page.getByTestId("countdown").textContent());
    await page.locator('header a[href="/rules"]').click();
    await page.waitForURL(/\/rules$/);
    await page.waitForTimeout(6000);
    await page.goBack();
    await page.waitForURL(/\/exam$/);
    await page.getByTestId("countdown").waitFor();
    await page.waitForTimeout(1000);
    const after = seconds(await page.getByTestId("countdown").textContent());
    expect(after).toBeLessThanOrEqual(before - 6);
    await context.close();
  });
});

/**
 * The question's heading at the top of the screen with the focus on it; both land after the render, so poll. A
 * question shorter than the screen cannot scroll its heading to the top: there the page is scrolled to its end
 * with the heading on screen (a short concept-check question on a 844 px phone leaves it near 110 px).
 */
async function expectOnTopWithFocus(heading: Locator): Promise<void> {
  await expect
    .poll(
      () =>
        heading.evaluate((e) => {
          const top = Math.round(e.getBoundingClientRect().top);
          const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
          const focused = e === document.activeElement;
          return top >= 0 && (top < 100 || (atEnd && top < innerHeight / 2)) && focused
            ? "on top with focus"
            : `top ${top}px, page end ${atEnd ? "reached" : "not reached"}, focus ${focused ? "on heading" : `on ${document.activeElement?.tagName ?? "nothing"}`}`;
        }),
      { timeout: 5_000 },
    )
    .toBe("on top with focus");
}

describe("a new user on a phone", () => {
  const room = devices(() => inject("baseURL"));
  beforeAll(() => room.launch());
  afterAll(() => room.close());

  it("a new practice question opens at its top with the focus on its heading, and no keyboard hints", async () => {
    const phone = await room.open({ width: 390, height: 844 });
    await phone.goto("/practice");
    await phone.locator('input[name="questionLimit"]').fill("2");
    await phone.getByTestId("start-practice").scrollIntoViewIfNeeded();
    await phone.getByTestId("start-practice").click();
    const heading = phone.getByTestId("practice-progress");
    await heading.waitFor();
    await expectOnTopWithFocus(heading);
    await expect(heading.evaluate((element) => element.tagName)).resolves.toBe("H2");
    // Touch: no "Keys: 1–4 …" and no "(Enter)" on the submit button.
    await expect(phone.getByTestId("key-hints").isVisible()).resolves.toBe(false);
    await expect(phone.getByTestId("submit").innerText()).resolves.toBe("Submit");

    // The same after "Next question", from the bottom of the feedback.
    await tickFirstOptions(phone);
    await phone.getByTestId("submit").click();
    await phone.getByTestId("next").scrollIntoViewIfNeeded();
    await phone.getByTestId("next").click();
    await phone.locator('[data-testid="practice-progress"]:has-text("Question 2 of 2")').waitFor();
    await expectOnTopWithFocus(heading);

    // A keyboard (a laptop) keeps the hints.
    const laptop = await room.open();
    await laptop.goto("/practice");
    await laptop.locator('input[name="questionLimit"]').fill("1");
    await laptop.getByTestId("start-practice").click();
    await laptop.getByTestId("practice-answer").waitFor();
    await expect(laptop.getByTestId("key-hints").isVisible()).resolves.toBe(true);
    await expect(laptop.getByTestId("submit").innerText()).resolves.toBe("Submit (Enter)");
  });

  it("a wrong join code reads as a sentence; the API still names the field", async () => {
    const phone = await room.open({ width: 390, height: 844 });
    await phone.goto("/classroom/join");
    await phone.locator('form[aria-label="Join a live game"] input[name="joinCode"]').fill("ZZZZZZ");
    await phone.getByLabel("Your name").fill("Ana");
    await phone.getByTestId("join-game").click();
    await expect(phone.getByTestId("join-error").textContent()).resolves.toBe(
      "No game has the code ZZZZZZ. Check the code on the teacher's screen.",
    );
    const api = await phone.request.post("/classroom/api", {
      data: { action: "join", joinCode: "ZZZZZZ", displayName: "Ana" },
    });
    expect(api.status()).toBe(404);
    expect(((await api.json()) as { error: string }).error).toMatch(/^joinCode: /);
  });

  it("a live round: the phone shows the tiles under a sticky clock, the projector shows stem, tiles and clock at once", async () => {
    const teacher = await room.open({ width: 1280, height: 800 });
    await teacher.goto("/classroom");
    // A question with a diagram and a long exhibit (about 6,000 characters of tables).
    await teacher.getByTestId("pinned").fill("can-a-reach-c.1.3");
    await teacher.getByLabel("Seconds per question").fill("300");
    await teacher.getByTestId("create-game").click();
    await teacher.locator('.classroom[data-phase="lobby"]').waitFor({ timeout: 15_000 });
    const code = (await teacher.getByTestId("join-code").textContent()) ?? "";

    const phone = await room.open({ width: 390, height: 844 });
    await phone.goto(`/classroom/join?code=${code}`);
    await phone.getByLabel("Your name").fill("Ana");
    await phone.getByTestId("join-game").click();
    await phone.locator('.classroom[data-phase="lobby"]').waitFor({ timeout: 15_000 });

    await teacher.getByTestId("open-question").click();
    await phone.locator('.classroom[data-phase="question"]').waitFor({ timeout: 15_000 });
    await phone.getByTestId("answer-form").waitFor();
    await teacher.getByTestId("host-tiles").waitFor();

    // The phone: the first tile is on the first screen, the exhibit is still there (folded, below the tiles).
    const firstTile = phone.locator('[data-testid="answer-form"] .classroom-tile').first();
    const tileTop = await firstTile.evaluate((element) => element.getBoundingClientRect().top);
    expect(tileTop).toBeGreaterThan(0);
    expect(tileTop).toBeLessThan(844 - 60);
    const exhibit = phone.getByTestId("classroom-exhibit");
    await expect(exhibit.count()).resolves.toBe(1);
    const exhibitTop = await exhibit.evaluate((element) => element.getBoundingClientRect().top);
    expect(exhibitTop).toBeGreaterThan(tileTop);
    // Scrolled to the last tile and beyond, the clock is still on screen.
    await phone.locator('[data-testid="answer-form"] .classroom-tile').last().scrollIntoViewIfNeeded();
    await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await phone.waitForTimeout(200);
    const clock = await phone.getByTestId("time-left").boundingBox();
    expect(clock?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((clock?.y ?? 9999) + (clock?.height ?? 0)).toBeLessThanOrEqual(844);
    // Opened, the exhibit shows its tables.
    await exhibit.locator("summary").click();
    await expect(exhibit.locator("table").count()).resolves.toBeGreaterThan(0);

    // The projector at 1280 x 800: stem, every tile and the clock on one screen, the exhibit below.
    await teacher.evaluate(() => window.scrollTo(0, 0));
    const host = await teacher.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect() ?? null;
      return {
        stem: box(".classroom-host .stem"),
        tiles: box('[data-testid="host-tiles"]'),
        clock: box('[data-testid="time-left"]'),
        exhibitOpen: document.querySelector<HTMLDetailsElement>('[data-testid="classroom-exhibit"]')?.open,
      };
    });
    expect(host.stem?.top ?? -1).toBeGreaterThanOrEqual(0);
    expect(host.clock?.top ?? -1).toBeGreaterThanOrEqual(0);
    expect(host.tiles?.bottom ?? 9999).toBeLessThanOrEqual(800);
    expect(host.exhibitOpen).toBe(true);
  });
});
