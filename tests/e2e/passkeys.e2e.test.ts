// Passkeys in Chromium with a virtual authenticator (CDP WebAuthn domain): add a passkey to an account, sign out,
// study anonymously, sign back in with the passkey, and find the anonymous answer merged into the account.
// WebAuthn refuses IP addresses as relying-party ids, so the browser talks to the server as "localhost".
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage } from "./support/axe";
import { tickFirstOptions } from "./support/practice-choice";
import { launchBrowser, newPage } from "./support/browser";

async function answerOnePractice(page: Page): Promise<void> {
  await page.goto("/practice");
  await page.locator('input[name="questionLimit"]').fill("2");
  await page.getByTestId("start-practice").click();
  await page.getByTestId("practice-answer").waitFor();
  await tickFirstOptions(page);
  await page.getByTestId("submit").click();
  await page.locator("[data-verdict]").waitFor();
}

/** Distinct questions answered, summed over the readiness table's domains. */
async function answeredOnProgress(page: Page): Promise<number> {
  await page.goto("/progress");
  const cells = await page
    .locator('[data-testid="readiness"] tbody tr td:nth-child(2)')
    .evaluateAll((tds) => tds.map((td) => td.textContent));
  return cells.reduce((sum, text) => sum + Number(/of (\d+)/.exec(text)?.[1] ?? 0), 0);
}

describe("passkeys", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("adds a passkey, signs in with it after signing out, and keeps what was done anonymously meanwhile", async () => {
    const baseURL = inject("baseURL").replace("127.0.0.1", "localhost");
    const { context, page } = await newPage(browser, baseURL);
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await page.goto("/account");
    const signUp = page.getByTestId("sign-up");
    await signUp.getByLabel("Username").fill(`pk${Date.now().toString(36)}`);
    await signUp.getByLabel(/^Password/).fill("a long enough passphrase");
    await signUp.getByRole("button", { name: "Create an account" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    expect(await answeredOnProgress(page)).toBe(0);
    await page.goto("/account");
    await expect(page.getByTestId("passkey-count").textContent()).resolves.toMatch(/No passkey yet/);
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByText("Passkey added.").waitFor();
    // The count comes with the page's refresh after the notice, so wait for it rather than read it once.
    await expect
      .poll(async () => page.getByTestId("passkey-count").textContent(), { timeout: 10_000 })
      .toMatch(/^1 passkey\./);
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("sign-in").waitFor();
    // Anonymous again: one more answer in this browser, which the passkey sign-in must carry into the account.
    await answerOnePractice(page);
    expect(await answeredOnProgress(page)).toBe(1);
    const anonymousCookie = (await context.cookies()).find((c) => c.name === "reachable_learner")?.value;

    await page.goto("/account");
    const signedIn = page.waitForResponse(
      (r) =>
        r.url().endsWith("/account/api/passkey") && r.request().postData()?.includes('"sign-in"') === true,
    );
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    expect((await signedIn).status()).toBe(200);
    await page.getByTestId("signed-in-as").waitFor();
    const sessionCookie = (await context.cookies()).find((c) => c.name === "reachable_learner")?.value;
    expect(sessionCookie).not.toBe(anonymousCookie);
    // The account had answered nothing: the answer it shows now is the anonymous one, merged at sign-in.
    expect(await answeredOnProgress(page)).toBe(1);
    const { credentials: after } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(after[0]?.signCount).toBeGreaterThan(0);
    await context.close();
  });

  it("creates an account with a passkey and no password, keeps its last passkey, and removes a passkey of a password account", async () => {
    const baseURL = inject("baseURL").replace("127.0.0.1", "localhost");
    const { context, page } = await newPage(browser, baseURL);
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    // What the browser did before signing up becomes the account's.
    await answerOnePractice(page);
    const username = `pko${Date.now().toString(36)}`;
    await page.goto("/account");
    const form = page.getByTestId("passkey-sign-up");
    await form.getByLabel("Username").fill(username);
    await form.getByRole("button", { name: "Create with a passkey" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toContain(username);
    await page.getByTestId("passkey-only").waitFor();
    await expect(page.getByTestId("passkey-count").textContent()).resolves.toMatch(/^1 passkey\./);
    expect(await answeredOnProgress(page)).toBe(1);
    expect(await checkPage(page, "/account")).toEqual([]);

    // The only way in cannot be removed.
    await page.goto("/account");
    await page.getByRole("button", { name: /^Remove passkey 1/ }).click();
    // (Scoped to the list: Next's route announcer is an empty role="alert" too.)
    await page
      .getByTestId("passkey-list")
      .getByRole("alert")
      .filter({ hasText: /only way into your account/ })
      .waitFor();
    await expect(page.getByTestId("passkey-list").locator("li").count()).resolves.toBe(1);

    // No password opens it, whatever is typed.
    await page.getByRole("button", { name: "Sign out" }).click();
    const signIn = page.getByTestId("sign-in");
    await signIn.getByLabel("Username").fill(username);
    await signIn.getByLabel(/^Password/).fill("anything at all");
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await expect(signIn.getByRole("alert").textContent()).resolves.toMatch(/not right/);
    // The passkey does.
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    expect(await answeredOnProgress(page)).toBe(1);
    await context.close();

    // A password account may remove its passkey: the password still signs in.
    const second = await newPage(browser, baseURL);
    const cdp2 = await second.context.newCDPSession(second.page);
    await cdp2.send("WebAuthn.enable");
    await cdp2.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await second.page.goto("/account");
    const signUp = second.page.getByTestId("sign-up");
    await signUp.getByLabel("Username").fill(`pkr${Date.now().toString(36)}`);
    await signUp.getByLabel(/^Password/).fill("a long enough passphrase");
    await signUp.getByRole("button", { name: "Create an account" }).click();
    await second.page.getByTestId("signed-in-as").waitFor();
    await second.page.getByRole("button", { name: "Add a passkey" }).click();
    await second.page.getByTestId("passkey-list").waitFor();
    expect(await checkPage(second.page, "/account")).toEqual([]);
    await second.page.getByRole("button", { name: /^Remove passkey 1/ }).click();
    await expect
      .poll(async () => second.page.getByTestId("passkey-count").textContent(), { timeout: 10_000 })
      .toMatch(/No passkey yet/);
    await expect(second.page.getByTestId("passkey-list").count()).resolves.toBe(0);
    await second.context.close();
  });
});
