// `node --import ./bench/server-only.mjs …` lets a bench import lib/db/ outside Next: lib/db starts with
// `import "server-only"`, a module Next resolves itself (empty on the server); this hook resolves it the same way.
import { register } from "node:module";

const empty = new URL("../node_modules/next/dist/compiled/server-only/empty.js", import.meta.url).href;

export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: empty, shortCircuit: true } : next(specifier, context);
}

register(import.meta.url);
