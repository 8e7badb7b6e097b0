import type { Browser, BrowserContext, Page } from "playwright-core";
import { questionFromId } from "../../../lib/scenario/generate";
import type { Question } from "../../../lib/scenario/question";
import { queryDatabase } from "./database";

// The server draws a mock exam from its own random seed, and a learner cannot choose it. A test that needs some
// kind of question in its exam (one with a network to open, one with exhibit tables) reads the exam the server
// planned and, if it lacks one, starts another as a new learner would, instead of hoping the draw has one.

/** The exam's questions in order, as the server planned them (its saved session snapshot). */
export function plannedExamQuestions(databaseUrl: string, sessionId: string): Question[] {
  const [row] = queryDatabase<{ snapshot: string }>(
    databaseUrl,
    "SELECT snapshot FROM StudySession WHERE id = ?",
    sessionId,
  );
  const ids = (JSON.parse(row?.snapshot ?? "{}") as { snapshot?: { context?: { questionIds?: string[] } } })
    .snapshot?.context?.questionIds;
  if (ids === undefined) throw new Error(`exam ${sessionId} has no planned questions`);
  return ids.map((id) => {
    const generated = questionFromId(id);
    if (!generated.ok) throw new Error(`exam question ${id} does not generate`);
    return generated.question;
  });
}

export type StartedExam = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly sessionId: string;
  readonly questions: readonly Question[];
};

/**
 * Starts a `count`-question exam from the start form in a fresh browser context (a new learner), until the
 * server's plan has a question `wanted` accepts. Some kinds are missing from roughly 1 in 100 eight-question
 * draws; five tries make a miss about 1 in 10^10. The caller closes the returned context.
 */
export async function startExamWith(
  browser: Browser,
  options: {
    readonly baseURL: string;
    readonly databaseUrl: string;
    readonly count: number;
    readonly wanted: (question: Question) => boolean;
    readonly viewport?: { readonly width: number; readonly height: number };
  },
): Promise<StartedExam> {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const context = await browser.newContext({
      baseURL: options.baseURL,
      viewport: options.viewport ?? { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto("/exam");
    await page.getByLabel("Questions", { exact: true }).fill(String(options.count));
    await page.getByTestId("start-exam").click();
    await page.getByTestId("countdown").waitFor();
    const sessionId = (await page.locator("[data-session-id]").getAttribute("data-session-id")) ?? "";
    const questions = plannedExamQuestions(options.databaseUrl, sessionId);
    if (questions.some(options.wanted)) return { context, page, sessionId, questions };
    await context.close();
  }
  throw new Error(`five ${options.count}-question exams in a row had no question of the wanted kind`);
}

/** Starts an exam from the start form as the learner of `page`; returns its session id once the clock runs. */
export async function startExam(page: Page, fields: { count: number; minutes?: number }): Promise<string> {
  await page.goto("/exam");
  await page.locator('input[name="questionCount"]').fill(String(fields.count));
  if (fields.minutes !== undefined)
    await page.locator('input[name="durationMinutes"]').fill(String(fields.minutes));
  await page.getByTestId("start-exam").click();
  await page.getByTestId("countdown").waitFor();
  return (await page.locator("[data-session-id]").getAttribute("data-session-id")) ?? "";
}
