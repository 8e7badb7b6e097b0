// One turn of the lab: parse the learner's text, apply an edit if one came, validate, and answer the question
// (and the reachability matrix). Pure apart from the diagram layout (async ELK); the route only parses the
// request and replies. `analyseLab` is the synchronous part the benchmark times (edit -> verdict).
import { highlightFromAnalysis, topologyToDiagram } from "@/lib/diagram/from-topology";
import { layoutDiagram } from "@/lib/diagram/layout";
import type { Diagram, PathMark, PlacedDiagram } from "@/lib/diagram/diagram";
import {
  analyze,
  buildNetwork,
  formatFlowLogRecord,
  formatIssue,
  parseTopologyText,
  resolveDestination,
  resolveSource,
  validate,
  type Analysis,
  type Hop,
  type Network,
  type Protocol,
  type Query,
  type Topology,
} from "@/lib/net";
import { DEFAULT_FLOW_LOG_NOW } from "@/lib/net/flow-logs";
import { applyEdit, type LabEdit } from "./edits";
import { labFixes } from "./lab-fixes";
import { checkGoals, type Goal, type GoalResult } from "./goals";
import { describeChange, diffTopologies, type Patch } from "./patch";
import { checkQuery } from "./query-input";
import { createTextCache, topologyText, type TextCache, type TopologyFormat } from "./topology-text";

export type MatrixRequest = {
  readonly instances: readonly string[];
  readonly protocol: Protocol;
  readonly port?: number | undefined;
};

export type LabRequest = {
  readonly text: string;
  readonly format: TopologyFormat;
  readonly query?: Query | undefined;
  readonly edit?: LabEdit | undefined;
  /** Where the lab started, for the diff; absent = no diff. */
  readonly baseText?: string | undefined;
  readonly matrix?: MatrixRequest | undefined;
  /** An assignment's goals, graded live as the learner edits (the server grades again on submit). */
  readonly goals?: readonly Goal[] | undefined;
};

export type HopView = { component: string; type: string; action: string; matched?: string };
export type BlockerView = { code: string; message: string; rules: string[]; direction?: string };
export type FixView = { id: string; description: string; rules: string[]; verified: boolean };
export type IssueView = { path: string; message: string; rules: string[]; component?: string };
export type FlowLogView = { interfaceId: string; lines: string[] };

export type LabAnswer = {
  reachable: boolean;
  forward: HopView[];
  return: HopView[];
  blockers: BlockerView[];
  /** The records each interface on the path writes, grouped by interface. */
  flowLogs: FlowLogView[];
  fixes: FixView[];
};

export type MatrixView = {
  instances: string[];
  protocol: Protocol;
  port?: number;
  /** rows[i][j]: can instances[i] reach instances[j]? (null on the diagonal) */
  rows: (boolean | null)[][];
};

export type LabResult = {
  /** The edited text, when an edit was applied (else the learner's text stands as it is). */
  text?: string;
  editDescription?: string;
  /** The patch that undoes the edit (redo is the inverse of that). */
  inverse?: Patch;
  /** What the forms offer: references a query may use, and the resources each form picks from. */
  endpoints: string[];
  resources: LabResources;
  errors: IssueView[];
  warnings: IssueView[];
  /** One line per change against where the lab started (when `baseText` came and parses). */
  diff?: string[];
  answer?: LabAnswer;
  matrix?: MatrixView;
  goals?: GoalResult[];
  diagram?: {
    placed: PlacedDiagram;
    nodes: [string, PathMark][];
    edges: [string, PathMark][];
    /** The diagram node(s) each hop passes, forward hops then return hops (for stepping through the path). */
    hopNodes: string[][];
    /** Nodes a validation finding is about. */
    issueNodes: string[];
  };
};

export type LabResources = {
  routeTables: { id: string; label: string; routes: { destination: string; target: string }[] }[];
  securityGroups: { id: string; label: string; inbound: string[]; outbound: string[] }[];
  networkAcls: { id: string; label: string; inbound: number[]; outbound: number[] }[];
  vpcs: { id: string; label: string }[];
  subnets: { id: string; label: string }[];
  peerings: { id: string; label: string; status: string }[];
  removable: { id: string; label: string }[];
  vpnConnections: { id: string; label: string; tunnels: string[] }[];
  tgwAttachments: { id: string; label: string; state: string }[];
  instances: string[];
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
  const sites = topology.onPremisesNetworks.map((site) => site.name ?? site.id);
  const services = ["s3", "dynamodb", "sqs"].map((service) => `com.amazonaws.${topology.region}.${service}`);
  return [...new Set([...names, ...sites, "internet", ...services])];
}

function ruleText(rule: {
  protocol: unknown;
  fromPort?: number | undefined;
  toPort?: number | undefined;
  cidrBlock?: string | undefined;
  securityGroupId?: string | undefined;
  prefixListId?: string | undefined;
}): string {
  const ports =
    rule.fromPort === undefined
      ? ""
      : ` ${rule.fromPort}${rule.toPort === rule.fromPort ? "" : `-${rule.toPort}`}`;
  return `${String(rule.protocol)}${ports} ${rule.cidrBlock ?? rule.securityGroupId ?? rule.prefixListId ?? ""}`.trim();
}

function resourcesOf(topology: Topology): LabResources {
  return {
    routeTables: topology.routeTables.map((table) => ({
      id: table.id,
      label: named(table.id, table.name),
      routes: table.routes.flatMap((route) =>
        route.destination ? [{ destination: route.destination, target: route.target }] : [],
      ),
    })),
    securityGroups: topology.securityGroups.map((group) => ({
      id: group.id,
      label: named(group.id, group.name),
      inbound: group.inbound.map(ruleText),
      outbound: (group.outbound ?? []).map(ruleText),
    })),
    networkAcls: topology.networkAcls.map((acl) => ({
      id: acl.id,
      label: named(acl.id, acl.name),
      inbound: acl.inbound.map((rule) => rule.ruleNumber),
      outbound: acl.outbound.map((rule) => rule.ruleNumber),
    })),
    vpcs: topology.vpcs.map((vpc) => ({ id: vpc.id, label: named(vpc.id, vpc.name) })),
    subnets: topology.subnets.map((subnet) => ({ id: subnet.id, label: named(subnet.id, subnet.name) })),
    peerings: topology.peeringConnections.map((pcx) => ({
      id: pcx.id,
      label: `${named(pcx.id, pcx.name)}: ${pcx.requesterVpcId} ↔ ${pcx.accepterVpcId}`,
      status: pcx.status,
    })),
    removable: [
      ...topology.peeringConnections.map((item) => ({
        id: item.id,
        label: `peering ${named(item.id, item.name)}`,
      })),
      ...topology.gatewayEndpoints.map((item) => ({
        id: item.id,
        label: `${item.service} gateway endpoint ${item.id}`,
      })),
      ...topology.interfaceEndpoints.map((item) => ({ id: item.id, label: `interface endpoint ${item.id}` })),
      ...topology.internetGateways.map((item) => ({ id: item.id, label: `internet gateway ${item.id}` })),
      ...topology.egressOnlyInternetGateways.map((item) => ({
        id: item.id,
        label: `egress-only gateway ${item.id}`,
      })),
      ...topology.natGateways.map((item) => ({ id: item.id, label: `NAT gateway ${item.id}` })),
    ],
    vpnConnections: topology.vpnConnections.map((vpn) => ({
      id: vpn.id,
      label: named(vpn.id, vpn.name),
      tunnels: vpn.tunnels.map((tunnel) => tunnel.status),
    })),
    tgwAttachments: topology.transitGatewayAttachments.map((attachment) => ({
      id: attachment.id,
      label: `${named(attachment.id, attachment.name)} (${attachment.type})`,
      state: attachment.state,
    })),
    instances: topology.instances.map((instance) => instance.name ?? instance.id),
  };
}

function flowLogsByInterface(analysis: Analysis): FlowLogView[] {
  const groups = new Map<string, string[]>();
  for (const record of analysis.flowLogs) {
    const lines = groups.get(record.interfaceId) ?? [];
    lines.push(formatFlowLogRecord(record));
    groups.set(record.interfaceId, lines);
  }
  return [...groups].map(([interfaceId, lines]) => ({ interfaceId, lines }));
}

function answerOf(topology: Topology, analysis: Analysis, query: Query): LabAnswer {
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
    flowLogs: flowLogsByInterface(analysis),
    fixes: analysis.reachable
      ? []
      : labFixes(topology, query).map((fix) => ({
          id: fix.id,
          description: fix.description,
          rules: fix.rules,
          verified: fix.verified,
        })),
  };
}

function matrixOf(network: Network, request: MatrixRequest): MatrixView {
  const instances = request.instances.slice(0, 12);
  const rows = instances.map((from) =>
    instances.map((to) =>
      from === to
        ? null
        : analyze(network, {
            from,
            to,
            protocol: request.protocol,
            ...(request.port === undefined ? {} : { port: request.port }),
          }).reachable,
    ),
  );
  return {
    instances,
    protocol: request.protocol,
    ...(request.port === undefined ? {} : { port: request.port }),
    rows,
  };
}

/** The resource a finding's path points into (`subnets[3].vpcId` -> that subnet's id), to locate it on the diagram. */
function componentOf(topology: Topology, path: string): { component?: string } {
  const match = /^(\w+)\[(\d+)\]/.exec(path);
  if (!match) return {};
  const list = (topology as Record<string, unknown>)[match[1] ?? ""];
  const id = Array.isArray(list) ? (list[Number(match[2])] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === "string" ? { component: id } : {};
}

/** Bad refs are bad input naming the field (as the CLI's --from/--to), not an unreachable verdict. */
function refProblem(network: Network, query: Query): { field: string; error: string } | undefined {
  const source = resolveSource(network, query.from);
  if (!source.ok) return { field: "query.from", error: source.message };
  // The same clock analyze() uses, so a ref the check accepts is one the analysis resolves.
  const destination = resolveDestination(network, query.to, source.value, DEFAULT_FLOW_LOG_NOW);
  if (!destination.ok) return { field: "query.to", error: destination.message };
  return undefined;
}

/** Everything but the layout: what the learner waits for after an edit. */
export type Analysed = {
  result: Omit<LabResult, "diagram">;
  topology: Topology;
  analysis?: Analysis;
};

// The browser sends the whole text every turn, usually the very text the last turn returned: parsing a 50-VPC
// YAML text costs more than analysing it, so the last few texts are kept with their parsed topology (topologies
// are never modified in place, so sharing them is safe).
const PARSED = new Map<string, ReturnType<typeof parseTopologyText>>();
const PARSED_CACHE_SIZE = 8;

function remember(key: string, parsed: ReturnType<typeof parseTopologyText>): void {
  PARSED.delete(key);
  PARSED.set(key, parsed);
  if (PARSED.size > PARSED_CACHE_SIZE) PARSED.delete(PARSED.keys().next().value as string);
}

function parseText(text: string, format: TopologyFormat): ReturnType<typeof parseTopologyText> {
  const key = `${format}\n${text}`;
  const hit = PARSED.get(key);
  if (hit) return hit;
  const parsed = parseTopologyText(text, format);
  remember(key, parsed);
  return parsed;
}

/** What one lab page keeps between its turns (the web worker holds one; the server route none). */
export type LabSession = { readonly text: TextCache };

export const createLabSession = (): LabSession => ({ text: createTextCache() });

export function analyseLab(
  request: LabRequest,
  session?: LabSession,
): { ok: true; value: Analysed } | { ok: false; field: string; error: string } {
  // The same QuerySchema as /lab/api and the CLI: the worker skipped it, and analysed port 99999.
  for (const [where, query] of [
    ["query", request.query],
    ["edit.query", request.edit?.kind === "apply-fix" ? request.edit.query : undefined],
  ] as const) {
    const checked = query === undefined ? undefined : checkQuery(query);
    if (checked && !checked.ok)
      return { ok: false, field: `${where}.${checked.field}`, error: checked.message };
  }
  const parsed = parseText(request.text, request.format);
  if (!parsed.ok) return { ok: false, field: "text", error: parsed.issues.map(formatIssue).join("; ") };
  let topology = parsed.topology;
  const result: Partial<LabResult> = {};
  if (request.edit) {
    const edited = applyEdit(topology, request.edit);
    if (!edited.ok) return { ok: false, field: edited.field, error: edited.error };
    topology = edited.topology;
    result.text = topologyText(topology, request.format, session?.text);
    remember(`${request.format}\n${result.text}`, { ok: true, topology });
    result.editDescription = edited.description;
    result.inverse = edited.inverse.patch;
  }
  const issues = validate(topology).map((issue) => ({
    severity: issue.severity,
    view: {
      path: issue.path,
      message: issue.message,
      rules: issue.rules,
      ...componentOf(topology, issue.path),
    },
  }));
  const errors = issues.filter((issue) => issue.severity === "error").map((issue) => issue.view);
  const valid = errors.length === 0;
  if (request.baseText !== undefined) {
    const base = parseText(request.baseText, request.format);
    if (base.ok) result.diff = diffTopologies(base.topology, topology).map(describeChange);
  }
  let analysis: Analysis | undefined;
  // Like the CLI: no verdict on a topology AWS would refuse.
  if (valid && (request.query || request.matrix)) {
    const network = buildNetwork(topology);
    if (request.query) {
      const problem = refProblem(network, request.query);
      if (problem) return { ok: false, ...problem };
      analysis = analyze(network, request.query);
      result.answer = answerOf(topology, analysis, request.query);
    }
    if (request.matrix) result.matrix = matrixOf(network, request.matrix);
  }
  if (request.goals && request.goals.length > 0) result.goals = checkGoals(topology, request.goals);
  return {
    ok: true,
    value: {
      topology,
      ...(analysis ? { analysis } : {}),
      result: {
        ...result,
        endpoints: endpointsOf(topology),
        resources: resourcesOf(topology),
        errors,
        warnings: issues.filter((issue) => issue.severity === "warning").map((issue) => issue.view),
      },
    },
  };
}

// Most edits change a rule or a route, not what is drawn: the layout of the same drawing is reused.
const LAYOUTS = new Map<string, Promise<PlacedDiagram>>();
const LAYOUT_CACHE_SIZE = 16;

function placed(diagram: Diagram): Promise<PlacedDiagram> {
  const key = JSON.stringify(diagram);
  const hit = LAYOUTS.get(key);
  if (hit) return hit;
  const layout = layoutDiagram(diagram);
  LAYOUTS.set(key, layout);
  layout.catch(() => LAYOUTS.delete(key));
  if (LAYOUTS.size > LAYOUT_CACHE_SIZE) LAYOUTS.delete(LAYOUTS.keys().next().value as string);
  return layout;
}

function hopNodesOf(topology: Topology, diagram: Diagram, analysis: Analysis): string[][] {
  return [...analysis.forward, ...analysis.return].map((hop) => [
    ...highlightFromAnalysis(topology, diagram, {
      ...analysis,
      forward: [hop],
      return: [],
      blockers: [],
    }).nodes.keys(),
  ]);
}

async function diagramOf(analysed: Analysed): Promise<NonNullable<LabResult["diagram"]>> {
  const { topology, analysis, result } = analysed;
  const diagram = topologyToDiagram(topology);
  const drawn = new Set(diagram.nodes.map((node) => node.id));
  const issueNodes = [
    ...new Set(
      [...result.errors, ...result.warnings].flatMap((issue) =>
        issue.component && drawn.has(issue.component) ? [issue.component] : [],
      ),
    ),
  ];
  const layout = await placed(diagram);
  if (!analysis) return { placed: layout, nodes: [], edges: [], hopNodes: [], issueNodes };
  const highlight = highlightFromAnalysis(topology, diagram, analysis);
  return {
    placed: layout,
    nodes: [...highlight.nodes],
    edges: [...highlight.edges],
    hopNodes: hopNodesOf(topology, diagram, analysis),
    issueNodes,
  };
}

export async function runLab(request: LabRequest, session?: LabSession): Promise<LabOutcome> {
  const analysed = analyseLab(request, session);
  if (!analysed.ok) return analysed;
  return { ok: true, value: { ...analysed.value.result, diagram: await diagramOf(analysed.value) } };
}
