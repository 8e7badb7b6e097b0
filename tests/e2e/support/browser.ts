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

/** A device a test opens: a laptop unless told; narrower than 500 px it is a touch phone. */
export type Device = { readonly width?: number | undefined; readonly height?: number | undefined };

/** The browser of one test file and every device it opened, each a fresh context (its own learner). */
export type Devices = {
  /** Starts the browser (in beforeAll). */
  launch(): Promise<void>;
  /** A page in a new context at the test server's base URL, closed with the rest by `close`. */
  open(device?: Device): Promise<Page>;
  /** Closes every device opened (one a test closed itself is skipped) and the browser (in afterAll). */
  close(): Promise<void>;
};

/**
 * One set-up for the files that play several browsers at once (a teacher's laptop and players' phones): the
 * launch, the list of contexts and the closing loop each of them used to repeat. `baseURL` is read when a device
 * opens, as inject() gives it inside a test.
 */
export function devices(baseURL: () => string): Devices {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  return {
    async launch() {
      browser = await launchBrowser();
    },
    async open({ width = 1280, height = 900 } = {}) {
      if (browser === null) throw new Error("devices: launch() the browser first (in beforeAll)");
      const context = await browser.newContext({
        baseURL: baseURL(),
        viewport: { width, height },
        ...(width < 500 ? { isMobile: true, hasTouch: true } : {}),
      });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
      await browser?.close();
      browser = null;
    },
  };
}
