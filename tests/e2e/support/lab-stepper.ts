import type { Page } from "playwright-core";

/** The ids of the lab diagram's nodes marked on the path (or blocked) now. */
export async function markedNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".lab-diagram .dg-node.dg-on-path, .lab-diagram .dg-node.dg-blocked")].map(
      (node) => node.getAttribute("data-node-id") ?? "",
    ),
  );
}

/**
 * Where the stepper and the hop it just named are on screen: `newest` is the smallest node marked now that was not
 * marked before the step (null when the hop marks no new node, e.g. a network ACL met a second time).
 */
export async function stepView(
  page: Page,
  markedBefore: readonly string[],
): Promise<{
  scrollY: number;
  height: number;
  stepperTop: number;
  stepperBottom: number;
  steppers: number;
  newest: { top: number; bottom: number } | null;
}> {
  return page.evaluate((before) => {
    const stepper = document.querySelector(".lab-stepper")?.getBoundingClientRect();
    const fresh = [
      ...document.querySelectorAll(".lab-diagram .dg-node.dg-on-path, .lab-diagram .dg-node.dg-blocked"),
    ]
      .filter((node) => !before.includes(node.getAttribute("data-node-id") ?? ""))
      .map((node) => node.getBoundingClientRect())
      .filter((box) => box.width > 0)
      .sort((a, b) => a.width * a.height - b.width * b.height);
    const newest = fresh[0];
    return {
      scrollY: window.scrollY,
      height: window.innerHeight,
      stepperTop: stepper?.top ?? Number.NaN,
      stepperBottom: stepper?.bottom ?? Number.NaN,
      steppers: document.querySelectorAll(".lab-stepper").length,
      newest: newest ? { top: newest.top, bottom: newest.bottom } : null,
    };
  }, markedBefore);
}

/** Opens the lab, waits for its first network, then opens one of its example networks by id and waits for it. */
export async function openLabExample(page: Page, example: string): Promise<void> {
  await page.goto("/lab");
  await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor({ timeout: 15_000 });
  await page.getByTestId("lab-open-choice").selectOption(example);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await page
    .locator("[data-testid=lab-status]", { hasText: `Opened ${example}` })
    .waitFor({ timeout: 15_000 });
}
