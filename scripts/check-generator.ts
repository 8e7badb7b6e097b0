// npx tsx scripts/check-generator.ts [seeds=10000] [family...]
// Generates `seeds` questions per family (spread over its difficulties), verifies each one (structure,
// key = analyze's verdict for model families, fix-it and flow-log cases re-checked), checks byte-for-byte
// reproduction on a sample, and prints per-family counts, key balance and time.
import { analyze } from "../lib/net/index";
import { flowLogCase } from "../lib/scenario/families/flow-log-diagnosis";
import { fixItCase } from "../lib/scenario/families/fix-it";
import { missingPieceCase, piecesThatDoNotMatter } from "../lib/scenario/families/missing-piece";
import { FAMILIES } from "../lib/scenario/registry";
import { verifyQuestion } from "../lib/scenario/verify";
import { missingFromExhibit, referenceFamily } from "../lib/scenario/exhibit-completeness";
import type { Difficulty, Question } from "../lib/scenario/question";

const seeds = Number(process.argv[2] ?? 10000);
const only = process.argv.slice(3);
let failures = 0;

function extraChecks(familyName: string, seed: number, difficulty: Difficulty): string[] {
  if (familyName === "fix-it") {
    const c = fixItCase(seed, difficulty);
    const out: string[] = [];
    if (!analyze(c.right.topology, c.question.query!).reachable) out.push("right fix does not fix");
    for (const w of c.wrong) if (analyze(w.result, c.question.query!).reachable) out.push(`wrong fix fixes: ${w.fix.description}`);
    return out;
  }
  if (familyName === "missing-piece") {
    return piecesThatDoNotMatter(missingPieceCase(seed, difficulty)).map((text) => `distractor piece does not matter: ${text}`);
  }
  if (familyName === "flow-log-diagnosis") {
    const c = flowLogCase(seed, difficulty);
    return analyze(c.hiddenTopology, c.question.query!).reachable ? ["hidden topology is reachable"] : [];
  }
  return [];
}

/**
 * Exhibit completeness (issue 12): every id and address an option names appears in the stem or the exhibit.
 * Counts the misses per reference family (sg, rtb, ipv4 …) into `misses`; returns one problem per question.
 */
function exhibitCompleteness(q: Question, misses: Map<string, number>): string[] {
  const missing = missingFromExhibit(q);
  for (const ref of missing) misses.set(referenceFamily(ref), (misses.get(referenceFamily(ref)) ?? 0) + 1);
  return missing.length > 0 ? [`options name what neither stem nor exhibit shows: ${missing.join(", ")}`] : [];
}

for (const family of FAMILIES.filter((f) => only.length === 0 || only.includes(f.name))) {
  const start = performance.now();
  const positions = new Map<number, number>();
  let yes = 0;
  let problems = 0;
  const exhibitMisses = new Map<string, number>();
  for (let i = 0; i < seeds; i += 1) {
    const difficulty = family.difficulties[i % family.difficulties.length] as Difficulty;
    const seed = i;
    let q: Question;
    try {
      q = family.generate(seed, difficulty);
    } catch (error) {
      problems += 1;
      if (problems <= 5) console.error(`${family.name} seed ${seed} d${difficulty}: threw ${(error as Error).message}`);
      continue;
    }
    const found = [...verifyQuestion(q), ...extraChecks(family.name, seed, difficulty), ...exhibitCompleteness(q, exhibitMisses)];
    if (i % 97 === 0 && JSON.stringify(family.generate(seed, difficulty)) !== JSON.stringify(q)) found.push("not reproducible");
    if (found.length > 0) {
      problems += 1;
      if (problems <= 5) console.error(`${q.id}: ${found.join("; ")}`);
    }
    const position = q.options.findIndex((o) => o.id === q.answer[0]);
    positions.set(position, (positions.get(position) ?? 0) + 1);
    if (q.options.find((o) => o.id === q.answer[0])?.text.startsWith("Yes") === true) yes += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  failures += problems;
  const spread = [...positions.entries()].sort((a, b) => a[0] - b[0]).map(([p, n]) => `${String.fromCharCode(97 + p)}:${n}`).join(" ");
  console.log(JSON.stringify({ family: family.name, seeds, problems, seconds: Number(seconds.toFixed(1)), keyPositions: spread, yesKeys: yes, exhibitMisses: Object.fromEntries(exhibitMisses) }));
}
process.exitCode = failures === 0 ? 0 : 1;
