import type { Page } from "playwright-core";
import { questionFromId } from "../../../lib/scenario/generate";
import type { Question } from "../../../lib/scenario/question";
import { questionIdBehind } from "./question-ids";

/** The question on a homework page, looked up behind its sealed id (the stem's element id carries it). */
export async function shownHomeworkQuestion(page: Page): Promise<Question> {
  const stemId = (await page.getByTestId("stem").getAttribute("id")) ?? "";
  const generated = questionFromId(questionIdBehind(stemId.replace(/-stem$/, "")));
  if (!generated.ok) throw new Error(`no question on the page: ${stemId}`);
  return generated.question;
}

/** Ticks the options and submits; the caller waits for what it expects (a verdict, or a refusal). */
export async function answerHomework(page: Page, optionIds: readonly string[]): Promise<void> {
  const form = page.getByTestId("homework-answer-form");
  for (const id of optionIds) await form.locator(`input[data-option-id="${id}"]`).check();
  await page.getByTestId("homework-submit").click();
}
