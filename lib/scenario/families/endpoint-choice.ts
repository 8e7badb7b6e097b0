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
import type { ProofSink } from "../proofs";

const NAME = "endpoint-choice";

const CHOICE_TEXT: Record<EndpointChoice, string> = {
  "gateway-endpoint": "A gateway VPC endpoint (a prefix-list route in the route tables)",
  "interface-endpoint": "An interface VPC endpoint (a PrivateLink ENI)",
  "endpoint-service": "A VPC endpoint service behind an NLB",
  neither: "No endpoint: a route through a NAT gateway",
};

// Services reached through interface endpoints alone. Amazon ECR is left out: a private image pull also needs an S3
// gateway endpoint for the image layers, so "which endpoint?" would have two right answers.
const OTHER_AWS_SERVICES = [
  "Amazon SQS",
  "AWS KMS",
  "AWS Secrets Manager",
  "Amazon SNS",
  "AWS Systems Manager",
  "AWS STS",
  "Amazon CloudWatch Logs",
];
const PARTNER_SERVICES = [
  "a log-analytics product bought on AWS Marketplace",
  "a payment provider's service published to you as a PrivateLink endpoint service",
];
const SAAS_APIS = [
  "a third-party weather API on the public internet",
  "a SaaS CRM's public REST API (not offered through PrivateLink)",
];

const OUTSIDE: readonly TrafficOrigin[] = [
  "peered-vpc",
  "other-region-vpc",
  "on-prem-vpn",
  "on-prem-dx",
  "tgw-spoke",
];
/** Criteria that separate two working choices (stated in the stem only when needed, see decideEndpoint). */
const CRITERIA: readonly EndpointNeed[] = [
  "lowest-cost",
  "lowest-cost",
  "lowest-cost",
  "security-group",
  "on-prem-too",
];

function drawScenario(rng: Rng, difficulty: Difficulty): EndpointScenario {
  // A draw that no choice serves (e.g. a SaaS API from a peered VPC: the NAT gateway cannot be used there,
  // NAT-06) is drawn again; one that two choices serve gets a stated criterion.
  for (;;) {
    const scenario = drawOnce(rng, difficulty);
    const decision = tryDecide(scenario);
    if (decision === null) continue;
    if (decision.answer !== undefined) return scenario;
    const withCriterion: EndpointScenario = { ...scenario, need: rng.pick(CRITERIA) };
    const again = tryDecide(withCriterion);
    if (again?.answer !== undefined) return withCriterion;
  }
}

function tryDecide(scenario: EndpointScenario): ReturnType<typeof decideEndpoint> | null {
  try {
    return decideEndpoint(scenario);
  } catch {
    return null;
  }
}

function drawOnce(rng: Rng, difficulty: Difficulty): EndpointScenario {
  if (difficulty === 1) {
    return {
      role: "consumer",
      service: rng.weighted<EndpointService>([
        ["s3", 2],
        ["dynamodb", 1],
        ["aws-other", 2],
        ["internet-saas", 1],
      ]),
      origin: "same-vpc",
      need: rng.pick<EndpointNeed>(["none", "lowest-cost"]),
    };
  }
  if (difficulty === 2) {
    return {
      role: "consumer",
      service: rng.weighted<EndpointService>([
        ["s3", 3],
        ["dynamodb", 2],
        ["aws-other", 2],
        ["internet-saas", 1],
      ]),
      origin: rng.pick(OUTSIDE),
      need: rng.pick<EndpointNeed>(["none", "lowest-cost"]),
    };
  }
  const role = rng.weighted<"consumer" | "provider">([
    ["consumer", 4],
    ["provider", 1],
  ]);
  if (role === "provider") return { role, service: "aws-other", origin: "same-vpc", need: "none" };
  const origin = rng.weighted<TrafficOrigin>([
    ["same-vpc", 2],
    ["peered-vpc", 1],
    ["other-region-vpc", 1],
    ["on-prem-vpn", 1],
    ["on-prem-dx", 1],
    ["tgw-spoke", 1],
  ]);
  return {
    role,
    // An internet API from the VPC itself is the d1 question (a NAT gateway): at d3 it comes only from elsewhere
    // (a peered VPC, on premises, a spoke), where whether the NAT gateway can be used at all is the point.
    service: rng.weighted<EndpointService>([
      ["s3", 3],
      ["dynamodb", 2],
      ["aws-other", 1],
      ["partner", 1],
      ["internet-saas", origin === "same-vpc" ? 0 : 2],
    ]),
    origin,
    need:
      origin === "same-vpc"
        ? rng.pick(CRITERIA)
        : rng.weighted<EndpointNeed>([
            ["none", 1],
            ["lowest-cost", 1],
            ["security-group", 2],
          ]),
  };
}

function serviceName(rng: Rng, service: EndpointService): string {
  switch (service) {
    case "s3":
      return "an Amazon S3 bucket";
    case "dynamodb":
      return "an Amazon DynamoDB table";
    case "aws-other":
      return rng.pick(OTHER_AWS_SERVICES);
    case "partner":
      return rng.pick(PARTNER_SERVICES);
    case "internet-saas":
      return rng.pick(SAAS_APIS);
  }
}

function stemFor(rng: Rng, s: EndpointScenario): string {
  const homeRegion = region(rng);
  const [vpcName, peerName] = distinctNames(rng, VPC_NAMES, 2);
  const otherRegion = rng.pick(REGIONS.filter((r) => r.code !== homeRegion.code));
  const where = `the VPC "${vpcName}" in ${homeRegion.code}`;
  if (s.role === "provider") {
    return `Your team runs an internal API in ${where}. Customers in other AWS accounts, whose VPC CIDRs overlap yours, must reach only this API, privately. As the provider, what should you create?`;
  }
  const origin: Record<TrafficOrigin, string> = {
    "same-vpc": `Instances in private subnets of ${where}`,
    "peered-vpc": `Instances in the VPC "${peerName}", peered with ${where}`,
    "other-region-vpc": `Instances in the VPC "${peerName}" in ${otherRegion.code}, peered across Regions with ${where}`,
    "on-prem-vpn": `Servers in the on-premises data center, connected to ${where} by Site-to-Site VPN on its virtual private gateway`,
    "on-prem-dx": `Servers in the on-premises data center, connected to ${where} by Direct Connect through its virtual private gateway`,
    "tgw-spoke": `Instances in the VPC "${peerName}", which shares a transit gateway with ${where}`,
  };
  const need: Record<EndpointNeed, string> = {
    none: "",
    "lowest-cost": " The solution must be the cheapest that works.",
    "security-group": " Security requires that access to the endpoint be limited with a security group.",
    "on-prem-too":
      " The same solution must also serve servers in the on-premises data center, connected by Direct Connect through the VPC's virtual private gateway.",
  };
  const target = serviceName(rng, s.service);
  const inRegion = s.service === "internet-saas" ? target : `${target} in ${homeRegion.code}`;
  const privately =
    s.service === "internet-saas" ? "" : " privately, without going through an internet gateway";
  // An origin with an appositive ("…, peered with …") closes it with a comma before the verb.
  const subject = origin[s.origin];
  const close = subject.includes(", ") ? "," : "";
  // A requester in another VPC could have endpoints of its own; the stem says why the answer goes in this one.
  const central = CENTRAL_ORIGINS.includes(s.origin)
    ? ` Company policy keeps all VPC endpoints in ${where}; "${peerName}" may not have its own.`
    : "";
  const cue = needDiscriminates(s) ? need[s.need] : "";
  return `${subject}${close} must reach ${inRegion}${privately}.${central}${cue} What should be created in ${where}?`;
}

/** Origins in another VPC, which could host endpoints of their own. */
const CENTRAL_ORIGINS: readonly TrafficOrigin[] = ["peered-vpc", "other-region-vpc", "tgw-spoke"];

/**
 * A stated need ("the cheapest that works") is a cue only when it changes the answer: where a single choice
 * works anyway (a requester outside the VPC, which only an interface endpoint serves) it would be noise.
 */
function needDiscriminates(s: EndpointScenario): boolean {
  if (s.need === "none") return false;
  try {
    return decideEndpoint({ ...s, need: "none" }).answer !== decideEndpoint(s).answer;
  } catch {
    return true;
  }
}

/** The drawn scenario of a seed (for scripts/check-generator.ts's cross-family check). */
export function endpointChoiceScenario(seed: number, difficulty: Difficulty): EndpointScenario {
  return drawScenario(createRng(seed).fork(`${NAME}/${difficulty}`), difficulty);
}

function generate(seed: number, difficulty: Difficulty, proofs?: ProofSink): Question {
  const rng = createRng(seed).fork(`${NAME}/${difficulty}`);
  const scenario = drawScenario(rng, difficulty);
  const decision = decideEndpoint(scenario);
  const answer = decision.answer;
  if (answer === undefined) throw new Error(`${NAME} seed ${seed}: ambiguous scenario`);
  const stem = stemFor(rng, scenario);
  const chosen = decision.verdicts[answer];
  return buildQuestion(rng, {
    proofs,
    family: NAME,
    seed,
    difficulty,
    concepts: conceptsFor(scenario),
    stem,
    candidates: ENDPOINT_CHOICES.map((choice) => {
      const verdict = decision.verdicts[choice];
      return {
        text: CHOICE_TEXT[choice],
        correct: choice === answer,
        why: verdict.reason,
        proof: `decision table (requester-reach): ${choice} ${verdict.works ? "works" : "fails"} for ${scenario.origin}/${scenario.service}/${scenario.need} (${verdict.rules.join(", ")})`,
      };
    }),
    summary: chosen.reason,
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
  if (s.need === "on-prem-too") out.add("E10");
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
