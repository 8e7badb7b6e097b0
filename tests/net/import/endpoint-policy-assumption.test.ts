import { describe, expect, it } from "vitest";
import { importAwsDescribe } from "@/lib/net/import";

// aws-rules GWE-08: an endpoint policy is reduced to allow-all or deny-all. One that allows only some requests is
// read as allow-all, and the import says so instead of doing it silently.
const endpoint = (id: string, statement: unknown) => ({
  VpcEndpointId: id,
  VpcEndpointType: "Gateway",
  VpcId: "vpc-1",
  ServiceName: "com.amazonaws.us-east-1.s3",
  RouteTableIds: [],
  PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }),
});

function importWith(...endpoints: unknown[]) {
  const r = importAwsDescribe({
    "describe-vpcs": { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }] },
    "describe-vpc-endpoints": { VpcEndpoints: endpoints },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.topology;
}

describe("endpoint policies reduced to allow-all / deny-all (GWE-08)", () => {
  it("states the reduction for a policy that allows one action on one bucket", () => {
    const t = importWith(
      endpoint("vpce-narrow", {
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::reports/*",
      }),
    );
    expect(t.gatewayEndpoints[0]?.policy).toBe("allow-all");
    expect(
      (t.assumptions ?? []).filter((a) =>
        a.startsWith("vpce-narrow: its endpoint policy allows only some requests"),
      ),
    ).toHaveLength(1);
  });

  it("assumes nothing for the full-access policy or a deny-all one", () => {
    const t = importWith(
      endpoint("vpce-full", { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }),
      endpoint("vpce-deny", { Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }),
    );
    expect(t.gatewayEndpoints.map((e) => e.policy)).toEqual(["allow-all", "deny-all"]);
    expect((t.assumptions ?? []).some((a) => a.includes("endpoint policy"))).toBe(false);
  });
});
