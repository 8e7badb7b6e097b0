// The fact table behind the concept-check family: facts from the concept checklist that no topology expresses.
// Each fact has one true statement and sibling statements that are false (the distractors), each with its
// reason. Rule IDs are IDs of the rule catalogue (lib/content/rules); facts with no catalogue rule cite none. Split by group to stay small.
import type { Fact } from "./concept-fact";
import { ADVANCED_FACTS } from "./concept-facts-advanced";
import { ENDPOINT_FACTS } from "./concept-facts-endpoints";
import { GATEWAY_FACTS } from "./concept-facts-gateways";

export type { Fact, FactDistractor } from "./concept-fact";

const PEERING_FACTS: readonly Fact[] = [
  {
    id: "peering-path",
    concepts: ["P1"],
    rules: ["PCX-01"],
    difficulty: 1,
    stem: "Two VPCs are joined by an active VPC peering connection. How does traffic between their instances travel?",
    right: "Privately over the AWS network between private IPs, with no gateway or VPN device in the path",
    why: "Peering is a one-to-one private link between two VPCs; instances talk as if on one network (PCX-01).",
    wrong: [
      {
        text: "Over the public internet through each VPC's internet gateway, using the instances' public IPs",
        why: "Peered traffic never leaves the AWS network and needs no internet gateway.",
      },
      {
        text: "Through a managed NAT gateway that AWS places between the two VPCs to translate their addresses",
        why: "No NAT is involved: instances see each other's private IPs.",
      },
      {
        text: "Through an IPsec VPN tunnel that AWS builds and maintains between the two VPCs' virtual gateways",
        why: "A peering connection is neither a gateway nor a VPN connection (PCX-01).",
      },
      {
        text: "Through a transit gateway that AWS creates and manages for the pair when the request is accepted",
        why: "Peering is a direct one-to-one link; a transit gateway is a separate hub you create yourself.",
      },
    ],
  },
  {
    id: "peering-scope",
    concepts: ["P5"],
    rules: ["PCX-01", "PCX-07"],
    difficulty: 1,
    stem: "Which VPCs can be connected with a VPC peering connection?",
    right: "VPCs in the same account or different accounts, in the same Region or different Regions",
    why: "Peering works within an account, across accounts and across Regions (PCX-01, PCX-07).",
    wrong: [
      {
        text: "Only VPCs in the same account and the same Region, and only with non-overlapping CIDRs",
        why: "Cross-account and inter-Region peering are both supported (PCX-01).",
      },
      {
        text: "VPCs in the same Region in any account, but never VPCs in different Regions",
        why: "Inter-Region peering exists (PCX-01).",
      },
      {
        text: "VPCs in the same account in any Region, but never a VPC owned by another AWS account",
        why: "Cross-account peering exists; the other owner accepts the request (PCX-07).",
      },
    ],
  },
  {
    id: "peering-lifecycle",
    concepts: ["P7"],
    rules: ["PCX-05", "PCX-06", "PCX-07"],
    difficulty: 2,
    stem: "A VPC peering request was sent to another account. What happens if nobody accepts it?",
    right: "It stays pending-acceptance and expires after 7 days",
    why: "The accepter's owner has one week to accept; an unanswered request expires after 7 days (PCX-06).",
    wrong: [
      {
        text: "It is accepted automatically after 24 hours",
        why: "Peering is never auto-accepted, not even within one account (PCX-07).",
      },
      {
        text: "It stays pending forever until the requester deletes it",
        why: "The request expires after 7 days (168 h, not adjustable) (PCX-06).",
      },
      { text: "It expires after 30 days", why: "The window is 7 days (PCX-06)." },
      {
        text: "Traffic already flows while it is pending, with lower bandwidth",
        why: "Traffic flows only when the connection is active (PCX-05).",
      },
    ],
  },
  {
    id: "peering-inter-region",
    concepts: ["P9"],
    rules: ["PCX-19", "PCX-01"],
    difficulty: 2,
    stem: "What is true of traffic over an inter-Region VPC peering connection?",
    right:
      "It stays on the AWS backbone and is encrypted, with no single point of failure or bandwidth bottleneck",
    why: "Inter-Region peering traffic stays on the AWS global network and is encrypted (PCX-19, PCX-01).",
    wrong: [
      {
        text: "It crosses the public internet between the two Regions, so you must add an IPsec VPN on top to encrypt it",
        why: "It stays on the AWS backbone and is already encrypted (PCX-19).",
      },
      {
        text: "It stays on the AWS backbone but is unencrypted, unlike same-Region peering, which is encrypted",
        why: "Inter-Region peering traffic is encrypted (PCX-19).",
      },
      {
        text: "It is capped at the bandwidth of one peering gateway appliance",
        why: "Peering has no single point of failure or bandwidth bottleneck (PCX-01).",
      },
    ],
  },
  {
    id: "peering-quotas",
    concepts: ["P10"],
    rules: ["PCX-04", "PCX-17"],
    difficulty: 2,
    stem: "Which limit applies to VPC peering connections?",
    right: "At most one peering connection between the same two VPCs, and a quota on active peerings per VPC",
    why: "Only one peering can join the same pair of VPCs (PCX-04); active peerings per VPC are capped (50 by default) (PCX-17).",
    wrong: [
      {
        text: "Up to two peering connections between the same two VPCs, for redundancy across AZs",
        why: "Only one connection may join the same two VPCs (PCX-04); peering has no single point of failure anyway.",
      },
      {
        text: "No limit on the number of active peering connections per VPC, only on pending peering requests",
        why: "Active peerings per VPC are capped (50 by default, adjustable to 125) (PCX-17).",
      },
      {
        text: "A VPC can be peered with only one other VPC, and a peering connection cannot span two accounts",
        why: "A VPC can have many peerings, up to the quota (PCX-17).",
      },
    ],
  },
  {
    id: "peering-cross-region-limits",
    concepts: ["P12", "P6"],
    rules: ["PCX-11"],
    difficulty: 2,
    stem: "A security group in us-east-1 must allow traffic from a peered VPC in eu-west-1. What can its rule use as the source?",
    right: "The peer VPC's CIDR block (or a part of it)",
    why: "Inter-Region peering does not support security group references; use CIDRs (PCX-11).",
    wrong: [
      {
        text: "The security group ID of the instances in the peer VPC",
        why: "SG references across peering work only within one Region (PCX-11).",
      },
      {
        text: "The peering connection ID (pcx-…)",
        why: "A security group rule's source is a CIDR, prefix list or security group, never a peering connection (SG-05).",
      },
      { text: "The peer VPC's ID (vpc-…)", why: "A VPC ID is not a valid rule source (SG-05)." },
    ],
  },
  {
    id: "peering-dns",
    concepts: ["P8"],
    rules: ["PCX-13"],
    difficulty: 3,
    stem: "Instances call a peer instance by its public DNS hostname, and the traffic leaves through the internet gateway. What fixes this?",
    right: "Enable DNS resolution support on the peering connection so the name resolves to the private IP",
    why: "With the DNS resolution option on, the peer's public DNS hostnames resolve to private IPs (PCX-13).",
    wrong: [
      {
        text: "Add a route for the peer instance's public IP to the peering connection in each subnet route table",
        why: "A peering route only covers the peer VPC's CIDR; public IPs are not in it (PCX-08).",
      },
      {
        text: "Disable DNS hostnames on both VPCs so the name resolves to the instance's private IP",
        why: "The option needs DNS hostnames and resolution enabled on both VPCs (PCX-13).",
      },
      {
        text: "Point the instances at the peer VPC's Amazon DNS server (VPC+2) in a DHCP option set",
        why: "AWS does not support sending queries to the peer VPC's Amazon DNS server (PCX-14).",
      },
    ],
  },
  {
    id: "peering-filtering",
    concepts: ["P11"],
    rules: ["SG-01", "ACL-01", "PCX-11"],
    difficulty: 1,
    stem: "After peering two VPCs and adding routes on both sides, what else still filters the traffic?",
    right: "Security groups and network ACLs on both sides",
    why: "Peering does not bypass filtering: SGs and NACLs still apply, and SG rules may need the peer's CIDR (PCX-11).",
    wrong: [
      {
        text: "Nothing: a peering connection bypasses security groups and NACLs",
        why: "SGs and NACLs still filter peered traffic (SG-01, ACL-01).",
      },
      {
        text: "Only the network ACLs; security groups ignore peered traffic",
        why: "Security groups filter peered traffic too (SG-01).",
      },
      {
        text: "Only a firewall policy attached to the peering connection",
        why: "Peering connections have no firewall policy; SGs and NACLs do the filtering.",
      },
    ],
  },
];

const FILTERING_FACTS: readonly Fact[] = [
  {
    id: "sg-vs-nacl",
    concepts: ["S1"],
    rules: ["SG-01", "SG-02", "ACL-02", "ACL-03"],
    difficulty: 1,
    stem: "Which statement correctly contrasts security groups and network ACLs?",
    right:
      "Security groups are stateful with allow rules only; network ACLs are stateless, ordered by rule number, with allow and deny",
    why: "SGs track connections and only allow (SG-01, SG-02); NACLs are stateless, numbered, first match wins, allow or deny (ACL-02, ACL-03).",
    wrong: [
      {
        text: "Security groups are stateless with allow and deny rules; network ACLs are stateful with allow rules only",
        why: "It is the other way round (SG-02, ACL-02).",
      },
      {
        text: "Both are stateful and attached to subnets; security groups allow only, network ACLs allow and deny by rule number",
        why: "SGs attach to ENIs and are stateful; NACLs attach to subnets and are stateless (SG-01, ACL-01).",
      },
      {
        text: "Security groups evaluate rules in number order, first match wins; network ACLs union all rules and are stateful",
        why: "SG rules are unioned without order; NACL rules are evaluated by number, first match wins (SG-01, ACL-03).",
      },
    ],
  },
  {
    id: "sg-source",
    concepts: ["S2"],
    rules: ["SG-03", "SG-05"],
    difficulty: 1,
    stem: "A new instance has a freshly created security group. What must its inbound rules contain for a client to connect?",
    right: "A rule allowing the client's CIDR or its security group on the service port",
    why: "A new SG has no inbound rules; reaching the instance needs a rule naming the source (SG-03, SG-05).",
    wrong: [
      {
        text: "Nothing: a new security group allows all inbound traffic from the VPC",
        why: "A new SG has no inbound rules at all (SG-03).",
      },
      {
        text: "A deny rule for all other sources, then an allow rule for the client on the service port",
        why: "Security groups have allow rules only (SG-01).",
      },
      {
        text: "A rule for the ephemeral ports 1024-65535 in the outbound direction",
        why: "SGs are stateful; responses need no rule. Ephemeral-port rules are a NACL concern (SG-02, ACL-08).",
      },
    ],
  },
];

export const FACTS: readonly Fact[] = [
  ...PEERING_FACTS,
  ...FILTERING_FACTS,
  ...ENDPOINT_FACTS,
  ...GATEWAY_FACTS,
  ...ADVANCED_FACTS,
];
