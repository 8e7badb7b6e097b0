// A transit gateway diagram on a 390×844 phone: the lesson's "Try it" cards and the lab's tgw-hub were drawn 447
// and 652-1,006 px wide and cut at the screen's right edge (the hub and what sits right of it needed a sideways
// scroll nothing hinted at). The phone now gets the stacked layout (lib/diagram/narrow.ts): it must fit the
// screen at its own size (11-12 px labels), the page must not scroll sideways, and the lab's hop highlight must
// show on it. Desktop keeps the wide layout.
import type { Page } from "playwright-core";
import { openLabExample } from "./support/lab-stepper";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devices } from "./support/browser";

const PHONE = { width: 390, height: 844 };

type Drawn = {
  shown: number;
  layout: string | null;
  right: number;
  scale: number;
  overflow: number;
  tgwRight: number | null;
  hintShown: boolean;
};

/** Each diagram holding a transit gateway: which drawing is shown, where it ends and whether it is scaled. */
async function transitGatewayDiagrams(page: Page, scope: string): Promise<Drawn[]> {
  return page.locator(scope).evaluateAll((figures) =>
    figures
      .filter((figure) => figure.querySelector(".dg-tgw") !== null)
      .map((figure) => {
        const shown = [...figure.querySelectorAll("svg")].filter(
          (svg) => svg.getBoundingClientRect().width > 0,
        );
        const svg = shown[0];
        const box = svg?.getBoundingClientRect();
        const scroller = figure.querySelector<HTMLElement>(".diagram-scroll");
        const tgw = svg?.querySelector(".dg-tgw rect")?.getBoundingClientRect();
        const hint = figure.querySelector<HTMLElement>(".scroll-hint");
        return {
          shown: shown.length,
          layout: svg?.getAttribute("data-layout") ?? null,
          right: box ? box.right : Number.NaN,
          scale: box && svg ? box.width / svg.viewBox.baseVal.width : Number.NaN,
          overflow: scroller ? scroller.scrollWidth - scroller.clientWidth : 0,
          tgwRight: tgw ? tgw.right : null,
          hintShown: hint !== null && hint.getBoundingClientRect().height > 0,
        };
      }),
  );
}

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

function expectFits(drawn: Drawn[], where: string): void {
  expect(drawn.length, where).toBeGreaterThan(0);
  for (const [index, diagram] of drawn.entries()) {
    const name = `${where} #${index}: ${JSON.stringify(diagram)}`;
    expect(diagram.shown, name).toBe(1);
    expect(diagram.layout, name).toBe("narrow");
    expect(diagram.right, name).toBeLessThanOrEqual(PHONE.width);
    expect(diagram.tgwRight, name).not.toBeNull();
    expect(diagram.tgwRight ?? Infinity, name).toBeLessThanOrEqual(PHONE.width);
    // Drawn at its own size: the labels stay 11-12 px.
    expect(diagram.scale, name).toBeCloseTo(1, 2);
    expect(diagram.overflow, name).toBeLessThanOrEqual(1);
    expect(diagram.hintShown, name).toBe(false);
  }
}

describe("transit gateway diagrams on a phone", () => {
  const device = devices(() => inject("baseURL"));
  beforeAll(() => device.launch());
  afterAll(() => device.close());

  it("a lesson's Try it card and its example networks fit the screen, hub included", async () => {
    const page = await device.open(PHONE);
    await page.goto("/lessons/transit-gateway");
    const tryIts = await transitGatewayDiagrams(page, "section.try-it [data-testid=topology-diagram]");
    expectFits(tryIts, "try-it");
    expectFits(await transitGatewayDiagrams(page, "[data-testid=topology-diagram]"), "lesson");
    await expect(pageOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: "/tmp/diagram-phone-lesson.png", fullPage: false });
  });

  it("the lab's tgw-hub fits, and its path and hop highlight show on the stacked drawing", async () => {
    const page = await device.open(PHONE);
    await openLabExample(page, "tgw-hub");
    await page.getByTestId("lab-from").fill("host-1");
    await page.getByTestId("lab-to").fill("host-2");
    await page.getByTestId("lab-port").fill("443");
    await page.getByTestId("lab-ask").click();
    await page.locator("[data-testid=lab-verdict][data-reachable=yes]").waitFor({ timeout: 15_000 });

    expectFits(await transitGatewayDiagrams(page, ".lab-diagram [data-testid=topology-diagram]"), "lab");
    await expect(pageOverflow(page)).resolves.toBeLessThanOrEqual(0);
    const narrow = page.locator(".lab-diagram svg[data-layout=narrow]");
    // The whole path: both hosts, both attachments and the hub.
    for (const id of ["i-1", "i-2", "tgw-hub"])
      await expect(narrow.locator(`[data-node-id="${id}"].dg-on-path`).count(), id).resolves.toBe(1);
    for (const id of ["tgw-attach-1", "tgw-attach-2"])
      await expect(narrow.locator(`[data-edge-id="${id}"].dg-on-path`).count(), id).resolves.toBe(1);

    // Stepping marks one hop at a time on the same drawing.
    await page.getByTestId("lab-next-hop").click();
    await expect(page.getByTestId("lab-hop-now").textContent()).resolves.toMatch(/^Hop 1 of \d+/);
    await expect(narrow.locator("[data-node-id].dg-on-path").count()).resolves.toBeGreaterThan(0);
    await expect(narrow.locator('[data-node-id="i-2"].dg-on-path').count()).resolves.toBe(0);
    await page.locator(".lab-diagram").screenshot({ path: "/tmp/diagram-phone-lab.png" });
  });

  it("desktop keeps the wide layout", async () => {
    const page = await device.open({ width: 1280, height: 800 });
    await page.goto("/lessons/transit-gateway");
    const drawn = await transitGatewayDiagrams(page, "[data-testid=topology-diagram]");
    expect(drawn.length).toBeGreaterThan(0);
    for (const diagram of drawn) {
      expect(diagram.shown, JSON.stringify(diagram)).toBe(1);
      expect(diagram.layout, JSON.stringify(diagram)).toBeNull();
    }
  });
});
