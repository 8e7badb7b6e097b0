import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";

// An interface endpoint's network interface is the one its NetworkInterfaceIds lists, whatever the ENI's
// InterfaceType says: older endpoints print "interface" (EC2 User Guide, requester-managed network interfaces),
// newer ones "vpc_endpoint". Read as an ordinary interface it stole the endpoint's address (exam7 F1).
function importWith(interfaceType: string) {
  const r = importAwsDescribe({
    "describe-vpcs": { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] },
    "describe-subnets": {
      Subnets: [
        { SubnetId: "subnet-1", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1a" },
      ],
    },
    "describe-route-tables": {
      RouteTables: [{ RouteTableId: "rtb-1", VpcId: "vpc-1", Associations: [{ Main: true }], Routes: [] }],
    },
    "describe-network-interfaces": {
      NetworkInterfaces: [
        {
          NetworkInterfaceId: "eni-ep",
          SubnetId: "subnet-1",
          PrivateIpAddress: "10.0.1.50",
          InterfaceType: interfaceType,
          RequesterManaged: true,
          Description: "VPC Endpoint Interface vpce-1",
          Groups: [],
        },
      ],
    },
    "describe-vpc-endpoints": {
      VpcEndpoints: [
        {
          VpcEndpointId: "vpce-1",
          VpcEndpointType: "Interface",
          VpcId: "vpc-1",
          ServiceName: "com.amazonaws.us-east-1.sqs",
          NetworkInterfaceIds: ["eni-ep"],
          Groups: [],
        },
      ],
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.topology;
}

describe("an interface endpoint's ENI is the endpoint's whatever its InterfaceType", () => {
  for (const type of ["interface", "vpc_endpoint"])
    it(`InterfaceType ${type}: one endpoint interface, no ordinary ENI`, () => {
      const t = importWith(type);
      expect(t.networkInterfaces.map((e) => e.id)).toEqual([]);
      expect(t.interfaceEndpoints[0]?.networkInterfaces.map((n) => n.id)).toEqual(["eni-ep"]);
    });
});
