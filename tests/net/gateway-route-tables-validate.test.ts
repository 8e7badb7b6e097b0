import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import type { Topology } from "@/lib/net/topology";
import { edited, topo } from "./helpers";

// aws-rules RT-11: what AWS refuses in a gateway route table (one with an edge association to an internet or
// virtual private gateway): propagation, prefix-list destinations, targets other than local / a network
// interface / a Gateway Load Balancer endpoint of the same VPC, and destinations other than the whole VPC or
// subnet CIDR block.
const GWLBE = "vpce-0gwlbe0000000001";
const t = topo({
  vpcs: [
    { id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] },
    { id: "vpc-2", cidrBlocks: ["10.9.0.0/16"] },
  ],
  subnets: [
    { id: "subnet-gwlbe", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.0.0/24" },
    { id: "subnet-app", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" },
    { id: "subnet-other", vpcId: "vpc-2", availabilityZone: "us-east-1a", cidrBlock: "10.9.0.0/24" },
  ],
  routeTables: [
    { id: "rtb-main", vpcId: "vpc-1", main: true, routes: [{ destination: "0.0.0.0/0", target: "igw-1" }] },
    { id: "rtb-main-2", vpcId: "vpc-2", main: true },
    {
      id: "rtb-edge",
      vpcId: "vpc-1",
      gatewayIds: ["igw-1"],
      routes: [
        { destination: "10.0.1.0/24", target: GWLBE },
        { destination: "10.0.0.0/16", target: "eni-0fw" },
      ],
    },
  ],
  internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
  networkInterfaces: [
    { id: "eni-0fw", subnetId: "subnet-gwlbe", privateIp: "10.0.0.30", sourceDestCheck: false },
    { id: "eni-0away", subnetId: "subnet-other", privateIp: "10.9.0.30", sourceDestCheck: false },
  ],
  prefixLists: [{ id: "pl-0office", cidrBlocks: ["198.51.100.0/24"] }],
  gatewayLoadBalancerEndpoints: [
    {
      id: GWLBE,
      vpcId: "vpc-1",
      subnetId: "subnet-gwlbe",
      serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0inspect0000000001",
      privateIp: "10.0.0.20",
    },
  ],
});

const EDGE = 2;
const edge = (change: (routes: Topology["routeTables"][number]["routes"][number][]) => void) =>
  edited(t, (d) => {
    const rt = d.routeTables[EDGE];
    if (rt) change(rt.routes);
  });
const findings = (x: Topology) =>
  validate(x)
    .filter((i) => i.code.startsWith("RCH_GATEWAY_ROUTE_TABLE"))
    .map((i) => [i.code, i.path, i.severity, i.rules]);

describe("validate: gateway route tables (RT-11)", () => {
  it("accepts the whole subnet CIDR to a GWLB endpoint and the whole VPC CIDR to an appliance interface", () => {
    expect(findings(t)).toEqual([]);
  });

  it("refuses a destination that is not a whole VPC or subnet block (part of a subnet, the internet, one host)", () => {
    for (const destination of ["10.0.1.0/25", "0.0.0.0/0", "10.0.1.10/32"]) {
      const bad = edge((routes) => routes.push({ destination, target: GWLBE, origin: "static" }));
      expect(findings(bad), destination).toEqual([
        [
          "RCH_GATEWAY_ROUTE_TABLE_DESTINATION",
          `routeTables[${EDGE}].routes[2].destination`,
          "error",
          ["RT-11"],
        ],
      ]);
    }
  });

  it("refuses a prefix-list destination", () => {
    const bad = edge((routes) =>
      routes.push({ destinationPrefixListId: "pl-0office", target: "eni-0fw", origin: "static" }),
    );
    expect(findings(bad)).toEqual([
      [
        "RCH_GATEWAY_ROUTE_TABLE_DESTINATION",
        `routeTables[${EDGE}].routes[2].destinationPrefixListId`,
        "error",
        ["RT-11"],
      ],
    ]);
  });

  it("refuses targets other than local, an interface or a GWLB endpoint, and targets in another VPC", () => {
    const nat = edge((routes) =>
      routes.push({ destination: "10.0.1.0/24", target: "igw-1", origin: "static" }),
    );
    expect(findings(nat).map((f) => f[0])).toEqual(["RCH_GATEWAY_ROUTE_TABLE_TARGET"]);
    const away = edge((routes) =>
      routes.push({ destination: "10.0.1.0/24", target: "eni-0away", origin: "static" }),
    );
    expect(findings(away).map((f) => [f[0], f[1]])).toEqual([
      ["RCH_GATEWAY_ROUTE_TABLE_TARGET", `routeTables[${EDGE}].routes[2].target`],
    ]);
  });

  it("refuses route propagation and a gateway of another VPC", () => {
    const bad = edited(t, (d) => {
      const rt = d.routeTables[EDGE];
      if (rt) {
        rt.propagatingGatewayIds = ["vgw-1"];
        rt.gatewayIds = ["igw-1", "igw-2"];
      }
      d.vpnGateways.push({ id: "vgw-1", vpcId: "vpc-1", asn: 64512 });
      d.internetGateways.push({ id: "igw-2", vpcId: "vpc-2" });
    });
    expect(findings(bad).map((f) => [f[0], f[1]])).toEqual([
      ["RCH_GATEWAY_ROUTE_TABLE_GATEWAY", `routeTables[${EDGE}].gatewayIds[1]`],
      ["RCH_GATEWAY_ROUTE_TABLE_PROPAGATION", `routeTables[${EDGE}].propagatingGatewayIds`],
    ]);
  });

  it("leaves ordinary subnet route tables alone", () => {
    const plain = edited(t, (d) => {
      const rt = d.routeTables[EDGE];
      if (rt) delete rt.gatewayIds;
    });
    expect(
      findings(
        edited(plain, (d) =>
          d.routeTables[EDGE]?.routes.push({ destination: "0.0.0.0/0", target: "igw-1", origin: "static" }),
        ),
      ),
    ).toEqual([]);
  });
});
