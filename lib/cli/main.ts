// Entry point run by bin/reachable.js: the only place that touches process.
import { runGuarded } from "./guarded";
import { runCli } from "./run-cli";

process.exitCode = await runGuarded(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() },
  runCli,
);
