import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { MAX_INPUT_BYTES, textLimitProblem } from "./input-limits";

// Reads one input file for the command line: a regular file only (a FIFO would block for ever, a device such
// as /dev/zero never ends), at most MAX_INPUT_BYTES, UTF-8 with an optional byte-order mark (PowerShell's
// `> file.json` writes one), nested no deeper than the parsers can take. Every failure is a sentence that
// the caller prefixes with the flag and path.

export type ReadInputResult = { ok: true; text: string } | { ok: false; message: string };

export function readInputFile(
  file: string,
  format: "json" | "yaml",
  maxBytes: number = MAX_INPUT_BYTES,
): ReadInputResult {
  let size: number;
  try {
    // stat before open: opening a FIFO for reading blocks until a writer appears.
    const stat = statSync(file);
    if (stat.isDirectory()) return { ok: false, message: "is a directory" };
    if (!stat.isFile()) return { ok: false, message: "not a regular file" };
    size = stat.size;
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
  if (size > maxBytes)
    return { ok: false, message: `${size} bytes, more than the ${maxBytes} bytes a topology may have` };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
  try {
    // Checked again on the open file: the path may have been swapped between stat and open.
    if (!fstatSync(fd).isFile()) return { ok: false, message: "not a regular file" };
    const buffer = Buffer.alloc(maxBytes + 1 > size + 1 ? size + 1 : maxBytes + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) return { ok: false, message: `grew past ${size} bytes while being read` };
    }
    const text = buffer.toString("utf8", 0, length).replace(/^\uFEFF/, "");
    const problem = textLimitProblem(text, format);
    return problem === null ? { ok: true, text } : { ok: false, message: problem };
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory, or a symbolic link to nothing";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "EISDIR":
      return "is a directory";
    default:
      return `cannot read (${code ?? (error instanceof Error ? error.message.split("\n")[0] : String(error))})`;
  }
}
