import type { Diagram, DiagramNode, PlacedDiagram, PlacedEdge, PlacedNode } from "./diagram";

/**
 * A layout for a phone-width container (about 300 px in a lesson's "Try it" card at 390 px). ELK's layered
 * layout puts a link's two ends in different columns, so a hub and its spokes (a transit gateway and its VPCs,
 * an on-premises network and its VPN, two peered VPCs) are side by side and 450-1,100 px wide. Here every box's
 * children are stacked in one column instead, a hub (transit gateway) in the middle of its spokes, and each link
 * runs in its own vertical lane at the right of the smallest box that holds both its ends: out of one box's
 * right edge, along the lane, into the other box's right edge. A link's label sits in the gap above one of its
 * boxes, so labels add height, not width. Text is never scaled: the boxes are sized for the same 11-12 px
 * labels as the wide layout, and a list of CIDRs is split one per line.
 *
 * Node and edge ids are the wide layout's, so a path highlight marks the same boxes and links on either.
 */

const CHAR_WIDTH = 7.2;
const LABEL_CHAR_WIDTH = 6.6;
const LINE_HEIGHT = 16;
const LEAF_PADDING = 10;
/** Left and right padding inside a container; the root has less. */
const PAD = 7;
const ROOT_PAD = 4;
/** Vertical gap between stacked siblings, and the room one edge label takes above its box. */
const GAP = 10;
const LABEL_ROOM = 14;
/** Distance between two lanes, and from a column's widest box to its first lane. */
const LANE_GAP = 7;
const LANE_MARGIN = 6;
/**
 * Up to this many links get a lane each in one box; beyond it (the lab's 50-VPC hub) the links of one hub share
 * a single trunk, so the width stays that of a few lanes.
 */
const MAX_OWN_LANES = 6;

/** Same header as the wide layout: the renderer draws line i at y + 16 + 15 i. */
const containerHeader = (lines: number): number => 10 + lines * 15 + 6;

/** "10.0.0.0/16, 2600:1f18::/56" becomes two lines, so a dual-stack VPC is not 290 px wide. */
const splitLabel = (label: readonly string[]): string[] =>
  label.flatMap((line, index) => (index === 0 ? [line] : line.split(", ").filter((part) => part.length > 0)));

/**
 * A long link label breaks before its parenthesis: "pcx-03a1a57b142992b42 (pending-acceptance)" is 277 px on
 * one line, 139 px on two.
 */
export function labelLines(label: string): readonly string[] {
  const at = label.indexOf(" (");
  return label.length > 24 && at > 0 ? [label.slice(0, at), label.slice(at + 1)] : [label];
}

const textWidth = (lines: readonly string[]): number =>
  Math.max(...lines.map((line) => line.length), 4) * CHAR_WIDTH;

type Tree = {
  readonly node: DiagramNode | undefined;
  readonly label: readonly string[];
  readonly children: Tree[];
  readonly depth: number;
  /** Filled by measure(): size, then by place(): absolute position. */
  width: number;
  height: number;
  x: number;
  y: number;
  /** Edges routed in this box's lanes, innermost lane first. */
  lanes: string[];
  /** Edge labels drawn in the gap above this box, nearest the box first. */
  labels: string[];
};

export function narrowLayout(diagram: Diagram): PlacedDiagram {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const trees = new Map<string, Tree>();
  const tree = (node: DiagramNode | undefined, depth: number): Tree => ({
    node,
    label: node ? splitLabel(node.label) : [],
    children: [],
    depth,
    width: 0,
    height: 0,
    x: 0,
    y: 0,
    lanes: [],
    labels: [],
  });
  const root = tree(undefined, -1);
  // A node whose parent is not drawn is placed at the top level, as ELK would refuse it anyway.
  const parentOf = (node: DiagramNode): string | undefined =>
    node.parent !== undefined && byId.has(node.parent) && node.parent !== node.id ? node.parent : undefined;
  const depthOf = (node: DiagramNode, seen = new Set<string>()): number => {
    const parent = parentOf(node);
    if (parent === undefined || seen.has(parent)) return 0;
    seen.add(node.id);
    return 1 + depthOf(byId.get(parent) as DiagramNode, seen);
  };
  for (const node of diagram.nodes) trees.set(node.id, tree(node, depthOf(node)));
  for (const node of diagram.nodes) {
    const parent = parentOf(node);
    (parent === undefined ? root : (trees.get(parent) ?? root)).children.push(trees.get(node.id) as Tree);
  }

  // Edges per node, to find the hubs and to spread several links over one box's edge.
  const degree = new Map<string, number>();
  for (const edge of diagram.edges)
    for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);

  // A transit gateway goes in the middle of its column, so its spokes sit above and below it.
  const order = (box: Tree): void => {
    const hubs = box.children.filter((child) => child.node?.kind === "transit-gateway");
    if (hubs.length > 0) {
      const rest = box.children.filter((child) => child.node?.kind !== "transit-gateway");
      box.children.splice(0, box.children.length, ...rest);
      box.children.splice(Math.floor(rest.length / 2), 0, ...hubs);
    }
    box.children.forEach(order);
  };
  order(root);

  const ancestors = (id: string): Tree[] => {
    const chain: Tree[] = [];
    let current = byId.get(id);
    while (current) {
      chain.unshift(trees.get(current.id) as Tree);
      const parent = parentOf(current);
      current = parent === undefined ? undefined : byId.get(parent);
    }
    return [root, ...chain];
  };
  /** The smallest box holding both ends, not being one of them. */
  const laneBox = (source: string, target: string): Tree => {
    const a = ancestors(source);
    const b = ancestors(target);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
    const holder = a[common - 1] ?? root;
    return holder.node?.id === source || holder.node?.id === target ? (a[common - 2] ?? root) : holder;
  };

  // The label goes above the end with fewer links (a spoke, not its hub).
  const edgeLaneBox = new Map<string, Tree>();
  for (const edge of diagram.edges) {
    if (!trees.has(edge.source) || !trees.has(edge.target) || edge.source === edge.target) continue;
    edgeLaneBox.set(edge.id, laneBox(edge.source, edge.target));
    if (edge.label) {
      const sourceDegree = degree.get(edge.source) ?? 0;
      const targetDegree = degree.get(edge.target) ?? 0;
      const at = targetDegree < sourceDegree ? edge.target : edge.source;
      trees.get(at)?.labels.push(edge.id);
    }
  }
  const edgeById = new Map(diagram.edges.map((edge) => [edge.id, edge]));
  const linesOf = (edgeId: string): readonly string[] => labelLines(edgeById.get(edgeId)?.label ?? "");
  const labelRoom = (box: Tree): number =>
    box.labels.reduce((sum, edgeId) => sum + linesOf(edgeId).length, 0) * LABEL_ROOM;
  const labelWidth = (edgeId: string): number =>
    Math.max(...linesOf(edgeId).map((line) => line.length)) * LABEL_CHAR_WIDTH;

  // Sizes, bottom up. Lanes are counted here and ordered once positions are known.
  // The lane of each link: its own, or its hub's trunk when its box would otherwise hold too many lanes.
  const laneKey = new Map<string, string>();
  const trunkHub = new Map<string, string>();
  const byBox = new Map<Tree, string[]>();
  for (const [edgeId, box] of edgeLaneBox) byBox.set(box, [...(byBox.get(box) ?? []), edgeId]);
  for (const edgeIds of byBox.values()) {
    const ends = new Map<string, number>();
    for (const edgeId of edgeIds) {
      const edge = edgeById.get(edgeId);
      if (edge) for (const end of [edge.source, edge.target]) ends.set(end, (ends.get(end) ?? 0) + 1);
    }
    for (const edgeId of edgeIds) {
      const edge = edgeById.get(edgeId);
      if (!edge) continue;
      const sourceCount = ends.get(edge.source) ?? 0;
      const targetCount = ends.get(edge.target) ?? 0;
      const hubEnd = sourceCount >= targetCount ? edge.source : edge.target;
      if (edgeIds.length > MAX_OWN_LANES && Math.max(sourceCount, targetCount) > 1) {
        laneKey.set(edgeId, `trunk\u0000${hubEnd}`);
        trunkHub.set(edgeId, hubEnd);
      } else laneKey.set(edgeId, edgeId);
    }
  }
  const laneCount = new Map<Tree, number>();
  for (const [box, edgeIds] of byBox)
    laneCount.set(box, new Set(edgeIds.map((edgeId) => laneKey.get(edgeId))).size);
  const contentWidth = new Map<Tree, number>();
  const measure = (box: Tree): void => {
    box.children.forEach(measure);
    // Only a box holding both ends of a link has lanes, so a leaf never does.
    const lanes = laneCount.get(box) ?? 0;
    const laneWidth = lanes > 0 ? LANE_MARGIN + lanes * LANE_GAP : 0;
    if (box.children.length === 0 && box.node) {
      box.width = Math.round(textWidth(box.label) + 2 * LEAF_PADDING);
      box.height = box.label.length * LINE_HEIGHT + 2 * LEAF_PADDING;
      return;
    }
    const pad = box.node ? PAD : ROOT_PAD;
    // The column is also as wide as the link labels drawn above its boxes (an unnamed VPN's label is 39
    // characters), so a label never sticks out of its box.
    const widest = Math.max(
      0,
      ...box.children.map((child) => child.width),
      ...box.children.flatMap((child) => child.labels.map((edgeId) => labelWidth(edgeId) + 4)),
    );
    contentWidth.set(box, widest);
    const header = box.node ? containerHeader(box.label.length) : ROOT_PAD;
    const stacked = box.children.reduce(
      (sum, child, index) => sum + (index === 0 ? 0 : GAP) + labelRoom(child) + child.height,
      0,
    );
    box.width = Math.round(
      Math.max(pad + widest + laneWidth + pad, box.node ? textWidth(box.label) + 20 : 0),
    );
    box.height = Math.round(header + stacked + (box.node ? PAD + 2 : ROOT_PAD));
  };
  measure(root);

  // Positions, top down: children left-aligned in one column under the header.
  const place = (box: Tree, x: number, y: number): void => {
    box.x = x;
    box.y = y;
    const pad = box.node ? PAD : ROOT_PAD;
    let cursor = y + (box.node ? containerHeader(box.label.length) : ROOT_PAD);
    box.children.forEach((child, index) => {
      cursor += (index === 0 ? 0 : GAP) + labelRoom(child);
      place(child, x + pad, cursor);
      cursor += child.height;
    });
  };
  place(root, 0, 0);

  // Lanes: a shorter link (or trunk) gets a lane nearer its column, so nested links do not cross.
  const spans = new Map<string, number>();
  for (const [edgeId, key] of laneKey) {
    const edge = edgeById.get(edgeId);
    const a = edge ? trees.get(edge.source) : undefined;
    const b = edge ? trees.get(edge.target) : undefined;
    if (a && b) spans.set(key, Math.max(spans.get(key) ?? 0, Math.abs(a.y - b.y)));
  }
  for (const [edgeId, box] of edgeLaneBox) {
    const key = laneKey.get(edgeId) ?? edgeId;
    if (!box.lanes.includes(key)) box.lanes.push(key);
  }
  for (const box of laneCount.keys())
    box.lanes.sort((a, b) => (spans.get(a) ?? 0) - (spans.get(b) ?? 0) || a.localeCompare(b));
  const keyX = new Map<string, number>();
  for (const box of laneCount.keys()) {
    const pad = box.node ? PAD : ROOT_PAD;
    const first = box.x + pad + (contentWidth.get(box) ?? 0) + LANE_MARGIN;
    box.lanes.forEach((key, index) => keyX.set(key, first + index * LANE_GAP));
  }
  const laneX = new Map<string, number>();
  for (const [edgeId, key] of laneKey) laneX.set(edgeId, keyX.get(key) ?? 0);

  // Where each link leaves a box: links going up leave above links going down, the inner lane outermost, so
  // the stubs of one box do not cross each other's lanes.
  const attach = new Map<string, number>();
  const endKey = (edgeId: string, end: "s" | "t"): string => {
    const edge = edgeById.get(edgeId);
    const hub = trunkHub.get(edgeId);
    const self = end === "s" ? edge?.source : edge?.target;
    return hub !== undefined && hub === self ? (laneKey.get(edgeId) ?? edgeId) : `${edgeId}\u0000${end}`;
  };
  const ends = new Map<Tree, { edgeId: string; up: boolean; lane: number }[]>();
  for (const [edgeId] of edgeLaneBox) {
    const edge = edgeById.get(edgeId);
    if (!edge) continue;
    const a = trees.get(edge.source) as Tree;
    const b = trees.get(edge.target) as Tree;
    const lane = laneX.get(edgeId) ?? 0;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = ends.get(self) ?? [];
      // A trunk leaves its hub once.
      const key = endKey(edgeId, self === a ? "s" : "t");
      if (!list.some((end) => end.edgeId === key))
        list.push({
          edgeId: key,
          up: trunkHub.has(edgeId) && key.startsWith("trunk") ? false : other.y < self.y,
          lane,
        });
      ends.set(self, list);
    }
  }
  for (const [box, list] of ends) {
    list.sort((p, q) => (p.up !== q.up ? (p.up ? -1 : 1) : p.up ? p.lane - q.lane : q.lane - p.lane));
    const container = box.children.length > 0;
    list.forEach((end, index) => {
      // A container's links leave by its header (its children fill the rest); a leaf's spread over its edge.
      const y = container ? box.y + 12 + index * 8 : box.y + ((index + 1) * box.height) / (list.length + 1);
      attach.set(end.edgeId, Math.round(Math.min(y, box.y + box.height - 4)));
    });
  }
  const rightOf = (box: Tree): number => box.x + box.width;

  const width = Math.ceil(root.width);
  const edges: PlacedEdge[] = [];
  for (const edge of diagram.edges) {
    const lane = laneX.get(edge.id);
    if (lane === undefined) continue;
    const a = trees.get(edge.source) as Tree;
    const b = trees.get(edge.target) as Tree;
    const ya = attach.get(endKey(edge.id, "s")) ?? a.y;
    const yb = attach.get(endKey(edge.id, "t")) ?? b.y;
    const points = [
      { x: rightOf(a), y: ya },
      { x: lane, y: ya },
      { x: lane, y: yb },
      { x: rightOf(b), y: yb },
    ];
    let label: Pick<PlacedEdge, "labelAt" | "labelLines"> = {};
    if (edge.label) {
      // The labels above a box read top down; this one starts below those drawn before it.
      const holder = a.labels.includes(edge.id) ? a : b;
      const before = holder.labels
        .slice(0, holder.labels.indexOf(edge.id))
        .reduce((sum, edgeId) => sum + linesOf(edgeId).length, 0);
      const lines = linesOf(edge.id);
      const top = holder.y - labelRoom(holder);
      label = {
        labelAt: {
          x: Math.max(0, Math.min(holder.x + 2, width - labelWidth(edge.id) - 2)),
          y: top + LABEL_ROOM - 4 + before * LABEL_ROOM,
        },
        ...(lines.length > 1 ? { labelLines: lines } : {}),
      };
    }
    edges.push({ ...edge, points, ...label });
  }

  const nodes: PlacedNode[] = [];
  for (const node of diagram.nodes) {
    const box = trees.get(node.id) as Tree;
    nodes.push({
      ...node,
      label: box.label,
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      depth: box.depth,
    });
  }
  return {
    width,
    height: Math.ceil(root.height),
    nodes: nodes.sort((p, q) => p.depth - q.depth),
    edges,
  };
}
