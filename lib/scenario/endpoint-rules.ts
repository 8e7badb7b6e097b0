// The one decision table for "gateway endpoint, interface endpoint, endpoint service, or neither?".
// Every verdict cites the rule catalogue; the endpoint-choice family only phrases what this table decides.

import { lowerInitial } from "./lower-initial";
import { requesterCanUse, type TrafficOrigin } from "./requester-reach";

export type { TrafficOrigin } from "./requester-reach";
export type EndpointService = "s3" | "dynamodb" | "aws-other" | "partner" | "internet-saas";
/**
 * What the scenario insists on besides private access. The stem states it whenever more than one choice
 * would work, so exactly one choice is right: lowest cost (GWE-01 vs IFE-07), a security group on the
 * endpoint (IFE-02 vs GWE-02) or serving on-premises clients too (IFE-04 vs GWE-06).
 */
export type EndpointNeed = "none" | "lowest-cost" | "security-group" | "on-prem-too";
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
  /** The one right choice; undefined when several work and the need does not separate them (ask again). */
  readonly answer: EndpointChoice | undefined;
  readonly verdicts: Readonly<Record<EndpointChoice, ChoiceVerdict>>;
};

const isGatewayService = (service: EndpointService): boolean => service === "s3" || service === "dynamodb";
const isOutsideVpc = (origin: TrafficOrigin): boolean => origin !== "same-vpc";

function gatewayVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "gateway-endpoint";
  if (s.role === "provider") {
    return {
      choice,
      works: false,
      reason: "A gateway endpoint reaches S3 or DynamoDB; it cannot publish your own service (GWE-01).",
      rules: ["GWE-01"],
    };
  }
  if (!isGatewayService(s.service)) {
    return {
      choice,
      works: false,
      reason: "Gateway endpoints exist only for Amazon S3 and DynamoDB (GWE-01).",
      rules: ["GWE-01"],
    };
  }
  const reach = requesterCanUse(s.origin, "gateway-endpoint");
  if (!reach.usable) return { choice, works: false, reason: reach.reason, rules: reach.rules };
  if (s.need === "on-prem-too") {
    return {
      choice,
      works: false,
      reason: "On-premises servers cannot use a gateway endpoint: it serves only its own VPC (GWE-06).",
      rules: ["GWE-06"],
    };
  }
  if (s.need === "security-group") {
    return {
      choice,
      works: false,
      reason:
        "A gateway endpoint is a route-table target with no ENI, so no security group can be attached to it (GWE-02).",
      rules: ["GWE-02"],
    };
  }
  if (s.need === "lowest-cost") {
    return {
      choice,
      works: true,
      reason:
        "A gateway endpoint for S3 or DynamoDB costs nothing and serves the VPC's own subnets in the same Region (GWE-01).",
      rules: ["GWE-01", "GWE-02"],
    };
  }
  return {
    choice,
    works: true,
    reason:
      "A gateway endpoint adds a prefix-list route to the VPC's route tables for S3 or DynamoDB in the same Region (GWE-01, GWE-02).",
    rules: ["GWE-01", "GWE-02"],
  };
}

function interfaceVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "interface-endpoint";
  if (s.role === "provider") {
    return {
      choice,
      works: false,
      reason:
        "Interface endpoints are what consumers create; to publish your service you need an endpoint service for them to connect to (EPS-01).",
      rules: ["EPS-01"],
    };
  }
  if (s.service === "internet-saas") {
    return {
      choice,
      works: false,
      reason:
        "Interface endpoints reach only services published through PrivateLink (AWS services, endpoint services, Marketplace), not a public internet API (EPS-01).",
      rules: ["EPS-01"],
    };
  }
  if (isOutsideVpc(s.origin)) {
    const reach = requesterCanUse(s.origin, "interface-endpoint");
    // The endpoint's private DNS answers only inside its own VPC: from elsewhere the name needs work too.
    const dns =
      " Outside its VPC the service's usual name does not resolve to the endpoint by itself: clients use the endpoint-specific DNS names, or a Route 53 private hosted zone or Resolver rule that points the name at the endpoint (IFE-03).";
    return {
      choice,
      works: true,
      reason: `${reach.reason}${dns}`,
      rules: ["IFE-01", ...reach.rules, "IFE-03"],
    };
  }
  if (s.need === "on-prem-too") {
    return {
      choice,
      works: true,
      reason:
        "An interface endpoint's private IPs serve the VPC and are also reachable from on premises over VPN or Direct Connect (IFE-04).",
      rules: ["IFE-01", "IFE-04"],
    };
  }
  if (s.need === "security-group") {
    return {
      choice,
      works: true,
      reason:
        "An interface endpoint is an ENI, and its security group decides which clients may connect (IFE-02).",
      rules: ["IFE-01", "IFE-02"],
    };
  }
  if (s.need === "lowest-cost" && isGatewayService(s.service)) {
    return {
      choice,
      works: true,
      reason:
        "An interface endpoint would work, but it is charged per hour per AZ and per GB, while the gateway endpoint is free (IFE-07, GWE-01).",
      rules: ["IFE-07", "GWE-01"],
    };
  }
  return {
    choice,
    works: true,
    reason:
      "An interface endpoint puts a private IP for the service in the VPC's subnets, so traffic stays on the AWS network (IFE-01).",
    rules: ["IFE-01"],
  };
}

function endpointServiceVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "endpoint-service";
  if (s.role === "provider") {
    return {
      choice,
      works: true,
      reason:
        "An endpoint service behind a Network Load Balancer publishes just this API; consumers connect through their own interface endpoints, and source NAT makes overlapping CIDRs irrelevant (EPS-01, EPS-03).",
      rules: ["EPS-01", "EPS-03"],
    };
  }
  return {
    choice,
    works: false,
    reason:
      "An endpoint service publishes your own service to others; it does not let you reach someone else's (EPS-01).",
    rules: ["EPS-01"],
  };
}

function neitherVerdict(s: EndpointScenario): ChoiceVerdict {
  const choice = "neither";
  if (s.role === "provider") {
    return {
      choice,
      works: false,
      reason:
        "A NAT gateway only translates connections started from its own side, so it gives the customers no way in to the API. Routed connectivity could (a transit gateway with private NAT gateways can even join overlapping networks), but it opens whole networks rather than this one API and needs attachments in every customer account; an endpoint service exposes only the API behind its load balancer (NAT-01, NAT-02, EPS-01).",
      rules: ["NAT-01", "NAT-02", "EPS-01"],
    };
  }
  const reach = requesterCanUse(s.origin, "nat-gateway");
  if (!reach.usable) {
    // An AWS service asked for "privately, without going through an internet gateway": that requirement rules
    // the NAT gateway out first, whoever the requester is; where the requester sits adds the second reason.
    if (s.service === "internet-saas")
      return { choice, works: false, reason: reach.reason, rules: reach.rules };
    return {
      choice,
      works: false,
      reason: `A NAT gateway would reach the service only at its public endpoint, through the VPC's internet gateway, which the requirement rules out (NAT-11). Besides, ${lowerInitial(reach.reason)}`,
      rules: ["NAT-11", ...reach.rules],
    };
  }
  if (s.service !== "internet-saas") return natToPublicEndpoint(s);
  if (s.need === "security-group") {
    return {
      choice,
      works: false,
      reason:
        "A NAT gateway has no security group, so it cannot meet the security-group requirement (NAT-05).",
      rules: ["NAT-05"],
    };
  }
  if (s.need === "on-prem-too") {
    return {
      choice,
      works: false,
      reason:
        "On-premises servers connected by Direct Connect reach the VPC through its virtual private gateway, and traffic from a virtual private gateway cannot be sent on through the NAT gateway (no edge-to-edge routing, NAT-06).",
      rules: ["NAT-06"],
    };
  }
  return {
    choice,
    works: true,
    reason:
      "The API is not offered through PrivateLink, so no endpoint can reach it; a NAT gateway gives the private subnets outbound internet access (NAT-01).",
    rules: ["NAT-01", "EPS-01"],
  };
}

/**
 * A NAT gateway the requester can use does reach an AWS service, through the internet gateway to the service's
 * public endpoint. AWS says that traffic stays on the AWS network (NAT-11), so the reason it loses is the
 * stem's "without going through an internet gateway" and the cost, never "it crosses the internet".
 */
function natToPublicEndpoint(s: EndpointScenario): ChoiceVerdict {
  const via =
    s.origin === "tgw-spoke"
      ? "A NAT gateway in an egress VPC behind the transit gateway would reach the service (TGW-18), but"
      : "A NAT gateway would reach the service, but";
  // The free gateway endpoint is the cheaper comparison only where the requester could use it (its own VPC).
  const gateway = isGatewayService(s.service) && requesterCanUse(s.origin, "gateway-endpoint").usable;
  const free = gateway ? ", while a gateway endpoint for S3 or DynamoDB is free" : "";
  const rules = [
    "NAT-11",
    "NAT-09",
    ...(gateway ? ["GWE-01"] : []),
    ...(s.origin === "tgw-spoke" ? ["TGW-18"] : []),
  ];
  return {
    choice: "neither",
    works: false,
    reason: `${via} only at its public endpoint through the internet gateway, which the requirement rules out: it is not a private path in the VPC, and it is charged per hour and per GB processed${free} (${rules.filter((r) => r !== "TGW-18").join(", ")}).`,
    rules,
  };
}

export function decideEndpoint(scenario: EndpointScenario): EndpointDecision {
  const verdicts: Record<EndpointChoice, ChoiceVerdict> = {
    "gateway-endpoint": gatewayVerdict(scenario),
    "interface-endpoint": interfaceVerdict(scenario),
    "endpoint-service": endpointServiceVerdict(scenario),
    neither: neitherVerdict(scenario),
  };
  const working = ENDPOINT_CHOICES.filter((choice) => verdicts[choice].works);
  if (working.length === 0) throw new Error(`no endpoint choice works for ${JSON.stringify(scenario)}`);
  if (working.length === 1) return { answer: working[0], verdicts };
  // Only S3/DynamoDB from inside the VPC gets here (gateway and interface both work): cost decides, the
  // gateway endpoint being free (GWE-01); with no stated criterion the scenario is ambiguous.
  if (scenario.need === "lowest-cost" && working.includes("gateway-endpoint")) {
    return {
      answer: "gateway-endpoint",
      verdicts: { ...verdicts, "interface-endpoint": { ...verdicts["interface-endpoint"], works: false } },
    };
  }
  return { answer: undefined, verdicts };
}
