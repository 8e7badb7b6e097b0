import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdit, type LabEdit } from "@/lib/lab/edits";
import { topologyText } from "@/lib/lab/topology-text";
import { analyze, parseTopologyText, type Query, type Topology } from "@/lib/net";

function lesson(name: string): Topology {
  const text = fs.readFileSync(path.join(process.cwd(), "content", "topologies", `${name}.yaml`), "utf8");
  const parsed = parseTopologyText(text, "yaml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.topology;
}

function applied(topology: Topology, edit: LabEdit) {
  const result = applyEdit(topology, edit);
  if (!result.ok) throw new Error(`${result.field}: ${result.error}`);
  return result;
}

const aToB: Query = { from: "app-a", to: "app-b", protocol: "tcp", port: 443 };
const removeAB: LabEdit = { kind: "remove-route", routeTableId: "rtb-a", destination: "10.1.0.0/16" };

describe("lab edits", () => {
  it("removing a route breaks the path and its inverse puts the route back in its place", () => {
    const before = lesson("abc-peering-chain");
    const removed = applied(before, removeAB);
    expect(analyze(removed.topology, aToB).reachable).toBe(false);
    expect(removed.topology.routeTables.find((t) => t.id === "rtb-a")?.routes).toHaveLength(1);
    const undone = applied(removed.topology, removed.inverse);
    expect(undone.topology).toEqual(before);
    expect(analyze(undone.topology, aToB).reachable).toBe(true);
  });

  it("never modifies the topology it is given", () => {
    const before = lesson("abc-peering-chain");
    const copy = structuredClone(before);
    applied(before, removeAB);
    applied(before, {
      kind: "add-route",
      routeTableId: "rtb-a",
      route: { destination: "0.0.0.0/0", target: "blackhole" },
    });
    expect(before).toEqual(copy);
  });

  it("adding a route appends a static route, and its inverse removes it", () => {
    const before = lesson("abc-peering-chain");
    const added = applied(before, {
      kind: "add-route",
      routeTableId: "rtb-c",
      route: { destination: "10.3.0.0/16", target: "pcx-bc" },
    });
    expect(added.topology.routeTables.find((t) => t.id === "rtb-c")?.routes.at(-1)).toEqual({
      destination: "10.3.0.0/16",
      target: "pcx-bc",
      origin: "static",
    });
    expect(added.inverse).toEqual({
      kind: "remove-route",
      routeTableId: "rtb-c",
      destination: "10.3.0.0/16",
    });
    expect(applied(added.topology, added.inverse).topology).toEqual(before);
  });

  it("refuses bad edits naming the field", () => {
    const topology = lesson("abc-peering-chain");
    expect(applyEdit(topology, { ...removeAB, routeTableId: "rtb-zz" })).toMatchObject({
      ok: false,
      field: "edit.routeTableId",
    });
    expect(applyEdit(topology, { ...removeAB, destination: "10.9.0.0/16" })).toMatchObject({
      ok: false,
      field: "edit.destination",
    });
    expect(
      applyEdit(topology, {
        kind: "add-route",
        routeTableId: "rtb-a",
        route: { destination: "10.1.0.0/16", target: "pcx-ab" },
      }),
    ).toMatchObject({ ok: false, field: "edit.route.destination" });
    expect(applyEdit(topology, { kind: "apply-fix", query: aToB, fixId: "fix-1" })).toMatchObject({
      ok: false,
      field: "edit.fixId",
    });
  });

  it("applying a proposed fix makes the query reachable, and its inverse restores the broken topology", () => {
    const broken = applied(lesson("abc-peering-chain"), removeAB).topology;
    const fixed = applied(broken, { kind: "apply-fix", query: aToB, fixId: "fix-1" });
    expect(analyze(fixed.topology, aToB).reachable).toBe(true);
    const undone = applied(fixed.topology, fixed.inverse);
    expect(undone.topology).toBe(broken);
  });

  it("the edited text parses back to the edited topology, in YAML and JSON", () => {
    const removed = applied(lesson("abc-peering-chain"), removeAB).topology;
    for (const format of ["yaml", "json"] as const) {
      const reparsed = parseTopologyText(topologyText(removed, format), format);
      expect(reparsed.ok && reparsed.topology).toEqual(removed);
    }
    expect(topologyText(removed, "yaml")).not.toMatch(/[&*]a\d/);
  });
});

describe("topology text", () => {
  it("leaves out the schema's defaults, and keeps a field whose value is not the default", () => {
    const topology = lesson("abc-peering-chain");
    const text = topologyText(topology, "yaml");
    expect(text).not.toMatch(/origin: static|main: false|sourceDestCheck: true|state: running/);
    const stopped = {
      ...topology,
      instances: topology.instances.map((instance) => ({ ...instance, state: "stopped" as const })),
    };
    const stoppedText = topologyText(stopped, "yaml");
    expect(stoppedText).toContain("state: stopped");
    const reparsed = parseTopologyText(stoppedText, "yaml");
    expect(reparsed.ok && reparsed.topology).toEqual(stopped);
  });
});
