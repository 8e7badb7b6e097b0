import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionFromId } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { devices } from "./support/browser";
import { questionIdBehind } from "./support/question-ids";
import { secretTexts } from "./support/capture";
import { queryDatabase } from "./support/database";

/**
 * Every body the page received with its URL (the shared capture keeps bodies only; the view checks below need
 * to know which bodies are the classroom's JSON). Routed, since streamed RSC bodies are not readable otherwise.
 */
async function recordBodies(page: Page): Promise<() => { url: string; body: string }[]> {
  const bodies: { url: string; body: string }[] = [];
  // The event stream never ends, so it is not routed (route.fetch would wait for its end); recordStream reads it.
  await page.route(
    (url) => !url.pathname.endsWith("/events"),
    async (route) => {
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
    },
  );
  return () => [...bodies];
}

/**
 * Everything the game's event stream sends to this browser's learner, read with its cookie from the test
 * process (the same bytes its EventSource receives). Stop it with the returned function.
 */
async function recordStream(page: Page, code: string): Promise<{ text: () => string; stop: () => void }> {
  const cookies = await page.context().cookies();
  const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const abort = new AbortController();
  let text = "";
  const response = await fetch(new URL(`/classroom/api/${code}/events`, inject("baseURL")), {
    headers: { cookie },
    signal: abort.signal,
  });
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } catch {
      // aborted by stop()
    }
  })();
  return { text: () => text, stop: () => abort.abort() };
}

/**
 * With REACHABLE_HOST_SHOTS set to a folder, saves what the host screen shows at a step (a full-page screenshot
 * and its visible text), so a person can look at the projector view of each step of a real game.
 */
async function hostShot(page: Page, step: string): Promise<void> {
  const folder = process.env["REACHABLE_HOST_SHOTS"];
  if (folder === undefined || folder === "") return;
  fs.mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${step}.png`), fullPage: true });
  fs.writeFileSync(path.join(folder, `${step}.txt`), await page.locator("main").innerText());
}

/**
 * The host screen at a step, on a 1280 x 720 projector and on a 390 px phone: it never scrolls sideways, and on the
 * projector its text is large enough to read from the back of a room. Saves both when REACHABLE_HOST_SHOTS is set.
 */
async function checkHostScreen(page: Page, step: string): Promise<void> {
  for (const [width, height] of [
    [390, 844],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    // No helper function inside: the bundler may wrap named functions in a helper the page does not have.
    const layout = await page.evaluate(() => {
      const host = document.querySelector(".classroom-host");
      const stem = document.querySelector(".classroom-host .stem");
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        base: host ? parseFloat(getComputedStyle(host).fontSize) : 0,
        // The question's text, when the step shows one.
        stem: stem ? parseFloat(getComputedStyle(stem).fontSize) : null,
      };
    });
    expect(layout.overflow, `${step} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    if (width === 1280) {
      expect(layout.base, `${step}: projector text size`).toBeGreaterThanOrEqual(22);
      if (layout.stem !== null)
        expect(layout.stem, `${step}: projector question size`).toBeGreaterThanOrEqual(22);
    }
    await hostShot(page, `${step}-${width}`);
  }
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

/** One tap on a single-choice tile sends it; a multiple-response question takes the taps and a confirm. */
async function answer(page: Page, optionIds: readonly string[]): Promise<void> {
  const form = page.getByTestId("answer-form");
  await form.waitFor();
  const multi = (await page.getByTestId("submit-answer").count()) > 0;
  if (!multi && optionIds.length !== 1) throw new Error("a single-choice question takes one option");
  for (const id of optionIds) await form.locator(`[data-option-id="${id}"]`).click();
  if (multi) await page.getByTestId("submit-answer").click();
  // The last answer closes the question at once, so the reveal may replace "answer sent" before it shows.
  await page
    .locator('[data-testid="answer-sent"], .classroom:not([data-phase="question"])')
    .first()
    .waitFor();
}

describe("live classroom", () => {
  const room = devices(() => inject("baseURL"));
  beforeAll(() => room.launch());
  afterAll(() => room.close());
  const open = (): Promise<Page> => room.open();

  it("a teacher runs a question for two players: join, answer, reveal, leaderboard, and no key before the reveal", async () => {
    const teacher = await open();
    await teacher.goto("/classroom");
    // One topic so both questions come from one family; a long time limit so only the teacher closes.
    for (const box of await teacher.locator('input[name="families"]').all()) {
      if ((await box.getAttribute("value")) !== "endpoint-choice") await box.uncheck();
    }
    await teacher.getByLabel("Questions", { exact: true }).fill("2");
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
    await expect(ben.getByTestId("join-error").textContent()).resolves.toBe(
      "This name is taken: choose another.",
    );
    await ben.getByLabel("Your name").fill("Ben");
    await ben.getByTestId("join-game").click();
    await phase(ben, "lobby");

    await teacher.locator('[data-testid="players"] li', { hasText: "Ben" }).waitFor();
    await expect(
      teacher.locator('[data-testid="players"] li .classroom-player-name').allTextContents(),
    ).resolves.toEqual(["Ana", "Ben"]);

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

    const anaStream = await recordStream(ana, code);
    const benStream = await recordStream(ben, code);
    await answer(ana, question.answer);
    // A second answer is refused by the server, whatever the page shows.
    const second = await ana.request.post("/classroom/api", {
      data: {
        action: "answer",
        joinCode: code,
        questionId: await shownId(ana),
        optionIds: [wrong.id],
      },
    });
    expect(second.status()).toBe(409);
    expect(((await second.json()) as { error: string }).error).toMatch(/^questionId: /);
    await teacher.getByTestId("answer-count").filter({ hasText: /^1$/ }).waitFor();
    // Ana, waiting after her answer, sees the room's progress as the host does (pushed, not the key).
    await ana.getByTestId("answer-count").filter({ hasText: /^1$/ }).waitFor();
    await expect(ana.getByTestId("expected-count").textContent()).resolves.toBe("2");
    await expect(ben.getByTestId("expected-count").textContent()).resolves.toBe("2");

    // Before the reveal nothing a player's browser received holds the explanation or the key: not the pages,
    // not the JSON replies, not the event stream.
    const streams = [anaStream.text(), benStream.text()];
    for (const bodies of [anaBodies(), benBodies()]) {
      for (const { url, body } of [...bodies, ...streams.map((body) => ({ url: "events", body }))]) {
        for (const secret of secretTexts(question))
          expect(body.includes(secret), `${url} leaks "${secret.slice(0, 40)}"`).toBe(false);
        if (url.includes("/classroom/api") || url === "events") {
          expect(body).not.toMatch(/"(key|answer|explanation|correctResponse)"/);
          expect(body).not.toMatch(/"reveal":\{/);
          expect(body).not.toContain(question.id);
        }
      }
    }
    expect(streams.every((text) => text.includes("event: sync"))).toBe(true);

    // The last player's answer closes the question: everyone has answered, nothing is left to wait for.
    await answer(ben, [wrong.id]);
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
    await expect
      .poll(() => secretTexts(question).some((secret) => anaStream.text().includes(secret)))
      .toBe(true);
    anaStream.stop();
    benStream.stop();
    // C2: each player sees which option they chose, marked in the list and named in the verdict by its letter:
    // the letter on the option's tile (the reveal lists the right option first, uxr4 C1, so not its place).
    const letterOf = async (page: Page, optionId: string): Promise<string> => {
      const mark = await page
        .getByTestId("distribution")
        .locator(`li[data-option-id="${optionId}"] .tile-mark`)
        .textContent();
      return (mark ?? "").slice(-1);
    };
    const keyLetters = (await Promise.all(question.answer.map((id) => letterOf(ben, id)))).sort();
    await expect(ana.getByTestId("your-verdict").textContent()).resolves.toMatch(
      /^Right! You chose [A-Z](, [A-Z])*( and [A-Z])?: \+\d+ points$/,
    );
    await expect(ben.getByTestId("your-verdict").textContent()).resolves.toBe(
      `Not this time: you chose ${await letterOf(ben, wrong.id)}; the answer is ${
        keyLetters.length === 1
          ? keyLetters[0]
          : `${keyLetters.slice(0, -1).join(", ")} and ${keyLetters.at(-1)}`
      }.`,
    );
    await expect(
      ben
        .locator('[data-testid="distribution"] li[data-yours="true"]')
        .evaluateAll((items) => items.map((item) => item.getAttribute("data-option-id"))),
    ).resolves.toEqual([wrong.id]);
    await expect(
      ben
        .locator('[data-testid="distribution"] li[data-yours="true"] [data-testid="your-choice"]')
        .textContent(),
    ).resolves.toBe("Your answer");
    await expect(
      ana
        .locator('[data-testid="distribution"] li[data-yours="true"]')
        .evaluateAll((items) => items.map((item) => item.getAttribute("data-option-id"))),
    ).resolves.toEqual([...question.answer]);
    await expect(teacher.locator('[data-testid="distribution"] li[data-yours="true"]').count()).resolves.toBe(
      0,
    );
    // N11: a screen reader hears the counts as sentences, not bare numbers.
    await expect(
      ben
        .locator(`[data-testid="distribution"] li[data-option-id="${wrong.id}"] .classroom-count`)
        .textContent(),
    ).resolves.toBe("11 player chose this");

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
  }, 180_000);
  it("when the time is up the server closes and grades the question by itself, and a late answer is refused", async () => {
    const teacher = await open();
    await teacher.goto("/classroom");
    for (const box of await teacher.locator('input[name="families"]').all()) {
      if ((await box.getAttribute("value")) !== "concept-check") await box.uncheck();
    }
    await teacher.getByLabel("Questions", { exact: true }).fill("1");
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

    // Nobody closes it: the server's own timer closes it at openedAt + 5 s, and the reveal is pushed to everyone.
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
    await expect(cleo.getByTestId("your-verdict").textContent()).resolves.toMatch(/^Time's up/);
  });

  it("a full game on the projector: QR lobby, a phone player, a lost browser rejoining with its code, a late joiner, a removed player, streaks and the podium", async () => {
    const teacher = await open();
    await teacher.goto("/classroom");
    for (const box of await teacher.locator('input[name="families"]').all()) {
      if ((await box.getAttribute("value")) !== "endpoint-choice") await box.uncheck();
    }
    await teacher.getByLabel("Questions", { exact: true }).fill("2");
    await teacher.getByLabel("Seconds per question").fill("300");
    await teacher.getByTestId("create-game").click();
    await phase(teacher, "lobby");
    await teacher.setViewportSize({ width: 1280, height: 720 });
    const code = (await teacher.getByTestId("join-code").textContent()) ?? "";
    await expect(teacher.locator(".classroom-bigcode").textContent()).resolves.toBe(code);
    await teacher.locator('[data-testid="join-qr"] svg').waitFor();
    await expect(teacher.getByTestId("scoring").textContent()).resolves.toMatch(/streak/);

    const dee = await room.open({ width: 390, height: 844 });
    await join(dee, code, "Dee");
    await phase(dee, "lobby");

    const eve = await open();
    await join(eve, code, "Eve");
    await phase(eve, "lobby");
    const rejoinCode = (await eve.getByTestId("rejoin-code").textContent()) ?? "";
    expect(rejoinCode).toMatch(/^[A-Z2-9]{8}$/);

    // A look-alike name (a zero-width space inside) is the same name, so it is refused.
    const zed = await open();
    await join(zed, code, "D\u200bee");
    await expect(zed.getByTestId("join-error").textContent()).resolves.toBe(
      "This name is taken: choose another.",
    );
    await zed.getByLabel("Your name").fill("Zed");
    await zed.getByTestId("join-game").click();
    await phase(zed, "lobby");
    await teacher.locator('[data-testid="players"] li', { hasText: "Zed" }).waitFor();
    await teacher.getByRole("button", { name: "Remove Zed" }).click();
    await zed.getByTestId("removed").waitFor();
    await expect
      .poll(() => teacher.locator('[data-testid="players"] li .classroom-player-name').allTextContents())
      .toEqual(["Dee", "Eve"]);
    await checkHostScreen(teacher, "1-lobby");

    await teacher.getByTestId("open-question").click();
    await phase(dee, "question");
    await phase(eve, "question");
    const q1 = await shownQuestion(dee);
    const wrong1 = q1.options.find((option) => !q1.answer.includes(option.id));
    if (!wrong1) throw new Error("the question needs a wrong option");

    await phase(teacher, "question");
    // The projector shows the options as tiles under the question, in the players' order, and marks no key.
    const tiles = teacher.getByTestId("host-tiles").locator("li");
    await expect(
      tiles.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-option-id"))),
    ).resolves.toEqual(q1.options.map((option) => option.id));
    await expect(tiles.locator(".tile-text").allTextContents()).resolves.toEqual(
      q1.options.map((option) => option.text),
    );
    const hostMain = await teacher.locator("main").innerHTML();
    expect(hostMain).not.toMatch(/data-key|option-key|✓/);
    for (const secret of secretTexts(q1)) expect(hostMain.includes(secret), secret.slice(0, 40)).toBe(false);
    await checkHostScreen(teacher, "2-question");

    // Fay joins while the first question is open: she plays from the next one.
    const fay = await open();
    await join(fay, code, "Fay");
    await phase(fay, "question");
    await fay.getByTestId("waits-for-next").waitFor();

    await answer(dee, q1.answer);
    await teacher.getByTestId("answer-count").filter({ hasText: /^1$/ }).waitFor();
    // Fay, in the room but unable to answer this question, is not waited for: "1 of 2", not "1 of 3".
    await expect(teacher.getByTestId("expected-count").textContent()).resolves.toBe("2");
    await checkHostScreen(teacher, "3-answer-count");
    // Eve loses her browser; a new one rejoins under her name with the rejoin code.
    await eve.context().close();
    const eve2 = await open();
    await eve2.goto(`/classroom/join?code=${code}`);
    await eve2.locator("summary", { hasText: "Rejoin" }).click();
    await eve2.getByLabel("Rejoin code").fill(rejoinCode);
    await eve2.getByTestId("rejoin-game").click();
    await phase(eve2, "question");
    await expect(eve2.locator(".classroom-code").textContent()).resolves.toContain("playing as Eve");
    await answer(eve2, [wrong1.id]);

    // Dee and Eve were in the room when it opened and both answered: the question closes by itself.
    for (const page of [teacher, dee, eve2, fay]) await phase(page, "reveal");
    await expect(teacher.getByTestId("explanation").textContent()).resolves.toBe(q1.explanation.summary);
    // The summary is said once, even where it is also the key option's own reason.
    const revealText = await teacher.locator("main").innerText();
    expect(revealText.split(q1.explanation.summary).length - 1).toBe(1);
    await checkHostScreen(teacher, "4-reveal");
    await expect(dee.getByTestId("your-verdict").textContent()).resolves.toMatch(
      /^Right! You chose .+: \+\d+ points$/,
    );
    // The rejoined player's choice, sent from the new browser, is the one marked.
    await expect(eve2.getByTestId("your-verdict").textContent()).resolves.toMatch(
      /^Not this time: you chose [A-Z]; the answer is .+\.$/,
    );
    await expect(
      eve2.locator('[data-testid="distribution"] li[data-yours="true"]').getAttribute("data-option-id"),
    ).resolves.toBe(wrong1.id);
    await expect(dee.getByTestId("my-rank").textContent()).resolves.toBe("1");
    await expect(dee.getByTestId("my-streak").textContent()).resolves.toBe("1");
    await expect(eve2.getByTestId("my-streak").textContent()).resolves.toBe("0");

    await teacher.getByTestId("show-leaderboard").click();
    await phase(fay, "leaderboard");
    await phase(teacher, "leaderboard");
    await checkHostScreen(teacher, "5-leaderboard");
    await teacher.getByTestId("open-question").click();
    for (const page of [dee, eve2, fay]) await phase(page, "question");
    const q2 = await shownQuestion(fay);
    await answer(fay, q2.answer);
    await answer(dee, q2.answer);
    await answer(eve2, q2.answer);
    for (const page of [teacher, dee, eve2, fay]) await phase(page, "reveal");
    await expect(dee.getByTestId("my-streak").textContent()).resolves.toBe("2");
    await expect(fay.getByTestId("your-verdict").textContent()).resolves.toMatch(/^Right!/);

    await teacher.getByTestId("show-leaderboard").click();
    await phase(teacher, "leaderboard");
    await teacher.getByTestId("finish-game").click();
    for (const page of [teacher, dee, eve2, fay]) await phase(page, "finished");
    await expect(
      teacher.locator('[data-testid="podium"] li[data-rank="1"]').getAttribute("data-name"),
    ).resolves.toBe("Dee");
    await expect(dee.locator("tr.classroom-you").getAttribute("data-name")).resolves.toBe("Dee");
    await checkHostScreen(teacher, "6-podium");

    // The report: per question and per player, with the late joiner's one answer and the rejoined player's two.
    await teacher.getByTestId("report-link").click();
    await teacher.getByTestId("report-players").waitFor();
    const reported = await teacher
      .locator('[data-testid="report-players"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].slice(1, 2).map((td) => td.textContent)),
      );
    expect(reported.flat().sort()).toEqual(["Dee", "Eve", "Fay"]);
    await hostShot(teacher, "7-report");

    // Every answer stored once, under the player who gave it (Eve's under her first browser's learner).
    const rows = queryDatabase<{ questionId: string; n: number }>(
      inject("databaseUrl"),
      "SELECT questionId, COUNT(*) AS n FROM Attempt WHERE context = ? GROUP BY questionId",
      `classroom:${code}`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.questionId, row.n]))).toEqual({
      [q1.id]: 2,
      [q2.id]: 3,
    });
    const learners = queryDatabase<{ learnerId: string }>(
      inject("databaseUrl"),
      "SELECT DISTINCT learnerId FROM Attempt WHERE context = ?",
      `classroom:${code}`,
    );
    expect(learners).toHaveLength(3);
  }, 240_000);
});
