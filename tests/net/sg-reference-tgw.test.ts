import { describe, expect, it } from "vitest";
import type { Topology } from "@/lib/net/topology";
import { codes, edited, example, run } from "./helpers";
import { must } from "../support/must";

// aws-rules TGW-13: an inbound rule may name a group of another VPC on the same transit gateway, when
// referencing support is on at the transit gateway (off by default) and on both VPC attachments (on by default).
function referencing(): Topology {
  return edited(example("tgw-hub"), (t) => {
    const sg2 = t.securityGroups.find((g) => g.id === "sg-2");
    if (!sg2) throw new Error("tgw-hub has no sg-2");
    sg2.inbound = [{ protocol: "all", securityGroupId: "sg-1" }];
  });
}

describe("security group references across a transit gateway", () => {
  it("match nothing while the transit gateway has referencing support off (the default)", () => {
    const a = run(referencing(), "host-1", "host-2");
    expect(codes(a)).toEqual(["ENI_SG_RULES_MISMATCH"]);
    // The blocker names the transit gateway setting, not a missing peering (PCX-11).
    expect(a.blockers[0]?.message).toMatch(
      /across transit gateway .*which has security group referencing support disabled/,
    );
    expect(a.blockers[0]?.message).not.toContain("peering");
    expect(a.blockers[0]?.rules).toContain("TGW-13");
    expect(a.blockers[0]?.rules).not.toContain("PCX-11");
  });

  it("match the other VPC's members once the transit gateway turns it on", () => {
    const t = edited(referencing(), (d) => {
      must(d.transitGateways[0]).securityGroupReferencingSupport = true;
    });
    expect(run(t, "host-1", "host-2").reachable).toBe(true);
    // A VPC whose attachment has it off is outside the reference: host-3 is not a member anyway,
    // and host-1 stops matching when its own attachment turns it off.
    const off = edited(t, (d) => {
      must(d.transitGatewayAttachments.find((x) => x.id === "tgw-attach-1")).securityGroupReferencingSupport =
        false;
    });
    const blocked = run(off, "host-1", "host-2");
    expect(codes(blocked)).toEqual(["ENI_SG_RULES_MISMATCH"]);
    expect(blocked.blockers[0]?.message).toMatch(
      /whose VPC attachment tgw-attach-1 has security group referencing support disabled/,
    );
  });

  it("apply to inbound rules only", () => {
    const t = edited(example("tgw-hub"), (d) => {
      must(d.transitGateways[0]).securityGroupReferencingSupport = true;
      must(d.securityGroups.find((g) => g.id === "sg-1")).outbound = [
        { protocol: "all", securityGroupId: "sg-2" },
      ];
    });
    const a = run(t, "host-1", "host-2");
    expect(codes(a)).toEqual(["ENI_SG_RULES_MISMATCH"]);
    expect(a.blockers[0]?.message).toMatch(/a group reference works in inbound rules only/);
  });
});
