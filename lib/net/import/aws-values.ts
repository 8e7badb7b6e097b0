import type { RuleProtocol } from "../topology";
import type { AwsTags } from "./aws-shapes-vpc";

// Small value conversions between AWS API spellings and the topology's.

export function nameFromTags(tags: AwsTags): string | undefined {
  const value = tags?.find((t) => t.Key === "Name")?.Value;
  return value === undefined || value === "" ? undefined : value;
}

export function tagsFromName(name: string | undefined): { Key: string; Value: string }[] {
  return name === undefined ? [] : [{ Key: "Name", Value: name }];
}

/** `{ name }` only when there is one (exactOptionalPropertyTypes: never write `name: undefined`). */
export function withName(tags: AwsTags): { name?: string } {
  const name = nameFromTags(tags);
  return name === undefined ? {} : { name };
}

const PROTOCOL_BY_AWS: Readonly<Record<string, RuleProtocol>> = {
  "-1": "all",
  all: "all",
  tcp: "tcp",
  "6": "tcp",
  udp: "udp",
  "17": "udp",
  icmp: "icmp",
  "1": "icmp",
  icmpv6: "icmpv6",
  "58": "icmpv6",
};

/** AWS IpProtocol / NACL Protocol ("-1", "tcp", "6", …) -> our RuleProtocol; null when not a protocol. */
export function ruleProtocolFromAws(value: string): RuleProtocol | null {
  const known = PROTOCOL_BY_AWS[value.toLowerCase()];
  if (known !== undefined) return known;
  if (/^\d+$/.test(value) && Number(value) <= 255) return Number(value);
  return null;
}

const NUMBER_BY_PROTOCOL: Readonly<Record<string, string>> = {
  all: "-1",
  tcp: "6",
  udp: "17",
  icmp: "1",
  icmpv6: "58",
};

/** For NACL entries, which the CLI prints as protocol numbers. */
export function awsProtocolNumber(protocol: RuleProtocol): string {
  return typeof protocol === "number" ? String(protocol) : (NUMBER_BY_PROTOCOL[protocol] ?? "-1");
}

/** For SG permissions, which the CLI prints by name for tcp/udp/icmp/icmpv6 and "-1" for all. */
export function awsIpProtocol(protocol: RuleProtocol): string {
  if (typeof protocol === "number") return String(protocol);
  return protocol === "all" ? "-1" : protocol;
}

/** Ports apply only to TCP and UDP (for ICMP, AWS reuses FromPort/ToPort as type/code). */
export function hasPorts(protocol: RuleProtocol): boolean {
  return protocol === "tcp" || protocol === "udp" || protocol === 6 || protocol === 17;
}

/** "us-east-1a" -> "us-east-1"; also handles Local Zones such as "us-west-2-lax-1a" poorly, by design
 * we only need the region of ordinary AZs here. */
export function regionFromAvailabilityZone(az: string): string {
  return /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/.exec(az)?.[1] ?? az;
}

/** "com.amazonaws.us-east-1.s3" -> { region: "us-east-1", service: "s3" }. */
export function parseAwsServiceName(serviceName: string): { region: string; service: string } | null {
  const match = /^com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d+)\.(.+)$/.exec(serviceName);
  return match?.[1] === undefined || match[2] === undefined ? null : { region: match[1], service: match[2] };
}

/** Unix seconds of an ISO timestamp, or undefined. Date.parse is pure (no clock read). */
export function unixSeconds(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export function isoFromUnixSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
