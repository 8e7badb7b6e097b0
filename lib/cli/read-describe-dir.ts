import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isPerArgumentCommand } from "../net/import/aws-describe-files";
import { readInputFile } from "./read-input";

// The thin file side of the AWS import: a folder of `<command>.json` files (one region) or a folder of
// region folders, each holding such files. Everything that knows AWS shapes lives in lib/net/import/.
// A per-argument command may be saved one file per argument, `<command>.<argument>.json`
// (search-transit-gateway-routes.tgw-rtb-0abc.json); the key keeps the argument and the importer
// files it under the command. A sub-folder named after such a command holds one `<argument>.json` per
// argument (search-transit-gateway-routes/tgw-rtb-0abc.json): read as the same keys, not as a region.

/** `syntax`: the failure is a file that is not valid JSON (a topology that does not parse, not an unreadable one). */
export type DescribeDirResult =
  | { ok: true; regions: Record<string, Record<string, unknown>>; warnings: string[] }
  | { ok: false; message: string; syntax?: { file: string; message: string } };

const SINGLE_REGION = "";

/** The JSON files of `dir`, keyed by name without ".json" (each after `prefix`), and its per-argument command folders'. */
function readJsonFiles(
  dir: string,
  prefix = "",
):
  | { ok: true; files: Record<string, unknown> }
  | { ok: false; message: string; syntax?: { file: string; message: string } } {
  const files: Record<string, unknown> = {};
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.toLowerCase().endsWith(".json")) continue;
    const file = path.join(dir, entry);
    const read = readInputFile(file, "json");
    if (!read.ok) return { ok: false, message: `${file}: ${read.message}` };
    try {
      files[`${prefix}${entry.slice(0, -".json".length)}`] = JSON.parse(read.text) as unknown;
    } catch (error) {
      const message = `not valid JSON (${(error as Error).message})`;
      return { ok: false, message: `${file}: ${message}`, syntax: { file, message } };
    }
  }
  if (prefix !== "") return { ok: true, files };
  for (const entry of readdirSync(dir).sort()) {
    if (!isPerArgumentCommand(entry) || !isDirectory(path.join(dir, entry))) continue;
    const read = readJsonFiles(path.join(dir, entry), `${entry}.`);
    if (!read.ok) return read;
    Object.assign(files, read.files);
  }
  return { ok: true, files };
}

/** A dangling symbolic link or an entry that vanished is simply not a region folder. */
function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads a describe-* folder. JSON files directly in `dir` form one region (its name is left empty
 * and later taken from the availability zones); each sub-folder holding JSON files is one region
 * named after the folder.
 */
export function readDescribeDir(dir: string): DescribeDirResult {
  const regions: Record<string, Record<string, unknown>> = {};
  const top = readJsonFiles(dir);
  if (!top.ok) return top;
  if (Object.keys(top.files).length > 0) regions[SINGLE_REGION] = top.files;
  for (const entry of readdirSync(dir).sort()) {
    const sub = path.join(dir, entry);
    if (isPerArgumentCommand(entry) || !isDirectory(sub)) continue;
    const read = readJsonFiles(sub);
    if (!read.ok) return read;
    if (Object.keys(read.files).length > 0) regions[entry] = read.files;
  }
  if (Object.keys(regions).length === 0) {
    return { ok: false, message: `${dir}: no describe-*.json files here or in a region sub-folder` };
  }
  // Loose files beside region folders are usually a collection saved twice or into the wrong place: they are
  // still read (as one more region, named from their availability zones), but the user should know.
  const folders = Object.keys(regions).filter((name) => name !== SINGLE_REGION);
  const warnings =
    regions[SINGLE_REGION] !== undefined && folders.length > 0
      ? [
          `${dir}: holds describe files (${Object.keys(regions[SINGLE_REGION]).length}) beside region folders (${folders.join(", ")}); the loose files are read as one more region, named from their availability zones`,
        ]
      : [];
  return { ok: true, regions, warnings };
}
