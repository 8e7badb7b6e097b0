import { describe, expect, it } from "vitest";
import {
  addressInCidr,
  cidrContainsCidr,
  cidrContainsIp,
  cidrsOverlap,
  isRfc1918,
  maskIpv4,
  parseCidr,
  parseIp,
  toCidr,
  toIp,
} from "@/lib/net/cidr";

describe("cidr", () => {
  it("parses IPv4 and IPv6 CIDRs to numbers / bigints", () => {
    const v4 = toCidr("10.1.0.0/16");
    expect(v4).toMatchObject({ family: 4, network: 167837696, prefix: 16, text: "10.1.0.0/16" });
    const v6 = toCidr("2001:db8:1::/48");
    expect(v6.family).toBe(6);
    expect(v6.text).toBe("2001:db8:1::/48");
  });

  it("rejects misaligned CIDRs with a did-you-mean", () => {
    const r = parseCidr("10.0.0.5/16");
    expect(r).toEqual({
      ok: false,
      message: '"10.0.0.5/16" is not a network address (did you mean 10.0.0.0/16?)',
    });
    const r6 = parseCidr("2001:db8::1/64");
    expect(r6.ok).toBe(false);
    if (!r6.ok) expect(r6.message).toContain("did you mean 2001:db8::/64");
    expect(parseCidr("10.0.0.0/33").ok).toBe(false);
    expect(parseCidr("10.0.0.0").ok).toBe(false);
  });

  it("contains / overlaps / address in range", () => {
    const vpc = toCidr("10.0.0.0/16");
    expect(cidrContainsIp(vpc, toIp("10.0.255.255"))).toBe(true);
    expect(cidrContainsIp(vpc, toIp("10.1.0.0"))).toBe(false);
    expect(cidrContainsIp(vpc, toIp("::1"))).toBe(false);
    expect(cidrContainsCidr(vpc, toCidr("10.0.4.0/24"))).toBe(true);
    expect(cidrContainsCidr(toCidr("10.0.4.0/24"), vpc)).toBe(false);
    expect(cidrsOverlap(toCidr("10.0.4.0/24"), vpc)).toBe(true);
    expect(cidrsOverlap(toCidr("10.1.0.0/16"), vpc)).toBe(false);
    expect(addressInCidr(toCidr("10.0.1.0/24"), 4).text).toBe("10.0.1.4");
    expect(cidrContainsIp(toCidr("0.0.0.0/0"), toIp("255.255.255.255"))).toBe(true);
    expect(maskIpv4(toIp("255.255.255.255").value as number, 1)).toBe(2147483648);
  });

  it("classifies RFC 1918 addresses and rejects junk", () => {
    expect(isRfc1918(toIp("172.31.0.1"))).toBe(true);
    expect(isRfc1918(toIp("172.32.0.1"))).toBe(false);
    expect(parseIp("300.1.1.1").ok).toBe(false);
    expect(parseIp("i-123").ok).toBe(false);
  });
});
