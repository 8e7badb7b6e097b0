import { formatPath, type Issue } from "../parse";
import { AwsDescribeFileSchemas, isAwsDescribeCommand, type AwsDescribeRegion } from "./aws-describe-files";
import { parseAwsServiceName, regionFromAvailabilityZone } from "./aws-values";

/**
 * Parsed JSON of the describe-* commands: either one region (`{ "describe-vpcs": {...}, ... }`) or
 * several (`{ "us-east-1": { "describe-vpcs": {...} }, "eu-west-1": {...} }`). Keys may keep `.json`.
 */
export type AwsDescribeInput = Readonly<Record<string, unknown>>;

export type AwsDescribeRegionData = { region: string; data: AwsDescribeRegion };

export type ParseAwsDescribeResult =
  | { ok: true; regions: AwsDescribeRegionData[]; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

const stripJson = (key: string): string => (key.endsWith(".json") ? key.slice(0, -".json".length) : key);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A region folder with no name (files given flat) takes its region from what it describes. */
function inferRegion(data: AwsDescribeRegion, fallback: string): string {
  const az = data["describe-subnets"]?.Subnets.find((s) => s.AvailabilityZone !== undefined)?.AvailabilityZone;
  if (az !== undefined) return regionFromAvailabilityZone(az);
  for (const endpoint of data["describe-vpc-endpoints"]?.VpcEndpoints ?? []) {
    const parsed = parseAwsServiceName(endpoint.ServiceName);
    if (parsed !== null) return parsed.region;
  }
  return fallback;
}

function parseRegionFiles(
  label: string,
  files: Record<string, unknown>,
  issues: Issue[],
  warnings: Issue[],
): AwsDescribeRegion {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(files)) {
    const command = stripJson(key);
    const fileLabel = label === "" ? `${command}.json` : `${label}/${command}.json`;
    if (!isAwsDescribeCommand(command)) {
      warnings.push({ path: fileLabel, message: "not a describe command this importer reads; ignored" });
      continue;
    }
    const result = AwsDescribeFileSchemas[command].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const inner = formatPath(issue.path);
        issues.push({ path: inner === "" ? fileLabel : `${fileLabel}: ${inner}`, message: issue.message });
      }
      continue;
    }
    data[command] = result.data;
  }
  return data as AwsDescribeRegion;
}

export function parseAwsDescribeFiles(input: AwsDescribeInput, defaultRegion = "us-east-1"): ParseAwsDescribeResult {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const keys = Object.keys(input);
  const flat = keys.some((k) => isAwsDescribeCommand(stripJson(k)));
  const regions: AwsDescribeRegionData[] = [];
  if (flat) {
    const data = parseRegionFiles("", { ...input }, issues, warnings);
    regions.push({ region: inferRegion(data, defaultRegion), data });
  } else {
    for (const key of [...keys].sort()) {
      const files = input[key];
      if (!isRecord(files)) {
        issues.push({ path: key, message: "expected a describe-*.json file name or a region holding such files" });
        continue;
      }
      // A folder whose name is not a region (e.g. "snapshot/") still works: infer the region.
      const data = parseRegionFiles(key, files, issues, warnings);
      const region = /^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(key) ? key : inferRegion(data, defaultRegion);
      regions.push({ region, data });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (regions.length === 0) return { ok: false, issues: [{ path: "", message: "no describe-* output given" }] };
  return { ok: true, regions, warnings };
}
