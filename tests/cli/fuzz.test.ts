import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { captureCli, type CliRun } from "./capture";

// Bounded fuzzing of the command line: flags, topology files and describe folders, mutated from
// real inputs. The contract for every input: no exception escapes (exit 70 is a fault of ours), the exit code
// is a documented one, and bad input is one line on stderr. A few thousand runs in well under a minute.

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIR = mkdtempSync(path.join(tmpdir(), "reachable-fuzz-"));
const TOPOLOGY = parseYaml(
  readFileSync(path.join(ROOT, "content/topologies/abc-peering-chain.yaml"), "utf8"),
) as unknown;
const DESCRIBE = path.join(ROOT, "examples/aws-describe/us-east-1");
const DESCRIBE_FILES = Object.fromEntries(
  readdirSync(DESCRIBE).map((f) => [f, JSON.parse(readFileSync(path.join(DESCRIBE, f), "utf8")) as unknown]),
);

type Outcome = CliRun;

const run = (argv: readonly string[]): Promise<Outcome> => captureCli(argv, DIR, { guarded: true });

function expectContract(outcome: Outcome, argv: readonly string[]): void {
  const context = `argv ${JSON.stringify(argv)}\nstderr ${outcome.stderr.slice(0, 400)}`;
  expect([0, 1, 2], context).toContain(outcome.code);
  // --allow-invalid may add one warning line before the result; bad input is exactly one more line.
  const lines = outcome.stderr
    .trimEnd()
    .split("\n")
    .filter((l) => l !== "" && !/^reachable \w+: warning: /.test(l));
  if (outcome.code === 2) {
    expect(lines, context).toHaveLength(1);
    expect(lines[0], context).toMatch(/^reachable /);
  } else {
    expect(lines, context).toHaveLength(0);
  }
}

/** Replaces the value at a random path of `value` (objects and arrays) with `replacement`. */
/** JSON text of any value; JSON.stringify gives undefined (not the string its type says) for undefined. */
function jsonText(data: unknown, space?: number): string {
  const text = JSON.stringify(data, null, space) as string | undefined;
  return text ?? "null";
}

function mutate(value: unknown, choices: readonly number[], replacement: unknown): unknown {
  if (choices.length === 0 || value === null || typeof value !== "object") return replacement;
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const i = choice % value.length;
    const items: readonly unknown[] = value;
    return items.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { [String(choice)]: replacement };
  const key = keys[choice % keys.length] ?? "";
  return {
    ...(value as Record<string, unknown>),
    [key]: mutate((value as Record<string, unknown>)[key], rest, replacement),
  };
}

const weirdString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "",
    "-",
    "--",
    "0",
    "65536",
    "-1",
    "1e3",
    " 80",
    "80\n443",
    "\u0000",
    "../../etc/passwd",
    "internet",
    "s3",
    "app-a",
    "10.0.1.10",
    "::1",
    "com.amazonaws.us-east-1.s3",
  ),
);
const replacement = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  weirdString,
  fc.constantFrom(null, -1, 1e300, "10.0.0.0/33", "pcx-nope", "::/0"),
);

describe("fuzzing the command line (bounded)", () => {
  it("flags: any mix of known and unknown flags and values", async () => {
    const flag = fc.constantFrom(
      "--topology",
      "--from",
      "--to",
      "--port",
      "--protocol",
      "--format",
      "--max-issues",
      "--allow-invalid",
      "--family",
      "--count",
      "--seed",
      "--difficulty",
      "--bogus",
      "-h",
    );
    const topologyArg = fc.constantFrom(
      path.join(ROOT, "content/topologies/abc-peering-chain.yaml"),
      DESCRIBE,
      "nope.yaml",
      DIR,
      "/dev/null",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("analyze", "validate", "quiz", "bogus"),
        fc.array(fc.oneof(flag, weirdString, topologyArg), { maxLength: 10 }),
        async (command, rest) => {
          const argv = [command, ...rest];
          expectContract(await run(argv), argv);
        },
      ),
      { numRuns: 600 },
    );
  }, 120_000);

  it("topology files: a real topology with one value replaced, as JSON and as YAML", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(40), { maxLength: 5 }),
        replacement,
        fc.boolean(),
        async (choices, value, asJson) => {
          const file = path.join(DIR, `t${(n += 1)}.${asJson ? "json" : "yaml"}`);
          const data = mutate(TOPOLOGY, choices, value);
          writeFileSync(file, asJson ? jsonText(data) : jsonText(data, 1));
          for (const argv of [
            ["analyze", "--topology", file, "--from", "app-a", "--to", "app-b", "--port", "443"],
            ["analyze", "--topology", file, "--from", "app-a", "--to", "internet", "--allow-invalid"],
            ["validate", "--topology", file, "--format", "json"],
          ]) {
            expectContract(await run(argv), argv);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 180_000);

  it("describe folders: the sample estate with one value of one file replaced", async () => {
    let n = 0;
    const fileNames = Object.keys(DESCRIBE_FILES);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(fileNames.length - 1),
        fc.array(fc.nat(40), { maxLength: 6 }),
        replacement,
        async (which, choices, value) => {
          const dir = path.join(DIR, `d${(n += 1)}`);
          mkdirSync(dir);
          for (const [name, content] of Object.entries(DESCRIBE_FILES)) {
            const data = name === fileNames[which] ? mutate(content, choices, value) : content;
            writeFileSync(path.join(dir, name), jsonText(data));
          }
          for (const argv of [
            [
              "analyze",
              "--topology",
              dir,
              "--from",
              "web-1",
              "--to",
              "internet",
              "--port",
              "443",
              "--allow-invalid",
            ],
            ["validate", "--topology", dir],
          ]) {
            expectContract(await run(argv), argv);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 180_000);
});
