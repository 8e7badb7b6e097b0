// The concept checklist, the source of truth for what the course must teach: each concept names the source notes
// it comes from (by their NNN prefix), whether a question family must assess it, and whether the notes are out of
// date on it. tests/content/coverage.test.ts fails when a concept is taught by no lesson.
// Concepts after the original checklist (P13 onwards, marked "course") come from the expert audit of December 2026
// and the Advanced Networking topics the source notes never covered.

export type ConceptGroupId = "peering" | "endpoints" | "flow-logs" | "gateways" | "filtering";

export type Concept = {
  readonly id: string;
  readonly group: ConceptGroupId;
  readonly text: string;
  readonly seeds: readonly string[];
  /** Marked Q: some question family must assess it. */
  readonly assessed: boolean;
  /** The note is out of date here; lessons teach the exam answer and what AWS does today. */
  readonly drift: boolean;
};

export const CONCEPTS: readonly Concept[] = [
  { id: "P1", group: "peering", text: "Peering joins two VPCs privately over the AWS network; instances talk as if on one network, no public internet, no NAT or VPN device in the path", seeds: ["000", "002", "003", "004"], assessed: true, drift: false },
  { id: "P2", group: "peering", text: "The two VPCs' CIDR blocks must not overlap or match (IPv4 or IPv6, primary or secondary)", seeds: ["000", "001", "002", "004"], assessed: true, drift: false },
  { id: "P3", group: "peering", text: "Peering is not transitive: A-B and B-C do not let A reach C through B", seeds: ["000", "001", "002", "004"], assessed: true, drift: false },
  { id: "P4", group: "peering", text: "Each side's subnet route tables need a route to the peer's CIDR with the peering connection as target; both directions", seeds: ["000", "001", "002", "003"], assessed: true, drift: false },
  { id: "P5", group: "peering", text: "Works within an account, across accounts and across regions (inter-region peering)", seeds: ["000", "001", "002", "003", "004"], assessed: true, drift: false },
  { id: "P6", group: "peering", text: "A security group may reference a security group of the peer VPC, same region only", seeds: ["000", "001", "002"], assessed: true, drift: false },
  { id: "P7", group: "peering", text: "Request/accept lifecycle: the requester asks, the accepter's owner has one week (7 days) to accept, else it expires", seeds: ["002", "003", "004"], assessed: true, drift: false },
  { id: "P8", group: "peering", text: "DNS resolution option: with it on, the peer's public DNS hostnames resolve to private IPs; without it traffic to those names goes out the public path", seeds: ["001", "002", "003"], assessed: true, drift: false },
  { id: "P9", group: "peering", text: "Inter-region peering traffic stays on the AWS backbone and is encrypted; no single point of failure or bandwidth bottleneck", seeds: ["001", "002", "003"], assessed: true, drift: false },
  { id: "P10", group: "peering", text: "Quotas on active and pending peerings per VPC; at most one peering connection between the same two VPCs", seeds: ["002"], assessed: true, drift: false },
  { id: "P11", group: "peering", text: "SGs and NACLs still filter peered traffic; SG rules may need updating for the peer's CIDR", seeds: ["001", "002", "003"], assessed: true, drift: false },
  { id: "P12", group: "peering", text: "Cross-region peering has extra limits (e.g. no SG referencing across regions)", seeds: ["001"], assessed: true, drift: false },
  { id: "E1", group: "endpoints", text: "Endpoints reach AWS services privately: no internet gateway, NAT device, public IP, VPN or Direct Connect needed", seeds: ["000", "002", "003", "004"], assessed: true, drift: false },
  { id: "E2", group: "endpoints", text: "Gateway endpoints exist only for Amazon S3 and DynamoDB", seeds: ["000", "001", "004"], assessed: true, drift: false },
  { id: "E3", group: "endpoints", text: "A gateway endpoint is a route-table target: the service's prefix list is the destination; no security groups", seeds: ["000", "001", "004"], assessed: true, drift: false },
  { id: "E4", group: "endpoints", text: "Gateway endpoints cost nothing", seeds: ["000"], assessed: true, drift: false },
  { id: "E5", group: "endpoints", text: "Gateway endpoints are highly available across AZs and regional: no cross-region service access", seeds: ["001"], assessed: true, drift: false },
  { id: "E6", group: "endpoints", text: "A gateway endpoint cannot be used from outside its VPC: not from on-premises (VPN/DX), not from a peered VPC", seeds: ["001"], assessed: true, drift: false },
  { id: "E7", group: "endpoints", text: "Endpoint policies limit what an endpoint can reach (e.g. some buckets); a bucket policy can allow access only through a given endpoint (prevents leaky buckets)", seeds: ["001", "003", "004"], assessed: true, drift: false },
  { id: "E8", group: "endpoints", text: "Interface endpoints use PrivateLink: an ENI with a private IP in a chosen subnet, protected by a security group", seeds: ["000", "001", "002", "003", "004"], assessed: true, drift: false },
  { id: "E9", group: "endpoints", text: "Interface endpoints are billed per hour and per GB processed", seeds: ["000"], assessed: true, drift: false },
  { id: "E10", group: "endpoints", text: "Interface endpoints are the choice for access from on-premises (VPN/DX), another VPC or another region", seeds: ["000"], assessed: true, drift: false },
  { id: "E11", group: "endpoints", text: "An interface endpoint lives in the subnets you pick: for HA, put one in each AZ", seeds: ["001"], assessed: true, drift: false },
  { id: "E12", group: "endpoints", text: "Interface endpoints carry TCP; the note says IPv4 only (**drift**: AWS has since added IPv6/dual-stack support)", seeds: ["001"], assessed: true, drift: true },
  { id: "E13", group: "endpoints", text: "Interface endpoints get their own regional and zonal DNS names; private DNS makes the service's default name resolve to the endpoint", seeds: ["001", "003"], assessed: true, drift: false },
  { id: "E14", group: "endpoints", text: "For endpoints to work, check the VPC's DNS settings (enableDnsSupport/enableDnsHostnames) and route tables", seeds: ["000"], assessed: true, drift: false },
  { id: "E15", group: "endpoints", text: "Endpoints are horizontally scaled, redundant, highly available", seeds: ["000", "002"], assessed: false, drift: false },
  { id: "E16", group: "endpoints", text: "Endpoint services (PrivateLink provider side): front your service with an NLB (or GWLB), consumers create an interface endpoint to it; acceptance and policies control access; the provider sees the NLB's private IPs (Proxy Protocol v2 carries the client address), so overlapping CIDRs between consumer and provider are fine; no endpoint policy applies to endpoints for non-AWS services", seeds: ["003"], assessed: true, drift: false },
  { id: "E17", group: "endpoints", text: "PrivateLink reaches AWS services, services in other accounts, and Marketplace services", seeds: ["003"], assessed: true, drift: false },
  { id: "E18", group: "endpoints", text: "Exam heuristic: S3/DynamoDB from inside the VPC in the same region: gateway endpoint (free, simple); anything else, or from on-prem/peer/other region: interface endpoint", seeds: ["000", "004"], assessed: true, drift: false },
  { id: "F1", group: "flow-logs", text: "Flow logs capture metadata about IP traffic, never packet contents", seeds: ["001"], assessed: true, drift: false },
  { id: "F2", group: "flow-logs", text: "Created for a VPC, a subnet or a single network interface (ENI); a wider one covers every ENI inside", seeds: ["000", "001", "004"], assessed: true, drift: false },
  { id: "F3", group: "flow-logs", text: "Not real time: records arrive after an aggregation interval", seeds: ["001"], assessed: true, drift: false },
  { id: "F4", group: "flow-logs", text: "Published to CloudWatch Logs or S3 (**drift**: also Kinesis Data Firehose today)", seeds: ["000", "001", "004"], assessed: true, drift: true },
  { id: "F5", group: "flow-logs", text: "They cover AWS-managed interfaces too: ELB, RDS, ElastiCache, Redshift, NAT gateway, transit gateway", seeds: ["000", "004"], assessed: true, drift: false },
  { id: "F6", group: "flow-logs", text: "Analysis: Athena over S3; CloudWatch Logs Insights; a metric filter + alarm that notifies through SNS", seeds: ["000"], assessed: true, drift: false },
  { id: "F7", group: "flow-logs", text: "Each record says ACCEPT or REJECT: whether security groups and network ACLs permitted the traffic", seeds: ["004"], assessed: true, drift: false },
  { id: "F8", group: "flow-logs", text: "Diagnosis: inbound request checks NACL in, SG in, then the response NACL out (SG out not checked, SGs are stateful); outbound request checks SG out, NACL out, then the response NACL in. A rejected response means a NACL problem; a rejected request can be SG or NACL", seeds: ["004"], assessed: true, drift: false },
  { id: "G1", group: "gateways", text: "Egress-only internet gateway: outbound-initiated (and its responses) only, for IPv6, because every IPv6 address is public; the IPv6 counterpart of a NAT gateway", seeds: ["001"], assessed: true, drift: false },
  { id: "G2", group: "gateways", text: "It is highly available across AZs and scales by itself", seeds: ["001"], assessed: false, drift: false },
  { id: "G3", group: "gateways", text: "Its route: ::/0 with the eigw as target", seeds: ["001"], assessed: true, drift: false },
  { id: "V1", group: "gateways", text: "Site-to-site VPN: an encrypted IPsec connection between on-premises and a VPC; each connection has two tunnels for availability", seeds: ["002", "003"], assessed: true, drift: false },
  { id: "V2", group: "gateways", text: "Customer gateway = the AWS resource describing your device; customer gateway device = the physical or software appliance on your side", seeds: ["002"], assessed: true, drift: false },
  { id: "V3", group: "gateways", text: "Virtual private gateway: the AWS side, attached to one VPC; its Amazon-side ASN defaults to 64512 and cannot change after creation", seeds: ["002", "003"], assessed: true, drift: false },
  { id: "V4", group: "gateways", text: "VPN limits per the note: no IPv6 (**drift**: TGW VPNs support IPv6 today), no path MTU discovery, on-premises CIDRs must not overlap the VPC's", seeds: ["002"], assessed: true, drift: true },
  { id: "V5", group: "gateways", text: "A VPN can be set up from the console, CLI, SDKs or Query API", seeds: ["002"], assessed: false, drift: false },
  { id: "V6", group: "gateways", text: "Transit gateway: a hub that connects many VPCs and on-premises networks (VPN/DX), with controlled, transitive routing through its route tables", seeds: ["002", "003"], assessed: true, drift: false },
  { id: "V7", group: "gateways", text: "Client VPN endpoint: users' laptops connect into the VPC; alternative: your own VPN server on EC2 (then lock down its SGs and firewalls)", seeds: ["003"], assessed: true, drift: false },
  { id: "V8", group: "gateways", text: "Direct Connect and Direct Connect gateway: dedicated private links from on-premises", seeds: ["003"], assessed: true, drift: false },
  { id: "S1", group: "filtering", text: "Security groups are stateful (responses are allowed back automatically), allow rules only, attached to ENIs; network ACLs are stateless (both directions need rules, ephemeral ports for responses), ordered by rule number, attached to subnets, with allow and deny", seeds: ["004"], assessed: true, drift: false },
  { id: "S2", group: "filtering", text: "Reaching something also needs its security group to allow the source (a CIDR or a referenced SG)", seeds: ["002", "003"], assessed: true, drift: false },
  { id: "P13", group: "peering", text: "MTU over peering: jumbo frames (9001) within a Region; inter-Region peering 1500 in older docs (**drift**: 8500 in current docs)", seeds: [], assessed: true, drift: true },
  { id: "E19", group: "endpoints", text: "Cross-Region PrivateLink: providers can enable their endpoint services for other Regions (2024), and some AWS services accept cross-Region interface endpoints (**drift**: 2025; older material says same Region only)", seeds: [], assessed: true, drift: true },
  { id: "F9", group: "flow-logs", text: "Flow-log set-up and delivery: ACCEPT/REJECT/ALL filter, IAM role for CloudWatch Logs, delivery delay, pkt-srcaddr/pkt-dstaddr for translated and secondary addresses, NODATA", seeds: [], assessed: true, drift: false },
  { id: "F10", group: "flow-logs", text: "Logs beyond flow logs: Traffic Mirroring for payloads, load balancer and CloudFront access logs for requests, CloudTrail for API calls, subscription filters streaming to Firehose or OpenSearch", seeds: [], assessed: true, drift: false },
  { id: "G4", group: "gateways", text: "NAT gateway availability: a zonal NAT gateway lives in one AZ (one per AZ for resilience) (**drift**: a regional NAT gateway spans AZs and needs no public subnet)", seeds: [], assessed: true, drift: true },
  { id: "G5", group: "gateways", text: "Public internet controls and cost (**drift**: every public IPv4 address is charged per hour since 2024; VPC Block Public Access blocks IGW/EIGW traffic and shows as BPA in reject-reason)", seeds: [], assessed: true, drift: true },
  { id: "V9", group: "gateways", text: "Path selection to on-premises: longest prefix, then Direct Connect over static VPN over BGP VPN, then AS_PATH and MED; AS_PATH prepending and local-preference communities steer it", seeds: [], assessed: true, drift: false },
  { id: "V10", group: "gateways", text: "Direct Connect design: VIF types and MTUs, Direct Connect gateway associations and quotas, SiteLink, resiliency models", seeds: [], assessed: true, drift: false },
  { id: "V11", group: "gateways", text: "Encryption in transit over Direct Connect: TLS already encrypts application traffic; VPN over Direct Connect or MACsec encrypt everything", seeds: [], assessed: true, drift: false },
  { id: "V12", group: "gateways", text: "Customer gateway side: behind NAT use the NAT's public IP with NAT-T; Private CA certificates remove the fixed-IP need; a second device for redundancy; ECMP and replies on either tunnel", seeds: [], assessed: true, drift: false },
  { id: "V13", group: "gateways", text: "Client VPN: client CIDR, target networks, route table and authorisation rules together decide reach; split tunnel", seeds: [], assessed: true, drift: false },
  { id: "V14", group: "gateways", text: "VPN tunnel bandwidth: 1.25 Gbps per Standard tunnel, ECMP on a transit gateway to scale (**drift**: 5 Gbps Large tunnels on a transit gateway or Cloud WAN)", seeds: [], assessed: true, drift: true },
  { id: "T1", group: "gateways", text: "Transit gateway route tables: one association, many propagations, longest prefix then static > prefix list > VPC > Direct Connect > Connect > VPN, blackhole routes", seeds: [], assessed: true, drift: false },
  { id: "T2", group: "gateways", text: "Appliance mode keeps both directions of a flow in one AZ of an inspection VPC attachment", seeds: [], assessed: true, drift: false },
  { id: "T3", group: "gateways", text: "VPC route tables do not learn transit gateway routes (propagation exists only for a VGW); add routes, e.g. with a customer-managed prefix list", seeds: [], assessed: true, drift: false },
  { id: "T4", group: "gateways", text: "Transit gateway peering (static routes, unique ASNs, no DNS) and sharing across accounts with AWS RAM (attachments accepted by the owner)", seeds: [], assessed: true, drift: false },
  { id: "T5", group: "gateways", text: "Centralised egress through an egress VPC; transit gateway pricing (per attachment-hour and per GB) against peering (no hourly or processing charge)", seeds: [], assessed: true, drift: false },
  { id: "T6", group: "gateways", text: "Security group references over a transit gateway (**drift**: since 2024 with referencing support enabled, inbound rules only, same Region)", seeds: [], assessed: true, drift: true },
  { id: "D1", group: "gateways", text: "VPC DNS: enableDnsSupport and enableDnsHostnames, the Route 53 Resolver at the VPC base +2 (and 169.254.169.253), DHCP option sets", seeds: [], assessed: true, drift: false },
  { id: "D2", group: "gateways", text: "Route 53 Resolver endpoints: inbound for on-premises to resolve VPC names, outbound with forwarding rules for VPCs to resolve on-premises names; rules shared with RAM", seeds: [], assessed: true, drift: false },
  { id: "D3", group: "gateways", text: "Private hosted zones associated with many VPCs and accounts (association authorisation), used for centralised interface endpoints", seeds: [], assessed: true, drift: false },
  { id: "I1", group: "filtering", text: "Gateway route tables (ingress routing): an edge association on an IGW or VGW sends incoming traffic to an appliance ENI or GWLB endpoint", seeds: [], assessed: true, drift: false },
  { id: "I2", group: "filtering", text: "Gateway Load Balancer and its endpoints: route-table targets that send traffic (GENEVE, UDP 6081) to a fleet of appliances", seeds: [], assessed: true, drift: false },
  { id: "I3", group: "filtering", text: "AWS Network Firewall and centralised versus distributed inspection", seeds: [], assessed: true, drift: false },
  { id: "R1", group: "flow-logs", text: "Reachability Analyzer: analyses configuration between a source and a destination without sending packets and names the blocking component", seeds: [], assessed: true, drift: false },
  { id: "R2", group: "flow-logs", text: "Network Access Analyzer: finds every path that matches a scope (e.g. internet to databases) to reveal unintended access", seeds: [], assessed: true, drift: false },
];

export const CONCEPT_GROUPS: readonly { readonly id: ConceptGroupId; readonly title: string }[] = [
  { id: "peering", title: "VPC peering" },
  { id: "endpoints", title: "VPC endpoints" },
  { id: "flow-logs", title: "Flow logs" },
  { id: "gateways", title: "Gateways, VPN and hybrid" },
  { id: "filtering", title: "Filtering" },
];

const byId = new Map(CONCEPTS.map((concept) => [concept.id, concept]));

export function findConcept(id: string): Concept | undefined {
  return byId.get(id);
}

export function isConceptId(id: string): boolean {
  return byId.has(id);
}
