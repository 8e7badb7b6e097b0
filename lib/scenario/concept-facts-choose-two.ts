// "Choose two." items of the concept-check family: two true statements among five, each statement's reason
// citing the catalogue rule (lib/content/rules) whose AWS source decides it. Only facts that AWS documents in
// the same words today; nothing that changed over time unless the stem dates it. Difficulty 2 and 3 only: picking
// both keys with no credit for one is harder than recalling a single fact.
import { CHOOSE_TWO, type ChooseTwoFact } from "./concept-fact-choose-two";

export const CHOOSE_TWO_FACTS: readonly ChooseTwoFact[] = [
  {
    id: "two-gateway-endpoint",
    concepts: ["E2", "E3"],
    rules: ["GWE-01", "GWE-02", "GWE-06", "IFE-01", "IFE-07"],
    difficulty: 2,
    stem: `Which two statements about gateway VPC endpoints are true? ${CHOOSE_TWO}`,
    why: "A gateway endpoint is a route-table target for S3 or DynamoDB, not a network interface (GWE-01, GWE-02).",
    right: [
      {
        text: "They exist for Amazon S3 and Amazon DynamoDB only",
        why: "Gateway endpoints are offered for S3 and DynamoDB and no other service (GWE-01).",
      },
      {
        text: "They add a route to the service's prefix list in the route tables you associate",
        why: "Associating a route table adds a route whose destination is the service's prefix list and whose target is the endpoint (GWE-02).",
      },
    ],
    wrong: [
      {
        text: "They put a network interface with a private IP address in each subnet you choose",
        why: "That is an interface endpoint; a gateway endpoint has no network interface (IFE-01, GWE-02).",
      },
      {
        text: "Servers on premises can use them over a Site-to-Site VPN or Direct Connect connection",
        why: "Traffic that enters the VPC over a VPN or Direct Connect cannot continue through a gateway endpoint (GWE-06).",
      },
      {
        text: "They are billed per hour in each Availability Zone plus per GB of data processed",
        why: "Gateway endpoints cost nothing; hourly and per-GB charges belong to interface endpoints (GWE-01, IFE-07).",
      },
    ],
  },
  {
    id: "two-private-subnet-patches",
    concepts: ["G4", "G1"],
    rules: ["NAT-01", "IGW-01", "IGW-04", "IGW-05", "EIGW-01"],
    difficulty: 2,
    stem:
      "A VPC has an internet gateway, and its public subnet routes 0.0.0.0/0 to it. An instance in a private subnet, " +
      "with no public IPv4 address, must download patches from the internet over IPv4 without accepting connections " +
      `from the internet. Which two additions do this? ${CHOOSE_TWO}`,
    why: "Private instances reach the internet over IPv4 through a public NAT gateway that their subnet routes 0.0.0.0/0 to (NAT-01).",
    right: [
      {
        text: "A public NAT gateway with an Elastic IP address, in the public subnet",
        why: "A public NAT gateway sits in a public subnet with an Elastic IP address and lets private instances start connections out (NAT-01).",
      },
      {
        text: "A 0.0.0.0/0 route to the NAT gateway in the private subnet's route table",
        why: "The private subnet sends internet-bound IPv4 traffic to the NAT gateway, which the internet cannot use to open connections in (NAT-01).",
      },
    ],
    wrong: [
      {
        text: "An egress-only internet gateway, with ::/0 in the private subnet's route table pointing to it",
        why: "An egress-only internet gateway carries IPv6 only; for IPv4 you use a NAT gateway (EIGW-01).",
      },
      {
        text: "A second internet gateway attached to the VPC for the private subnet's traffic",
        why: "A VPC can have only one internet gateway (IGW-05).",
      },
      {
        text: "A 0.0.0.0/0 route to the internet gateway in the private subnet's route table",
        why: "Without a public IPv4 address the internet gateway does not forward the instance's traffic (IGW-01, IGW-04).",
      },
    ],
  },
  {
    id: "two-sg-vs-nacl",
    concepts: ["S1"],
    rules: ["SG-01", "SG-02", "ACL-01", "ACL-02", "ACL-03", "ACL-07"],
    difficulty: 2,
    stem: `Which two statements about security groups and network ACLs are true? ${CHOOSE_TWO}`,
    why: "Security groups track connections and hold allow rules only; network ACLs are stateless, numbered lists at the subnet edge (SG-02, ACL-03).",
    right: [
      {
        text: "Security groups are stateful and network ACLs are stateless",
        why: "A security group lets the reply to allowed traffic through by itself; a network ACL needs a rule for the reply too (SG-02, ACL-02).",
      },
      {
        text: "Network ACL rules are read from the lowest number up, and the first rule that matches decides",
        why: "Network ACL rules are evaluated in number order and the first match allows or denies (ACL-03).",
      },
    ],
    wrong: [
      {
        text: "Security groups can hold deny rules that override the allow rules of other groups",
        why: "Security groups hold allow rules only (SG-01).",
      },
      {
        text: "A network ACL rule can name a security group as its source or destination",
        why: "Network ACL rules name CIDR blocks only, never security groups (ACL-07).",
      },
      {
        text: "A network ACL filters traffic between two instances in the same subnet",
        why: "A network ACL is checked where traffic enters or leaves a subnet, not inside it (ACL-01).",
      },
    ],
  },
  {
    id: "two-peering-basics",
    concepts: ["P2", "P3"],
    rules: ["PCX-01", "PCX-02", "PCX-03", "PCX-04", "PCX-07"],
    difficulty: 2,
    stem: `Which two statements about VPC peering are true? ${CHOOSE_TWO}`,
    why: "Peering joins exactly two VPCs with non-overlapping ranges and passes no traffic on to third networks (PCX-02, PCX-03).",
    right: [
      {
        text: "Two VPCs whose IPv4 CIDR blocks overlap cannot be peered",
        why: "A peering request between VPCs with overlapping ranges fails (PCX-03).",
      },
      {
        text: "If VPC A is peered with VPC B, and B with VPC C, A still cannot reach C through B",
        why: "Peering is not transitive: A and C need their own peering connection (PCX-02).",
      },
    ],
    wrong: [
      {
        text: "Two VPCs can have several peering connections between them to add bandwidth",
        why: "Two VPCs can have only one peering connection between them (PCX-04).",
      },
      {
        text: "A peering request is accepted automatically when both VPCs are in the same account",
        why: "The accepter VPC's owner must accept, even within one account (PCX-07).",
      },
      {
        text: "Peering works only between VPCs in the same Region",
        why: "Peering works within a Region and between Regions (PCX-01).",
      },
    ],
  },
  {
    id: "two-peering-routes",
    concepts: ["P4", "P3"],
    rules: ["PCX-02", "PCX-08", "PCX-10"],
    difficulty: 3,
    stem:
      "VPC A and VPC B have an active VPC peering connection. Which two statements about the routes for traffic " +
      `between them are true? ${CHOOSE_TWO}`,
    why: "Each side routes the other's range, or part of it, to the peering connection in the tables of the subnets that talk (PCX-08).",
    right: [
      {
        text: "Each VPC needs a route to the other VPC's range with the peering connection as the target",
        why: "Both sides need a route to the peer with the peering connection as target; without both there is no traffic (PCX-08).",
      },
      {
        text: "A route may cover only part of the peer's range, down to a single IP address",
        why: "The route may name all of the peer's range, part of it or a single address (PCX-08).",
      },
    ],
    wrong: [
      {
        text: "Accepting the request adds the routes to the main route tables of both VPCs",
        why: "You add the routes yourself, in the route tables of the subnets that talk (PCX-08).",
      },
      {
        text: "A route to a third VPC's range can point to the same peering connection to reach it through B",
        why: "Peering is not transitive, so B does not pass the traffic on to a third VPC (PCX-02).",
      },
      {
        text: "The route for the peer's range can target the peer VPC's internet gateway",
        why: "A route cannot use the peer's gateways: the target is the peering connection (PCX-10, PCX-08).",
      },
    ],
  },
  {
    id: "two-interface-endpoint",
    concepts: ["E8", "E10"],
    rules: ["IFE-01", "IFE-02", "IFE-04", "IFE-07", "GWE-02"],
    difficulty: 3,
    stem: `Which two statements about interface VPC endpoints are true? ${CHOOSE_TWO}`,
    why: "An interface endpoint is a network interface in your subnets, guarded by security groups and usable from outside the VPC (IFE-01, IFE-04).",
    right: [
      {
        text: "They can be used from on premises over Direct Connect or a Site-to-Site VPN",
        why: "An interface endpoint is an address in a subnet, so on-premises networks, peered VPCs and transit gateways can reach it (IFE-04).",
      },
      {
        text: "Their network interfaces have security groups that must allow the clients' traffic",
        why: "The endpoint's interfaces carry security groups, which must let clients in on the service port (IFE-02).",
      },
    ],
    wrong: [
      {
        text: "They cost nothing; only the AWS service you call is billed",
        why: "Interface endpoints are billed per hour in each Availability Zone and per GB processed (IFE-07).",
      },
      {
        text: "They work by adding a prefix-list route to the route tables of the subnets you choose",
        why: "That is how a gateway endpoint works; an interface endpoint is reached at private addresses in your subnets (GWE-02, IFE-01).",
      },
      {
        text: "One endpoint can place network interfaces in two subnets of the same Availability Zone",
        why: "An endpoint uses at most one subnet per Availability Zone (IFE-01).",
      },
    ],
  },
  {
    id: "two-nat-gateway",
    concepts: ["G4"],
    rules: ["NAT-01", "NAT-03", "NAT-05", "NAT-06", "NAT-09"],
    difficulty: 2,
    stem: `Which two statements about a public NAT gateway are true? ${CHOOSE_TWO}`,
    why: "A NAT gateway translates the source of connections started from the private side and has no security group of its own (NAT-01, NAT-05).",
    right: [
      {
        text: "You cannot associate a security group with it",
        why: "A NAT gateway has no security group; the network ACL of its subnet still applies (NAT-05).",
      },
      {
        text: "Hosts on the internet cannot open connections to the instances behind it",
        why: "Instances behind a NAT gateway start connections out, and the internet cannot start connections to them (NAT-01).",
      },
    ],
    wrong: [
      {
        text: "Instances in a peered VPC can use it to reach the internet if their route tables point to it",
        why: "Traffic that arrives over a peering connection cannot use the VPC's NAT gateway (NAT-06).",
      },
      {
        text: "It rewrites the destination address of outgoing packets to the internet gateway's address",
        why: "A NAT gateway replaces the source address with its own and never changes the destination (NAT-03).",
      },
      {
        text: "It is free; only its Elastic IP address is charged",
        why: "NAT gateways are charged per hour and per GB processed (NAT-09).",
      },
    ],
  },
  {
    id: "two-egress-only-igw",
    concepts: ["G1", "G3"],
    rules: ["EIGW-01", "RT-04"],
    difficulty: 2,
    stem: `Which two statements about an egress-only internet gateway are true? ${CHOOSE_TWO}`,
    why: "An egress-only internet gateway is the IPv6 way out for connections the VPC starts (EIGW-01).",
    right: [
      {
        text: "It carries IPv6 traffic only",
        why: "An egress-only internet gateway is for IPv6; IPv4 instances use a NAT gateway (EIGW-01).",
      },
      {
        text: "Instances can start connections to the internet through it, but the internet cannot start connections to them",
        why: "It passes outbound-initiated connections and their replies and refuses connections started from the internet (EIGW-01).",
      },
    ],
    wrong: [
      {
        text: "You attach a security group to it to control which instances may use it",
        why: "An egress-only internet gateway has no security group; network ACLs still apply (EIGW-01).",
      },
      {
        text: "Instances without a public IPv4 address use it to reach IPv4 hosts on the internet",
        why: "It does nothing for IPv4; IPv4 instances without public addresses use a NAT gateway (EIGW-01).",
      },
      {
        text: "The subnet's route table sends 0.0.0.0/0 to it",
        why: "A 0.0.0.0/0 route covers IPv4 only; the route to it is ::/0 or a narrower IPv6 prefix (RT-04, EIGW-01).",
      },
    ],
  },
  {
    id: "two-site-to-site-vpn",
    concepts: ["V1", "V2"],
    rules: ["VPN-01", "VPN-02", "VPN-04", "VPN-07"],
    difficulty: 2,
    stem: `Which two statements about an AWS Site-to-Site VPN connection are true? ${CHOOSE_TWO}`,
    why: "A Site-to-Site VPN connection has two tunnels and ends on a virtual private gateway or a transit gateway on the AWS side (VPN-01, VPN-02).",
    right: [
      {
        text: "Each connection has two tunnels, so traffic can flow while one of them is down",
        why: "Every VPN connection has two tunnels for redundancy; traffic flows while at least one is up (VPN-02).",
      },
      {
        text: "On the AWS side it ends on a virtual private gateway or a transit gateway",
        why: "The AWS side of the VPN is a virtual private gateway attached to one VPC, or a transit gateway (VPN-01).",
      },
    ],
    wrong: [
      {
        text: "The customer gateway is a hardware appliance that AWS ships to your data centre",
        why: "The customer gateway is an AWS resource that describes your own on-premises device (VPN-01).",
      },
      {
        text: "Static routing detects a failed tunnel and fails over by itself, which BGP cannot do",
        why: "It is the other way round: BGP detects a dead tunnel and fails over by itself (VPN-04).",
      },
      {
        text: "A VPC can have several virtual private gateways attached at the same time",
        why: "A VPC has at most one virtual private gateway (VPN-07).",
      },
    ],
  },
  {
    id: "two-tgw-route-tables",
    concepts: ["T1", "T3"],
    rules: ["TGW-01", "TGW-04", "TGW-05", "TGW-06", "TGW-12"],
    difficulty: 3,
    stem: `Which two statements about transit gateway route tables are true? ${CHOOSE_TWO}`,
    why: "Association and propagation are set apart: at most one associated table per attachment, propagation into any number of tables (TGW-04, TGW-05).",
    right: [
      {
        text: "An attachment can be associated with at most one transit gateway route table",
        why: "An attachment has at most one associated route table, which decides where its packets go next; with none, its packets are not routed (TGW-04).",
      },
      {
        text: "An attachment can propagate its routes into several transit gateway route tables",
        why: "Propagation is set per route table, so one attachment may propagate into many (TGW-05).",
      },
    ],
    wrong: [
      {
        text: "Once a VPC is attached, its subnet route tables learn the transit gateway's routes automatically",
        why: "The VPC's own route tables need routes that send the other side's range to the transit gateway (TGW-06).",
      },
      {
        text: "Routes to a transit gateway peering attachment can be learned through propagation",
        why: "Routes to a peering attachment between transit gateways are static only (TGW-12).",
      },
      {
        text: "One transit gateway can take VPC attachments from VPCs in any Region",
        why: "A transit gateway is a router in one Region; other Regions are reached by peering transit gateways (TGW-01, TGW-12).",
      },
    ],
  },
  {
    id: "two-flow-log-records",
    concepts: ["F7", "F8"],
    rules: ["ORD-04", "ORD-05", "ORD-06", "PCX-20"],
    difficulty: 3,
    stem: `Which two statements about VPC Flow Logs records are true? ${CHOOSE_TWO}`,
    why: "ACCEPT and REJECT report the combined verdict of security groups and network ACLs, per network interface (ORD-04).",
    right: [
      {
        text: "A REJECT record does not say whether a security group or a network ACL refused the traffic",
        why: "The record gives the action, not the layer that decided it (ORD-06).",
      },
      {
        text: "If a network ACL blocks only the reply, the interface logs an ACCEPT and a REJECT for the flow",
        why: "The request is accepted and the reply rejected, so the flow shows two records (ORD-05).",
      },
    ],
    wrong: [
      {
        text: "An ACCEPT record reports the security group's verdict; network ACL verdicts are logged apart",
        why: "ACCEPT means the security groups and the network ACLs let the traffic through; there is no separate log (ORD-04).",
      },
      {
        text: "A request refused by the destination's security group logs an ACCEPT and then a REJECT",
        why: "A blocked request leaves a single REJECT record (ORD-05).",
      },
      {
        text: "You can create flow logs for a peer VPC that another account owns",
        why: "Only the account that owns the peer VPC can create its flow logs (PCX-20).",
      },
    ],
  },
  {
    id: "two-dx-gateway",
    concepts: ["V8", "V10"],
    rules: ["DX-01", "DX-02", "DX-03"],
    difficulty: 3,
    stem: `Which two statements about a Direct Connect gateway are true? ${CHOOSE_TWO}`,
    why: "A Direct Connect gateway is global and connects virtual interfaces to gateways, but not gateways to each other (DX-02, DX-03).",
    right: [
      {
        text: "It can be associated with virtual private gateways in several Regions",
        why: "A Direct Connect gateway is a global resource, not tied to one Region (DX-02).",
      },
      {
        text: "A transit virtual interface reaches transit gateways through it",
        why: "A transit virtual interface connects to transit gateways by way of a Direct Connect gateway (DX-01).",
      },
    ],
    wrong: [
      {
        text: "Two VPCs whose virtual private gateways are associated with it can send traffic to each other through it",
        why: "A Direct Connect gateway does not route between the gateways associated with it (DX-03).",
      },
      {
        text: "A public virtual interface uses it to reach the private IP addresses of VPCs",
        why: "A public virtual interface reaches AWS public endpoints; private addresses are reached over a private or transit virtual interface (DX-01).",
      },
      {
        text: "It can be associated only with gateways owned by its own AWS account",
        why: "Gateways of other accounts can be associated once their owners accept a proposal (DX-02).",
      },
    ],
  },
  {
    id: "two-sg-rules",
    concepts: ["S2", "P6"],
    rules: ["SG-01", "SG-03", "SG-06", "PCX-11"],
    difficulty: 3,
    stem: `Which two statements about security group rules are true? ${CHOOSE_TWO}`,
    why: "A new group admits nothing and lets everything out; a rule may name another group in its VPC or a same-Region peer (SG-03, SG-06).",
    right: [
      {
        text: "A new security group has no inbound rules and allows all outbound traffic",
        why: "A freshly created group admits nothing and allows all outbound traffic (SG-03).",
      },
      {
        text: "An inbound rule can name a security group of a peered VPC in the same Region",
        why: "Rules may reference groups of a same-Region peer VPC while the peering is active (SG-06, PCX-11).",
      },
    ],
    wrong: [
      {
        text: "An inbound rule can name a security group of a VPC peered from another Region",
        why: "Across Regions a rule cannot name the peer's group; it must use the peer's CIDR (PCX-11).",
      },
      {
        text: "A rule that names another security group copies that group's rules into this one",
        why: "A referenced group only matches the private addresses of its members; its rules are not copied (SG-06).",
      },
      {
        text: "A security group is attached to a subnet and filters all traffic entering the subnet",
        why: "Security groups attach to network interfaces, not subnets (SG-01).",
      },
    ],
  },
];
