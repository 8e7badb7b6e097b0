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

type Ref = Analysis["forward"][number]["component"];

/** A component by the name the learner sees on the diagram; an unnamed one by what it is, never by its id. */
function componentName(ref: Ref): string {
  if (ref.name !== undefined && ref.name !== "") return ref.name;
  if (ref.type === "network-acl" && ref.id.startsWith("acl-default-")) return "the VPC's default network ACL";
  return `a ${ref.type.replace(/-/g, " ")}`;
}

/** The name of the component a blocker names: from the trace's hops, else from the topology, else its kind. */
function blockerName(analysis: Analysis, id: string, topology: unknown): string {
  const hop = [...analysis.forward, ...analysis.return].find((candidate) => candidate.component.id === id);
  if (hop) return componentName(hop.component);
  const named = findName(topology, id, 0);
  return named ?? "a component of the network";
}

/** The `name` of the topology object whose `id` is this one (the topology is plain data). */
function findName(value: unknown, id: string, depth: number): string | undefined {
  if (depth > 8 || value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findName(item, id, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (record.id === id && typeof record.name === "string" && record.name !== "") return record.name;
  for (const child of Object.values(record)) {
    const found = findName(child, id, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const AWS_ID = /\b(?:[a-z]+-)+[0-9a-f]{8,17}\b/g;

/**
 * A blocker's sentence as a screen reader should read it: "(sg-0250…)" after a name goes (the name already says
 * it), and an id left on its own ("the route … -> pcx-048e…") becomes the component's name, or its kind.
 */
function withoutIds(text: string, topology: unknown): string {
  return text
    .replace(/ \((?:[a-z]+-)+[0-9a-f]{8,17}\)/g, "")
    .replace(AWS_ID, (id) => findName(topology, id, 0) ?? idKind(id));
}

const ID_KINDS: Record<string, string> = {
  pcx: "the peering connection",
  rtb: "the route table",
  "tgw-rtb": "the transit gateway route table",
  "tgw-attach": "the transit gateway attachment",
  tgw: "the transit gateway",
  igw: "the internet gateway",
  eigw: "the egress-only internet gateway",
  nat: "the NAT gateway",
  vgw: "the virtual private gateway",
  vpce: "the VPC endpoint",
  eni: "the network interface",
  sg: "the security group",
  acl: "the network ACL",
  subnet: "the subnet",
  vpc: "the VPC",
  vpn: "the VPN connection",
  pl: "the prefix list",
};

function idKind(id: string): string {
  const prefix = id.slice(0, id.lastIndexOf("-"));
  return ID_KINDS[prefix] ?? ID_KINDS[prefix.split("-")[0] ?? ""] ?? "a component";
}

/**
 * The forward path in words, each component once, in the order the packet met it, and the blocker by name: what
 * the highlighted diagram shows, for a screen reader. Only for after the answer (it gives the key away).
 */
export function describePath(analysis: Analysis, topology?: unknown): string {
  const names: string[] = [];
  for (const hop of analysis.forward) {
    const name = componentName(hop.component);
    if (names[names.length - 1] !== name) names.push(name);
  }
  const blocker = analysis.blockers[0];
  const path = names.length > 0 ? `Path: ${names.join(" → ")}.` : "No path.";
  if (analysis.reachable) return `${path} The traffic arrives.`;
  if (blocker === undefined) return `${path} Blocked: no route.`;
  return `${path} Blocked at ${blockerName(analysis, blocker.component, topology)}: ${sentence(withoutIds(blocker.message, topology))}`;
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
    diagramText: describePath(analysis, question.topology),
  };
}
