import { describe, expect, it } from "vitest";
import { exportAwsDescribe, importAwsDescribe } from "@/lib/net/import";
import { analyze } from "@/lib/net/reachability";
import type { Topology } from "@/lib/net/topology";
import { validate } from "@/lib/net/validate";
import { keyedConvention } from "./fixtures/hybrid-estate";

// aws-rules NAT-07: a VPC with no public subnet whose two private subnets (us-east-1a, us-east-1b) route
// 0.0.0.0/0 to one regional NAT gateway, as the AWS CLI prints it: describe-nat-gateways with
// AvailabilityMode "regional", no SubnetId, a RouteTableId (the table AWS created, 0.0.0.0/0 -> igw) and one
// Elastic IP per zone. Both file conventions, then export -> import.

const OWNER = "111100003333";
const VPC = "vpc-0e00000000000e001";
const NAT = "nat-0e00000000000e001";
const IGW = "igw-0e0000000000e0001";
const NAT_RTB = "rtb-0e0000000000e0002";
const tags = (name: string) => [{ Key: "Name", Value: name }];

function subnet(id: string, cidr: string, az: string) {
  return {
    SubnetId: id,
    VpcId: VPC,
    AvailabilityZone: az,
    OwnerId: OWNER,
    State: "available",
    CidrBlock: cidr,
    MapPublicIpOnLaunch: false,
    EnableDns64: false,
    Tags: tags(`private-${az.slice(-1)}`),
  };
}

function instance(id: string, subnetId: string, ip: string, az: string, name: string) {
  return {
    InstanceId: id,
    SubnetId: subnetId,
    VpcId: VPC,
    PrivateIpAddress: ip,
    State: { Code: 16, Name: "running" },
    SecurityGroups: [{ GroupId: "sg-0e0000000000e0001", GroupName: "app" }],
    SourceDestCheck: true,
    Placement: { AvailabilityZone: az },
    NetworkInterfaces: [
      {
        NetworkInterfaceId: `eni-${id.slice(2)}`,
        SubnetId: subnetId,
        VpcId: VPC,
        PrivateIpAddress: ip,
        PrivateIpAddresses: [{ PrivateIpAddress: ip, Primary: true }],
        Ipv6Addresses: [],
        Groups: [{ GroupId: "sg-0e0000000000e0001", GroupName: "app" }],
        SourceDestCheck: true,
        Status: "in-use",
        InterfaceType: "interface",
        Attachment: { DeviceIndex: 0, Status: "attached" },
      },
    ],
    Tags: tags(name),
  };
}

const route = (cidr: string, target: Record<string, string>) => ({
  DestinationCidrBlock: cidr,
  ...target,
  Origin: target.GatewayId === "local" ? "CreateRouteTable" : "CreateRoute",
  State: "active",
});

function regionalEstate(autoProvision: "enabled" | "disabled"): Record<string, Record<string, unknown>> {
  return {
    "us-east-1": {
      "describe-vpcs": {
        Vpcs: [
          { VpcId: VPC, OwnerId: OWNER, CidrBlock: "10.70.0.0/16", State: "available", Tags: tags("app") },
        ],
      },
      "describe-subnets": {
        Subnets: [
          subnet("subnet-0e0000000000e0001", "10.70.1.0/24", "us-east-1a"),
          subnet("subnet-0e0000000000e0002", "10.70.2.0/24", "us-east-1b"),
        ],
      },
      "describe-route-tables": {
        RouteTables: [
          {
            RouteTableId: "rtb-0e0000000000e0001",
            VpcId: VPC,
            OwnerId: OWNER,
            Associations: [
              {
                Main: true,
                RouteTableAssociationId: "rtbassoc-0e00000000000e001",
                RouteTableId: "rtb-0e0000000000e0001",
                AssociationState: { State: "associated" },
              },
            ],
            Routes: [
              route("10.70.0.0/16", { GatewayId: "local" }),
              route("0.0.0.0/0", { NatGatewayId: NAT }),
            ],
            PropagatingVgws: [],
            Tags: tags("private"),
          },
          {
            // Created by AWS with the regional NAT gateway; associated with no subnet.
            RouteTableId: NAT_RTB,
            VpcId: VPC,
            OwnerId: OWNER,
            Associations: [],
            Routes: [route("10.70.0.0/16", { GatewayId: "local" }), route("0.0.0.0/0", { GatewayId: IGW })],
            PropagatingVgws: [],
            Tags: [],
          },
        ],
      },
      "describe-security-groups": {
        SecurityGroups: [
          {
            GroupId: "sg-0e0000000000e0001",
            GroupName: "app",
            Description: "app",
            VpcId: VPC,
            OwnerId: OWNER,
            IpPermissions: [],
            IpPermissionsEgress: [
              { IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [] },
            ],
          },
        ],
      },
      "describe-instances": {
        Reservations: [
          {
            ReservationId: "r-0e0000000000e0001",
            OwnerId: OWNER,
            Instances: [
              instance(
                "i-0e0000000000e0001",
                "subnet-0e0000000000e0001",
                "10.70.1.10",
                "us-east-1a",
                "app-a",
              ),
              instance(
                "i-0e0000000000e0002",
                "subnet-0e0000000000e0002",
                "10.70.2.10",
                "us-east-1b",
                "app-b",
              ),
            ],
          },
        ],
      },
      "describe-internet-gateways": {
        InternetGateways: [
          {
            InternetGatewayId: IGW,
            OwnerId: OWNER,
            Attachments: [{ State: "available", VpcId: VPC }],
            Tags: [],
          },
        ],
      },
      "describe-nat-gateways": {
        NatGateways: [
          {
            CreateTime: "2025-12-01T10:00:00+00:00",
            NatGatewayAddresses: [
              {
                AllocationId: "eipalloc-0e0000000000e0001",
                PublicIp: "3.70.0.10",
                AssociationId: "eipassoc-0e0000000000e0001",
                IsPrimary: true,
                Status: "succeeded",
                AvailabilityZone: "us-east-1a",
                AvailabilityZoneId: "use1-az1",
              },
              ...(autoProvision === "enabled"
                ? [
                    {
                      AllocationId: "eipalloc-0e0000000000e0002",
                      PublicIp: "3.70.0.20",
                      AssociationId: "eipassoc-0e0000000000e0002",
                      IsPrimary: false,
                      Status: "succeeded",
                      AvailabilityZone: "us-east-1b",
                      AvailabilityZoneId: "use1-az2",
                    },
                  ]
                : []),
            ],
            NatGatewayId: NAT,
            State: "available",
            VpcId: VPC,
            ConnectivityType: "public",
            AvailabilityMode: "regional",
            AutoScalingIps: "enabled",
            AutoProvisionZones: autoProvision,
            RouteTableId: NAT_RTB,
            Tags: tags("egress"),
          },
        ],
      },
    },
  };
}

type Row = { from: string; to: string; reachable: boolean; expect: string[]; rule: string };

const AUTOMATIC: Row[] = [
  { from: "app-a", to: "internet", reachable: true, expect: [NAT, NAT_RTB, IGW], rule: "NAT-07" },
  { from: "app-b", to: "internet", reachable: true, expect: [NAT, NAT_RTB, IGW], rule: "NAT-07" },
  {
    from: "internet",
    to: "3.70.0.10",
    reachable: false,
    expect: ["NO_POSSIBLE_DESTINATION"],
    rule: "NAT-01",
  },
];
// Manual mode (AutoProvisionZones disabled) with an address in us-east-1a only.
const MANUAL: Row[] = [
  { from: "app-a", to: "internet", reachable: true, expect: [NAT, NAT_RTB, IGW], rule: "NAT-07" },
  {
    from: "app-b",
    to: "internet",
    reachable: false,
    expect: ["RCH_REGIONAL_NAT_ZONE_NOT_SERVED"],
    rule: "NAT-07",
  },
];

function importOrThrow(files: Record<string, unknown>): Topology {
  const imported = importAwsDescribe(files);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  expect(imported.warnings).toEqual([]);
  return imported.topology;
}

function check(topology: Topology, row: Row): void {
  const label = `${row.from} -> ${row.to} (${row.rule})`;
  const a = analyze(topology, { from: row.from, to: row.to, protocol: "tcp", port: 443 });
  expect(a.reachable, label).toBe(row.reachable);
  if (!row.reachable) {
    expect([...new Set(a.blockers.map((b) => b.code))], label).toEqual(row.expect);
    return;
  }
  const ids = a.forward.map((h) => h.component.id);
  expect(
    row.expect.map((id) => ids.indexOf(id)),
    label,
  ).toEqual([...row.expect.map((id) => ids.indexOf(id))].sort((x, y) => x - y));
  expect(
    row.expect.every((id) => ids.includes(id)),
    `${label}: ${ids.join(" ")}`,
  ).toBe(true);
}

describe.each([
  ["automatic mode", "enabled", AUTOMATIC],
  ["manual mode", "disabled", MANUAL],
] as const)("a regional NAT gateway imported from describe-nat-gateways, %s", (_name, mode, table) => {
  const conventions = {
    "one file per argument": regionalEstate(mode),
    "keyed by argument": keyedConvention(regionalEstate(mode)),
  };
  describe.each(Object.entries(conventions))("%s", (_c, files) => {
    const topology = importOrThrow(files);

    it("reads AvailabilityMode, RouteTableId, AutoProvisionZones and the zones' addresses", () => {
      expect(topology.natGateways).toEqual([]);
      const nat = topology.regionalNatGateways?.[0];
      expect([nat?.id, nat?.vpcId, nat?.routeTableId, nat?.autoProvisionZones]).toEqual([
        NAT,
        VPC,
        NAT_RTB,
        mode === "enabled",
      ]);
      expect(nat?.addresses.map((a) => [a.availabilityZone, a.publicIp])[0]).toEqual([
        "us-east-1a",
        "3.70.0.10",
      ]);
      expect(validate(topology).filter((i) => i.severity === "error")).toEqual([]);
    });

    it.each(table.map((r) => [`${r.from} -> ${r.to} (${r.rule})`, r] as const))(
      "%s answers as AWS would",
      (_label, row) => check(topology, row),
    );

    it("export -> import gives the same gateway and the same analyses", () => {
      const back = importOrThrow(
        JSON.parse(JSON.stringify(exportAwsDescribe(topology))) as Record<string, unknown>,
      );
      expect(back.regionalNatGateways).toEqual(topology.regionalNatGateways);
      for (const row of table) check(back, row);
    });
  });
});
