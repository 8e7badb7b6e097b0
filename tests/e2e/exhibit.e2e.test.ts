// A missing-piece or fix-it question in practice shows, before it is answered, an
// exhibit that introduces every resource id and address its options name, as captioned tables a keyboard user can
// scroll on a phone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { introducedForms, namedReferences } from "../../lib/scenario/exhibit-completeness";
import { questionFromId } from "../../lib/scenario/generate";
import { questionIdBehind } from "./support/question-ids";
import type { Question } from "../../lib/scenario/question";
import { launchBrowser, newPage } from "./support/browser";

/** Ids and addresses the options name, and the names of topology resources they mention (e.g. "app-main"). */
function namedInOptions(question: Question): string[] {
  const text = question.options.map((option) => option.text).join("\n");
  const t = question.topology;
  const resources = t
    ? [
        ...t.routeTables,
        ...t.securityGroups,
        ...t.networkAcls,
        ...t.subnets,
        ...t.instances,
        ...t.peeringConnections,
        ...t.transitGatewayRouteTables,
      ]
    : [];
  const names = resources.flatMap((r) =>
    r.name !== undefined && new RegExp(`(^|[\\s(])${r.name}([\\s),.]|$)`).test(text) ? [r.name] : [],
  );
  return [...new Set([...namedReferences(text), ...names])];
}

async function startPractice(page: Page, family: string): Promise<Question> {
  await page.goto("/practice");
  await page.locator('input[name="everything"]').uncheck();
  await page.locator(`input[name="families"][value="${family}"]`).check();
  await page.getByLabel("Questions (empty: until you finish)").fill("1");
  await page.getByTestId("start-practice").click();
  await page.getByTestId("practice-answer").waitFor();
  const id = await page.locator("[data-question-id]").first().getAttribute("data-question-id");
  const generated = questionFromId(questionIdBehind(id ?? ""));
  if (!generated.ok) throw new Error(`the page shows no valid question id: ${id}`);
  return generated.question;
}

describe("question exhibit in practice", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const family of ["missing-piece", "fix-it"]) {
    it(`shows every id and address the options of a ${family} question name, in the exhibit on screen`, async () => {
      const { context, page } = await newPage(browser, inject("baseURL"));
      const question = await startPractice(page, family);
      expect(question.family).toBe(family);
      const references = namedInOptions(question);
      // Every question of these families names some route table, security group, gateway or peering.
      expect(references.length, question.id).toBeGreaterThan(0);

      const exhibit = page.getByTestId("exhibit");
      await exhibit.waitFor();
      const shown = await exhibit.innerText();
      const onScreen = (form: string) =>
        new RegExp(`(^|[^0-9a-z./-])${form.replace(/[./]/g, "\\$&")}([^0-9a-z/-]|$)`, "i").test(shown);
      for (const ref of references)
        expect(introducedForms(ref).some(onScreen), `${question.id}: ${ref} in\n${shown}`).toBe(true);

      // Real tables: a caption and column headers, each in a scroll box that takes keyboard focus.
      const tables = exhibit.locator("table");
      expect(await tables.count()).toBeGreaterThan(2);
      for (const table of await tables.all()) {
        await expect(table.locator("caption").count()).resolves.toBe(1);
        await expect(table.locator('thead th[scope="col"]').count()).resolves.toBeGreaterThan(1);
      }
      const boxes = exhibit.locator(".exhibit-scroll");
      await expect(boxes.first().getAttribute("tabindex")).resolves.toBe("0");
      await context.close();
    });
  }

  it("at 1280 px the subnet and interface tables show every column inside their box (no column hidden past the edge)", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await startPractice(page, "missing-piece");
    await page.getByTestId("exhibit").waitFor();
    const hidden = await page
      .locator('[data-testid="exhibit"] .exhibit-scroll:is([data-kind="subnets"], [data-kind="interfaces"])')
      .evaluateAll((boxes) =>
        boxes.flatMap((box) => {
          const right = box.getBoundingClientRect().right;
          // A column counts as shown when at least 3/4 of its header is inside the box: "Route table", "Network
          // ACL" and "Security groups" began 30-240 px past the edge of a 1,103 px box (tables 1,324-1,342 px).
          return [...box.querySelectorAll("thead th")].flatMap((th) => {
            const cell = th.getBoundingClientRect();
            return cell.left + cell.width * 0.75 > right
              ? [
                  `${(box as HTMLElement).dataset["kind"]}: "${th.textContent}" ends at ${Math.round(cell.right)} > ${Math.round(right)}`,
                ]
              : [];
          });
        }),
      );
    expect(hidden).toEqual([]);
    await context.close();
  });

  it("keeps a wide table readable at 390 px: the subnets table scrolls inside its focusable box, the page does not", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.setViewportSize({ width: 390, height: 844 });
    await startPractice(page, "missing-piece");
    const box = page.locator('[data-testid="exhibit"] .exhibit-scroll[data-kind="subnets"]').first();
    await box.waitFor();
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // Keyboard: the box takes focus and the arrow key scrolls it.
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await context.close();
  });
});
