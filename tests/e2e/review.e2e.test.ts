import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ON_SCREEN_COOKIE } from "../../app/review/on-screen";
import { questionFromId } from "../../lib/scenario/generate";
import { parseQuestionId, type Question } from "../../lib/scenario/question";
import { launchBrowser, newPage } from "./support/browser";
import { questionIdBehind, shownIdFor } from "./support/question-ids";
import { recordBodies, secretTexts } from "./support/capture";
import { queryDatabase } from "./support/database";
import { startServer, type RunningServer } from "./support/server";

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;
const LESSON = "vpc-peering";
// Used only when the lesson page has no inline question: the same request its TryIt would send.
const FALLBACK_QUESTION = "peering-feasibility.201.1";

function regenerate(id: string): Question {
  const generated = questionFromId(id);
  if (!generated.ok) throw new Error(`cannot regenerate ${id}`);
  return generated.question;
}

describe("spaced review", () => {
  let browser: Browser;
  let later: RunningServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    later = await startServer({
      databaseUrl: inject("databaseUrl"),
      logFile: path.join(inject("e2eDir"), "server-later.log"),
      env: { REACHABLE_CLOCK_OFFSET_MS: String(TWO_DAYS_MS) },
    });
  });
  afterAll(async () => {
    await later.stop();
    await browser.close();
  });

  it("a lesson answer enrols the skill; two days later it is reviewed with a new variant and the stats count it", async () => {
    const databaseUrl = inject("databaseUrl");
    const { context, page } = await newPage(browser, inject("baseURL"));

    // 1. Today: answer an inline question of a lesson.
    const lesson = await page.goto(`/lessons/${LESSON}`);
    const tryIt = page.locator("section.try-it[data-question-id]").first();
    let lessonQuestionId: string;
    if (lesson?.ok() === true && (await tryIt.count()) > 0) {
      lessonQuestionId = questionIdBehind((await tryIt.getAttribute("data-question-id")) ?? "");
      await tryIt.locator("label.option").first().click();
      await tryIt.getByRole("button", { name: "Check answer" }).click();
      await tryIt.locator("[data-verdict]").waitFor();
    } else {
      lessonQuestionId = FALLBACK_QUESTION;
      const answered = await page.request.post("/api/answers", {
        data: {
          questionId: shownIdFor(lessonQuestionId, { kind: "lesson", slug: LESSON }),
          response: ["a"],
          context: { kind: "lesson", slug: LESSON },
        },
      });
      expect(answered.status()).toBe(200);
    }
    const lessonQuestion = regenerate(lessonQuestionId);
    const [attempt] = queryDatabase<{ learnerId: string }>(
      databaseUrl,
      "SELECT learnerId FROM Attempt WHERE questionId = ? ORDER BY answeredAt DESC LIMIT 1",
      lessonQuestionId,
    );
    const learnerId = attempt?.learnerId ?? "";
    const enrolled = queryDatabase<{ skillId: string; source: string; state: string }>(
      databaseUrl,
      "SELECT skillId, source, state FROM SrsCard WHERE learnerId = ? ORDER BY skillId",
      learnerId,
    );
    expect(enrolled.map((card) => card.skillId).sort()).toEqual([...lessonQuestion.concepts].sort());
    expect(enrolled.every((card) => card.source === "lesson" && card.state === "new")).toBe(true);

    // 2. Two days later (a second server on the same database with a shifted clock; same cookie, same learner).
    const received = await recordBodies(page);
    await page.goto(`${later.baseURL}/review`);
    const card = page.locator("section.review-card");
    const skillId = (await card.getAttribute("data-skill-id")) ?? "";
    const reviewQuestionId = questionIdBehind((await card.getAttribute("data-question-id")) ?? "");
    expect(lessonQuestion.concepts).toContain(skillId);
    await expect(page.locator('[data-count="new"] dd').textContent()).resolves.toMatch(/^0 of 20/);

    // A different generated variant than the one first seen, still about the card's concept.
    const reviewQuestion = regenerate(reviewQuestionId);
    expect(reviewQuestionId).not.toBe(lessonQuestionId);
    const parsedReview = parseQuestionId(reviewQuestionId);
    expect(parsedReview.ok && parsedReview.value.seed).not.toBe(lessonQuestion.seed);
    expect(reviewQuestion.concepts).toContain(skillId);

    // The key and the explanation are nowhere in what the browser received before answering.
    const before = received().join("\n");
    expect(before).toContain(reviewQuestion.stem.slice(0, 40));
    for (const secret of secretTexts(reviewQuestion)) expect(before).not.toContain(secret);
    expect(before).not.toMatch(/"answer":\[/);

    // The lesson's own question (key already shown there) is refused as a review answer, and nothing is recorded.
    const replay = await page.request.post(`${later.baseURL}/api/review/answer`, {
      // Sealed for this card and learner, as if the server had served the lesson's variant again.
      data: {
        skillId,
        questionId: shownIdFor(lessonQuestionId, { kind: "review", skillId, learnerId }),
        response: [...lessonQuestion.answer],
      },
    });
    expect(replay.status()).toBe(409);
    await expect(replay.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^questionId: /) as unknown,
    });

    // 3. Answer right: rated Good automatically, then the learner rates it Easy.
    for (const optionId of reviewQuestion.answer)
      await card.locator(`label[data-option-id="${optionId}"]`).click();
    await card.getByRole("button", { name: "Check answer" }).click();
    await expect(card.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe("correct");
    await expect(card.locator("[data-current-rating]").getAttribute("data-current-rating")).resolves.toBe(
      "good",
    );
    // The page rates through its server action (a POST to the page itself, answered with the next card).
    const rated = page.waitForResponse(
      (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/review",
    );
    await card.getByRole("button", { name: /Easy/ }).click();
    expect((await rated).status()).toBe(200);

    const reviews = queryDatabase<{
      rating: string;
      questionId: string;
      questionSeed: string;
      undoneAt: string | null;
      correct: number;
    }>(
      databaseUrl,
      "SELECT rating, questionId, questionSeed, undoneAt, correct FROM SrsReview WHERE learnerId = ? ORDER BY reviewedAt, undoneAt IS NULL",
      learnerId,
    );
    expect(reviews.map((row) => [row.rating, row.undoneAt === null])).toEqual([
      ["good", false],
      ["easy", true],
    ]);
    expect(
      reviews.every(
        (row) =>
          row.questionId === reviewQuestionId && row.questionSeed === reviewQuestionId && row.correct === 1,
      ),
    ).toBe(true);
    const [reviewed] = queryDatabase<{ reps: number; state: string }>(
      databaseUrl,
      "SELECT reps, state FROM SrsCard WHERE learnerId = ? AND skillId = ?",
      learnerId,
      skillId,
    );
    expect(reviewed?.reps).toBe(1);

    // 4. The stats of that later day count the review.
    await page.goto(`${later.baseURL}/review/stats`);
    await expect(page.locator('[data-stat="reviews-30d"] dd').textContent()).resolves.toBe("1");
    await expect(
      page.locator('[data-testid="reviews-per-day"] tbody tr td').first().textContent(),
    ).resolves.toBe("1");

    // 5. An undo that does not reach the server changes nothing: the cookie that keeps an answered card on screen
    // (set here as the page sets it after an answer; the Easy above went on to the next card) stays, a message
    // says what happened and Undo is still there to try again.
    await context.addCookies([
      {
        name: ON_SCREEN_COOKIE,
        value: "P3%7Cq%7Ca",
        domain: new URL(later.baseURL).hostname,
        path: "/review",
      },
    ]);
    await page.goto(`${later.baseURL}/review`);
    const shownCookie = async () =>
      (await context.cookies(`${later.baseURL}/review`)).find((cookie) => cookie.name === ON_SCREEN_COOKIE)
        ?.value ?? "";
    expect(await shownCookie()).not.toBe("");
    const offline = (url: URL) => url.pathname === "/review";
    await page.route(offline, (route) =>
      route.request().method() === "POST" ? route.abort() : route.continue(),
    );
    await page.getByRole("button", { name: /Undo last review/ }).click();
    await expect(page.locator(".review-undo [role=alert]").textContent()).resolves.toMatch(/server/);
    await expect(page.getByRole("button", { name: /Undo last review/ }).isEnabled()).resolves.toBe(true);
    expect(await shownCookie()).not.toBe("");
    await page.unroute(offline);

    // Undo takes the review back: the row is marked, the card is new again and the stats drop it; the server,
    // having saved it, drops the on-screen cookie.
    await page.getByRole("button", { name: /Undo last review/ }).click();
    await expect
      .poll(
        () =>
          queryDatabase<{ reps: number }>(
            databaseUrl,
            "SELECT reps FROM SrsCard WHERE learnerId = ? AND skillId = ?",
            learnerId,
            skillId,
          )[0]?.reps,
      )
      .toBe(0);
    await expect.poll(shownCookie).toBe("");
    await page.goto(`${later.baseURL}/review/stats`);
    await expect(page.locator('[data-stat="reviews-30d"] dd').textContent()).resolves.toBe("0");
    await context.close();
  });

  it("settings reject a bad field by name with a 4xx and keep what was saved", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/review/settings");
    await page.getByLabel("New cards per day").fill("7");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("settings-status").textContent()).resolves.toBe("Saved.");

    await page.getByLabel("Desired retention").fill("1.5");
    const responsePromise = page.waitForResponse((response) =>
      response.url().endsWith("/api/review/settings"),
    );
    await page.getByRole("button", { name: "Save settings" }).click();
    const response = await responsePromise;
    expect(response.status()).toBe(400);
    const status = page.getByTestId("settings-status").filter({ hasText: "Not saved" });
    // The API names the field; the page says it in the form's words.
    await expect(status.textContent()).resolves.toBe("Not saved. Desired retention must be at most 0.99.");
    await expect(page.locator("#desiredRetention-hint").textContent()).resolves.toBe(
      "Desired retention must be at most 0.99.",
    );
    await expect(page.getByLabel("Desired retention").inputValue()).resolves.toBe("1.5");

    await page.reload();
    await expect(page.getByLabel("Desired retention").inputValue()).resolves.toBe("0.9");
    await expect(page.getByLabel("New cards per day").inputValue()).resolves.toBe("7");
    await context.close();
  });

  it("an import with a bad field reports its path and changes nothing", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/review");
    const added = await page.request.post("/api/review/cards", { data: { skillId: "P3" } });
    expect(added.status()).toBe(201);
    const exported = (await (await page.request.get("/api/review/export")).json()) as {
      cards: { due: string }[];
    };
    expect(exported.cards).toHaveLength(1);
    const broken = { ...exported, cards: [{ ...exported.cards[0], due: "tomorrow" }] };
    const refused = await page.request.post("/api/review/import", { data: JSON.stringify(broken) });
    expect(refused.status()).toBe(422);
    await expect(refused.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^cards\.0\.due: /) as unknown,
    });
    const after = (await (await page.request.get("/api/review/export")).json()) as {
      cards: { skillId: string }[];
    };
    expect(after.cards.map((card) => card.skillId)).toEqual(["P3"]);
    const badBody = await page.request.post("/api/review/answer", {
      data: { skillId: "P3", questionId: "concept-check.5.1", response: "a" },
    });
    expect(badBody.status()).toBe(400);
    await expect(badBody.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^response: /) as unknown,
    });
    const badSkill = await page.request.post("/api/review/cards", { data: { skillId: "Z9" } });
    expect(badSkill.status()).toBe(400);
    await expect(badSkill.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^skillId: /) as unknown,
    });
    await context.close();
  });
});
