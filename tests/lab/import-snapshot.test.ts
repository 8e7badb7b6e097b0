import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSnapshot } from "@/lib/lab/import-snapshot";
import { analyze, parseTopologyText } from "@/lib/net";
import { exportAwsDescribe } from "@/lib/net/import";

const chain = parseTopologyText(
  fs.readFileSync(path.join(process.cwd(), "content", "topologies", "abc-peering-chain.yaml"), "utf8"),
  "yaml",
);

describe("an uploaded AWS snapshot", () => {
  it("becomes topology text the lab analyses with the same verdicts", () => {
    if (!chain.ok) throw new Error("lesson topology does not parse");
    const exported = exportAwsDescribe(chain.topology);
    // One region's files, keyed by file name without .json, as the browser sends them.
    const files = JSON.parse(JSON.stringify(Object.values(exported)[0])) as Record<string, unknown>;
    expect(Object.keys(files)).toContain("describe-vpcs");
    const imported = importSnapshot(files);
    if (!imported.ok) throw new Error(imported.error);
    const reparsed = parseTopologyText(imported.value.text, "yaml");
    if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.issues));
    for (const [from, to] of [
      ["i-a", "i-b"],
      ["i-a", "i-c"],
    ] as const) {
      const query = { from, to, protocol: "tcp" as const, port: 443 };
      expect(analyze(reparsed.topology, query).reachable).toBe(analyze(chain.topology, query).reachable);
    }
  });

  it("names the file at fault when a file is not AWS output", () => {
    const imported = importSnapshot({ "describe-vpcs": { Vpcs: "nope" } });
    expect(imported).toMatchObject({ ok: false, field: "files" });
    expect(!imported.ok && imported.error).toContain("describe-vpcs");
  });
});
