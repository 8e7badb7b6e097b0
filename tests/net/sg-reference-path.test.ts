import { describe, expect, it } from "vitest";
import type { Topology, Writable } from "@/lib/net/topology";
import { codes, edited, example, run } from "./helpers";
import { must } from "../support/must";

type Draft = Writable<Topology>;

// aws-rules SG-06, PCX-11, TGW-13: a rule naming a peer VPC's group matches traffic that crosses the peering (or,
// inbound, a transit gateway with referencing support on), not traffic the routes send another way. The existence
// of an active peering beside a transit gateway path is not enough (exam7 F4).
function peeredBesideTgw(change: (t: Draft) => void): Topology {
  return edited(example("tgw-hub"), (t) => {
    t.peeringConnections.push({
      id: "pcx-12",
      requesterVpcId: "vpc-1",
      accepterVpcId: "vpc-2",
      status: "active",
      requesterAllowDnsResolutionFromRemoteVpc: false,
      accepterAllowDnsResolutionFromRemoteVpc: false,
    });
    change(t);
  });
}

const overPeering = (t: Draft) => {
  must(t.routeTables.find((r) => r.id === "rtb-1")).routes.push({
    destination: "10.2.0.0/16",
    target: "pcx-12",
    origin: "static",
  });
  must(t.routeTables.find((r) => r.id === "rtb-2")).routes.push({
    destination: "10.1.0.0/16",
    target: "pcx-12",
    origin: "static",
  });
};

describe("a reference to a peer VPC's group follows the path the routes choose", () => {
  const inbound = (t: Draft) => {
    must(t.securityGroups.find((g) => g.id === "sg-2")).inbound = [
      { protocol: "all", securityGroupId: "sg-1" },
    ];
  };

  it("inbound: routed over a transit gateway with referencing off, the active peering does not make it match", () => {
    const a = run(peeredBesideTgw(inbound), "host-1", "host-2");
    expect(codes(a)).toEqual(["ENI_SG_RULES_MISMATCH"]);
    expect(a.blockers[0]?.component).toBe("sg-2");
    expect(a.blockers[0]?.rules).toEqual(expect.arrayContaining(["TGW-13", "SG-06"]));
    const detail = a.blockers[0]?.detail;
    expect(detail?.kind === "security-group" && detail.inertReferences?.[0]).toMatchObject({
      problem: "tgw-referencing-off",
      notVia: { id: "pcx-12" },
    });
  });

  it("inbound: the same rule matches once the routes use the peering", () => {
    const t = peeredBesideTgw((d) => {
      inbound(d);
      overPeering(d);
    });
    expect(run(t, "host-1", "host-2").reachable).toBe(true);
  });

  it("inbound: over the transit gateway with referencing on it matches (TGW-13)", () => {
    const t = peeredBesideTgw((d) => {
      inbound(d);
      must(d.transitGateways[0]).securityGroupReferencingSupport = true;
    });
    expect(run(t, "host-1", "host-2").reachable).toBe(true);
  });

  const outbound = (t: Draft) => {
    must(t.securityGroups.find((g) => g.id === "sg-1")).outbound = [
      { protocol: "all", securityGroupId: "sg-2" },
    ];
  };

  it("outbound: a rule naming the peer's group does not match traffic routed to the transit gateway", () => {
    const a = run(peeredBesideTgw(outbound), "host-1", "host-2");
    expect(codes(a)).toEqual(["ENI_SG_RULES_MISMATCH"]);
    expect(a.blockers[0]?.component).toBe("sg-1");
    expect(a.blockers[0]?.detail).toMatchObject({ side: "outbound" });
  });

  it("outbound: it matches when the route leaves over the peering", () => {
    const t = peeredBesideTgw((d) => {
      outbound(d);
      overPeering(d);
    });
    expect(run(t, "host-1", "host-2").reachable).toBe(true);
  });
});
