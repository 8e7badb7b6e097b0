// What every `reachable` command shares: its I/O, the usage text, the exit codes and the one-line failure.

export type Writer = { write: (chunk: string) => unknown };
export type CliIo = { stdout: Writer; stderr: Writer; cwd: string };

/** Exit codes (docs/cli.md). 70 is sysexits' EX_SOFTWARE: a fault of ours, never a verdict or bad input. */
export const EXIT = { ok: 0, negative: 1, badInput: 2, internal: 70 } as const;

export const USAGE = `usage: reachable <command> [options]

commands:
  analyze  --topology <file|dir> --from <ref> --to <ref> [--protocol tcp|udp|icmp] [--port N] [--format text|json]
           [--allow-invalid]
           exit 0 reachable, 1 not reachable, 2 bad input (an invalid topology too, unless --allow-invalid)
  validate --topology <file|dir> [--format text|json] [--max-issues N]
           exit 0 no errors, 1 errors found, 2 bad input
  quiz     …  generate questions (reachable quiz --help)

Every command exits 70 on an internal error, with one line on stderr (--debug adds the stack).

A topology is a .json/.yaml file in Reachable's format or a folder of AWS describe-*.json output
(one sub-folder per region for several). A command run once per argument is saved one file each,
<command>.<argument>.json (search-transit-gateway-routes.tgw-rtb-0abc.json; "-" instead of the
dot, or a <command>/ sub-folder of <argument>.json files, also works). A ref is a resource id (i-…, eni-…), a name from the
topology, an IP address, "internet", or a service ("s3", "com.amazonaws.us-east-1.s3").
`;

/** `text` on one line: a flag value or file name holding a newline must not split the message. */
export function oneLine(text: string): string {
  let out = "";
  for (const c of text.replace(/\r\n/g, "\n")) {
    const code = c.charCodeAt(0);
    if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029") out += "\\n";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return out;
}

export function fail(io: CliIo, command: string, message: string): number {
  io.stderr.write(`reachable ${oneLine(command)}: ${oneLine(message)}\n`);
  return EXIT.badInput;
}
