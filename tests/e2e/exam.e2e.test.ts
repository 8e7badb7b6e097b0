import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { launchBrowser, newPage } from "./support/browser";
import { questionIdBehind, shownIdFor } from "./support/question-ids";
import { recordBodies, secretTexts } from "./support/capture";
import { queryDatabase } from "./support/database";
import { startExam } from "./support/exam";
import { startServer, type RunningServer } from "./support/server";

/** The sealed id the page shows (what the browser sends back). */
async function shownId(page: Page): Promise<string> {
  return (await page.locator("section[data-question-id]").getAttribute("data-question-id")) ?? "";
}

/** The exam's questions in order, as the server planned them (the seed is the server's, not the learner's). */
function plannedQuestions(sessionId: string): Question[] {
  const [row] = queryDatabase<{ snapshot: string }>(
    inject("databaseUrl"),
    "SELECT snapshot FROM StudySession WHERE id = ?",
    sessionId,
  );
  const ids = (JSON.parse(row?.snapshot ?? "{}") as { snapshot: { context: { questionIds: string[] } } })
    .snapshot.context.questionIds;
  return ids.map((id) => {
    const generated = questionFromId(id);
    if (!generated.ok) throw new Error(`exam question ${id} does not generate`);
    return generated.question;
  });
}

async function shownQuestion(page: Page): Promise<Question> {
  const id = await page.locator("section[data-question-id]").getAttribute("data-question-id");
  const generated = questionFromId(questionIdBehind(id ?? ""));
  if (!generated.ok) throw new Error(`no question on the page: ${id}`);
  return generated.question;
}

async function onQuestion(page: Page, n: number, of: number): Promise<void> {
  await page.locator(`h1:has-text("Question ${n} of ${of}")`).waitFor();
}

/** Clicks an option and waits until the server has saved it and the page shows it checked. */
async function choose(page: Page, optionId: string): Promise<void> {
  await page.locator(`[data-testid="exam-answer"] [data-option-id="${optionId}"]`).click();
  await page
    .locator(`[data-testid="exam-answer"][data-saving="false"] [data-option-id="${optionId}"] input:checked`)
    .waitFor();
}

describe("mock exam", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("runs a whole exam: seed, flag, reload that resumes, review, submit, score report, retake of the missed", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const bodies = await recordBodies(page);
    const sessionId = await startExam(page, { count: 4 });
    const planned = { questions: plannedQuestions(sessionId) };
    // The live exam shows no seed: a seed rebuilds every question with its key.
    await expect(page.getByTestId("exam-seed").count()).resolves.toBe(0);

    // Q1: the key, flagged. Q2: a wrong option. Q3: the key. Q4: left unanswered.
    await onQuestion(page, 1, 4);
    const q1 = await shownQuestion(page);
    const q1Shown = await shownId(page);
    expect(q1.id).toBe(planned.questions[0]?.id);
    for (const key of q1.answer) await choose(page, key);
    await page.getByTestId("flag").click();
    await page.locator('[data-testid="flag"][aria-pressed="true"]').waitFor();
    await page.getByTestId("exam-next").click();
    await onQuestion(page, 2, 4);
    const q2 = await shownQuestion(page);
    const wrong = q2.options.find((option) => !q2.answer.includes(option.id));
    await choose(page, wrong?.id ?? "");

    // A reload in the middle resumes where the learner was, answers and flag included.
    await page.reload();
    await onQuestion(page, 2, 4);
    await page.locator(`[data-option-id="${wrong?.id}"] input:checked`).waitFor();
    await expect(page.getByTestId("nav-1").getAttribute("aria-label")).resolves.toBe(
      "Question 1, answered, flagged",
    );
    await page.getByTestId("nav-1").click();
    await onQuestion(page, 1, 4);
    await page.locator(`[data-option-id="${q1.answer[0]}"] input:checked`).waitFor();

    await page.getByTestId("nav-3").click();
    await onQuestion(page, 3, 4);
    const q3 = await shownQuestion(page);
    // A multi-select key needs every key option.
    for (const key of q3.answer) await choose(page, key);

    // Nothing received so far holds a key or an explanation of any question of this exam.
    const received = bodies().join("\n");
    // The browser holds sealed ids only, never family.seed.difficulty.
    expect(received).toContain(q1Shown);
    for (const question of planned.questions) expect(received).not.toContain(question.id);
    for (const question of planned.questions) {
      expect(secretTexts(question).length).toBeGreaterThan(0);
      for (const secret of secretTexts(question)) expect(received).not.toContain(secret);
    }

    // A question of another exam is refused by name.
    const stranger = await page.request.post("/exam/api", {
      data: { action: "select", sessionId, questionId: "peering-feasibility.7.1", optionIds: ["a"] },
    });
    expect(stranger.status()).toBe(409);
    await expect(stranger.json()).resolves.toMatchObject({
      error: expect.stringContaining("not served to you") as unknown,
    });

    await page.getByTestId("open-review").click();
    await page.getByTestId("review-screen").waitFor();
    await expect(page.locator('[data-review-index="1"] .flag-tag').count()).resolves.toBe(1);
    await expect(page.locator('[data-review-index="4"]').textContent()).resolves.toContain("not answered");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("submit-exam").click();

    await page.waitForURL(new RegExp(`/exam/${sessionId}$`));
    await expect(page.getByTestId("exam-verdict").textContent()).resolves.toContain("2 of 4 right (50%)");
    await expect(page.getByTestId("exam-verdict").getAttribute("data-passed")).resolves.toBe("false");
    await expect(page.locator("[data-domain]").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("[data-item]").count()).resolves.toBe(4);
    await expect(page.locator('[data-item="4"] [data-testid="your-answer"]').textContent()).resolves.toBe(
      "not answered",
    );
    await expect(page.locator('[data-item="1"]').textContent()).resolves.toContain(q1.explanation.summary);

    // After submission nothing more is accepted.
    const late = await page.request.post("/exam/api", {
      data: { action: "select", sessionId, questionId: q1Shown, optionIds: [q1.answer[0]] },
    });
    expect(late.status()).toBe(409);

    // A learner cannot choose the seed (it would rebuild the exam with its keys).
    const chosen = await page.request.post("/exam/api", {
      data: { action: "start", questionCount: 4, examSeed: 424242 },
    });
    expect(chosen.status()).toBe(400);

    // Retake only the missed ones: fresh variants of the same families.
    await page.getByTestId("retake").click();
    await page.waitForURL(/\/exam$/);
    await onQuestion(page, 1, 2);
    const retakeFamilies = [await shownQuestion(page)];
    await page.getByTestId("exam-next").click();
    await onQuestion(page, 2, 2);
    retakeFamilies.push(await shownQuestion(page));
    const missed = [q2, planned.questions[3]].filter((q): q is Question => q !== undefined);
    expect(retakeFamilies.map((q) => q.family).sort()).toEqual(missed.map((q) => q.family).sort());
    for (const question of retakeFamilies) expect(missed.map((q) => q.id)).not.toContain(question.id);
    // Requests still in flight when the context closes would otherwise fail inside the route handler.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await context.close();
  });

  describe("with a short time limit", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({
        databaseUrl: inject("databaseUrl"),
        logFile: path.join(inject("e2eDir"), "short-exam-server.log"),
        // 12 s: long enough to start and answer on a loaded 2-core machine, short enough to wait out.
        env: { REACHABLE_EXAM_DURATION_MS: "12000" },
      });
    });
    afterAll(async () => {
      await server.stop();
    });

    it("submits the exam itself when the server's deadline passes", async () => {
      const { context, page } = await newPage(browser, server.baseURL);
      const sessionId = await startExam(page, { count: 2 });
      const q1 = await shownQuestion(page);
      await choose(page, q1.answer[0] ?? "");
      // On a loaded machine the choice itself may arrive after the deadline: refused, and the exam submits
      // itself all the same (the result page then opens with ?late=1).
      await page.waitForURL(new RegExp(`/exam/${sessionId}(\\?late=1)?$`), { timeout: 30_000 });
      await expect(page.getByTestId("exam-ended-by").textContent()).resolves.toContain("Time ran out");
      const rows = queryDatabase<{ status: string; result: string }>(
        inject("databaseUrl"),
        "SELECT status, result FROM StudySession WHERE id = ?",
        sessionId,
      );
      expect(rows[0]?.status).toBe("finished");
      expect(JSON.parse(rows[0]?.result ?? "{}")).toMatchObject({ endedBy: "timeout", total: 2 });
      await context.close();
    });

    it("refuses an answer after the deadline, and that late answer submits the exam", async () => {
      const { context, page } = await newPage(browser, server.baseURL);
      await page.goto("/");
      const started = await page.request.post("/exam/api", { data: { action: "start", questionCount: 2 } });
      const { sessionId } = (await started.json()) as { sessionId: string };
      const active = queryDatabase<{ snapshot: string; learnerId: string }>(
        inject("databaseUrl"),
        "SELECT snapshot, learnerId FROM StudySession WHERE id = ?",
        sessionId,
      );
      const learnerId = active[0]?.learnerId ?? "";
      const questionIds = (
        JSON.parse(active[0]?.snapshot ?? "{}") as { snapshot: { context: { questionIds: string[] } } }
      ).snapshot.context.questionIds;
      await new Promise((resolve) => setTimeout(resolve, 12_500));
      const first = questionFromId(questionIds[0] ?? "");
      const optionId = first.ok ? first.question.answer[0] : undefined;
      const late = await page.request.post("/exam/api", {
        data: {
          action: "select",
          sessionId,
          questionId: shownIdFor(questionIds[0] ?? "", { kind: "exam", sessionId, learnerId }),
          optionIds: [optionId],
        },
      });
      expect(late.status()).toBe(409);
      await expect(late.json()).resolves.toMatchObject({
        finished: true,
        error: expect.stringContaining("time is up") as unknown,
      });
      const rows = queryDatabase<{ status: string; result: string }>(
        inject("databaseUrl"),
        "SELECT status, result FROM StudySession WHERE id = ?",
        sessionId,
      );
      expect(rows[0]?.status).toBe("finished");
      expect(JSON.parse(rows[0]?.result ?? "{}")).toMatchObject({ endedBy: "timeout", correct: 0 });
      await context.close();
    });
  });
});
