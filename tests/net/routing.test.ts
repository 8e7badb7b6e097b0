import { describe, expect, it } from "vitest";
import { toCidr, toIp } from "@/lib/net/cidr";
import { compileRoutes, lookupRoute } from "@/lib/net/routing";
import { codes, oneVpc, run, topo } from "./helpers";

const r = (
  cidr: string,
  target: string,
  origin: "local" | "static" | "prefix-list" | "propagated" = "static",
) => ({ cidr: toCidr(cidr), origin, target, description: `${cidr} -> ${target}` });

describe("route lookup", () => {
  it("RT-04: longest prefix match wins", () => {
    const t = compileRoutes([r("0.0.0.0/0", "igw"), r("10.1.0.0/16", "pcx-a"), r("10.1.2.0/24", "pcx-b")]);
    expect(lookupRoute(t, toIp("10.1.2.3"))?.target).toBe("pcx-b");
    expect(lookupRoute(t, toIp("10.1.3.3"))?.target).toBe("pcx-a");
    expect(lookupRoute(t, toIp("8.8.8.8"))?.target).toBe("igw");
  });

  it("RT-04: IPv4 and IPv6 are looked up independently (0.0.0.0/0 does not cover IPv6)", () => {
    const t = compileRoutes([r("0.0.0.0/0", "igw")]);
    expect(lookupRoute(t, toIp("2001:db8::1"))).toBeUndefined();
    const t6 = compileRoutes([r("::/0", "eigw")]);
    expect(lookupRoute(t6, toIp("2001:db8::1"))?.target).toBe("eigw");
    expect(lookupRoute(t6, toIp("1.2.3.4"))).toBeUndefined();
  });

  it("RT-06: same prefix, the static route beats the propagated one whatever the order", () => {
    const a = compileRoutes([r("192.168.0.0/16", "vgw", "propagated"), r("192.168.0.0/16", "pcx", "static")]);
    const b = compileRoutes([r("192.168.0.0/16", "pcx", "static"), r("192.168.0.0/16", "vgw", "propagated")]);
    expect(lookupRoute(a, toIp("192.168.1.1"))?.target).toBe("pcx");
    expect(lookupRoute(b, toIp("192.168.1.1"))?.target).toBe("pcx");
  });

  it("RT-07: a static CIDR route beats a prefix-list route for the same prefix", () => {
    const t = compileRoutes([r("52.216.0.0/15", "vpce", "prefix-list"), r("52.216.0.0/15", "nat", "static")]);
    expect(lookupRoute(t, toIp("52.216.0.1"))?.target).toBe("nat");
  });
});

describe("route tables in the model", () => {
  it("RT-01/RT-02: a subnet without a route table uses the main table, which always has the local route", () => {
    const a = run(topo(oneVpc()), "h-a", "h-b");
    expect(a.reachable).toBe(true);
    expect(a.forward.find((h) => h.component.type === "route-table")?.matched?.description).toBe(
      "10.0.0.0/16 -> local",
    );
  });

  it("RT-04: no matching route is a NO_ROUTE_TO_DESTINATION blocker", () => {
    const a = run(topo(oneVpc()), "h-a", "8.8.8.8", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toEqual(["NO_ROUTE_TO_DESTINATION"]);
    expect(a.blockers[0]?.rules).toContain("RT-04");
  });

  it("RT-05: the local route beats a more specific propagated route overlapping the VPC", () => {
    const t = topo(
      oneVpc({
        routeTables: [
          {
            id: "rtb-m",
            vpcId: "vpc-1",
            main: true,
            routes: [{ destination: "10.0.2.0/24", target: "vgw-1", origin: "propagated" }],
          },
        ],
        vpnGateways: [{ id: "vgw-1", vpcId: "vpc-1" }],
      }),
    );
    const a = run(t, "h-a", "h-b");
    expect(a.reachable).toBe(true);
    expect(a.forward.some((h) => h.component.id === "vgw-1")).toBe(false);
  });

  it("RT-08: a route to a target that does not exist is a blackhole (BAD_STATE_ROUTE)", () => {
    const t = topo(
      oneVpc({
        routeTables: [
          {
            id: "rtb-m",
            vpcId: "vpc-1",
            main: true,
            routes: [{ destination: "0.0.0.0/0", target: "nat-gone" }],
          },
        ],
      }),
    );
    const a = run(t, "h-a", "8.8.8.8", 443);
    expect(codes(a)).toEqual(["BAD_STATE_ROUTE"]);
  });

  it("RT-10: within one subnet neither the route table nor the NACL is consulted", () => {
    const t = topo(
      oneVpc({
        instances: [
          {
            id: "i-a",
            name: "h-a",
            subnetId: "subnet-a",
            privateIp: "10.0.1.10",
            securityGroupIds: ["sg-open"],
          },
          {
            id: "i-c",
            name: "h-c",
            subnetId: "subnet-a",
            privateIp: "10.0.1.11",
            securityGroupIds: ["sg-open"],
          },
        ],
        networkAcls: [{ id: "acl-deny", vpcId: "vpc-1", isDefault: true }],
      }),
    );
    const a = run(t, "h-a", "h-c");
    expect(a.reachable).toBe(true);
    expect(a.forward.map((h) => h.component.type)).not.toContain("route-table");
    expect(a.forward.map((h) => h.component.type)).not.toContain("network-acl");
  });

  it("RT-03: a middlebox route target needs its source/destination check disabled", () => {
    const base = (check: boolean) =>
      topo(
        oneVpc({
          subnets: [
            {
              id: "subnet-a",
              vpcId: "vpc-1",
              availabilityZone: "us-east-1a",
              cidrBlock: "10.0.1.0/24",
              routeTableId: "rtb-a",
            },
            { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.0.2.0/24" },
            { id: "subnet-fw", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.3.0/24" },
          ],
          routeTables: [
            { id: "rtb-a", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "i-fw" }] },
            {
              id: "rtb-m",
              vpcId: "vpc-1",
              main: true,
              routes: [{ destination: "0.0.0.0/0", target: "igw-1" }],
            },
          ],
          internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
          instances: [
            {
              id: "i-a",
              name: "h-a",
              subnetId: "subnet-a",
              privateIp: "10.0.1.10",
              publicIp: "3.3.3.3",
              securityGroupIds: ["sg-open"],
            },
            {
              id: "i-fw",
              name: "fw",
              subnetId: "subnet-fw",
              privateIp: "10.0.3.10",
              publicIp: "3.3.3.4",
              securityGroupIds: ["sg-open"],
              sourceDestCheck: check,
            },
          ],
        }),
      );
    expect(codes(run(base(true), "h-a", "8.8.8.8", 443))).toContain("ENI_SOURCE_DEST_CHECK_RESTRICTION");
    const ok = run(base(false), "h-a", "8.8.8.8", 443);
    expect(codes(ok)).not.toContain("ENI_SOURCE_DEST_CHECK_RESTRICTION");
    expect(ok.forward.some((h) => h.component.id === "eni-fw" && h.action === "forward")).toBe(true);
  });
});
