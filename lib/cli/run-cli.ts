import { formatIssue } from "../net/parse";
import { analyze } from "../net/reachability";
import { parseAnalyzeArgs } from "./args";
import { analysisToJson, formatAnalysisText } from "./format-analysis";
import { loadTopology } from "./load-topology";
import { refProblem } from "./resolve-ref";
import { fail, oneLine, USAGE, type CliIo } from "./io";
import { validate } from "../net/validate";

export { USAGE, type CliIo, type Writer } from "./io";
import { buildNetwork } from "../net/network";
import { DEFAULT_FLOW_LOG_NOW } from "../net/flow-logs";

// `reachable <command> …` -> exit code. Exit codes (docs/cli.md): analyze 0 reachable / 1 not;
// validate 0 no errors / 1 errors; 2 for bad input, with one line on stderr naming the flag or path.

function runAnalyze(argv: readonly string[], io: CliIo): number {
  const parsed = parseAnalyzeArgs(argv);
  if (parsed.ok === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  if (!parsed.ok) return fail(io, "analyze", parsed.message);
  const { args } = parsed;
  const loaded = loadTopology(args.topology, io.cwd);
  if (!loaded.ok) return fail(io, "analyze", loaded.message);
  // A verdict on a topology AWS would never accept (overlapping peered CIDRs, a route to a missing gateway)
  // would look authoritative and mean nothing: refuse by default, and say so first when told to go on.
  const errors = validate(loaded.topology).filter((issue) => issue.severity === "error");
  const firstError = errors[0];
  if (firstError !== undefined) {
    const where = loaded.locate?.(firstError.path) ?? firstError.path;
    // A file saved under a name the importer does not read (describe-security-group-rules for
    // describe-security-groups) is the likely cause of a missing reference: said here, not only by validate.
    const hint = loaded.unread.find((u) => u.message.includes("did you mean"));
    const unread = hint === undefined ? "" : `; ${hint.file} was not read: ${hint.message}`;
    const summary = `--topology ${args.topology} is invalid: ${firstError.code} ${where}: ${firstError.message}${errors.length > 1 ? ` (and ${errors.length - 1} more; see reachable validate)` : ""}${unread}`;
    if (!args.allowInvalid) return fail(io, "analyze", `${summary}; --allow-invalid analyzes it anyway`);
    io.stderr.write(`reachable analyze: warning: ${oneLine(summary)}\n`);
  }
  const network = buildNetwork(loaded.topology);
  const problem = refProblem(network, args.from, args.to, DEFAULT_FLOW_LOG_NOW);
  if (problem !== null) return fail(io, "analyze", problem);
  const query = {
    from: args.from,
    to: args.to,
    protocol: args.protocol,
    ...(args.port === undefined ? {} : { port: args.port }),
  };
  const analysis = analyze(network, query);
  // A collected file the model has no use for (describe-flow-logs) is listed by validate, not on every answer.
  const notNetwork = new Set(
    loaded.unread
      .filter((u) => u.message.includes("prints nothing the network model uses"))
      .map((u) => formatIssue({ path: u.file, message: u.message })),
  );
  const warnings = loaded.warnings.filter((w) => !notNetwork.has(w));
  io.stdout.write(
    args.format === "json"
      ? `${JSON.stringify(analysisToJson(analysis, warnings, loaded.topology.assumptions), null, 2)}\n`
      : formatAnalysisText(analysis, warnings, loaded.topology.assumptions),
  );
  return analysis.reachable ? 0 : 1;
}

/** The CLI as a function: argv without node and script, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "analyze":
      return runAnalyze(rest, io);
    case "validate":
      // Loaded per command so that one command's dependencies never slow or break another.
      return (await import("./run-validate")).runValidate(rest, io);
    case "quiz":
      return (await import("./quiz")).runQuizCli(rest, io);
    case undefined:
      io.stderr.write("reachable: missing command (analyze, validate or quiz); see reachable --help\n");
      return 2;
    case "help":
    case "--help":
    case "-h":
      io.stdout.write(USAGE);
      return 0;
    default:
      return fail(io, command, `unknown command (expected analyze, validate or quiz); see reachable --help`);
  }
}
