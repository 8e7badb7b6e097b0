// endpoint-choice: gateway endpoint, interface endpoint, endpoint service, or neither? The scenario is drawn
// at random; the key and every option's reason come from the decision table in endpoint-rules.ts.
import { buildQuestion } from "../build-question";
import {
  decideEndpoint,
  ENDPOINT_CHOICES,
  type EndpointChoice,
  type EndpointNeed,
  type EndpointScenario,
  type EndpointService,
  type TrafficOrigin,
} from "../endpoint-rules";
import type { Family } from "../family";
import { distinctNames, region, REGIONS, VPC_NAMES } from "../names";
import type { Difficulty, Question } from "../question";
import { createRng, type Rng } from "../rng";

const NAME = "endpoint-choice";

const CHOICE_TEXT: Record<EndpointChoice, string> = {
  "gateway-endpoint": "A gateway VPC endpoint (a route-table target)",
  "interface-endpoint": "An interface VPC endpoint (a PrivateLink ENI)",
  "endpoint-service": "A VPC endpoint service behind a Network Load Balancer",
  neither: "No VPC endpoint: a NAT gateway path to the internet",
};

const CHOICE_SHORT: Record<EndpointChoice, string> = {
  "gateway-endpoint": "gateway endpoint",
  "interface-endpoint": "interface endpoint",
  "endpoint-service": "endpoint service",
  neither: "NAT gateway path",
};

const OTHER_AWS_SERVICES = ["Amazon SQS", "AWS KMS", "AWS Secrets Manager", "Amazon SNS", "AWS Systems Manager", "Amazon ECR", "AWS STS", "Amazon CloudWatch Logs"];
const PARTNER_SERVICES = ["a log-analytics product bought on AWS Marketplace", "a payment provider's service published to you as a PrivateLink endpoint service"];
const SAAS_APIS = ["a third-party weather API on the public internet", "a SaaS CRM's public REST API (not offered through PrivateLink)"];

function drawScenario(rng: Rng, difficulty: Difficulty): EndpointScenario {
  if (difficulty === 1) {
    return {
      role: "consumer",
      service: rng.weighted<EndpointService>([["s3", 2], ["dynamodb", 1], ["aws-other", 3]]),
      origin: "same-vpc",
      need: rng.pick<EndpointNeed>(["none", "lowest-cost"]),
    };
  }
  const origins: TrafficOrigin[] = ["same-vpc", "peered-vpc", "other-region-vpc", "on-prem-vpn", "on-prem-dx"];
  if (difficulty === 2) {
    return {
      role: "consumer",
      service: rng.weighted<EndpointService>([["s3", 3], ["dynamodb", 2], ["aws-other", 2]]),
      origin: rng.pick(origins),
      need: rng.pick<EndpointNeed>(["none", "lowest-cost"]),
    };
  }
  const role = rng.weighted<"consumer" | "provider">([["consumer", 3], ["provider", 1]]);
  if (role === "provider") return { role, service: "aws-other", origin: rng.pick(origins), need: "none" };
  return {
    role,
    service: rng.weighted<EndpointService>([["s3", 3], ["dynamodb", 2], ["aws-other", 1], ["partner", 1], ["internet-saas", 2]]),
    origin: rng.pick(origins),
    need: rng.weighted<EndpointNeed>([["none", 1], ["lowest-cost", 1], ["security-group", 2]]),
  };
}

function serviceName(rng: Rng, service: EndpointService): string {
  switch (service) {
    case "s3": return "an Amazon S3 bucket";
    case "dynamodb": return "an Amazon DynamoDB table";
    case "aws-other": return rng.pick(OTHER_AWS_SERVICES);
    case "partner": return rng.pick(PARTNER_SERVICES);
    case "internet-saas": return rng.pick(SAAS_APIS);
  }
}

function stemFor(rng: Rng, s: EndpointScenario): string {
  const homeRegion = region(rng);
  const [vpcName, peerName] = distinctNames(rng, VPC_NAMES, 2);
  const otherRegion = rng.pick(REGIONS.filter((r) => r.code !== homeRegion.code));
  const where = `the VPC "${vpcName}" in ${homeRegion.code}`;
  if (s.role === "provider") {
    return `Your team runs an internal API in ${where}. Customers in other AWS accounts, whose VPC CIDRs overlap yours, must reach only this API, privately. What should you create?`;
  }
  const origin: Record<TrafficOrigin, string> = {
    "same-vpc": `Instances in private subnets of ${where}`,
    "peered-vpc": `Instances in the VPC "${peerName}", peered with ${where}`,
    "other-region-vpc": `Instances in the VPC "${peerName}" in ${otherRegion.code}, peered across Regions with ${where}`,
    "on-prem-vpn": `Servers in the on-premises data center, connected to ${where} by Site-to-Site VPN`,
    "on-prem-dx": `Servers in the on-premises data center, connected to ${where} by Direct Connect`,
  };
  const need: Record<EndpointNeed, string> = {
    none: "",
    "lowest-cost": " The solution must be the cheapest that works.",
    "security-group": " Security requires that access to the endpoint be limited with a security group.",
  };
  const target = serviceName(rng, s.service);
  const inRegion = s.service === "internet-saas" ? target : `${target} in ${homeRegion.code}`;
  const privately = s.service === "internet-saas" ? "" : " privately, without traversing the internet";
  return `${origin[s.origin]} must reach ${inRegion}${privately}.${need[s.need]} What should be created in ${where}?`;
}

function generate(seed: number, difficulty: Difficulty): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const scenario = drawScenario(rng, difficulty);
  const decision = decideEndpoint(scenario);
  const stem = stemFor(rng, scenario);
  const chosen = decision.verdicts[decision.answer];
  return buildQuestion(rng, {
    family: NAME,
    seed,
    difficulty,
    concepts: conceptsFor(scenario),
    stem,
    candidates: ENDPOINT_CHOICES.map((choice) => {
      const verdict = decision.verdicts[choice];
      const correct = choice === decision.answer;
      const why = correct || !verdict.works ? verdict.reason : `${verdict.reason} The ${CHOICE_SHORT[decision.answer]} fits better: ${chosen.reason}`;
      return { text: CHOICE_TEXT[choice], correct, why };
    }),
    summary: chosen.reason,
    rules: ENDPOINT_CHOICES.flatMap((choice) => decision.verdicts[choice].rules),
  });
}

function conceptsFor(s: EndpointScenario): string[] {
  if (s.role === "provider") return ["E16", "E17"];
  const out = new Set<string>(["E18", "E1"]);
  if (s.service === "s3" || s.service === "dynamodb") out.add("E2");
  if (s.origin !== "same-vpc") {
    out.add("E10");
    out.add("E6");
  }
  if (s.origin === "other-region-vpc") out.add("E5");
  if (s.need === "lowest-cost") {
    out.add("E4");
    out.add("E9");
  }
  if (s.need === "security-group") {
    out.add("E3");
    out.add("E8");
  }
  if (s.service === "partner" || s.service === "internet-saas") out.add("E17");
  return [...out].sort();
}

export const endpointChoice: Family = {
  name: NAME,
  title: "Gateway or interface endpoint?",
  concepts: ["E1", "E2", "E3", "E4", "E5", "E6", "E8", "E9", "E10", "E16", "E17", "E18"],
  difficulties: [1, 2, 3],
  usesModel: false,
  generate,
};
