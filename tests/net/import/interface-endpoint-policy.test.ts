import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";

// GWE-08 is modelled for gateway endpoints only: an interface endpoint's policy that is not full access is stated
// among the assumptions, never silently ignored (exam7 F8).
function importWith(statement: unknown) {
  const r = importAwsDescribe({
    "describe-vpcs": { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] },
    "describe-vpc-endpoints": {
      VpcEndpoints: [
        {
          VpcEndpointId: "vpce-sts",
          VpcEndpointType: "Interface",
          VpcId: "vpc-1",
          ServiceName: "com.amazonaws.us-east-1.sts",
          PolicyDocument: JSON.stringify({ Statement: [statement] }),
        },
      ],
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.topology.assumptions ?? [];
}

describe("an interface endpoint's policy", () => {
  it("deny-all is stated as not evaluated", () => {
    const a = importWith({ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" });
    expect(a.filter((x) => x.startsWith("vpce-sts: its endpoint policy allows no request"))).toHaveLength(1);
  });

  it("full access says nothing", () => {
    const a = importWith({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" });
    expect(a.some((x) => x.includes("vpce-sts"))).toBe(false);
  });
});
