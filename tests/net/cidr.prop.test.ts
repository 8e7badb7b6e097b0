import fc from "fast-check";
import { IPv4CidrRange, IPv6, IPv6CidrRange, Validator } from "ip-num";
import { describe, expect, it } from "vitest";
import { formatIpv6, maskIpv6, parseCidr, parseIp } from "@/lib/net/cidr";

/** Spellings of one IPv6 value: canonical (RFC 5952), fully expanded, zero-padded, upper case, "::" elsewhere. */
function spellings(value: bigint): string[] {
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16),
  );
  const canonical = formatIpv6(value);
  return [
    canonical,
    groups.join(":"),
    groups.map((g) => g.padStart(4, "0")).join(":"),
    canonical.toUpperCase(),
    `${groups.slice(0, 6).join(":")}::`,
    `::${groups.slice(2).join(":")}`,
  ];
}

// Values with long zero runs (real VPC blocks) as well as arbitrary ones.
const v6Value = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
  fc
    .tuple(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.integer({ min: 0, max: 64 }))
    .map(([hi, shift]) => (hi << 64n) >> BigInt(shift)),
);

// The hand-written IPv4 and IPv6 fast paths in cidr.ts must agree with ip-num on every input.
describe("cidr fast path agrees with ip-num", () => {
  it("IPv4 addresses", () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        const ours = parseIp(text);
        expect(ours.ok).toBe(Validator.isValidIPv4String(text)[0]);
        if (ours.ok) expect(ours.value.text).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("IPv4 text of any shape: the fast path accepts exactly what ip-num accepts, with the same value", () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom("", "00", "01", "007", "a", " ", "256", "1e2"),
    );
    const text = fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.option(piece))
      .map(([parts, prefix]) => `${parts.join(".")}${prefix === null ? "" : `/${prefix}`}`);
    fc.assert(
      fc.property(text, (t) => {
        const ip = parseIp(t);
        expect(ip.ok).toBe(!t.includes("/") && Validator.isValidIPv4String(t)[0]);
        if (ip.ok)
          expect(ip.value.value).toBe(Number(IPv4CidrRange.fromCidr(`${t}/32`).getFirst().getValue()));
        const cidr = parseCidr(t);
        expect(cidr.ok).toBe(t.includes("/") && Validator.isValidIPv4CidrRange(t)[0]);
      }),
      { numRuns: 400 },
    );
  });

  it("IPv4 CIDR blocks, aligned or not", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
        const text = `${ip}/${prefix}`;
        const ours = parseCidr(text);
        expect(ours.ok).toBe(Validator.isValidIPv4CidrRange(text)[0]);
        if (ours.ok && ours.value.family === 4)
          expect(ours.value.network).toBe(Number(IPv4CidrRange.fromCidr(text).getFirst().getValue()));
      }),
      { numRuns: 200 },
    );
  });

  it("IPv6 addresses in several spellings", () => {
    fc.assert(
      fc.property(v6Value, (value) => {
        for (const text of spellings(value)) {
          const ours = parseIp(text);
          expect(ours.ok).toBe(Validator.isValidIPv6String(text)[0]);
          if (ours.ok) {
            expect(ours.value.value).toBe(IPv6.fromString(text).getValue());
            expect(ours.value.text).toBe(formatIpv6(IPv6.fromString(text).getValue()));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("IPv6 CIDR blocks, aligned or not", () => {
    fc.assert(
      fc.property(v6Value, fc.integer({ min: 0, max: 128 }), fc.boolean(), (value, prefix, align) => {
        const address = align ? maskIpv6(value, prefix) : value;
        for (const spelling of spellings(address)) {
          const text = `${spelling}/${prefix}`;
          const ours = parseCidr(text);
          expect(ours.ok).toBe(Validator.isValidIPv6CidrRange(text)[0]);
          if (ours.ok && ours.value.family === 6) {
            const range = IPv6CidrRange.fromCidr(text);
            expect(ours.value.network).toBe(range.getFirst().getValue());
            expect(ours.value.text).toBe(`${formatIpv6(range.getFirst().getValue())}/${prefix}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rejects IPv6 near-misses and still explains a misaligned block", () => {
    for (const bad of [
      "2001:db8::1::",
      "2001:db8:::1",
      "12345::",
      "2001:db8::/129",
      "2001:db8::g",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9",
      "2001:db8::/064",
    ]) {
      expect(parseIp(bad).ok || parseCidr(bad).ok).toBe(false);
    }
    const misaligned = parseCidr("2001:db8::1/64");
    expect(misaligned.ok).toBe(false);
    if (!misaligned.ok) expect(misaligned.message).toContain("did you mean 2001:db8::/64");
  });

  it("rejects near-misses", () => {
    for (const bad of [
      "010.0.0.0/8",
      "10.0.0.256",
      "10.0.0/8",
      "10.0.0.0/33",
      " 10.0.0.0/8x",
      "10.0.0.0/",
      "10.0.0.0.0",
      "10..0.0",
      "1000.0.0.0",
      "10.0.0.0/8/8",
    ]) {
      expect(parseCidr(bad).ok).toBe(false);
      expect(parseIp(bad).ok).toBe(false);
    }
  });
});
