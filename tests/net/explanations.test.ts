// The TGW "no route" sentence is built from the blocker's detail: which attachment owns the dropped
// destination decides the fix (propagate it, TGW-05), and with no owner (an internet address) only a static
// route to an egress attachment can help (TGW-18), never "propagate the destination's attachment".
import { describe, expect, it } from "vitest";
import type { Topology } from "@/lib/net/topology";
import { edited, example, run } from "./helpers";
import { must } from "../support/must";

const hub = (): Topology => example("tgw-hub");

function tgwNoRoute(t: Topology, from: string, to: string) {
  const b = run(t, from, to).blockers.find((x) => x.code === "TGW_RTB_CANNOT_ROUTE");
  return must(b);
}

describe("TGW_RTB_CANNOT_ROUTE explanation", () => {
  it("names the attachment that owns the destination and tells to propagate it", () => {
    const t = edited(hub(), (d) => {
      must(d.transitGatewayRouteTables[0]).propagations = ["tgw-attach-1", "tgw-attach-2"];
    });
    const b = tgwNoRoute(t, "host-1", "host-3");
    expect(b.detail.kind === "transit-gateway-route-table" ? b.detail.owner?.id : undefined).toBe(
      "tgw-attach-3",
    );
    expect(b.message).toMatch(/enable propagation of attachment .*tgw-attach-3/);
    expect(b.rules).not.toContain("TGW-18");
  });

  it("for an address no attachment owns, asks for a static route to the egress attachment (TGW-18)", () => {
    const t = edited(hub(), (d) => {
      // host-1's subnet sends internet traffic to the TGW, whose table has no default route.
      const rtb = must(d.routeTables.find((r) => r.routes.some((x) => x.target === "tgw-hub")));
      rtb.routes.push({ destination: "0.0.0.0/0", target: "tgw-hub", origin: "static" });
    });
    const host = must(t.instances[0]).name ?? "";
    const b = tgwNoRoute(t, host, "internet");
    expect(b.detail.kind === "transit-gateway-route-table" ? b.detail.owner : "x").toBeUndefined();
    expect(b.message).not.toMatch(/propagate the destination/);
    expect(b.message).toMatch(/static route \(0\.0\.0\.0\/0/);
    expect(b.rules).toContain("TGW-18");
  });
});
