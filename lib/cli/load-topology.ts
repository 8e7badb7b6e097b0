import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { formatIssue, parseTopologyText, type Issue } from "../net/parse";
import type { Topology } from "../net/topology";
import { importAwsDescribe } from "../net/import";
import { readDescribeDir } from "./read-describe-dir";

// --topology <file|dir>: a topology in our format (JSON or YAML, by extension) or a folder of AWS
// describe-*.json output (imported). Failures name the path and the first problem on one line.

/** `unread`: describe folder files the importer did not read, each with why (and a "did you mean"). */
export type LoadTopologyResult =
  | { ok: true; topology: Topology; warnings: string[]; unread: { file: string; message: string }[] }
  | { ok: false; kind: "unreadable"; message: string }
  | { ok: false; kind: "invalid"; message: string; issues: Issue[] };

function summarise(where: string, issues: readonly Issue[]): string {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${where}: ${first === undefined ? "invalid" : formatIssue(first)}${more}`;
}

export function loadTopology(arg: string, cwd: string): LoadTopologyResult {
  const file = path.resolve(cwd, arg);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    return { ok: false, kind: "unreadable", message: `--topology ${arg}: no such file or directory` };
  }
  if (isDirectory) {
    const read = readDescribeDir(file);
    if (!read.ok) return { ok: false, kind: "unreadable", message: `--topology ${read.message}` };
    const imported = importAwsDescribe(read.regions);
    if (!imported.ok)
      return {
        ok: false,
        kind: "invalid",
        message: summarise(`--topology ${arg}`, imported.issues),
        issues: imported.issues,
      };
    return {
      ok: true,
      topology: imported.topology,
      warnings: imported.warnings.map(formatIssue),
      unread: imported.unread,
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
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return {
      ok: false,
      kind: "unreadable",
      message: `--topology ${arg}: cannot read (${(error as Error).message})`,
    };
  }
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
