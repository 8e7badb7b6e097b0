/**
 * A drawing-level description of a network: boxes that may contain boxes (region > VPC > subnet > instance)
 * and labelled links between them. Independent of the topology format so layout and rendering stay simple.
 */
export type DiagramNodeKind =
  | "region"
  | "vpc"
  | "subnet"
  | "instance"
  | "endpoint"
  | "gateway"
  | "transit-gateway"
  | "on-premises"
  | "internet"
  | "service";

export type DiagramNode = {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** First line is the name; later lines are details such as a CIDR. */
  readonly label: readonly string[];
  readonly parent?: string;
};

export type DiagramEdgeKind = "peering" | "attachment" | "route" | "vpn" | "direct-connect" | "link";

export type DiagramEdge = {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: DiagramEdgeKind;
  readonly label?: string;
  /** A dashed line: inactive (e.g. a peering still pending acceptance). */
  readonly inactive?: boolean;
};

export type Diagram = { readonly nodes: readonly DiagramNode[]; readonly edges: readonly DiagramEdge[] };

/** How a node or edge takes part in a highlighted path from the model's trace. */
export type PathMark = "on-path" | "blocked";

export type PathHighlight = {
  readonly nodes: ReadonlyMap<string, PathMark>;
  readonly edges: ReadonlyMap<string, PathMark>;
};

export type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

export type PlacedNode = DiagramNode & Box & { readonly depth: number };

export type PlacedEdge = DiagramEdge & {
  readonly points: readonly { x: number; y: number }[];
  /** Where ELK put the label (its baseline start), clear of the boxes. */
  readonly labelAt?: { x: number; y: number };
  /** The label broken into lines, 14 px apart from labelAt down (the stacked layout's long labels). */
  readonly labelLines?: readonly string[];
};

export type PlacedDiagram = {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /**
   * The same diagram stacked in one column for a phone-width container (narrow.ts), when this layout is wider
   * than one. Same node and edge ids, so one highlight marks both.
   */
  readonly narrow?: PlacedDiagram;
};
