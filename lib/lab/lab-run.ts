// One turn of the lab: parse the learner's text, apply an edit if one came, validate, and answer the question.
// Pure apart from the diagram layout (async ELK); the route only parses the request and replies.
import { highlightFromAnalysis, topologyToDiagram } from "@/lib/diagram/from-topology";
import { layoutDiagram } from "@/lib/diagram/layout";
import type { PathMark, PlacedDiagram } from "@/lib/diagram/diagram";
import {
  analyze,
  formatFlowLogRecord,
  formatIssue,
  parseTopologyText,
  proposeFixes,
  validate,
  type Hop,
  type Query,
  type Topology,
} from "@/lib/net";
import { applyEdit, type LabEdit } from "./edits";
import { topologyText, type TopologyFormat } from "./topology-text";

export type LabRequest = {
  readonly text: string;
  readonly format: TopologyFormat;
  readonly query?: Query | undefined;
  readonly edit?: LabEdit | undefined;
};

export type HopView = { component: string; type: string; action: string; matched?: string };
export type BlockerView = { code: string; message: string; rules: string[]; direction?: string };
export type FixView = { id: string; description: string; rules: string[]; verified: boolean };
export type IssueView = { path: string; message: string; rules: string[] };

export type LabAnswer = {
  reachable: boolean;
  forward: HopView[];
  return: HopView[];
  blockers: BlockerView[];
  flowLogs: string[];
  fixes: FixView[];
};

export type LabResult = {
  /** The edited text, when an edit was applied (else the learner's text stands as it is). */
  text?: string;
  editDescription?: string;
  /** What the forms offer: references a query may use, and the route tables with their routes. */
  endpoints: string[];
  routeTables: { id: string; label: string; routes: { destination: string; target: string }[] }[];
  errors: IssueView[];
  warnings: IssueView[];
  answer?: LabAnswer;
  diagram?: { placed: PlacedDiagram; nodes: [string, PathMark][]; edges: [string, PathMark][] };
};

export type LabOutcome = { ok: true; value: LabResult } | { ok: false; field: string; error: string };

const named = (id: string, name: string | undefined): string => (name ? `${name} (${id})` : id);

function hopView(hop: Hop): HopView {
  return {
    component: named(hop.component.id, hop.component.name),
    type: hop.component.type,
    action: hop.action,
    ...(hop.matched ? { matched: hop.matched.description } : {}),
  };
}

function endpointsOf(topology: Topology): string[] {
  const names = topology.instances.map((instance) => instance.name ?? instance.id);
  return [...new Set([...names, "internet"])];
}

function answer(topology: Topology, query: Query): LabAnswer {
  const analysis = analyze(topology, query);
  return {
    reachable: analysis.reachable,
    forward: analysis.forward.map(hopView),
    return: analysis.return.map(hopView),
    blockers: analysis.blockers.map((blocker) => ({
      code: blocker.code,
      message: blocker.message,
      rules: blocker.rules,
      ...(blocker.direction ? { direction: blocker.direction } : {}),
    })),
    flowLogs: analysis.flowLogs.map(formatFlowLogRecord),
    fixes: analysis.reachable
      ? []
      : proposeFixes(topology, query).map((fix) => ({
          id: fix.id,
          description: fix.description,
          rules: fix.rules,
          verified: fix.verified,
        })),
  };
}

async function diagramOf(
  topology: Topology,
  query: Query | undefined,
  valid: boolean,
): Promise<NonNullable<LabResult["diagram"]>> {
  const diagram = topologyToDiagram(topology);
  const placed = await layoutDiagram(diagram);
  if (!query || !valid) return { placed, nodes: [], edges: [] };
  const highlight = highlightFromAnalysis(topology, diagram, analyze(topology, query));
  return { placed, nodes: [...highlight.nodes], edges: [...highlight.edges] };
}

export async function runLab(request: LabRequest): Promise<LabOutcome> {
  const parsed = parseTopologyText(request.text, request.format);
  if (!parsed.ok) return { ok: false, field: "text", error: parsed.issues.map(formatIssue).join("; ") };
  let topology = parsed.topology;
  const result: Partial<LabResult> = {};
  if (request.edit) {
    const edited = applyEdit(topology, request.edit);
    if (!edited.ok) return { ok: false, field: edited.field, error: edited.error };
    topology = edited.topology;
    result.text = topologyText(topology, request.format);
    result.editDescription = edited.description;
  }
  const issues = validate(topology).map((issue) => ({
    severity: issue.severity,
    view: { path: issue.path, message: issue.message, rules: issue.rules },
  }));
  const errors = issues.filter((issue) => issue.severity === "error").map((issue) => issue.view);
  const valid = errors.length === 0;
  return {
    ok: true,
    value: {
      ...result,
      endpoints: endpointsOf(topology),
      routeTables: topology.routeTables.map((table) => ({
        id: table.id,
        label: named(table.id, table.name),
        routes: table.routes.flatMap((route) =>
          route.destination ? [{ destination: route.destination, target: route.target }] : [],
        ),
      })),
      errors,
      warnings: issues.filter((issue) => issue.severity === "warning").map((issue) => issue.view),
      // Like the CLI: no verdict on a topology AWS would refuse.
      ...(valid && request.query ? { answer: answer(topology, request.query) } : {}),
      diagram: await diagramOf(topology, request.query, valid),
    },
  };
}
