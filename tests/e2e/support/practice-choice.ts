// Practice answers the page accepts: a "(Choose two.)" question is refused until two boxes are ticked
// (uxr5 finding 4), so a test that ticks "the first option" ticks as many as the stem states.
import type { Page } from "playwright-core";
import { statedChoiceCount } from "../../../lib/scenario/answer-instruction";
import type { Question } from "../../../lib/scenario/question";

/** As many option ids as the question asks for, keys avoided where the options allow: a wrong answer. */
export function wrongResponse(question: Question): string[] {
  const wanted = statedChoiceCount(question) ?? 1;
  const wrong = question.options.filter((option) => !question.answer.includes(option.id));
  const keys = question.options.filter((option) => question.answer.includes(option.id));
  return [...wrong, ...keys].slice(0, wanted).map((option) => option.id);
}

/** Ticks the first options of the practice question on screen, as many as its stem states. */
export async function tickFirstOptions(page: Page): Promise<void> {
  const stem = (await page.getByTestId("stem").first().textContent()) ?? "";
  const boxes = await page.locator('[data-testid="practice-answer"] input[type="checkbox"]').count();
  const wanted = statedChoiceCount({ stem, multiSelect: boxes > 0 }) ?? 1;
  for (let i = 0; i < wanted; i += 1)
    await page.locator('[data-testid="practice-answer"] label.option').nth(i).click();
}
