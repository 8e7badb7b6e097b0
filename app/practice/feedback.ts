// What the learner sees once the server has graded a practice answer: the verdict, the key, the explanation,
// the model's path on the diagram and that path in words. One function builds it for both the answer request
// (JSON, so one request per answer) and a reload of the page (server-rendered), so both show the same thing.
import { highlightFromAnalysis, topologyToDiagram } from "@/lib/diagram/from-topology";
import type { PathMark } from "@/lib/diagram/diagram";
import { answerOutcome, type AnswerOutcome } from "@/lib/grading/outcome";
import type { Analysis } from "@/lib/net";
import { analyze } from "@/lib/net/reachability";
import type { Question } from "@/lib/scenario/question";

export type PracticeFeedback = {
  readonly questionId: string;
  readonly correct: boolean;
  readonly response: readonly string[];
  readonly key: readonly string[];
  readonly solution: AnswerOutcome["solution"];
  /** Marks on the diagram, as entries so that the JSON reply can carry them. */
  readonly highlight?: {
    readonly nodes: readonly (readonly [string, PathMark])[];
    readonly edges: readonly (readonly [string, PathMark])[];
  };
  /** "app-a → app-c: not reachable — …", shown under the diagram. */
  readonly pathVerdict?: { readonly text: string; readonly reachable: boolean };
  /** The diagram's text alternative after answering: the path and the blocker, by name. */
  readonly diagramText?: string;
};

function hopName(hop: Analysis["forward"][number]): string {
  return hop.component.name ?? hop.component.id;
}

/** The forward path in words, each component once, in the order the packet met it. */
export function describePath(analysis: Analysis): string {
  const names: string[] = [];
  for (const hop of analysis.forward) {
    const name = hopName(hop);
    if (names[names.length - 1] !== name) names.push(name);
  }
  const blocker = analysis.blockers[0];
  const path = names.length > 0 ? `Path: ${names.join(" → ")}.` : "No path.";
  return analysis.reachable
    ? `${path} The traffic arrives.`
    : `${path} Blocked at ${blocker?.component ?? "an unknown point"}: ${blocker?.message ?? "no route"}.`;
}

export function practiceFeedback(question: Question, response: readonly string[]): PracticeFeedback {
  const outcome = answerOutcome(question, response, "always");
  const base = {
    questionId: question.id,
    correct: outcome.correct,
    response: [...response],
    key: outcome.solution?.key ?? [...question.answer],
    solution: outcome.solution,
  };
  if (!question.topology || !question.query) return base;
  const analysis = analyze(question.topology, question.query);
  const highlight = highlightFromAnalysis(question.topology, topologyToDiagram(question.topology), analysis);
  const blocker = analysis.blockers[0]?.message ?? "no path";
  return {
    ...base,
    highlight: { nodes: [...highlight.nodes.entries()], edges: [...highlight.edges.entries()] },
    pathVerdict: {
      text: `${question.query.from} → ${question.query.to}: ${analysis.reachable ? "reachable" : `not reachable — ${blocker}`}`,
      reachable: analysis.reachable,
    },
    diagramText: describePath(analysis),
  };
}
