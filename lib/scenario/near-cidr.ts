// A block that looks close to another but shares no address with it (10.154.0.0/16 next to 10.155.0.0/16):
// the raw material of an "X overlaps Y" distractor that a candidate must check bit by bit, rather than one
// between 192.168.x and 10.x that nobody could believe.
import { cidrSize, cidrsOverlap, ipToInt, type Cidr } from "./names";
import type { Rng } from "./rng";

const RFC1918: readonly Cidr[] = [
  { base: ipToInt("10.0.0.0"), prefix: 8 },
  { base: ipToInt("172.16.0.0"), prefix: 12 },
  { base: ipToInt("192.168.0.0"), prefix: 16 },
];

function inside(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.base >= outer.base && inner.base + cidrSize(inner.prefix) <= outer.base + cidrSize(outer.prefix)
  );
}

/**
 * A `prefix` block right before or right after `other`, in the same private range, overlapping neither `other`
 * nor any block in `avoid`; undefined when no neighbour fits.
 */
export function nearbyDisjointCidr(
  rng: Rng,
  other: Cidr,
  prefix: number,
  avoid: readonly Cidr[],
): Cidr | undefined {
  const size = cidrSize(prefix);
  const end = other.base + cidrSize(other.prefix);
  const after = Math.ceil(end / size) * size;
  const before = Math.floor(other.base / size) * size - size;
  const space = RFC1918.find((r) => inside(r, other));
  const fits = (c: Cidr): boolean =>
    c.base >= 0 &&
    space !== undefined &&
    inside(space, c) &&
    !cidrsOverlap(c, other) &&
    !avoid.some((a) => cidrsOverlap(a, c));
  const candidates = [
    { base: after, prefix },
    { base: before, prefix },
  ].filter(fits);
  return candidates.length > 0 ? rng.pick(candidates) : undefined;
}

/** How many leading bits two blocks' network addresses share: the higher, the closer they look. */
export function sharedLeadingBits(a: Cidr, b: Cidr): number {
  const diff = (a.base ^ b.base) >>> 0;
  return diff === 0 ? 32 : Math.clz32(diff);
}
