// How many different questions a family asks over N seeds per family and difficulty. Two counts:
// - text: distinct stem + option set (options sorted, so a reordering counts as the same question);
// - skeleton: the same with resource names, AWS ids, addresses and numbers masked, so two seeds that ask the same
//   thing about renamed resources count once (what a candidate who meets the family twice would recognise).
// - problems: problemSignature (question-metrics.ts), for questions with a topology (0 without);
// - stems: the masked stem alone (the scenario as told, whatever the options), the count of scenario types.
// Usage: npx tsx scripts/distinct-questions.ts [N] [family]
import { FAMILIES } from "../lib/scenario/registry";
import type { Question } from "../lib/scenario/question";
import { problemSignature } from "../lib/scenario/question-metrics";

function names(q: Question): string[] {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (k === "name" && typeof x === "string" && x.length > 2) out.add(x);
        else visit(x);
      }
  };
  visit(q.topology);
  return [...out].sort((a, b) => b.length - a.length);
}

function skeleton(q: Question, text: string): string {
  let s = text;
  for (const n of names(q)) s = s.split(n).join("N");
  return s
    .replace(/\b[a-z]+(?:-[a-z]+)*-[0-9a-f]{8,17}\b/g, "ID")
    .replace(/\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d+)?/g, "IP6")
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d+)?\b/g, "IP")
    .replace(/\b\d+\b/g, "#");
}

const n = Number(process.argv[2] ?? 1000);
const only = process.argv[3];
for (const family of FAMILIES) {
  if (only && family.name !== only) continue;
  const cells: string[] = [];
  for (const difficulty of family.difficulties) {
    const text = new Set<string>();
    const skel = new Set<string>();
    const problems = new Set<string>();
    const stems = new Set<string>();
    for (let seed = 0; seed < n; seed += 1) {
      const q = family.generate(seed, difficulty);
      const opts = q.options.map((o) => o.text);
      text.add(JSON.stringify([q.stem, [...opts].sort()]));
      skel.add(JSON.stringify([skeleton(q, q.stem), opts.map((o) => skeleton(q, o)).sort()]));
      if (q.topology) problems.add(problemSignature(q));
      stems.add(skeleton(q, q.stem));
    }
    cells.push(
      `d${difficulty} ${String(text.size).padStart(4)}/${String(skel.size).padStart(4)}/${String(problems.size).padStart(3)}/${String(stems.size).padStart(4)}`,
    );
  }
  console.log(
    `${family.name.padEnd(20)} ${cells.join("  ")}   (text/skeleton/problems/stems, ${n} seeds each)`,
  );
}
