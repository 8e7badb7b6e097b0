import { describe, expect, it } from "vitest";
import { decideEndpoint, ENDPOINT_CHOICES, type EndpointScenario } from "../../lib/scenario/endpoint-rules";

const consumer = (patch: Partial<EndpointScenario>): EndpointScenario => ({
  role: "consumer",
  service: "s3",
  origin: "same-vpc",
  need: "none",
  ...patch,
});

describe("decideEndpoint", () => {
  it.each([
    [consumer({ need: "lowest-cost" }), "gateway-endpoint"],
    [consumer({ need: "on-prem-too" }), "interface-endpoint"],
    [consumer({ origin: "tgw-spoke" }), "interface-endpoint"],
    [consumer({ service: "internet-saas", origin: "tgw-spoke" }), "neither"],
    [consumer({ service: "dynamodb", need: "lowest-cost" }), "gateway-endpoint"],
    [consumer({ need: "security-group" }), "interface-endpoint"],
    [consumer({ origin: "on-prem-vpn" }), "interface-endpoint"],
    [consumer({ origin: "on-prem-dx", service: "dynamodb" }), "interface-endpoint"],
    [consumer({ origin: "peered-vpc" }), "interface-endpoint"],
    [consumer({ origin: "other-region-vpc" }), "interface-endpoint"],
    [consumer({ service: "aws-other" }), "interface-endpoint"],
    [consumer({ service: "partner", origin: "peered-vpc" }), "interface-endpoint"],
    [consumer({ service: "internet-saas" }), "neither"],
    [{ role: "provider", service: "aws-other", origin: "same-vpc", need: "none" }, "endpoint-service"],
  ] as const)("%j -> %s", (scenario, expected) => {
    const decision = decideEndpoint(scenario);
    expect(decision.answer).toBe(expected);
    expect(decision.verdicts[expected].works).toBe(true);
    for (const choice of ENDPOINT_CHOICES) {
      expect(decision.verdicts[choice].reason.length).toBeGreaterThan(10);
      for (const rule of decision.verdicts[choice].rules) expect(rule).toMatch(/^[A-Z0-9]+-\d{2}$/);
    }
  });

  it("leaves S3 from inside the VPC undecided without a criterion (gateway and interface endpoint both work)", () => {
    expect(decideEndpoint(consumer({})).answer).toBeUndefined();
  });

  it("never keys a NAT gateway for requesters that cannot use it (NAT-06, PCX-10) or with a security-group need (NAT-05)", () => {
    for (const origin of ["peered-vpc", "other-region-vpc", "on-prem-vpn", "on-prem-dx"] as const) {
      expect(() => decideEndpoint(consumer({ origin, service: "internet-saas" }))).toThrow(
        /no endpoint choice works/,
      );
    }
    expect(() => decideEndpoint(consumer({ service: "internet-saas", need: "security-group" }))).toThrow(
      /no endpoint choice works/,
    );
  });

  it("never lets a gateway endpoint serve traffic from outside its VPC (rule GWE-06)", () => {
    for (const origin of ["peered-vpc", "other-region-vpc", "on-prem-vpn", "on-prem-dx"] as const) {
      for (const service of ["s3", "dynamodb"] as const) {
        expect(decideEndpoint(consumer({ origin, service })).verdicts["gateway-endpoint"].works).toBe(false);
      }
    }
  });
});
