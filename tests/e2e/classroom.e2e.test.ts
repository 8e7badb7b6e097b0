import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { launchBrowser, newPage } from "./support/browser";
import { questionIdBehind } from "./support/question-ids";
import { secretTexts } from "./support/capture";
import { queryDatabase } from "./support/database";

/**
 * Every body the page received with its URL (the shared capture keeps bodies only; the view checks below need
 * to know which bodies are the classroom's JSON). Routed, since streamed RSC bodies are not readable otherwise.
 */
async function recordBodies(page: Page): Promise<() => { url: string; body: string }[]> {
  const bodies: { url: string; body: string }[] = [];
  await page.route("**/*", async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.body();
      bodies.push({ url: route.request().url(), body: body.toString("utf8") });
      await route.fulfill({ response, body });
    } catch (error) {
      // A poll still in flight when the test closes its page: nothing more reaches the browser.
      if (page.isClosed() || /disposed|closed/i.test(String(error))) return;
      throw error;
    }
  });
  return () => [...bodies];
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/classroom/join?code=${code}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByTestId("join-game").click();
}

async function phase(page: Page, name: string): Promise<void> {
  await page.locator(`.classroom[data-phase="${name}"]`).waitFor({ timeout: 15_000 });
}

/** The sealed id the page shows (what the browser sends back when it answers). */
async function shownId(page: Page): Promise<string> {
  return (await page.locator("section[data-question-id]").getAttribute("data-question-id")) ?? "";
}

async function shownQuestion(page: Page): Promise<Question> {
  const id = await page.locator("section[data-question-id]").getAttribute("data-question-id");
  const generated = questionFromId(questionIdBehind(id ?? ""));
  if (!generated.ok) throw new Error(`no question on the page: ${id}`);
  return generated.question;
}

async function answer(page: Page, optionIds: readonly string[]): Promise<void> {
  const form = page.getByTestId("answer-form");
  for (const id of optionIds) await form.locator(`[data-option-id="${id}"]`).click();
  await page.getByTestId("submit-answer").click();
  await page.getByTestId("answer-sent").waitFor();
}

describe("live classroom", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  async function open(): Promise<Page> {
    const { context, page } = await newPage(browser, inject("baseURL"));
    contexts.push(context);
    return page;
  }

  it("a teacher runs a question for two players: join, answer, reveal, leaderboard, and no key before the reveal", async () => {
    const teacher = await open();
    await teacher.goto("/classroom");
    // One topic so both questions come from one family; a long time limit so only the teacher closes.
    for (const box of await teacher.locator('input[name="families"]').all()) {
      if ((await box.getAttribute("value")) !== "endpoint-choice") await box.uncheck();
    }
    await teacher.getByLabel("Questions").fill("2");
    await teacher.getByLabel("Seconds per question").fill("300");
    await teacher.getByTestId("create-game").click();
    await phase(teacher, "lobby");
    const code = (await teacher.getByTestId("join-code").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expect(teacher.getByTestId("join-link").getAttribute("href")).resolves.toContain(
      `/classroom/join?code=${code}`,
    );

    const ana = await open();
    const anaBodies = await recordBodies(ana);
    await join(ana, code, "Ana");
    await phase(ana, "lobby");

    const ben = await open();
    const benBodies = await recordBodies(ben);
    await join(ben, code, " ana ");
    await expect(ben.getByTestId("join-error").textContent()).resolves.toMatch(
      /displayName: this name is taken/,
    );
    await ben.getByLabel("Your name").fill("Ben");
    await ben.getByTestId("join-game").click();
    await phase(ben, "lobby");

    await teacher.locator('[data-testid="players"] li', { hasText: "Ben" }).waitFor();
    await expect(teacher.locator('[data-testid="players"] li').allTextContents()).resolves.toEqual([
      "Ana",
      "Ben",
    ]);

    // Only the teacher runs the game: a player's "open" is refused, naming the field.
    const refused = await ana.request.post("/classroom/api", { data: { action: "open", joinCode: code } });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^action: only the teacher/);

    await teacher.getByTestId("open-question").click();
    await phase(teacher, "question");
    await phase(ana, "question");
    await phase(ben, "question");
    const question = await shownQuestion(ana);
    expect((await shownQuestion(ben)).id).toBe(question.id);
    const wrong = question.options.find((option) => !question.answer.includes(option.id));
    if (!wrong) throw new Error("the question needs a wrong option");

    await answer(ana, question.answer);
    await answer(ben, [wrong.id]);
    // A second answer is refused by the server, whatever the page shows.
    const second = await ben.request.post("/classroom/api", {
      data: {
        action: "answer",
        joinCode: code,
        questionId: await shownId(ben),
        optionIds: [...question.answer],
      },
    });
    expect(second.status()).toBe(409);
    expect(((await second.json()) as { error: string }).error).toMatch(/^questionId: /);
    await teacher.getByTestId("time-left").filter({ hasText: "2 of 2 answered" }).waitFor();

    // Before the reveal nothing a player's browser received holds the explanation or the key.
    for (const bodies of [anaBodies(), benBodies()]) {
      expect(bodies.some((entry) => entry.url.includes(`/classroom/api/${code}`))).toBe(true);
      for (const { url, body } of bodies) {
        for (const secret of secretTexts(question))
          expect(body.includes(secret), `${url} leaks "${secret.slice(0, 40)}"`).toBe(false);
        if (url.includes("/classroom/api")) {
          expect(body).not.toMatch(/"(key|answer|explanation|correctResponse)"/);
          expect(body).not.toMatch(/"reveal":\{/);
        }
      }
    }

    await teacher.getByTestId("close-question").click();
    for (const page of [teacher, ana, ben]) await phase(page, "reveal");
    for (const page of [teacher, ana, ben]) {
      const distribution = page.getByTestId("distribution");
      for (const keyId of question.answer) {
        await expect(
          distribution.locator(`li[data-option-id="${keyId}"]`).getAttribute("data-key"),
        ).resolves.toBe("true");
      }
      await expect(
        distribution.locator(`li[data-option-id="${wrong.id}"]`).getAttribute("data-count"),
      ).resolves.toBe("1");
      await expect(
        distribution.locator(`li[data-option-id="${wrong.id}"]`).getAttribute("data-key"),
      ).resolves.toBe("false");
      await expect(
        distribution.locator(`li[data-option-id="${question.answer[0] ?? ""}"]`).getAttribute("data-count"),
      ).resolves.toBe("1");
      await expect(page.getByTestId("explanation").textContent()).resolves.toBe(question.explanation.summary);
    }
    // The capture does see what the reveal sends, so its silence before the reveal means something.
    await ana.getByTestId("explanation").waitFor();
    expect(
      anaBodies().some(({ body }) => secretTexts(question).some((secret) => body.includes(secret))),
    ).toBe(true);
    await expect(ana.getByTestId("your-verdict").textContent()).resolves.toMatch(/^Right! \+\d+ points$/);
    await expect(ben.getByTestId("your-verdict").textContent()).resolves.toBe("Not this time.");

    await teacher.getByTestId("show-leaderboard").click();
    for (const page of [teacher, ana, ben]) {
      await phase(page, "leaderboard");
      const rows = page.locator('[data-testid="leaderboard"] tbody tr');
      await expect(
        rows.evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute("data-rank"), tr.getAttribute("data-name")]),
        ),
      ).resolves.toEqual([
        ["1", "Ana"],
        ["2", "Ben"],
      ]);
    }
    await expect(ana.locator("tr.classroom-you").getAttribute("data-name")).resolves.toBe("Ana");

    const attempts = queryDatabase<{ response: string; correct: number }>(
      inject("databaseUrl"),
      "SELECT response, correct FROM Attempt WHERE context = ? ORDER BY correct DESC",
      `classroom:${code}`,
    );
    expect(attempts.map((row) => [JSON.parse(row.response) as string[], row.correct])).toEqual([
      [[...question.answer], 1],
      [[wrong.id], 0],
    ]);

    // The next question is the second of the game; ending it shows the final leaderboard to everyone.
    await teacher.getByTestId("open-question").click();
    await phase(ana, "question");
    expect((await shownQuestion(ana)).id).not.toBe(question.id);
    await teacher.getByTestId("end-game").click();
    for (const page of [teacher, ana, ben]) await phase(page, "finished");
    await expect(
      ben.locator('[data-testid="leaderboard"] tbody tr').first().getAttribute("data-name"),
    ).resolves.toBe("Ana");
  });
  it("when the time is up the server closes and grades the question by itself, and a late answer is refused", async () => {
    const teacher = await open();
    await teacher.goto("/classroom");
    for (const box of await teacher.locator('input[name="families"]').all()) {
      if ((await box.getAttribute("value")) !== "concept-check") await box.uncheck();
    }
    await teacher.getByLabel("Questions").fill("1");
    await teacher.getByLabel("Seconds per question").fill("5");
    await teacher.getByTestId("create-game").click();
    await phase(teacher, "lobby");
    const code = (await teacher.getByTestId("join-code").textContent()) ?? "";

    const cleo = await open();
    await join(cleo, code, "Cleo");
    await phase(cleo, "lobby");
    await teacher.locator('[data-testid="players"] li', { hasText: "Cleo" }).waitFor();
    await teacher.getByTestId("open-question").click();
    await phase(cleo, "question");
    const question = await shownQuestion(cleo);
    const cleoShown = await shownId(cleo);

    // Nobody closes it: the polls after openedAt + 5 s find it over, and everyone sees the reveal.
    await phase(cleo, "reveal");
    await phase(teacher, "reveal");
    const late = await cleo.request.post("/classroom/api", {
      data: { action: "answer", joinCode: code, questionId: cleoShown, optionIds: [...question.answer] },
    });
    expect(late.status()).toBe(409);
    expect(((await late.json()) as { error: string }).error).toMatch(/^questionId: .*too late/);
    await expect(
      cleo
        .getByTestId("distribution")
        .locator(`li[data-option-id="${question.answer[0] ?? ""}"]`)
        .getAttribute("data-count"),
    ).resolves.toBe("0");
  });
});
