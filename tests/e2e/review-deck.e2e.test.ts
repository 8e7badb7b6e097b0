import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { launchBrowser, newPage } from "./support/browser";
import { queryDatabase } from "./support/database";
import { questionIdBehind } from "./support/question-ids";
import { seriousViolationLines } from "./support/axe";
import { recordBodies, secretTexts } from "./support/capture";

// Review as in Anki: rate with the keyboard, see each button's next interval, undo with Ctrl+Z; the card
// browser takes a suspended card out of the queue; the stats page counts cards by state. axe and 390 px too.

const SKILLS = ["P3", "P2", "E2"] as const;

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

function regenerate(shownId: string): Question {
  const generated = questionFromId(questionIdBehind(shownId));
  if (!generated.ok) throw new Error(`cannot regenerate ${shownId}`);
  return generated.question;
}

/** "METHOD /path" of every request `run` causes, once the page has gone quiet again. */
async function requestsDuring(page: Page, run: () => Promise<void>): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  const requests: string[] = [];
  const onRequest = (request: { method: () => string; url: () => string }) =>
    requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  page.on("request", onRequest);
  await run();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  page.off("request", onRequest);
  return requests;
}

function learnerIdOf(databaseUrl: string, skillId: string, source = "manual"): string {
  const rows = queryDatabase<{ learnerId: string }>(
    databaseUrl,
    "SELECT learnerId FROM SrsCard WHERE skillId = ? AND source = ? ORDER BY addedAt DESC LIMIT 1",
    skillId,
    source,
  );
  return rows[0]?.learnerId ?? "";
}

describe("review deck: rating keys, undo, card browser and stats", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("rates with keys 1–4 showing intervals, undoes with Ctrl+Z, suspends in the browser, and counts in stats", async () => {
    const databaseUrl = inject("databaseUrl");
    const { context, page } = await newPage(browser, inject("baseURL"));
    const bodies = await recordBodies(page);
    for (const skillId of SKILLS) {
      const added = await page.request.post("/api/review/cards", { data: { skillId } });
      expect(added.status()).toBe(201);
    }
    const learnerId = learnerIdOf(databaseUrl, "E2");

    // 1. The first card: choose the right answer and press Space to check it.
    await page.goto("/review");
    const card = page.locator("section.review-card");
    const firstSkill = (await card.getAttribute("data-skill-id")) ?? "";
    const question = regenerate((await card.getAttribute("data-question-id")) ?? "");
    for (const optionId of question.answer) await card.locator(`label[data-option-id="${optionId}"]`).click();
    await expect(page.locator('[data-count="new"] dd').textContent()).resolves.toMatch(
      /^0 of \d+ \(3 waiting\)/,
    );
    await page.waitForLoadState("networkidle");
    const requests: string[] = [];
    const onRequest = (request: { method: () => string; url: () => string }) =>
      requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    page.on("request", onRequest);
    await page.keyboard.press("Space");
    await expect(card.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe("correct");
    // One request: its reply updates the counters, the card's deck row and the Undo label (no page refresh).
    await page.locator(`button:has-text("Undo last review (${firstSkill}, good)")`).waitFor();
    await page.locator(`tr[data-skill-id="${firstSkill}"] td[data-label="Reviews"]:text-is("1")`).waitFor();
    await expect(page.locator('[data-count="new"] dd').textContent()).resolves.toMatch(
      /^1 of \d+ \(2 waiting\)/,
    );
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    page.off("request", onRequest);
    expect(requests).toEqual(["POST /api/review/answer"]);

    // Each button shows its next interval: learning steps in minutes, Easy in days, in increasing order.
    const labels = await Promise.all(
      (["again", "hard", "good", "easy"] as const).map((rating) =>
        card.locator(`[data-interval="${rating}"]`).textContent(),
      ),
    );
    expect(labels[0]).toMatch(/^<\d+m$/);
    expect(labels[2]).toMatch(/^<\d+m$/);
    expect(labels[3]).toMatch(/^\d+d$/);
    await expect(card.getByRole("button", { name: /Hard/ }).getAttribute("aria-keyshortcuts")).resolves.toBe(
      "2",
    );

    // 2. Key 2 rates it Hard and moves to the next card, in one request: the rating's response carries the page
    // with the next card (no refresh after it), and that card arrives redacted.
    const fromBody = bodies().length;
    const rateRequests = await requestsDuring(page, async () => {
      await page.keyboard.press("2");
      await page.locator(`section.review-card:not([data-skill-id="${firstSkill}"])`).waitFor();
    });
    expect(rateRequests).toEqual(["POST /review"]);
    await page.locator(`button:has-text("Undo last review (${firstSkill}, hard)")`).waitFor();
    const nextQuestion = regenerate((await card.getAttribute("data-question-id")) ?? "");
    const received = bodies().slice(fromBody).join("\n");
    expect(secretTexts(nextQuestion).length).toBeGreaterThan(0);
    for (const secret of secretTexts(nextQuestion)) expect(received).not.toContain(secret);
    const activeRatings = () =>
      queryDatabase<{ rating: string }>(
        databaseUrl,
        "SELECT rating FROM SrsReview WHERE learnerId = ? AND skillId = ? AND undoneAt IS NULL",
        learnerId,
        firstSkill,
      ).map((row) => row.rating);
    expect(activeRatings()).toEqual(["hard"]);

    // 3. Ctrl+Z takes that rating back: no active review is left and the card is new again, first in the queue.
    // One request: the undo's response carries the page showing that card.
    const undoRequests = await requestsDuring(page, async () => {
      await page.keyboard.press("Control+z");
      await page.locator(`section.review-card[data-skill-id="${firstSkill}"]`).waitFor();
    });
    expect(undoRequests).toEqual(["POST /review"]);
    await expect.poll(activeRatings).toEqual([]);
    const [restored] = queryDatabase<{ state: string; reps: number }>(
      databaseUrl,
      "SELECT state, reps FROM SrsCard WHERE learnerId = ? AND skillId = ?",
      learnerId,
      firstSkill,
    );
    expect(restored).toEqual({ state: "new", reps: 0 });

    // A wrong answer can only be rated Again: it is rated so at once, and no rating buttons are offered.
    const retry = regenerate((await card.getAttribute("data-question-id")) ?? "");
    const wrong = retry.options.find((option) => !retry.answer.includes(option.id))?.id ?? "";
    await card.locator(`label[data-option-id="${wrong}"]`).click();
    await page.keyboard.press("Space");
    await expect(card.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe("incorrect");
    await card.getByText(/Rated Again: a wrong answer can only be rated Again/).waitFor();
    expect(await card.getByRole("button", { name: /^(Again|Hard|Good|Easy),/ }).count()).toBe(0);
    await expect.poll(() => page.locator('[data-count="new"] dd').textContent()).toMatch(/\(2 waiting\)/);

    // 4. The card browser: suspend one of the waiting cards; it leaves the queue.
    const waiting = SKILLS.find((skill) => skill !== firstSkill) ?? "";
    await page.goto("/review/cards");
    await expect(page.getByTestId("card-count").textContent()).resolves.toBe("3 of 3 cards");
    const row = page.locator(`tr[data-skill-id="${waiting}"]`);
    await row.getByRole("button", { name: `Suspend ${waiting}` }).click();
    await page.locator(`tr[data-skill-id="${waiting}"][data-status="suspended"]`).waitFor();
    await page.goto("/review/cards?status=suspended");
    await expect(page.getByTestId("card-count").textContent()).resolves.toBe("1 of 3 cards");
    expect(await seriousViolationLines(page)).toEqual([]);
    await page.goto("/review");
    await expect.poll(() => page.locator('[data-count="new"] dd').textContent()).toMatch(/\(1 waiting\)/);
    const shown = await page.locator("section.review-card").getAttribute("data-skill-id");
    expect(shown).not.toBe(waiting);

    // 5. Stats count the cards by state: the card rated Again is learning, one is suspended, one new.
    await page.goto("/review/stats");
    const count = (state: string) =>
      page.locator(`[data-testid="cards-by-state"] [data-state="${state}"] dd`).textContent();
    await expect(count("suspended")).resolves.toBe("1");
    await expect(count("new")).resolves.toBe("1");
    await expect(count("learning")).resolves.toBe("1");
    await page.getByTestId("heatmap").waitFor();
    await expect(page.locator('[data-testid="heatmap"] [data-reviews="1"]').count()).resolves.toBe(1);
    expect(await seriousViolationLines(page)).toEqual([]);

    // 6. At 390 px the three pages fit and stay free of serious axe findings.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const pagePath of ["/review", "/review/cards", "/review/stats"]) {
      await page.goto(pagePath);
      expect({ pagePath, fits: await fitsWidth(page) }).toEqual({ pagePath, fits: true });
      expect({ pagePath, violations: await seriousViolationLines(page) }).toEqual({
        pagePath,
        violations: [],
      });
    }
    await context.close();
  });

  it("refuses another learner's card, an unknown action and rescheduling a new card, naming the field; a buried card leaves the queue", async () => {
    const owner = await newPage(browser, inject("baseURL"));
    expect((await owner.page.request.post("/api/review/cards", { data: { skillId: "P2" } })).status()).toBe(
      201,
    );
    const stranger = await newPage(browser, inject("baseURL"));
    await stranger.page.goto("/review");
    const refused = await stranger.page.request.post("/api/review/cards/manage", {
      data: { skillId: "P2", action: "suspend" },
    });
    expect(refused.status()).toBe(404);
    await expect(refused.json()).resolves.toMatchObject({ error: "skillId: you have no card for P2" });
    const badAction = await owner.page.request.post("/api/review/cards/manage", {
      data: { skillId: "P2", action: "delete" },
    });
    expect(badAction.status()).toBe(400);
    await expect(badAction.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^action: /) as unknown,
    });
    const newCard = await owner.page.request.post("/api/review/cards/manage", {
      data: { skillId: "P2", action: "reschedule", due: "2099-01-01" },
    });
    expect(newCard.status()).toBe(422);
    await expect(newCard.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^skillId: P2 is new/) as unknown,
    });
    const buried = await owner.page.request.post("/api/review/cards/manage", {
      data: { skillId: "P2", action: "bury" },
    });
    expect(buried.status()).toBe(200);
    await owner.page.goto("/review");
    await owner.page.getByTestId("queue-empty").waitFor();
    await owner.context.close();
    await stranger.context.close();
  });
});
