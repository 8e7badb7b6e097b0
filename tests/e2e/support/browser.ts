import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (no browser download ever happens). */
export const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps dialling Google hosts that this network refuses.
const launchArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs, headless: true });
}

/** A fresh context per test: its own cookies, so its own anonymous learner. */
export async function newPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}
