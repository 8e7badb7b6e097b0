import fc from "fast-check";
import { IPv4CidrRange, Validator } from "ip-num";
import { describe, expect, it } from "vitest";
import { parseCidr, parseIp } from "@/lib/net/cidr";

// The hand-written IPv4 fast path in cidr.ts must agree with ip-num on every input it accepts.
describe("cidr fast path agrees with ip-num", () => {
  it("IPv4 addresses", () => {
    fc.assert(fc.property(fc.ipV4(), (text) => {
      const ours = parseIp(text);
      expect(ours.ok).toBe(Validator.isValidIPv4String(text)[0]);
      if (ours.ok) expect(ours.value.text).toBe(text);
    }), { numRuns: 200 });
  });

  it("IPv4 CIDR blocks, aligned or not", () => {
    fc.assert(fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
      const text = `${ip}/${prefix}`;
      const ours = parseCidr(text);
      expect(ours.ok).toBe(Validator.isValidIPv4CidrRange(text)[0]);
      if (ours.ok && ours.value.family === 4) expect(ours.value.network).toBe(Number(IPv4CidrRange.fromCidr(text).getFirst().getValue()));
    }), { numRuns: 200 });
  });

  it("rejects near-misses", () => {
    for (const bad of ["010.0.0.0/8", "10.0.0.256", "10.0.0/8", "10.0.0.0/33", " 10.0.0.0/8x"]) expect(parseCidr(bad).ok && parseIp(bad).ok).toBe(false);
  });
});
