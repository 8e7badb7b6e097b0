// Passkeys in Chromium with a virtual authenticator (CDP WebAuthn domain): add a passkey to an account, sign out,
// study anonymously, sign back in with the passkey, and find the anonymous answer merged into the account.
// WebAuthn refuses IP addresses as relying-party ids, so the browser talks to the server as "localhost".
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser";

async function answerOnePractice(page: Page): Promise<void> {
  await page.goto("/practice");
  await page.locator('input[name="questionLimit"]').fill("2");
  await page.getByTestId("start-practice").click();
  await page.getByTestId("practice-answer").waitFor();
  await page.locator('[data-testid="practice-answer"] label.option').first().click();
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
});
