// What every `reachable` command shares: its I/O, the usage text and the one-line failure (exit 2).

export type Writer = { write: (chunk: string) => unknown };
export type CliIo = { stdout: Writer; stderr: Writer; cwd: string };

export const USAGE = `usage: reachable <command> [options]

commands:
  analyze  --topology <file|dir> --from <ref> --to <ref> [--protocol tcp|udp|icmp] [--port N] [--format text|json]
           exit 0 reachable, 1 not reachable, 2 bad input
  validate --topology <file|dir> [--format text|json]
           exit 0 no errors, 1 errors found, 2 bad input
  quiz     …  generate questions (reachable quiz --help)

A topology is a .json/.yaml file in Reachable's format or a folder of AWS describe-*.json output
(one sub-folder per region for several). A ref is a resource id (i-…, eni-…), a name from the
topology, an IP address, "internet", or a service ("s3", "com.amazonaws.us-east-1.s3").
`;

export function fail(io: CliIo, command: string, message: string): number {
  io.stderr.write(`reachable ${command}: ${message}\n`);
  return 2;
}
