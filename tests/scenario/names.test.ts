import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountId,
  carveVpcCidrs,
  cidrSize,
  cidrsOverlap,
  cidrText,
  intToIp,
  ipToInt,
  overlappingCidr,
  resourceId,
  subnetCidr,
} from "../../lib/scenario/names";
import { createRng } from "../../lib/scenario/rng";
import { must } from "../support/must";

describe("names", () => {
  it("makes 12-digit account ids and AWS-style resource ids", () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i += 1) {
      expect(accountId(rng)).toMatch(/^[1-9][0-9]{11}$/);
      expect(resourceId(rng, "vpc")).toMatch(/^vpc-0[0-9a-f]{16}$/);
    }
  });

  it("spells a resource id as the two 32-bit draws in zero-padded hex (the format stored questions rely on)", () => {
    const draws = createRng(11);
    const ids = createRng(11);
    for (let i = 0; i < 200; i += 1) {
      const hi = draws.nextU32();
      const lo = draws.nextU32();
      expect(resourceId(ids, "subnet")).toBe(
        `subnet-0${hi.toString(16).padStart(8, "0")}${lo.toString(16).padStart(8, "0")}`,
      );
    }
  });

  it("writes any 32-bit address as the dotted quad it parses back from", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        expect(intToIp(value)).toBe(
          [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join("."),
        );
        expect(ipToInt(intToIp(value))).toBe(value);
      }),
    );
    expect(intToIp(0)).toBe("0.0.0.0");
    expect(intToIp(0xffffffff)).toBe("255.255.255.255");
  });

  it("sizes a block of every prefix length as 2^(32 - prefix) addresses", () => {
    for (let prefix = 0; prefix <= 32; prefix += 1) expect(cidrSize(prefix)).toBe(Math.pow(2, 32 - prefix));
  });

  it("carves non-overlapping, aligned private VPC CIDRs of several sizes", () => {
    for (let seed = 0; seed < 300; seed += 1) {
      const rng = createRng(seed);
      const blocks = carveVpcCidrs(rng, [16, 20, 24, 18]);
      for (const block of blocks) expect(block.base % 2 ** (32 - block.prefix)).toBe(0);
      for (let i = 0; i < blocks.length; i += 1) {
        for (let j = i + 1; j < blocks.length; j += 1) {
          expect(
            cidrsOverlap(must(blocks[i]), must(blocks[j])),
            `${cidrText(must(blocks[i]))} vs ${cidrText(must(blocks[j]))}`,
          ).toBe(false);
        }
      }
      for (const block of blocks)
        expect(cidrText(block)).toMatch(/^(10\.|172\.(1[6-9]|2[0-9]|3[01])\.|192\.168\.)/);
    }
  });

  it("overlappingCidr really overlaps and subnetCidr stays inside its VPC", () => {
    const rng = createRng(8);
    const [vpc] = carveVpcCidrs(rng, [16]);
    expect(cidrsOverlap(must(vpc), overlappingCidr(rng, must(vpc), 20))).toBe(true);
    expect(cidrsOverlap(must(vpc), overlappingCidr(rng, must(vpc), 16))).toBe(true);
    const a = subnetCidr(must(vpc), 24, 0);
    const b = subnetCidr(must(vpc), 24, 1);
    expect(cidrsOverlap(a, b)).toBe(false);
    expect(cidrsOverlap(a, must(vpc))).toBe(true);
  });
});
