import path from "node:path";
import { expect } from "vitest";
import type { AnalysisJson } from "@/lib/cli/format-analysis";
import { runGuarded } from "@/lib/cli/guarded";
import { runCli, type CliIo } from "@/lib/cli/run-cli";

export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/**
 * Runs the command line in process with its output captured, as `reachable` would print it. `guarded` adds the
 * binary's last-resort handling (a crash becomes exit 70 and one line) for the tests that feed it hostile input.
 */
export async function captureCli(
  argv: readonly string[],
  cwd: string,
  options: { readonly guarded?: boolean } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
  };
  const code = options.guarded === true ? await runGuarded(argv, io, runCli) : await runCli(argv, io);
  return { code, stdout, stderr };
}

/**
 * `reachable analyze --format json` on one scenario folder under `fixtures`, with its exit code. A topology the
 * command refused or a reference it did not know fails here, so a test never reads JSON that is not there.
 */
export async function analyzeFolder(
  fixtures: string,
  scenario: string,
  from: string,
  to: string,
  ...more: string[]
): Promise<{ readonly code: number; readonly json: AnalysisJson }> {
  const r = await captureCli(
    [
      "analyze",
      "--topology",
      path.join(fixtures, scenario),
      "--from",
      from,
      "--to",
      to,
      ...more,
      "--format",
      "json",
    ],
    fixtures,
  );
  expect(r.stderr).not.toMatch(/invalid|Unknown destination/);
  return { code: r.code, json: JSON.parse(r.stdout) as AnalysisJson };
}
