// `npm run bench` suite "cli": wall time of whole `reachable` commands as a user runs them (a fresh node
// process each time), next to `node -e 0`, the floor no command can beat. Run by scripts/bench.mjs after the
// model and generator suites; `--no-cli` skips it, `--json` prints one JSON object per command.
// Targets: analyze on a small topology <= 400 ms, quiz --count 1 <= 500 ms. The machine is shared,
// so the ratio to the floor is printed beside the milliseconds.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const json = argv.includes("--json");
const runs = Number(argv[argv.lastIndexOf("--cli-runs") + 1] ?? 15) || 15;

spawnSync(process.execPath, [`${root}scripts/build-cli.mjs`], { stdio: "inherit" });

const COMMANDS = [
  {
    command: "analyze",
    args: [
      "analyze",
      "--topology",
      "content/topologies/abc-peering-chain.yaml",
      "--from",
      "app-a",
      "--to",
      "app-b",
      "--port",
      "443",
    ],
    targetMs: 400,
  },
  {
    command: "validate",
    args: ["validate", "--topology", "content/topologies/abc-peering-chain.yaml"],
    targetMs: 400,
  },
  {
    command: "quiz",
    args: ["quiz", "--family", "can-a-reach-c", "--count", "1", "--seed", "42"],
    targetMs: 500,
  },
];

function wallMs(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`bench cli: ${args.join(" ")} exited ${child.status}: ${child.stderr.split("\n")[0]}`);
  return ms;
}

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Interleaved (floor, command, floor, command, …) so that a burst of load on the shared machine hits both.
for (const { command, args, targetMs } of COMMANDS) {
  const floor = [];
  const timed = [];
  wallMs(["bin/reachable.js", ...args]); // warm the page cache
  for (let i = 0; i < runs; i += 1) {
    floor.push(wallMs(["-e", "0"]));
    timed.push(wallMs(["bin/reachable.js", ...args]));
  }
  const medianMs = Math.round(medianOf(timed) * 10) / 10;
  const nodeFloorMs = Math.round(medianOf(floor) * 10) / 10;
  const ratio = Math.round((medianMs / nodeFloorMs) * 100) / 100;
  if (json)
    console.log(JSON.stringify({ suite: "cli", command, medianMs, nodeFloorMs, ratio, targetMs, runs }));
  else
    console.log(
      `cli ${command.padEnd(8)} median ${medianMs} ms  (node -e 0: ${nodeFloorMs} ms, x${ratio})  target <= ${targetMs} ms`,
    );
}
