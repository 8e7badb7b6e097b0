import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The real command, as `npx reachable` runs it: node + bin/reachable.js (tsx loader) + main.ts.
const ROOT = path.resolve(import.meta.dirname, "../..");

function reachable(...args: string[]) {
  return spawnSync(process.execPath, ["bin/reachable.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("bin/reachable.js", () => {
  it("exits 0 for a reachable query and 1 for a blocked one", () => {
    const ok = reachable(
      "analyze",
      "--topology",
      "examples/aws-describe",
      "--from",
      "app-1",
      "--to",
      "s3",
      "--port",
      "443",
      "--format",
      "json",
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ reachable: true });
    const blocked = reachable(
      "analyze",
      "--topology",
      "examples/aws-describe",
      "--from",
      "db-1",
      "--to",
      "internet",
      "--port",
      "443",
    );
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain("NO_ROUTE_TO_DESTINATION");
  }, 60_000);

  it("exits 2 with one stderr line for bad input", () => {
    const bad = reachable(
      "analyze",
      "--topology",
      "examples/aws-describe",
      "--from",
      "web-1",
      "--to",
      "app-1",
      "--port",
      "-1",
    );
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
  }, 60_000);
});

describe("dist/cli/reachable.mjs (the compiled command line)", () => {
  it("answers exactly as the TypeScript sources do", async () => {
    const { runCli } = await import("@/lib/cli/run-cli");
    const args = [
      "analyze",
      "--topology",
      "examples/aws-describe",
      "--from",
      "web-1",
      "--to",
      "internet",
      "--port",
      "443",
      "--format",
      "json",
    ];
    let inProcess = "";
    const code = await runCli(args, {
      stdout: { write: (s: string) => (inProcess += s) },
      stderr: { write: () => true },
      cwd: ROOT,
    });
    const compiled = spawnSync(process.execPath, ["dist/cli/reachable.mjs", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(compiled.status).toBe(code);
    expect(compiled.stdout).toBe(inProcess);
  }, 60_000);
});
