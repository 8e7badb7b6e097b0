import { describe, expect, it } from "vitest";
import type { TopologyInput } from "@/lib/net/index";
import { STARTER_TOPOLOGY_YAML } from "@/lib/lab/starter";
import { parseTopologyText } from "@/lib/net";
import { validate } from "@/lib/net/validate";
import { oneVpc, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

const codesOf = (t: Parameters<typeof validate>[0]) => validate(t).map((i) => i.code);

describe("validate", () => {
  it("accepts a clean topology", () => {
    expect(validate(topo(oneVpc()))).toEqual([]);
  });

  it("VPC-02: subnets outside their VPC, overlapping subnets and wrong sizes", () => {
    const t = topo(
      oneVpc({
        subnets: [
          { id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" },
          { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.0.1.128/25" },
          { id: "subnet-c", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.9.0.0/24" },
          { id: "subnet-d", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.0.200.0/29" },
        ],
        instances: [],
      }),
    );
    const issues = validate(t);
    expect(issues.find((i) => i.code === "RCH_SUBNET_OVERLAP")?.path).toBe("subnets[1].cidrBlock");
    expect(issues.find((i) => i.code === "RCH_SUBNET_OUTSIDE_VPC")?.path).toBe("subnets[2].cidrBlock");
    expect(issues.find((i) => i.code === "RCH_SUBNET_CIDR_SIZE")?.path).toBe("subnets[3].cidrBlock");
  });

  it("VPC-01: VPC blocks must be /16 to /28", () => {
    expect(codesOf(topo({ vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/8"] }] }))).toEqual([
      "RCH_VPC_CIDR_SIZE",
    ]);
  });

  it("VPC-03: the first four and the last address of a subnet are reserved", () => {
    const t = topo(
      oneVpc({
        instances: [
          { id: "i-a", subnetId: "subnet-a", privateIp: "10.0.1.3" },
          { id: "i-b", subnetId: "subnet-a", privateIp: "10.0.1.255" },
          { id: "i-c", subnetId: "subnet-a", privateIp: "10.0.2.4" },
        ],
      }),
    );
    const issues = validate(t);
    expect(issues.filter((i) => i.code === "RCH_RESERVED_ADDRESS").map((i) => i.path)).toEqual([
      "instances[0].privateIp",
      "instances[1].privateIp",
    ]);
    expect(issues.find((i) => i.code === "RCH_ADDRESS_OUTSIDE_SUBNET")?.path).toBe("instances[2].privateIp");
  });

  it("RT-06: a second static route to one destination in a table is an error; a propagated one beside it is not", () => {
    type Routes = NonNullable<TopologyInput["routeTables"]>[number]["routes"];
    const withRoutes = (routes: Routes) =>
      topo(
        oneVpc({
          internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
          vpnGateways: [{ id: "vgw-1", vpcId: "vpc-1" }],
          routeTables: [{ id: "rtb-1", vpcId: "vpc-1", main: true, routes }],
        }),
      );
    const twice = validate(
      withRoutes([
        { destination: "0.0.0.0/0", target: "igw-1" },
        { destination: "192.168.0.0/16", target: "vgw-1" },
        { destination: "0.0.0.0/0", target: "vgw-1" },
      ]),
    ).filter((i) => i.code === "RCH_DUPLICATE_ROUTE");
    expect(twice.map((i) => [i.path, i.severity, i.rules])).toEqual([
      ["routeTables[0].routes[2].destination", "error", ["RT-06"]],
    ]);
    expect(twice[0]?.message).toContain("routes[0]");
    expect(
      codesOf(
        withRoutes([
          { destination: "192.168.0.0/16", target: "igw-1" },
          { destination: "192.168.0.0/16", target: "vgw-1", origin: "propagated" },
        ]),
      ),
    ).not.toContain("RCH_DUPLICATE_ROUTE");
  });

  it("PCX-08/RT-08: a route to an inactive peering is flagged as a blackhole", () => {
    const issues = validate(topo(twoPeered({ status: "pending-acceptance" })));
    expect(
      issues.filter((i) => i.code === "RCH_ROUTE_TO_INACTIVE_PEERING").map((i) => [i.path, i.severity]),
    ).toEqual([
      ["routeTables[0].routes[0].target", "warning"],
      ["routeTables[1].routes[0].target", "warning"],
    ]);
  });

  it("unknown references and duplicate ids are errors with paths", () => {
    const input = oneVpc({
      routeTables: [
        {
          id: "rtb-m",
          vpcId: "vpc-1",
          main: true,
          routes: [{ destination: "0.0.0.0/0", target: "igw-missing" }],
        },
      ],
    });
    must(input.subnets).push({
      id: "subnet-a",
      vpcId: "vpc-zzz",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.0.9.0/24",
    });
    const issues = validate(topo(input));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "RCH_UNKNOWN_REFERENCE",
          path: "routeTables[0].routes[0].target",
          severity: "error",
        }),
        expect.objectContaining({ code: "RCH_UNKNOWN_REFERENCE", path: "subnets[2].vpcId" }),
        expect.objectContaining({ code: "RCH_DUPLICATE_ID", path: "subnets[2].id" }),
      ]),
    );
  });

  it("ACL-03/TGW-04/TGW-09: duplicate NACL rule numbers, double TGW associations, two attachment subnets in one AZ", () => {
    const t = topo(
      oneVpc({
        networkAcls: [
          {
            id: "acl-1",
            vpcId: "vpc-1",
            inbound: [
              { ruleNumber: 100, cidrBlock: "0.0.0.0/0", action: "allow" },
              { ruleNumber: 100, cidrBlock: "10.0.0.0/8", action: "deny" },
            ],
          },
        ],
        subnets: [
          { id: "subnet-a", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.1.0/24" },
          { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1a", cidrBlock: "10.0.2.0/24" },
        ],
        transitGateways: [{ id: "tgw-1" }],
        transitGatewayAttachments: [
          {
            id: "tgw-attach-1",
            transitGatewayId: "tgw-1",
            type: "vpc",
            vpcId: "vpc-1",
            subnetIds: ["subnet-a", "subnet-b"],
          },
        ],
        transitGatewayRouteTables: [
          { id: "tgw-rtb-1", transitGatewayId: "tgw-1", associations: ["tgw-attach-1"] },
          { id: "tgw-rtb-2", transitGatewayId: "tgw-1", associations: ["tgw-attach-1"] },
        ],
      }),
    );
    expect(codesOf(t)).toEqual(
      expect.arrayContaining([
        "RCH_DUPLICATE_NACL_RULE_NUMBER",
        "RCH_ATTACHMENT_MULTIPLE_ASSOCIATIONS",
        "RCH_ATTACHMENT_AZ_DUPLICATE",
      ]),
    );
  });
});

describe("validate SG-05: ICMP rules with a type and code", () => {
  it("are valid as they are: the model matches the type and code, so nothing is read differently to warn about", () => {
    const t = topo(
      oneVpc({
        securityGroups: [
          {
            id: "sg-open",
            vpcId: "vpc-1",
            inbound: [
              { protocol: "icmp", fromPort: 8, toPort: 0, cidrBlock: "10.0.0.0/8" },
              { protocol: "icmp", cidrBlock: "10.1.0.0/16" },
            ],
          },
        ],
        networkAcls: [
          {
            id: "acl-1",
            vpcId: "vpc-1",
            isDefault: true,
            inbound: [
              {
                ruleNumber: 100,
                protocol: 1,
                fromPort: 3,
                toPort: 4,
                cidrBlock: "0.0.0.0/0",
                action: "allow",
              },
            ],
          },
        ],
      }),
    );
    expect(validate(t)).toEqual([]);
  });
});

describe("a duplicate id is one clear error (uxr5 finding 7)", () => {
  it("resolves the id to its first definition, so no follow-on 'not inside subnet' error", () => {
    const text = STARTER_TOPOLOGY_YAML.replace("id: subnet-private,", "id: subnet-public,");
    const parsed = parseTopologyText(text, "yaml");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const errors = validate(parsed.topology).filter((issue) => issue.severity === "error");
    expect(errors.map((issue) => issue.code)).toContain("RCH_DUPLICATE_ID");
    expect(errors.filter((issue) => issue.code === "RCH_ADDRESS_OUTSIDE_SUBNET")).toEqual([]);
  });
});
