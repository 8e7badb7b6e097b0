import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runLab } from "@/lib/lab/lab-run";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";

const chain = fs.readFileSync(
  path.join(process.cwd(), "content", "topologies", "abc-peering-chain.yaml"),
  "utf8",
);
const aToB = { from: "app-a", to: "app-b", protocol: "tcp" as const, port: 443 };

describe("one lab turn", () => {
  it("answers a question with hops, flow logs and the forms' choices", async () => {
    const outcome = await runLab({ text: chain, format: "yaml", query: aToB });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.value.answer?.reachable).toBe(true);
    expect(outcome.value.answer?.forward.length).toBeGreaterThan(2);
    const flowLogs = outcome.value.answer?.flowLogs ?? [];
    expect(flowLogs.length).toBeGreaterThan(1);
    for (const group of flowLogs)
      for (const line of group.lines) expect(line.split(" ")[2]).toBe(group.interfaceId);
    expect(flowLogs.flatMap((group) => group.lines).some((line) => line.includes("ACCEPT"))).toBe(true);
    expect(outcome.value.endpoints).toEqual(
      expect.arrayContaining(["app-a", "app-b", "app-c", "internet", "com.amazonaws.us-east-1.s3"]),
    );
    expect(outcome.value.resources.routeTables.map((table) => table.id)).toEqual(["rtb-a", "rtb-b", "rtb-c"]);
    // Each hop is located on the diagram, for stepping through the path.
    expect(outcome.value.diagram?.hopNodes).toHaveLength(
      (outcome.value.answer?.forward.length ?? 0) + (outcome.value.answer?.return.length ?? 0),
    );
    expect(outcome.value.diagram?.hopNodes.some((nodes) => nodes.length > 0)).toBe(true);
    expect(outcome.value.text).toBeUndefined();
  });

  it("applies an edit, returns the edited text, and proposes fixes for what it broke", async () => {
    const outcome = await runLab({
      text: chain,
      format: "yaml",
      query: aToB,
      edit: { kind: "remove-route", routeTableId: "rtb-a", destination: "10.1.0.0/16" },
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.value.answer?.reachable).toBe(false);
    expect(outcome.value.answer?.blockers.length).toBeGreaterThan(0);
    expect(outcome.value.answer?.blockers[0]?.rules.length).toBeGreaterThan(0);
    expect(outcome.value.answer?.fixes.some((fix) => fix.verified)).toBe(true);
    expect(outcome.value.text).toContain("rtb-a");
    expect(outcome.value.inverse?.length).toBeGreaterThan(0);
  });

  it("lists the changes against where the lab started, and a who-can-reach-whom matrix", async () => {
    const outcome = await runLab({
      text: chain,
      baseText: chain,
      format: "yaml",
      edit: { kind: "remove-route", routeTableId: "rtb-a", destination: "10.1.0.0/16" },
      matrix: { instances: ["app-a", "app-b", "app-c"], protocol: "tcp", port: 443 },
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.value.diff).toEqual(["~ routeTables rtb-a"]);
    const rows = outcome.value.matrix?.rows;
    expect(rows?.[0]?.[0]).toBeNull();
    expect(rows?.[0]?.[1]).toBe(false);
    expect(rows?.[1]?.[0]).toBe(false);
  });

  it("refuses a query whose source or destination the model cannot resolve, naming the field", async () => {
    await expect(
      runLab({
        text: chain,
        format: "yaml",
        query: { from: "app-a", to: "nowhere-host", protocol: "tcp", port: 443 },
      }),
    ).resolves.toMatchObject({ ok: false, field: "query.to" });
  });

  it("gives no verdict on a topology with validation errors, and lists them", async () => {
    const broken = STARTER_TOPOLOGY_YAML.replace("subnetId: subnet-private", "subnetId: subnet-nowhere");
    const outcome = await runLab({
      text: broken,
      format: "yaml",
      query: { from: "web", to: "app", protocol: "tcp" },
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.value.errors.length).toBeGreaterThan(0);
    expect(outcome.value.answer).toBeUndefined();
  });

  it("names the field at fault: the text, or the edit", async () => {
    await expect(runLab({ text: "vpcs: [", format: "yaml" })).resolves.toMatchObject({
      ok: false,
      field: "text",
    });
    await expect(
      runLab({
        text: "{}",
        format: "json",
        edit: { kind: "remove-route", routeTableId: "rtb-x", destination: "10.0.0.0/8" },
      }),
    ).resolves.toMatchObject({
      ok: false,
      field: "edit.routeTableId",
    });
  });
});
