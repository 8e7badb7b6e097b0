import { formatPath, type Issue } from "../parse";
import { suggestField } from "../unknown-fields";
import {
  AwsDescribeFileSchemas,
  SELF_IDENTIFYING,
  isAwsDescribeCommand,
  isPerArgumentCommand,
  PER_ARGUMENT_OUTPUT,
  type AwsDescribeRegion,
} from "./aws-describe-files";
import { parseAwsServiceName, regionFromAvailabilityZone } from "./aws-values";
import { unreadFileHint } from "./command-catalogue";

/**
 * Parsed JSON of the describe-* commands: either one region (`{ "describe-vpcs": {...}, ... }`) or
 * several (`{ "us-east-1": { "describe-vpcs": {...} }, "eu-west-1": {...} }`). Keys may keep `.json`.
 */
export type AwsDescribeInput = Readonly<Record<string, unknown>>;

/** `files`: the file each command (or `command.argument` of a per-argument command) was read from. */
export type AwsDescribeRegionData = {
  region: string;
  data: AwsDescribeRegion;
  files: Record<string, string>;
};

/** A file the importer did not read: its label and why (with a "did you mean" when one is close). */
export type UnreadFile = { file: string; message: string };

export type ParseAwsDescribeResult =
  | { ok: true; regions: AwsDescribeRegionData[]; warnings: Issue[]; unread: UnreadFile[] }
  | { ok: false; issues: Issue[] };

const stripJson = (key: string): string =>
  key.toLowerCase().endsWith(".json") ? key.slice(0, -".json".length) : key;

/**
 * "search-transit-gateway-routes.tgw-rtb-0abc" -> command and argument (commands never contain a dot). The obvious
 * variant with "-" for the dot ("search-transit-gateway-routes-tgw-rtb-0abc") is read the same way when the name is
 * no command itself but starts with a per-argument command and "-".
 */
function splitKey(key: string): { command: string; argument?: string } {
  const name = stripJson(key);
  const dot = name.indexOf(".");
  if (dot >= 0) return { command: name.slice(0, dot), argument: name.slice(dot + 1) };
  if (!isAwsDescribeCommand(name))
    for (const command of Object.keys(PER_ARGUMENT_OUTPUT))
      if (name.length > command.length + 1 && name.startsWith(`${command}-`))
        return { command, argument: name.slice(command.length + 1) };
  return { command: name };
}

const commandOf = (key: string): string => splitKey(key).command;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A region folder with no name (files given flat) takes its region from what it describes. */
function inferRegion(data: AwsDescribeRegion, fallback: string): string {
  const az = data["describe-subnets"]?.Subnets.find(
    (s) => s.AvailabilityZone !== undefined,
  )?.AvailabilityZone;
  if (az !== undefined) return regionFromAvailabilityZone(az);
  for (const endpoint of data["describe-vpc-endpoints"]?.VpcEndpoints ?? []) {
    const parsed = parseAwsServiceName(endpoint.ServiceName);
    if (parsed !== null) return parsed.region;
  }
  return fallback;
}

function pushIssues(
  fileLabel: string,
  prefix: readonly PropertyKey[],
  zodIssues: readonly { path: readonly PropertyKey[]; message: string }[],
  issues: Issue[],
): void {
  for (const issue of zodIssues) {
    const inner = formatPath([...prefix, ...issue.path]);
    issues.push({ path: inner === "" ? fileLabel : `${fileLabel}: ${inner}`, message: issue.message });
  }
}

/** The top-level key a command's single output starts with (Routes, Entries, VpcId, …). */
function outputKeys(command: keyof typeof PER_ARGUMENT_OUTPUT): string[] {
  return Object.keys(PER_ARGUMENT_OUTPUT[command].shape);
}

function parseRegionFiles(
  label: string,
  files: Record<string, unknown>,
  issues: Issue[],
  warnings: Issue[],
  unread: UnreadFile[],
  sources: Record<string, string>,
): AwsDescribeRegion {
  const data: Record<string, unknown> = {};
  const perArgument: Record<string, Record<string, unknown>> = {};
  const labelOf = (key: string) =>
    label === "" ? `${stripJson(key)}.json` : `${label}/${stripJson(key)}.json`;
  for (const [key, value] of Object.entries(files)) {
    const { command, argument } = splitKey(key);
    const fileLabel = labelOf(key);
    // The AWS CLI prints NextToken only when it stopped early (--max-items, --page-size with --no-paginate): the
    // output is one page, and resources on the other pages are missing from the analysis.
    if (typeof value === "object" && value !== null && Object.hasOwn(value, "NextToken"))
      warnings.push({
        path: fileLabel,
        message:
          "has NextToken: the output was cut short (--max-items?), so resources on later pages are missing; collect it again without --max-items",
      });
    if (!isAwsDescribeCommand(command)) {
      const message = unreadFileHint(command, suggestField);
      warnings.push({ path: fileLabel, message });
      unread.push({ file: fileLabel, message });
      continue;
    }
    if (isPerArgumentCommand(command)) {
      const one = PER_ARGUMENT_OUTPUT[command];
      const target = (perArgument[command] ??= {});
      const looksLikeOneOutput =
        typeof value === "object" &&
        value !== null &&
        outputKeys(command).some((k) => Object.hasOwn(value, k));
      if (argument !== undefined || (SELF_IDENTIFYING.has(command) && looksLikeOneOutput)) {
        // One file per argument: the output as printed.
        const result = one.safeParse(value);
        if (!result.success) pushIssues(fileLabel, [], result.error.issues, issues);
        else {
          target[argument ?? key] = result.data;
          sources[`${command}.${argument ?? key}`] = fileLabel;
        }
        continue;
      }
      if (looksLikeOneOutput) {
        const message = `one ${command} output without its argument: save one file per ${command === "describe-target-health" ? "target group" : command === "describe-listeners" ? "load balancer" : "argument"} as ${command}.<${COMMAND_ARGUMENT_HINT[command]}>.json, or key this file by it`;
        warnings.push({ path: fileLabel, message });
        unread.push({ file: fileLabel, message });
        continue;
      }
      const result = AwsDescribeFileSchemas[command].safeParse(value);
      if (!result.success) pushIssues(fileLabel, [], result.error.issues, issues);
      else {
        Object.assign(target, result.data);
        sources[command] = fileLabel;
      }
      continue;
    }
    if (argument !== undefined) {
      // describe-vpcs.page2.json and the like: pages of one command are merged by the caller, not here.
      const message = `${command} takes no argument; save its output (all pages merged) as ${command}.json`;
      warnings.push({ path: fileLabel, message });
      unread.push({ file: fileLabel, message });
      continue;
    }
    const result = AwsDescribeFileSchemas[command].safeParse(value);
    if (!result.success) {
      pushIssues(fileLabel, [], result.error.issues, issues);
      continue;
    }
    data[command] = result.data;
    sources[command] = fileLabel;
  }
  for (const [command, byArgument] of Object.entries(perArgument)) data[command] = byArgument;
  return data;
}

const COMMAND_ARGUMENT_HINT: Readonly<Record<keyof typeof PER_ARGUMENT_OUTPUT, string>> = {
  "search-transit-gateway-routes": "tgw-rtb-id",
  "get-transit-gateway-route-table-associations": "tgw-rtb-id",
  "get-transit-gateway-route-table-propagations": "tgw-rtb-id",
  "get-managed-prefix-list-entries": "pl-id",
  "describe-vpc-attribute": "vpc-id.attribute",
  "describe-target-health": "target-group-name",
  "describe-listeners": "load-balancer-name",
  "describe-load-balancer-attributes": "load-balancer-name",
  "describe-vpc-endpoint-service-permissions": "vpce-svc-id",
  "describe-direct-connect-gateway-associations": "dxgw-id",
  "describe-direct-connect-gateway-attachments": "dxgw-id",
};

export function parseAwsDescribeFiles(
  input: AwsDescribeInput,
  defaultRegion = "us-east-1",
): ParseAwsDescribeResult {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const unread: UnreadFile[] = [];
  const keys = Object.keys(input);
  const flat = keys.some(
    (k) =>
      isAwsDescribeCommand(commandOf(k)) ||
      commandOf(k).startsWith("describe-") ||
      commandOf(k).startsWith("get-") ||
      commandOf(k).startsWith("search-"),
  );
  const regions: AwsDescribeRegionData[] = [];
  if (flat) {
    const files: Record<string, string> = {};
    const data = parseRegionFiles("", { ...input }, issues, warnings, unread, files);
    regions.push({ region: inferRegion(data, defaultRegion), data, files });
  } else {
    for (const key of [...keys].sort()) {
      const files = input[key];
      if (!isRecord(files)) {
        issues.push({
          path: key,
          message: "expected a describe-*.json file name or a region holding such files",
        });
        continue;
      }
      // A folder whose name is not a region (e.g. "snapshot/") still works: infer the region.
      const sources: Record<string, string> = {};
      const data = parseRegionFiles(key, files, issues, warnings, unread, sources);
      // "us-east-1", or "<account>-us-east-1" as the collector writes for several accounts.
      const region =
        /(?<![a-z])([a-z]{2}(?:-[a-z]+)+-\d+)$/.exec(key)?.[1] ?? inferRegion(data, defaultRegion);
      regions.push({ region, data, files: sources });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (regions.length === 0)
    return { ok: false, issues: [{ path: "", message: "no describe-* output given" }] };
  return { ok: true, regions, warnings, unread };
}
