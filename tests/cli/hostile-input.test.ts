import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureCli } from "./capture";
import { runGuarded } from "@/lib/cli/guarded";
import { MAX_NESTING_DEPTH, nestingDepth } from "@/lib/cli/input-limits";
import { readInputFile } from "@/lib/cli/read-input";

// The command line on hostile input. Each case failed before (a crash with a stack, a
// hang, gigabytes of memory, or a verdict on an invalid topology).

const run = (argv: string[], cwd = process.cwd()) => captureCli(argv, cwd, { guarded: true });

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "reachable-hostile-"));
}

const PEERED_OVERLAP = `
region: us-east-1
vpcs:
  - { id: vpc-a, cidrBlocks: [10.0.0.0/16] }
  - { id: vpc-b, cidrBlocks: [10.0.0.0/16] }
subnets:
  - { id: subnet-a, vpcId: vpc-a, availabilityZone: us-east-1a, cidrBlock: 10.0.1.0/24, routeTableId: rtb-a }
  - { id: subnet-b, vpcId: vpc-b, availabilityZone: us-east-1a, cidrBlock: 10.0.2.0/24, routeTableId: rtb-b }
routeTables:
  - { id: rtb-a, vpcId: vpc-a, routes: [{ destination: 10.0.2.0/24, target: pcx-ab }] }
  - { id: rtb-b, vpcId: vpc-b, routes: [{ destination: 10.0.1.0/24, target: pcx-ab }] }
peeringConnections:
  - { id: pcx-ab, requesterVpcId: vpc-a, accepterVpcId: vpc-b, status: active }
securityGroups:
  - { id: sg-a, vpcId: vpc-a, inbound: [{ protocol: all, cidrBlock: 10.0.0.0/8 }] }
  - { id: sg-b, vpcId: vpc-b, inbound: [{ protocol: all, cidrBlock: 10.0.0.0/8 }] }
instances:
  - { id: i-a, name: a, subnetId: subnet-a, privateIp: 10.0.1.10, securityGroupIds: [sg-a] }
  - { id: i-b, name: b, subnetId: subnet-b, privateIp: 10.0.2.10, securityGroupIds: [sg-b] }
`;

function manyOverlappingSubnets(count: number): string {
  const subnets = Array.from(
    { length: count },
    (_, i) => `  - { id: subnet-${i}, vpcId: vpc-a, availabilityZone: us-east-1a, cidrBlock: 10.0.0.0/24 }`,
  );
  return `region: us-east-1\nvpcs:\n  - { id: vpc-a, cidrBlocks: [10.0.0.0/16] }\nsubnets:\n${subnets.join("\n")}\n`;
}

describe("validate on a topology with very many problems (item 10)", () => {
  const dir = tempDir();
  const file = path.join(dir, "overlaps.yaml");
  writeFileSync(file, manyOverlappingSubnets(400));

  it("prints at most --max-issues problems and counts the rest", async () => {
    const r = await run(["validate", "--topology", file, "--max-issues", "50"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("error"))).toHaveLength(50);
    expect(r.stdout).toMatch(/… and \d+ more/);
  });

  it("writes valid JSON with the counts instead of crashing on a huge string", async () => {
    const r = await run(["validate", "--topology", file, "--format", "json"]);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { issues: unknown[]; counts: { errors: number; omitted: number } };
    expect(body.issues.length).toBeLessThanOrEqual(200);
    expect(body.counts.errors).toBe(body.issues.length + body.counts.omitted);
  });

  it("refuses a --max-issues that is not a positive whole number, on one line", async () => {
    const r = await run(["validate", "--topology", file, "--max-issues", "0\nrm -rf /"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--max-issues");
  });
});

describe("faults of ours (item 11)", () => {
  it("exit 70 with one line, and the stack only with --debug", async () => {
    const io = () => {
      const out = { stdout: "", stderr: "" };
      return {
        out,
        io: {
          stdout: { write: (s: string) => (out.stdout += s) },
          stderr: { write: (s: string) => (out.stderr += s) },
          cwd: ".",
        },
      };
    };
    const boom = (): Promise<number> => Promise.reject(new RangeError("Maximum call stack size exceeded"));
    const quiet = io();
    expect(await runGuarded(["analyze"], quiet.io, boom)).toBe(70);
    expect(quiet.out.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(quiet.out.stderr).toContain("internal error: RangeError");
    const loud = io();
    expect(await runGuarded(["analyze", "--debug"], loud.io, boom)).toBe(70);
    expect(loud.out.stderr.split("\n").length).toBeGreaterThan(2);
  });

  it("a dangling symbolic link in a describe folder is one line, exit 2", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "describe-vpcs.json"), JSON.stringify({ Vpcs: [] }));
    symlinkSync(path.join(dir, "gone.json"), path.join(dir, "describe-subnets.json"));
    symlinkSync(path.join(dir, "gone-dir"), path.join(dir, "eu-west-1"));
    const r = await run(["validate", "--topology", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("describe-subnets.json");
  });
});

describe("deep nesting (item 12)", () => {
  it("a megabyte of nested YAML is refused at once, naming the depth", async () => {
    const dir = tempDir();
    const file = path.join(dir, "deep.yaml");
    writeFileSync(file, `vpcs: ${"[".repeat(500_000)}${"]".repeat(500_000)}\n`);
    const started = performance.now();
    const r = await run(["analyze", "--topology", file, "--from", "a", "--to", "b"]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`at most ${MAX_NESTING_DEPTH}`);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("counts block indentation in YAML but not layout in JSON", () => {
    const yaml = Array.from({ length: 10 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n");
    expect(nestingDepth(yaml, true)).toBe(10);
    const json = JSON.stringify({ a: { b: { c: [1, 2] } } }, null, 2);
    expect(nestingDepth(json, false)).toBe(4);
    expect(nestingDepth('{"a": "[[[[[[[[", "b": 1}', false)).toBe(1);
  });
});

describe("files that are not regular files (item 13)", () => {
  it("a symbolic link to /dev/zero is refused without reading it", async () => {
    const dir = tempDir();
    const file = path.join(dir, "zero.json");
    symlinkSync("/dev/zero", file);
    const r = await run(["validate", "--topology", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a regular file");
  });

  it("a FIFO is refused instead of blocking for ever", async () => {
    const dir = tempDir();
    const fifo = path.join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const r = await run(["validate", "--topology", fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a regular file");
  });

  it("a file over the size limit is refused by its size", () => {
    const dir = tempDir();
    const file = path.join(dir, "big.json");
    writeFileSync(file, "x".repeat(2048));
    const read = readInputFile(file, "json", 1024);
    expect(read).toEqual({ ok: false, message: "2048 bytes, more than the 1024 bytes a topology may have" });
  });

  it("a JSON file with a UTF-8 byte-order mark (PowerShell's output) is read", async () => {
    const dir = tempDir();
    const file = path.join(dir, "bom.json");
    writeFileSync(
      file,
      `\uFEFF${JSON.stringify({ region: "us-east-1", vpcs: [{ id: "vpc-a", cidrBlocks: ["10.0.0.0/16"] }] })}`,
    );
    const r = await run(["validate", "--topology", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("a describe folder with a sub-folder holding a FIFO is refused on one line", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "us-east-1"));
    writeFileSync(path.join(dir, "us-east-1", "describe-vpcs.json"), JSON.stringify({ Vpcs: [] }));
    execFileSync("mkfifo", [path.join(dir, "us-east-1", "describe-subnets.json")]);
    const r = await run(["validate", "--topology", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("analyze on a topology that validate rejects (item 14)", () => {
  const dir = tempDir();
  const file = path.join(dir, "overlap.yaml");
  writeFileSync(file, PEERED_OVERLAP);

  it("refuses by default with exit 2 and the first error", async () => {
    const r = await run(["analyze", "--topology", file, "--from", "a", "--to", "b", "--port", "22"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("is invalid");
    expect(r.stderr).toContain("--allow-invalid");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("with --allow-invalid says so first, then gives the verdict", async () => {
    const r = await run([
      "analyze",
      "--topology",
      file,
      "--from",
      "a",
      "--to",
      "b",
      "--port",
      "22",
      "--allow-invalid",
    ]);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toMatch(/^reachable analyze: warning: .* is invalid/);
    expect(r.stdout).not.toBe("");
  });
});

describe("flag values that would split the error line (item 15)", () => {
  it("--port with a newline gives one line", async () => {
    const r = await run(["analyze", "--topology", "x.yaml", "--from", "a", "--to", "b", "--port", "80\n443"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--port");
  });
});
