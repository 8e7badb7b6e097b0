// The project's only ip-num user. Everything else works on the plain numbers/bigints
// produced here: IPv4 as an unsigned 32-bit `number`, IPv6 as a 128-bit `bigint`, so that route
// lookups never allocate ip-num objects per query.
import { IPv4, IPv4CidrRange, IPv6, IPv6CidrRange, Validator } from "ip-num";

export type IpFamily = 4 | 6;

export type Ipv4Address = { readonly family: 4; readonly value: number; readonly text: string };
export type Ipv6Address = { readonly family: 6; readonly value: bigint; readonly text: string };
export type IpAddress = Ipv4Address | Ipv6Address;

export type Ipv4Cidr = {
  readonly family: 4;
  readonly network: number;
  readonly prefix: number;
  readonly text: string;
};
export type Ipv6Cidr = {
  readonly family: 6;
  readonly network: bigint;
  readonly prefix: number;
  readonly text: string;
};
export type Cidr = Ipv4Cidr | Ipv6Cidr;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const TWO_32 = 4294967296;
const V6_BITS = 128n;
const V6_ALL = (1n << V6_BITS) - 1n;

/** Mask an IPv4 value to its first `prefix` bits. Arithmetic instead of `&` keeps it unsigned. */
export function maskIpv4(value: number, prefix: number): number {
  if (prefix <= 0) return 0;
  if (prefix >= 32) return value;
  // `>>> 0` brings the int32 result of `&` back to the unsigned value the route keys use.
  return (value & (-1 << (32 - prefix))) >>> 0;
}

export function maskIpv6(value: bigint, prefix: number): bigint {
  if (prefix <= 0) return 0n;
  if (prefix >= 128) return value;
  const hostBits = V6_BITS - BigInt(prefix);
  return (value >> hostBits) << hostBits;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/** RFC 5952 text: lowercase, leading zeros dropped, the longest run (>1) of zero groups as "::". */
export function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  return formatGroups(groups);
}

function formatGroups(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

// Parsing through ip-num costs tens of microseconds, so its results are memoised (pure function, bounded
// cache). Plain dotted-quad and hex-group text takes the fast paths below and is not memoised: they cost
// well under a microsecond, while every entry of a large memo is an old-generation object that the
// garbage collector must trace (the generator parses fresh addresses for every question).
const MEMO_LIMIT = 100_000;
const ipMemo = new Map<string, ParseResult<IpAddress>>();
const cidrMemo = new Map<string, ParseResult<Cidr>>();

function memo<T>(
  cache: Map<string, ParseResult<T>>,
  text: string,
  compute: (t: string) => ParseResult<T>,
): ParseResult<T> {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = compute(text);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

export function parseIp(text: string): ParseResult<IpAddress> {
  return fastParseIp(text) ?? memo(ipMemo, text, parseIpUncached);
}

export function parseCidr(text: string): ParseResult<Cidr> {
  return fastParseCidr(text) ?? memo(cidrMemo, text, parseCidrUncached);
}

// Fast path for canonical dotted-quad IPv4 text ("10.0.1.5", "10.0.0.0/16"): a character scan, no regular
// expression and no allocation, checked against ip-num by a property test (tests/net/cidr.prop.test.ts).
// Canonical means what AWS prints: four decimal octets 0-255 without leading zeros, an optional /0-/32
// prefix without leading zeros. Anything else (IPv6, odd spellings, errors) goes through ip-num's Validator.
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const SLASH = 47;

/** A decimal number in text[start, end) without leading zeros, at most `max`; -1 if it is not one. */
function decimal(text: string, start: number, end: number, max: number): number {
  if (end <= start || end - start > 3 || (end - start > 1 && text.charCodeAt(start) === DIGIT_0)) return -1;
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    value = value * 10 + (c - DIGIT_0);
  }
  return value <= max ? value : -1;
}

/** The address value, with the prefix when the text has one; `prefix` is -1 for a bare address. */
function fastIpv4(text: string): { value: number; prefix: number } | undefined {
  let value = 0;
  let start = 0;
  for (let octet = 0; octet < 4; octet += 1) {
    let end = start;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === DOT || c === SLASH) break;
      end += 1;
    }
    const byte = decimal(text, start, end, 255);
    if (byte < 0) return undefined;
    value = value * 256 + byte;
    const separator = end < text.length ? text.charCodeAt(end) : -1;
    if (octet < 3 ? separator !== DOT : separator !== -1 && separator !== SLASH) return undefined;
    start = end + 1;
  }
  // `>>> 0`: the same uint32 the masks produce (a small integer, not a boxed double, whenever it fits one).
  if (start > text.length) return { value: value >>> 0, prefix: -1 };
  const prefix = decimal(text, start, text.length, 32);
  return prefix < 0 ? undefined : { value: value >>> 0, prefix };
}

// Fast path for plain IPv6 text (hex groups with at most one "::", optional /prefix): ip-num's validators
// cost about 30 µs per string, and generated IPv6 questions use fresh /56 and /64 blocks every time. A
// character scan into eight 16-bit groups, no regular expression. Embedded IPv4 ("::ffff:1.2.3.4"), zone ids,
// a "::" standing for a single group and anything malformed go to ip-num, which also writes every error
// message. Checked against ip-num by the same property tests as IPv4.
const COLON = 58;

function hexDigit(c: number): number {
  if (c >= DIGIT_0 && c <= DIGIT_9) return c - DIGIT_0;
  const lower = c | 32; // ASCII letters: set the lower-case bit
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The eight groups of an IPv6 address written in text[0, end), or undefined. */
function ipv6Groups(text: string, end: number): number[] | undefined {
  const head: number[] = [];
  const tail: number[] = [];
  let groups = head;
  let gap = false;
  let i = 0;
  if (end >= 2 && text.charCodeAt(0) === COLON && text.charCodeAt(1) === COLON) {
    gap = true;
    groups = tail;
    i = 2;
  }
  while (i < end) {
    let value = 0;
    let digits = 0;
    while (i < end) {
      const d = hexDigit(text.charCodeAt(i));
      if (d < 0) break;
      value = value * 16 + d;
      digits += 1;
      i += 1;
    }
    if (digits === 0 || digits > 4) return undefined;
    groups.push(value);
    if (i === end) break;
    if (text.charCodeAt(i) !== COLON) return undefined;
    i += 1;
    if (i < end && text.charCodeAt(i) === COLON) {
      if (gap) return undefined;
      gap = true;
      groups = tail;
      i += 1;
      if (i === end) break;
    } else if (i === end) return undefined; // a single trailing colon
  }
  if (!gap) return head.length === 8 ? head : undefined;
  // "::" must stand for at least two groups on this path (ip-num decides the single-group spelling).
  if (head.length + tail.length > 6) return undefined;
  const out = head;
  for (let k = head.length + tail.length; k < 8; k += 1) out.push(0);
  for (const g of tail) out.push(g);
  return out;
}

function groupsValue(g: readonly number[]): bigint {
  const word = (i: number): bigint => BigInt((g[i] ?? 0) * 65536 + (g[i + 1] ?? 0));
  return (word(0) << 96n) | (word(2) << 64n) | (word(4) << 32n) | word(6);
}

function fastIpv6(text: string): { value: bigint; text: string; prefix: number } | undefined {
  const slash = text.indexOf("/");
  const end = slash < 0 ? text.length : slash;
  const groups = ipv6Groups(text, end);
  if (!groups) return undefined;
  let prefix = -1;
  if (slash >= 0) {
    prefix = decimal(text, slash + 1, text.length, 128);
    if (prefix < 0) return undefined;
  }
  return { value: groupsValue(groups), text: formatGroups(groups), prefix };
}

function fastParseIp(text: string): ParseResult<IpAddress> | undefined {
  if (text.includes(":")) {
    const fast6 = fastIpv6(text);
    return fast6 && fast6.prefix < 0
      ? { ok: true, value: { family: 6, value: fast6.value, text: fast6.text } }
      : undefined;
  }
  const fast = fastIpv4(text);
  return fast && fast.prefix < 0 ? { ok: true, value: { family: 4, value: fast.value, text } } : undefined;
}

function parseIpUncached(text: string): ParseResult<IpAddress> {
  const trimmed = text.trim();
  if (Validator.isValidIPv4String(trimmed)[0]) {
    const value = Number(IPv4.fromString(trimmed).getValue());
    return { ok: true, value: { family: 4, value, text: formatIpv4(value) } };
  }
  if (trimmed.includes(":") && Validator.isValidIPv6String(trimmed)[0]) {
    const value = IPv6.fromString(trimmed).getValue();
    return { ok: true, value: { family: 6, value, text: formatIpv6(value) } };
  }
  return { ok: false, message: `"${text}" is not a valid IPv4 or IPv6 address` };
}

export function isIpText(text: string): boolean {
  return parseIp(text).ok;
}

/**
 * Parse a CIDR and reject misaligned ones: ip-num would silently accept `10.0.0.5/16` and start the
 * range at 10.0.0.0 (an ip-num gotcha), which hides a typo that AWS itself refuses.
 */
function fastParseCidr(text: string): ParseResult<Cidr> | undefined {
  if (text.includes(":")) {
    const fast6 = fastIpv6(text);
    if (fast6 && fast6.prefix >= 0 && maskIpv6(fast6.value, fast6.prefix) === fast6.value) {
      return {
        ok: true,
        value: {
          family: 6,
          network: fast6.value,
          prefix: fast6.prefix,
          text: `${fast6.text}/${fast6.prefix}`,
        },
      };
    }
    return undefined;
  }
  const fast = fastIpv4(text);
  if (fast && fast.prefix >= 0 && maskIpv4(fast.value, fast.prefix) === fast.value) {
    return { ok: true, value: { family: 4, network: fast.value, prefix: fast.prefix, text } };
  }
  return undefined;
}

function parseCidrUncached(text: string): ParseResult<Cidr> {
  const trimmed = text.trim();
  const slash = trimmed.indexOf("/");
  if (slash < 0)
    return {
      ok: false,
      message: `"${text}" is not a CIDR block (expected address/prefix, e.g. 10.0.0.0/16)`,
    };
  const isV6 = trimmed.includes(":");
  const [notationOk] = isV6
    ? Validator.isValidIPv6CidrNotation(trimmed)
    : Validator.isValidIPv4CidrNotation(trimmed);
  if (!notationOk)
    return { ok: false, message: `"${text}" is not a valid ${isV6 ? "IPv6" : "IPv4"} CIDR block` };
  if (isV6) {
    const range = IPv6CidrRange.fromCidr(trimmed);
    const network = range.getFirst().getValue();
    const prefix = Number(range.getPrefix().getValue());
    const canonical = `${formatIpv6(network)}/${prefix}`;
    if (!Validator.isValidIPv6CidrRange(trimmed)[0]) {
      return { ok: false, message: `"${text}" is not a network address (did you mean ${canonical}?)` };
    }
    return { ok: true, value: { family: 6, network, prefix, text: canonical } };
  }
  const range = IPv4CidrRange.fromCidr(trimmed);
  const network = Number(range.getFirst().getValue());
  const prefix = Number(range.getPrefix().getValue());
  const canonical = `${formatIpv4(network)}/${prefix}`;
  if (!Validator.isValidIPv4CidrRange(trimmed)[0]) {
    return { ok: false, message: `"${text}" is not a network address (did you mean ${canonical}?)` };
  }
  return { ok: true, value: { family: 4, network, prefix, text: canonical } };
}

/** Parse a CIDR the schema has already validated; a failure here is a bug, so it throws. */
export function toCidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`internal: unvalidated CIDR ${text}: ${parsed.message}`);
  return parsed.value;
}

export function toIp(text: string): IpAddress {
  const parsed = parseIp(text);
  if (!parsed.ok) throw new Error(`internal: unvalidated IP ${text}`);
  return parsed.value;
}

export function cidrContainsIp(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family === 4) return ip.family === 4 && maskIpv4(ip.value, cidr.prefix) === cidr.network;
  return ip.family === 6 && maskIpv6(ip.value, cidr.prefix) === cidr.network;
}

export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  if (outer.family === 4 && inner.family === 4)
    return maskIpv4(inner.network, outer.prefix) === outer.network;
  if (outer.family === 6 && inner.family === 6)
    return maskIpv6(inner.network, outer.prefix) === outer.network;
  return false;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContainsCidr(a, b) || cidrContainsCidr(b, a);
}

export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix);
}

/** Address `offset` inside the block (offset 4 is the first address AWS lets you use, VPC-03). */
export function addressInCidr(cidr: Cidr, offset: number): IpAddress {
  if (cidr.family === 4) {
    const value = (cidr.network + offset) % TWO_32;
    return { family: 4, value, text: formatIpv4(value) };
  }
  const value = (cidr.network + BigInt(offset)) & V6_ALL;
  return { family: 6, value, text: formatIpv6(value) };
}

const RFC1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(toCidr);
const RFC6598 = toCidr("100.64.0.0/10");

// aws-rules IGW-04: the IGW drops RFC 1918 / RFC 6598 addresses on the internet side.
export function isRfc1918(ip: IpAddress): boolean {
  return RFC1918.some((c) => cidrContainsIp(c, ip));
}

export function isRfc6598(ip: IpAddress): boolean {
  return cidrContainsIp(RFC6598, ip);
}

/** Same address? Compares values, never object identity (ip-num objects: compare with isEquals, not ===). */
export function isSameIp(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.value === b.value;
}

/** A Map key that is cheap to compute and identical for equal addresses of either family. */
export function ipKey(ip: IpAddress): string | number {
  return ip.family === 4 ? ip.value : `6:${ip.value.toString(16)}`;
}
