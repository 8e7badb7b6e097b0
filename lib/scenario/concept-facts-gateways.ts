// Concept-check facts about flow logs, gateways, VPN and hybrid (concepts F*, G*, V*).
import type { Fact } from "./concept-fact";

export const GATEWAY_FACTS: readonly Fact[] = [
  {
    id: "flow-logs-content",
    concepts: ["F1", "F7"],
    rules: ["ORD-04"],
    difficulty: 1,
    stem: "What do VPC flow logs record?",
    right:
      "Metadata about IP traffic (addresses, ports, protocol, bytes, ACCEPT or REJECT), never packet contents",
    why: "Flow logs capture metadata, not payloads; each record says whether SGs and NACLs accepted the traffic (ORD-04).",
    wrong: [
      {
        text: "Full packet captures, headers and payloads, that you can download as pcap files and open in Wireshark",
        why: "Flow logs never hold packet contents (that is Traffic Mirroring).",
      },
      {
        text: "Only rejected traffic, with the security group or network ACL rule number that rejected each packet",
        why: "Records cover accepted and rejected traffic and do not name the rule or layer (ORD-06).",
      },
      {
        text: "HTTP request paths, headers and status codes per connection, with source and destination IPs",
        why: "Flow logs record IP-level metadata only.",
      },
    ],
  },
  {
    id: "flow-logs-scope",
    concepts: ["F2"],
    rules: ["ORD-04"],
    difficulty: 1,
    stem: "At which levels can you create a flow log?",
    right: "For a VPC, a subnet, or a single network interface; a wider one covers every ENI inside it",
    why: "Flow logs are captured per ENI; a VPC or subnet flow log covers every ENI inside (ORD-04).",
    wrong: [
      {
        text: "Only for a whole VPC; subnet or interface traffic is filtered later in the log query",
        why: "Subnet and ENI flow logs exist too.",
      },
      {
        text: "Only for EC2 instances, by installing the CloudWatch agent on each instance you launch",
        why: "Flow logs are a VPC feature per ENI; no agent is involved.",
      },
      {
        text: "For a security group, covering every network interface of all the instances that use that group",
        why: "Flow logs attach to VPCs, subnets or ENIs, not security groups.",
      },
    ],
  },
  {
    id: "flow-logs-latency",
    concepts: ["F3"],
    rules: [],
    difficulty: 1,
    stem: "An engineer wants to block an attacker within a second of the first packet by reading VPC flow logs. Why will that not work?",
    right: "Flow logs are not real time: records arrive after an aggregation interval",
    why: "Records are aggregated over an interval (up to 10 minutes, or 1 minute) before publishing.",
    wrong: [
      {
        text: "Flow logs only record accepted traffic, so the attacker's first packet is never logged",
        why: "Both ACCEPT and REJECT are recorded (ORD-04).",
      },
      {
        text: "Flow logs cannot be read programmatically, only in the console after the fact",
        why: "They are delivered to CloudWatch Logs, S3 or Firehose, all readable by programs.",
      },
      {
        text: "Flow logs are only kept for 24 hours, too short to match the attacker's address",
        why: "Retention is set by the destination, not by flow logs; the issue is the aggregation delay.",
      },
    ],
  },
  {
    id: "flow-logs-destinations",
    concepts: ["F4", "F6"],
    rules: [],
    difficulty: 2,
    stem: "Where can VPC flow logs be published, and how are they typically analysed?",
    right: "CloudWatch Logs, S3 or Amazon Data Firehose; analyse with Logs Insights, or Athena over S3",
    why: "CloudWatch Logs and S3 are the classic destinations; AWS has since added Firehose. Athena, Logs Insights and metric filters with SNS alarms analyse them.",
    wrong: [
      {
        text: "Only to a local log file on each instance's root volume, read with tcpdump or a CloudWatch agent that ships the file",
        why: "Flow logs are published by AWS to CloudWatch Logs, S3 or Firehose.",
      },
      {
        text: "Only to CloudTrail as network events, analysed with CloudTrail Lake queries or the CloudTrail event history console",
        why: "CloudTrail records API calls, not flow logs.",
      },
      {
        text: "CloudWatch Logs, DynamoDB or Amazon SQS; analyse with PartiQL queries or a Lambda consumer",
        why: "DynamoDB and SQS are not flow log destinations; CloudWatch Logs, S3 and Firehose are.",
      },
    ],
  },
  {
    id: "flow-logs-managed",
    concepts: ["F5"],
    rules: ["TGW-19"],
    difficulty: 2,
    stem: "Which interfaces do VPC flow logs cover?",
    right:
      "Every ENI in scope, including AWS-managed ones such as ELB, RDS, NAT gateway and transit gateway interfaces",
    why: "Managed services' ENIs are ENIs too; transit gateways have their own flow logs as well (TGW-19).",
    wrong: [
      {
        text: "Only ENIs attached to EC2 instances you launched; interfaces that AWS manages for ELB, RDS and NAT gateways are excluded",
        why: "Managed interfaces (ELB, RDS, NAT gateway, ...) are covered too.",
      },
      {
        text: "Only the internet gateway and the virtual private gateway, where traffic enters or leaves the VPC",
        why: "Flow logs are per ENI; an internet gateway or a virtual private gateway has no ENI.",
      },
      {
        text: "Only interfaces with a public IPv4 address or an IPv6 address, since private traffic never leaves the VPC",
        why: "Private interfaces are recorded too.",
      },
    ],
  },
  {
    id: "flow-logs-diagnosis-rule",
    concepts: ["F8"],
    rules: ["ORD-03", "ORD-05"],
    difficulty: 3,
    stem: "A flow log shows an inbound request ACCEPT and the matching response REJECT on the same ENI. Which component is wrong?",
    right: "A network ACL: SGs are stateful, so only a NACL can reject the response",
    why: "A rejected response can only be a NACL (stateless); a rejected request can be SG or NACL (ORD-03, ORD-05).",
    wrong: [
      {
        text: "The security group's outbound rules, which must allow the ephemeral ports",
        why: "SGs are stateful: responses to allowed inbound traffic leave regardless of outbound rules (SG-02).",
      },
      {
        text: "The route table, which has no return route, so the response is rejected",
        why: "A routing failure produces no REJECT record; REJECT means SGs or NACLs (ORD-04).",
      },
      {
        text: "The security group's inbound rules, which also filter the outgoing response",
        why: "The request was accepted, so inbound filtering allowed it, and security group rules never filter responses (SG-02).",
      },
    ],
  },
  {
    id: "eigw-purpose",
    concepts: ["G1"],
    rules: ["EIGW-01", "NAT-04"],
    difficulty: 1,
    stem: "Why does IPv6 need an egress-only internet gateway instead of a NAT gateway?",
    right:
      "IPv6 addresses are public, so an egress-only IGW allows outbound-initiated traffic and its responses only",
    why: "IPv6 addresses are public, so instances keep their own and need no address translation; what a private subnet needs is a gateway that lets the connections they start out and the replies back in while stopping hosts on the internet from opening connections to them, which the egress-only IGW does (EIGW-01).",
    wrong: [
      {
        text: "NAT gateways cost too much for IPv6 traffic, so AWS provides a cheaper gateway that does the same address translation",
        why: "Cost is not the reason, and an egress-only IGW translates nothing: IPv6 addresses are public and need no translation (EIGW-01). A NAT gateway translates IPv6 only as NAT64, letting IPv6-only clients reach IPv4 services through 64:ff9b::/96 (NAT-04).",
      },
      {
        text: "IPv6 addresses are public, so an egress-only IGW allows inbound-initiated connections and their responses only",
        why: "It allows outbound-initiated traffic only (EIGW-01).",
      },
      {
        text: "It translates the instances' IPv6 addresses into one shared public IPv6 address, as a NAT gateway does for IPv4",
        why: "No translation: IPv6 addresses are public and instances keep their own (EIGW-01).",
      },
    ],
  },
  {
    id: "eigw-route",
    concepts: ["G3"],
    rules: ["EIGW-01", "RT-04"],
    difficulty: 2,
    stem: "Which route sends a private subnet's IPv6 internet traffic through an egress-only internet gateway?",
    right: "::/0 → eigw-…",
    why: "The egress-only IGW route is ::/0 (or narrower IPv6) with the eigw as target (EIGW-01).",
    wrong: [
      {
        text: "0.0.0.0/0 → eigw-…",
        why: "0.0.0.0/0 covers IPv4 only; the eigw serves IPv6 (RT-04, EIGW-01).",
      },
      { text: "::/0 → nat-…", why: "A NAT gateway serves IPv4 (NAT-04); IPv6 egress-only uses the eigw." },
      {
        text: "::/0 → igw-…",
        why: "That makes the subnet reachable from the IPv6 internet too, not egress-only.",
      },
    ],
  },
  {
    id: "vpn-tunnels",
    concepts: ["V1"],
    rules: ["VPN-02"],
    difficulty: 1,
    stem: "What does one AWS Site-to-Site VPN connection consist of?",
    right: "An encrypted IPsec connection with two tunnels, each with its own public IP, for availability",
    why: "Every VPN connection has two tunnels; configure both (VPN-02).",
    wrong: [
      {
        text: "One IPsec tunnel with one public IP; add a second VPN connection for redundancy",
        why: "Each connection already has two tunnels (VPN-02).",
      },
      {
        text: "An unencrypted GRE tunnel over Direct Connect, with one tunnel per virtual interface",
        why: "Site-to-Site VPN is IPsec-encrypted over the internet.",
      },
      {
        text: "Four encrypted IPsec tunnels, one per Availability Zone, each with its own public IP",
        why: "There are two tunnels (VPN-02).",
      },
    ],
  },
  {
    id: "vpn-cgw",
    concepts: ["V2"],
    rules: ["VPN-01"],
    difficulty: 1,
    stem: "In AWS Site-to-Site VPN, what is the customer gateway?",
    right:
      "The AWS resource that describes your on-premises device; the device itself is the customer gateway device",
    why: "Customer gateway = AWS resource; customer gateway device = your appliance (VPN-01).",
    wrong: [
      {
        text: "The AWS-side VPN concentrator attached to your VPC, which terminates both tunnels of each VPN connection",
        why: "That is the virtual private gateway (VPN-01).",
      },
      {
        text: "A managed router that AWS ships to your data center and configures with the tunnel settings it downloads",
        why: "The device is yours; the customer gateway just describes it (VPN-01).",
      },
      {
        text: "The internet gateway that the VPN tunnels use to reach your VPC; the device on your side is the virtual private gateway",
        why: "The VPN terminates on a VGW or TGW, not the IGW, and the VGW is on the AWS side (VPN-01).",
      },
    ],
  },
  {
    id: "vgw-asn",
    concepts: ["V3"],
    rules: ["VPN-03"],
    difficulty: 2,
    stem: "What is true of a virtual private gateway's Amazon-side ASN?",
    right: "It defaults to 64512 and cannot be changed after the gateway is created",
    why: "VGW default ASN is 64512; it is fixed after creation (VPN-03).",
    wrong: [
      {
        text: "It defaults to 65000 and can be changed at any time, even on an attached gateway",
        why: "65000 is the API's default for a customer gateway, not the VGW's; the VGW ASN is fixed (VPN-03).",
      },
      {
        text: "It must be a public ASN registered to your company, set when the gateway is created",
        why: "A private ASN is fine; the default is 64512 (VPN-03).",
      },
      {
        text: "It defaults to 7224 for every new gateway and can be changed only while it is detached",
        why: "7224 was a legacy default before 2018; new VGWs default to 64512, and the ASN cannot be changed after creation (VPN-03).",
      },
    ],
  },
  {
    id: "vpn-limits",
    concepts: ["V4"],
    rules: ["VPN-07", "VPN-10"],
    difficulty: 3,
    stem: "Which limits apply to a Site-to-Site VPN that ends on a virtual private gateway?",
    right: "No IPv6 inside the tunnels, no Path MTU Discovery, and a tunnel MTU of at most 1446 bytes",
    why: "A VPN on a virtual private gateway carries IPv4 only (VPN-07), and Site-to-Site VPN has no Path MTU Discovery, with a 1446-byte MTU (VPN-10). A VPN attached to a transit gateway can carry IPv6 inside its tunnels.",
    wrong: [
      {
        text: "At most one tunnel per VPN connection, no BGP, and at most 10 static routes per connection",
        why: "Every VPN connection has two tunnels (VPN-02), can use BGP or static routes (VPN-04) and holds up to 100 static routes (VPN-11).",
      },
      {
        text: "No IPv6, and overlapping on-premises and VPC CIDRs are fine because the VPN translates them with NAT",
        why: "A Site-to-Site VPN does not translate addresses; AWS recommends non-overlapping CIDR blocks, because routes learned from a VPN never override the VPC's own range (RT-05).",
      },
      {
        text: "Jumbo frames of 9001 bytes are required on both tunnels, and path MTU discovery must be turned on for them",
        why: "VPN has no jumbo frames and no Path MTU Discovery; the tunnel MTU is 1446 bytes (VPN-10).",
      },
    ],
  },
  {
    id: "tgw-hub",
    concepts: ["V6"],
    rules: ["TGW-01", "TGW-02"],
    difficulty: 1,
    stem: "What does a transit gateway give you that VPC peering does not?",
    right:
      "A hub with transitive routing among many VPCs and on-premises networks, controlled by its route tables",
    why: "A TGW is a regional router; any attachment can reach any other if route tables allow (TGW-01, TGW-02).",
    wrong: [
      {
        text: "A way to connect VPCs with overlapping CIDRs without any NAT, because each attachment has its own route table",
        why: "Overlapping CIDRs are not propagated (TGW-10).",
      },
      {
        text: "Free data transfer between attached VPCs, since a transit gateway charges only per attachment-hour",
        why: "A transit gateway charges per attachment-hour and per GB processed.",
      },
      {
        text: "Security group references between VPCs in different Regions, through peered transit gateways",
        why: "SG referencing is not supported across TGW peering (TGW-13).",
      },
    ],
  },
  {
    id: "client-vpn",
    concepts: ["V7"],
    rules: [],
    difficulty: 2,
    stem: "Remote employees need their laptops to reach private instances in a VPC. Which managed service fits?",
    right: "An AWS Client VPN endpoint (or your own VPN server on EC2 with locked-down security groups)",
    why: "Client VPN connects users' devices into the VPC; a self-managed VPN server on EC2 is the alternative.",
    wrong: [
      {
        text: "A Site-to-Site VPN connection per laptop, each laptop acting as its own customer gateway device",
        why: "Site-to-Site VPN links networks via a customer gateway device, not individual laptops (VPN-01).",
      },
      {
        text: "A Direct Connect hosted connection to each employee's home, ordered through an AWS Partner",
        why: "Direct Connect is a dedicated link from a data center (DX-01).",
      },
      {
        text: "A gateway endpoint for each laptop, reached over the internet with the users' IAM credentials",
        why: "Gateway endpoints only reach S3 and DynamoDB from inside the VPC (GWE-01).",
      },
    ],
  },
  {
    id: "direct-connect",
    concepts: ["V8"],
    rules: ["DX-01", "DX-02"],
    difficulty: 2,
    stem: "What is a Direct Connect gateway for?",
    right:
      "Connecting on-premises over Direct Connect private or transit VIFs to VGWs or transit gateways, in any Region",
    why: "A DX gateway is global and associates with VGWs or TGWs (DX-01, DX-02).",
    wrong: [
      {
        text: "Routing traffic directly between the VPCs whose virtual private gateways are associated with it, in place of peering",
        why: "A DX gateway does not route between its associations (DX-03).",
      },
      {
        text: "Encrypting on-premises traffic to VPCs over the public internet with IPsec, as a managed alternative to Site-to-Site VPN",
        why: "Direct Connect is a dedicated private link; that describes VPN.",
      },
      {
        text: "Connecting Direct Connect VIFs to virtual private gateways only in the Region where the Direct Connect gateway was created",
        why: "A DX gateway is global (DX-02).",
      },
    ],
  },
];
