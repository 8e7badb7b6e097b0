// `node scripts/query-paired.mjs <base-rev> [vpcs=1000] [rounds=4]`: paired A/B of the query median between
// <base-rev> and this worktree (bench/query-paired.ts says how). <base-rev>'s lib/ and bench/ are extracted into
// .bench/base (git archive), an entry that imports both builds is bundled with esbuild like scripts/bench.mjs does
// (packages external, no keepNames wrappers), and run; it prints one JSON line.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const [rev, vpcs = "1000", rounds = "4"] = process.argv.slice(2);
if (!rev) {
  process.stderr.write("usage: node scripts/query-paired.mjs <base-rev> [vpcs] [rounds]\n");
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const dir = `${root}.bench`;
fs.rmSync(`${dir}/base`, { recursive: true, force: true });
fs.mkdirSync(`${dir}/base`, { recursive: true });
const archive = execFileSync("git", ["-C", root, "archive", rev, "lib", "bench"], { maxBuffer: 1 << 30 });
execFileSync("tar", ["-x", "-C", `${dir}/base`], { input: archive });
const model = (lib) => `{
  parse: (input) => ${lib}.parseTopology(input),
  build: (topology) => ${lib}.buildNetwork(topology),
  reachable: (net, q) => ${lib}.analyze(net, q).reachable,
}`;
fs.writeFileSync(
  `${dir}/paired-entry.ts`,
  `import { pairedQueryMedians } from "../bench/query-paired";
import * as baseParse from "./base/lib/net/parse";
import * as baseNetwork from "./base/lib/net/network";
import * as baseReach from "./base/lib/net/reachability";
import * as parse from "../lib/net/parse";
import * as network from "../lib/net/network";
import * as reach from "../lib/net/reachability";
const A = { ...baseParse, ...baseNetwork, ...baseReach };
const B = { ...parse, ...network, ...reach };
console.log(JSON.stringify(pairedQueryMedians(${model("A")}, ${model("B")}, ${Number(vpcs)}, ${Number(rounds)})));
`,
);
await build({
  entryPoints: [`${dir}/paired-entry.ts`],
  outfile: `${dir}/paired.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const run = spawnSync(process.execPath, [`${dir}/paired.mjs`], { stdio: "inherit" });
process.exitCode = run.status ?? 1;
