// A Topology is immutable by type. The lines marked @ts-expect-error are checked by `tsc --noEmit` (which
// includes tests/): each must be a type error, or tsc fails with "Unused '@ts-expect-error' directive".
// The function is never called; the test below shows the supported way, an edited copy.
import { describe, expect, it } from "vitest";
import type { Topology } from "@/lib/net/topology";
import { edited, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

export function inPlaceEditsDoNotCompile(t: Topology): void {
  const rt = must(t.routeTables[0]);
  // @ts-expect-error a route table's routes are readonly
  rt.routes[0] = { destination: "10.9.0.0/16", target: "blackhole", origin: "static" };
  // @ts-expect-error nor can one be appended
  rt.routes[rt.routes.length] = { destination: "10.9.0.0/16", target: "blackhole", origin: "static" };
  // @ts-expect-error a route's fields are readonly
  must(rt.routes[0]).target = "blackhole";
  const vpc = must(t.vpcs[0]);
  // @ts-expect-error a VPC's CIDR blocks are readonly
  vpc.cidrBlocks[0] = "10.9.0.0/16";
  // @ts-expect-error so is every field of a resource
  vpc.enableDnsSupport = false;
  // @ts-expect-error and every list of the topology
  t.securityGroups[t.securityGroups.length] = { id: "sg-x", vpcId: "vpc-1", inbound: [] };
  // @ts-expect-error and the lists themselves
  t.peeringConnections = [];
  // @ts-expect-error nested lists inside rules too
  must(t.networkAcls[0]).inbound.length = 0;
}

describe("a changed topology is a new object", () => {
  it("edited() hands over a copy and leaves the original as it was", () => {
    const original = topo(twoPeered());
    const copy = edited(original, (d) => {
      must(d.routeTables[0]).routes[0] = {
        destination: "10.1.0.0/16",
        target: "blackhole",
        origin: "static",
      };
      must(d.vpcs[0]).cidrBlocks[0] = "10.9.0.0/16";
    });
    expect(copy.routeTables[0]?.routes[0]?.target).toBe("blackhole");
    expect(copy.vpcs[0]?.cidrBlocks).toEqual(["10.9.0.0/16"]);
    expect(original.routeTables[0]?.routes[0]?.target).toBe("pcx-12");
    expect(original.vpcs[0]?.cidrBlocks).toEqual(["10.0.0.0/16"]);
  });
});
