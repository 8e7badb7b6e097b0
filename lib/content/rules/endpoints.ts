import { MODELLED, notModelled, QUOTA, source, type Rule } from "./rule";

export const GATEWAY_ENDPOINT_RULES: readonly Rule[] = [
  {
    id: "GWE-01",
    topic: "gateway-endpoints",
    title: "Only S3 and DynamoDB, and free",
    text: "Gateway endpoints exist for Amazon S3 and DynamoDB only (S3 Express One Zone directory buckets have their own S3 gateway endpoint service, s3express). They are not built on PrivateLink and cost nothing.",
    sources: [
      source("privateLink", "Gateway endpoints"),
      {
        guide: "Amazon S3 User Guide",
        page: "Configure a gateway VPC endpoint to reach S3 Express One Zone directory buckets",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-tutorial-endpoints.html",
      },
    ],
    status: MODELLED,
  },
  {
    id: "GWE-02",
    topic: "gateway-endpoints",
    title: "A route to the service's prefix list",
    text: "Associating a gateway endpoint with a route table adds a route whose destination is the service's AWS-managed prefix list and whose target is the endpoint. You cannot edit that route by hand; it goes away with the association. Subnets on other route tables keep reaching the service's public addresses.",
    sources: [source("privateLink", "Gateway endpoints")],
    status: MODELLED,
  },
  {
    id: "GWE-03",
    topic: "gateway-endpoints",
    title: "One endpoint route per service per table",
    text: "A route table can hold one endpoint route per service: an S3 and a DynamoDB endpoint may share a table, but two S3 endpoints must use different tables.",
    sources: [source("privateLink", "Gateway endpoints")],
    status: notModelled(
      "The topology format accepts the configuration as given; the model does not reject a second endpoint route for the same service.",
    ),
  },
  {
    id: "GWE-04",
    topic: "gateway-endpoints",
    title: "Longest prefix still applies",
    text: "The endpoint route is an ordinary route: it beats a 0.0.0.0/0 route to an internet or NAT gateway because it is more specific, but a route that is more specific than (or equal to) part of the service's range wins over it.",
    sources: [source("privateLink", "Gateway endpoints")],
    status: notModelled(
      "The model applies longest-prefix match (RT-04) to endpoint routes, but no question or check singles out this case yet.",
    ),
  },
  {
    id: "GWE-05",
    topic: "gateway-endpoints",
    title: "Same Region only",
    text: "The prefix list names the service's addresses in the endpoint's own Region, so S3 or DynamoDB in another Region is reached through the internet or NAT gateway, not the endpoint.",
    sources: [source("privateLink", "Gateway endpoints")],
    status: MODELLED,
  },
  {
    id: "GWE-06",
    topic: "gateway-endpoints",
    title: "Usable only from inside its VPC",
    text: "Traffic that enters the VPC over a VPN, Direct Connect, a peering or a transit gateway cannot continue through the VPC's gateway endpoint. On-premises networks and other VPCs need an interface endpoint instead.",
    sources: [source("privateLink", "Gateway endpoints"), source("peering", "VPC peering basics")],
    status: MODELLED,
    codes: ["PCX_REQUIRES_ADDRESS_IN_VPC_CIDR"],
  },
  {
    id: "GWE-07",
    topic: "gateway-endpoints",
    title: "Filtering traffic to the service",
    text: "Instances still send to the service's public addresses, so the security group's outbound rules must allow them (a rule may name the prefix list). Network ACL rules cannot name a prefix list: they need the service's address ranges.",
    sources: [source("privateLink", "Gateway endpoints")],
    status: notModelled(
      "Asked as a fact in concept questions; the model's security groups allow all outbound traffic in generated questions, and its network ACL rules take CIDRs only.",
    ),
  },
  {
    id: "GWE-08",
    topic: "gateway-endpoints",
    title: "Endpoint policies",
    text: "An endpoint policy is a resource policy on the endpoint that limits which actions and resources can be used through it. It works together with IAM and bucket policies; it does not replace them.",
    sources: [source("privateLink", "Control access to VPC endpoints using endpoint policies")],
    status: MODELLED,
  },
  {
    id: "GWE-09",
    topic: "gateway-endpoints",
    title: "DNS resolution must be on",
    text: "Endpoints rely on the VPC's DNS resolution (or a DNS server that returns AWS addresses); with it off, clients cannot find the service through the endpoint.",
    sources: [source("privateLink", "Gateway endpoints")],
    status: MODELLED,
  },
  {
    id: "GWE-10",
    topic: "gateway-endpoints",
    title: "What a gateway endpoint passes",
    text: "Reachability Analyzer treats a gateway endpoint as passing TCP and ICMP echo only, emitting traffic only from the service's prefix-list addresses, and never starting connections into the VPC.",
    sources: [source("ra", "Reachability Analyzer explanation codes")],
    status: MODELLED,
    codes: [
      "VPCE_GATEWAY_PROTOCOL_RESTRICTION",
      "VPCE_GATEWAY_EGRESS_SOURCE_ADDRESS_RESTRICTION",
      "VPCE_INTRA_VPC_TRAFFIC",
    ],
  },
  {
    id: "GWE-11",
    topic: "gateway-endpoints",
    title: "IP address type of a gateway endpoint",
    text: "A gateway endpoint has an IP address type (IPv4, IPv6 or dual-stack) that decides which of the service's prefix lists are routed to it.",
    sources: [source("privateLink", "Gateway endpoints")],
    status: notModelled("The model routes gateway endpoints for IPv4 only."),
    drift:
      "Documentation up to 2021 said gateway endpoints support IPv4 only; AWS has since added IPv6 and dual-stack options.",
  },
  {
    id: "GWE-12",
    topic: "gateway-endpoints",
    title: "Gateway endpoint quotas",
    text: "An account has 20 gateway endpoints per Region by default (raisable); a single VPC can have at most 255.",
    sources: [source("vpc", "Amazon VPC quotas")],
    status: notModelled(QUOTA),
  },
];

export const INTERFACE_ENDPOINT_RULES: readonly Rule[] = [
  {
    id: "IFE-01",
    topic: "interface-endpoints",
    title: "A network interface per chosen subnet",
    text: "An interface endpoint puts a requester-managed network interface in each subnet you choose, at most one subnet per Availability Zone; each keeps its private address until the endpoint is deleted. For high availability, choose a subnet in every zone you use.",
    sources: [
      source("privateLink", "Access an AWS service using an interface VPC endpoint"),
      source("ec2Api", "CreateVpcEndpoint"),
    ],
    status: MODELLED,
  },
  {
    id: "IFE-02",
    topic: "interface-endpoints",
    title: "Security groups apply",
    text: "The endpoint's interfaces carry security groups (the VPC's default group if you name none), which must let clients in on the service port, typically 443. The network ACL of the endpoint's subnet applies as well.",
    sources: [source("privateLink", "Access an AWS service using an interface VPC endpoint")],
    status: MODELLED,
  },
  {
    id: "IFE-03",
    topic: "interface-endpoints",
    title: "Private DNS",
    text: "With private DNS on (the default for AWS services), the service's usual hostname resolves to the endpoint's private addresses inside the VPC; this needs the VPC's DNS hostnames and DNS resolution attributes both on. Where private DNS is not in effect, the service's name resolves to its public Regional addresses. Endpoint-specific regional and zonal names always exist.",
    sources: [
      source("privateLink", "DNS hostnames"),
      source(
        "ec2Api",
        "CreateVpcEndpoint (PrivateDnsEnabled)",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html",
      ),
      source("vpc", "DNS attributes for your VPC"),
    ],
    status: MODELLED,
  },
  {
    id: "IFE-04",
    topic: "interface-endpoints",
    title: "Reachable from outside the VPC",
    text: "Because it is an address in a subnet, an interface endpoint can be used from on-premises over Direct Connect or a VPN, from a peered VPC and through a transit gateway. This is the main difference from a gateway endpoint.",
    sources: [source("privateLink", "AWS PrivateLink concepts")],
    status: MODELLED,
    drift:
      "Very early material (2018) said interface endpoints could not be reached over VPN or peering; that has long been lifted.",
  },
  {
    id: "IFE-05",
    topic: "interface-endpoints",
    title: "Consumers start the connections",
    text: "Through an interface endpoint, only the consumer can open connections; the service side can only answer them.",
    sources: [
      source("privateLink", "AWS PrivateLink concepts"),
      source("ra", "Reachability Analyzer explanation codes"),
    ],
    status: MODELLED,
    codes: ["VPCE_INTRA_VPC_TRAFFIC"],
  },
  {
    id: "IFE-06",
    topic: "interface-endpoints",
    title: "Protocols, IP versions and Regions",
    text: "Interface endpoints support the IPv4, IPv6 and dual-stack address types (limited by the subnets' ranges and what the service accepts), and an endpoint can reach some endpoint services (and some AWS services) in another Region. Calls to AWS services through them are HTTPS, so TCP.",
    sources: [
      source("privateLink", "Access an AWS service using an interface VPC endpoint"),
      source("ec2Api", "CreateVpcEndpoint"),
    ],
    status: notModelled(
      "The model's interface endpoints are same-Region and have IPv4 addresses (a dual-stack endpoint's IPv6 addresses and AAAA records are IFE-11; IPv6-only endpoints are not modelled); the cross-Region changes are taught and asked as facts.",
    ),
    drift:
      "Material from 2021 says interface endpoints are IPv4-only and same-Region. AWS has added IPv6 and dual-stack endpoints, cross-Region access to endpoint services (November 2024) and to some AWS services (November 2025).",
  },
  {
    id: "IFE-07",
    topic: "interface-endpoints",
    title: "What an interface endpoint costs",
    text: "Interface endpoints are billed for every hour they exist in each Availability Zone, plus for every GB they process.",
    sources: [source("privateLink", "AWS PrivateLink pricing")],
    status: MODELLED,
  },
  {
    id: "IFE-08",
    topic: "interface-endpoints",
    title: "Interface endpoints for S3 and DynamoDB",
    text: "S3 (and, since 2024, DynamoDB) can also be reached through interface endpoints. For S3, private DNS can be limited to the Route 53 Resolver inbound endpoint so that in-VPC clients keep using a free gateway endpoint while on-premises clients use the interface endpoint.",
    sources: [
      source("privateLink", "Access an AWS service using an interface VPC endpoint"),
      source(
        "ec2Api",
        "DnsOptionsSpecification",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html",
      ),
    ],
    status: MODELLED,
    drift:
      "Material from 2021 says S3 interface endpoints offer no private DNS; they now do, with the inbound-resolver-only option.",
  },
  {
    id: "IFE-09",
    topic: "interface-endpoints",
    title: "Endpoint bandwidth",
    text: "An endpoint supports up to 10 Gbps per Availability Zone by default and scales automatically to 100 Gbps per AZ; spread over several AZs, its ceiling is the number of AZs times 100 Gbps.",
    sources: [
      source(
        "privateLink",
        "AWS PrivateLink quotas",
        "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html",
      ),
    ],
    status: notModelled("Throughput is outside a reachability model."),
    drift:
      "Older pages give 10 Gbps per Availability Zone with bursts of up to 40 Gbps; current pages say an endpoint scales to 100 Gbps per AZ.",
  },
  {
    id: "IFE-10",
    topic: "interface-endpoints",
    title: "Interface endpoint quota",
    text: "A VPC holds 50 interface and Gateway Load Balancer endpoints together by default.",
    sources: [source("vpc", "Amazon VPC quotas")],
    status: notModelled(QUOTA),
  },
  {
    id: "IFE-11",
    topic: "interface-endpoints",
    title: "Dual-stack endpoints: IPv6 addresses and AAAA records",
    text: "An endpoint with IP address type dualstack gives its network interfaces IPv4 and IPv6 addresses. Its DNS record IP type decides which records its names get: ipv4 A records, ipv6 AAAA records, dualstack both, and service-defined A records for the private name with AAAA records only for the endpoint's Regional and zonal names. An IPv6-only client reaches the endpoint through an AAAA record or at the interface's IPv6 address.",
    sources: [
      source(
        "ec2Api",
        "DnsOptionsSpecification",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html",
      ),
      source(
        "ec2Api",
        "CreateVpcEndpoint",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html",
      ),
    ],
    status: MODELLED,
  },
  {
    id: "EPS-01",
    topic: "interface-endpoints",
    title: "Endpoint services sit behind a load balancer",
    text: "To offer your own service over PrivateLink, put it behind a Network Load Balancer (a Gateway Load Balancer for appliance services), create an endpoint service, and allow the consumers' principals; consumers then create interface endpoints to it.",
    sources: [source("privateLink", "Share your services through AWS PrivateLink")],
    status: MODELLED,
  },
  {
    id: "EPS-02",
    topic: "interface-endpoints",
    title: "Accepting endpoint connections",
    text: "Connection requests to an endpoint service need the provider's acceptance unless auto-accept is set; the provider may reject a connection even later. The endpoint only passes traffic once it is available.",
    sources: [
      source("privateLink", "Share your services through AWS PrivateLink"),
      source("ec2Api", "VpcEndpoint"),
    ],
    status: MODELLED,
    codes: ["BAD_STATE"],
  },
  {
    id: "EPS-03",
    topic: "interface-endpoints",
    title: "The provider sees the load balancer's addresses",
    text: "Traffic reaches the provider's application from the load balancer's private addresses, not from the consumer's. Proxy protocol version 2 can pass the client address and endpoint ID along.",
    sources: [source("privateLink", "Share your services through AWS PrivateLink")],
    status: MODELLED,
  },
  {
    id: "EPS-04",
    topic: "interface-endpoints",
    title: "Availability Zones by ID",
    text: "Zone names differ between accounts, so match provider and consumer zones by zone ID; a consumer can only place endpoint interfaces in zones the service also uses.",
    sources: [source("privateLink", "Share your services through AWS PrivateLink")],
    status: notModelled("The model does not compare zone placement between provider and consumer accounts."),
    codes: ["VPCE_SERVICE_NOT_INSTALLED_IN_AZ"],
  },
  {
    id: "EPS-05",
    topic: "interface-endpoints",
    title: "Overlapping CIDRs do not matter",
    text: "Consumer and provider VPCs may use the same address ranges, because consumers talk to an address in their own VPC and the provider sees only its load balancer's addresses.",
    sources: [source("privateLink", "AWS PrivateLink concepts")],
    status: notModelled(
      "A consequence of EPS-03 that the generator states in explanations but the model does not check separately.",
    ),
  },
  {
    id: "EPS-06",
    topic: "interface-endpoints",
    title: "Several load balancers behind one service",
    text: "When an endpoint service has several Network Load Balancers, an endpoint in a zone talks to just one of them; each target takes about 55,000 simultaneous connections through the load balancer.",
    sources: [source("privateLink", "Share your services through AWS PrivateLink")],
    status: notModelled(
      "The model sends an endpoint's traffic to the one load balancer of the service with a node in the endpoint's zone (zone names, not zone IDs); connection counts are outside a reachability model.",
    ),
  },
  {
    id: "EPS-07",
    topic: "interface-endpoints",
    title: "The load balancer's listener decides what passes",
    text: "Behind an endpoint service, the Network Load Balancer accepts only connections on a port and protocol one of its listeners has (TCP, TLS, UDP or TCP_UDP). The listener forwards to a target group, which names the port on the targets; that port may differ from the listener's.",
    sources: [
      source(
        "nlb",
        "Listeners for your Network Load Balancers",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html",
      ),
      source(
        "nlb",
        "Target groups for your Network Load Balancers",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-target-groups.html",
      ),
    ],
    status: MODELLED,
  },
  {
    id: "EPS-08",
    topic: "interface-endpoints",
    title: "Healthy targets, zones and failing open",
    text: "Each load balancer node sends new connections only to healthy targets, and with cross-zone load balancing off (the Network Load Balancer default) only to targets in its own Availability Zone. When every target fails its health checks at once, the load balancer fails open and sends to all of them regardless of health.",
    sources: [
      source(
        "nlb",
        "Health checks for Network Load Balancer target groups",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html",
      ),
      source(
        "nlb",
        "Cross-zone load balancing",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing",
      ),
    ],
    status: MODELLED,
  },
  {
    id: "EPS-09",
    topic: "interface-endpoints",
    title: "Security groups on a Network Load Balancer",
    text: "A Network Load Balancer may have security groups, but only if it was created with them. Then its inbound rules also judge PrivateLink traffic, by the client's private address rather than the endpoint's, unless that check is turned off; its outbound rules judge traffic to the targets. A target's group can allow the load balancer by referencing the load balancer's group; without groups on the load balancer, the target must allow the load balancer's private addresses.",
    sources: [
      source(
        "nlb",
        "Security groups for your Network Load Balancer",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html",
      ),
      source(
        "nlb",
        "Register targets with your target group (target security groups)",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-register-targets.html",
      ),
    ],
    status: MODELLED,
    drift:
      "Until August 2023 a Network Load Balancer could not have security groups at all, and older material says targets must allow client or VPC addresses. Groups are now optional and can only be set when the load balancer is created.",
  },
  {
    id: "GWLB-01",
    topic: "interface-endpoints",
    title: "Gateway Load Balancer endpoints and inspection VPCs",
    text: "A Gateway Load Balancer endpoint is a route target: traffic routed to it travels over PrivateLink to a Gateway Load Balancer in an inspection VPC, which hands it to a fleet of appliances and back; the endpoint then forwards it on, routed by the route table of the endpoint's subnet. Ingress routing (a gateway route table) sends arriving traffic to the endpoint, and both directions must cross the same endpoint.",
    sources: [
      source(
        "privateLink",
        "Access virtual appliances through AWS PrivateLink",
        "https://docs.aws.amazon.com/vpc/latest/privatelink/vpce-gateway-load-balancer.html",
      ),
      source(
        "vpc",
        "Gateway route tables",
        "https://docs.aws.amazon.com/vpc/latest/userguide/gateway-route-tables.html",
      ),
      source(
        "privateLink",
        "Access an inspection system using a Gateway Load Balancer endpoint",
        "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-load-balancer-endpoints.html",
      ),
      {
        guide: "Elastic Load Balancing: Gateway Load Balancers",
        page: "Target groups for your Gateway Load Balancers",
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html",
      },
      {
        guide: "Elastic Load Balancing: Gateway Load Balancers",
        page: "Health checks for Gateway Load Balancer target groups",
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/health-checks.html",
      },
    ],
    status: MODELLED,
    codes: ["RCH_GWLB_ENDPOINT_NOT_AVAILABLE", "RCH_GWLB_NO_HEALTHY_TARGET"],
    drift:
      "What the appliances behind the Gateway Load Balancer allow is not in AWS output: the model assumes they pass the traffic and says so (RCH_ASSUMED_APPLIANCE_PASSES, and an import assumption per endpoint service); an endpoint that is not available drops it. The Gateway Load Balancer routes new flows to healthy targets only and AWS documents no fail-open for it (unlike a Network Load Balancer), so when the target health is described and no target is healthy the traffic is dropped (RCH_GWLB_NO_HEALTHY_TARGET); the zones of the targets are not compared with the endpoint's.",
  },
];
