// Parse at the edge, once: JSON or YAML text -> zod -> Topology, or a list of issues
// whose paths read like `vpcs[2].cidrBlocks[0]`.
import { parse as parseYaml } from "yaml";
import { TopologySchema, type Topology } from "./topology";
import { unknownFieldMessage } from "./unknown-fields";

export type Issue = { path: string; message: string };
export type ParseTopologyResult = { ok: true; topology: Topology } | { ok: false; issues: Issue[] };

/** `["vpcs", 2, "cidrBlocks", 0]` -> `vpcs[2].cidrBlocks[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function formatIssue(issue: Issue): string {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}

export function parseTopology(input: unknown): ParseTopologyResult {
  const result = TopologySchema.safeParse(input);
  if (result.success) return { ok: true, topology: result.data };
  const issues = result.error.issues.flatMap((i): Issue[] =>
    i.code === "unrecognized_keys"
      ? i.keys.map((key) => ({
          path: formatPath([...i.path, key]),
          message: unknownFieldMessage(TopologySchema, i.path, key),
        }))
      : [{ path: formatPath(i.path), message: i.message }],
  );
  return { ok: false, issues };
}

export function parseTopologyText(text: string, format: "json" | "yaml"): ParseTopologyResult {
  let data: unknown;
  try {
    data = format === "json" ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    return { ok: false, issues: [{ path: "", message: `not valid ${format.toUpperCase()}: ${message}` }] };
  }
  return parseTopology(data);
}
