import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { RULES } from "../../lib/content/rules-catalogue";
import { launchBrowser, newPage } from "./support/browser";
import { questionIdBehind } from "./support/question-ids";

describe("rules reference", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("lists every catalogue rule, reachable from the site navigation, and filters by ID and words without JavaScript", async () => {
    const context = await browser.newContext({ baseURL: inject("baseURL"), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
    await page.waitForURL(/\/rules$/);
    await expect(page.locator("li[data-rule]").count()).resolves.toBe(RULES.length);

    await page.getByLabel("Search by ID or words").fill("transitive peering");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\?q=transitive/);
    const found = await page
      .locator("li[data-rule]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-rule")));
    expect(found).toContain("PCX-02");
    expect(found).not.toContain("SG-01");

    await page.goto("/rules?q=eigw-01");
    await expect(page.locator("li[data-rule]").first().getAttribute("data-rule")).resolves.toBe("EIGW-01");
    await page.goto("/rules?q=no-such-words-anywhere");
    await expect(page.getByTestId("rule-count").textContent()).resolves.toContain("No rule matches");
    await context.close();
  });

  it("N12: a query whose words no rule has together falls back to the rules with some of them, rarer word first", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/rules?q=sg%20ephemeral");
    const count = (await page.getByTestId("rule-count").textContent()) ?? "";
    expect(count).toContain("No rule matches all the words of “sg ephemeral”");
    expect(count).toMatch(/“ephemeral” 3/);
    const ranked = await page
      .locator('[data-testid="partial-matches"] li[data-rule]')
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-rule")));
    // The three ephemeral-port rules (the rarer word) come first, then the security-group ones.
    expect(ranked.slice(0, 3).sort()).toEqual(["ACL-02", "ACL-08", "NAT-03"]);
    expect(ranked).toContain("SG-01");
    await page.getByRole("link", { name: "Clear the search and show all rules" }).click();
    await page.waitForURL(/\/rules$/);
    await expect(page.locator("li[data-rule]").count()).resolves.toBe(RULES.length);

    await page.goto("/rules?q=zzzz%20qqqq");
    await expect(page.getByTestId("rule-count").textContent()).resolves.toContain(
      "No rule matches “zzzz qqqq”, nor any one of its words.",
    );
    await expect(page.locator("li[data-rule]").count()).resolves.toBe(0);
    await context.close();
  });

  it("shows a rule with its sources, status, drift note, lessons and families, and 404s an unknown ID", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    const rule = RULES.find((candidate) => candidate.id === "TGW-13");
    if (!rule) throw new Error("TGW-13 missing");
    await page.goto("/rules/TGW-13");
    await expect(page.locator("h1").textContent()).resolves.toContain(rule.title);
    const body = (await page.locator("main").textContent()) ?? "";
    for (const source of rule.sources) expect(body).toContain(source.page);
    expect(body).toContain("AWS changed this");
    // TGW-13 (security-group references across a transit gateway) is applied by the model since it learnt the option.
    await expect(page.getByTestId("rule-status").textContent()).resolves.toMatch(/^Modelled/);

    const notModelled = RULES.find((candidate) => candidate.status.kind === "not-modelled");
    if (notModelled?.status.kind !== "not-modelled")
      throw new Error("the catalogue has no rule marked not modelled");
    await page.goto(`/rules/${notModelled.id}`);
    const status = (await page.getByTestId("rule-status").textContent()) ?? "";
    expect(status).toContain("Not modelled");
    expect(status).toContain(notModelled.status.reason);

    await page.goto("/rules/PCX-02");
    await expect(page.locator("#rule-lessons ~ ul a").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("li[data-family]").count()).resolves.toBeGreaterThan(0);
    expect((await page.goto("/rules/XYZ-99"))?.status()).toBe(404);
    await context.close();
  });

  it("'practise this rule' starts practice on the families that cite it, and the explanation links its rules", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/rules/PCX-02");
    const families = await page
      .locator("li[data-family]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-family") ?? ""));
    await page.getByTestId("practise-rule").click();
    await page.waitForURL(/\/practice\?rule=PCX-02/);
    await expect(page.getByTestId("rule-preset").textContent()).resolves.toContain("PCX-02");
    const checked = await page
      .locator('input[name="families"]:checked')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(checked.sort()).toEqual([...families].sort());
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    const questionId = questionIdBehind(
      (await page.locator("[data-question-id]").first().getAttribute("data-question-id")) ?? "",
    );
    expect(families).toContain(questionId.split(".")[0]);

    await page.keyboard.press("1");
    await page.locator('[data-testid="practice-answer"] input:checked').waitFor();
    await page.keyboard.press("Enter");
    await page.locator("[data-verdict]").waitFor();
    const links = page.getByTestId("explanation").locator("a.rule-link");
    const hrefs = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => anchor.getAttribute("href") ?? ""),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/rules\/[A-Z][A-Z0-9]{1,4}-\d{2}$/);
    await links.first().click();
    await page.waitForURL(/\/rules\/[A-Z]/);
    await expect(page.locator("article.rule-page").count()).resolves.toBe(1);
    await context.close();
  });
});
