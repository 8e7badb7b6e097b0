import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { devices } from "./support/browser";
import { answerHomework, shownHomeworkQuestion } from "./support/homework";

// An instructor's account on several devices: the owning account hosts its live game from a second signed-in
// browser (over the live event stream, not the polling fallback), a quiz narrowed to concepts, and a student's
// homework continued on another device after signing in.

const PASSWORD = "a long enough password for the devices test";

async function signUp(page: Page, username: string): Promise<void> {
  await page.goto("/account");
  const form = page.getByTestId("sign-up");
  await form.getByLabel("Username").fill(username);
  await form.getByLabel(/^Password/).fill(PASSWORD);
  await form.getByRole("button", { name: "Create an account" }).click();
  await page.getByTestId("signed-in-as").waitFor();
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/account");
  const form = page.getByTestId("sign-in");
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-as").waitFor();
}

async function phase(page: Page, name: string): Promise<void> {
  await page.locator(`.classroom[data-phase="${name}"]`).waitFor({ timeout: 15_000 });
}

describe("an instructor's and a student's devices", () => {
  const room = devices(() => inject("baseURL"));
  beforeAll(() => room.launch());
  afterAll(() => room.close());
  const open = (width?: number): Promise<Page> => room.open({ width });

  it("the owning account hosts its game live from a second signed-in device; another account cannot", async () => {
    const username = `host${Date.now().toString(36)}`;
    const desk = await open();
    await signUp(desk, username);

    // The quiz builder narrowed to two endpoint concepts: every previewed question assesses one of them.
    await desk.goto("/classroom");
    for (const box of await desk.locator('input[name="families"]').all()) {
      if ((await box.getAttribute("value")) !== "endpoint-choice") await box.uncheck();
    }
    const filter = desk.getByTestId("concept-filter");
    await filter.locator("summary", { hasText: "VPC endpoints" }).click();
    await filter.locator('input[name="concepts"][value="E1"]').check();
    await filter.locator('input[name="concepts"][value="E2"]').check();
    expect(await seriousViolations(desk)).toBe("");
    await desk.getByLabel("Questions", { exact: true }).fill("2");
    await desk.getByLabel("Seconds per question").fill("300");
    await desk.getByTestId("create-game").click();
    await phase(desk, "lobby");
    const code = (await desk.getByTestId("join-code").textContent()) ?? "";

    // The laptop signs in to the same account, finds the running game and opens its host screen.
    const laptop = await open();
    await signIn(laptop, username);
    await laptop.goto("/classroom");
    const stream = laptop.waitForResponse((response) =>
      response.url().endsWith(`/classroom/api/${code}/events`),
    );
    await laptop.getByRole("link", { name: code, exact: true }).click();
    await phase(laptop, "lobby");
    // The host screen listens on the event stream (the fast lane), not the once-a-second polling fallback.
    expect((await stream).status()).toBe(200);
    await expect(laptop.locator(".classroom").getAttribute("data-role")).resolves.toBe("teacher");

    // The preview opens in its own tab (keys stay off the projector); the laptop's session opens it too.
    const previewTab = await laptop.context().newPage();
    await previewTab.goto((await laptop.getByTestId("preview-link").getAttribute("href")) ?? "");
    await previewTab.getByTestId("question-preview").waitFor();
    const concepts = await previewTab.getByTestId("preview-concepts").allTextContents();
    expect(concepts).toHaveLength(2);
    for (const list of concepts) expect(list.split(", ").some((id) => id === "E1" || id === "E2")).toBe(true);
    await previewTab.close();

    // A player on a phone joins: both host screens see them arrive.
    const pia = await open(390);
    await pia.goto(`/classroom/join?code=${code}`);
    await pia.getByLabel("Your name").fill("Pia");
    await pia.getByTestId("join-game").click();
    await phase(pia, "lobby");
    for (const host of [laptop, desk])
      await host.locator('[data-testid="players"] li', { hasText: "Pia" }).waitFor();

    // The laptop runs the game; the desk follows it.
    await laptop.getByTestId("open-question").click();
    for (const page of [laptop, desk, pia]) await phase(page, "question");
    await pia.getByTestId("answer-form").waitFor();
    const tile = pia.getByTestId("answer-form").locator("[data-option-id]").first();
    const multi = (await pia.getByTestId("submit-answer").count()) > 0;
    await tile.click();
    if (multi) await pia.getByTestId("submit-answer").click();
    for (const page of [laptop, desk, pia]) await phase(page, "reveal");
    await laptop.getByTestId("show-leaderboard").click();
    for (const page of [laptop, desk, pia]) await phase(page, "leaderboard");

    // Another account, signed in on its own browser, is neither the host nor a player of this game.
    const other = await open();
    await signUp(other, `other${Date.now().toString(36)}`);
    const refused = await other.request.post("/classroom/api", { data: { action: "open", joinCode: code } });
    expect(refused.status()).toBe(403);
    const otherStream = await other.request.get(`/classroom/api/${code}/events`);
    expect(otherStream.status()).toBe(403);
    await other.goto(`/classroom/${code}`);
    await other.waitForURL(/\/classroom\/join\?code=/);
    // The player cannot run it either.
    const playerOpen = await pia.request.post("/classroom/api", { data: { action: "open", joinCode: code } });
    expect(playerOpen.status()).toBe(403);

    await laptop.getByTestId("open-question").click();
    await phase(desk, "question");
    await laptop.getByTestId("close-question").click();
    await phase(desk, "reveal");
    await laptop.getByTestId("show-leaderboard").click();
    await phase(laptop, "leaderboard");
    await laptop.getByTestId("finish-game").click();
    for (const page of [laptop, desk, pia]) await phase(page, "finished");
  }, 180_000);

  it("homework started on a phone continues on a laptop after signing in; answered questions stay answered", async () => {
    const teacher = await open();
    await teacher.goto("/classroom");
    const created = await teacher.request.post("/classroom/homework/api", {
      data: {
        action: "create",
        families: ["endpoint-choice"],
        difficulty: 1,
        questionCount: 3,
        dueAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      },
    });
    expect(created.status()).toBe(200);
    const { code } = (await created.json()) as { code: string };

    const username = `student${Date.now().toString(36)}`;
    const laptop = await open();
    await signUp(laptop, username);

    // On the phone, anonymous: the page says how to continue elsewhere, and Ana answers the first question.
    const phone = await open(390);
    await phone.goto(`/classroom/homework/${code}`);
    await expect(phone.getByTestId("homework-continue").textContent()).resolves.toMatch(
      /To continue on another device, sign in or create an account here first/,
    );
    await phone.getByLabel("Your name").fill("Ana");
    await phone.getByTestId("homework-start").click();
    await phone.getByTestId("homework-answer-form").waitFor();
    const q1 = await shownHomeworkQuestion(phone);
    await answerHomework(phone, q1.answer);
    await phone.getByTestId("homework-verdict").waitFor();

    // She signs in on the phone: what she answered moves into her account.
    await signIn(phone, username);
    await phone.goto(`/classroom/homework/${code}`);
    await expect(phone.getByTestId("homework-student").textContent()).resolves.toMatch(
      /^Answering as Ana: 1 of 3 answered, 1\s+right\.$/,
    );
    await expect(phone.getByTestId("homework-continue").textContent()).resolves.toMatch(
      new RegExp(`^Signed in as ${username}: continue on any device`),
    );
    expect(await seriousViolations(phone)).toBe("");

    // The laptop, signed in to the same account, continues from question 2.
    await laptop.goto(`/classroom/homework/${code}`);
    await expect(laptop.getByTestId("homework-student").textContent()).resolves.toMatch(
      /^Answering as Ana: 1 of 3 answered/,
    );
    await laptop.getByText("Question 2 of 3", { exact: true }).waitFor();
    const q2 = await shownHomeworkQuestion(laptop);
    expect(q2.id).not.toBe(q1.id);
    const q2Sealed = ((await laptop.getByTestId("stem").getAttribute("id")) ?? "").replace(/-stem$/, "");
    await answerHomework(laptop, q2.answer);
    await laptop.getByTestId("homework-verdict").waitFor();

    // Back on the phone: question 3 is next, and question 2 cannot be answered again from here.
    await phone.goto(`/classroom/homework/${code}`);
    await phone.getByText("Question 3 of 3", { exact: true }).waitFor();
    const again = await phone.request.post("/classroom/homework/api", {
      data: { action: "answer", code, questionIndex: 1, questionId: q2Sealed, optionIds: [...q2.answer] },
    });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe(
      "questionIndex: you already answered this question",
    );

    // The teacher sees one student with two answers.
    await teacher.goto(`/classroom/homework/${code}`);
    await expect(teacher.getByTestId("homework-progress").textContent()).resolves.toBe(
      "1 student has started; 2 answers so far.",
    );
  }, 180_000);
});
