// The site-wide findings of UX review uxr2: the phone menu (C2), the course map sentence (C1), rules search
// abbreviations (C5), linked rule sources (C6), case-insensitive rule URLs (N3), the progress page for a new learner
// (U4) and the titles of 404 pages (N7). Checked at 1280×800 and on a 390×844 touch phone.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/browser";

const DESKTOP = { width: 1280, height: 800 } as const;
const PHONE = { width: 390, height: 844 } as const;

describe("site (uxr2 findings)", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  async function open(device: typeof DESKTOP | typeof PHONE): Promise<Page> {
    const phone = device.width < 500;
    const context = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: device,
      ...(phone ? { isMobile: true, hasTouch: true } : {}),
    });
    contexts.push(context);
    return context.newPage();
  }

  it("C2: on a phone the header is one short row, and its Menu opens every section (Lab, Rules, Account…)", async () => {
    const page = await open(PHONE);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = nav.getByRole("button", { name: "Menu" });
    await menu.waitFor();
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
    const header = await page.locator(".site-header").boundingBox();
    expect(header?.height).toBeLessThanOrEqual(56);
    const menuBox = await menu.boundingBox();
    expect(menuBox && menuBox.height >= 44 && menuBox.width >= 44).toBe(true);
    expect(menuBox && menuBox.x + menuBox.width <= PHONE.width).toBe(true);

    await menu.click();
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("true");
    for (const name of [
      "Lessons",
      "Practice",
      "Exam",
      "Review",
      "Classroom",
      "Progress",
      "Bookmarks",
      "Lab",
      "Rules",
      "Account",
    ]) {
      const link = nav.getByRole("link", { name, exact: true });
      await expect(link.isVisible(), name).resolves.toBe(true);
      const box = await link.boundingBox();
      expect(box, name).not.toBeNull();
      if (!box) continue;
      expect(box.height, name).toBeGreaterThanOrEqual(44);
      expect(box.x >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height, name).toBe(
        true,
      );
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Each of Lab, Rules and Account is one tap away, and the menu is closed on the new page.
    for (const [name, path] of [
      ["Lab", "/lab"],
      ["Rules", "/rules"],
      ["Account", "/account"],
    ] as const) {
      if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
      await nav.getByRole("link", { name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
      await expect(nav.getByRole("link", { name, exact: true }).isVisible()).resolves.toBe(false);
    }
    // Escape closes an open menu.
    await menu.click();
    await page.keyboard.press("Escape");
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
  });

  it("C2: at 1280 px every section is in the header row and there is no Menu button", async () => {
    const page = await open(DESKTOP);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("button", { name: "Menu" }).isVisible()).resolves.toBe(false);
    for (const name of ["Lessons", "Lab", "Rules", "Account"])
      await expect(nav.getByRole("link", { name, exact: true }).isVisible(), name).resolves.toBe(true);
    const header = await page.locator(".site-header").boundingBox();
    expect(header?.height).toBeLessThanOrEqual(72);
  });

  it("C1: the course map sentence starts and finishes once, in lesson order, and the SG/NACL lesson is on its card", async () => {
    const page = await open(DESKTOP);
    await page.goto("/");
    const intro = (await page.getByTestId("course-intro").textContent()) ?? "";
    expect(intro).toMatch(/^Start with 1\. /);
    expect(intro.match(/finish with/g)).toHaveLength(1);
    expect(intro).toMatch(/finish with 13\. /);
    expect(intro).not.toContain("Security groups and network ACLs");
    const card = (await page.locator('[data-topic="flow-logs"]').textContent()) ?? "";
    expect(card).toContain("Security groups and network ACLs");
  });

  it("C5, C6, N3: NACL finds the network ACL rules, rule sources are links, and /rules/pcx-03 redirects", async () => {
    const page = await open(DESKTOP);
    await page.goto("/rules?q=nacl");
    await expect(
      page.locator('section[aria-labelledby="topic-network-acls"] li[data-rule]').count(),
    ).resolves.toBeGreaterThan(0);
    await page.goto("/rules?q=nacl%20ephemeral");
    await expect(page.locator("li[data-rule]").count()).resolves.toBeGreaterThanOrEqual(2);

    await page.goto("/rules/TGW-05");
    const sources = page.locator('section[aria-labelledby="rule-sources"] li');
    await expect(sources.count()).resolves.toBeGreaterThan(0);
    const hrefs = await sources.evaluateAll((items) =>
      items.map((item) => item.querySelector("a")?.getAttribute("href") ?? ""),
    );
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);

    const response = await page.goto("/rules/pcx-03");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/rules/PCX-03");
    await expect(page.locator("article.rule-page").getAttribute("data-rule")).resolves.toBe("PCX-03");
    expect((await page.goto("/rules/xyz-99"))?.status()).toBe(404);
    await expect(page.title()).resolves.toBe("Page not found · Reachable");
  });

  it("U4: a new learner's progress page is short, folds untouched concepts, and breaks no word", async () => {
    for (const device of [DESKTOP, PHONE]) {
      const page = await open(device);
      await page.goto("/progress");
      await expect(page.getByTestId("progress-empty").isVisible()).resolves.toBe(true);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, `${device.width} px`).toBeLessThan(device.width < 500 ? 4500 : 3000);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        device.width,
      );
      // Unfold one domain: its headers and "Not started" cells sit on one line each.
      const folded = page.getByTestId("untouched").first();
      await folded.locator("summary").click();
      const lines = await folded.evaluate((details) =>
        [...details.querySelectorAll("thead th:not(:first-child), tbody td")].map((cell) => {
          // The lines the cell's text takes (the cell itself is as tall as its row's longest concept text).
          const range = document.createRange();
          range.selectNodeContents(cell);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          return { text: cell.textContent, lines: tops.size };
        }),
      );
      expect(lines.length).toBeGreaterThan(0);
      for (const cell of lines) expect(cell.lines, `${device.width} px: ${cell.text}`).toBeLessThanOrEqual(1);
    }
  });

  it("N7: a 404 on a dynamic route is titled Page not found, not the title of the page it replaces", async () => {
    const page = await open(DESKTOP);
    for (const path of [
      "/exam/xyz",
      "/practice/xyz",
      "/classroom/ZZZZZZ",
      "/lab/assignments/nope",
      "/nope-404",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.title(), path).resolves.toBe("Page not found · Reachable");
    }
  });
});
