import { useId } from "react";
import type {
  DiagramNodeKind,
  PathHighlight,
  PathMark,
  PlacedDiagram,
  PlacedEdge,
  PlacedNode,
} from "@/lib/diagram/diagram";

const kindClass: Record<DiagramNodeKind, string> = {
  region: "dg-region",
  vpc: "dg-vpc",
  subnet: "dg-subnet",
  instance: "dg-instance",
  endpoint: "dg-endpoint",
  gateway: "dg-gateway",
  "transit-gateway": "dg-tgw",
  "on-premises": "dg-onprem",
  internet: "dg-internet",
  service: "dg-service",
};

const markClass = (mark: PathMark | undefined): string =>
  mark === "blocked" ? " dg-blocked" : mark === "on-path" ? " dg-on-path" : "";

function NodeBox({ node, mark }: { node: PlacedNode; mark: PathMark | undefined }) {
  const container = node.kind === "region" || node.kind === "vpc" || node.kind === "subnet";
  return (
    <g
      className={`dg-node ${kindClass[node.kind]}${markClass(mark)}`}
      data-node-id={node.id}
      data-kind={node.kind}
    >
      <rect x={node.x} y={node.y} width={node.width} height={node.height} rx={container ? 8 : 5} />
      {node.label.map((line, index) => (
        <text
          key={index}
          x={node.x + (container ? 10 : node.width / 2)}
          y={node.y + 16 + index * 15}
          textAnchor={container ? "start" : "middle"}
          className={index === 0 ? "dg-name" : "dg-detail"}
        >
          {line}
        </text>
      ))}
      {mark === "blocked" ? (
        <text
          x={node.x + node.width - 8}
          y={node.y + 16}
          textAnchor="end"
          className="dg-stop"
          aria-hidden="true"
        >
          ✕
        </text>
      ) : null}
    </g>
  );
}

function EdgeLine({ edge, mark }: { edge: PlacedEdge; mark: PathMark | undefined }) {
  if (edge.points.length < 2) return null;
  const d = edge.points.map((point, index) => `${index === 0 ? "M" : "L"}${point.x},${point.y}`).join(" ");
  const middle = edge.labelAt ?? edge.points[Math.floor(edge.points.length / 2)] ?? edge.points[0];
  return (
    <g
      className={`dg-edge dg-edge-${edge.kind}${edge.inactive ? " dg-inactive" : ""}${markClass(mark)}`}
      data-edge-id={edge.id}
    >
      <path d={d} />
      {edge.label && middle ? (
        <text
          x={middle.x + (edge.labelAt ? 0 : 4)}
          y={middle.y - (edge.labelAt ? 0 : 4)}
          className="dg-edge-label"
        >
          {edge.labelLines
            ? edge.labelLines.map((line, index) => (
                <tspan key={index} x={middle.x} dy={index === 0 ? 0 : 14}>
                  {line}
                </tspan>
              ))
            : edge.label}
        </text>
      ) : null}
    </g>
  );
}

/**
 * The narrowest the diagram may be drawn. A wide diagram shrunk to a phone's width had 6-px labels (its 11-12 px
 * label text scaled by the screen's share of the diagram), so it is never scaled below MIN_LABEL_SCALE: the
 * labels stay at least 9 px and the diagram scrolls sideways in its own region instead.
 */
export const MIN_LABEL_SCALE = 0.82;

export function readableMinWidth(diagramWidth: number): number {
  return Math.min(diagramWidth, Math.max(560, Math.ceil(diagramWidth * MIN_LABEL_SCALE)));
}

const markRank = (mark: PathMark | undefined): number =>
  mark === "blocked" ? 2 : mark === "on-path" ? 1 : 0;

/** The boxes and links of one layout; a highlight marks them by id, so it fits the wide and the narrow one. */
function Drawing({ diagram, highlight }: { diagram: PlacedDiagram; highlight: PathHighlight | undefined }) {
  return (
    <>
      {diagram.nodes.map((node) => (
        <NodeBox key={node.id} node={node} mark={highlight?.nodes.get(node.id)} />
      ))}
      {/* Marked links last, so a trunk that several links share shows the path's colour. */}
      {[...diagram.edges]
        .sort((a, b) => markRank(highlight?.edges.get(a.id)) - markRank(highlight?.edges.get(b.id)))
        .map((edge) => (
          <EdgeLine key={edge.id} edge={edge} mark={highlight?.edges.get(edge.id)} />
        ))}
    </>
  );
}

/** The box a phone gives a diagram (lib/diagram/layout.ts PHONE_DIAGRAM_WIDTH): a drawing this wide needs no hint. */
const PHONE_WIDTH = 300;

/**
 * Below which container width (px, a step of 40 up to 640) the stacked layout replaces the wide one: where the
 * wide one, at its readable minimum plus the scroll box's padding and border, would not fit. globals.css has a
 * container query per step ("tgwphone"). Desktop columns (700 px and more) always get the wide layout.
 */
export function narrowBelow(diagramWidth: number): number {
  return Math.min(640, Math.max(360, Math.ceil((readableMinWidth(diagramWidth) + 18) / 40) * 40));
}

/**
 * Draws a laid-out topology as SVG. Server-rendered: no client JavaScript. The text alternative lists every
 * component, so a screen reader gets the same facts as the picture. A layout wider than a phone carries a
 * stacked one (lib/diagram/narrow.ts): both are drawn and a CSS container query shows the one that fits, so a
 * phone sees the whole network (the transit gateway too) without scrolling sideways. The stacked drawing is
 * named by the same title and description.
 */
export function TopologyDiagram({
  diagram,
  title,
  highlight,
  description,
}: {
  diagram: PlacedDiagram;
  title: string;
  highlight?: PathHighlight | undefined;
  description?: string | undefined;
}) {
  // Unique per diagram: a page may show several diagrams with the same title (bookmarks).
  const id = `dg${useId().replace(/[^a-z0-9]+/gi, "-")}`;
  const narrow = diagram.narrow;
  const classes = narrow
    ? `diagram dg-has-narrow dg-narrow-below-${narrowBelow(diagram.width)}${narrow.width <= PHONE_WIDTH ? " dg-narrow-fits" : ""}`
    : diagram.width <= PHONE_WIDTH
      ? "diagram dg-fits-phone"
      : "diagram";
  return (
    <figure className={classes} data-testid="topology-diagram">
      {/* When it is wider than its box the diagram scrolls sideways: focusable and named so a keyboard user can
          scroll it. */}
      <div
        className="diagram-scroll scroll-region"
        tabIndex={0}
        role="group"
        aria-label={`Diagram: ${title}`}
      >
        <svg
          className={narrow ? "dg-svg-wide" : undefined}
          viewBox={`0 0 ${diagram.width} ${diagram.height}`}
          width={diagram.width}
          height={diagram.height}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          style={{ minWidth: readableMinWidth(diagram.width), maxWidth: "100%", height: "auto" }}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description ?? describe(diagram)}</desc>
          <Drawing diagram={diagram} highlight={highlight} />
        </svg>
        {narrow ? (
          // Drawn at its own size, never scaled: its 11-12 px labels stay 11-12 px.
          <svg
            className="dg-svg-narrow"
            viewBox={`0 0 ${narrow.width} ${narrow.height}`}
            width={narrow.width}
            height={narrow.height}
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
            data-layout="narrow"
          >
            <Drawing diagram={narrow} highlight={highlight} />
          </svg>
        ) : null}
      </div>
      <p className="scroll-hint" aria-hidden="true">
        Scroll the diagram sideways to see all of it →
      </p>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

function describe(diagram: PlacedDiagram): string {
  const names = new Map(diagram.nodes.map((node) => [node.id, node.label.join(" ")]));
  const parts = diagram.nodes.map((node) => {
    const parent = node.parent ? names.get(node.parent) : undefined;
    return `${node.kind} ${node.label.join(" ")}${parent ? ` in ${parent}` : ""}`;
  });
  const links = diagram.edges.map(
    (edge) =>
      `${edge.kind}${edge.label ? ` ${edge.label}` : ""} between ${names.get(edge.source)} and ${names.get(edge.target)}`,
  );
  return [...parts, ...links].join("; ");
}
