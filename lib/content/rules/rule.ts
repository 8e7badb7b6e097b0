// The shape of one catalogue rule and the small helpers the topic files use to write rules tersely.

/** Where AWS says it: the guide and the page title, as a learner would find them in the AWS documentation. */
export type RuleSource = { readonly guide: string; readonly page: string; readonly url?: string };

/**
 * Modelled: the reachability model or the question generator applies the rule when it computes an answer.
 * Not modelled: the catalogue says why (quotas, prices, DNS, sizes the model does not track, …); such a rule may
 * still be taught in a lesson or asked as a fact.
 */
export type RuleStatus =
  { readonly kind: "modelled" } | { readonly kind: "not-modelled"; readonly reason: string };

export type RuleTopicId =
  | "vpc-routing"
  | "peering"
  | "transit-gateway"
  | "gateway-endpoints"
  | "interface-endpoints"
  | "security-groups"
  | "network-acls"
  | "evaluation-order"
  | "internet-nat"
  | "vpn"
  | "direct-connect";

export type Rule = {
  /** Stable ID such as PCX-02; explanations, code and lessons cite it. */
  readonly id: string;
  readonly topic: RuleTopicId;
  /** A short name for lists. */
  readonly title: string;
  /** The rule in the project's own words. */
  readonly text: string;
  readonly sources: readonly RuleSource[];
  readonly status: RuleStatus;
  /** Where AWS changed the behaviour (or older material says otherwise): what changed and what to answer. */
  readonly drift?: string;
  /** Reachability Analyzer explanation codes that report a violation of this rule. */
  readonly codes?: readonly string[];
};

export const MODELLED: RuleStatus = { kind: "modelled" };

export function notModelled(reason: string): RuleStatus {
  return { kind: "not-modelled", reason };
}

export const GUIDE = {
  vpc: "Amazon VPC User Guide",
  peering: "Amazon VPC Peering Guide",
  tgw: "Amazon VPC Transit Gateways Guide",
  privateLink: "AWS PrivateLink Guide",
  vpn: "AWS Site-to-Site VPN User Guide",
  dx: "AWS Direct Connect User Guide",
  ec2: "Amazon EC2 User Guide",
  ra: "Reachability Analyzer Guide",
  ec2Api: "Amazon EC2 API Reference",
  nlb: "Elastic Load Balancing: Network Load Balancers",
  route53: "Amazon Route 53 Developer Guide",
} as const;

/**
 * Where each guide's documentation starts, for the sources whose page the catalogue has no address for (a page
 * address is only written where it was checked; a guessed one would break silently when AWS renames a page).
 * Keyed by the guide's name as the catalogue spells it, so a source written out in full is covered too.
 */
export const GUIDE_HOME: Readonly<Record<string, string>> = {
  [GUIDE.vpc]: "https://docs.aws.amazon.com/vpc/latest/userguide/",
  [GUIDE.peering]: "https://docs.aws.amazon.com/vpc/latest/peering/",
  [GUIDE.tgw]: "https://docs.aws.amazon.com/vpc/latest/tgw/",
  [GUIDE.privateLink]: "https://docs.aws.amazon.com/vpc/latest/privatelink/",
  [GUIDE.vpn]: "https://docs.aws.amazon.com/vpn/latest/s2svpn/",
  [GUIDE.dx]: "https://docs.aws.amazon.com/directconnect/latest/UserGuide/",
  [GUIDE.ec2]: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/",
  [GUIDE.ra]: "https://docs.aws.amazon.com/vpc/latest/reachability/",
  [GUIDE.ec2Api]: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/",
  [GUIDE.nlb]: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/",
  [GUIDE.route53]: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/",
  "AWS Network Firewall Developer Guide":
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/",
  "Elastic Load Balancing: Gateway Load Balancers":
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/",
};

export function source(guide: keyof typeof GUIDE, page: string, url?: string): RuleSource {
  return url === undefined ? { guide: GUIDE[guide], page } : { guide: GUIDE[guide], page, url };
}

// Reasons shared by several rules.
export const QUOTA =
  "A quota: the model answers whether traffic flows, it does not count resources against limits.";
export const PRICE =
  "Pricing: the model has no costs. Lessons teach it and concept questions ask it as a fact.";
export const MTU = "Packet size: the model traces addresses, protocols and ports, not MTU or fragmentation.";
export const LIFECYCLE_ONLY =
  "Management-plane behaviour (who may do what, when): lessons teach it; the model only reads the resulting state.";
