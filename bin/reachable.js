#!/usr/bin/env node
// `npx reachable …`: runs the compiled command line (dist/cli/reachable.mjs, built by scripts/build-cli.mjs at
// install and by `npm run build`). When a file under lib/ is newer than that build (a contributor editing the
// model), it runs the TypeScript sources through tsx instead, so the answer is never stale.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const compiled = `${root}dist/cli/reachable.mjs`;

function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const file = `${dir}/${entry.name}`;
    const ms = entry.isDirectory()
      ? newestSourceMs(file)
      : entry.name.endsWith(".ts")
        ? statSync(file).mtimeMs
        : 0;
    if (ms > newest) newest = ms;
  }
  return newest;
}

if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSourceMs(`${root}lib`)) {
  await import(compiled);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../lib/cli/main.ts");
}
