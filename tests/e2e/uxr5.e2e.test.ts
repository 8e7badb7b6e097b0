// The uxr5 walkthrough's findings, as a user meets them in Chromium against the production server: a
// "(Choose two.)" question with one box ticked, the exam's tick before the server replies and a second submit
// click, the lab's removed gateway and its error wording, account errors, tap targets on a phone, and the NITs.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { statedChoiceCount } from "../../lib/scenario/answer-instruction";
import { questionFromId } from "../../lib/scenario/generate";
import { devices } from "./support/browser";
import { startExam } from "./support/exam";
import { questionIdBehind } from "./support/question-ids";

const PHONE = { width: 390, height: 844 };

type Shown = { questionId: string; multiSelect: boolean };

/**
 * A practice session of concept-check at level 3, moved on through the API until a "(Choose two.)" item is
 * on screen (about one draw in seven), then the page reloaded to show it.
 */
async function choiceTwoOnScreen(
  page: Page,
): Promise<{ sessionId: string; shown: string; answered: number }> {
  const post = async (data: unknown) => {
    const response = await page.request.post("/practice/api", { data });
    expect(response.status(), JSON.stringify(data)).toBe(200);
    return (await response.json()) as { sessionId?: string; question?: Shown; finished?: boolean };
  };
  await page.goto("/practice");
  const started = await post({
    action: "start",
    settings: {
      everything: false,
      conceptGroups: [],
      families: ["concept-check"],
      difficulties: [3],
      questionLimit: 100,
      adaptive: false,
    },
  });
  const sessionId = started.sessionId ?? "";
  let question = started.question;
  let answered = 0;
  for (let n = 0; n < 80 && question !== undefined && !question.multiSelect; n += 1) {
    const generated = questionFromId(questionIdBehind(question.questionId));
    if (!generated.ok) throw new Error("no question behind the shown id");
    const wanted = statedChoiceCount(generated.question) ?? 1;
    await post({
      action: "answer",
      sessionId,
      questionId: question.questionId,
      response: generated.question.options.slice(0, wanted).map((option) => option.id),
    });
    answered += 1;
    question = (await post({ action: "next", sessionId })).question;
  }
  if (!question?.multiSelect) throw new Error("no (Choose two.) question in 80 draws");
  await page.reload();
  await page.locator('[data-testid="practice-answer"][data-ready="true"]').waitFor();
  return { sessionId, shown: question.questionId, answered };
}

describe("uxr5 findings", () => {
  const room = devices(() => inject("baseURL"));
  beforeAll(() => room.launch());
  afterAll(() => room.close());
  const open = (device?: { width: number; height: number }): Promise<Page> => room.open(device);

  it("finding 4 and 15: a (Choose two.) question waits for its second box, says why, and the API refuses a short pick", async () => {
    const page = await open();
    // The items answered to reach it count; the refused pick must add nothing to them.
    const { sessionId, shown, answered } = await choiceTwoOnScreen(page);
    await expect(page.getByTestId("stem").textContent()).resolves.toMatch(/\(Choose two\.\)$/);
    await expect(page.getByTestId("choice-count").textContent()).resolves.toBe("0 of 2 chosen");
    // Enter with nothing chosen: a hint, no verdict.
    await page.getByTestId("practice-progress").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("choice-hint").textContent()).resolves.toBe("Choose an answer first.");
    // One box and Enter: refused on the page, with the count, announced.
    await page.keyboard.press("1");
    await expect(page.getByTestId("choice-count").textContent()).resolves.toBe("1 of 2 chosen");
    await page.keyboard.press("Enter");
    const hint = page.getByTestId("choice-hint");
    await expect(hint.textContent()).resolves.toBe("This question asks for two answers; you chose one.");
    await expect(hint.getAttribute("role")).resolves.toBe("alert");
    await expect(hint.evaluate((element) => getComputedStyle(element).color)).resolves.toBe(
      "rgb(179, 38, 30)",
    );
    await page.waitForTimeout(300);
    await expect(page.locator("[data-verdict]").count()).resolves.toBe(0);
    await expect(page.getByTestId("practice-progress").textContent()).resolves.toMatch(
      new RegExp(`\\d+ right of ${answered} answered`),
    );
    // The server refuses it too, naming the field, and grades nothing.
    const chosen = await page.locator('[data-testid="practice-answer"] input:checked').getAttribute("value");
    const refused = await page.request.post("/practice/api", {
      data: { action: "answer", sessionId, questionId: shown, response: [chosen] },
    });
    expect(refused.status()).toBe(400);
    await expect(refused.json()).resolves.toEqual({
      error: "response: This question asks for two answers; you chose one.",
    });
    // A second box: graded.
    await page.keyboard.press("2");
    await page.keyboard.press("Enter");
    await page.locator("[data-verdict]").waitFor();
    await expect(page.getByTestId("practice-progress").textContent()).resolves.toMatch(
      new RegExp(`of ${answered + 1} answered`),
    );
  }, 120_000);

  it("finding 2 and 3: the exam ticks a choice at once while the server saves it, and a second submit click is harmless", async () => {
    const page = await open();
    await startExam(page, { count: 2 });
    await page.locator('[data-testid="exam-answer"][data-ready="true"]').waitFor();
    // Hold every save for 1.5 s: the tick must not wait for it.
    let held = 0;
    await page.route("**/exam/api", async (route) => {
      held += 1;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const option = page.locator('[data-testid="exam-answer"] [data-option-id]').first();
    const optionId = (await option.getAttribute("data-option-id")) ?? "";
    const clickedAt = Date.now();
    await option.click({ noWaitAfter: true });
    await page.locator(`[data-testid="exam-answer"] [data-option-id="${optionId}"] input:checked`).waitFor();
    expect(Date.now() - clickedAt).toBeLessThan(1_000);
    await expect(page.getByTestId("exam-answer").getAttribute("data-saving")).resolves.toBe("true");
    await expect(page.getByTestId("exam-saving").textContent()).resolves.toBe("Saving your answer…");
    await page.locator('[data-testid="exam-answer"][data-saving="false"]').waitFor();
    expect(held).toBe(1);
    await page.unroute("**/exam/api");
    // The server has it: a reload shows the same tick.
    await page.reload();
    await page
      .locator(`[data-testid="exam-answer"][data-ready="true"] [data-option-id="${optionId}"] input:checked`)
      .waitFor();

    // Submit, then keep clicking while the result loads: no 409, no "?late=1".
    const statuses: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/exam/api")) statuses.push(response.status());
    });
    await page.getByTestId("open-review").click();
    await page.getByTestId("review-screen").waitFor();
    await page.getByTestId("submit-exam").click();
    for (let i = 0; i < 5 && !/\/exam\/[0-9a-f-]{36}/.test(page.url()); i += 1) {
      await page.waitForTimeout(150);
      if ((await page.getByTestId("submit-exam").count()) > 0)
        await page
          .getByTestId("submit-exam")
          .click({ force: true, noWaitAfter: true, timeout: 500 })
          .catch(() => {});
    }
    await page.waitForURL(/\/exam\/[0-9a-f-]{36}$/);
    await page.getByTestId("exam-verdict").waitFor();
    expect(page.url()).not.toContain("late");
    expect(statuses.filter((status) => status >= 400)).toEqual([]);
  }, 120_000);

  it("finding 8: removing the internet gateway keeps its route as a blackhole and the trace says so", async () => {
    const page = await open();
    await page.goto("/lab");
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    await page.getByTestId("lab-edit-kind").selectOption("remove-resource");
    await page.getByLabel("Resource").selectOption("igw-lab");
    await page.getByTestId("lab-edit-submit").click();
    await page.locator("[data-testid=lab-status]", { hasText: "Done:" }).waitFor();
    await expect(page.getByTestId("lab-status").textContent()).resolves.toContain(
      "the route to it stays, as a blackhole route (AWS keeps it)",
    );
    await expect(page.getByTestId("lab-validation-errors").count()).resolves.toBe(0);
    await page.getByTestId("lab-from").fill("web");
    await page.getByTestId("lab-to").fill("internet");
    await page.getByTestId("lab-ask").click();
    await page.locator('[data-testid="lab-verdict"][data-reachable="no"]').waitFor();
    await expect(page.getByTestId("lab-blockers").textContent()).resolves.toMatch(/blackhole/);
  }, 120_000);

  it("finding 9 and 14: account errors are announced in the error colour; an unknown ?rule= says so", async () => {
    const page = await open();
    await page.goto("/account");
    const signIn = page.getByTestId("sign-in");
    await signIn.getByLabel("Username").fill("nobody-uxr5");
    await signIn.getByLabel("Password").fill("not the password");
    await signIn.getByRole("button", { name: "Sign in" }).click();
    const alert = signIn.locator(".error[role=alert]");
    await alert.waitFor();
    await expect(alert.evaluate((element) => getComputedStyle(element).color)).resolves.toBe(
      "rgb(179, 38, 30)",
    );

    await page.goto("/practice?rule=BOGUS-1");
    await expect(page.getByTestId("rule-preset-notice").textContent()).resolves.toBe(
      "There is no rule BOGUS-1, so every topic is offered below. Browse the rules.",
    );
    await page.goto("/rules/NOPE-99");
    await expect(page.locator(".status-page .lede").textContent()).resolves.toMatch(
      /^No AWS rule has this id/,
    );
    await page.locator('.status-links a[href="/rules"]').waitFor();
  }, 60_000);

  it("finding 11 and 17: on a phone, rule and breadcrumb links are at least 24 px tall; the lab has no blank band", async () => {
    const phone = await open(PHONE);
    for (const path of ["/rules/PCX-02", "/review/stats"]) {
      await phone.goto(path);
      const small = await phone.evaluate(() =>
        [...document.querySelectorAll("main a[href]")]
          .map((a) => ({ text: a.textContent.trim().slice(0, 30), box: a.getBoundingClientRect() }))
          .filter(({ box }) => box.height > 0 && box.height < 24)
          .map(({ text, box }) => `${text} ${Math.round(box.height)}`),
      );
      expect(small, path).toEqual([]);
    }
    await phone.goto("/lab");
    await phone.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    const gap = await phone.evaluate(() => {
      const lede = document.querySelector("main .lede")?.getBoundingClientRect();
      const network = document.querySelector(".lab-grid h2")?.getBoundingClientRect();
      return lede && network ? network.top - lede.bottom : -1;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(60);
  }, 60_000);
});
