import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { exportDeck, serializeDeck, type ReviewLogEntry, type SrsCard } from "../../lib/srs/index";
import { DAY, newCard, review } from "../srs/fixtures";
import { launchBrowser, newPage } from "./support/browser";

// "Optimise my parameters" on the review stats page, on a learner seeded (through the deck import) with a
// log that meets the minimum-data rule: 40 cards reviewed 11 times each, always Easy, years ago.

const SEEDED_FROM = new Date("2014-01-06T09:00:00.000Z");
const EXPORTED_AT = new Date("2025-01-01T00:00:00.000Z");

function seededDeck(): string {
  const cards: SrsCard[] = [];
  const log: ReviewLogEntry[] = [];
  for (const concept of CONCEPTS.slice(0, 40)) {
    let card = newCard(concept.id, SEEDED_FROM, "manual", "seed");
    let now = SEEDED_FROM;
    for (let r = 0; r < 11; r += 1) {
      const outcome = review(card, "easy", now);
      log.push(outcome.entry);
      card = outcome.card;
      now = new Date(Math.max(Date.parse(card.due), now.getTime() + DAY));
    }
    cards.push(card);
  }
  return serializeDeck(exportDeck("seed", cards, log, EXPORTED_AT));
}

describe("review stats: fitting FSRS parameters", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("says how many reviews are missing, fits on a seeded log, shows the fit before and after, and resets", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/review/stats");
    const optimise = page.getByRole("button", { name: /Optimise my parameters/ });
    await expect(optimise.isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("fsrs-parameters").textContent()).resolves.toContain("400 more reviews");

    const bad = await page.request.post("/api/review/fsrs-parameters", { data: { action: "delete" } });
    expect(bad.status()).toBe(400);
    await expect(bad.json()).resolves.toMatchObject({ error: expect.stringMatching(/^action: /) as unknown });

    const imported = await page.request.post("/api/review/import", { data: seededDeck() });
    expect(imported.status()).toBe(200);
    await page.goto("/review/stats");
    await expect(optimise.textContent()).resolves.toBe("Optimise my parameters (400 reviews)");
    await optimise.click();
    await page.getByTestId("fsrs-fit").waitFor();
    const cell = (row: string, column: number) =>
      page.locator(`[data-fit="${row}"] td`).nth(column).textContent().then(Number);
    expect(await cell("after", 0)).toBeLessThan(await cell("before", 0));
    // Scored on the latest fifth of the reviews, which the scored fit did not see, and the page says so.
    await expect(page.getByTestId("fsrs-fit").getAttribute("data-held-out")).resolves.toBe("yes");
    await expect(page.locator('[data-testid="fsrs-fit"] caption').textContent()).resolves.toContain(
      "latest 80 reviews",
    );
    await expect(page.getByTestId("fsrs-fit-meaning").textContent()).resolves.toMatch(
      /fitted to your earlier 320 reviews and scored on the latest 80.*fitted to all 400 reviews/,
    );
    await expect(page.getByTestId("optimiser-unavailable").count()).resolves.toBe(0);
    await expect(page.getByTestId("retention-vs-target").textContent()).resolves.toContain(
      "parameters fitted to your own 400 reviews",
    );

    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await page.getByRole("status").filter({ hasText: "Back to the default parameters." }).waitFor();
    await page.reload();
    await expect(page.getByTestId("fsrs-fit").count()).resolves.toBe(0);
    await expect(page.getByTestId("retention-vs-target").textContent()).resolves.toContain(
      "default parameters",
    );
    await context.close();
  });
});
