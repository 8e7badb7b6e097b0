// Proof that a change to the generator or the model leaves every generated question as it was (not part of npm run
// bench): `npx tsx bench/generator-hash.ts [seeds] [family,family] [root]` prints, per family, the first 16 hex
// digits of the sha256 of the JSON of generateQuestion over seeds s * 7919 + 13 (s = 1..seeds, default 300) at
// difficulties 1-3. Run it before and after a change; for a performance change every line must be equal. `root`
// (default: this checkout) lets one run hash another checkout, e.g. a worktree holding the base commit.
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const seeds = Number(process.argv[2] ?? 300);
const only = process.argv[3]?.split(",").filter((f) => f !== "");
const root = path.resolve(process.argv[4] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));

type Generate = (family: string, seed: number, difficulty: 1 | 2 | 3) => unknown;
const { generateQuestion } = (await import(path.join(root, "lib/scenario/generate.ts"))) as {
  generateQuestion: Generate;
};
const { familyNames } = (await import(path.join(root, "lib/scenario/registry.ts"))) as {
  familyNames: () => readonly string[];
};

for (const family of familyNames()) {
  if (only && only.length > 0 && !only.includes(family)) continue;
  const hash = createHash("sha256");
  for (let s = 1; s <= seeds; s += 1)
    for (const d of [1, 2, 3] as const)
      hash.update(JSON.stringify(generateQuestion(family, s * 7919 + 13, d)));
  console.log(family, hash.digest("hex").slice(0, 16));
}
