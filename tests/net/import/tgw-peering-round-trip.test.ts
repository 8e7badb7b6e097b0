// import -> export -> import keeps transit gateway peering attachments (aws-rules TGW-12): both sides, their
// link, their state and the route tables of each side's transit gateway, over the examiner's two fixtures
// (one attachment id printed by both Regions, and the newer output with an id per side).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDescribeDir } from "@/lib/cli/read-describe-dir";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";

const FIXTURES = path.resolve(import.meta.dirname, "../../cli/fixtures/aws-scenarios");

function importFolder(folder: string): Topology {
  const read = readDescribeDir(path.join(FIXTURES, folder));
  if (!read.ok) throw new Error(read.message);
  const imported = importAwsDescribe(read.regions);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  return imported.topology;
}

function roundTrip(topology: Topology): { topology: Topology; files: string } {
  const files = JSON.stringify(exportAwsDescribe(topology));
  const imported = importAwsDescribe(JSON.parse(files) as Record<string, Record<string, unknown>>);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  expect(imported.warnings).toEqual([]);
  return { topology: imported.topology, files };
}

const byId = <T extends { readonly id: string }>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => a.id.localeCompare(b.id));

const verdicts = (t: Topology): string[] =>
  ["a1", "b1", "c1", "d1"].flatMap((from) =>
    ["a1", "b1", "c1", "d1"]
      .filter((to) => to !== from)
      .map((to) => {
        const a = analyze(t, { from, to, protocol: "tcp", port: 443 });
        return `${from}->${to} ${a.reachable} ${a.blockers.map((b) => `${b.code}@${b.component}`).join(",")}`;
      }),
  );

describe.each(["tgw-peering-shared-id", "tgw-peering-distinct-ids"])("round trip of %s", (folder) => {
  const before = importFolder(folder);
  const { topology: after, files } = roundTrip(before);

  it("keeps every peering side, its peer link and state, and the route tables that name them", () => {
    expect(before.transitGatewayAttachments.filter((a) => a.type === "peering")).toHaveLength(4);
    expect(byId(after.transitGatewayAttachments)).toEqual(byId(before.transitGatewayAttachments));
    expect(byId(after.transitGatewayRouteTables)).toEqual(byId(before.transitGatewayRouteTables));
  });

  it("writes describe-transit-gateway-peering-attachments with AWS's ids only (no internal side ids)", () => {
    expect(files).toContain('"describe-transit-gateway-peering-attachments"');
    expect(files).not.toMatch(/tgw-attach-[0-9a-z]+@/);
  });

  it("gives the same verdicts and blockers after the round trip", () => {
    expect(verdicts(after)).toEqual(verdicts(before));
    expect(verdicts(after)).toContain("a1->b1 true ");
  });
});
