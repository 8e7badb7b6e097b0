import ELK, { type ElkExtendedEdge, type ElkNode } from "elkjs/lib/elk.bundled.js";
import type { Diagram, DiagramNode, PlacedDiagram, PlacedEdge, PlacedNode } from "./diagram";
import { narrowLayout } from "./narrow";

/**
 * The narrowest container a diagram is drawn in: a lesson's "Try it" card on a 390-px phone leaves 300 px. A
 * wider layout also carries a stacked one-column layout for such containers (narrow.ts); the page shows it
 * when its container is narrower than the wide layout needs (app/components/topology-diagram.tsx).
 */
export const PHONE_DIAGRAM_WIDTH = 300;

const CHAR_WIDTH = 7.2;
const LINE_HEIGHT = 16;
const LEAF_PADDING = 10;
/** Room above a container's children for its name and detail lines. */
const containerHeader = (node: DiagramNode): number => 10 + node.label.length * 15 + 8;

/** Containers get room for a header with their name and CIDR; leaves are sized to their text. */
function leafSize(node: DiagramNode): { width: number; height: number } {
  const longest = Math.max(...node.label.map((line) => line.length), 4);
  return {
    width: Math.round(longest * CHAR_WIDTH + 2 * LEAF_PADDING),
    height: node.label.length * LINE_HEIGHT + 2 * LEAF_PADDING,
  };
}

function toElk(diagram: Diagram): ElkNode {
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of diagram.nodes) {
    const siblings = children.get(node.parent) ?? [];
    siblings.push(node);
    children.set(node.parent, siblings);
  }
  const build = (node: DiagramNode): ElkNode => {
    const kids = children.get(node.id) ?? [];
    if (kids.length === 0) return { id: node.id, ...leafSize(node) };
    const minWidth = Math.max(...node.label.map((line) => line.length)) * CHAR_WIDTH + 24;
    return {
      id: node.id,
      children: kids.map(build),
      layoutOptions: {
        "elk.padding": `[top=${containerHeader(node)},left=14,bottom=14,right=14]`,
        "elk.nodeSize.constraints": "MINIMUM_SIZE",
        "elk.nodeSize.minimum": `(${Math.round(minWidth)},60)`,
        "elk.spacing.nodeNode": "18",
      },
    };
  };
  // Edge labels are given to ELK so it reserves room for them instead of drawing text over boxes.
  const edges: ElkExtendedEdge[] = diagram.edges.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    ...(edge.label ? { labels: [{ text: edge.label, width: edge.label.length * 6.6 + 6, height: 14 }] } : {}),
  }));
  return {
    id: "root",
    children: (children.get(undefined) ?? []).map(build),
    edges,
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.layered.spacing.nodeNodeBetweenLayers": "56",
      "elk.edgeLabels.placement": "CENTER",
      "elk.spacing.nodeNode": "28",
      "elk.spacing.edgeNode": "16",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.padding": "[top=12,left=12,bottom=12,right=12]",
    },
  };
}

/** Layouts kept per diagram; a question page lays out the same topology on every render. */
const LAYOUT_CACHE_SIZE = 500;
const layoutCache = new Map<string, Promise<PlacedDiagram>>();

/**
 * Lays the diagram out with ELK's layered algorithm; coordinates come back absolute, in px. ELK is
 * deterministic, so a diagram (the topology it was drawn from, with its labels) is laid out once and the result
 * reused; the least recently used layouts leave the cache first.
 */
export function layoutDiagram(diagram: Diagram): Promise<PlacedDiagram> {
  const key = JSON.stringify(diagram);
  const cached = layoutCache.get(key);
  if (cached) {
    layoutCache.delete(key);
    layoutCache.set(key, cached);
    return cached;
  }
  const placed = computeLayout(diagram);
  layoutCache.set(key, placed);
  // A failed layout is not kept: the next render tries again.
  placed.catch(() => layoutCache.delete(key));
  if (layoutCache.size > LAYOUT_CACHE_SIZE) {
    const oldest = layoutCache.keys().next().value;
    if (oldest !== undefined) layoutCache.delete(oldest);
  }
  return placed;
}

async function computeLayout(diagram: Diagram): Promise<PlacedDiagram> {
  const elk = new ELK();
  const laidOut = await elk.layout(toElk(diagram));
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const placed: PlacedNode[] = [];
  const offsets = new Map<string, { x: number; y: number }>([["root", { x: 0, y: 0 }]]);

  const walk = (elkNode: ElkNode, originX: number, originY: number, depth: number): void => {
    for (const child of elkNode.children ?? []) {
      const x = originX + (child.x ?? 0);
      const y = originY + (child.y ?? 0);
      offsets.set(child.id, { x, y });
      const node = byId.get(child.id);
      if (node) placed.push({ ...node, x, y, width: child.width ?? 0, height: child.height ?? 0, depth });
      walk(child, x, y, depth + 1);
    }
  };
  walk(laidOut, 0, 0, 0);

  // ELK reports each edge section relative to the node it stored the edge in (its `container`).
  const edges: PlacedEdge[] = [];
  const collectEdges = (elkNode: ElkNode): void => {
    for (const edge of elkNode.edges ?? []) {
      const source = diagram.edges.find((candidate) => candidate.id === edge.id);
      if (!source) continue;
      const container = (edge as ElkExtendedEdge & { container?: string }).container ?? elkNode.id;
      const origin = offsets.get(container) ?? { x: 0, y: 0 };
      const points = (edge.sections ?? []).flatMap((section) => [
        section.startPoint,
        ...(section.bendPoints ?? []),
        section.endPoint,
      ]);
      const label = edge.labels?.[0];
      edges.push({
        ...source,
        points: points.map((point) => ({ x: origin.x + point.x, y: origin.y + point.y })),
        ...(label && label.x !== undefined && label.y !== undefined
          ? { labelAt: { x: origin.x + label.x, y: origin.y + label.y + (label.height ?? 0) - 3 } }
          : {}),
      });
    }
    for (const child of elkNode.children ?? []) collectEdges(child);
  };
  collectEdges(laidOut);

  const wide: PlacedDiagram = {
    width: Math.ceil(laidOut.width ?? 0),
    height: Math.ceil(laidOut.height ?? 0),
    nodes: placed.sort((a, b) => a.depth - b.depth),
    edges,
  };
  if (wide.width <= PHONE_DIAGRAM_WIDTH) return wide;
  const narrow = narrowLayout(diagram);
  return narrow.width < wide.width ? { ...wide, narrow } : wide;
}
