import { describe, expect, it } from "vitest";
import { locateIssueInAws } from "@/lib/net/import/provenance";
import type { AwsDescribeRegionData } from "@/lib/net/import/parse-aws-describe";

// A validate finding about a whole resource (path `peeringConnections[0]`, no field) is located at the resource's
// entry in the AWS output, without an empty "field :".
const regions = [
  {
    region: "us-east-1",
    files: {},
    data: {
      "describe-vpc-peering-connections": {
        VpcPeeringConnections: [{ VpcPeeringConnectionId: "pcx-1", Status: { Code: "active" } }],
      },
    },
  },
] as unknown as AwsDescribeRegionData[];
const topology = { peeringConnections: [{ id: "pcx-1", status: "active" }] };

describe("locateIssueInAws", () => {
  it("names the resource entry without a field when the finding is about the whole resource", () => {
    const where = locateIssueInAws(topology, "peeringConnections[0]", regions);
    expect(where).toContain("(pcx-1)");
    expect(where).not.toMatch(/field\s*:?\s*$/);
    expect(where).not.toContain("field ");
  });

  it("keeps the model's field when there is one", () => {
    expect(locateIssueInAws(topology, "peeringConnections[0].createdAt", regions)).toMatch(
      /\(pcx-1\), field createdAt$/,
    );
  });
});
