import { describe, expect, it } from "vitest";
import type { TopologyInput } from "@/lib/net/topology";
import { codes, edited, run, topo } from "./helpers";

// aws-rules RT-11 (gateway route tables) and GWLB-01 (Gateway Load Balancer endpoints): the AWS
// "inspection of internet ingress" design. The edge route table of igw-1 sends traffic for the app subnet
// to the endpoint; the app subnet sends 0.0.0.0/0 back to the endpoint; the endpoint's subnet routes
// 0.0.0.0/0 to the internet gateway.
const GWLBE = "vpce-0gwlbe0000000001";
function ingressInspection(): TopologyInput {
  return {
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
    subnets: [
      {
        id: "subnet-gwlbe",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.0.0/24",
        routeTableId: "rtb-gwlbe",
      },
      {
        id: "subnet-app",
        vpcId: "vpc-1",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.0.1.0/24",
        routeTableId: "rtb-app",
      },
    ],
    routeTables: [
      { id: "rtb-gwlbe", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] },
      { id: "rtb-app", vpcId: "vpc-1", routes: [{ destination: "0.0.0.0/0", target: GWLBE }] },
      {
        id: "rtb-edge",
        vpcId: "vpc-1",
        gatewayIds: ["igw-1"],
        routes: [{ destination: "10.0.1.0/24", target: GWLBE }],
      },
    ],
    internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
    securityGroups: [
      {
        id: "sg-web",
        vpcId: "vpc-1",
        inbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }],
      },
    ],
    instances: [
      {
        id: "i-web",
        name: "web",
        subnetId: "subnet-app",
        privateIp: "10.0.1.10",
        publicIp: "54.0.0.10",
        securityGroupIds: ["sg-web"],
      },
    ],
    gatewayLoadBalancerEndpoints: [
      {
        id: GWLBE,
        vpcId: "vpc-1",
        subnetId: "subnet-gwlbe",
        serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0inspect0000000001",
        privateIp: "10.0.0.20",
      },
    ],
  };
}

describe("gateway route tables and Gateway Load Balancer endpoints", () => {
  const t = topo(ingressInspection());

  it("internet -> web crosses the edge route table and the GWLB endpoint both ways, and says what it assumed", () => {
    const a = run(t, "internet", "web", 443);
    expect(codes(a)).toEqual([]);
    expect(a.reachable).toBe(true);
    const forward = a.forward.map((h) => h.component.id);
    expect(forward.indexOf("rtb-edge")).toBeGreaterThan(forward.indexOf("igw-1"));
    expect(forward.indexOf(GWLBE)).toBeGreaterThan(forward.indexOf("rtb-edge"));
    expect(forward.indexOf("rtb-gwlbe")).toBeGreaterThan(forward.indexOf(GWLBE));
    const edgeHop = a.forward.find((h) => h.component.id === "rtb-edge");
    expect(edgeHop?.detail).toMatchObject({ kind: "route", edge: "igw-1" });
    expect(a.forward.find((h) => h.component.id === GWLBE)?.detail).toMatchObject({
      kind: "gateway-load-balancer",
      serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0inspect0000000001",
    });
    // The reply: app subnet -> endpoint -> endpoint subnet -> internet gateway (1:1 NAT back).
    const back = a.return.map((h) => h.component.id);
    expect(back.indexOf(GWLBE)).toBeGreaterThan(back.indexOf("rtb-app"));
    expect(back.indexOf("igw-1")).toBeGreaterThan(back.indexOf(GWLBE));
    expect(a.details?.some((d) => d.code === "RCH_ASSUMED_APPLIANCE_PASSES")).toBe(true);
  });

  it("web -> internet is inspected too (its reply comes back through the edge route table)", () => {
    const a = run(t, "web", "internet", 443);
    expect(a.reachable).toBe(true);
    expect(a.forward.map((h) => h.component.id)).toContain(GWLBE);
    expect(a.return.map((h) => h.component.id)).toEqual(expect.arrayContaining(["rtb-edge", GWLBE]));
  });

  it("an endpoint that is not available drops the traffic", () => {
    const pending = edited(t, (d) => {
      const ep = d.gatewayLoadBalancerEndpoints?.[0];
      if (ep) ep.state = "pending";
    });
    const a = run(pending, "internet", "web", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toContain("RCH_GWLB_ENDPOINT_NOT_AVAILABLE");
  });

  it("a route to an endpoint the topology does not have is a blackhole", () => {
    const gone = edited(t, (d) => {
      d.gatewayLoadBalancerEndpoints = [];
    });
    expect(codes(run(gone, "web", "internet", 443))).toEqual(["BAD_STATE_ROUTE"]);
  });

  it("without the edge association the internet reaches web directly and the reply is inspected only", () => {
    const noEdge = edited(t, (d) => {
      const edge = d.routeTables.find((r) => r.id === "rtb-edge");
      if (edge) delete edge.gatewayIds;
    });
    const a = run(noEdge, "internet", "web", 443);
    expect(a.forward.map((h) => h.component.id)).not.toContain(GWLBE);
    expect(a.return.map((h) => h.component.id)).toContain(GWLBE);
  });

  it("an edge route to a middlebox interface needs source/destination checking off", () => {
    const viaEni = edited(t, (d) => {
      const edge = d.routeTables.find((r) => r.id === "rtb-edge");
      if (edge) edge.routes = [{ destination: "10.0.1.0/24", target: "eni-fw", origin: "static" }];
      d.networkInterfaces.push({
        id: "eni-fw",
        subnetId: "subnet-gwlbe",
        privateIp: "10.0.0.30",
        secondaryPrivateIps: [],
        ipv6Addresses: [],
        securityGroupIds: ["sg-all"],
        sourceDestCheck: true,
      });
      d.securityGroups.push({
        id: "sg-all",
        vpcId: "vpc-1",
        inbound: [{ protocol: "all", cidrBlock: "0.0.0.0/0" }],
      });
    });
    const blocked = run(viaEni, "internet", "web", 443);
    expect(codes(blocked)).toContain("ENI_SOURCE_DEST_CHECK_RESTRICTION");
    const open = edited(viaEni, (d) => {
      const fw = d.networkInterfaces.find((n) => n.id === "eni-fw");
      if (fw) fw.sourceDestCheck = false;
    });
    const a = run(open, "internet", "web", 443);
    expect(a.forward.map((h) => h.component.id)).toContain("eni-fw");
    expect(codes(a)).toEqual([]);
  });

  it("an edge route to anything but local, an interface or a GWLB endpoint carries nothing (RT-11)", () => {
    const toNat = edited(t, (d) => {
      const edge = d.routeTables.find((r) => r.id === "rtb-edge");
      if (edge) edge.routes = [{ destination: "10.0.1.0/24", target: "igw-1", origin: "static" }];
    });
    const a = run(toNat, "internet", "web", 443);
    expect(a.reachable).toBe(false);
    expect(codes(a)).toContain("BAD_STATE_ROUTE");
  });
});
