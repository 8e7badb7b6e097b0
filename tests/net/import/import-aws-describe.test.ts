import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDescribeDir } from "@/lib/cli/read-describe-dir";
import { importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";

const SAMPLE = path.resolve(import.meta.dirname, "../../../examples/aws-describe");

function importSample(): { topology: Topology; warnings: unknown[] } {
  const read = readDescribeDir(SAMPLE);
  if (!read.ok) throw new Error(read.message);
  const imported = importAwsDescribe(read.regions);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  return imported;
}

const vpc = (id: string, cidr: string, extra: Record<string, unknown> = {}) => ({
  VpcId: id,
  CidrBlock: cidr,
  CidrBlockAssociationSet: [{ CidrBlock: cidr, CidrBlockState: { State: "associated" } }],
  ...extra,
});

describe("importAwsDescribe on the shipped us-east-1 sample", () => {
  it("reads every resource the sample describes, with names from the Name tag", () => {
    const { topology, warnings } = importSample();
    expect(warnings).toEqual([]);
    expect(topology.region).toBe("us-east-1");
    expect(topology.vpcs.map((v) => v.name)).toEqual(["app", "data"]);
    expect(topology.subnets).toHaveLength(3);
    expect(topology.routeTables).toHaveLength(4);
    expect(topology.networkAcls).toHaveLength(3);
    expect(topology.securityGroups.map((s) => s.name)).toEqual(["web", "app", "db"]);
    expect(topology.instances.map((i) => i.name)).toEqual(["web-1", "app-1", "db-1"]);
    // The NAT gateway's requester-managed ENI belongs to the NAT gateway, not to networkInterfaces.
    expect(topology.networkInterfaces.map((e) => e.id)).not.toContain("eni-0a1b2c3d4e5f6b009");
    expect(topology.networkInterfaces).toHaveLength(3);
    expect(topology.natGateways[0]).toMatchObject({
      privateIp: "10.0.1.50",
      publicIp: "203.0.113.50",
      connectivity: "public",
    });
    expect(topology.gatewayEndpoints[0]).toMatchObject({
      service: "s3",
      region: "us-east-1",
      routeTableIds: ["rtb-0a1b2c3d4e5f63003"],
      policy: "allow-all",
    });
    expect(topology.services).toContainEqual(
      expect.objectContaining({ service: "s3", region: "us-east-1", prefixListId: "pl-63a5400a" }),
    );
  });

  it("keeps explicit routes but not the implicit local and endpoint prefix-list routes", () => {
    const { topology } = importSample();
    const priv = topology.routeTables.find((r) => r.name === "app-private");
    expect(priv?.routes.map((r) => r.target)).toEqual(["pcx-0a1b2c3d4e5f64001", "nat-0a1b2c3d4e5f66001"]);
    expect(topology.routeTables.find((r) => r.name === "app-main")?.main).toBe(true);
    expect(topology.subnets.find((s) => s.name === "data-private-b")?.routeTableId).toBeUndefined();
  });

  it("splits NACL entries by direction and drops the implicit * rule", () => {
    const { topology } = importSample();
    const acl = topology.networkAcls.find((a) => a.name === "data-db");
    expect(acl?.inbound).toEqual([
      {
        ruleNumber: 100,
        protocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
        cidrBlock: "10.0.0.0/16",
        action: "allow",
      },
    ]);
    expect(acl?.outbound).toEqual([
      {
        ruleNumber: 100,
        protocol: "tcp",
        fromPort: 1024,
        toPort: 65535,
        cidrBlock: "10.0.0.0/16",
        action: "allow",
      },
    ]);
  });

  it("gives sensible reachability answers on the imported sample", () => {
    const { topology } = importSample();
    expect(analyze(topology, { from: "web-1", to: "app-1", protocol: "tcp", port: 8080 }).reachable).toBe(
      true,
    );
    expect(analyze(topology, { from: "app-1", to: "db-1", protocol: "tcp", port: 5432 }).reachable).toBe(
      true,
    );
    expect(analyze(topology, { from: "internet", to: "web-1", protocol: "tcp", port: 443 }).reachable).toBe(
      true,
    );
    const s3 = analyze(topology, { from: "app-1", to: "s3", protocol: "tcp", port: 443 });
    expect(s3.reachable).toBe(true);
    expect(s3.forward.some((h) => h.matched?.description.includes("vpce-0a1b2c3d4e5f67001"))).toBe(true);
    const web2db = analyze(topology, { from: "web-1", to: "db-1", protocol: "tcp", port: 5432 });
    expect(web2db.reachable).toBe(false);
    expect(web2db.blockers.map((b) => [b.code, b.component])).toEqual([
      ["ENI_SG_RULES_MISMATCH", "sg-0a1b2c3d4e5f68003"],
    ]);
    const out = analyze(topology, { from: "db-1", to: "internet", protocol: "tcp", port: 443 });
    expect(out.blockers.map((b) => b.code)).toContain("NO_ROUTE_TO_DESTINATION");
  });
});

describe("importAwsDescribe on hand-written describe output", () => {
  it("treats a missing file as none of that resource and infers the region from availability zones", () => {
    const result = importAwsDescribe({
      "describe-vpcs.json": { Vpcs: [vpc("vpc-1", "10.0.0.0/16")] },
      "describe-subnets.json": {
        Subnets: [
          { SubnetId: "subnet-1", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24", AvailabilityZone: "eu-west-1b" },
        ],
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.region).toBe("eu-west-1");
    expect(result.topology.vpcs[0]?.region).toBe("eu-west-1");
    expect(result.topology.instances).toEqual([]);
    expect(result.topology.routeTables).toEqual([]);
  });

  it("ignores unknown fields and warns about files it does not read, and about a NextToken (output cut short)", () => {
    const result = importAwsDescribe({
      "describe-vpcs": {
        Vpcs: [vpc("vpc-1", "10.0.0.0/16", { SomeFutureField: { Nested: true } })],
        NextToken: "x",
      },
      "describe-volumes": { Volumes: [] },
    });
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual([
      "describe-vpcs.json",
      "describe-volumes.json",
    ]);
    expect(result.ok && result.warnings[0]?.message).toMatch(/NextToken: the output was cut short/);
  });

  it("names the file and the field path of a shape error", () => {
    const result = importAwsDescribe({ "describe-vpcs": { Vpcs: [{ VpcId: 42 }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toBe("describe-vpcs.json: Vpcs[0].VpcId");
  });

  it("reports a value the model rejects at the AWS file and field it was read from", () => {
    const result = importAwsDescribe({ "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.5/16")] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toBe("describe-vpcs.json: Vpcs[0].CidrBlock");
    const nat = importAwsDescribe({
      "us-east-1": {
        "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.0/16")] },
        "describe-subnets": {
          Subnets: [
            {
              SubnetId: "subnet-1",
              VpcId: "vpc-1",
              CidrBlock: "10.0.1.0/24",
              AvailabilityZone: "us-east-1a",
            },
          ],
        },
        "describe-nat-gateways": {
          NatGateways: [
            {
              NatGatewayId: "nat-1",
              SubnetId: "subnet-1",
              NatGatewayAddresses: [{ PrivateIp: "10.0.1.9", PublicIp: "203.0.113.300", IsPrimary: true }],
            },
          ],
        },
      },
    });
    expect(!nat.ok && nat.issues[0]?.path).toBe(
      "us-east-1/describe-nat-gateways.json: NatGateways[0].NatGatewayAddresses[0].PublicIp",
    );
  });

  it("turns a blackhole route to a deleted target into target blackhole, but keeps a known target", () => {
    const result = importAwsDescribe({
      "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.0/16"), vpc("vpc-2", "10.1.0.0/16")] },
      "describe-vpc-peering-connections": {
        VpcPeeringConnections: [
          {
            VpcPeeringConnectionId: "pcx-1",
            RequesterVpcInfo: { VpcId: "vpc-1" },
            AccepterVpcInfo: { VpcId: "vpc-2" },
            Status: { Code: "pending-acceptance" },
          },
        ],
      },
      "describe-route-tables": {
        RouteTables: [
          {
            RouteTableId: "rtb-1",
            VpcId: "vpc-1",
            Associations: [{ Main: true }],
            Routes: [
              { DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-gone", State: "blackhole" },
              { DestinationCidrBlock: "10.1.0.0/16", VpcPeeringConnectionId: "pcx-1", State: "blackhole" },
            ],
          },
        ],
      },
    });
    expect(result.ok && result.topology.routeTables[0]?.routes.map((r) => r.target)).toEqual([
      "blackhole",
      "pcx-1",
    ]);
    expect(result.ok && result.topology.peeringConnections[0]?.status).toBe("pending-acceptance");
  });

  it("merges regions, lists a cross-region peering once and knows an undescribed peer VPC by its CIDRs", () => {
    const pcx = {
      VpcPeeringConnectionId: "pcx-1",
      RequesterVpcInfo: { VpcId: "vpc-1", Region: "us-east-1", CidrBlock: "10.0.0.0/16" },
      AccepterVpcInfo: {
        VpcId: "vpc-9",
        Region: "ap-south-1",
        OwnerId: "999988887777",
        CidrBlockSet: [{ CidrBlock: "10.9.0.0/16" }],
      },
      Status: { Code: "active" },
    };
    const result = importAwsDescribe({
      "us-east-1": {
        "describe-vpcs.json": { Vpcs: [vpc("vpc-1", "10.0.0.0/16")] },
        "describe-vpc-peering-connections.json": { VpcPeeringConnections: [pcx] },
      },
      "eu-west-1": {
        "describe-vpcs.json": { Vpcs: [vpc("vpc-2", "10.2.0.0/16")] },
        "describe-vpc-peering-connections.json": { VpcPeeringConnections: [pcx] },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.regions).toEqual(["eu-west-1", "us-east-1"]);
    expect(result.topology.peeringConnections).toHaveLength(1);
    expect(result.topology.vpcs.find((v) => v.id === "vpc-9")).toMatchObject({
      region: "ap-south-1",
      accountId: "999988887777",
      cidrBlocks: ["10.9.0.0/16"],
    });
    expect(result.topology.vpcs.find((v) => v.id === "vpc-2")?.region).toBe("eu-west-1");
  });

  it("expands SG permissions into one rule per source, with cross-account references as account/sg-id", () => {
    const result = importAwsDescribe({
      "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.0/16", { OwnerId: "111" })] },
      "describe-security-groups": {
        SecurityGroups: [
          {
            GroupId: "sg-1",
            GroupName: "mixed",
            VpcId: "vpc-1",
            OwnerId: "111",
            IpPermissions: [
              {
                IpProtocol: "tcp",
                FromPort: 80,
                ToPort: 81,
                IpRanges: [{ CidrIp: "10.0.0.0/8" }],
                Ipv6Ranges: [{ CidrIpv6: "::/0" }],
                PrefixListIds: [{ PrefixListId: "pl-1" }],
                UserIdGroupPairs: [
                  { GroupId: "sg-1", UserId: "111" },
                  { GroupId: "sg-9", UserId: "222" },
                ],
              },
            ],
            IpPermissionsEgress: [],
          },
        ],
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sg = result.topology.securityGroups[0];
    expect(sg?.inbound.map((r) => r.cidrBlock ?? r.prefixListId ?? r.securityGroupId)).toEqual([
      "10.0.0.0/8",
      "::/0",
      "pl-1",
      "sg-1",
      "222/sg-9",
    ]);
    expect(sg?.inbound.every((r) => r.protocol === "tcp" && r.fromPort === 80 && r.toPort === 81)).toBe(true);
    // An empty egress list means "no outbound traffic", not the default (aws-rules SG-03).
    expect(sg?.outbound).toEqual([]);
  });

  it("builds ENIs from describe-instances when describe-network-interfaces is missing, keeping the real ENI ids", () => {
    const result = importAwsDescribe({
      "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.0/16")] },
      "describe-subnets": {
        Subnets: [
          { SubnetId: "subnet-1", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1a" },
        ],
      },
      "describe-instances": {
        Reservations: [
          {
            Instances: [
              {
                InstanceId: "i-1",
                SubnetId: "subnet-1",
                PrivateIpAddress: "10.0.1.10",
                State: { Name: "running" },
                NetworkInterfaces: [
                  {
                    NetworkInterfaceId: "eni-second",
                    SubnetId: "subnet-1",
                    PrivateIpAddress: "10.0.1.11",
                    Attachment: { DeviceIndex: 1 },
                    Groups: [{ GroupId: "sg-b" }],
                  },
                  {
                    NetworkInterfaceId: "eni-real",
                    SubnetId: "subnet-1",
                    PrivateIpAddress: "10.0.1.10",
                    Attachment: { DeviceIndex: 0 },
                    Groups: [{ GroupId: "sg-a" }],
                    Association: { PublicIp: "203.0.113.7" },
                  },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.instances[0]?.networkInterfaceIds).toEqual(["eni-real", "eni-second"]);
    expect(result.topology.networkInterfaces.find((e) => e.id === "eni-real")).toMatchObject({
      instanceId: "i-1",
      privateIp: "10.0.1.10",
      publicIp: "203.0.113.7",
      securityGroupIds: ["sg-a"],
    });
  });

  const tgwBase = {
    "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.0/16")] },
    "describe-subnets": {
      Subnets: [
        { SubnetId: "subnet-1", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1a" },
      ],
    },
    "describe-transit-gateways": {
      TransitGateways: [{ TransitGatewayId: "tgw-1", State: "available", Options: { AmazonSideAsn: 64600 } }],
    },
    "describe-transit-gateway-attachments": {
      TransitGatewayAttachments: [
        {
          TransitGatewayAttachmentId: "tgw-attach-1",
          TransitGatewayId: "tgw-1",
          ResourceType: "vpc",
          ResourceId: "vpc-1",
          State: "available",
        },
      ],
    },
    "describe-network-interfaces": {
      NetworkInterfaces: [
        {
          NetworkInterfaceId: "eni-t",
          SubnetId: "subnet-1",
          PrivateIpAddress: "10.0.1.9",
          InterfaceType: "transit_gateway",
          Description: "Network Interface for Transit Gateway Attachment tgw-attach-1",
        },
      ],
    },
  };
  const routes = [
    {
      DestinationCidrBlock: "10.0.0.0/16",
      TransitGatewayAttachments: [{ TransitGatewayAttachmentId: "tgw-attach-1" }],
      Type: "propagated",
      State: "active",
    },
    {
      DestinationCidrBlock: "0.0.0.0/0",
      TransitGatewayAttachments: [{ TransitGatewayAttachmentId: "tgw-attach-1" }],
      Type: "static",
      State: "active",
    },
    { DestinationCidrBlock: "192.168.0.0/16", Type: "static", State: "blackhole" },
  ];

  it("reads TGW route table contents embedded or from the per-table files alike", () => {
    const table = { TransitGatewayRouteTableId: "tgw-rtb-1", TransitGatewayId: "tgw-1" };
    const embedded = importAwsDescribe({
      ...tgwBase,
      "describe-transit-gateway-route-tables": {
        TransitGatewayRouteTables: [
          {
            ...table,
            Routes: routes,
            Associations: [{ TransitGatewayAttachmentId: "tgw-attach-1", State: "associated" }],
            TransitGatewayRouteTablePropagations: [
              { TransitGatewayAttachmentId: "tgw-attach-1", State: "enabled" },
            ],
          },
        ],
      },
    });
    const files = importAwsDescribe({
      ...tgwBase,
      "describe-transit-gateway-route-tables": { TransitGatewayRouteTables: [table] },
      "search-transit-gateway-routes": { "tgw-rtb-1": { Routes: routes } },
      "get-transit-gateway-route-table-associations": {
        "tgw-rtb-1": { Associations: [{ TransitGatewayAttachmentId: "tgw-attach-1", State: "associated" }] },
      },
      "get-transit-gateway-route-table-propagations": {
        "tgw-rtb-1": {
          TransitGatewayRouteTablePropagations: [
            { TransitGatewayAttachmentId: "tgw-attach-1", State: "enabled" },
          ],
        },
      },
    });
    expect(embedded.ok && files.ok).toBe(true);
    if (!embedded.ok || !files.ok) return;
    expect(files.topology).toEqual(embedded.topology);
    expect(files.topology.transitGatewayRouteTables[0]).toMatchObject({
      associations: ["tgw-attach-1"],
      propagations: ["tgw-attach-1"],
      // Propagated routes follow from `propagations`; only static ones are copied.
      routes: [
        { destination: "0.0.0.0/0", attachmentId: "tgw-attach-1", blackhole: false },
        { destination: "192.168.0.0/16", blackhole: true },
      ],
    });
    // Without describe-transit-gateway-vpc-attachments, the attachment ENI tells the subnet.
    expect(files.topology.transitGatewayAttachments[0]?.subnetIds).toEqual(["subnet-1"]);
    expect(files.topology.transitGateways[0]?.asn).toBe(64600);
  });

  it("reads VPN tunnels from VgwTelemetry and derives the on-premises network from static routes", () => {
    const result = importAwsDescribe({
      "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.0/16")] },
      "describe-vpn-gateways": {
        VpnGateways: [
          {
            VpnGatewayId: "vgw-1",
            VpcAttachments: [{ State: "attached", VpcId: "vpc-1" }],
            AmazonSideAsn: 64512,
          },
        ],
      },
      "describe-customer-gateways": {
        CustomerGateways: [
          {
            CustomerGatewayId: "cgw-1",
            BgpAsn: "65010",
            IpAddress: "192.0.2.1",
            Tags: [{ Key: "Name", Value: "hq" }],
          },
        ],
      },
      "describe-vpn-connections": {
        VpnConnections: [
          {
            VpnConnectionId: "vpn-1",
            CustomerGatewayId: "cgw-1",
            VpnGatewayId: "vgw-1",
            State: "available",
            Options: { StaticRoutesOnly: true },
            Routes: [{ DestinationCidrBlock: "172.16.0.0/16", State: "available" }],
            VgwTelemetry: [
              { OutsideIpAddress: "198.51.100.1", Status: "UP" },
              { OutsideIpAddress: "198.51.100.2", Status: "DOWN" },
            ],
          },
        ],
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.vpnConnections[0]).toMatchObject({
      routing: "static",
      staticRoutes: ["172.16.0.0/16"],
      tunnels: [{ status: "UP" }, { status: "DOWN" }],
    });
    expect(result.topology.customerGateways[0]?.asn).toBe(65010);
    expect(result.topology.onPremisesNetworks).toEqual([
      {
        id: "onprem-cgw-1",
        name: "hq network",
        cidrBlocks: ["172.16.0.0/16"],
        customerGatewayIds: ["cgw-1"],
        directConnectGatewayIds: [],
      },
    ]);
  });
});

describe("importAwsDescribe: what it cannot model is said, not silently dropped", () => {
  it("reads a gateway route table's edge association (RT-11) instead of warning about it", () => {
    const result = importAwsDescribe({
      "describe-vpcs": { Vpcs: [vpc("vpc-1", "10.0.0.0/16")] },
      "describe-route-tables": {
        RouteTables: [
          {
            RouteTableId: "rtb-edge",
            VpcId: "vpc-1",
            Associations: [{ GatewayId: "igw-1", AssociationState: { State: "associated" } }],
            Routes: [],
          },
          {
            RouteTableId: "rtb-old",
            VpcId: "vpc-1",
            Associations: [{ GatewayId: "igw-2", AssociationState: { State: "disassociated" } }],
            Routes: [],
          },
        ],
      },
    });
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && result.topology.routeTables.map((r) => [r.id, r.gatewayIds])).toEqual([
      ["rtb-edge", ["igw-1"]],
      ["rtb-old", undefined],
    ]);
  });
});

describe("importAwsDescribe with one id described twice", () => {
  it("keeps the first and warns when the two descriptions differ, but not when they are the same", () => {
    const read = readDescribeDir(SAMPLE);
    if (!read.ok) throw new Error(read.message);
    const [key, files] = Object.entries(read.regions)[0] ?? [];
    if (key === undefined || files === undefined) throw new Error("sample has no region");
    const withSubnets = (extra: (first: Record<string, unknown>) => Record<string, unknown>) => {
      const data = structuredClone(files) as { "describe-subnets": { Subnets: Record<string, unknown>[] } };
      const first = data["describe-subnets"].Subnets[0];
      if (first === undefined) throw new Error("sample has no subnet");
      data["describe-subnets"].Subnets.push(extra(first));
      return importAwsDescribe({ [key]: data });
    };
    const conflicting = withSubnets((first) => ({ ...first, CidrBlock: "10.0.9.0/24" }));
    if (!conflicting.ok) throw new Error(JSON.stringify(conflicting.issues));
    const id = String(
      (files as { "describe-subnets": { Subnets: { SubnetId: string }[] } })["describe-subnets"].Subnets[0]
        ?.SubnetId,
    );
    expect(conflicting.warnings.map((w) => w.path)).toEqual([`subnets: ${id}`]);
    expect(conflicting.warnings[0]?.message).toContain("appears twice with different contents");
    expect(conflicting.topology.subnets.filter((s) => s.id === id).map((s) => s.cidrBlock)).toEqual([
      "10.0.1.0/24",
    ]);
    const repeated = withSubnets((first) => ({ ...first }));
    expect(repeated.ok && repeated.warnings).toEqual([]);
  });
});
