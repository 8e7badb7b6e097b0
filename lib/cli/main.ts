// Entry point run by bin/reachable.js (through tsx): the only place that touches process.
import { runCli } from "./run-cli";

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
