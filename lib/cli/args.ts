import { parseArgs } from "node:util";
import { MAX_REPORTED_ISSUES } from "./input-limits";

// Command-line flags -> typed options. Every failure is one line that names the flag.

export type OutputFormat = "text" | "json";
export type CliProtocol = "tcp" | "udp" | "icmp";

export type AnalyzeArgs = {
  topology: string;
  from: string;
  to: string;
  protocol: CliProtocol;
  port?: number;
  format: OutputFormat;
  /** Analyze a topology that validate rejects (the verdict may then mean nothing). */
  allowInvalid: boolean;
};
export type ValidateArgs = { topology: string; format: OutputFormat; maxIssues: number };

export type ArgsResult<T> = { ok: true; args: T } | { ok: false; message: string } | { ok: "help" };

const PROTOCOLS: readonly CliProtocol[] = ["tcp", "udp", "icmp"];
const FORMATS: readonly OutputFormat[] = ["text", "json"];

function parseFlags(
  argv: readonly string[],
  names: readonly string[],
  switches: readonly string[] = [],
):
  | { ok: true; values: Record<string, string | undefined>; switches: Set<string> }
  | { ok: false; message: string }
  | { ok: "help" } {
  const options: Record<string, { type: "string" } | { type: "boolean"; short?: string }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const name of names) options[name] = { type: "string" };
  for (const name of switches) options[name] = { type: "boolean" };
  try {
    const { values, tokens } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
    if (values.help === true) return { ok: "help" };
    // node keeps the last of a repeated flag: `--port 443 --port 80` would silently ask about 80.
    const seen = new Set<string>();
    for (const t of tokens) {
      if (t.kind !== "option") continue;
      if (seen.has(t.name))
        return { ok: false, message: `--${t.name} is given more than once; give it once` };
      seen.add(t.name);
    }
    const out: Record<string, string | undefined> = {};
    for (const name of names) {
      const value = values[name];
      out[name] = typeof value === "string" ? value : undefined;
    }
    return { ok: true, values: out, switches: new Set(switches.filter((name) => values[name] === true)) };
  } catch (error) {
    // node's messages already name the flag, e.g. "Unknown option '--prot'".
    const first = (error as Error).message.split("\n")[0] ?? "invalid arguments";
    return {
      ok: false,
      message: first.includes("argument is ambiguous")
        ? `${first} Write --flag=value for a value that starts with "-".`
        : first,
    };
  }
}

function requireFlag(values: Record<string, string | undefined>, name: string): string | { message: string } {
  const value = values[name];
  if (value === undefined || value.trim() === "") return { message: `--${name} is required` };
  return value;
}

function parseFormat(value: string | undefined): OutputFormat | { message: string } {
  if (value === undefined) return "text";
  return (FORMATS as readonly string[]).includes(value)
    ? (value as OutputFormat)
    : { message: `--format must be text or json (got ${quoted(value)})` };
}

export function parseAnalyzeArgs(argv: readonly string[]): ArgsResult<AnalyzeArgs> {
  const parsed = parseFlags(
    argv,
    ["topology", "from", "to", "protocol", "port", "format"],
    ["allow-invalid"],
  );
  if (parsed.ok !== true) return parsed;
  const { values } = parsed;
  const topology = requireFlag(values, "topology");
  if (typeof topology !== "string") return { ok: false, ...topology };
  const from = requireFlag(values, "from");
  if (typeof from !== "string") return { ok: false, ...from };
  const to = requireFlag(values, "to");
  if (typeof to !== "string") return { ok: false, ...to };
  const protocolText = (values.protocol ?? "tcp").toLowerCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocolText)) {
    return {
      ok: false,
      message: `--protocol must be tcp, udp or icmp (got ${quoted(values.protocol ?? "")})`,
    };
  }
  const protocol = protocolText as CliProtocol;
  const format = parseFormat(values.format);
  if (typeof format !== "string") return { ok: false, ...format };
  const args: AnalyzeArgs = {
    topology,
    from,
    to,
    protocol,
    format,
    allowInvalid: parsed.switches.has("allow-invalid"),
  };
  if (values.port !== undefined) {
    // Port 0 is reserved (IANA): security group and NACL ranges may start at it, but no TCP or UDP
    // connection is made to it, so it is not a question to answer.
    if (!/^\d+$/.test(values.port) || Number(values.port) < 1 || Number(values.port) > 65535) {
      return { ok: false, message: `--port must be an integer from 1 to 65535 (got ${quoted(values.port)})` };
    }
    if (protocol === "icmp") return { ok: false, message: "--port does not apply to --protocol icmp" };
    args.port = Number(values.port);
  }
  return { ok: true, args };
}

export function parseValidateArgs(argv: readonly string[]): ArgsResult<ValidateArgs> {
  const parsed = parseFlags(argv, ["topology", "format", "max-issues"]);
  if (parsed.ok !== true) return parsed;
  const topology = requireFlag(parsed.values, "topology");
  if (typeof topology !== "string") return { ok: false, ...topology };
  const format = parseFormat(parsed.values.format);
  if (typeof format !== "string") return { ok: false, ...format };
  const maxText = parsed.values["max-issues"];
  if (maxText !== undefined && (!/^\d{1,7}$/.test(maxText) || Number(maxText) < 1)) {
    return {
      ok: false,
      message: `--max-issues must be a whole number from 1 to 9999999 (got ${quoted(maxText)})`,
    };
  }
  return {
    ok: true,
    args: { topology, format, maxIssues: maxText === undefined ? MAX_REPORTED_ISSUES : Number(maxText) },
  };
}

/** A flag value inside a message: quoted, cut to 40 characters (it may be a whole file pasted by mistake). */
function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
