// Realistic, deterministic names for generated scenarios: account ids, regions and AZs, VPC and subnet
// names, AWS-style resource ids and CIDR blocks. Everything is drawn from the caller's rng.
import { formatIpv6, parseIp } from "../net/cidr";
import type { Rng } from "./rng";

export type RegionInfo = { readonly code: string; readonly azs: readonly string[] };

export const REGIONS: readonly RegionInfo[] = [
  { code: "us-east-1", azs: ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"] },
  { code: "us-east-2", azs: ["us-east-2a", "us-east-2b", "us-east-2c"] },
  { code: "us-west-2", azs: ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"] },
  { code: "eu-west-1", azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
  { code: "eu-central-1", azs: ["eu-central-1a", "eu-central-1b", "eu-central-1c"] },
  { code: "ap-southeast-2", azs: ["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"] },
  { code: "ap-northeast-1", azs: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"] },
  { code: "sa-east-1", azs: ["sa-east-1a", "sa-east-1b", "sa-east-1c"] },
];

export const VPC_NAMES: readonly string[] = [
  "prod-app",
  "staging-app",
  "shared-services",
  "analytics",
  "payments",
  "identity",
  "data-lake",
  "ci-runners",
  "edge-ingress",
  "inventory",
  "billing",
  "reporting",
  "ml-training",
  "partner-api",
  "logging",
  "search",
];

export const SUBNET_ROLES: readonly string[] = [
  "app",
  "web",
  "data",
  "private",
  "public",
  "tgw",
  "endpoints",
];

export const INSTANCE_ROLES: readonly string[] = [
  "web",
  "api",
  "worker",
  "db",
  "cache",
  "bastion",
  "batch",
  "app",
  "report",
  "queue",
];

export function accountId(rng: Rng): string {
  // 12 digits, never starting with 0 so it reads as an account id everywhere.
  let text = String(rng.int(1, 9));
  for (let i = 0; i < 11; i += 1) text += String(rng.int(0, 9));
  return text;
}

/** AWS-style id: prefix + 17 lowercase hex digits, e.g. vpc-0a1b2c3d4e5f67890 (a 0, then 64 random bits). */
export function resourceId(rng: Rng, prefix: string): string {
  // Two 32-bit draws instead of sixteen 4-bit ones: a question draws ~25 ids.
  return `${prefix}-0${hex8(rng.nextU32())}${hex8(rng.nextU32())}`;
}

// Two hex digits per byte value, so hex8 is four lookups: Number#toString(16) plus padStart took about
// 3x longer, and ids are drawn for every resource of every question.
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** `value` (unsigned 32-bit) as 8 lowercase hex digits. */
function hex8(value: number): string {
  return `${HEX_BYTE[value >>> 24] as string}${HEX_BYTE[(value >>> 16) & 255] as string}${HEX_BYTE[(value >>> 8) & 255] as string}${HEX_BYTE[value & 255] as string}`;
}

export function region(rng: Rng): RegionInfo {
  return rng.pick(REGIONS);
}

/** `count` distinct names from `pool`. */
export function distinctNames(rng: Rng, pool: readonly string[], count: number): string[] {
  if (count > pool.length) throw new RangeError(`asked for ${count} names from a pool of ${pool.length}`);
  return rng.sample(pool, count);
}

// ---- CIDRs: integer arithmetic on 32-bit addresses (no ip-num here: style.md keeps ip-num in lib/net/cidr.ts).

export function ipToInt(ip: string): number {
  const parts = ip.split(".").map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

// A template instead of [...].join("."): half the time, and every subnet, instance and CIDR text uses it.
export function intToIp(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export type Cidr = { readonly base: number; readonly prefix: number };

export function cidrText(cidr: Cidr): string {
  return `${intToIp(cidr.base)}/${cidr.prefix}`;
}

// 2 ** (32 - prefix) for every prefix length, looked up: Math.pow is a call into C in V8.
const CIDR_SIZES: readonly number[] = Array.from({ length: 33 }, (_, prefix) => 2 ** (32 - prefix));

export function cidrSize(prefix: number): number {
  return CIDR_SIZES[prefix] ?? 2 ** (32 - prefix);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const aEnd = a.base + cidrSize(a.prefix) - 1;
  const bEnd = b.base + cidrSize(b.prefix) - 1;
  return a.base <= bEnd && b.base <= aEnd;
}

/** Host address `offset` inside the block (offset 4 is the first usable one: rule VPC-03). */
export function hostIp(cidr: Cidr, offset: number): string {
  return intToIp(cidr.base + offset);
}

/**
 * Distinct, non-overlapping private VPC blocks of the given prefixes (/16../24), spread over the RFC 1918
 * ranges the way real estates look (10.x mostly, sometimes 172.16-31.x or 192.168.x).
 */
export function carveVpcCidrs(rng: Rng, prefixes: readonly number[]): Cidr[] {
  const out: Cidr[] = [];
  for (const prefix of prefixes) {
    if (prefix < 16 || prefix > 24) throw new RangeError(`VPC prefix /${prefix} outside /16../24`);
    let attempts = 0;
    for (;;) {
      attempts += 1;
      if (attempts > 200) throw new Error("could not carve a free VPC CIDR");
      const candidate = randomPrivateBlock(rng, prefix);
      if (!out.some((taken) => cidrsOverlap(taken, candidate))) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}

const RFC1918: readonly Cidr[] = [
  { base: ipToInt("10.0.0.0"), prefix: 8 },
  { base: ipToInt("172.16.0.0"), prefix: 12 },
  { base: ipToInt("192.168.0.0"), prefix: 16 },
];
const SPACE_WEIGHTS: Readonly<Record<"wide" | "narrow", readonly (readonly [Cidr, number])[]>> = {
  wide: [
    [RFC1918[0] as Cidr, 6],
    [RFC1918[1] as Cidr, 2],
    [RFC1918[2] as Cidr, 1],
  ],
  narrow: [
    [RFC1918[0] as Cidr, 6],
    [RFC1918[1] as Cidr, 2],
    [RFC1918[2] as Cidr, 0],
  ],
};

function randomPrivateBlock(rng: Rng, prefix: number): Cidr {
  // 192.168.0.0/16 only holds blocks of /17 and longer.
  const space = rng.weighted<Cidr>(SPACE_WEIGHTS[prefix >= 17 ? "wide" : "narrow"]);
  const slots = cidrSize(space.prefix) / cidrSize(prefix);
  return { base: space.base + rng.int(0, slots - 1) * cidrSize(prefix), prefix };
}

/** A block of `prefix` that overlaps `other` (for overlapping-CIDR scenarios): same or containing/contained. */
export function overlappingCidr(rng: Rng, other: Cidr, prefix: number): Cidr {
  if (prefix <= other.prefix) {
    const size = cidrSize(prefix);
    return { base: other.base - (other.base % size), prefix };
  }
  const slots = cidrSize(other.prefix) / cidrSize(prefix);
  return { base: other.base + rng.int(0, slots - 1) * cidrSize(prefix), prefix };
}

/** The `index`-th subnet of `prefix` inside `vpc` (deterministic carving, no overlap between indexes). */
export function subnetCidr(vpc: Cidr, prefix: number, index: number): Cidr {
  if (prefix < vpc.prefix || prefix > 28)
    throw new RangeError(`subnet /${prefix} does not fit in /${vpc.prefix}`);
  const count = cidrSize(vpc.prefix) / cidrSize(prefix);
  if (index < 0 || index >= count) throw new RangeError(`subnet index ${index} out of ${count}`);
  return { base: vpc.base + index * cidrSize(prefix), prefix };
}

/** The RFC 5737 documentation block of the public IPv4 addresses AWS hands out in the exhibits (publicIp). */
export const AWS_PUBLIC_BLOCK = "203.0.113";

/**
 * A public IPv4 address AWS hands out (Elastic IPs, instances' public addresses), in the documentation block
 * 203.0.113.0/24 as AWS's own examples write them: a real-looking address (35.168.x.x shown in eu-central-1)
 * could belong to another Region or another provider, a documentation address cannot. Internet hosts the
 * families draw stay out of this block (the model's stand-ins skip every address in use). The same draws as
 * before (ten entries, three integers), so that every later draw of a seed is unchanged; `avoid`: the public
 * addresses the topology already holds (the next free host is taken, without a draw).
 */
export function publicIp(rng: Rng, avoid: readonly string[] = []): string {
  rng.pick([3, 13, 18, 34, 35, 44, 52, 54, 18, 52]);
  rng.int(0, 255);
  rng.int(0, 255);
  let host = rng.int(1, 254);
  while (avoid.includes(`${AWS_PUBLIC_BLOCK}.${host}`)) host = (host % 254) + 1;
  return `${AWS_PUBLIC_BLOCK}.${host}`;
}

// Ten entries, as before, so the draw is the same; 203.0.113.0/24 is left to AWS's addresses (publicIp), so a
// learner never sees a customer router and an Elastic IP in one block.
const CUSTOMER_BLOCKS: readonly string[] = Array.from(
  { length: 10 },
  (_, i) => ["198.51.100", "192.0.2"][i % 2] ?? "198.51.100",
);

/**
 * A customer's own public address (a customer gateway's router): not AWS's, so an RFC 5737 documentation block
 * other than the one AWS's addresses take. The same draws as publicIp, so a seed's later draws do not move.
 */
export function customerPublicIp(rng: Rng): string {
  const block = rng.pick(CUSTOMER_BLOCKS);
  rng.int(0, 255);
  rng.int(0, 255);
  return `${block}.${rng.int(1, 254)}`;
}

/**
 * An IPv6 address or prefix written as AWS prints it (RFC 5952: lowercase, no leading zeros, the longest run of
 * zero groups as "::"), so "2600:1f15:2ce3:000::/56" becomes "2600:1f15:2ce3::/56".
 */
export function ipv6Text(text: string): string {
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  const parsed = parseIp(address);
  if (!parsed.ok || parsed.value.family !== 6) throw new Error(`not an IPv6 address: ${text}`);
  return `${formatIpv6(parsed.value.value)}${slash < 0 ? "" : text.slice(slash)}`;
}
