// `reachable analyze` on AWS CLI describe-* folders an outside examiner built (tests/cli/fixtures/aws-scenarios):
// the verdict, the deciding blocker and what the trace says about it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/run-cli";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/aws-scenarios");

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: FIXTURES,
  });
  return { code, stdout, stderr };
}

const args = (scenario: string, from: string, to: string, port?: number): string[] => [
  "analyze",
  "--topology",
  path.join(FIXTURES, scenario),
  "--from",
  from,
  "--to",
  to,
  ...(port === undefined ? [] : ["--port", String(port)]),
];

async function text(scenario: string, from: string, to: string, port?: number): Promise<string> {
  return (await run(...args(scenario, from, to, port))).stdout;
}

async function json(scenario: string, from: string, to: string, port?: number): Promise<AnalysisJson> {
  const r = await run(...args(scenario, from, to, port), "--format", "json");
  return JSON.parse(r.stdout) as AnalysisJson;
}

describe("NAT instance (NATI-01)", () => {
  it("reaches the internet through a correctly built NAT instance, stating the assumed translation", async () => {
    const r = await json("s15b-nat-instance-srcdst-off", "app-1", "internet", 443);
    expect(r.reachable).toBe(true);
    expect(r.blockers).toEqual([]);
    expect(r.assumptions.some((a) => a.includes("assumed to be a NAT instance") && a.includes("NATI-01"))).toBe(
      true,
    );
    const translate = r.forward.find((h) => h.action === "translate" && h.component.type === "network-interface");
    expect(translate?.detail).toEqual({ kind: "translation", field: "source", from: "10.0.1.10", to: "10.0.0.20" });
    // The internet gateway then maps the NAT instance's address to its public IP, and the reply comes back.
    expect(r.forward.some((h) => h.outbound?.srcIp === "54.90.7.7")).toBe(true);
    expect(r.return.at(-1)?.component.id).toBe(r.forward[0]?.component.id);
  });

  it("blames only the source/destination check when it is left on, not the internet gateway", async () => {
    const r = await json("s15-nat-instance-srcdst", "app-1", "internet", 443);
    expect(r.reachable).toBe(false);
    expect(r.blockers.map((b) => b.code)).toEqual(["ENI_SOURCE_DEST_CHECK_RESTRICTION"]);
  });
});

describe("private DNS of an interface endpoint without describe-vpc-attribute", () => {
  it("infers DNS support and hostnames on, so the name resolves to the endpoint and its SG decides", async () => {
    const r = await json("s07-interface-endpoint-sg", "app-1", "com.amazonaws.us-east-1.sqs", 443);
    expect(r.reachable).toBe(false);
    expect(r.blockers.map((b) => [b.code, b.component])).toEqual([["ENI_SG_RULES_MISMATCH", "sg-000000000000000b3"]]);
    expect(r.assumptions.find((a) => a.includes("describe-vpc-attribute"))).toMatch(
      /inferred on, because interface endpoint vpce-0a1b2c3d4e5f6b002 has private DNS enabled/,
    );
  });
});
