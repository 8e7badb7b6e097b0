import { EXIT, oneLine, type CliIo } from "./io";

// The last line of defence of the command line: an exception that a command did not turn into a message is a
// fault of ours. It exits 70 (never 0, 1 or 2, which are verdicts and bad input) with one line on stderr;
// --debug anywhere in argv adds the stack.

export type CliRunner = (argv: readonly string[], io: CliIo) => Promise<number>;

export async function runGuarded(argv: readonly string[], io: CliIo, run: CliRunner): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    return await run(
      argv.filter((a) => a !== "--debug"),
      io,
    );
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(
      `reachable: internal error: ${oneLine(message)} (please report it; --debug shows where)\n`,
    );
    if (debug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
