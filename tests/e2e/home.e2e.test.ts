import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TOPICS } from "../../lib/course/topics";
import { launchBrowser, newPage } from "./support/browser";

describe("home page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("renders the course map with every topic and the four ways to learn (the lab included)", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("VPC networking");
    const topics = page.getByRole("list", { name: "Topics" }).locator(":scope > li");
    await expect(topics.count()).resolves.toBe(TOPICS.length);
    for (const topic of TOPICS) {
      await expect(page.locator(`[data-topic="${topic.id}"] h3`).textContent()).resolves.toBe(topic.title);
    }
    for (const mode of ["practice", "review", "classroom", "lab"]) {
      await expect(page.locator(`[data-mode="${mode}"]`).count()).resolves.toBe(1);
    }
    await context.close();
  });

  it("gives a first-time visitor an anonymous learner cookie", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/");
    const cookies = await context.cookies();
    const learner = cookies.find((cookie) => cookie.name === "reachable_learner");
    expect(learner?.httpOnly).toBe(true);
    expect(learner?.value.length).toBeGreaterThan(30);
    await context.close();
  });

  it("is keyboard navigable: the first Tab reaches the skip link, which moves focus to the content", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to content");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await context.close();
  });
});
