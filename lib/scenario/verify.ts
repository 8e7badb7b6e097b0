// Independent checks of a generated question: structural invariants for every family, and for model
// families a re-run of lib/net's analyze against the question's own topology and query. Used by the unit
// tests and by scripts/check-generator.ts (10,000 seeds per family).
import { analyze } from "../net/index";
import { normalizeOptionText } from "./options";
import { CHOOSE_TWO } from "./concept-fact-choose-two";
import { parseQuestionId, type Question } from "./question";
import { blockerText, isYesText } from "./reach-question";

/** Families whose options are model verdicts ("Yes ..." / "No: <blocker>") built by reach-question.ts. */
export const REACH_FAMILIES: ReadonlySet<string> = new Set([
  "can-a-reach-c",
  "filtering",
  "edge-to-edge",
  "hybrid",
]);

export function verifyQuestion(q: Question): string[] {
  const problems: string[] = [];
  const parsed = parseQuestionId(q.id);
  if (
    !parsed.ok ||
    parsed.value.family !== q.family ||
    parsed.value.seed !== q.seed ||
    parsed.value.difficulty !== q.difficulty
  ) {
    problems.push("id does not encode family, seed and difficulty");
  }
  const ids = q.options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) problems.push("duplicate option ids");
  const texts = q.options.map((o) => normalizeOptionText(o.text));
  if (new Set(texts).size !== texts.length) problems.push("two options with the same text");
  if (q.options.length < 2) problems.push("fewer than two options");
  if (q.multiSelect !== true && q.answer.length !== 1)
    problems.push(`single-select with ${q.answer.length} keys`);
  for (const key of q.answer) if (!ids.includes(key)) problems.push(`key ${key} is not an option`);
  problems.push(...chooseTwoProblems(q));
  for (const id of ids) if (!q.explanation.perOption[id]) problems.push(`no explanation for option ${id}`);
  if (REACH_FAMILIES.has(q.family)) {
    if (!q.topology || !q.query) problems.push("reach question without topology or query");
    else {
      const analysis = analyze(q.topology, q.query);
      const first = analysis.blockers[0];
      const expected = analysis.reachable || !first ? "Yes" : blockerText(first, q.topology);
      const key = q.options.find((o) => o.id === q.answer[0])?.text;
      if (analysis.reachable ? !isYesText(key ?? "") : key !== expected)
        problems.push(`key "${key ?? ""}" but analyze says "${expected}"`);
      const blockers = new Set(analysis.blockers.map((b) => blockerText(b, q.topology)));
      for (const o of q.options) {
        if (q.answer.includes(o.id)) continue;
        if (blockers.has(o.text)) problems.push(`wrong option is a real blocker: ${o.text}`);
        if (isYesText(o.text) && analysis.reachable)
          problems.push("'Yes' marked wrong but analyze says reachable");
      }
    }
  }
  if (q.family === "missing-piece" && q.topology && q.query && analyze(q.topology, q.query).reachable) {
    problems.push("missing-piece topology is reachable");
  }
  return problems;
}

/**
 * A "Choose two." stem promises a multiple-response item with exactly two keys among five options, as on AWS
 * exams; a multi-select question must say how many to pick, or a learner cannot know when to stop.
 */
function chooseTwoProblems(q: Question): string[] {
  const says = q.stem.endsWith(CHOOSE_TWO);
  if (!says) return q.multiSelect === true ? ["multi-select stem does not say how many to choose"] : [];
  const problems: string[] = [];
  if (q.multiSelect !== true) problems.push(`stem says ${CHOOSE_TWO} but the question is single-select`);
  if (new Set(q.answer).size !== 2)
    problems.push(`stem says ${CHOOSE_TWO} but the key has ${q.answer.length} options`);
  if (q.options.length !== 5)
    problems.push(`a ${CHOOSE_TWO} item shows five options, not ${q.options.length}`);
  return problems;
}
