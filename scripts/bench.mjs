// `npm run bench [-- options]`: bundle bench/run.ts with esbuild, then run the bundle with --expose-gc (heap
// figures are after a full GC). Why a bundle rather than tsx: tsx transpiles with esbuild's keepNames, which
// wraps every named function and class in a naming helper, about 0.5 µs per closure created; the app runs
// code compiled by Next (SWC) that has no such wrapper. Measuring through tsx made the model and the
// generator look 20-40% slower than the code users run. Packages stay external (node_modules as installed).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}.bench/run.mjs`;
await build({
  entryPoints: [`${root}bench/run.ts`],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "inline",
  logLevel: "warning",
});
const args = process.argv.slice(2);
if (!args.includes("--only-web")) {
  const child = spawnSync(process.execPath, ["--expose-gc", "--enable-source-maps", outfile, ...args], {
    stdio: "inherit",
  });
  process.exitCode = child.status ?? 1;
}
// The web suite (bench/web.ts) drives the production server; --no-web leaves it out, --only-web runs it alone.
if (!args.includes("--no-web") && (process.exitCode ?? 0) === 0) {
  await build({
    entryPoints: [`${root}bench/web.ts`],
    outfile: `${root}.bench/web.mjs`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  const web = spawnSync(process.execPath, [`${root}.bench/web.mjs`, ...args], {
    stdio: "inherit",
    cwd: root,
  });
  process.exitCode = web.status ?? 1;
}
// The lab in the browser (bench/lab-browser.ts): edit -> verdict in Chromium against the production server, at
// 5, 50 and 500 VPCs (--lab-sizes), in the page's web worker and through /lab/api. --no-lab leaves it out (with the
// model-only lab lines of run.ts), --no-lab-browser only this part; it skips itself without a build.
if (
  (process.exitCode ?? 0) === 0 &&
  !args.includes("--no-lab") &&
  !args.includes("--no-lab-browser") &&
  !args.includes("--only-web")
) {
  await build({
    entryPoints: [`${root}bench/lab-browser.ts`],
    outfile: `${root}.bench/lab-browser.mjs`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  const lab = spawnSync(process.execPath, [`${root}.bench/lab-browser.mjs`, ...args], {
    stdio: "inherit",
    cwd: root,
  });
  process.exitCode = lab.status ?? 1;
}
if ((process.exitCode ?? 0) === 0 && !args.includes("--no-cli") && !args.includes("--only-web")) {
  const cli = spawnSync(process.execPath, [`${root}bench/cli-startup.mjs`, ...args], { stdio: "inherit" });
  process.exitCode = cli.status ?? 1;
}
// The classroom suite (bench/classroom-load.mjs): a room of 100, 500 and 1,000 players against the production
// server. --no-classroom or REACHABLE_BENCH_SKIP_CLASSROOM=1 leaves it out; it skips itself without a build.
if (
  (process.exitCode ?? 0) === 0 &&
  !args.includes("--no-classroom") &&
  !args.includes("--only-web") &&
  process.env.REACHABLE_BENCH_SKIP_CLASSROOM !== "1"
) {
  const classroom = spawnSync(process.execPath, [`${root}bench/classroom-load.mjs`, ...args], {
    stdio: "inherit",
    cwd: root,
  });
  process.exitCode = classroom.status ?? 1;
}
