// Walking on past a blocker: what the trace says about the hops and blockers the packet never got to.
import { describe, expect, it } from "vitest";
import { must } from "../support/must";
import { edited, oneVpc, run, topo } from "./helpers";

const open = topo(oneVpc());

describe("hops and blockers past the first drop", () => {
  it("leaves a reachable trace unmarked", () => {
    const a = run(open, "h-a", "h-b", 22);
    expect(a.reachable).toBe(true);
    expect([...a.forward, ...a.return].some((h) => h.reached !== undefined)).toBe(false);
    expect(a.blockers).toEqual([]);
  });

  it("marks every hop after a security group deny, and the whole reply, as not reached", () => {
    const t = edited(open, (d) => {
      must(d.securityGroups.find((g) => g.id === "sg-open")).inbound = [];
    });
    const a = run(t, "h-a", "h-b", 22);
    const deny = a.forward.findIndex((h) => h.action === "deny");
    expect(deny).toBeGreaterThan(0);
    expect(a.forward.slice(0, deny + 1).every((h) => h.reached === undefined)).toBe(true);
    expect(a.forward.slice(deny + 1).map((h) => [h.action, h.reached])).toEqual([["deliver", false]]);
    expect(a.return.length).toBeGreaterThan(0);
    expect(a.return.every((h) => h.reached === false)).toBe(true);
    expect(a.blockers.map((b) => b.reached)).toEqual([undefined]);
  });

  it("marks a blocker found past the first drop as not reached, without changing the verdict's blockers", () => {
    const t = edited(open, (d) => {
      must(d.instances.find((i) => i.id === "i-b")).state = "stopped";
      must(d.securityGroups.find((g) => g.id === "sg-open")).inbound = [];
    });
    const a = run(t, "h-a", "h-b", 22);
    expect(a.blockers.map((b) => [b.code, b.direction, b.reached])).toEqual([
      ["SG_HAS_NO_RULES", "forward", undefined],
      ["BAD_STATE", "forward", false],
      ["BAD_STATE", "return", false],
    ]);
  });
});
