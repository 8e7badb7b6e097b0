// The one decision table for "gateway endpoint, interface endpoint, endpoint service, or neither?".
// Every verdict cites the rule catalogue; the endpoint-choice family only phrases what this table decides.

export type EndpointService = "s3" | "dynamodb" | "aws-other" | "partner" | "internet-saas";
export type TrafficOrigin = "same-vpc" | "peered-vpc" | "other-region-vpc" | "on-prem-vpn" | "on-prem-dx";
/** What the scenario insists on besides private access. */
export type EndpointNeed = "none" | "lowest-cost" | "security-group";
/** consumer: something in/near the VPC calls a service. provider: you publish your own service. */
export type EndpointRole = "consumer" | "provider";
export type EndpointChoice = "gateway-endpoint" | "interface-endpoint" | "endpoint-service" | "neither";

export const ENDPOINT_CHOICES: readonly EndpointChoice[] = [
  "gateway-endpoint",
  "interface-endpoint",
  "endpoint-service",
  "neither",
];

export type EndpointScenario = {
  readonly role: EndpointRole;
  readonly service: EndpointService;
  readonly origin: TrafficOrigin;
  readonly need: EndpointNeed;
};

export type ChoiceVerdict = {
  readonly choice: EndpointChoice;
  /** Could this choice serve the scenario at all? */
  readonly works: boolean;
  readonly reason: string;
  readonly rules: readonly string[];
};

export type EndpointDecision = {
  readonly answer: EndpointChoice;
  readonly verdicts: Readonly<Record<EndpointChoice, ChoiceVerdict>>;
};

const isGatewayService = (service: EndpointService): boolean => service === "s3" || service === "dynamodb";
const isOutsideVpc = (origin: TrafficOrigin): boolean => origin !== "same-vpc";

function gatewayVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "gateway-endpoint";
  if (s.role === "provider") {
    return { choice, works: false, reason: "A gateway endpoint reaches S3 or DynamoDB; it cannot publish your own service.", rules: ["GWE-01"] };
  }
  if (!isGatewayService(s.service)) {
    return { choice, works: false, reason: "Gateway endpoints exist only for Amazon S3 and DynamoDB.", rules: ["GWE-01"] };
  }
  if (s.origin === "other-region-vpc") {
    return { choice, works: false, reason: "A gateway endpoint is regional and serves only its own VPC; a client in another Region cannot use it.", rules: ["GWE-05", "GWE-06"] };
  }
  if (isOutsideVpc(s.origin)) {
    return { choice, works: false, reason: "A gateway endpoint cannot be used from outside its VPC: not over peering, VPN or Direct Connect.", rules: ["GWE-06", "PCX-10"] };
  }
  if (s.need === "security-group") {
    return { choice, works: false, reason: "A gateway endpoint is a route-table target with no ENI, so no security group can be attached to it.", rules: ["GWE-02"] };
  }
  return { choice, works: true, reason: "S3/DynamoDB from inside the VPC in the same Region: the gateway endpoint is a free prefix-list route.", rules: ["GWE-01", "GWE-02"] };
}

function interfaceVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "interface-endpoint";
  if (s.role === "provider") {
    return { choice, works: false, reason: "Interface endpoints are what consumers create; to publish your service you need an endpoint service for them to connect to.", rules: ["EPS-01"] };
  }
  if (s.service === "internet-saas") {
    return { choice, works: false, reason: "Interface endpoints reach only services published through PrivateLink (AWS, endpoint services, Marketplace).", rules: ["EPS-01"] };
  }
  if (isOutsideVpc(s.origin)) {
    return { choice, works: true, reason: "An interface endpoint is an ENI with a private IP, reachable over peering, VPN and Direct Connect.", rules: ["IFE-01", "IFE-04"] };
  }
  if (s.need === "security-group") {
    return { choice, works: true, reason: "An interface endpoint's ENI carries a security group you control.", rules: ["IFE-01", "IFE-02"] };
  }
  return { choice, works: true, reason: "An interface endpoint works here, but is billed per hour and per GB.", rules: ["IFE-01", "IFE-07"] };
}

function endpointServiceVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "endpoint-service";
  if (s.role === "provider") {
    return { choice, works: true, reason: "An endpoint service behind an NLB publishes one service privately; the endpoint source-NATs, so overlapping consumer CIDRs are fine.", rules: ["EPS-01", "EPS-02", "EPS-03"] };
  }
  return { choice, works: false, reason: "An endpoint service publishes your own service to others; it does not let you reach someone else's.", rules: ["EPS-01"] };
}

function neitherVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "neither";
  if (s.role === "consumer" && s.service === "internet-saas") {
    return { choice, works: true, reason: "The API is not offered through PrivateLink, so no endpoint can reach it: route through a NAT gateway (or IGW).", rules: ["NAT-01", "IGW-01"] };
  }
  if (s.role === "provider") {
    return { choice, works: false, reason: "Without PrivateLink the consumers would need peering or a transit gateway, which overlapping CIDRs rule out.", rules: ["PCX-03", "TGW-10"] };
  }
  return { choice, works: false, reason: "The traffic must stay private; an endpoint reaches the service without an IGW, NAT device or public IP.", rules: ["GWE-01", "IFE-01"] };
}

/** Ranks working choices: the requirement decides first, then cost (gateway endpoints are free: GWE-01). */
const PREFERENCE: readonly EndpointChoice[] = ["gateway-endpoint", "interface-endpoint", "endpoint-service", "neither"];

export function decideEndpoint(scenario: EndpointScenario): EndpointDecision {
  const verdicts: Record<EndpointChoice, ChoiceVerdict> = {
    "gateway-endpoint": gatewayVerdict(scenario),
    "interface-endpoint": interfaceVerdict(scenario),
    "endpoint-service": endpointServiceVerdict(scenario),
    neither: neitherVerdict(scenario),
  };
  const answer = PREFERENCE.find((choice) => verdicts[choice].works);
  if (answer === undefined) throw new Error(`no endpoint choice works for ${JSON.stringify(scenario)}`);
  return { answer, verdicts };
}
