// Concept-check facts about VPC endpoints and PrivateLink (concepts E*). See concept-facts.ts for the shape.
import type { Fact } from "./concept-fact";

export const ENDPOINT_FACTS: readonly Fact[] = [
  {
    id: "endpoint-private",
    concepts: ["E1"],
    rules: ["GWE-01", "IFE-01"],
    difficulty: 1,
    stem: "What does an instance in a private subnet need to reach an AWS service through a VPC endpoint?",
    right:
      "Only the endpoint (and its route or DNS): no internet gateway, NAT device, public IP, VPN or Direct Connect",
    why: "Endpoints reach AWS services privately, without any internet path (GWE-01, IFE-01).",
    wrong: [
      {
        text: "A public IP on the instance, because endpoints forward to the service's public address over the AWS backbone",
        why: "Endpoint traffic stays private; no public IP is needed.",
      },
      {
        text: "A NAT gateway in a public subnet in front of the endpoint, which translates the instance's private IP for the service",
        why: "No NAT device is involved with endpoints.",
      },
      {
        text: "An internet gateway attached to the VPC, even if no route table uses it, because endpoints rely on it for DNS",
        why: "Endpoints need no internet gateway at all.",
      },
    ],
  },
  {
    id: "gateway-endpoint-services",
    concepts: ["E2"],
    rules: ["GWE-01"],
    difficulty: 1,
    stem: "For which services can you create a gateway VPC endpoint?",
    right: "Amazon S3 and Amazon DynamoDB only",
    why: "Gateway endpoints exist only for S3 and DynamoDB; every other service uses interface endpoints (GWE-01).",
    wrong: [
      {
        text: "Every AWS service that has a regional endpoint",
        why: "Only S3 and DynamoDB have gateway endpoints (GWE-01).",
      },
      {
        text: "Amazon S3, DynamoDB and Amazon SQS",
        why: "SQS is reached through an interface endpoint (GWE-01).",
      },
      { text: "Only Amazon S3", why: "DynamoDB has a gateway endpoint too (GWE-01)." },
    ],
  },
  {
    id: "gateway-endpoint-route",
    concepts: ["E3"],
    rules: ["GWE-02", "GWE-07"],
    difficulty: 2,
    stem: "How does traffic find a gateway endpoint?",
    right:
      "A route whose destination is the service's prefix list (pl-…) and whose target is the endpoint (vpce-…)",
    why: "Creating a gateway endpoint adds a prefix-list route to the chosen route tables; it has no security group (GWE-02).",
    wrong: [
      {
        text: "DNS resolves the service name to the endpoint's private IP in your subnet, so no route table change is needed",
        why: "That is how interface endpoints work; a gateway endpoint has no ENI or IP (GWE-02, IFE-03).",
      },
      {
        text: "A 0.0.0.0/0 route whose target is the endpoint (vpce-…), which replaces the NAT gateway route for every service",
        why: "The route's destination is the service prefix list, not the default route (GWE-02).",
      },
      {
        text: "The endpoint's security group admits traffic from the VPC CIDR, and the main route table is updated automatically",
        why: "Gateway endpoints have no security groups, and you choose the route tables that get the prefix-list route (GWE-02, E3).",
      },
    ],
  },
  {
    id: "gateway-endpoint-cost",
    concepts: ["E4", "E9"],
    rules: ["GWE-01", "IFE-07"],
    difficulty: 1,
    stem: "How are VPC endpoints priced?",
    right:
      "Gateway endpoints are free; interface endpoints are billed per hour (per AZ) and per GB processed",
    why: "Gateway endpoints cost nothing (GWE-01); interface endpoints bill hourly per AZ plus data processed (IFE-07).",
    wrong: [
      {
        text: "Both are billed per hour (per AZ) and per GB processed, at the same rate for every service",
        why: "Gateway endpoints are free (GWE-01).",
      },
      {
        text: "Both are free; only the data that the AWS service itself transfers out is billed, per GB, as usual",
        why: "Interface endpoints bill per hour and per GB (IFE-07).",
      },
      {
        text: "Gateway endpoints are billed per GB processed; interface endpoints are free in every Availability Zone",
        why: "It is the other way round (GWE-01, IFE-07).",
      },
    ],
  },
  {
    id: "gateway-endpoint-regional",
    concepts: ["E5"],
    rules: ["GWE-05"],
    difficulty: 2,
    stem: "An S3 gateway endpoint exists in a VPC in us-east-1. An instance there reads a bucket in eu-west-1. Which path does the request take?",
    right: "Not the endpoint: gateway endpoints are regional, so it needs the internet gateway or NAT path",
    why: "Gateway endpoints serve their own Region only; prefix lists are regional (GWE-05).",
    wrong: [
      {
        text: "The gateway endpoint, which forwards requests for any Region's buckets over the AWS backbone",
        why: "Gateway endpoints are regional: no cross-Region service access (GWE-05).",
      },
      {
        text: "The gateway endpoint, as long as the bucket policy in eu-west-1 allows the endpoint's ID",
        why: "Policies cannot make a regional endpoint reach another Region (GWE-05).",
      },
      {
        text: "An inter-Region VPC peering connection to eu-west-1 that the gateway endpoint creates for S3",
        why: "Endpoints create no peering; the request uses the internet path (GWE-05).",
      },
    ],
  },
  {
    id: "gateway-endpoint-outside",
    concepts: ["E6"],
    rules: ["GWE-06", "PCX-10"],
    difficulty: 2,
    stem: "Servers on premises reach a VPC over Site-to-Site VPN. The VPC has an S3 gateway endpoint. Can the on-premises servers use it?",
    right: "No: a gateway endpoint cannot be used from outside its VPC (VPN, Direct Connect or peering)",
    why: "Gateway endpoints are not extendable outside the VPC (GWE-06, PCX-10).",
    wrong: [
      {
        text: "Yes, if the VPN route table propagates the S3 prefix list to the on-premises router over BGP",
        why: "Traffic from outside the VPC cannot use a gateway endpoint at all (GWE-06).",
      },
      {
        text: "Yes, but only over Direct Connect with a private VIF, not over a Site-to-Site VPN connection",
        why: "Neither VPN nor Direct Connect can use a gateway endpoint (GWE-06).",
      },
      {
        text: "Yes, once the endpoint policy allows the on-premises CIDR as an aws:SourceIp condition",
        why: "Endpoint policies do not change where the endpoint can be used from (GWE-06, GWE-08).",
      },
    ],
  },
  {
    id: "endpoint-policy",
    concepts: ["E7"],
    rules: ["GWE-08"],
    difficulty: 2,
    stem: "How do you make sure a VPC's S3 endpoint can only reach your company's buckets, and a bucket is only reachable through that endpoint?",
    right:
      "An endpoint policy naming the allowed buckets, plus a bucket policy that allows access only through that endpoint (aws:SourceVpce)",
    why: "Endpoint policies limit what the endpoint can reach; bucket policies can require a given endpoint (GWE-08).",
    wrong: [
      {
        text: "A security group on the gateway endpoint that allows only the bucket's IP ranges, plus a bucket ACL that grants the VPC's CIDR",
        why: "Gateway endpoints have no security groups (GWE-02), and bucket ACLs grant to AWS accounts and groups, not CIDRs.",
      },
      {
        text: "A network ACL rule on the subnets that references the bucket names, plus S3 Block Public Access turned on for each bucket",
        why: "NACL rules take CIDRs only (ACL-07), and Block Public Access does not tie a bucket to an endpoint.",
      },
      {
        text: "An endpoint policy alone, because it replaces both the bucket policy and IAM policies for every request that goes through the endpoint",
        why: "An endpoint policy does not replace IAM or bucket policies (GWE-08).",
      },
    ],
  },
  {
    id: "interface-endpoint-eni",
    concepts: ["E8"],
    rules: ["IFE-01", "IFE-02"],
    difficulty: 1,
    stem: "What is an interface VPC endpoint?",
    right:
      "An ENI with a private IP in a subnet you choose, powered by PrivateLink and protected by a security group",
    why: "Interface endpoints place requester-managed ENIs in your subnets; SGs apply to them (IFE-01, IFE-02).",
    wrong: [
      {
        text: "A route-table target with the service's prefix list as destination, with no security group of its own",
        why: "That describes a gateway endpoint (GWE-02).",
      },
      {
        text: "A public IP address that AWS assigns to the service inside your VPC, protected by the subnet's network ACL",
        why: "The endpoint ENI has a private IP from your subnet (IFE-01).",
      },
      {
        text: "A VPC peering connection to the AWS service's own VPC, which AWS accepts automatically when you create it",
        why: "Interface endpoints use PrivateLink, not peering (IFE-01).",
      },
    ],
  },
  {
    id: "interface-endpoint-ha",
    concepts: ["E11"],
    rules: ["IFE-01"],
    difficulty: 2,
    stem: "How do you make an interface endpoint highly available?",
    right: "Place it in a subnet in each Availability Zone you use",
    why: "An interface endpoint lives only in the subnets you pick, at most one per AZ (IFE-01).",
    wrong: [
      {
        text: "Nothing: it automatically spans every AZ of the Region",
        why: "It exists only in the subnets you choose (IFE-01).",
      },
      {
        text: "Create two endpoints in the same subnet for failover",
        why: "High availability comes from one subnet per AZ (IFE-01).",
      },
      {
        text: "Place it in one subnet and turn on cross-zone load balancing, so that its network interface serves every Availability Zone",
        why: "Cross-zone load balancing is a Network Load Balancer setting on the provider's side; the endpoint itself has a network interface only in the subnets you choose, so a zone without one depends on another zone (IFE-01).",
      },
    ],
  },
  {
    id: "interface-endpoint-protocol",
    concepts: ["E12"],
    rules: ["IFE-06"],
    difficulty: 3,
    stem: "Older notes say interface endpoints are IPv4-only. Which IP address types can an interface endpoint use today?",
    right: "IPv4, IPv6 or dual-stack, when the chosen subnets and the service support that type",
    why: "2021-era material says IPv4 only. AWS added the IPv6 and dual-stack address types: an IPv6 endpoint needs IPv6-only subnets, a dual-stack one subnets with both ranges, and the service must accept that type (IFE-06).",
    wrong: [
      {
        text: "IPv4 only; IPv6 clients must reach the service through a NAT gateway with NAT64",
        why: "That was the 2021 answer. IPv6 and dual-stack endpoint address types exist today (IFE-06).",
      },
      {
        text: "Dual-stack only: every endpoint network interface always gets both an IPv4 and an IPv6 address",
        why: "The address type is a choice (IPv4, IPv6 or dual-stack), limited by the subnets' ranges and what the service accepts (IFE-06).",
      },
      {
        text: "IPv6 only, because PrivateLink uses link-local addresses inside the subnet",
        why: "Endpoint network interfaces get addresses from the subnet's ranges, and they started IPv4-only; IPv6 came later (IFE-06).",
      },
    ],
  },
  {
    id: "interface-endpoint-dns",
    concepts: ["E13", "E14"],
    rules: ["IFE-03", "GWE-09"],
    difficulty: 2,
    stem: "With private DNS enabled on an interface endpoint, what does the service's default DNS name resolve to, and what must the VPC have?",
    right: "The endpoint's private IPs; the VPC needs enableDnsSupport and enableDnsHostnames",
    why: "Private DNS makes the default name resolve to the endpoint ENIs and needs both VPC DNS attributes (IFE-03).",
    wrong: [
      {
        text: "The service's public IPs; the VPC needs an internet gateway and enableDnsSupport",
        why: "Private DNS resolves to the endpoint's private IPs (IFE-03).",
      },
      {
        text: "The endpoint's private IPs; the VPC must have DNS support turned off",
        why: "Both DNS attributes must be enabled (IFE-03).",
      },
      {
        text: "Only the zonal endpoint names resolve; the default name never changes",
        why: "Private DNS rewrites the default name; regional and zonal names also exist (IFE-03).",
      },
    ],
  },
  {
    id: "endpoint-service",
    concepts: ["E16"],
    rules: ["EPS-01", "EPS-02", "EPS-03"],
    difficulty: 3,
    stem: "You want customers in other accounts, whose VPC CIDRs overlap yours, to reach your service privately. What do you build?",
    right:
      "An endpoint service fronted by a Network Load Balancer; customers create interface endpoints to it",
    why: "PrivateLink endpoint services sit behind an NLB; the provider sees the NLB's private IPs, never consumer addresses, so overlapping CIDRs are fine (EPS-01, EPS-03).",
    wrong: [
      {
        text: "A VPC peering connection with each customer, with a NAT rule on each side for the overlap",
        why: "Peering needs non-overlapping CIDRs and performs no NAT (PCX-03).",
      },
      {
        text: "A gateway endpoint fronted by a Network Load Balancer, which customers add to their route tables",
        why: "Gateway endpoints exist only for S3 and DynamoDB (GWE-01).",
      },
      {
        text: "A transit gateway shared with the customers through AWS RAM, with route propagation enabled",
        why: "Overlapping CIDRs are not propagated on a transit gateway (TGW-10).",
      },
    ],
  },
  {
    id: "privatelink-targets",
    concepts: ["E17"],
    rules: ["EPS-01"],
    difficulty: 2,
    stem: "What can you reach through AWS PrivateLink interface endpoints?",
    right:
      "AWS services, services in other AWS accounts (endpoint services), and AWS Marketplace partner services",
    why: "PrivateLink reaches AWS services, other accounts' endpoint services and Marketplace services (EPS-01).",
    wrong: [
      {
        text: "Only AWS services in the same Region, such as Amazon EC2, Amazon SQS and AWS KMS, never other accounts' services",
        why: "Endpoint services of other accounts and Marketplace services work too (EPS-01).",
      },
      {
        text: "Any website on the internet, through a managed forward proxy that AWS runs behind each interface endpoint",
        why: "PrivateLink reaches services published as endpoint services, not arbitrary websites.",
      },
      {
        text: "Only Amazon S3 and Amazon DynamoDB, the two services that also offer gateway endpoints",
        why: "That is the list for gateway endpoints (GWE-01).",
      },
    ],
  },
  {
    id: "endpoint-heuristic",
    concepts: ["E18", "E10"],
    rules: ["GWE-01", "GWE-06", "IFE-04"],
    difficulty: 1,
    stem: "What is the exam rule of thumb for choosing between gateway and interface endpoints?",
    right:
      "S3 or DynamoDB from a VPC in the same Region: a gateway endpoint in that VPC; other services, on-premises clients, shared central endpoints or other Regions: interface",
    why: "Gateway endpoints are free but only for S3/DynamoDB and only for traffic starting in their own VPC, so each same-Region VPC gets its own (GWE-01, GWE-06); interface endpoints are reachable from outside (IFE-04).",
    wrong: [
      {
        text: "Always interface endpoints for every service, because gateway endpoints are deprecated and no longer receive new features in any Region",
        why: "Gateway endpoints are current and free (GWE-01).",
      },
      {
        text: "Gateway endpoints for on-premises clients and shared central access; interface endpoints for S3 or DynamoDB used from instances inside the same VPC",
        why: "Gateway endpoints cannot be used from on-premises (GWE-06).",
      },
      {
        text: "Gateway endpoints for every AWS service in the same Region; interface endpoints only for AWS Marketplace partner services, on-premises clients and access from other Regions",
        why: "Gateway endpoints exist only for S3 and DynamoDB (GWE-01).",
      },
    ],
  },
];
