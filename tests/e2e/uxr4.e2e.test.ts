// The uxr4 review's findings, as a user sees them: C1 the teacher's reveal names the right option and shows it
// above the sticky control bar on a 1280×800 projector; U2 the lab's one stepper steps the diagram under it
// without jumping down the page; and the NITs in the classroom, lab, practice, progress and 404 pages.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devices } from "./support/browser";
import { tickFirstOptions } from "./support/practice-choice";
import { markedNodeIds, stepView, openLabExample } from "./support/lab-stepper";

const PROJECTOR = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function phase(page: Page, name: string): Promise<void> {
  await page.locator(`.classroom[data-phase="${name}"]`).waitFor({ timeout: 15_000 });
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/classroom/join?code=${code}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByTestId("join-game").click();
  await phase(page, "lobby");
}

/** Answers with the option at `index` (one tap on a single-choice tile; a confirm for several). */
async function answerWith(page: Page, index: number): Promise<void> {
  const form = page.getByTestId("answer-form");
  await form.waitFor();
  await form.locator("[data-option-id]").nth(index).click();
  if ((await page.getByTestId("submit-answer").count()) > 0) await page.getByTestId("submit-answer").click();
}

/** A live game of one question (seeded), two phone players who both answer: the reveal on the teacher's screen. */
async function revealedGame(
  open: (device?: { width: number; height: number }) => Promise<Page>,
  seed: number,
) {
  const teacher = await open(PROJECTOR);
  await teacher.goto("/classroom");
  await teacher.getByLabel("Questions", { exact: true }).fill("1");
  await teacher.locator('input[name="gameSeed"]').fill(String(seed));
  await teacher.getByLabel("Seconds per question").fill("300");
  await teacher.getByTestId("create-game").click();
  await phase(teacher, "lobby");
  const code = (await teacher.getByTestId("join-code").textContent()) ?? "";
  const players = [await open(PHONE), await open(PHONE)];
  for (const [index, player] of players.entries()) await join(player, code, `P${index + 1}`);
  await teacher.locator('[data-testid="players"] li').nth(1).waitFor();
  await teacher.getByTestId("open-question").click();
  // The first player takes the first option, the second the second: often a wrong one with the biggest bar.
  for (const [index, player] of players.entries()) {
    await phase(player, "question");
    await answerWith(player, index);
  }
  await phase(teacher, "reveal");
  return { teacher, players, code };
}

describe("uxr4", () => {
  const room = devices(() => inject("baseURL"));
  beforeAll(() => room.launch());
  afterAll(() => room.close());
  const open = (device?: { width: number; height: number }): Promise<Page> => room.open(device);

  it.each([7, 12, 31])(
    "C1: the teacher's reveal at 1280×800 names the right option and shows it above the sticky bar (game seed %i)",
    async (seed) => {
      const { teacher } = await revealedGame(open, seed);
      await teacher.evaluate(() => window.scrollTo(0, 0));
      const seen = await teacher.evaluate(() => {
        const bar = document.querySelector(".classroom-controls")?.getBoundingClientRect();
        const items = [...document.querySelectorAll('[data-testid="distribution"] li')];
        const keys = items.filter((li) => li.getAttribute("data-key") === "true");
        const heading = document.querySelector('[data-testid="reveal-key"]');
        return {
          barTop: bar ? bar.top : Number.NaN,
          height: window.innerHeight,
          heading: heading?.textContent ?? "",
          headingBottom: heading?.getBoundingClientRect().bottom ?? Number.NaN,
          firstIsKey: items[0]?.getAttribute("data-key") === "true",
          keyBoxes: keys.map((li) => {
            const box = li.getBoundingClientRect();
            return { top: box.top, bottom: box.bottom };
          }),
          keyLetters: keys.map((li) => li.querySelector(".tile-mark")?.textContent.slice(-1) ?? "?"),
        };
      });
      await teacher.screenshot({ path: `/tmp/uxr4-c1-reveal-${seed}.png` });
      // The heading names the right option(s) by letter, the letters of the options marked ✓ below.
      expect(seen.heading).toMatch(/^The answer: ✓ [A-Z]/);
      for (const letter of seen.keyLetters) expect(seen.heading).toContain(letter);
      expect(seen.headingBottom).toBeLessThanOrEqual(seen.barTop);
      // The right option comes first, and its whole box is on screen above the sticky Show leaderboard bar.
      expect(seen.firstIsKey).toBe(true);
      expect(seen.barTop).toBeLessThan(seen.height);
      const first = seen.keyBoxes[0];
      expect(first).toBeDefined();
      expect(first?.top ?? -1).toBeGreaterThanOrEqual(0);
      expect(
        first?.bottom ?? Infinity,
        `key option box ends above the bar at ${seen.barTop}`,
      ).toBeLessThanOrEqual(seen.barTop);
    },
  );

  it("N5: the leaderboard on the projector has one heading and spans the screen", async () => {
    const { teacher } = await revealedGame(open, 7);
    await teacher.getByTestId("show-leaderboard").click();
    await phase(teacher, "leaderboard");
    await expect(teacher.locator("h2", { hasText: /^Leaderboard$/ }).count()).resolves.toBe(0);
    await expect(teacher.getByRole("region", { name: "Leaderboard" }).count()).resolves.toBe(1);
    const widths = await teacher.evaluate(() => ({
      table: document.querySelector('[data-testid="leaderboard"]')?.getBoundingClientRect().width ?? 0,
      main: document.querySelector(".classroom")?.getBoundingClientRect().width ?? 1,
    }));
    expect(widths.table).toBeGreaterThanOrEqual(widths.main - 1);
  });

  it("N8: a mistyped game address says so in the join form's words and links to the join form", async () => {
    const page = await open(PHONE);
    const response = await page.goto("/classroom/ZZZZZZ");
    expect(response?.status()).toBe(404);
    await expect(page.title()).resolves.toBe("Page not found · Reachable");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "No game has this code",
    );
    await expect(
      page.getByRole("link", { name: "Join a game with its code" }).getAttribute("href"),
    ).resolves.toBe("/classroom/join");
  });

  it("U2: Next hop in the lab steps the diagram right under the one stepper, without a jump (1280×800)", async () => {
    const page = await open(PROJECTOR);
    await openLabExample(page, "tgw-hub");
    // N2: the Open list shows the whole lesson title.
    const optionWidth = await page.getByTestId("lab-open-choice").evaluate((select) => {
      const element = select as HTMLSelectElement;
      const text = element.options[element.selectedIndex]?.text ?? "";
      const canvas = document.createElement("canvas").getContext("2d");
      if (!canvas) return { text: 0, box: 1 };
      canvas.font = getComputedStyle(element).font;
      return { text: canvas.measureText(text).width, box: element.clientWidth };
    });
    expect(optionWidth.text).toBeLessThan(optionWidth.box - 20);

    await page.getByTestId("lab-from").fill("host-1");
    await page.getByTestId("lab-to").fill("host-2");
    await page.getByTestId("lab-port").fill("443");
    await page.getByTestId("lab-ask").click();
    await page.locator("[data-testid=lab-verdict][data-reachable=yes]").waitFor({ timeout: 15_000 });
    // One stepper on the page.
    await expect(page.locator(".lab-stepper").count()).resolves.toBe(1);
    await expect(page.locator("[data-testid=lab-diagram-next-hop]").count()).resolves.toBe(0);

    // Where the reviewer stood: the verdict and "Step through the path" on screen.
    await page.getByTestId("lab-verdict").evaluate((element) => element.scrollIntoView({ block: "start" }));
    let newNodes = 0;
    for (let hop = 1; hop <= 12; hop += 1) {
      const before = await page.evaluate(() => window.scrollY);
      const marked = await markedNodeIds(page);
      await page.getByTestId("lab-next-hop").click();
      await expect(page.getByTestId("lab-hop-now").textContent()).resolves.toMatch(
        new RegExp(`^Hop ${hop} of `),
      );
      await page.waitForTimeout(200);
      const seen = await stepView(page, marked);
      if (hop === 1 || hop === 12) await page.screenshot({ path: `/tmp/uxr4-u2-hop${hop}.png` });
      expect(seen.steppers).toBe(1);
      expect(Math.abs(seen.scrollY - before), `hop ${hop}: the page moved`).toBeLessThan(seen.height);
      // The stepper is on screen, and so is the node the hop marks, below it.
      expect(seen.stepperTop).toBeGreaterThanOrEqual(0);
      expect(seen.stepperBottom).toBeLessThanOrEqual(seen.height);
      if (seen.newest === null) continue;
      newNodes += 1;
      expect(seen.newest.top, `hop ${hop}`).toBeGreaterThanOrEqual(seen.stepperBottom - 1);
      expect(seen.newest.bottom, `hop ${hop}`).toBeLessThanOrEqual(seen.height);
    }
    // host-1 (with its subnet and VPC), the hub, host-2 (with its subnet and VPC) at least.
    expect(newNodes).toBeGreaterThanOrEqual(3);
  });

  it("N1: the lab's timing line does not push the page down when the first answer arrives", async () => {
    const page = await open(PROJECTOR);
    await page.goto("/lab");
    const top = () => page.getByTestId("lab-ask").evaluate((element) => element.getBoundingClientRect().top);
    await page.getByTestId("lab-ask").waitFor();
    const before = await top();
    await page.locator("[data-testid=lab-timing][data-turn]").waitFor({ timeout: 15_000 });
    await page.locator("[data-testid=lab-verdict]").waitFor({ timeout: 15_000 });
    // The verdict goes under Ask; what is above Ask stays where it was.
    expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(1);
  });

  it("N3, N4, N6: practice: Next takes the focus after a mouse Submit; no key hints on a phone; the lists align", async () => {
    const laptop = await open(PROJECTOR);
    await laptop.goto("/practice");
    const tops = await laptop.evaluate(() =>
      [...document.querySelectorAll(".settings-choices > div")].map(
        (column) => column.querySelector("input")?.getBoundingClientRect().top ?? Number.NaN,
      ),
    );
    expect(tops.length).toBe(3);
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
    await laptop.locator('input[name="questionLimit"]').fill("2");
    await laptop.getByTestId("start-practice").click();
    await laptop.locator('[data-testid="practice-answer"][data-ready="true"]').waitFor();
    await tickFirstOptions(laptop);
    await laptop.getByTestId("submit").click();
    await laptop.getByTestId("next").waitFor();
    await expect
      .poll(() => laptop.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "body"))
      .toBe("next");

    const phone = await open(PHONE);
    await phone.goto("/practice");
    await phone.locator('input[name="questionLimit"]').fill("2");
    await phone.getByTestId("start-practice").click();
    await phone.locator('[data-testid="practice-answer"][data-ready="true"]').waitFor();
    await expect(phone.getByTestId("key-hints").isVisible()).resolves.toBe(false);
    await tickFirstOptions(phone);
    await phone.getByTestId("submit").click();
    await phone.getByTestId("next").waitFor();
    // After the answer too (the reviewer saw the line under the feedback's Next button).
    await expect(phone.getByTestId("key-hints").isVisible()).resolves.toBe(false);
    await expect(phone.getByTestId("next").innerText()).resolves.not.toContain("(N)");
  });

  it("N7: the progress page opens with one plain line; the method is behind a disclosure", async () => {
    const page = await open(PHONE);
    await page.goto("/progress");
    await expect(page.locator(".lede").first().textContent()).resolves.not.toMatch(/Wilson|interval/);
    const method = page.getByTestId("progress-method");
    await expect(method.evaluate((details) => (details as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(method.textContent()).resolves.toContain("Wilson score interval");
    await method.locator("summary").click();
    await expect(method.evaluate((details) => (details as HTMLDetailsElement).open)).resolves.toBe(true);
  });
});
