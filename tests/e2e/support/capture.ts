import type { Page } from "playwright-core";
import type { Question } from "../../../lib/scenario/question";

/**
 * Every body the browser receives, so a test can prove what was (not) sent before an answer. Streamed responses
 * (RSC payloads) cannot be read back from page.on("response"): Chromium keeps no body for them. Routing every
 * request through the test reads each body in full.
 */
export async function recordBodies(page: Page): Promise<() => string[]> {
  const bodies: string[] = [];
  await page.route("**/*", async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.body();
      bodies.push(body.toString("utf8"));
      await route.fulfill({ response, body });
    } catch (error) {
      // A request still in flight when the test closes its page: nothing more reaches the browser.
      if (page.isClosed() || /disposed|closed/i.test(String(error))) return;
      throw error;
    }
  });
  return () => [...bodies];
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");
}

/**
 * Texts only the key and the explanation carry, as they would appear in HTML and in RSC/JSON payloads (where
 * quotes and angle brackets are escaped). Short generic phrases and texts equal to a public option are left out,
 * so a match is a real leak, not a coincidence.
 */
export function secretTexts(question: Question): string[] {
  const optionTexts = new Set(question.options.map((option) => option.text));
  const texts = [question.explanation.summary, ...Object.values(question.explanation.perOption)].filter(
    (text) => text.length >= 25 && !optionTexts.has(text),
  );
  return texts.flatMap((text) => [text, escapeHtml(text), JSON.stringify(text).slice(1, -1)]);
}
