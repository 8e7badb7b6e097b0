import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import { codes, edited, example, oneVpc, run, topo } from "./helpers";
import { must } from "../support/must";

describe("transit gateway details", () => {
  it("TGW-03: attachments not listed anywhere use the TGW's default route table for association and propagation", () => {
    let t = edited(example("tgw-hub"), (d) => {
      must(d.transitGatewayRouteTables[0]).associations = [];
      must(d.transitGatewayRouteTables[0]).propagations = [];
    });
    expect(codes(run(t, "host-1", "host-2"))).toEqual(["TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION"]);
    t = edited(t, (d) => {
      d.transitGateways[0] = { ...must(d.transitGateways[0]), defaultRouteTableId: "tgw-rtb-main" };
    });
    expect(run(t, "host-1", "host-2").reachable).toBe(true);
    t = edited(t, (d) => {
      d.transitGateways[0] = { ...must(d.transitGateways[0]), defaultRouteTablePropagation: false };
    });
    expect(codes(run(t, "host-1", "host-2"))).toEqual(["TGW_RTB_CANNOT_ROUTE"]);
  });

  it("TGW-12: TGW peering carries traffic by static routes to the peering attachment", () => {
    let t = example("tgw-hub");
    // Move spoke-3 to a second transit gateway peered with the hub.
    t = edited(t, (d) => {
      d.transitGateways.push({ id: "tgw-east", asn: 64513, state: "available" });
      d.transitGatewayAttachments = d.transitGatewayAttachments.map((a) =>
        a.id === "tgw-attach-3" ? { ...a, transitGatewayId: "tgw-east" } : a,
      );
      d.transitGatewayAttachments.push(
        {
          id: "tgw-attach-peer-hub",
          transitGatewayId: "tgw-hub",
          type: "peering",
          peerTransitGatewayId: "tgw-east",
          peerAttachmentId: "tgw-attach-peer-east",
          subnetIds: [],
          applianceMode: false,
          state: "available",
        },
        {
          id: "tgw-attach-peer-east",
          transitGatewayId: "tgw-east",
          type: "peering",
          peerTransitGatewayId: "tgw-hub",
          peerAttachmentId: "tgw-attach-peer-hub",
          subnetIds: [],
          applianceMode: false,
          state: "available",
        },
      );
      must(d.routeTables[2]).routes = [{ destination: "10.0.0.0/8", target: "tgw-east", origin: "static" }];
      d.transitGatewayRouteTables = [
        {
          id: "tgw-rtb-hub",
          transitGatewayId: "tgw-hub",
          associations: ["tgw-attach-1", "tgw-attach-2", "tgw-attach-peer-hub"],
          propagations: ["tgw-attach-1", "tgw-attach-2"],
          routes: [],
        },
        {
          id: "tgw-rtb-east",
          transitGatewayId: "tgw-east",
          associations: ["tgw-attach-3", "tgw-attach-peer-east"],
          propagations: ["tgw-attach-3"],
          routes: [{ destination: "10.0.0.0/8", attachmentId: "tgw-attach-peer-east", blackhole: false }],
        },
      ];
    });
    expect(codes(run(t, "host-1", "host-3"))).toEqual(["TGW_RTB_CANNOT_ROUTE"]); // propagation does not cross a peering
    t = edited(t, (d) => {
      must(d.transitGatewayRouteTables[0]).routes.push({
        destination: "10.3.0.0/16",
        attachmentId: "tgw-attach-peer-hub",
        blackhole: false,
      });
    });
    const a = run(t, "host-1", "host-3");
    expect(a.reachable).toBe(true);
    expect(
      a.forward.filter((h) => h.component.type === "transit-gateway").map((h) => h.component.id),
    ).toEqual(["tgw-hub", "tgw-east"]);
  });

  it("TGW-14: with separate attachment subnets, the attachment subnet's NACL also applies", () => {
    const t = edited(example("tgw-hub"), (d) => {
      d.subnets.push({
        id: "subnet-2tgw",
        vpcId: "vpc-2",
        availabilityZone: "us-east-1a",
        cidrBlock: "10.2.255.0/28",
        routeTableId: "rtb-2",
        networkAclId: "acl-tgw",
      });
      d.networkAcls.push({
        id: "acl-tgw",
        vpcId: "vpc-2",
        isDefault: false,
        inbound: [{ ruleNumber: 100, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }],
        outbound: [],
      });
      d.transitGatewayAttachments[1] = {
        ...must(d.transitGatewayAttachments[1]),
        subnetIds: ["subnet-2tgw"],
      };
    });
    const a = run(t, "host-1", "host-2");
    expect(a.blockers[0]).toMatchObject({
      code: "SUBNET_ACL_RESTRICTION",
      component: "acl-tgw",
      direction: "forward",
    });
  });
});

describe("endpoint and filter details", () => {
  it("GWE-07: security-group egress can reference the service prefix list", () => {
    let t = edited(example("gateway-endpoint-from-peer"), (d) => {
      d.securityGroups[0] = {
        ...must(d.securityGroups[0]),
        outbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, prefixListId: "pl-63a5400a" }],
      };
    });
    expect(run(t, "shared-host", "s3", 443).reachable).toBe(true);
    t = edited(t, (d) => {
      d.securityGroups[0] = {
        ...must(d.securityGroups[0]),
        outbound: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "10.0.0.0/8" }],
      };
    });
    expect(codes(run(t, "shared-host", "s3", 443))).toEqual(["ENI_SG_RULES_MISMATCH"]);
  });

  it("EPS-02: an interface endpoint that is not accepted (pendingAcceptance) passes no traffic", () => {
    const t = edited(example("interface-endpoint-private-dns"), (d) => {
      d.interfaceEndpoints[0] = { ...must(d.interfaceEndpoints[0]), state: "pendingAcceptance" };
    });
    expect(codes(run(t, "app", "vpce-sqs", 443))).toContain("BAD_STATE");
  });

  it("ACL-08: replies go to ephemeral ports – a NACL opening only 1025–5000 (old Windows) drops Linux-style client ports", () => {
    const input = oneVpc({
      subnets: [
        {
          id: "subnet-a",
          vpcId: "vpc-1",
          availabilityZone: "us-east-1a",
          cidrBlock: "10.0.1.0/24",
          networkAclId: "acl-a",
        },
        { id: "subnet-b", vpcId: "vpc-1", availabilityZone: "us-east-1b", cidrBlock: "10.0.2.0/24" },
      ],
      networkAcls: [
        {
          id: "acl-a",
          vpcId: "vpc-1",
          outbound: [{ ruleNumber: 100, cidrBlock: "0.0.0.0/0", action: "allow" }],
          inbound: [
            {
              ruleNumber: 100,
              protocol: "tcp",
              fromPort: 1025,
              toPort: 5000,
              cidrBlock: "0.0.0.0/0",
              action: "allow",
            },
          ],
        },
      ],
    });
    const a = run(topo(input), "h-a", "h-b", 22);
    expect(a.blockers).toEqual([
      expect.objectContaining({ code: "SUBNET_ACL_RESTRICTION", component: "acl-a", direction: "return" }),
    ]);
    must(must(input.networkAcls)[0]).inbound = [
      {
        ruleNumber: 100,
        protocol: "tcp",
        fromPort: 1024,
        toPort: 65535,
        cidrBlock: "0.0.0.0/0",
        action: "allow",
      },
    ];
    expect(run(topo(input), "h-a", "h-b", 22).reachable).toBe(true);
  });

  it("RT-09: routes to 169.254.168.0/22 are refused", () => {
    const t = topo(
      oneVpc({
        routeTables: [
          {
            id: "rtb-m",
            vpcId: "vpc-1",
            main: true,
            routes: [{ destination: "169.254.169.0/24", target: "igw-1" }],
          },
        ],
        internetGateways: [{ id: "igw-1", vpcId: "vpc-1" }],
      }),
    );
    expect(validate(t).map((i) => i.code)).toContain("RCH_RESERVED_ROUTE");
  });
});
