import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/net/reachability";
import { applyFix, proposeFixes } from "@/lib/net/fixes";
import type { Query } from "@/lib/net/query";
import { edited, example, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

const q = (from: string, to: string, port = 22): Query => ({ from, to, protocol: "tcp", port });

describe("proposeFixes", () => {
  it("returns nothing for a reachable query", () => {
    expect(proposeFixes(example("tgw-hub"), q("host-1", "host-2"))).toEqual([]);
  });

  it("PCX-02: proposes a direct peering for the A-B-C chain, verified by analyze", () => {
    const t = example("abc-peering-chain");
    const fixes = proposeFixes(t, q("app-a", "app-c"));
    const peering = fixes.find((f) => f.kind === "add-peering");
    expect(peering?.verified).toBe(true);
    expect(analyze(applyFix(t, must(peering)), q("app-a", "app-c")).reachable).toBe(true);
    expect(analyze(t, q("app-a", "app-c")).reachable).toBe(false); // the input is not mutated
  });

  it("PCX-07: proposes accepting a pending peering", () => {
    const fixes = proposeFixes(topo(twoPeered({ status: "pending-acceptance" })), q("h-1", "h-2"));
    expect(fixes[0]).toMatchObject({ kind: "accept-peering", verified: true });
  });

  it("PCX-08: proposes the missing return route", () => {
    const fixes = proposeFixes(topo(twoPeered({ routeBack: false })), q("h-1", "h-2"));
    expect(fixes[0]).toMatchObject({
      kind: "add-route",
      verified: true,
      description: "Add a route 10.0.0.0/16 -> pcx-12 to rtb-2",
    });
  });

  it("ACL-02: proposes an ephemeral-port NACL rule for blocked replies", () => {
    const fixes = proposeFixes(example("nacl-blocks-responses"), {
      from: "internet",
      to: "web",
      protocol: "tcp",
      port: 443,
    });
    expect(fixes[0]).toMatchObject({ kind: "add-nacl-rule", verified: true });
    expect(fixes[0]?.description).toMatch(/1024-65535/);
  });

  it("GWE-06: proposes an endpoint in the consumer VPC instead of the peer's", () => {
    const fixes = proposeFixes(example("gateway-endpoint-from-peer"), q("app-host", "s3", 443));
    expect(fixes.find((f) => f.kind === "add-endpoint")?.verified).toBe(true);
  });

  it("SG-01: proposes an inbound rule for a security-group block", () => {
    const t = edited(example("tgw-hub"), (d) => {
      must(d.securityGroups[1]).inbound = [];
    });
    const fixes = proposeFixes(t, q("host-1", "host-2"));
    expect(fixes[0]).toMatchObject({ kind: "add-sg-rule", verified: true });
  });

  it("SG-01: opens a missing outbound rule only to the peer VPC's block (least privilege), verified", () => {
    const t = edited(topo(twoPeered()), (d) => {
      must(d.securityGroups[0]).outbound = [];
    });
    const fixes = proposeFixes(t, q("h-1", "h-2", 6379));
    expect(fixes[0]).toMatchObject({
      kind: "add-sg-rule",
      verified: true,
      description: "Add an outbound rule tcp/6379 to 10.1.0.0/16 to security group sg-1",
    });
  });

  it("ACL-02: lets a reply to a peered VPC out on the ephemeral ports to that VPC's block only, verified", () => {
    const t = edited(topo(twoPeered()), (d) => {
      d.networkAcls.push({
        id: "acl-2",
        vpcId: "vpc-2",
        isDefault: false,
        inbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
        outbound: [],
      });
      d.subnets[1] = { ...must(d.subnets[1]), networkAclId: "acl-2" };
    });
    const fixes = proposeFixes(t, q("h-1", "h-2", 6379));
    expect(fixes[0]).toMatchObject({ kind: "add-nacl-rule", verified: true });
    expect(fixes[0]?.description).toMatch(
      /outbound rule \d+ allowing tcp ports 1024-65535 to 10\.0\.0\.0\/16 /,
    );
  });

  it("TGW-05: proposes enabling propagation", () => {
    const t = edited(example("tgw-hub"), (d) => {
      must(d.transitGatewayRouteTables[0]).propagations = ["tgw-attach-1", "tgw-attach-2"];
    });
    const fixes = proposeFixes(t, q("host-1", "host-3"));
    expect(fixes[0]).toMatchObject({ kind: "enable-propagation", verified: true });
  });

  it("combines fixes when several independent blockers stand in the way", () => {
    const input = twoPeered({ status: "pending-acceptance", routeBack: false });
    const fixes = proposeFixes(topo(input), q("h-1", "h-2"));
    const combined = fixes.find((f) => f.kind === "combined");
    expect(combined?.verified).toBe(true);
    expect(fixes.filter((f) => f.kind !== "combined").every((f) => !f.verified)).toBe(true);
  });
});
