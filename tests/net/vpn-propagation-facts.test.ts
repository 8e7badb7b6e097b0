// What a VPN blocker and a no-route blocker say about route propagation from a virtual private gateway (VPN-05:
// a VPN's prefixes propagate into a table that propagates from its gateway, and only while the VPN is up). Asserts
// on detail fields and codes, never on sentences (exam 8 D5, D6).
import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import { codes, edited, example, run } from "./helpers";
import { must } from "../support/must";

const DOWN = [{ status: "DOWN" as const }, { status: "DOWN" as const }];

const vpnBlocker = (a: ReturnType<typeof run>) => a.blockers.find((b) => b.code === "BAD_STATE_VPN");

describe("BAD_STATE_VPN: the routes a table still lists as propagated from a VPN that is down", () => {
  it("none listed: staleRoutes is empty, and the table really has no route to on-premises", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      must(d.vpnConnections[0]).tunnels = DOWN;
    });
    expect(vpnBlocker(run(t, "data-centre", "hybrid-host", 22))?.detail).toMatchObject({ staleRoutes: [] });
    const out = run(t, "hybrid-host", "data-centre", 22);
    expect(codes(out)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    // Propagation is on: the gateway carries nothing while the VPN is down, so no propagation hint either.
    expect(out.blockers[0]?.detail).not.toHaveProperty("unpropagatedGateway");
    expect(validate(t).map((i) => i.code)).not.toContain("RCH_STALE_PROPAGATED_ROUTE");
  });

  it("a propagated route still listed: named in staleRoutes, and validate warns", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      must(d.vpnConnections[0]).tunnels = DOWN;
      const rtb = must(d.routeTables.find((r) => r.id === "rtb-hybrid"));
      rtb.routes.push({ destination: "192.168.0.0/16", target: "vgw-1", origin: "propagated" });
    });
    const b = vpnBlocker(run(t, "data-centre", "hybrid-host", 22));
    expect(b?.detail).toMatchObject({
      staleRoutes: [{ table: { id: "rtb-hybrid" }, destination: "192.168.0.0/16" }],
    });
    expect(b?.rules).toContain("VPN-05");
    expect(validate(t)).toContainEqual(
      expect.objectContaining({ code: "RCH_STALE_PROPAGATED_ROUTE", severity: "warning", rules: ["VPN-05"] }),
    );
  });

  it("another VPN of the gateway is up: the route may be its own, so nothing is called stale", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      const vpn = must(d.vpnConnections[0]);
      d.vpnConnections.push({ ...vpn, id: "vpn-dc-2" });
      vpn.tunnels = DOWN;
      const rtb = must(d.routeTables.find((r) => r.id === "rtb-hybrid"));
      rtb.routes.push({ destination: "192.168.0.0/16", target: "vgw-1", origin: "propagated" });
    });
    expect(validate(t).map((i) => i.code)).not.toContain("RCH_STALE_PROPAGATED_ROUTE");
    const clone = edited(t, (d) => {
      // Both down now: only then is the route stale.
      must(d.vpnConnections[1]).tunnels = DOWN;
    });
    expect(validate(clone).map((i) => i.code)).toContain("RCH_STALE_PROPAGATED_ROUTE");
  });
});

describe("NO_ROUTE_TO_DESTINATION: a table that does not propagate from the VPC's gateway", () => {
  it("names the virtual private gateway whose propagation would carry the destination", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      must(d.routeTables.find((r) => r.id === "rtb-hybrid")).propagatingGatewayIds = [];
    });
    const a = run(t, "hybrid-host", "data-centre", 22);
    expect(a.blockers.map((b) => [b.code, b.component])).toEqual([["NO_ROUTE_TO_DESTINATION", "rtb-hybrid"]]);
    expect(a.blockers[0]?.detail).toMatchObject({ unpropagatedGateway: { id: "vgw-1" } });
    expect(a.blockers[0]?.rules).toContain("VPN-05");
  });

  it("not for a destination the gateway does not carry", () => {
    const t = edited(example("site-to-site-vpn"), (d) => {
      must(d.routeTables.find((r) => r.id === "rtb-hybrid")).propagatingGatewayIds = [];
    });
    const a = run(t, "hybrid-host", "172.16.0.10", 22);
    expect(codes(a)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    expect(a.blockers[0]?.detail).not.toHaveProperty("unpropagatedGateway");
  });
});
