// Concept-check facts for the Advanced Networking topics the seed notes never covered (hybrid routing and Direct
// Connect, transit gateway design, hybrid DNS, inspection, troubleshooting tools) and for AWS changes since the notes
// (drift concepts). Keys checked against the current AWS guides named in each lesson's sources.
import type { Fact } from "./concept-fact";

const HYBRID_FACTS: readonly Fact[] = [
  {
    id: "vgw-path-selection",
    concepts: ["V9"],
    rules: ["VPN-06", "DX-07"],
    difficulty: 3,
    stem: "A VGW learns 10.20.0.0/16 over Direct Connect (BGP), over a static VPN and over a BGP VPN. On-premises also advertises 10.20.5.0/24 over the BGP VPN only. Which path does traffic to 10.20.5.9 take?",
    right: "The BGP VPN, because the /24 is the longest matching prefix",
    why: "Longest prefix is evaluated first; only for identical prefixes does Direct Connect beat static VPN, which beats BGP VPN (VPN-06).",
    wrong: [
      {
        text: "Direct Connect, because Direct Connect routes are always preferred",
        why: "Origin only breaks ties between identical prefixes; the /24 wins by length (VPN-06).",
      },
      {
        text: "The static VPN, because static routes beat BGP routes",
        why: "Static beats BGP only for the same prefix; the /24 is more specific (VPN-06).",
      },
      {
        text: "Traffic is split evenly across all three paths",
        why: "The VGW picks one best route per prefix; the /24 over the BGP VPN wins.",
      },
    ],
  },
  {
    id: "dx-local-preference",
    concepts: ["V9"],
    rules: ["DX-07", "VPN-06"],
    difficulty: 2,
    stem: "Two Direct Connect connections reach the same VPCs. How do you make AWS send return traffic over connection A and keep B as standby?",
    right:
      "Tag the prefixes advertised over A with the local-preference community 7224:7300 and those over B with 7224:7100",
    why: "Local-preference communities (7224:7100 low, 7224:7200 medium, 7224:7300 high) on private and transit VIFs steer AWS's choice and are evaluated before AS_PATH (DX-07).",
    wrong: [
      {
        text: "Tag the prefixes advertised over A with the community 7224:9300 and those over B with 7224:9100",
        why: "7224:9100/9200/9300 are scope communities for public VIFs, not local preference.",
      },
      {
        text: "Give connection A the lower MTU and advertise a longer AS path over A than over B",
        why: "MTU has no effect on BGP path selection, and a longer AS path makes A less preferred, not more.",
      },
      {
        text: "Nothing: AWS always splits traffic across Direct Connect connections in proportion to their bandwidth",
        why: "AWS follows BGP attributes; local preference is the tool to prefer one connection (DX-07).",
      },
    ],
  },
  {
    id: "dx-design",
    concepts: ["V10"],
    rules: ["DX-02", "DX-03", "DX-05"],
    difficulty: 2,
    stem: "Which statement about Direct Connect design is correct?",
    right:
      "A Direct Connect gateway is global, reaches VGWs in many Regions but does not route between the VPCs associated with it",
    why: "The DX gateway is global (DX-02) and connects on-premises to each association, not associations to each other (DX-03); it takes up to 20 VGWs (DX-05).",
    wrong: [
      {
        text: "A private virtual interface attached directly to a VGW reaches VPCs in every Region, so no Direct Connect gateway is needed",
        why: "A private VIF on a VGW reaches that VGW's VPC in the same Region; a DX gateway is needed for other Regions (DX-01, DX-02).",
      },
      {
        text: "A Direct Connect gateway is global, reaches VGWs in many Regions and routes between all VPCs associated with it",
        why: "It does not route between its associations (DX-03).",
      },
      {
        text: "The maximum resiliency model is two connections on separate devices at one location",
        why: "That is the development-and-test model; maximum resiliency uses two locations with two connections each.",
      },
    ],
  },
  {
    id: "dx-mtu",
    concepts: ["V10", "V14"],
    rules: ["DX-06", "TGW-16", "VPN-10"],
    difficulty: 3,
    stem: "Which maximum packet sizes (MTU) match each path?",
    right: "Private VIF 8500, transit VIF 8500, VPN tunnel 1446",
    why: "Private and transit virtual interfaces can be set to 8500-byte jumbo frames, 1500 by default (DX-06, TGW-16; pages written before the change gave 9001 for private VIFs), and a VPN tunnel's MTU is 1446 with MSS 1406 (VPN-10).",
    wrong: [
      {
        text: "Private VIF 1500 only, transit VIF 9001, VPN tunnel 1500",
        why: "Private VIFs take jumbo frames too, transit VIFs stop at 8500 and VPN tunnels at 1446 (DX-06, TGW-16, VPN-10).",
      },
      {
        text: "Every path supports 9001 because it stays on the AWS backbone",
        why: "Virtual interfaces stop at 8500 and VPN tunnels at 1446 (DX-06, TGW-16, VPN-10).",
      },
      {
        text: "Private VIF 8500, transit VIF 1500 only, VPN tunnel 9001",
        why: "Transit VIFs take 8500-byte jumbo frames as private VIFs do, and a VPN tunnel has no jumbo frames: its MTU is 1446 (TGW-16, VPN-10).",
      },
    ],
  },
  {
    id: "dx-encryption",
    concepts: ["V11"],
    rules: [],
    difficulty: 3,
    stem: "A company sends data to Amazon S3 over a Direct Connect public VIF using the AWS SDK (HTTPS). Auditors require encryption in transit. What is needed?",
    right:
      "Nothing more for these calls: HTTPS already encrypts the data in transit over the Direct Connect link",
    why: "Direct Connect is not encrypted by itself, but TLS encrypts the application traffic; a VPN over Direct Connect or MACsec is needed only when all IP traffic must be encrypted.",
    wrong: [
      {
        text: "A Site-to-Site VPN over the public VIF, because Direct Connect traffic is never encrypted",
        why: "The HTTPS calls are already encrypted by TLS; a VPN is for encrypting all IP traffic.",
      },
      {
        text: "MACsec, because it is the only way to encrypt anything over Direct Connect",
        why: "TLS already encrypts these calls; MACsec encrypts the link itself on supported dedicated connections.",
      },
      {
        text: "Move the traffic to an S3 gateway endpoint, which encrypts everything sent over the Direct Connect link",
        why: "A gateway endpoint cannot be used from on-premises (GWE-06) and is not an encryption feature.",
      },
    ],
  },
  {
    id: "cgw-behind-nat",
    concepts: ["V12"],
    rules: ["VPN-01", "VPN-02"],
    difficulty: 3,
    stem: "The on-premises VPN device sits behind a NAT router whose public IP is 198.51.100.7. How do you create the customer gateway?",
    right: "Use 198.51.100.7, the NAT device's public IP, and allow UDP 500 and UDP 4500 (NAT traversal)",
    why: "Behind NAT, the customer gateway uses the NAT device's IP, and IKE (UDP 500) and NAT-T (UDP 4500) must pass (VPN-01).",
    wrong: [
      {
        text: "Use the device's private IP, because AWS connects through the NAT automatically",
        why: "The customer gateway needs the NAT device's public IP (or certificate authentication).",
      },
      {
        text: "It cannot be done: Site-to-Site VPN does not work behind NAT, even with UDP 500 and 4500 open",
        why: "NAT traversal is supported; UDP 4500 must be allowed.",
      },
      {
        text: "Use 198.51.100.7 and open TCP 443 only, because the IPsec tunnels run inside HTTPS through the NAT",
        why: "IPsec uses UDP 500 and, with NAT traversal, UDP 4500; not TCP 443.",
      },
    ],
  },
  {
    id: "cgw-certificate",
    concepts: ["V12"],
    rules: ["VPN-02"],
    difficulty: 2,
    stem: "A branch office gets a new public IP from its ISP every few days. How can it keep a Site-to-Site VPN, and what protects it against its own router failing?",
    right:
      "Certificate authentication with a private certificate from AWS Private CA (no fixed IP needed), plus a second customer gateway device with its own VPN connection",
    why: "With a Private CA certificate the customer gateway needs no IP address; the two tunnels protect the AWS side, a second device protects yours (VPN-02).",
    wrong: [
      {
        text: "Pre-shared keys with the customer gateway IP address left blank, which AWS then learns from IKE; the connection's second tunnel covers a failure of the branch router",
        why: "Without a certificate the customer gateway needs a static IP, and both tunnels end on the same failed device.",
      },
      {
        text: "AWS Client VPN instead of Site-to-Site VPN, since it requires a static public IP at the branch, plus a second Client VPN endpoint in another Availability Zone",
        why: "Client VPN is for users' devices, not a site, and a second device is still needed to survive the branch router failing.",
      },
      {
        text: "Nothing extra: a VPN connection follows the customer gateway's new public IP automatically through IKE dead peer detection, and its two tunnels cover a router failure",
        why: "The customer gateway's IP is fixed unless certificate authentication is used, and both tunnels end on the same failed device.",
      },
    ],
  },
  {
    id: "client-vpn-reach",
    concepts: ["V13", "V7"],
    rules: [],
    difficulty: 2,
    stem: "Users connected to a Client VPN endpoint cannot reach an on-premises network behind the VPC's Site-to-Site VPN. The endpoint's subnet association works. What is missing?",
    right:
      "A route for the on-premises CIDR in the Client VPN route table and an authorisation rule that allows that CIDR",
    why: "Clients reach what the endpoint's route table and authorisation rules allow, not just the associated subnets.",
    wrong: [
      {
        text: "A second target network association for a subnet in the on-premises network, so the endpoint has an interface there",
        why: "Target networks are VPC subnets that host the endpoint's interfaces; they cannot be on-premises.",
      },
      {
        text: "Nothing can help: a Client VPN endpoint only ever reaches the subnets associated with it, not networks beyond the VPC",
        why: "Clients can reach peered VPCs, on-premises networks or the internet with routes and authorisation rules.",
      },
      {
        text: "A larger client CIDR of /8, so the client addresses can cover the on-premises range as well as the VPC",
        why: "The client CIDR must be between /12 and /22 and is not the problem.",
      },
    ],
  },
  {
    id: "vpn-large-tunnels",
    concepts: ["V14"],
    rules: ["VPN-10", "TGW-15"],
    difficulty: 2,
    stem: "A single Site-to-Site VPN must carry about 4 Gbps. What does current AWS offer?",
    right:
      "A Large tunnel (up to 5 Gbps) on a VPN attached to a transit gateway or Cloud WAN, or ECMP across several tunnels with BGP on a transit gateway",
    why: "Standard tunnels carry 1.25 Gbps (VPN-10); Large 5 Gbps tunnels exist for transit gateway and Cloud WAN VPNs; ECMP needs a transit gateway with BGP (TGW-15).",
    wrong: [
      {
        text: "A Large tunnel (up to 5 Gbps) on a VPN attached to a virtual private gateway; transit gateways support only standard 1.25 Gbps tunnels",
        why: "Large tunnels are not available on a virtual private gateway; they are for transit gateway and Cloud WAN VPNs.",
      },
      {
        text: "Nothing: every VPN tunnel is limited to 1.25 Gbps, and ECMP across tunnels is not possible on any gateway type",
        why: "ECMP on a transit gateway and Large tunnels both raise throughput.",
      },
      {
        text: "Enable jumbo frames (9001 MTU) on the tunnels so that each standard 1.25 Gbps tunnel carries more data per packet",
        why: "VPN tunnels do not support jumbo frames (VPN-10).",
      },
    ],
  },
];

const TRANSIT_FACTS: readonly Fact[] = [
  {
    id: "tgw-route-priority",
    concepts: ["T1"],
    rules: ["TGW-07", "TGW-08"],
    difficulty: 2,
    stem: "A transit gateway route table has 10.50.0.0/16 as a static route to attachment A and as a route propagated from a VPN. Which one is used?",
    right: "The static route to attachment A",
    why: "For the same prefix the transit gateway prefers static, then prefix-list, VPC, Direct Connect, Connect and VPN routes (TGW-07).",
    wrong: [
      {
        text: "The VPN route, because propagated routes are newer",
        why: "Static beats propagated for the same prefix (TGW-07).",
      },
      {
        text: "Both, with ECMP between them",
        why: "For the same prefix only the preferred route is used, and static beats propagated (TGW-07).",
      },
      {
        text: "Neither: duplicate prefixes turn the route into a blackhole",
        why: "A blackhole is an explicit route state, not the result of overlap (TGW-08).",
      },
    ],
  },
  {
    id: "tgw-appliance-mode",
    concepts: ["T2"],
    rules: ["TGW-11"],
    difficulty: 3,
    stem: "Spoke VPCs send traffic through a transit gateway to stateful firewalls in an inspection VPC spread over two AZs. Some connections fail because replies are dropped. What fixes it?",
    right: "Enable appliance mode on the inspection VPC's transit gateway attachment",
    why: "Appliance mode keeps both directions of a flow on one AZ of the attachment, so the same firewall sees request and reply (TGW-11).",
    wrong: [
      {
        text: "Enable appliance mode on every spoke VPC attachment instead of the inspection VPC's",
        why: "It is the inspection VPC's attachment that must pin flows (TGW-11).",
      },
      {
        text: "Add a blackhole route for the spoke CIDRs in the inspection route table",
        why: "A blackhole drops traffic; it does not fix asymmetric paths (TGW-08).",
      },
      {
        text: "Turn on ECMP for the VPC attachments so each flow keeps to one AZ",
        why: "ECMP is for VPN attachments and would not make flows symmetric (TGW-15).",
      },
    ],
  },
  {
    id: "tgw-vpc-routes",
    concepts: ["T3"],
    rules: ["TGW-06", "VPN-05"],
    difficulty: 2,
    stem: "Forty VPCs are attached to a transit gateway that learns 30 on-premises prefixes over Direct Connect. How do the VPCs' subnet route tables get routes to those prefixes?",
    right:
      "You add them yourself, e.g. one route per table to a shared customer-managed prefix list, with the transit gateway as target",
    why: "VPC route tables never learn transit gateway routes; propagation exists only for a VGW (TGW-06, VPN-05). A prefix list keeps one route per table.",
    wrong: [
      {
        text: "Turn on route propagation from the transit gateway in each subnet route table, as you would for a virtual private gateway",
        why: "VPC route propagation exists only for virtual private gateways (VPN-05).",
      },
      {
        text: "They appear automatically in every subnet route table once each VPC attachment is associated",
        why: "Association affects the transit gateway's own tables, not VPC tables (TGW-06).",
      },
      {
        text: "Attach a virtual private gateway to each VPC as well and propagate its BGP-learned routes into the subnet route tables",
        why: "The traffic should use the transit gateway; a VGW would be a separate, unused path.",
      },
    ],
  },
  {
    id: "tgw-peering-sharing",
    concepts: ["T4"],
    rules: ["TGW-12"],
    difficulty: 2,
    stem: "Which statement about transit gateways across Regions and accounts is correct?",
    right:
      "Peering attachments carry only static routes, and other accounts attach their VPCs after the transit gateway is shared with AWS RAM",
    why: "Routes to a peering attachment are static only (TGW-12); RAM shares the transit gateway so other accounts can create attachments that the owner accepts.",
    wrong: [
      {
        text: "Peered transit gateways exchange routes with BGP automatically, and other accounts attach their VPCs after sharing through AWS RAM",
        why: "Transit gateway peering supports static routes only (TGW-12).",
      },
      {
        text: "The peer's EC2 DNS hostnames resolve to private IPs across a transit gateway peering, and peering attachments carry both static and propagated routes",
        why: "Transit gateway peering has no option to resolve the other side's EC2 hostnames to private IPs, and peering attachments take static routes only (TGW-12).",
      },
      {
        text: "Peering attachments carry only static routes, and another account attaches by creating a peering connection to the transit gateway",
        why: "It needs the transit gateway shared through RAM, then a VPC attachment.",
      },
    ],
  },
  {
    id: "tgw-egress-cost",
    concepts: ["T5"],
    rules: ["TGW-18", "NAT-06", "PCX-18"],
    difficulty: 3,
    stem: "Which statement about centralised egress and cost is correct?",
    right:
      "Spoke VPCs can reach an egress VPC's NAT gateways through a transit gateway, billed per attachment-hour and per GB; VPC peering has no hourly charge",
    why: "Centralised egress works through a transit gateway (TGW-18), unlike peering (NAT-06); peering charges only data transfer across AZs or Regions (PCX-18).",
    wrong: [
      {
        text: "Spoke VPCs can use an egress VPC's NAT gateway over VPC peering, which avoids the transit gateway's attachment-hour and per-GB charges",
        why: "A NAT gateway cannot be used over peering (NAT-06, PCX-10).",
      },
      {
        text: "A transit gateway has no hourly or per-GB charge for VPC attachments, while every VPC peering connection is billed per hour, so peering always costs more",
        why: "The transit gateway charges per attachment-hour and per GB; peering has no hourly charge.",
      },
      {
        text: "Centralised egress still needs an internet gateway and a NAT gateway in every spoke VPC, so it saves nothing over one NAT gateway per VPC",
        why: "Spokes route 0.0.0.0/0 to the transit gateway and need no internet gateway (TGW-18).",
      },
    ],
  },
  {
    id: "tgw-sg-referencing",
    concepts: ["T6"],
    rules: ["TGW-13", "SG-06"],
    difficulty: 2,
    stem: "Two VPCs in one Region move from peering to a transit gateway. Can the database security group keep allowing the application's security group by reference?",
    right:
      "Yes, for inbound rules, once security group referencing support is enabled on the transit gateway and the VPC attachments",
    why: "Since 2024 SG references work across a transit gateway with referencing enabled (off by default), inbound only, not across TGW peering (TGW-13).",
    wrong: [
      {
        text: "No, security group references only ever work within one VPC or across a VPC peering connection, never through a transit gateway",
        why: "That was the rule before 2024; TGW referencing support exists now (TGW-13).",
      },
      {
        text: "Yes, automatically for inbound and outbound rules, because both VPCs are attached to the same transit gateway",
        why: "It must be enabled, and it applies to inbound rules only (TGW-13).",
      },
      {
        text: "Yes, and it even works for VPCs in other Regions, once referencing support is enabled on both peered transit gateways",
        why: "Referencing does not work across transit gateway peering (TGW-13).",
      },
    ],
  },
];

const DNS_FACTS: readonly Fact[] = [
  {
    id: "vpc-dns-basics",
    concepts: ["D1"],
    rules: ["VPC-03", "SG-08"],
    difficulty: 1,
    stem: "Where does an instance in VPC 10.0.0.0/16 reach the Amazon-provided DNS resolver?",
    right: "At 10.0.0.2 (the VPC base plus two) or 169.254.169.253",
    why: "The Route 53 Resolver answers at the primary CIDR's base +2 and at 169.254.169.253 (VPC-03); SGs and NACLs do not filter it (SG-08).",
    wrong: [
      {
        text: "At 10.0.0.1 (the VPC base plus one), the VPC router",
        why: "Base +1 is the VPC router; the resolver is at base +2 (VPC-03).",
      },
      {
        text: "At 8.8.8.8, reached through the VPC's internet gateway",
        why: "The Amazon resolver is inside the VPC and needs no internet gateway.",
      },
      {
        text: "At 10.0.0.3 (the VPC base plus three) or 169.254.169.254",
        why: "Base +3 is reserved for future use and 169.254.169.254 is the instance metadata service; the resolver is at base +2 or 169.254.169.253.",
      },
    ],
  },
  {
    id: "dhcp-options",
    concepts: ["D1"],
    rules: [],
    difficulty: 2,
    stem: "A team points the VPC's DHCP option set at its own DNS servers. Afterwards, names in the VPC's private hosted zone stop resolving. Why?",
    right:
      "Instances now query the custom servers, which cannot resolve the private hosted zone unless they forward that domain to the Route 53 Resolver",
    why: "The option set's domain-name-servers decides which resolver instances use; private hosted zones are answered only by the VPC's Resolver.",
    wrong: [
      {
        text: "Changing the DHCP option set removes the private hosted zone's association with the VPC, so the zone must be associated again",
        why: "The zone and its association are untouched; instances simply stop asking the Resolver.",
      },
      {
        text: "A DHCP option set with custom DNS servers turns off enableDnsSupport, which stops the Route 53 Resolver at the VPC+2 address",
        why: "The attribute is separate; the resolver still runs, but instances do not query it.",
      },
      {
        text: "Custom DNS servers are not allowed in a DHCP option set, only AmazonProvidedDNS, so the VPC fell back to public DNS resolvers",
        why: "Up to four custom servers can be set in an option set.",
      },
    ],
  },
  {
    id: "resolver-endpoints",
    concepts: ["D2"],
    rules: ["VPC-06"],
    difficulty: 2,
    stem: "On-premises servers must resolve names in a Route 53 private hosted zone, and EC2 instances must resolve corp.example.com hosted on-premises. What do you build?",
    right:
      "An inbound Resolver endpoint for the on-premises forwarders, and an outbound endpoint with a forwarding rule for corp.example.com",
    why: "Inbound endpoints receive queries from your network; outbound endpoints send queries that match forwarding rules to your DNS servers. The VPC+2 resolver serves queries from inside the VPC; forwarding to it from on premises is not supported (VPC-06).",
    wrong: [
      {
        text: "Point the on-premises DNS servers at the VPC's +2 resolver address over the VPN, and list the corp.example.com servers in a DHCP option set",
        why: "Forwarding on-premises queries to a VPC's +2 address is not supported; AWS points to an inbound endpoint instead (VPC-06).",
      },
      {
        text: "An outbound Resolver endpoint for the on-premises queries, and an inbound endpoint with a forwarding rule for corp.example.com",
        why: "The directions are reversed: queries from your network come in through an inbound endpoint, and forwarding rules send VPC queries out through an outbound endpoint (VPC-06).",
      },
      {
        text: "A DHCP option set listing both the Amazon-provided DNS server and the on-premises DNS servers, in that order",
        why: "An option set changes what instances query; it gives on-premises servers no way into the VPC's private zones, which they reach through an inbound endpoint (VPC-06).",
      },
    ],
  },
  {
    id: "phz-cross-account",
    concepts: ["D3"],
    rules: ["IFE-03"],
    difficulty: 3,
    stem: "Interface endpoints live in a shared-services account's VPC with private DNS disabled. How do spoke VPCs in other accounts resolve the service names to those endpoints?",
    right:
      "A private hosted zone per service name with an alias to the endpoint, associated with each spoke VPC after the zone owner authorises the association",
    why: "Private DNS would serve only the endpoint's own VPC (IFE-03); a shared private hosted zone, associated across accounts with an authorisation, serves the spokes.",
    wrong: [
      {
        text: "Enable private DNS on the endpoints in the shared-services VPC; the AWS-managed private hosted zone then covers every VPC attached to the same transit gateway",
        why: "The AWS-managed private zone applies only to the endpoint's VPC (IFE-03).",
      },
      {
        text: "Spoke accounts associate each private hosted zone with their VPCs in the Route 53 console, with no authorisation step needed from the zone owner",
        why: "Cross-account association needs the owner's authorisation, and is done with the CLI, SDK or API.",
      },
      {
        text: "Add each endpoint's IP addresses as host records to each spoke VPC's DHCP option set, which instances read when they resolve service names",
        why: "Option sets name DNS servers, not address records.",
      },
    ],
  },
];

const INSPECTION_FACTS: readonly Fact[] = [
  {
    id: "ingress-routing",
    concepts: ["I1"],
    rules: ["RT-11"],
    difficulty: 2,
    stem: "All traffic from the internet to the web subnet 10.0.2.0/24 must pass a firewall appliance first. What does the design use?",
    right:
      "A route table associated with the internet gateway (edge association) routing 10.0.2.0/24 to the appliance's ENI or a GWLB endpoint",
    why: "A gateway route table may target local, an ENI or a GWLB endpoint, with whole-subnet or VPC destinations (RT-11).",
    wrong: [
      {
        text: "A security group attached to the internet gateway that admits only traffic already forwarded by the appliance's ENI",
        why: "Internet gateways have no security groups; routing must steer the traffic.",
      },
      {
        text: "An edge-associated gateway route table with a route for each web server, such as 10.0.2.10/32, targeting the appliance's ENI",
        why: "Gateway route table destinations must be a whole subnet or the VPC CIDR (RT-11).",
      },
      {
        text: "A network ACL rule on the web subnet that forwards inbound internet traffic to the firewall appliance before it is allowed",
        why: "NACLs allow or deny; they do not forward.",
      },
    ],
  },
  {
    id: "gwlb-endpoints",
    concepts: ["I2"],
    rules: ["RT-03", "RT-11"],
    difficulty: 2,
    stem: "Which statement about Gateway Load Balancer is correct?",
    right:
      "It sends traffic to appliances encapsulated in GENEVE on UDP 6081, and its endpoints are used as route-table targets",
    why: "GWLB forwards to targets with GENEVE on port 6081; GWLB endpoints are targets in subnet and gateway route tables (RT-03, RT-11).",
    wrong: [
      {
        text: "It terminates TLS on UDP 6081 and forwards the decrypted HTTP requests to the appliances, acting as a layer 7 proxy",
        why: "GWLB works at layer 3 and passes packets unchanged inside GENEVE.",
      },
      {
        text: "Applications send requests to its DNS name like an Application Load Balancer, and its endpoints hold appliance ENIs",
        why: "Traffic reaches it through routes to GWLB endpoints, not by name.",
      },
      {
        text: "It sends traffic to appliances encapsulated in VXLAN on UDP 4789, and its endpoints are used as route-table targets",
        why: "GWLB uses GENEVE on UDP 6081.",
      },
    ],
  },
  {
    id: "network-firewall",
    concepts: ["I3"],
    rules: ["TGW-11"],
    difficulty: 3,
    stem: "A company wants AWS to run the firewall, with domain allow lists and IPS rules, for traffic between 30 spoke VPCs and the internet, managed in one place. Which design fits?",
    right:
      "AWS Network Firewall in a central inspection VPC behind a transit gateway, with appliance mode on that VPC's attachment",
    why: "Network Firewall is managed and supports stateful domain and Suricata rules; centralising it behind a transit gateway needs appliance mode (TGW-11).",
    wrong: [
      {
        text: "Security groups with domain-name allow rules in each of the 30 VPCs, kept in step centrally through AWS Firewall Manager",
        why: "Security groups filter by address, port and protocol, not domain names.",
      },
      {
        text: "A Gateway Load Balancer in a central inspection VPC with no appliances behind it, using its built-in domain and IPS rule groups",
        why: "A GWLB distributes to appliances you run; it has no rules of its own.",
      },
      {
        text: "Network ACLs with deny rules for malicious domains in each spoke VPC, plus AWS-managed IPS rule groups attached to the transit gateway",
        why: "Network ACLs match CIDRs only, and a transit gateway has no rule groups of its own.",
      },
    ],
  },
];

const TOOL_FACTS: readonly Fact[] = [
  {
    id: "reachability-analyzer",
    concepts: ["R1"],
    rules: [],
    difficulty: 1,
    stem: "An engineer must find which component blocks instance A from reaching database B, before any traffic is sent. Which tool fits?",
    right: "VPC Reachability Analyzer, which analyses the configuration and names the blocking component",
    why: "Reachability Analyzer models routes, security groups, NACLs and gateways between a source and destination without sending packets.",
    wrong: [
      {
        text: "VPC flow logs, which record the packets that would be blocked and name the rule",
        why: "Flow logs record traffic that happened; with no traffic there is nothing to read.",
      },
      {
        text: "Traffic Mirroring, which replays test packets and names the component that drops them",
        why: "Mirroring copies real traffic; it does not analyse configuration.",
      },
      {
        text: "CloudTrail, which records which security group rule or route blocked each connection",
        why: "CloudTrail records API calls, not packet decisions.",
      },
    ],
  },
  {
    id: "network-access-analyzer",
    concepts: ["R2"],
    rules: [],
    difficulty: 3,
    stem: "Security must prove that no database in any VPC can be reached from the internet, and recheck after every change. Which tool fits best?",
    right: "Network Access Analyzer with a scope matching paths from internet gateways to the database ports",
    why: "Network Access Analyzer reports every path matching a scope; Reachability Analyzer checks one source and destination at a time.",
    wrong: [
      {
        text: "Reachability Analyzer, run once per database from one internet gateway, repeated after every change",
        why: "It checks single source-destination pairs; a scope over all paths is Network Access Analyzer's job.",
      },
      {
        text: "A CloudWatch metric filter on flow-log ACCEPT records for the database ports in every VPC",
        why: "Flow logs show traffic that happened, not every path that is possible.",
      },
      {
        text: "AWS Config with no rules, whose configuration timeline lists every path from the internet",
        why: "Config records configuration; it does not compute network paths.",
      },
    ],
  },
  {
    id: "flow-log-setup",
    concepts: ["F9"],
    rules: ["ORD-04"],
    difficulty: 2,
    stem: "A new flow log to CloudWatch Logs shows no log group after a minute, and the team wants to see both accepted requests and rejected replies. What is true?",
    right:
      "Delivery needs an IAM role the flow-logs service can assume, the log group appears when records are first published, and the filter must be ALL",
    why: "CloudWatch Logs delivery uses an IAM role; records arrive after the aggregation interval; an ACCEPT- or REJECT-only filter hides half of the story (ORD-04).",
    wrong: [
      {
        text: "Flow logs to CloudWatch Logs need no IAM role or permissions, so a missing log group after a minute means the flow log is broken and must be recreated",
        why: "An IAM role with permission to write logs is required, and records take minutes to arrive.",
      },
      {
        text: "The REJECT filter records both accepted requests and rejected replies, because a rejected reply belongs to an accepted connection",
        why: "A REJECT filter records only rejected traffic.",
      },
      {
        text: "The log group is created only after you edit the flow log to add a delivery role, and the ACCEPT filter also records rejected replies",
        why: "Flow logs cannot be edited, the group appears once records are published, and ACCEPT records only accepted traffic.",
      },
    ],
  },
  {
    id: "flow-log-pkt-addr",
    concepts: ["F9"],
    rules: ["NAT-03"],
    difficulty: 3,
    stem: "A custom-format flow log on a NAT gateway's network interface records a request that a private instance sends to a server on the internet. Which field of that record shows the server's address?",
    right: "pkt-dstaddr",
    why: "For traffic arriving at an interface, dstaddr is that interface's own address: on the NAT gateway's interface, srcaddr is the instance and dstaddr the NAT gateway's private IP. pkt-dstaddr is the packet's real destination, the internet server; on the reply, pkt-srcaddr shows that server. The NAT gateway never changes the destination, only the source (NAT-03).",
    wrong: [
      {
        text: "dstaddr, which always shows the final destination",
        why: "On the NAT gateway's interface dstaddr is the NAT gateway's own private IP; the final destination is in pkt-dstaddr.",
      },
      {
        text: "pkt-srcaddr",
        why: "On this request record pkt-srcaddr is the instance, the same as srcaddr; pkt-srcaddr shows the internet server only on the reply.",
      },
      {
        text: "None: flow logs cannot show the internet host behind a NAT gateway",
        why: "In a custom format, pkt-dstaddr (request) and pkt-srcaddr (reply) show it.",
      },
    ],
  },
  {
    id: "logs-beyond-flow-logs",
    concepts: ["F10"],
    rules: [],
    difficulty: 2,
    stem: "Which pairing of question and AWS tool is correct?",
    right:
      "Who changed a security group: CloudTrail; HTTP paths a load balancer served: ELB access logs; packet payloads: Traffic Mirroring",
    why: "CloudTrail records API calls, ELB access logs record requests, Traffic Mirroring copies packets; flow logs record only metadata.",
    wrong: [
      {
        text: "Who changed a security group: VPC flow logs; HTTP paths a load balancer served: CloudTrail; packet payloads: ELB access logs",
        why: "Flow logs record traffic metadata, not API calls; CloudTrail records API calls, not HTTP requests; ELB logs hold no payloads.",
      },
      {
        text: "Who changed a security group: CloudTrail; HTTP paths a load balancer served: VPC flow logs; packet payloads: CloudTrail data events",
        why: "Flow logs do not record HTTP paths, and CloudTrail does not capture network packets; Traffic Mirroring does.",
      },
      {
        text: "HTTP paths served by CloudFront: VPC flow logs of the origin; packet payloads: VPC flow logs with the payload field in a custom format",
        why: "CloudFront's own access logs record the requests it served, and no flow-log field carries packet payloads.",
      },
    ],
  },
];

const DRIFT_FACTS: readonly Fact[] = [
  {
    id: "peering-mtu",
    concepts: ["P13"],
    rules: ["PCX-12"],
    difficulty: 3,
    stem: "Which MTU applies to VPC peering?",
    right: "9001-byte jumbo frames within a Region, and a smaller MTU across inter-Region peering",
    why: "Same-Region peering carries 9001-byte frames; the inter-Region limit was documented as 1500 and is 8500 today (PCX-12).",
    wrong: [
      {
        text: "9001-byte jumbo frames for every peering connection, in the same Region or between Regions, since both stay on the AWS backbone",
        why: "Inter-Region peering does not carry 9001-byte jumbo frames (PCX-12).",
      },
      {
        text: "1446 bytes for every peering connection, the same ceiling as a Site-to-Site VPN tunnel, because peered traffic is encapsulated",
        why: "1446 is the Site-to-Site VPN tunnel MTU (VPN-10).",
      },
      {
        text: "1500 bytes within a Region and 9001-byte jumbo frames between Regions, since inter-Region traffic crosses the AWS backbone",
        why: "It is the other way round: jumbo frames within a Region (PCX-12).",
      },
    ],
  },
  {
    id: "privatelink-cross-region",
    concepts: ["E19"],
    rules: ["IFE-06"],
    difficulty: 3,
    stem: "An application in us-east-1 must call a KMS key in us-west-2 privately, without internet access. What does current AWS allow?",
    right:
      "A cross-Region interface endpoint in us-east-1 for the us-west-2 KMS service, one of the AWS services that support cross-Region PrivateLink",
    why: "PrivateLink gained cross-Region endpoint services in 2024 and cross-Region access to some AWS services, including KMS, in 2025 (IFE-06).",
    wrong: [
      {
        text: "Nothing: interface endpoints are always same-Region only, so the calls must leave through a NAT gateway to the public KMS endpoint",
        why: "That was true before 2024; cross-Region PrivateLink now exists (IFE-06).",
      },
      {
        text: "A gateway endpoint for KMS in us-east-1, whose prefix-list route in the subnet route tables carries the calls to us-west-2 over the backbone",
        why: "Gateway endpoints exist only for S3 and DynamoDB (GWE-01).",
      },
      {
        text: "A gateway endpoint for S3 in us-east-1 that forwards the KMS API calls on to us-west-2, because gateway endpoints are global resources",
        why: "Gateway endpoints route only their own service, in their own Region (GWE-05).",
      },
    ],
  },
  {
    id: "regional-nat",
    concepts: ["G4"],
    rules: ["NAT-07", "NAT-01"],
    difficulty: 2,
    stem: "What distinguishes a regional NAT gateway from the classic zonal one?",
    right: "It is created for the VPC, needs no public subnet and expands across the AZs where workloads run",
    why: "A zonal NAT gateway sits in one subnet of one AZ, a public subnet for a public NAT gateway (NAT-01, NAT-07); a regional one (late 2025) is created for the VPC, needs no public subnet and expands across the AZs where workloads run (NAT-07).",
    wrong: [
      {
        text: "It lets peered VPCs and VPN sites send traffic through it, which a zonal NAT gateway cannot do",
        why: "Traffic over peering, VPN or Direct Connect still cannot use a NAT gateway (NAT-06).",
      },
      {
        text: "It works for IPv6 traffic too, replacing the egress-only internet gateway for IPv6-only subnets",
        why: "IPv6 outbound-only access is still the egress-only internet gateway's job (EIGW-01).",
      },
      {
        text: "It must be placed in a public subnet in every AZ of the VPC, so it keeps working through an AZ failure",
        why: "It is not placed in subnets at all; that is what makes it regional (NAT-07).",
      },
    ],
  },
  {
    id: "bpa-and-ipv4-cost",
    concepts: ["G5"],
    rules: ["IGW-07", "ORD-06"],
    difficulty: 3,
    stem: "A public subnet with correct routes, security groups and NACLs cannot reach the internet, and its flow logs show REJECT with reject-reason BPA. What is the cause?",
    right: "VPC Block Public Access is blocking internet gateway traffic for the account and Region",
    why: "Block Public Access overrides routes and security groups (IGW-07); flow logs mark its rejections with reject-reason BPA (ORD-06).",
    wrong: [
      {
        text: "The account has not paid the hourly charge for public IPv4 addresses, so AWS blocks the traffic",
        why: "Public IPv4 addresses are charged per hour, but billing does not block traffic; BPA is Block Public Access.",
      },
      {
        text: "A network ACL rule numbered BPA denies the traffic before the rules evaluated in number order",
        why: "NACL rules are numbered 1-32766; BPA is the Block Public Access reject reason.",
      },
      {
        text: "The security group blocks the replies, which flow logs mark with the BPA (blocked packet) reason",
        why: "Security groups let replies of tracked connections through, and reject-reason names BPA (ORD-06).",
      },
    ],
  },
];

export const ADVANCED_FACTS: readonly Fact[] = [
  ...HYBRID_FACTS,
  ...TRANSIT_FACTS,
  ...DNS_FACTS,
  ...INSPECTION_FACTS,
  ...TOOL_FACTS,
  ...DRIFT_FACTS,
];
