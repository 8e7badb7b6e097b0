import { formatIssue } from "../net/parse";
import { validate, type ValidationIssue } from "../net/validate";
import { parseValidateArgs } from "./args";
import { loadTopology } from "./load-topology";
import { fail, USAGE, type CliIo } from "./io";
import { describePeeringSideIds } from "../net/import/tgw-peering-sides";

// `reachable validate`: exit 0 when there is no error (warnings alone still pass), 1 when there is.

/** `location`: for an imported folder, the AWS file, field and resource id the finding is about. */
type ShownIssue = ValidationIssue & { location?: string };

function formatValidationIssue(issue: ShownIssue): string {
  const rules = issue.rules.length === 0 ? "" : ` [${issue.rules.join(", ")}]`;
  return `${issue.severity.padEnd(7)} ${issue.code} ${issue.location ?? issue.path}: ${issue.message}${rules}`;
}

export function runValidate(argv: readonly string[], io: CliIo): number {
  const parsed = parseValidateArgs(argv);
  if (parsed.ok === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  if (!parsed.ok) return fail(io, "validate", parsed.message);
  const { args } = parsed;
  const loaded = loadTopology(args.topology, io.cwd);
  if (!loaded.ok && loaded.kind === "unreadable") return fail(io, "validate", loaded.message);
  // A topology that does not even parse is a validation result, not bad input: list every problem.
  const issues: ValidationIssue[] = loaded.ok
    ? validate(loaded.topology)
    : loaded.issues.map((i) => ({
        code: "RCH_SCHEMA",
        path: i.path,
        message: i.message,
        rules: [],
        severity: "error",
      }));
  const unread = loaded.ok ? loaded.unread : [];
  // Unread files are listed on their own (with the "did you mean"), not again among the warnings.
  const unreadLines = new Set(unread.map((u) => formatIssue({ path: u.file, message: u.message })));
  const warnings = loaded.ok
    ? loaded.warnings.filter((w) => !unreadLines.has(w)).map(describePeeringSideIds)
    : [];
  const assumptions = loaded.ok ? (loaded.topology.assumptions ?? []).map(describePeeringSideIds) : [];
  const errors = issues.filter((i) => i.severity === "error").length;
  const locate = loaded.ok ? loaded.locate : undefined;
  // A topology can hold millions of problems (every pair of a thousand overlapping subnets): print the first
  // --max-issues, errors before warnings, and count the rest.
  const shown = [
    ...issues.filter((i) => i.severity === "error"),
    ...issues.filter((i) => i.severity !== "error"),
  ]
    .slice(0, args.maxIssues)
    // A TGW peering's accepter side is keyed `<id>@<tgw>` in the topology: messages say it in words.
    .map((i): ShownIssue => ({ ...i, message: describePeeringSideIds(i.message) }))
    .map((i): ShownIssue => (locate ? { ...i, location: describePeeringSideIds(locate(i.path)) } : i));
  const omitted = issues.length - shown.length;
  if (args.format === "json") {
    const counts = { errors, warnings: issues.length - errors, omitted };
    io.stdout.write(
      `${JSON.stringify({ version: 1, valid: errors === 0, counts, issues: shown, warnings, unread, assumptions }, null, 2)}\n`,
    );
  } else {
    for (const issue of shown) io.stdout.write(`${formatValidationIssue(issue)}\n`);
    if (omitted > 0)
      io.stdout.write(`… and ${omitted} more (--max-issues ${args.maxIssues}; --max-issues N shows more)\n`);
    for (const w of warnings) io.stdout.write(`import  ${w}\n`);
    for (const u of unread) io.stdout.write(`unread  ${u.file}: ${u.message}\n`);
    for (const a of assumptions) io.stdout.write(`assumed ${a}\n`);
    io.stdout.write(`${errors} error(s), ${issues.length - errors} warning(s)\n`);
  }
  return errors === 0 ? 0 : 1;
}
