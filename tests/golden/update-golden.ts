// Rewrites tests/golden/golden.json from the current generator. Run only after reading the changed entries
// (git diff) against the rule catalogue: npx tsx tests/golden/update-golden.ts
import { writeFileSync } from "node:fs";
import { findFamily } from "../../lib/scenario/registry";
import { goldenCoordinates, keyOf, outputSliceHash, reasonOf, type GoldenEntry } from "./golden-set";
import { must } from "../support/must";

const entries: GoldenEntry[] = goldenCoordinates().map(({ family, seed, difficulty }) => {
  const q = must(findFamily(family)).generate(seed, difficulty);
  return { family, seed, difficulty, key: keyOf(q), reason: reasonOf(q) };
});
const file = new URL("./golden.json", import.meta.url);
writeFileSync(file, `${JSON.stringify({ outputSliceSha256: outputSliceHash(), entries }, null, 1)}\n`);
console.log(`${entries.length} entries written`);
