import { describe, expect, it } from "vitest";
import type { Diagram } from "../../lib/diagram/diagram";
import { layoutDiagram } from "../../lib/diagram/layout";

const diagram: Diagram = {
  nodes: [
    { id: "r", kind: "region", label: ["us-east-1"] },
    { id: "vpc-a", kind: "vpc", label: ["vpc-a", "10.0.0.0/16"], parent: "r" },
    { id: "sub-a", kind: "subnet", label: ["app-a", "10.0.1.0/24"], parent: "vpc-a" },
    { id: "i-a", kind: "instance", label: ["web-a", "10.0.1.10"], parent: "sub-a" },
    { id: "vpc-b", kind: "vpc", label: ["vpc-b", "10.1.0.0/16"], parent: "r" },
    { id: "sub-b", kind: "subnet", label: ["db-b", "10.1.2.0/24"], parent: "vpc-b" },
    { id: "igw", kind: "gateway", label: ["igw-1"], parent: "vpc-a" },
  ],
  edges: [{ id: "pcx", source: "vpc-a", target: "vpc-b", kind: "peering", label: "pcx-1" }],
};

function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: typeof inner,
): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}

describe("layoutDiagram", () => {
  it("places every node, each child inside its parent, with absolute coordinates", async () => {
    const placed = await layoutDiagram(diagram);
    expect(placed.nodes).toHaveLength(diagram.nodes.length);
    const byId = new Map(placed.nodes.map((node) => [node.id, node]));
    for (const node of placed.nodes) {
      expect(node.width).toBeGreaterThan(0);
      if (node.parent) {
        const parent = byId.get(node.parent);
        expect(parent, node.id).toBeDefined();
        if (parent) expect(inside(node, parent), `${node.id} inside ${parent.id}`).toBe(true);
      }
    }
    expect(placed.width).toBeGreaterThan(0);
  });

  it("does not overlap sibling boxes", async () => {
    const placed = await layoutDiagram(diagram);
    const vpcs = placed.nodes.filter((node) => node.kind === "vpc");
    const [a, b] = vpcs;
    expect(a && b).toBeTruthy();
    if (a && b) {
      const apart =
        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart).toBe(true);
    }
  });

  it("routes the peering edge with points that start at one VPC and end at the other", async () => {
    const placed = await layoutDiagram(diagram);
    const edge = placed.edges.find((candidate) => candidate.id === "pcx");
    expect(edge?.points.length).toBeGreaterThanOrEqual(2);
    const byId = new Map(placed.nodes.map((node) => [node.id, node]));
    const near = (point: { x: number; y: number }, id: string) => {
      const box = byId.get(id);
      return (
        !!box &&
        point.x >= box.x - 1 &&
        point.x <= box.x + box.width + 1 &&
        point.y >= box.y - 1 &&
        point.y <= box.y + box.height + 1
      );
    };
    const first = edge?.points[0];
    const last = edge?.points.at(-1);
    expect(
      first &&
        last &&
        ((near(first, "vpc-a") && near(last, "vpc-b")) || (near(first, "vpc-b") && near(last, "vpc-a"))),
    ).toBe(true);
  });
});
