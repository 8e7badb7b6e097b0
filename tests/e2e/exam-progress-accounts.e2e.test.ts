// Time per question in the exam report, the score history, bookmarks across sessions, the readiness table,
// and optional accounts: sign up (claiming the cookie's progress), sign out, sign in from another browser.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import { launchBrowser, newPage } from "./support/browser";
import { tickFirstOptions } from "./support/practice-choice";
import { questionIdBehind } from "./support/question-ids";
import { checkPage } from "./support/axe";

async function shownQuestion(page: Page) {
  const shown = (await page.locator("section[data-question-id]").getAttribute("data-question-id")) ?? "";
  const generated = questionFromId(questionIdBehind(shown));
  if (!generated.ok) throw new Error("no question behind the shown id");
  return generated.question;
}

async function startPractice(page: Page, limit: number): Promise<void> {
  await page.goto("/practice");
  await page.locator('input[name="questionLimit"]').fill(String(limit));
  await page.getByTestId("start-practice").click();
  await page.getByTestId("practice-answer").waitFor();
}

async function answerPractice(page: Page): Promise<void> {
  await tickFirstOptions(page);
  await page.getByTestId("submit").click();
  await page.locator("[data-verdict]").waitFor();
}

/** Distinct questions answered, summed over the readiness table's domains. */
async function answeredOnProgress(page: Page): Promise<number> {
  await page.goto("/progress");
  const cells = await page
    .locator('[data-testid="readiness"] tbody tr td:nth-child(2)')
    .evaluateAll((tds) => tds.map((td) => td.textContent));
  return cells.reduce((sum, text) => sum + Number(/of (\d+)/.exec(text)?.[1] ?? 0), 0);
}

describe("exam timing, score history, bookmarks, readiness and accounts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("the exam report shows the time on each question beside the total, and the start page charts the score", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/exam");
    await expect(page.getByTestId("exam-guide").textContent()).resolves.toMatch(/Pass mark: \d+%/);
    await expect(page.locator('[data-testid="domain-weights"] tbody tr').count()).resolves.toBeGreaterThan(1);
    await page.locator('input[name="questionCount"]').fill("2");
    await page.getByTestId("start-exam").click();
    await page.getByTestId("countdown").waitFor();
    const first = await shownQuestion(page);
    await page.locator(`[data-testid="exam-answer"] [data-option-id="${first.answer[0]}"]`).click();
    await page
      .locator(
        `[data-testid="exam-answer"][data-saving="false"] [data-option-id="${first.answer[0]}"] input:checked`,
      )
      .waitFor();
    // Bookmarked during the exam: the bookmarks page lists it but keeps its explanation hidden until answered.
    await page.getByTestId("bookmark").click();
    await page.locator('[data-testid="bookmark"][aria-pressed="true"]').waitFor();
    await page.goto("/bookmarks");
    await expect(page.locator('[data-testid="bookmarks"] > li').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="bookmarks"] [data-testid="explanation"]').count()).resolves.toBe(
      0,
    );
    await page.goto("/exam");
    await page.getByTestId("exam-next").click();
    await page.locator('h1:has-text("Question 2 of 2")').waitFor();
    await page.getByTestId("open-review").click();
    await page.getByTestId("review-screen").waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("submit-exam").click();
    await page.getByTestId("exam-verdict").waitFor();

    const times = page.getByTestId("item-time");
    await expect(times.count()).resolves.toBe(2);
    for (const text of await times.allTextContents()) expect(text).toMatch(/\d+ min \d\d s on this question/);
    const perQuestion = (
      await times.evaluateAll((spans) => spans.map((s) => Number(s.getAttribute("data-ms"))))
    ).reduce((sum, ms) => sum + ms, 0);
    const total = /Time taken: (\d+) min (\d\d) s/.exec(
      (await page.getByTestId("exam-time").textContent()) ?? "",
    );
    expect(total).not.toBeNull();
    // Per-question time is server time on screen, so together it cannot exceed the exam's time (rounding aside).
    expect(perQuestion).toBeLessThanOrEqual((Number(total?.[1]) * 60 + Number(total?.[2]) + 1) * 1000);
    await expect(page.getByTestId("exam-time").textContent()).resolves.toMatch(
      /Average \d+ min \d\d s per question/,
    );

    // The exam is answered now, so the bookmark shows its explanation.
    await page.goto("/bookmarks");
    await expect(page.locator('[data-testid="bookmarks"] [data-testid="explanation"]').count()).resolves.toBe(
      1,
    );

    await page.goto("/exam");
    await expect(page.locator('[data-testid="score-history"] tbody tr').count()).resolves.toBe(1);
    await page.getByTestId("score-chart").waitFor();
    expect(await checkPage(page, "/exam")).toEqual([]);
    await context.close();
  });

  it("a practice question bookmarked in one session is on the bookmarks page after the session, and can be removed", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await startPractice(page, 1);
    const question = await shownQuestion(page);
    await page.getByTestId("bookmark").click();
    await page.locator('[data-testid="bookmark"][aria-pressed="true"]').waitFor();
    await answerPractice(page);
    // A reload keeps the bookmark's state.
    await page.reload();
    await page.locator('[data-testid="bookmark"][aria-pressed="true"]').waitFor();

    // The session ends; the bookmark outlives it.
    await page.getByTestId("next").click();
    await page.getByTestId("practice-score").waitFor();
    await page.goto("/bookmarks");
    const items = page.locator('[data-testid="bookmarks"] > li');
    await expect(items.count()).resolves.toBe(1);
    expect(questionIdBehind((await items.first().getAttribute("data-question-id")) ?? "")).toBe(question.id);
    await expect(items.first().textContent()).resolves.toContain("Bookmarked in practice");
    // Answered in practice, so the explanation may be shown.
    await expect(items.first().getByTestId("explanation").count()).resolves.toBe(1);
    expect(await checkPage(page, "/bookmarks")).toEqual([]);

    await page.getByRole("button", { name: /Remove bookmark/ }).click();
    await page.getByTestId("no-bookmarks").waitFor();
    await context.close();
  });

  it("sign up keeps the progress, sign out leaves it, and signing in from a fresh browser brings it back", async () => {
    const username = `learner${Date.now().toString(36)}`;
    const password = "a long enough passphrase";
    const { context, page } = await newPage(browser, inject("baseURL"));
    await startPractice(page, 3);
    await answerPractice(page);
    expect(await answeredOnProgress(page)).toBe(1);
    expect(await checkPage(page, "/progress")).toEqual([]);

    await page.goto("/account");
    expect(await checkPage(page, "/account")).toEqual([]);
    const before = (await context.cookies()).find((c) => c.name === "reachable_learner")?.value;
    const signUp = page.getByTestId("sign-up");
    await signUp.getByLabel("Username").fill(username);
    await signUp.getByLabel(/^Password/).fill("short");
    // The browser's own minlength check is bypassed, so the server's message is what the learner reads.
    await signUp.evaluate((form) => form.setAttribute("novalidate", ""));
    const refused = page.waitForResponse((r) => r.url().endsWith("/account/api"));
    await signUp.getByRole("button", { name: "Create an account" }).click();
    const refusedBody = await (await refused).text();
    expect(refusedBody).not.toContain("short");
    await expect(signUp.getByRole("alert").textContent()).resolves.toMatch(/at least 10 characters/);
    await signUp.getByLabel(/^Password/).fill(password);
    const accepted = page.waitForResponse((r) => r.url().endsWith("/account/api"));
    await signUp.getByRole("button", { name: "Create an account" }).click();
    const acceptedResponse = await accepted;
    expect(await acceptedResponse.text()).not.toContain(password);
    await page.getByTestId("signed-in-as").waitFor();
    const after = (await context.cookies()).find((c) => c.name === "reachable_learner")?.value;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(await acceptedResponse.text()).not.toContain(after ?? "none");
    expect(await answeredOnProgress(page)).toBe(1);
    expect(await checkPage(page, "/account")).toEqual([]);

    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("sign-in").waitFor();
    expect(await answeredOnProgress(page)).toBe(0);
    await context.close();

    const fresh = await newPage(browser, inject("baseURL"));
    await fresh.page.goto("/account");
    const signIn = fresh.page.getByTestId("sign-in");
    await signIn.getByLabel("Username").fill(username.toUpperCase());
    await signIn.getByLabel("Password").fill("not the password");
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await expect(signIn.getByRole("alert").textContent()).resolves.toMatch(
      /username or the password is not right/,
    );
    await signIn.getByLabel("Password").fill(password);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await fresh.page.getByTestId("signed-in-as").waitFor();
    expect(await answeredOnProgress(fresh.page)).toBe(1);
    await fresh.context.close();
  });
});
