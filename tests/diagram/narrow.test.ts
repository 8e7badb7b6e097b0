// The stacked layout a phone gets (lib/diagram/narrow.ts): a transit gateway and its spokes used to be 447-1,100
// px wide and cut at a 390-px screen's right edge. Every box must fit PHONE_DIAGRAM_WIDTH at its own size (no
// scaled-down text), no two boxes may overlap, every link must join its two boxes, and a trace's highlight
// must name the same ids as on the wide layout.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Box, PlacedDiagram, PlacedNode } from "../../lib/diagram/diagram";
import { highlightFromAnalysis, topologyToDiagram } from "../../lib/diagram/from-topology";
import { layoutDiagram, PHONE_DIAGRAM_WIDTH } from "../../lib/diagram/layout";
import { narrowLayout } from "../../lib/diagram/narrow";
import { analyze, parseTopology, parseTopologyText, type Topology } from "../../lib/net";
import { generateQuestion } from "../../lib/scenario/generate";

/** A transit gateway with `spokes` VPCs, each with a subnet and an instance, and optionally a VPN site. */
function hub(spokes: number, options: { vpn?: boolean; dualStack?: boolean } = {}): Topology {
  const range = Array.from({ length: spokes }, (_, index) => index + 1);
  const parsed = parseTopology({
    region: "us-east-1",
    vpcs: range.map((n) => ({
      id: `vpc-${n}`,
      name: `spoke-${n}`,
      cidrBlocks: [`10.${n}.0.0/16`],
      ...(options.dualStack ? { ipv6CidrBlocks: [`2600:1f18:abcd:${n}00::/56`] } : {}),
    })),
    subnets: range.map((n) => ({
      id: `subnet-${n}`,
      name: `spoke-${n}-app`,
      vpcId: `vpc-${n}`,
      availabilityZone: "us-east-1a",
      cidrBlock: `10.${n}.1.0/24`,
      ...(options.dualStack ? { ipv6CidrBlock: `2600:1f18:abcd:${n}01::/64` } : {}),
      routeTableId: `rtb-${n}`,
    })),
    routeTables: range.map((n) => ({
      id: `rtb-${n}`,
      vpcId: `vpc-${n}`,
      routes: [{ destination: "10.0.0.0/8", target: "tgw-hub" }],
    })),
    transitGateways: [{ id: "tgw-hub", name: "hub" }],
    transitGatewayAttachments: range.map((n) => ({
      id: `tgw-attach-spoke-${n}`,
      transitGatewayId: "tgw-hub",
      type: "vpc",
      vpcId: `vpc-${n}`,
      subnetIds: [`subnet-${n}`],
    })),
    transitGatewayRouteTables: [
      {
        id: "tgw-rtb-main",
        transitGatewayId: "tgw-hub",
        associations: range.map((n) => `tgw-attach-spoke-${n}`),
        propagations: range.map((n) => `tgw-attach-spoke-${n}`),
      },
    ],
    securityGroups: range.map((n) => ({
      id: `sg-${n}`,
      vpcId: `vpc-${n}`,
      inbound: [{ protocol: "all", cidrBlock: "10.0.0.0/8" }],
    })),
    instances: range.map((n) => ({
      id: `i-${n}`,
      name: `app-${n}`,
      subnetId: `subnet-${n}`,
      privateIp: `10.${n}.1.10`,
      securityGroupIds: [`sg-${n}`],
    })),
    ...(options.vpn
      ? {
          customerGateways: [{ id: "cgw-1", ipAddress: "203.0.113.10" }],
          onPremisesNetworks: [
            {
              id: "onprem-1",
              name: "corp-dc",
              cidrBlocks: ["192.168.0.0/16"],
              customerGatewayIds: ["cgw-1"],
            },
          ],
          vpnConnections: [
            {
              id: "vpn-1",
              customerGatewayId: "cgw-1",
              transitGatewayId: "tgw-hub",
              tunnels: [{ status: "UP" }, { status: "UP" }],
            },
          ],
        }
      : {}),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.topology;
}

const EPSILON = 0.5;
const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x - EPSILON &&
  inner.y >= outer.y - EPSILON &&
  inner.x + inner.width <= outer.x + outer.width + EPSILON &&
  inner.y + inner.height <= outer.y + outer.height + EPSILON;
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width - EPSILON &&
  b.x < a.x + a.width - EPSILON &&
  a.y < b.y + b.height - EPSILON &&
  b.y < a.y + a.height - EPSILON;

/** Every problem with a stacked layout, as sentences (an empty list is a pass). */
function problems(placed: PlacedDiagram): string[] {
  const found: string[] = [];
  const byId = new Map(placed.nodes.map((node) => [node.id, node]));
  const ancestors = (node: PlacedNode): Set<string> => {
    const chain = new Set<string>();
    for (let parent = node.parent; parent !== undefined && !chain.has(parent);) {
      chain.add(parent);
      parent = byId.get(parent)?.parent;
    }
    return chain;
  };
  const whole: Box = { x: 0, y: 0, width: placed.width, height: placed.height };
  if (placed.width > PHONE_DIAGRAM_WIDTH) found.push(`${placed.width} px wide`);
  for (const node of placed.nodes) {
    if (!contains(whole, node)) found.push(`${node.id} outside the drawing`);
    const parent = node.parent ? byId.get(node.parent) : undefined;
    if (parent && !contains(parent, node)) found.push(`${node.id} outside its parent ${parent.id}`);
  }
  // Two boxes overlap only when one holds the other.
  for (const [index, a] of placed.nodes.entries()) {
    for (const b of placed.nodes.slice(index + 1)) {
      if (ancestors(a).has(b.id) || ancestors(b).has(a.id)) continue;
      if (overlap(a, b)) found.push(`${a.id} overlaps ${b.id}`);
    }
  }
  for (const edge of placed.edges) {
    const first = edge.points[0];
    const last = edge.points.at(-1);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!first || !last || !source || !target) {
      found.push(`${edge.id} has no line`);
      continue;
    }
    const onRightEdge = (point: { x: number; y: number }, box: Box) =>
      Math.abs(point.x - (box.x + box.width)) <= EPSILON &&
      point.y >= box.y - EPSILON &&
      point.y <= box.y + box.height + EPSILON;
    if (!onRightEdge(first, source)) found.push(`${edge.id} does not leave ${source.id}`);
    if (!onRightEdge(last, target)) found.push(`${edge.id} does not reach ${target.id}`);
    for (const [at, point] of edge.points.entries()) {
      if (point.x < 0 || point.x > placed.width || point.y < 0 || point.y > placed.height)
        found.push(`${edge.id} leaves the drawing`);
      const next = edge.points[at + 1];
      if (next && next.x !== point.x && next.y !== point.y) found.push(`${edge.id} has a slanted segment`);
    }
    // A label (baseline at labelAt, 11 px monospace) stays in the drawing and off every box but its holders.
    if (edge.label) {
      if (!edge.labelAt) {
        found.push(`${edge.id}'s label has no place`);
        continue;
      }
      const lines = edge.labelLines ?? [edge.label];
      const text: Box = {
        x: edge.labelAt.x,
        y: edge.labelAt.y - 10,
        width: Math.max(...lines.map((line) => line.length)) * 6.6,
        height: 12 + (lines.length - 1) * 14,
      };
      if (!contains(whole, text)) found.push(`${edge.id}'s label leaves the drawing`);
      for (const node of placed.nodes) {
        if (contains(node, text)) continue;
        if (overlap(node, text)) found.push(`${edge.id}'s label covers ${node.id}`);
      }
    }
  }
  return found;
}

describe("narrowLayout", () => {
  for (let spokes = 2; spokes <= 6; spokes += 1) {
    it(`fits a transit gateway with ${spokes} spokes into ${PHONE_DIAGRAM_WIDTH} px without overlaps`, async () => {
      const topology = hub(spokes);
      const diagram = topologyToDiagram(topology);
      const placed = await layoutDiagram(diagram);
      // The wide layout is the one desktop keeps: spokes in a column, the hub to their right.
      expect(placed.width).toBeGreaterThan(PHONE_DIAGRAM_WIDTH);
      const narrow = placed.narrow;
      expect(narrow).toBeDefined();
      if (!narrow) return;
      expect(problems(narrow)).toEqual([]);
      // Same boxes and links, by id, as the wide layout.
      expect(narrow.nodes.map((node) => node.id).sort()).toEqual(placed.nodes.map((node) => node.id).sort());
      expect(narrow.edges.map((edge) => edge.id).sort()).toEqual(placed.edges.map((edge) => edge.id).sort());
      // The hub sits among its spokes: some above it, the rest below.
      const hubBox = narrow.nodes.find((node) => node.id === "tgw-hub");
      const vpcs = narrow.nodes.filter((node) => node.kind === "vpc");
      const above = vpcs.filter((vpc) => hubBox && vpc.y + vpc.height <= hubBox.y).length;
      expect(above).toBe(Math.floor(spokes / 2));
      expect(vpcs.length - above).toBe(Math.ceil(spokes / 2));
    });
  }

  it("gives a big hub's links one trunk, so 12 or 50 spokes still fit", () => {
    for (const spokes of [12, 50]) {
      const narrow = narrowLayout(topologyToDiagram(hub(spokes)));
      expect(problems(narrow), `${spokes} spokes`).toEqual([]);
      const lanes = new Set(narrow.edges.map((edge) => edge.points[1]?.x));
      expect(lanes.size, `${spokes} spokes`).toBe(1);
    }
  });

  it("fits a hub with a VPN site and dual-stack VPCs (CIDR lists one per line)", () => {
    const narrow = narrowLayout(topologyToDiagram(hub(6, { vpn: true, dualStack: true })));
    expect(problems(narrow)).toEqual([]);
    const vpc = narrow.nodes.find((node) => node.id === "vpc-1");
    expect(vpc?.label).toEqual(["spoke-1", "10.1.0.0/16", "2600:1f18:abcd:100::/56"]);
  });

  it("highlights a trace on the same boxes and links as the wide layout", async () => {
    const topology = hub(4);
    const diagram = topologyToDiagram(topology);
    const placed = await layoutDiagram(diagram);
    const analysis = analyze(topology, { from: "app-1", to: "app-4", protocol: "tcp", port: 443 });
    expect(analysis.reachable).toBe(true);
    const highlight = highlightFromAnalysis(topology, diagram, analysis);
    expect([...highlight.edges.keys()].sort()).toEqual(["tgw-attach-spoke-1", "tgw-attach-spoke-4"]);
    const narrowIds = new Set([
      ...(placed.narrow?.nodes ?? []).map((node) => node.id),
      ...(placed.narrow?.edges ?? []).map((edge) => edge.id),
    ]);
    for (const id of [...highlight.nodes.keys(), ...highlight.edges.keys()])
      expect(narrowIds.has(id), id).toBe(true);
  });

  it("fits every example network and the generated transit gateway, hybrid and edge-to-edge questions", () => {
    const dir = path.join(import.meta.dirname, "..", "..", "content", "topologies");
    const found: string[] = [];
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".yaml"))) {
      const parsed = parseTopologyText(fs.readFileSync(path.join(dir, file), "utf8"), "yaml");
      if (!parsed.ok) throw new Error(file);
      found.push(...problems(narrowLayout(topologyToDiagram(parsed.topology))).map((p) => `${file}: ${p}`));
    }
    let drawn = 0;
    for (const family of ["hybrid", "edge-to-edge", "can-a-reach-c", "missing-piece", "fix-it"])
      for (const difficulty of [1, 2, 3] as const)
        for (let seed = 1; seed <= 8; seed += 1) {
          const generated = generateQuestion(family, seed, difficulty);
          if (!generated.ok || !generated.question.topology) continue;
          drawn += 1;
          const narrow = narrowLayout(topologyToDiagram(generated.question.topology));
          found.push(...problems(narrow).map((p) => `${family} ${seed} d${difficulty}: ${p}`));
        }
    expect(drawn).toBeGreaterThan(60);
    expect(found).toEqual([]);
  });

  it("is not attached to a diagram that already fits a phone", async () => {
    const placed = await layoutDiagram({
      nodes: [{ id: "i", kind: "instance", label: ["web", "10.0.0.1"] }],
      edges: [],
    });
    expect(placed.width).toBeLessThanOrEqual(PHONE_DIAGRAM_WIDTH);
    expect(placed.narrow).toBeUndefined();
  });
});
