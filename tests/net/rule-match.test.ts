import { describe, expect, it } from "vitest";
import { describePorts } from "../../lib/net/rule-match";

describe("describePorts", () => {
  it("names ICMP types, never ports", () => {
    expect(describePorts("icmp")).toBe("icmp all types");
    expect(describePorts(58)).toBe("icmpv6 all types");
    expect(describePorts(1)).toBe("icmp all types");
    expect(describePorts("icmp", 8)).toBe("icmp type 8");
    expect(describePorts("icmp", 3, 4)).toBe("icmp type 3 code 4");
  });

  it("keeps ports for TCP and UDP", () => {
    expect(describePorts("tcp")).toBe("tcp all ports");
    expect(describePorts("udp", 53)).toBe("udp/53");
    expect(describePorts("tcp", 1024, 65535)).toBe("tcp/1024-65535");
  });

  it("names other protocols by number and all traffic as such", () => {
    expect(describePorts(50)).toBe("protocol 50");
    expect(describePorts(-1)).toBe("all traffic");
    expect(describePorts("all")).toBe("all traffic");
  });
});
