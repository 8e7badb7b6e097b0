import { lstatSync, statSync } from "node:fs";
import path from "node:path";
import { formatIssue, parseTopologyText, type Issue } from "../net/parse";
import type { Topology } from "../net/topology";
import { awsIssueLocator, importAwsDescribe } from "../net/import";
import { readDescribeDir } from "./read-describe-dir";
import { readInputFile } from "./read-input";

// --topology <file|dir>: a topology in our format (JSON or YAML, by extension) or a folder of AWS
// describe-*.json output (imported). Failures name the path and the first problem on one line.

/** `unread`: describe folder files the importer did not read, each with why (and a "did you mean"). */
export type LoadTopologyResult =
  | {
      ok: true;
      topology: Topology;
      warnings: string[];
      unread: { file: string; message: string }[];
      /** An imported folder: where a topology path (a validate finding) lies in the AWS files. */
      locate?: (path: string) => string;
    }
  | { ok: false; kind: "unreadable"; message: string }
  | { ok: false; kind: "invalid"; message: string; issues: Issue[] };

function summarise(where: string, issues: readonly Issue[]): string {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${where}: ${first === undefined ? "invalid" : formatIssue(first)}${more}`;
}

function isDanglingLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function loadTopology(arg: string, cwd: string): LoadTopologyResult {
  const file = path.resolve(cwd, arg);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    return {
      ok: false,
      kind: "unreadable",
      message: `--topology ${arg}: ${isDanglingLink(file) ? "a symbolic link to nothing" : "no such file or directory"}`,
    };
  }
  if (isDirectory) {
    let locator: ((path: string) => string) | undefined;
    const read = readDescribeDir(file);
    // A file that is not JSON does not parse, as a topology file with a syntax error does (validate: exit 1).
    if (!read.ok && read.syntax) {
      const issues = [{ path: read.syntax.file, message: read.syntax.message }];
      return { ok: false, kind: "invalid", message: `--topology ${read.message}`, issues };
    }
    if (!read.ok) return { ok: false, kind: "unreadable", message: `--topology ${read.message}` };
    // A folder on disk is a collection (docs/collect.md): without route tables no verdict can be trusted.
    const imported = importAwsDescribe(read.regions, { requireRouteTables: true });
    // A mixed folder's refusal often comes from the loose files: say so beside the first problem.
    const mixed = read.warnings.map((w) => `; ${w}`).join("");
    if (!imported.ok)
      return {
        ok: false,
        kind: "invalid",
        message: `${summarise(`--topology ${arg}`, imported.issues)}${mixed}`,
        issues: imported.issues,
      };
    const topology = imported.topology;
    return {
      ok: true,
      topology,
      warnings: [...read.warnings, ...imported.warnings.map(formatIssue)],
      unread: imported.unread,
      // Built on first use: only a topology with findings needs it.
      locate: (where) => (locator ??= awsIssueLocator(read.regions, topology))(where),
    };
  }
  const ext = path.extname(file).toLowerCase();
  const format = ext === ".json" ? "json" : ext === ".yaml" || ext === ".yml" ? "yaml" : null;
  if (format === null) {
    return {
      ok: false,
      kind: "unreadable",
      message: `--topology ${arg}: expected a .json, .yaml or .yml file, or a folder of describe-*.json`,
    };
  }
  const read = readInputFile(file, format);
  if (!read.ok) return { ok: false, kind: "unreadable", message: `--topology ${arg}: ${read.message}` };
  const text = read.text;
  const parsed = parseTopologyText(text, format);
  if (!parsed.ok)
    return {
      ok: false,
      kind: "invalid",
      message: summarise(`--topology ${arg}`, parsed.issues),
      issues: parsed.issues,
    };
  return { ok: true, topology: parsed.topology, warnings: [], unread: [] };
}
