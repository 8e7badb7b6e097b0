import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser";
import { axeViolations, isSerious } from "./support/axe";
import { startExamWith } from "./support/exam";
import { repoRoot } from "./support/server";
import { parseTopologyText } from "../../lib/net";
import { exportAwsDescribe } from "../../lib/net/import";
import { ASSIGNMENT_START } from "../lab/assignment-start";

const verdict = (page: Page, reachable: "yes" | "no") =>
  page.locator(`[data-testid=lab-verdict][data-reachable=${reachable}]`).waitFor({ timeout: 15_000 });

async function openLesson(page: Page, name: string): Promise<void> {
  await page.goto("/lab");
  await page.getByTestId("lab-open-choice").selectOption(name);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await page.locator("[data-testid=lab-status]", { hasText: `Opened ${name}` }).waitFor();
}

/** The editor's whole text (CodeMirror draws only the lines in view; the editor exposes its text). */
const editorText = (page: Page): Promise<string> =>
  page.getByTestId("lab-text").evaluate((element) => (element as unknown as { labText: string }).labText);

/** Replaces the editor's text by typing, as a learner pasting would. */
async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.locator("[data-testid=lab-text] .cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

async function ask(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId("lab-from").fill(from);
  await page.getByTestId("lab-to").fill(to);
  await page.getByTestId("lab-port").fill("443");
  await page.getByTestId("lab-ask").click();
}

const OPEN_RULES = `      - { protocol: tcp, fromPort: 5432, toPort: 5432, cidrBlock: 0.0.0.0/0 }
      - { protocol: tcp, fromPort: 8000, toPort: 8100, cidrBlock: 0.0.0.0/0 }
`;
/** The intended solution: db-c admits only app-a's security group, on 5432. */
const ASSIGNMENT_SOLVED = ASSIGNMENT_START.replace(
  OPEN_RULES,
  "      - { protocol: tcp, fromPort: 5432, toPort: 5432, securityGroupId: sg-app }\n",
);
/** The lazy "solution": db-c admits nothing at all. */
const ASSIGNMENT_CLOSED = ASSIGNMENT_START.replace(OPEN_RULES, "      []\n");

/** The met / unmet state of each goal in a goal list, once it has been checked. */
async function goalStates(page: Page, testId: string, count: number): Promise<string[]> {
  const items = page.getByTestId(testId).locator("li");
  await page
    .locator(`[data-testid=${testId}] li[data-state=met], [data-testid=${testId}] li[data-state=unmet]`)
    .nth(count - 1)
    .waitFor({ timeout: 15_000 });
  return items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-state") ?? ""));
}

async function expectNoSeriousAxe(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(JSON.stringify(violations, null, 2));
  expect(violations.filter(isSerious)).toEqual([]);
}

describe("the lab", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each([
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ])(
    "breaks a lesson network with a route edit, shows the blocker, a proposed fix repairs it, undo and redo ($width px)",
    async (viewport) => {
      const context = await browser.newContext({ baseURL: inject("baseURL"), viewport });
      const page = await context.newPage();
      await openLesson(page, "abc-peering-chain");
      await expect(editorText(page)).resolves.toContain("pcx-ab");

      await ask(page, "app-a", "app-b");
      await verdict(page, "yes");
      // The analysis ran in the browser's web worker, not on the server.
      await expect(page.getByTestId("lab-timing").getAttribute("data-where")).resolves.toBe("worker");
      await expect(
        page.getByRole("list", { name: "Forward hops" }).locator("li").count(),
      ).resolves.toBeGreaterThan(2);
      await expect(page.getByTestId("lab-flow-logs").first().textContent()).resolves.toContain("ACCEPT");

      // Step through the path: the live text names each hop in turn.
      await page.getByTestId("lab-next-hop").click();
      await expect(page.getByTestId("lab-hop-now").textContent()).resolves.toMatch(
        /^Hop 1 of \d+ \(forward\)/,
      );
      await page.getByTestId("lab-next-hop").click();
      await expect(page.getByTestId("lab-hop-now").textContent()).resolves.toMatch(/^Hop 2 of /);

      await page.getByTestId("lab-edit-kind").selectOption("remove-route");
      await page.getByTestId("lab-route-table").selectOption("rtb-a");
      await page.getByTestId("lab-route-remove").selectOption("10.1.0.0/16");
      await page.getByTestId("lab-edit-submit").click();
      await verdict(page, "no");
      // The text now says what the model sees: rtb-a keeps only its route to C's range.
      const edited = await editorText(page);
      expect(edited.match(/target: pcx-ab/g)).toHaveLength(2);
      const blockers = page.getByTestId("lab-blockers").locator("li");
      await expect(blockers.count()).resolves.toBeGreaterThan(0);
      await expect(blockers.first().locator('a[href^="/rules/"]').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByTestId("lab-diff").textContent()).resolves.toContain("routeTables rtb-a");

      await page.getByTestId("lab-apply-fix").first().click();
      await verdict(page, "yes");
      const fixed = await editorText(page);
      expect(fixed.match(/target: pcx-ab/g)).toHaveLength(3);

      // Undo takes the fix back (not reachable), redo applies it again (reachable).
      await page.getByTestId("lab-undo").click();
      await verdict(page, "no");
      await page.getByTestId("lab-redo").click();
      await verdict(page, "yes");

      // A security-group rule removed with a form: B's interface logs the REJECT.
      await page.getByTestId("lab-edit-kind").selectOption("remove-sg-rule");
      await page.getByLabel("Security group").selectOption("sg-b");
      await page.getByTestId("lab-edit-submit").click();
      await verdict(page, "no");
      await expect(page.getByTestId("lab-flow-logs").allTextContents()).resolves.toEqual(
        expect.arrayContaining([expect.stringContaining("REJECT")]),
      );
      await context.close();
    },
    90_000,
  );

  it("opens an uploaded topology file and an uploaded AWS snapshot", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/lab");
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    const chain = fs.readFileSync(
      path.join(repoRoot, "content", "topologies", "abc-peering-chain.yaml"),
      "utf8",
    );
    await page.getByTestId("lab-upload-topology").setInputFiles({
      name: "chain.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(chain),
    });
    await page.locator("[data-testid=lab-status]", { hasText: "Opened chain.yaml" }).waitFor();
    await ask(page, "app-a", "app-c");
    await verdict(page, "no");

    const parsed = parseTopologyText(chain, "yaml");
    if (!parsed.ok) throw new Error("lesson topology does not parse");
    const region = Object.values(exportAwsDescribe(parsed.topology))[0] ?? {};
    await page.getByTestId("lab-upload-snapshot").setInputFiles(
      Object.entries(region).map(([name, data]) => ({
        name: `${name}.json`,
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(data)),
      })),
    );
    await page.locator("[data-testid=lab-status]", { hasText: "Opened the AWS snapshot" }).waitFor();
    await expect(editorText(page)).resolves.toContain("pcx-ab");
    await ask(page, "i-a", "i-b");
    await verdict(page, "yes");

    // The whole network: a who-can-reach-whom matrix.
    await page.getByTestId("lab-matrix-check").click();
    await page.getByTestId("lab-matrix").waitFor();
    await expect(
      page.getByTestId("lab-matrix").locator("td", { hasText: "yes" }).count(),
    ).resolves.toBeGreaterThan(0);
    await context.close();
  }, 90_000);

  it("keeps the learner's text and the last answer when the text does not parse", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await openLesson(page, "abc-peering-chain");
    await ask(page, "app-a", "app-b");
    await verdict(page, "yes");
    await typeInEditor(page, "vpcs: [ { id: vpc-a");
    await expect(page.getByTestId("lab-text-error").textContent()).resolves.toMatch(/does not parse/);
    // The learner's text stays (select-all + type can leave the document's final line break).
    await expect(editorText(page)).resolves.toMatch(/^vpcs: \[ \{ id: vpc-a\n?$/);
    await verdict(page, "yes");
    // The error is underlined in the editor at the place it names.
    await page.locator("[data-testid=lab-text] .cm-lintRange-error").first().waitFor({ timeout: 5_000 });

    // Completion offers the fields the schema accepts where the cursor is (here: a VPC's).
    await typeInEditor(page, "region: us-east-1\nvpcs:\n  - { id: vpc-x, ci");
    await page.keyboard.press("Control+Space");
    await page.locator(".cm-tooltip-autocomplete", { hasText: "cidrBlocks" }).waitFor();
    await context.close();
  }, 60_000);

  it("says when a lab link opens nothing, even a malformed one; keeps unsaved edits over a reload; asks before Open replaces them", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    // An id that fails the id pattern opened the blank lab without a word, unlike an unknown well-formed one.
    for (const link of ["/lab?lab=deadbeef", "/lab?lab=AAAAAAAAAAAAAAAAAAAAAA"]) {
      await page.goto(link);
      await expect(page.getByTestId("lab-link-error").textContent(), link).resolves.toContain(
        "No saved lab has this link",
      );
    }
    await page.goto("/lab");
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    await expect(page.getByTestId("lab-link-error").count()).resolves.toBe(0);

    // Remove the starter's only route: the edit reads with the route picker's arrow, and the emptied picker
    // says so instead of showing an empty box.
    await page.getByTestId("lab-edit-kind").selectOption("remove-route");
    await page.getByTestId("lab-route-table").selectOption("rtb-public");
    await page.getByTestId("lab-edit-submit").click();
    await page.locator("[data-testid=lab-status]", { hasText: "Done:" }).waitFor();
    await expect(page.getByTestId("lab-status").textContent()).resolves.toContain("0.0.0.0/0 → igw-lab");
    await expect(page.getByTestId("lab-route-remove").locator("option").allTextContents()).resolves.toEqual([
      "no routes left",
    ]);
    await expect(page.getByTestId("lab-edit-submit").isDisabled()).resolves.toBe(true);
    await page.getByTestId("lab-from").fill("web");
    await page.getByTestId("lab-to").fill("internet");
    await page.getByTestId("lab-ask").click();
    await verdict(page, "no");
    const fixes = (await page.getByTestId("lab-fixes").textContent()) ?? "";
    expect(fixes).toContain("0.0.0.0/0 → igw-lab");
    expect(fixes).not.toContain("->");

    // A reload keeps the edit (it used to bring the route back with no warning), and says so.
    await page.reload();
    await page.getByTestId("lab-draft-restored").waitFor();
    await page.locator("[data-testid=lab-status]", { hasText: "unsaved changes restored" }).waitFor();
    expect(await editorText(page)).not.toContain("target: igw-lab");
    await expect(page.getByTestId("lab-diff").locator("summary").textContent()).resolves.toContain("(1)");

    // Open asks before it replaces an edited network; declining keeps the edit.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByTestId("lab-open-choice").selectOption("starter");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await expect.poll(() => asked).toContain("Replace your edited network");
    expect(await editorText(page)).not.toContain("target: igw-lab");

    // Discarding goes back to the network as opened, and the next reload has nothing to restore.
    await page.getByRole("button", { name: "Discard them" }).click();
    await page.locator("[data-testid=lab-status]", { hasText: "Opened the network without" }).waitFor();
    expect(await editorText(page)).toContain("target: igw-lab");
    await page.reload();
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened." }).waitFor();
    await expect(page.getByTestId("lab-draft-restored").count()).resolves.toBe(0);
    await context.close();
  }, 90_000);

  it("saves a lab under a name; its link opens a read-only copy in another browser", async () => {
    const owner = await newPage(browser, inject("baseURL"));
    await openLesson(owner.page, "abc-peering-chain");
    await owner.page.getByTestId("lab-edit-kind").selectOption("remove-route");
    await owner.page.getByTestId("lab-route-table").selectOption("rtb-a");
    await owner.page.getByTestId("lab-route-remove").selectOption("10.1.0.0/16");
    await owner.page.getByTestId("lab-edit-submit").click();
    await owner.page.locator("[data-testid=lab-status]", { hasText: "Done:" }).waitFor();
    await owner.page.getByTestId("lab-save-name").fill("broken chain");
    await owner.page.getByTestId("lab-save").click();
    const link = await owner.page.getByTestId("lab-share-link").inputValue();
    expect(link).toMatch(/\/lab\?lab=[A-Za-z0-9_-]{22}$/);

    // Another browser (another learner): the saved network, marked as a read-only copy.
    const other = await newPage(browser, inject("baseURL"));
    await other.page.goto(link);
    await other.page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    await other.page.getByTestId("lab-shared-notice").waitFor();
    expect((await editorText(other.page)).match(/target: pcx-ab/g)).toHaveLength(2);
    await ask(other.page, "app-a", "app-b");
    await verdict(other.page, "no");
    await other.page.getByTestId("lab-apply-fix").first().click();
    await verdict(other.page, "yes");
    // Saving the copy makes the other learner's own lab; the original keeps its text.
    await other.page.getByTestId("lab-save").click();
    const copy = await other.page.getByTestId("lab-share-link").inputValue();
    expect(copy).not.toBe(link);
    await owner.page.goto(link);
    await owner.page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    await expect(owner.page.getByTestId("lab-shared-notice").count()).resolves.toBe(0);
    expect((await editorText(owner.page)).match(/target: pcx-ab/g)).toHaveLength(2);
    await expect(owner.page.getByTestId("lab-my-labs").textContent()).resolves.toContain("broken chain");
    // Another network saved under the same name is not saved silently over it: the learner is asked.
    await owner.page.goto("/lab");
    await owner.page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    await owner.page.getByTestId("lab-save-name").fill("broken chain");
    await owner.page.getByTestId("lab-save").click();
    await owner.page.getByTestId("lab-save-taken").waitFor();
    await owner.page.getByTestId("lab-save-new-name").click();
    await owner.page.getByText("Saved as “broken chain (2)”.").first().waitFor();
    await owner.page.goto(link);
    await owner.page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    expect((await editorText(owner.page)).match(/target: pcx-ab/g)).toHaveLength(2);
    await owner.context.close();
    await other.context.close();
  }, 90_000);

  it("opens an answered practice question's network in the lab, and not before it is answered", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    // One family that always asks "can A reach C?": a random family could be one that asks no query.
    await page.getByLabel("Everything (all topics, families and difficulties)").uncheck();
    await page.getByLabel("Can A reach C?").check();
    await page.getByLabel("Questions (empty: until you finish)").fill("");
    await page.getByTestId("start-practice").click();
    let href: string | null = null;
    for (let step = 0; step < 12 && href === null; step += 1) {
      await page.getByTestId("practice-answer").waitFor();
      await page.keyboard.press("1");
      await page.keyboard.press("Enter");
      await page.locator("[data-verdict]").waitFor();
      const link = page.getByTestId("open-in-lab");
      if ((await link.count()) > 0) href = await link.getAttribute("href");
      else {
        await page.getByTestId("next").click();
        await page.locator("[data-verdict]").waitFor({ state: "detached" });
      }
    }
    expect(href).toMatch(/^\/lab\?q=q_[A-Za-z0-9_-]+&from=practice%3A/);
    const from = new URL(href ?? "", "http://x").searchParams.get("from") ?? "";

    // The next question, not answered yet: the lab refuses to open its network.
    await page.getByTestId("next").click();
    await page.locator("[data-verdict]").waitFor({ state: "detached" });
    const unanswered = await page.locator("[data-question-id]").getAttribute("data-question-id");
    const early = await context.newPage();
    await early.goto(`/lab?q=${encodeURIComponent(unanswered ?? "")}&from=${encodeURIComponent(from)}`);
    await expect(early.getByTestId("lab-question-error").textContent()).resolves.toContain(
      "answer the question first",
    );
    await early.close();

    await page.goto(href ?? "/lab");
    await page.getByTestId("lab-question-note").waitFor();
    await page.locator("[data-testid=lab-verdict]").waitFor({ timeout: 15_000 });
    expect((await editorText(page)).length).toBeGreaterThan(50);
    // The Open picker names what is open (it said "Blank starter VPC" beside the question's network).
    await expect(page.getByTestId("lab-open-choice").locator("option:checked").textContent()).resolves.toBe(
      "Question network (as opened)",
    );
    // Another learner holding the link opens nothing: the sealed id is bound to who it was served to.
    const stranger = await newPage(browser, inject("baseURL"));
    await stranger.page.goto(href ?? "/lab");
    await stranger.page.getByTestId("lab-question-error").waitFor();
    await stranger.context.close();
    await context.close();
  }, 120_000);

  it("opens a peering-feasibility question's network without promising a query it does not ask", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/practice");
    await page.getByLabel("Everything (all topics, families and difficulties)").uncheck();
    await page.getByLabel("Can these VPCs be peered?").check();
    await page.getByLabel("Questions (empty: until you finish)").fill("1");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("practice-answer").waitFor();
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
    await page.locator("[data-verdict]").waitFor();
    const href = await page.getByTestId("open-in-lab").getAttribute("href");
    await page.goto(href ?? "/lab");
    const note = page.getByTestId("lab-question-note");
    await expect(note.textContent()).resolves.toContain("asks no “can A reach B?”");
    await expect(note.textContent()).resolves.toContain("“Can these VPCs be peered?” question");
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    expect(await page.locator("[data-testid=lab-verdict]").count()).toBe(0);
    expect((await editorText(page)).length).toBeGreaterThan(50);
    await context.close();
  }, 60_000);

  it("an instructor makes an assignment; a learner in another browser (390 px) solves it; the server grades; the instructor sees it", async () => {
    const teacher = await newPage(browser, inject("baseURL"));
    const { page } = teacher;
    await page.goto("/lab");
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    await page.getByTestId("lab-upload-topology").setInputFiles({
      name: "private-db.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(ASSIGNMENT_START),
    });
    await page.locator("[data-testid=lab-status]", { hasText: "Opened private-db.yaml" }).waitFor();
    await page.getByText("Make this lab an assignment").click();
    await page.getByTestId("assignment-title").fill("Private database");
    await page.getByTestId("assignment-instructions").fill("Keep app-a on 5432; close db-c to the internet.");
    const reach = page.getByTestId("assignment-goal-0");
    await reach.getByTestId("assignment-goal-from").fill("app-a");
    await reach.getByTestId("assignment-goal-to").fill("db-c");
    await reach.getByTestId("assignment-goal-port").fill("5432");
    const closed = page.getByTestId("assignment-goal-1");
    await closed.getByTestId("assignment-goal-to").fill("db-c");
    // The goals checked on the starting network: the reach goal holds, the internet still gets in.
    await page.getByTestId("assignment-goals-check").click();
    await expect(goalStates(page, "assignment-goals-now", 2)).resolves.toEqual(["met", "unmet"]);
    await expect(page.getByTestId("assignment-goals-now").textContent()).resolves.toContain(
      "still reachable on TCP port 5432",
    );
    await page.getByTestId("assignment-create").click();
    const link = await page.getByTestId("assignment-link").inputValue();
    expect(link).toMatch(/\/lab\/assignments\/[A-Za-z0-9_-]{22}$/);

    // A learner in another browser, on a phone: their own copy, goals checked live as they edit.
    const learnerContext = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: { width: 390, height: 844 },
    });
    const learner = await learnerContext.newPage();
    await learner.goto(link);
    await learner.getByTestId("lab-assignment").waitFor();
    await expect(learner.getByTestId("lab-assignment").textContent()).resolves.toContain("Private database");
    await expect(goalStates(learner, "lab-goals-live", 2)).resolves.toEqual(["met", "unmet"]);
    await expectNoSeriousAxe(learner);
    expect(
      await learner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    // Closing everything to everyone meets the private goal but breaks the reach goal.
    await typeInEditor(learner, ASSIGNMENT_CLOSED);
    await learner
      .locator("[data-testid=lab-goals-live] li:first-child[data-state=unmet]")
      .waitFor({ timeout: 15_000 });
    await expect(goalStates(learner, "lab-goals-live", 2)).resolves.toEqual(["unmet", "met"]);

    // The browser's verdict is not trusted: a forged submission of an emptied network is graded 0 of 2.
    const forged = await learner.request.post(`${link}/submit`, {
      data: { format: "yaml", text: "region: us-east-1\n" },
    });
    expect(forged.status()).toBe(200);
    await expect(forged.json()).resolves.toMatchObject({ passed: 0, total: 2 });

    await typeInEditor(learner, ASSIGNMENT_SOLVED);
    await learner
      .locator("[data-testid=lab-goals-live] li[data-state=met]")
      .nth(1)
      .waitFor({ timeout: 15_000 });
    await expect(goalStates(learner, "lab-goals-live", 2)).resolves.toEqual(["met", "met"]);
    await learner.getByTestId("lab-assignment-submit").click();
    await learner.getByTestId("lab-goals-graded").waitFor();
    await expect(learner.getByTestId("lab-assignment-grade").textContent()).resolves.toContain(
      "2 of 2 goals met",
    );
    // Coming back reopens the learner's submitted network, not the starting one.
    await learner.reload();
    await learner.getByTestId("lab-assignment-last").waitFor();
    await expect(editorText(learner)).resolves.toContain("securityGroupId: sg-app");

    // The instructor's page: both submissions with their per-goal results.
    await page.goto(link);
    await page.getByTestId("assignment-submissions").waitFor();
    await expect(page.getByTestId("assignment-submission-score").allTextContents()).resolves.toEqual([
      "2 / 2",
      "0 / 2",
    ]);
    await expect(
      page.getByTestId("assignment-submission").first().locator("li[data-state=met]").count(),
    ).resolves.toBe(2);
    await expectNoSeriousAxe(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await learnerContext.close();
    await teacher.context.close();
  }, 150_000);

  it("on an assignment, Open asks before it replaces the network, Undo and the list bring it back, and Submit grades only the assignment's network", async () => {
    const teacher = await newPage(browser, inject("baseURL"));
    const made = await teacher.page.request.post("/lab/assignments", {
      data: {
        title: "Private database again",
        instructions: "",
        format: "yaml",
        text: ASSIGNMENT_START,
        goals: [
          { kind: "reach", from: "app-a", to: "db-c", protocol: "tcp", port: 5432 },
          { kind: "not-reach", from: "internet", to: "db-c", protocol: "any" },
        ],
      },
    });
    expect(made.status()).toBe(200);
    const { id } = (await made.json()) as { id: string };
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto(`/lab/assignments/${id}`);
    await expect(goalStates(page, "lab-goals-live", 2)).resolves.toEqual(["met", "unmet"]);
    // The assignment's own network is the Open list's first entry; lessons are listed by title and lesson.
    await expect(page.getByTestId("lab-open-choice").locator("option:checked").textContent()).resolves.toBe(
      "This assignment's network",
    );
    await expect(
      page.getByTestId("lab-open-choice").locator('option[value="tgw-hub"]').textContent(),
    ).resolves.toBe("Transit gateway hub with three VPCs (lesson 9)");

    // Nothing edited, yet Open asks first; declining keeps the assignment's network.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByTestId("lab-open-choice").selectOption("tgw-hub");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await expect.poll(() => asked).toContain("Replace this assignment's network");
    await expect(editorText(page)).resolves.toContain("db-c");

    // Accepted: tgw-hub opens, Submit is blocked with the reason, and Undo is offered.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.locator("[data-testid=lab-status]", { hasText: "Opened tgw-hub" }).waitFor();
    await page.getByTestId("lab-assignment-other").waitFor();
    await expect(page.getByTestId("lab-assignment-submit").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("lab-undo").isEnabled()).resolves.toBe(true);
    await expect(page.getByTestId("lab-undo-what").textContent()).resolves.toContain("open tgw-hub");

    // Undo brings the assignment's network back, with its baseline: nothing to block, no changes listed.
    await page.getByTestId("lab-undo").click();
    await page.locator("[data-testid=lab-status]", { hasText: "Undone: open tgw-hub" }).waitFor();
    await expect(editorText(page)).resolves.toContain("db-c");
    await expect(page.getByTestId("lab-assignment-other").count()).resolves.toBe(0);
    await expect(page.getByTestId("lab-diff").locator("summary").textContent()).resolves.toBe(
      "Changes since the lab opened (0)",
    );

    // Opened again, the notice's button reopens the assignment's network too.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByTestId("lab-assignment-other").waitFor();
    await page.getByTestId("lab-assignment-reopen").click();
    await page.locator("[data-testid=lab-status]", { hasText: "Opened This assignment's network" }).waitFor();
    await expect(page.getByTestId("lab-assignment-other").count()).resolves.toBe(0);

    // Submit grades the assignment's network: solved, 2 of 2.
    await typeInEditor(page, ASSIGNMENT_SOLVED);
    await page.locator("[data-testid=lab-goals-live] li[data-state=met]").nth(1).waitFor({ timeout: 15_000 });
    await page.getByTestId("lab-assignment-submit").click();
    await page.getByTestId("lab-goals-graded").waitFor();
    await expect(page.getByTestId("lab-assignment-grade").textContent()).resolves.toContain(
      "2 of 2 goals met",
    );
    await context.close();
    await teacher.context.close();
  }, 120_000);

  it("opens an answered exam question's network from the exam report", async () => {
    // Ten questions, at least one with a network to open (concept items have none): the server's draw has none
    // about 1 time in 1,000, so the plan is read and redrawn rather than hoped for.
    const { context, page, sessionId } = await startExamWith(browser, {
      baseURL: inject("baseURL"),
      databaseUrl: inject("databaseUrl"),
      count: 10,
      wanted: (question) => question.topology !== undefined,
    });
    for (let n = 1; n <= 10; n += 1) {
      await page.locator(`h1:has-text("Question ${n} of 10")`).waitFor();
      const option = page.locator('[data-testid="exam-answer"] [data-option-id]').first();
      await option.click();
      await page
        .locator('[data-testid="exam-answer"][data-saving="false"] [data-option-id] input:checked')
        .first()
        .waitFor();
      if (n < 10) await page.getByTestId("exam-next").click();
    }
    await page.getByTestId("open-review").click();
    await page.getByTestId("review-screen").waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("submit-exam").click();
    await page.waitForURL(new RegExp(`/exam/${sessionId}$`));
    const links = page.getByTestId("open-in-lab");
    // The report renders after the redirect; wait for it rather than counting at once.
    await links.first().waitFor({ timeout: 15_000 });
    await expectNoSeriousAxe(page);
    const href = (await links.first().getAttribute("href")) ?? "";
    expect(href).toMatch(new RegExp(`^/lab\\?q=q_[A-Za-z0-9_-]+&from=exam%3A${sessionId}$`));
    await page.goto(href);
    await page.getByTestId("lab-question-note").waitFor();
    // The question's network is in the editor. Not every question asks a reachability query (peering
    // feasibility, for one, has none), so a verdict is not awaited here; the practice test covers the asked query.
    await expect.poll(async () => (await editorText(page)).length, { timeout: 15_000 }).toBeGreaterThan(50);
    await context.close();
  }, 150_000);

  it("opens a review card's network in the lab once it is reviewed, and not before", async () => {
    const { context, page } = await newPage(browser, inject("baseURL"));
    await page.goto("/review");
    // A family card: a plain "P3" card may be reviewed by a concept-check question (about 1 draw in 75), which
    // has no network to open; every can-a-reach-c question has one and asks a query, so a verdict shows.
    const skillId = "can-a-reach-c:P3";
    const added = await page.request.post("/api/review/cards", { data: { skillId } });
    expect(added.status()).toBe(201);
    await page.goto("/review");
    const card = page.locator("section.review-card");
    const shown = (await card.getAttribute("data-question-id")) ?? "";
    const early = await context.newPage();
    await early.goto(`/lab?q=${encodeURIComponent(shown)}&from=${encodeURIComponent(`review:${skillId}`)}`);
    await expect(early.getByTestId("lab-question-error").textContent()).resolves.toContain(
      "answer the question first",
    );
    await early.close();
    await card.locator("label[data-option-id]").first().click();
    await card.getByRole("button", { name: "Check answer" }).click();
    await card.locator("[data-verdict]").waitFor();
    const link = card.getByTestId("open-in-lab");
    await link.waitFor({ timeout: 15_000 });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/lab\?q=q_[A-Za-z0-9_-]+&from=review%3Acan-a-reach-c%3AP3$/);
    await page.goto(href);
    await page.getByTestId("lab-question-note").waitFor();
    await page.locator("[data-testid=lab-verdict]").waitFor({ timeout: 15_000 });
    await context.close();
  }, 90_000);

  it("opens the classroom reveal's network in the lab, on the host's and a player's screen", async () => {
    const host = await newPage(browser, inject("baseURL"));
    const teacher = host.page;
    await teacher.goto("/classroom");
    for (const box of await teacher.locator('input[name="families"]').all())
      if ((await box.getAttribute("value")) !== "can-a-reach-c") await box.uncheck();
    await teacher.getByLabel("Questions", { exact: true }).fill("1");
    await teacher.getByLabel("Seconds per question").fill("300");
    await teacher.getByTestId("create-game").click();
    await teacher.locator('.classroom[data-phase="lobby"]').waitFor({ timeout: 15_000 });
    const code = (await teacher.getByTestId("join-code").textContent()) ?? "";
    const player = await newPage(browser, inject("baseURL"));
    await player.page.goto(`/classroom/join?code=${code}`);
    await player.page.getByLabel("Your name").fill("Ana");
    await player.page.getByTestId("join-game").click();
    await player.page.locator('.classroom[data-phase="lobby"]').waitFor({ timeout: 15_000 });
    await teacher.getByTestId("open-question").click();
    const form = player.page.getByTestId("answer-form");
    await form.waitFor({ timeout: 15_000 });
    // No lab link while the question is open.
    await expect(player.page.getByTestId("open-in-lab").count()).resolves.toBe(0);
    await form.locator("[data-option-id]").first().click();
    if ((await player.page.getByTestId("submit-answer").count()) > 0)
      await player.page.getByTestId("submit-answer").click();
    for (const page of [teacher, player.page]) {
      await page.locator('.classroom[data-phase="reveal"]').waitFor({ timeout: 15_000 });
      const href = (await page.getByTestId("open-in-lab").getAttribute("href")) ?? "";
      expect(href).toMatch(new RegExp(`^/lab\\?q=q_[A-Za-z0-9_-]+&from=classroom%3A${code}$`));
      const lab = await page.context().newPage();
      await lab.goto(href);
      await lab.getByTestId("lab-question-note").waitFor();
      await lab.close();
    }
    await host.context.close();
    await player.context.close();
  }, 120_000);

  for (const size of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`has no serious or critical axe violations at ${size.width} px, with an answer on screen`, async () => {
      const context = await browser.newContext({ baseURL: inject("baseURL"), viewport: size });
      const page = await context.newPage();
      await openLesson(page, "abc-peering-chain");
      await ask(page, "app-a", "app-c");
      await verdict(page, "no");
      const violations = await axeViolations(page);
      if (violations.length > 0) console.log(JSON.stringify(violations, null, 2));
      expect(violations.filter(isSerious)).toEqual([]);
      // Stacked on a phone: the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }, 60_000);
  }
});
