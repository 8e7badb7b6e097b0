// The lab's edit -> verdict time at a given size, measured the two ways the lab could run (README "The lab"):
// - "worker": what the web worker does — the parsed topology and the YAML of unchanged items stay in memory;
//   apply the edit, validate, analyse, propose fixes, and write the editor text back.
// - "server": what /lab/api does now — the browser sends the text and the edit as JSON over HTTP (loopback
//   here), the server parses the text, applies the edit, validates, analyses, proposes fixes, writes the text,
//   and replies JSON. The diagram layout is left out of both (it is cached per drawing: an edit to a rule or a
//   route draws the same diagram).
// Each turn alternates breaking and restoring one security-group rule on the destination's side, so half
// the turns are unreachable (and propose fixes) and the undo goes through the inverse patch as in the app.
import http from "node:http";
import { applyEdit, type LabEdit } from "../lib/lab/edits";
import { analyseLab, type LabRequest } from "../lib/lab/lab-run";
import { createTextCache, topologyText } from "../lib/lab/topology-text";
import {
  analyze,
  buildNetwork,
  parseTopology,
  proposeFixes,
  validate,
  type Query,
  type Topology,
} from "../lib/net";
import { generateQueries, generateTopology } from "./topologies";
import { percentile } from "./report";

export type LabRow = {
  suite: "lab";
  mode: "worker" | "server";
  vpcs: number;
  textKB: number;
  turns: number;
  medianMs: number;
  p95Ms: number;
};

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
const round = (x: number): number => Math.round(x * 100) / 100;

export function setUp(vpcs: number, seed: number): { topology: Topology; query: Query; breakIt: LabEdit } {
  const bench = generateTopology(vpcs, seed);
  const parsed = parseTopology(bench.topology);
  if (!parsed.ok) throw new Error("generated topology is invalid");
  const network = buildNetwork(parsed.topology);
  const query = generateQueries(bench, 200, seed).find(
    (candidate) => candidate.protocol === "tcp" && analyze(network, candidate).reachable,
  );
  if (!query) throw new Error(`no reachable query at ${vpcs} VPCs`);
  const target = parsed.topology.instances.find((instance) => instance.id === query.to);
  const group = target?.securityGroupIds[0];
  if (!group) throw new Error("the destination has no security group");
  return {
    topology: parsed.topology,
    query,
    breakIt: { kind: "remove-sg-rule", securityGroupId: group, direction: "inbound", index: 0 },
  };
}

function row(mode: LabRow["mode"], vpcs: number, textKB: number, times: number[]): LabRow {
  const sorted = times.slice().sort((a, b) => a - b);
  return {
    suite: "lab",
    mode,
    vpcs,
    textKB,
    turns: sorted.length,
    medianMs: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
  };
}

function workerTurns(topology: Topology, query: Query, breakIt: LabEdit, turns: number): number[] {
  const times: number[] = [];
  let current = topology;
  let undo: LabEdit | undefined;
  // As the lab worker does: the YAML of items an edit did not change is kept from the previous turn.
  const text = createTextCache();
  topologyText(current, "yaml", text);
  for (let turn = 0; turn < turns; turn += 1) {
    const start = nowMs();
    const edited = applyEdit(current, undo ?? breakIt);
    if (!edited.ok) throw new Error(`${edited.field}: ${edited.error}`);
    current = edited.topology;
    undo = undo ? undefined : edited.inverse;
    validate(current);
    const network = buildNetwork(current);
    if (!analyze(network, query).reachable) proposeFixes(current, query);
    topologyText(current, "yaml", text);
    times.push(nowMs() - start);
  }
  return times;
}

async function serverTurns(
  topology: Topology,
  query: Query,
  breakIt: LabEdit,
  turns: number,
): Promise<number[]> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as LabRequest;
      const outcome = analyseLab(body);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(outcome.ok ? outcome.value.result : outcome));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const times: number[] = [];
  let text = topologyText(topology, "yaml");
  let undo: LabEdit | undefined;
  try {
    for (let turn = 0; turn < turns; turn += 1) {
      const start = nowMs();
      const reply = await fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        body: JSON.stringify({ text, format: "yaml", query, edit: undo ?? breakIt }),
      });
      const result = (await reply.json()) as { text?: string; inverse?: unknown };
      times.push(nowMs() - start);
      if (typeof result.text !== "string")
        throw new Error(`lab turn failed: ${JSON.stringify(result).slice(0, 200)}`);
      text = result.text;
      undo = undo ? undefined : ({ kind: "patch", patch: result.inverse } as LabEdit);
    }
  } finally {
    server.close();
  }
  return times;
}

export async function benchLab(vpcs: number, seed: number): Promise<LabRow[]> {
  const { topology, query, breakIt } = setUp(vpcs, seed);
  const textKB = round(Buffer.byteLength(topologyText(topology, "yaml")) / 1024);
  const turns = vpcs >= 500 ? 20 : vpcs >= 50 ? 60 : 200;
  // Warm-up: V8 compiles the hot paths, as in a page that has been used for a while.
  workerTurns(topology, query, breakIt, Math.min(10, turns));
  const worker = workerTurns(topology, query, breakIt, turns);
  await serverTurns(topology, query, breakIt, Math.min(10, turns));
  const server = await serverTurns(topology, query, breakIt, turns);
  return [row("worker", vpcs, textKB, worker), row("server", vpcs, textKB, server)];
}
