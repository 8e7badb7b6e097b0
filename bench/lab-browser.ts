// The lab's edit -> verdict time as a learner sees it, in Chromium against a running production server:
// the lab page's analysis runs in its web worker, and the page reports each turn's time (request to answer,
// copying across postMessage and the cached diagram layout included) in [data-testid=lab-timing].
// Each turn is a form edit (remove the destination's first inbound security-group rule) or its undo.
//   npx tsx bench/lab-browser.ts <baseURL> [vpcs=50] [turns=30]
import { chromium, type Page } from "playwright-core";
import { topologyText } from "../lib/lab/topology-text";
import { setUp } from "./lab";
import { percentile } from "./report";

async function turnMs(page: Page, before: string | null): Promise<{ ms: number; where: string }> {
  const timing = page.getByTestId("lab-timing");
  await page.waitForFunction(
    (previous) => {
      const element = document.querySelector("[data-testid=lab-timing]");
      const status = document.querySelector("[data-testid=lab-status]")?.textContent ?? "";
      return element?.getAttribute("data-turn") !== previous && /reachable/.test(status);
    },
    before,
    { timeout: 120_000 },
  );
  return {
    ms: Number(await timing.getAttribute("data-ms")),
    where: (await timing.getAttribute("data-where")) ?? "?",
  };
}

export async function labInBrowser(baseURL: string, vpcs: number, turns: number) {
  const { topology, query, breakIt } = setUp(vpcs, 1);
  if (breakIt.kind !== "remove-sg-rule") throw new Error("unexpected edit");
  const browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await (
      await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
    ).newPage();
    await page.goto("/lab");
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    await page.getByTestId("lab-upload-topology").setInputFiles({
      name: "bench.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(topologyText(topology, "yaml")),
    });
    await page
      .locator("[data-testid=lab-status]", { hasText: "Opened bench.yaml" })
      .waitFor({ timeout: 300_000 });
    await page.getByTestId("lab-from").fill(query.from);
    await page.getByTestId("lab-to").fill(query.to);
    await page.getByTestId("lab-port").fill(String(query.port ?? ""));
    await page.getByTestId("lab-ask").click();
    await turnMs(page, null);
    await page.getByTestId("lab-edit-kind").selectOption("remove-sg-rule");
    await page.getByLabel("Security group").selectOption(breakIt.securityGroupId);
    const times: number[] = [];
    let where = "";
    for (let turn = 0; turn < turns; turn += 1) {
      const before = await page.getByTestId("lab-timing").getAttribute("data-turn");
      await (turn % 2 === 0 ? page.getByTestId("lab-edit-submit") : page.getByTestId("lab-undo")).click();
      const measured = await turnMs(page, before);
      times.push(measured.ms);
      where = measured.where;
    }
    const sorted = times.slice().sort((a, b) => a - b);
    return {
      suite: "lab",
      mode: "browser",
      where,
      vpcs,
      turns: times.length,
      medianMs: Math.round(percentile(sorted, 0.5) * 10) / 10,
      p95Ms: Math.round(percentile(sorted, 0.95) * 10) / 10,
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith("lab-browser.ts")) {
  const [baseURL = "http://127.0.0.1:3000", vpcs = "50", turns = "30"] = process.argv.slice(2);
  for (const size of vpcs.split(","))
    process.stdout.write(`${JSON.stringify(await labInBrowser(baseURL, Number(size), Number(turns)))}\n`);
}
