// npx tsx scripts/check-generator.ts [seeds=10000] [family...]
// Generates `seeds` questions per family (spread over its difficulties), verifies each one (structure,
// key = analyze's verdict for model families, fix-it and flow-log cases re-checked), checks byte-for-byte
// reproduction on a sample, and prints per-family counts, key balance and time.
import { analyze } from "../lib/net/index";
import { flowLogCase } from "../lib/scenario/families/flow-log-diagnosis";
import { fixItCase } from "../lib/scenario/families/fix-it";
import { missingPieceCase, piecesThatDoNotMatter } from "../lib/scenario/families/missing-piece";
import { FAMILIES } from "../lib/scenario/registry";
import { decideEndpoint, type EndpointChoice } from "../lib/scenario/endpoint-rules";
import { endpointChoiceScenario } from "../lib/scenario/families/endpoint-choice";
import { requesterCanUse, type VpcResource } from "../lib/scenario/requester-reach";
import { edgeSituation } from "../lib/scenario/requester-situation";
import { YES_TEXT } from "../lib/scenario/reach-question";
import { verifyQuestion } from "../lib/scenario/verify";
import type { Difficulty, Question } from "../lib/scenario/question";

const seeds = Number(process.argv[2] ?? 10000);
const only = process.argv.slice(3);
let failures = 0;

// Cross-family consistency: one situation ("a requester in a peered VPC uses that VPC's NAT gateway"), one
// verdict. endpoint-choice decides by requester-reach.ts; edge-to-edge and can-a-reach-c by analyze. Every
// edge situation a model question shows is looked up in the same table: a "Yes" key where the table says the
// resource cannot be used (or the reverse for an endpoint-choice key) is a contradiction.
const situations = new Map<string, number>();
const CHOICE_RESOURCE: Partial<Record<EndpointChoice, VpcResource>> = {
  "gateway-endpoint": "gateway-endpoint",
  "interface-endpoint": "interface-endpoint",
  neither: "nat-gateway",
};

function consistencyChecks(q: Question): string[] {
  if (q.family === "endpoint-choice") {
    const scenario = endpointChoiceScenario(q.seed, q.difficulty);
    const answer = decideEndpoint(scenario).answer;
    const resource = answer !== undefined ? CHOICE_RESOURCE[answer] : undefined;
    if (scenario.role !== "consumer" || resource === undefined) return [];
    const key = `${q.family}: ${scenario.origin} uses ${resource}`;
    situations.set(key, (situations.get(key) ?? 0) + 1);
    return requesterCanUse(scenario.origin, resource).usable ? [] : [`endpoint-choice keys ${answer ?? ""} for a requester ${scenario.origin} that cannot use it`];
  }
  if (!q.topology || !q.query) return [];
  const situation = edgeSituation(q.topology, q.query);
  if (!situation) return [];
  const yes = q.options.find((o) => o.id === q.answer[0])?.text === YES_TEXT;
  const rule = requesterCanUse(situation.origin, situation.resource);
  const key = `${q.family}: ${situation.origin} uses ${situation.resource} -> ${yes ? "yes" : "no"}`;
  situations.set(key, (situations.get(key) ?? 0) + 1);
  return yes && !rule.usable ? [`key "Yes" but a requester ${situation.origin} cannot use the ${situation.resource} (${rule.rules.join(", ")})`] : [];
}

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

for (const family of FAMILIES.filter((f) => only.length === 0 || only.includes(f.name))) {
  const start = performance.now();
  const positions = new Map<number, number>();
  let yes = 0;
  let problems = 0;
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
    const found = [...verifyQuestion(q), ...extraChecks(family.name, seed, difficulty), ...consistencyChecks(q)];
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
  console.log(JSON.stringify({ family: family.name, seeds, problems, seconds: Number(seconds.toFixed(1)), keyPositions: spread, yesKeys: yes }));
}
console.log(JSON.stringify({ crossFamilySituations: Object.fromEntries([...situations.entries()].sort()) }));
process.exitCode = failures === 0 ? 0 : 1;
