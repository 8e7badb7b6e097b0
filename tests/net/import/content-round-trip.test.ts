import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { parseTopologyText } from "@/lib/net/parse";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";

// The course's own topologies, sent through describe-* JSON and back, must answer every
// instance-to-instance and instance-to-internet question exactly as before.
const DIR = path.resolve(import.meta.dirname, "../../../content/topologies");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

function answers(t: Topology): string[] {
  const refs = t.instances.map((i) => i.id);
  const out: string[] = [];
  for (const from of refs) {
    for (const to of [...refs, "internet"]) {
      if (from === to) continue;
      for (const port of [22, 443]) {
        const a = analyze(t, { from, to, protocol: "tcp", port });
        out.push(
          `${from}->${to}:${port} ${a.reachable} ${a.blockers.map((b) => `${b.code}@${b.component}`).join(",")}`,
        );
      }
    }
  }
  return out;
}

describe("export then import of the course topologies", () => {
  it("finds the course topologies", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s keeps every verdict and blocker", (file) => {
    const parsed = parseTopologyText(readFileSync(path.join(DIR, file), "utf8"), "yaml");
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
    const imported = importAwsDescribe(
      JSON.parse(JSON.stringify(exportAwsDescribe(parsed.topology))) as Record<string, unknown>,
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(answers(imported.topology)).toEqual(answers(parsed.topology));
  });
});
