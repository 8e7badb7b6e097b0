import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseLessons, type Lesson } from "../../lib/content/lessons";
import { parseTopologyText } from "../../lib/net";
import { generateQuestion } from "../../lib/scenario/generate";
import { isDifficulty, type Question } from "../../lib/scenario/question";
import { generateQuestionForConcept } from "../../lib/scenario/targeted";
import { launchBrowser, newPage } from "./support/browser";
import { shownIdFor } from "./support/question-ids";
import { recordBodies, secretTexts } from "./support/capture";
import { queryDatabase } from "./support/database";
import { repoRoot } from "./support/server";

function course(): Lesson[] {
  const dir = path.join(repoRoot, "content", "lessons");
  const files = fs
    .readdirSync(dir)
    .map((fileName) => ({ fileName, source: fs.readFileSync(path.join(dir, fileName), "utf8") }));
  const parsed = parseLessons(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** The same question the server renders: same family, seed and difficulty give the same question everywhere. */
function questionOf(lesson: Lesson, index: number): Question {
  const tryIt = lesson.components.filter((component) => component.name === "TryIt")[index];
  if (!tryIt) throw new Error(`${lesson.slug} has no TryIt #${index}`);
  const difficulty = Number(tryIt.props["difficulty"] ?? 1);
  if (!isDifficulty(difficulty)) throw new Error("bad difficulty");
  const concept = tryIt.props["concept"];
  const family = String(tryIt.props["family"]);
  const seed = Number(tryIt.props["seed"]);
  const generated =
    concept === undefined
      ? generateQuestion(family, seed, difficulty)
      : generateQuestionForConcept(family, seed, difficulty, String(concept));
  if (!generated.ok) throw new Error(JSON.stringify(generated.issues));
  return generated.question;
}

describe("lessons", () => {
  let browser: Browser;
  const lessons = course();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("lists every lesson with its minutes and progress", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/lessons");
    for (const lesson of lessons) {
      const item = page.locator(`[data-lesson="${lesson.slug}"]`);
      await expect(item.locator("h2").textContent()).resolves.toContain(lesson.frontmatter.title);
      await expect(item.textContent()).resolves.toContain(`${lesson.frontmatter.minutes} min`);
      await expect(item.locator('[data-progress="read"]').textContent()).resolves.toBe("not read yet");
    }
    await context.close();
  });

  it("renders every lesson, and each diagram shows the VPCs of its topology", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    for (const lesson of lessons) {
      const response = await page.goto(`/lessons/${lesson.slug}`);
      expect(response?.status(), lesson.slug).toBe(200);
      await expect(page.locator("h1").textContent()).resolves.toBe(lesson.frontmatter.title);
      const tryIts = lesson.components.filter((component) => component.name === "TryIt").length;
      await expect(page.locator("section.try-it").count()).resolves.toBe(tryIts);
      const examples = lesson.components
        .filter((component) => component.name === "Topology")
        .map((c) => String(c.props["example"]));
      const diagrams = page.locator("[data-testid=topology-diagram]");
      for (const [index, example] of examples.entries()) {
        const parsed = parseTopologyText(
          fs.readFileSync(path.join(repoRoot, "content", "topologies", `${example}.yaml`), "utf8"),
          "yaml",
        );
        if (!parsed.ok) throw new Error(example);
        // The first svg is the wide drawing (a phone-width box shows the stacked one after it instead).
        const svgText = (await diagrams.nth(index).locator("svg").first().textContent()) ?? "";
        for (const vpc of parsed.topology.vpcs)
          expect(svgText, `${lesson.slug}: ${example}`).toContain(vpc.name ?? vpc.id);
        for (const vpc of parsed.topology.vpcs) expect(svgText).toContain(vpc.cidrBlocks[0] ?? "");
      }
    }
    await context.close();
  }, 180_000);

  it("checks an inline answer on the server: wrong, then right with the explanation, and records both attempts", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const lesson = lessons.find((candidate) => candidate.slug === "vpc-peering") ?? lessons[0];
    if (!lesson) throw new Error("no lessons");
    const question = questionOf(lesson, 0);
    const shown = shownIdFor(question.id, { kind: "lesson", slug: lesson.slug });
    const received = await recordBodies(page);
    await page.goto(`/lessons/${lesson.slug}`);
    await page.waitForLoadState("networkidle");
    const before = received().join("\n");
    // The capture really holds the page: the question's id is in it, its key and explanation are not.
    expect(before).toContain(shown);
    expect(before).not.toContain(question.id);
    expect(secretTexts(question).length).toBeGreaterThan(0);
    for (const secret of secretTexts(question))
      expect(before, "key sent to the browser before answering").not.toContain(secret);

    const section = page.locator(`section.try-it[data-question-id="${shown}"]`);
    const wrong = question.options.find((option) => !question.answer.includes(option.id));
    const right = question.answer[0];
    if (!wrong || !right) throw new Error("question without a wrong or right option");
    await section.locator(`[data-option-id="${wrong.id}"] input`).check();
    await section.getByRole("button", { name: "Check answer" }).click();
    await expect(section.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe("incorrect");
    await expect(section.locator("[data-testid=explanation]").count()).resolves.toBe(0);

    await section.locator(`[data-option-id="${right}"] input`).check();
    await section.getByRole("button", { name: "Check answer" }).click();
    await section.locator("[data-testid=explanation]").waitFor();
    await expect(section.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe("correct");
    await expect(section.locator("[data-testid=explanation]").textContent()).resolves.toContain(
      question.explanation.summary,
    );

    // Other tests answer the same lesson questions on this database: read back only this browser's learner.
    const token =
      (await context.cookies()).find((cookie) => cookie.name === "reachable_learner")?.value ?? "";
    const rows = queryDatabase<{ correct: number; response: string; context: string }>(
      inject("databaseUrl"),
      `SELECT a.correct, a.response, a.context FROM Attempt a JOIN Learner l ON l.id = a.learnerId
       WHERE a.questionId = ? AND l.tokenHash = ? ORDER BY a.answeredAt`,
      question.id,
      createHash("sha256").update(token).digest("hex"),
    );
    expect(rows.map((row) => [row.correct, JSON.parse(row.response) as unknown, row.context])).toEqual([
      [0, [wrong.id], `lesson:${lesson.slug}`],
      [1, [right], `lesson:${lesson.slug}`],
    ]);
    await context.close();
  });

  it("rejects an answer naming an option the question does not have, with the field in the message", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/");
    const lesson = lessons[0];
    if (!lesson) throw new Error("no lessons");
    const question = questionOf(lesson, 0);
    const shown = shownIdFor(question.id, { kind: "lesson", slug: lesson.slug });
    const response = await page.request.post("/api/answers", {
      data: { questionId: shown, response: ["zz"], context: { kind: "lesson", slug: lesson.slug } },
    });
    expect(response.status()).toBe(400);
    await expect(response.json()).resolves.toEqual({
      error: 'response: "zz" is not an option of this question',
    });
    const missing = await page.request.post("/api/answers", { data: { questionId: shown } });
    expect(missing.status()).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/^response: /);
    await context.close();
  });

  it("marks a lesson read once the learner reaches its end", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const lesson = lessons[1] ?? lessons[0];
    if (!lesson) throw new Error("no lessons");
    await page.goto(`/lessons/${lesson.slug}`);
    const marked = page.waitForResponse((response) =>
      response.url().endsWith(`/api/lessons/${lesson.slug}/read`),
    );
    await page.locator(`[data-mark-read="${lesson.slug}"]`).scrollIntoViewIfNeeded();
    expect((await marked).status()).toBe(200);
    await page.goto("/lessons");
    await expect(
      page.locator(`[data-lesson="${lesson.slug}"] [data-progress="read"]`).textContent(),
    ).resolves.toBe("read");
    await context.close();
  });

  it("works with the keyboard alone: Tab to an option, choose it, submit it", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const lesson = lessons[0];
    if (!lesson) throw new Error("no lessons");
    const question = questionOf(lesson, 0);
    const shown = shownIdFor(question.id, { kind: "lesson", slug: lesson.slug });
    await page.goto(`/lessons/${lesson.slug}`);
    await page.locator(`section.try-it[data-question-id="${shown}"]`).scrollIntoViewIfNeeded();
    const section = `section.try-it[data-question-id="${shown}"]`;
    await tabUntil(page, `${section} input`);
    await page.keyboard.press("Space");
    await tabUntil(page, `${section} button[type=submit]`);
    await page.keyboard.press("Enter");
    await page.locator(`section.try-it[data-question-id="${shown}"] [data-verdict]`).waitFor();
    await context.close();
  });
});

/** Presses Tab until the focused element matches `selector`, as a keyboard-only learner would. */
async function tabUntil(page: Page, selector: string, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
  }
  throw new Error(`focus never reached ${selector}`);
}
