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
