import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { grade } from "../../lib/grading/grade";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { checkPage } from "./support/axe";
import { tickFirstOptions } from "./support/practice-choice";
import { launchBrowser, newPage } from "./support/browser";
import { questionIdBehind } from "./support/question-ids";
import { recordBodies, secretTexts } from "./support/capture";
import { queryDatabase } from "./support/database";

/** The sealed id the page shows (what the browser sends back when it answers). */
async function shownId(page: Page): Promise<string> {
  return (await page.locator("[data-question-id]").first().getAttribute("data-question-id")) ?? "";
}

async function currentQuestion(page: Page): Promise<Question> {
  const id = await page.locator("[data-question-id]").first().getAttribute("data-question-id");
  const generated = questionFromId(questionIdBehind(id ?? ""));
  if (!generated.ok) throw new Error(`the page shows no valid question id: ${id}`);
  return generated.question;
}

describe("practice mode", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("runs a whole session by keyboard: question, feedback with the explanation, next, summary by concept", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const bodies = await recordBodies(page);
    await page.goto("/practice");
    await page.getByLabel("Questions (empty: until you finish)").fill("3");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();

    const seen: string[] = [];
    // Bodies from here on belong to the question on screen: earlier feedback may share generic explanation
    // lines with a later question of the same family, which would be no leak.
    let fromBody = 0;
    let right = 0;
    for (let step = 1; step <= 3; step += 1) {
      await page.locator(`[data-testid="practice-progress"]:has-text("Question ${step} of 3")`).waitFor();
      const question = await currentQuestion(page);
      expect(seen).not.toContain(question.id);
      seen.push(question.id);
      // Before answering, nothing the browser received holds the explanation.
      const received = bodies().slice(fromBody).join("\n");
      expect(received).toContain(await shownId(page));
      expect(received).not.toContain(question.id);
      expect(secretTexts(question).length).toBeGreaterThan(0);
      for (const secret of secretTexts(question)) expect(received).not.toContain(secret);

      // 1 picks the first option shown; Enter submits. The verdict expected is that of the option the page
      // shows first, read from the page, so it holds whatever option order the server serves.
      await page.keyboard.press("1");
      await page.locator('[data-testid="practice-answer"] input:checked').waitFor();
      const options = page.locator('[data-testid="practice-answer"] label[data-option-id]');
      const chosen = await page
        .locator('[data-testid="practice-answer"] label[data-option-id]:has(input:checked)')
        .getAttribute("data-option-id");
      expect(chosen).toBe(await options.first().getAttribute("data-option-id"));
      await page.keyboard.press("Enter");
      const verdict = page.locator("[data-verdict]");
      await verdict.waitFor();
      const expected = grade(question, [chosen ?? ""]).correct;
      if (expected) right += 1;
      await expect(verdict.getAttribute("data-verdict")).resolves.toBe(expected ? "correct" : "incorrect");
      await expect(page.getByTestId("explanation").textContent()).resolves.toContain(
        question.explanation.summary,
      );
      if (question.topology) await expect(page.getByTestId("topology-diagram").count()).resolves.toBe(1);
      if (question.topology && question.query)
        await expect(page.getByTestId("path-verdict").count()).resolves.toBe(1);

      if (step === 2) {
        // A reload resumes on the same graded question.
        await page.reload();
        await page.locator("[data-verdict]").waitFor();
        await expect(
          page
            .locator("[data-question-id]")
            .first()
            .getAttribute("data-question-id")
            .then((shown) => questionIdBehind(shown ?? "")),
        ).resolves.toBe(question.id);
      }
      fromBody = bodies().length;
      await page.keyboard.press("n");
    }

    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("practice-score").textContent()).resolves.toContain(
      `${right} right of 3 answered`,
    );
    await expect(page.locator('[data-testid="by-concept"] tbody tr').count()).resolves.toBeGreaterThan(0);
    const sessionId = page.url().split("/").pop() ?? "";
    const attempts = queryDatabase<{ questionId: string }>(
      inject("databaseUrl"),
      "SELECT questionId FROM Attempt WHERE context = ? ORDER BY answeredAt",
      `practice:${sessionId}`,
    );
    expect(attempts.map((row) => row.questionId)).toEqual(seen);

    // The progress page counts these answers per concept and lists the session in the history.
    const concepts = new Set(
      seen.flatMap((id) => {
        const generated = questionFromId(id);
        return generated.ok ? generated.question.concepts : [];
      }),
    );
    await page.goto("/progress");
    for (const concept of concepts) {
      await expect(
        page.locator(`tr[data-concept="${concept}"]`).getAttribute("data-level"),
      ).resolves.not.toBe("not-started");
    }
    await expect(
      page.locator(`[data-testid="history"] a[href="/practice/${sessionId}"]`).count(),
    ).resolves.toBe(1);
    // Requests still in flight when the context closes would otherwise fail inside the route handler.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await context.close();
  });

  it("costs one request per answer and one per Next: no prefetch of rule or nav links, no page refresh", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    // Every family but concept-check: all their explanations cite AWS rules (about 1 concept fact in 14 cites
    // none), so each answer's feedback shows the rule links whose prefetch this test guards against.
    await page.locator('input[name="everything"]').uncheck();
    for (const box of await page.locator('input[name="families"]').all())
      if ((await box.getAttribute("value")) !== "concept-check") await box.check();
    await page.getByLabel("Questions (empty: until you finish)").fill("");
    // Starting is one request too: its reply carries the first question (no refresh after it).
    await page.waitForLoadState("networkidle");
    const startRequests: string[] = [];
    const onStartRequest = (request: { method: () => string; url: () => string }) =>
      startRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    page.on("request", onStartRequest);
    const startReply = page.waitForResponse((response) => response.url().endsWith("/practice/api"));
    await page.getByTestId("start-practice").click();
    await page.getByTestId("submit").waitFor();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    page.off("request", onStartRequest);
    expect(startRequests).toEqual(["POST /practice/api"]);
    // The first question as the page shows it, redacted: no key, no explanation, no feedback yet.
    const started = (await (await startReply).json()) as { question: Record<string, unknown> };
    expect(Object.keys(started.question).sort()).toEqual(
      [
        "answered",
        "bookmarked",
        "diagram",
        "exhibit",
        "multiSelect",
        "options",
        "progress",
        "questionId",
        "sessionId",
        "stem",
      ].sort(),
    );
    expect(started.question.answered).toBeNull();
    expect(started.question.questionId).toBe(await shownId(page));
    for (let i = 0; i < 4; i += 1) {
      await page.getByTestId("submit").waitFor();
      await page.waitForLoadState("networkidle");
      const requests: string[] = [];
      const onRequest = (request: { method: () => string; url: () => string }) =>
        requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
      page.on("request", onRequest);
      await tickFirstOptions(page);
      await page.getByTestId("submit").click();
      await page.locator("[data-verdict]").waitFor();
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      page.off("request", onRequest);
      // The feedback does show rule links (the links whose prefetch made an answer cost 7 requests).
      await expect(page.locator('[data-testid="explanation"] a.rule-link').count()).resolves.toBeGreaterThan(
        0,
      );
      expect(requests).toEqual(["POST /practice/api"]);
      // "Next question": its reply carries the next question, so nothing else goes out.
      const shownBefore = await shownId(page);
      const nextRequests: string[] = [];
      const onNextRequest = (request: { method: () => string; url: () => string }) =>
        nextRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
      page.on("request", onNextRequest);
      await page.getByTestId("next").click();
      await page.locator("[data-verdict]").waitFor({ state: "detached" });
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      page.off("request", onNextRequest);
      expect(nextRequests).toEqual(["POST /practice/api"]);
      expect(await shownId(page)).not.toBe(shownBefore);
      await expect(page.locator('[data-testid="practice-answer"] input:checked').count()).resolves.toBe(0);
    }
    // Feedback on screen (a reload resumes the answered question), then the progress those answers made.
    await tickFirstOptions(page);
    await page.getByTestId("submit").click();
    await page.locator("[data-verdict]").waitFor();
    expect(await checkPage(page, "/practice")).toEqual([]);
    await expect(page.locator("[data-verdict]").count()).resolves.toBe(1);
    expect(await checkPage(page, "/progress")).toEqual([]);
    await context.close();
  });

  it("refuses a second answer and an answer to a question not on screen, with a field-named message", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    const question = await currentQuestion(page);
    const sessionId = await page.locator("[data-session-id]").getAttribute("data-session-id");
    const post = (data: unknown) => page.request.post("/practice/api", { data });
    const response = [...question.answer];
    const shown = await shownId(page);

    const stranger = await post({
      action: "answer",
      sessionId,
      questionId: "peering-feasibility.7.1",
      response: ["a"],
    });
    expect(stranger.status()).toBe(409);
    await expect(stranger.json()).resolves.toMatchObject({
      error: expect.stringContaining("questionId:") as unknown,
    });

    const bad = await post({ action: "answer", sessionId, questionId: shown, response: "a" });
    expect(bad.status()).toBe(400);
    await expect(bad.json()).resolves.toMatchObject({
      error: expect.stringContaining("response:") as unknown,
    });

    const first = await post({ action: "answer", sessionId, questionId: shown, response });
    expect(first.status()).toBe(200);
    const second = await post({ action: "answer", sessionId, questionId: shown, response });
    expect(second.status()).toBe(409);
    await expect(second.json()).resolves.toMatchObject({
      error: expect.stringContaining("already answered") as unknown,
    });
    await context.close();
  });
});
