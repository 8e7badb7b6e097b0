// Compiles the command line (lib/cli/main.ts, everything it imports from lib/ and the packages it uses) into
// one ES module, dist/cli/reachable.mjs, so `npx reachable` starts as plain node instead of paying tsx's
// start-up on every run. Packages are bundled too: resolving and loading the hundreds of small modules of zod
// and yaml cost more start-up time than everything else together. Runs at install (postinstall), in
// `npm run build` and before the CLI tests; bin/reachable.js falls back to tsx when lib/ is newer than the build.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
await build({
  entryPoints: [`${root}lib/cli/main.ts`],
  outfile: `${root}dist/cli/reachable.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  legalComments: "none",
  minify: true,
  // CommonJS packages bundled into an ES module call require() for node built-ins; give them one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
