// The lab's edit -> verdict time as a learner sees it, in Chromium against the production server. Each turn
// is a form edit (remove the destination's first inbound security-group rule) or its undo, and gives two
// figures:
//   - the turn as the page reports it in [data-testid=lab-timing] (request to answer: the analysis in the
//     web worker, or on the server at /lab/api, and the copying across postMessage or HTTP);
//   - click -> verdict painted: from the click's event to the first frame after React shows the answer.
// `where: "server"` runs the page without `Worker` (as in a browser that cannot start one), so every turn
// goes to /lab/api: the fallback, measured the same way. The server refuses texts over 1,000,000
// characters (about 190 VPCs), so that path has no 500-VPC line.
//   npx tsx bench/lab-browser.ts <baseURL> [vpcs=50] [turns=30] [worker|server]
//   npm run bench -- [--json] [--lab-sizes 5,50,500] [--no-lab] [--no-lab-server]  (starts the server itself)
import os from "node:os";
import { chromium, type Page } from "playwright-core";
import { topologyText } from "../lib/lab/topology-text";
import { setUp } from "./lab";
import { hasBuild, startServer } from "./next-server";
import { percentile } from "./report";

type Where = "worker" | "server";

export type LabBrowserRow = {
  suite: "lab";
  mode: "browser";
  where: Where;
  vpcs: number;
  turns: number;
  /** The turn as the page reports it (ms). */
  medianMs: number;
  p95Ms: number;
  /** Click -> the verdict painted (ms). */
  paintMedianMs: number;
  paintP95Ms: number;
  /** The first open (parse, analysis and the diagram's layout) of the uploaded file, ms. */
  openMs: number;
  loadAverage: number[];
  target?: { vpcs: 50; p95Ms: 50 };
};

/** Watches the page: when the turn counter changes, the time since the last click once the next frame is drawn. */
async function watchPaint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { labClick?: number; labPainted?: { turn: string; ms: number } };
    document.addEventListener("click", () => (scope.labClick = performance.now()), true);
    const timing = document.querySelector("[data-testid=lab-timing]");
    if (!timing) throw new Error("no lab-timing element");
    new MutationObserver(() => {
      const clicked = scope.labClick ?? performance.now();
      const turn = timing.getAttribute("data-turn") ?? "";
      requestAnimationFrame(() =>
        setTimeout(() => (scope.labPainted = { turn, ms: performance.now() - clicked }), 0),
      );
    }).observe(timing, { attributes: true, attributeFilter: ["data-turn"] });
  });
}

async function turnMs(
  page: Page,
  before: string | null,
): Promise<{ ms: number; painted: number; where: string }> {
  const handle = await page.waitForFunction(
    (previous) => {
      const element = document.querySelector("[data-testid=lab-timing]");
      const status = document.querySelector("[data-testid=lab-status]")?.textContent ?? "";
      const turn = element?.getAttribute("data-turn");
      const painted = (window as unknown as { labPainted?: { turn: string; ms: number } }).labPainted;
      return turn !== previous && /reachable/.test(status) && painted && painted.turn === turn
        ? {
            ms: Number(element?.getAttribute("data-ms")),
            painted: painted.ms,
            where: element?.getAttribute("data-where") ?? "?",
          }
        : false;
    },
    before,
    { timeout: 600_000 },
  );
  return (await handle.jsonValue()) as { ms: number; painted: number; where: string };
}

const round = (x: number): number => Math.round(x * 10) / 10;

export async function labInBrowser(
  baseURL: string,
  vpcs: number,
  turns: number,
  where: Where = "worker",
): Promise<LabBrowserRow> {
  const { topology, query, breakIt } = setUp(vpcs, 1);
  if (breakIt.kind !== "remove-sg-rule") throw new Error("unexpected edit");
  const browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
    // Without a Worker constructor the page sends every turn to /lab/api (lab-engine.ts).
    if (where === "server")
      await context.addInitScript(() => {
        delete (window as unknown as { Worker?: unknown }).Worker;
      });
    const page = await context.newPage();
    await page.goto("/lab");
    await page.locator("[data-testid=lab-status]", { hasText: "Network opened" }).waitFor();
    const opening = performance.now();
    await page.getByTestId("lab-upload-topology").setInputFiles({
      name: "bench.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(topologyText(topology, "yaml")),
    });
    await page
      .locator("[data-testid=lab-status]", { hasText: "Opened bench.yaml" })
      .waitFor({ timeout: 600_000 });
    const openMs = performance.now() - opening;
    await watchPaint(page);
    await page.getByTestId("lab-from").fill(query.from);
    await page.getByTestId("lab-to").fill(query.to);
    await page.getByTestId("lab-port").fill(String(query.port ?? ""));
    const asked = await page.getByTestId("lab-timing").getAttribute("data-turn");
    await page.getByTestId("lab-ask").click();
    await turnMs(page, asked);
    await page.getByTestId("lab-edit-kind").selectOption("remove-sg-rule");
    await page.getByLabel("Security group").selectOption(breakIt.securityGroupId);
    const times: number[] = [];
    const painted: number[] = [];
    let seen = "";
    for (let turn = 0; turn < turns; turn += 1) {
      const before = await page.getByTestId("lab-timing").getAttribute("data-turn");
      await (turn % 2 === 0 ? page.getByTestId("lab-edit-submit") : page.getByTestId("lab-undo")).click();
      const measured = await turnMs(page, before);
      times.push(measured.ms);
      painted.push(measured.painted);
      seen = measured.where;
    }
    if (seen !== where) throw new Error(`lab bench: the turns ran on the ${seen}, not the ${where}`);
    const sorted = times.slice().sort((a, b) => a - b);
    const paintSorted = painted.slice().sort((a, b) => a - b);
    return {
      suite: "lab",
      mode: "browser",
      where,
      vpcs,
      turns: times.length,
      medianMs: round(percentile(sorted, 0.5)),
      p95Ms: round(percentile(sorted, 0.95)),
      paintMedianMs: round(percentile(paintSorted, 0.5)),
      paintP95Ms: round(percentile(paintSorted, 0.95)),
      openMs: Math.round(openMs),
      loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
      ...(vpcs === 50 && where === "worker" ? { target: { vpcs: 50, p95Ms: 50 } as const } : {}),
    };
  } finally {
    await browser.close();
  }
}

/** Turns per size: fewer for 500 VPCs, where one turn takes seconds. */
const turnsFor = (vpcs: number): number => (vpcs >= 500 ? 6 : 30);

/** The server path refuses texts over 1,000,000 characters (app/lab/schema.ts). */
const SERVER_MAX_VPCS = 190;

async function main(argv: readonly string[]): Promise<void> {
  const value = (flag: string) => {
    const i = argv.lastIndexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  if (argv[0]?.startsWith("http")) {
    const [baseURL = "", vpcs = "50", turns = "30", where = "worker"] = argv;
    for (const size of vpcs.split(","))
      process.stdout.write(
        `${JSON.stringify(await labInBrowser(baseURL, Number(size), Number(turns), where as Where))}\n`,
      );
    return;
  }
  if (argv.includes("--no-lab")) return;
  const root = process.cwd();
  if (!hasBuild(root)) {
    process.stderr.write("lab browser suite skipped: no production build (run `npm run build` first)\n");
    return;
  }
  const sizes = (value("--lab-sizes") ?? "5,50,500").split(",").map(Number);
  const server = await startServer(root, "lab");
  const rows: LabBrowserRow[] = [];
  try {
    for (const vpcs of sizes) {
      rows.push(await labInBrowser(server.baseURL, vpcs, turnsFor(vpcs), "worker"));
      if (!argv.includes("--no-lab-server") && vpcs <= SERVER_MAX_VPCS)
        rows.push(await labInBrowser(server.baseURL, vpcs, turnsFor(vpcs), "server"));
    }
  } finally {
    server.stop();
  }
  if (argv.includes("--json")) {
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    return;
  }
  process.stdout.write(
    "\nLab in Chromium (production server; ms per edit; target: 50 VPCs <= 50 ms at p95 in the worker):\n",
  );
  for (const row of rows)
    process.stdout.write(
      `  ${row.where.padEnd(7)} ${String(row.vpcs).padStart(5)} VPCs  turn median ${String(row.medianMs).padStart(8)}  p95 ${String(row.p95Ms).padStart(8)}   click->painted median ${String(row.paintMedianMs).padStart(8)}  p95 ${String(row.paintP95Ms).padStart(8)}  (load ${row.loadAverage.join(" ")})\n`,
    );
}

const entry = process.argv[1] ?? "";
if (entry.endsWith("lab-browser.ts") || entry.endsWith("lab-browser.mjs")) await main(process.argv.slice(2));
