import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureCli } from "./capture";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SAMPLE = "examples/aws-describe";

const run = (...argv: string[]) => captureCli(argv, ROOT);

const tmp = mkdtempSync(path.join(tmpdir(), "reachable-cli-"));
const write = (name: string, text: string): string => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

const SMALL_YAML = `
vpcs:
  - { id: vpc-1, name: lab, cidrBlocks: [10.0.0.0/16] }
subnets:
  - { id: subnet-1, vpcId: vpc-1, availabilityZone: us-east-1a, cidrBlock: 10.0.1.0/24 }
routeTables:
  - { id: rtb-1, vpcId: vpc-1, main: true }
networkAcls:
  - id: acl-1
    vpcId: vpc-1
    isDefault: true
    inbound: [{ ruleNumber: 100, cidrBlock: 0.0.0.0/0, action: allow }]
    outbound: [{ ruleNumber: 100, cidrBlock: 0.0.0.0/0, action: allow }]
securityGroups:
  - { id: sg-1, vpcId: vpc-1, inbound: [{ protocol: tcp, fromPort: 22, toPort: 22, cidrBlock: 10.0.0.0/16 }] }
instances:
  - { id: i-a, name: a, subnetId: subnet-1, privateIp: 10.0.1.10, securityGroupIds: [sg-1] }
  - { id: i-b, name: b, subnetId: subnet-1, privateIp: 10.0.1.20, securityGroupIds: [sg-1] }
`;

describe("reachable analyze", () => {
  it("exits 0 and prints a numbered trace with the matched rules for a reachable query", async () => {
    const r = await run(
      "analyze",
      "--topology",
      SAMPLE,
      "--from",
      "web-1",
      "--to",
      "app-1",
      "--port",
      "8080",
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Verdict: REACHABLE$/m);
    expect(r.stdout).toMatch(/^ {2}1\. send/m);
    expect(r.stdout).toContain("matched sg-rule: app: inbound tcp/8080");
    expect(r.stdout).toMatch(
      /^ {2}2 111122223333 eni-0a1b2c3d4e5f6b002 10\.0\.1\.10 10\.0\.2\.20 \d+ 8080 6 .* ACCEPT OK$/m,
    );
  });

  it("shows the header rewrite where the NAT gateway translates the source", async () => {
    const r = await run(
      "analyze",
      "--topology",
      SAMPLE,
      "--from",
      "app-1",
      "--to",
      "internet",
      "--port",
      "443",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/header {2}10\.0\.2\.20:\d+ -> \S+ tcp {2}=> {2}10\.0\.1\.50:\d+ -> \S+ tcp/);
    // The first hop states the original header; later lines only show where it changes.
    expect(r.stdout).toMatch(/ {2}1\. send .*\n {7}header {2}10\.0\.2\.20:\d+ -> \S+ tcp\n/);
  });

  it("exits 1 and lists the blocker with its code, component and rules", async () => {
    const r = await run("analyze", "--topology", SAMPLE, "--from", "web-1", "--to", "db-1", "--port", "5432");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Verdict: NOT REACHABLE \(1 blocker\)$/m);
    expect(r.stdout).toMatch(/1\. ENI_SG_RULES_MISMATCH at sg-0a1b2c3d4e5f68003 on the forward path \[SG-01/);
  });

  it("prints the documented JSON shape with --format json", async () => {
    const r = await run(
      "analyze",
      "--topology",
      SAMPLE,
      "--from",
      "web-1",
      "--to",
      "db-1",
      "--port",
      "5432",
      "--format",
      "json",
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & {
      blockers: Record<string, unknown>[];
      flowLogs: Record<string, unknown>[];
    };
    expect(out).toMatchObject({
      version: 1,
      reachable: false,
      query: { from: "web-1", to: "db-1", protocol: "tcp", port: 5432 },
    });
    expect(Array.isArray(out.forward) && Array.isArray(out.return)).toBe(true);
    expect(out.blockers[0]).toMatchObject({
      code: "ENI_SG_RULES_MISMATCH",
      component: "sg-0a1b2c3d4e5f68003",
      rules: expect.arrayContaining(["SG-01"]) as unknown,
    });
    expect(typeof out.blockers[0]?.message).toBe("string");
    const rejected = out.flowLogs.find((f) => f.action === "REJECT");
    expect(rejected).toMatchObject({ interfaceId: "eni-0a1b2c3d4e5f6b003", dstPort: 5432 });
    expect(rejected?.line).toMatch(/ REJECT OK$/);
  });

  it("reads a YAML topology file by its extension", async () => {
    const file = write("lab.yaml", SMALL_YAML);
    expect((await run("analyze", "--topology", file, "--from", "a", "--to", "b", "--port", "22")).code).toBe(
      0,
    );
    expect((await run("analyze", "--topology", file, "--from", "a", "--to", "b", "--port", "80")).code).toBe(
      1,
    );
  });

  it.each([
    [["--from", "web-1", "--to", "app-1"], "--topology is required"],
    [["--topology", SAMPLE, "--to", "app-1"], "--from is required"],
    [
      ["--topology", SAMPLE, "--from", "web-1", "--to", "app-1", "--port", "http"],
      '--port must be an integer from 1 to 65535 (got "http")',
    ],
    [
      ["--topology", SAMPLE, "--from", "web-1", "--to", "app-1", "--port", "70000"],
      "--port must be an integer",
    ],
    [
      ["--topology", SAMPLE, "--from", "web-1", "--to", "app-1", "--protocol", "sctp"],
      '--protocol must be tcp, udp or icmp (got "sctp")',
    ],
    [
      ["--topology", SAMPLE, "--from", "web-1", "--to", "app-1", "--format", "xml"],
      "--format must be text or json",
    ],
    [["--topology", SAMPLE, "--from", "web-1", "--to", "app-1", "--colour"], "--colour"],
    [
      ["--topology", "nope/missing.json", "--from", "a", "--to", "b"],
      "--topology nope/missing.json: no such file or directory",
    ],
    [
      ["--topology", write("notes.txt", "x"), "--from", "a", "--to", "b"],
      "notes.txt: expected a .json, .yaml or .yml file",
    ],
    [
      ["--topology", write("broken.json", "{ vpcs: ["), "--from", "a", "--to", "b"],
      "broken.json: not valid JSON",
    ],
    [
      ["--topology", SAMPLE, "--from", "no-such-host", "--to", "app-1"],
      '--from Unknown source "no-such-host"',
    ],
    [
      ["--topology", SAMPLE, "--from", "web-1", "--to", "no-such-host"],
      '--to Unknown destination "no-such-host"',
    ],
  ])("exits 2 with one line on stderr for bad input %#", async (args, expected) => {
    const r = await run("analyze", ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.endsWith("\n")).toBe(true);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(expected);
  });

  it("names the topology path and field of a schema problem", async () => {
    const file = write("bad.json", JSON.stringify({ vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.5/16"] }] }));
    const r = await run("analyze", "--topology", file, "--from", "a", "--to", "b");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `--topology ${file}: vpcs[0].cidrBlocks[0]: "10.0.0.5/16" is not a network address (did you mean 10.0.0.0/16?)`,
    );
  });
});

describe("reachable validate", () => {
  it("exits 0 for the shipped sample", async () => {
    const r = await run("validate", "--topology", SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 error\(s\)/m);
  });

  it("exits 1 and lists every schema problem of a topology that does not parse", async () => {
    const file = write(
      "two-bad.json",
      JSON.stringify({ vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.5/16", "nonsense"] }] }),
    );
    const r = await run("validate", "--topology", file, "--format", "json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; issues: { path: string }[] };
    expect(out.valid).toBe(false);
    expect(out.issues.map((i) => i.path)).toEqual(["vpcs[0].cidrBlocks[0]", "vpcs[0].cidrBlocks[1]"]);
  });

  it("exits 1 for a topology the model refuses (a subnet outside its VPC)", async () => {
    const file = write(
      "outside.yaml",
      SMALL_YAML.replace("cidrBlock: 10.0.1.0/24", "cidrBlock: 10.9.1.0/24"),
    );
    const r = await run("validate", "--topology", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error +\S+ subnets\[0\]/m);
  });

  it("exits 2 when the topology cannot be read", async () => {
    const r = await run("validate", "--topology", "does-not-exist.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("reachable validate: --topology does-not-exist.yaml: no such file or directory\n");
  });
});

describe("reachable (dispatch)", () => {
  it("prints usage for --help and exits 0", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("analyze  --topology <file|dir>");
  });

  it("exits 2 for a missing or unknown command", async () => {
    expect((await run()).code).toBe(2);
    const r = await run("analyse");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "reachable analyse: unknown command (expected analyze, validate or quiz); see reachable --help\n",
    );
  });

  it("delegates quiz to the question generator's CLI", async () => {
    const r = await run("quiz", "--bogus-flag");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^reachable quiz: .*--bogus-flag/);
  });
});
