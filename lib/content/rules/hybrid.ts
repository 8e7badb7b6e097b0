import { MODELLED, notModelled, QUOTA, source, type Rule } from "./rule";

export const VPN_RULES: readonly Rule[] = [
  {
    id: "VPN-01",
    topic: "vpn",
    title: "The parts of a Site-to-Site VPN",
    text: "A customer gateway is the AWS resource that describes your on-premises device (the customer gateway device). On the AWS side the VPN ends on a virtual private gateway attached to one VPC, or on a transit gateway.",
    sources: [source("vpn", "How AWS Site-to-Site VPN works")],
    status: MODELLED,
  },
  {
    id: "VPN-02",
    topic: "vpn",
    title: "Two tunnels",
    text: "Every VPN connection has two tunnels, each to a different AWS endpoint address (public, unless the connection is a private IP VPN over Direct Connect). Configure both for redundancy; traffic flows while at least one is up.",
    sources: [source("vpn", "Tunnel options for your Site-to-Site VPN connection")],
    status: MODELLED,
    codes: ["BAD_STATE_VPN"],
  },
  {
    id: "VPN-03",
    topic: "vpn",
    title: "ASNs",
    text: "A virtual private gateway's Amazon-side ASN defaults to 64512 (or a private ASN you choose) and cannot change after creation; very old gateways may carry a legacy ASN. A customer gateway carries the BGP ASN of your device (1 to 4,294,967,295, except a few reserved ones such as 7224). AWS pages disagree on its default: the CreateCustomerGateway API says 65000, the Site-to-Site VPN User Guide says 64512, so set it explicitly.",
    sources: [
      source("vpn", "How AWS Site-to-Site VPN works"),
      source(
        "vpn",
        "Customer gateway options for your Site-to-Site VPN connection",
        "https://docs.aws.amazon.com/vpn/latest/s2svpn/cgw-options.html",
      ),
      source(
        "ec2Api",
        "CreateCustomerGateway",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html",
      ),
    ],
    status: notModelled("The model has no BGP sessions; asked as a fact."),
  },
  {
    id: "VPN-04",
    topic: "vpn",
    title: "Static or dynamic routing",
    text: "A VPN can use static routes you list or BGP. BGP is preferred because it detects a dead tunnel and fails over by itself.",
    sources: [source("vpn", "Site-to-Site VPN routing options")],
    status: MODELLED,
  },
  {
    id: "VPN-05",
    topic: "vpn",
    title: "Routes to on-premises in the VPC",
    text: "Subnets reach on-premises only if their route tables send those prefixes to the virtual private gateway, either as static routes or by turning on route propagation, which adds the VPN's prefixes while it is up.",
    sources: [source("vpn", "Get started with AWS Site-to-Site VPN")],
    status: MODELLED,
  },
  {
    id: "VPN-06",
    topic: "vpn",
    title: "How a virtual private gateway chooses",
    text: "For the same prefix a virtual private gateway prefers Direct Connect BGP routes, then static VPN routes, then BGP VPN routes; between BGP routes the shorter AS path wins, then the lower MED.",
    sources: [source("vpn", "Site-to-Site VPN routing options")],
    status: MODELLED,
  },
  {
    id: "VPN-07",
    topic: "vpn",
    title: "What a virtual private gateway knows",
    text: "A virtual private gateway only forwards to prefixes it has learned (static or BGP) and to its VPC's range: over a VPN with static routing, only the prefixes in that connection's static routes, whatever the VPC's route tables send to the gateway. A VPC has at most one, and a VPN on a virtual private gateway carries IPv4 only.",
    sources: [
      source("vpn", "Site-to-Site VPN routing options"),
      source("vpn", "Site-to-Site VPN quotas"),
      source(
        "vpn",
        "Edit static routes for an AWS Site-to-Site VPN connection",
        "https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-edit-static-routes.html",
      ),
      source(
        "ec2Api",
        "CreateVpnConnectionRoute",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpnConnectionRoute.html",
      ),
    ],
    status: MODELLED,
    codes: ["VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"],
    drift:
      "Older material says Site-to-Site VPN has no IPv6 at all. A VPN on a virtual private gateway is still IPv4-only, but a VPN attached to a transit gateway can carry IPv6 inside its tunnels.",
  },
  {
    id: "VPN-08",
    topic: "vpn",
    title: "No transit to peered VPCs",
    text: "On-premises networks reached through a VPC's virtual private gateway cannot continue to that VPC's peers (edge-to-edge). To reach several VPCs, attach the VPN to a transit gateway.",
    sources: [source("peering", "VPC peering basics"), source("vpn", "Site-to-Site VPN quotas")],
    status: MODELLED,
    codes: ["VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"],
  },
  {
    id: "VPN-09",
    topic: "vpn",
    title: "VPN CloudHub",
    text: "Several sites with their own customer gateways can connect to one virtual private gateway and reach each other through it, as long as each uses a distinct BGP ASN and the site prefixes do not overlap.",
    sources: [
      source(
        "vpn",
        "Secure communication between sites using VPN CloudHub",
        "https://docs.aws.amazon.com/vpn/latest/s2svpn/VPN_CloudHub.html",
      ),
    ],
    status: MODELLED,
    codes: ["BAD_STATE_VPN"],
  },
  {
    id: "VPN-10",
    topic: "vpn",
    title: "Tunnel limits",
    text: "A standard tunnel carries up to about 1.25 Gbps and 140,000 packets per second; more needs several tunnels with ECMP, which only a transit gateway with BGP offers, or a Large tunnel (see drift). The tunnel MTU is 1446 bytes (MSS 1406), with no path MTU discovery and no jumbo frames.",
    sources: [source("vpn", "Site-to-Site VPN quotas")],
    status: notModelled("Throughput and packet size are outside a reachability model; asked as a fact."),
    drift:
      "In September 2025 AWS added Large tunnels (up to 5 Gbps) for VPNs on a transit gateway or Cloud WAN; the 1.25 Gbps figure is for Standard tunnels, the only size on a virtual private gateway.",
  },
  {
    id: "VPN-11",
    topic: "vpn",
    title: "VPN route quotas",
    text: "A customer gateway may advertise up to 100 BGP routes to a virtual private gateway (1,000 to a transit gateway), and a VPN on a virtual private gateway holds up to 100 static routes.",
    sources: [source("vpn", "Site-to-Site VPN quotas")],
    status: notModelled(QUOTA),
    drift:
      "Older editions of the Site-to-Site VPN quotas page give one figure, 100, for the routes a customer gateway may advertise to a VPN on a transit gateway or a virtual private gateway; current pages give 1,000 on a transit gateway.",
  },
];

export const DIRECT_CONNECT_RULES: readonly Rule[] = [
  {
    id: "DX-01",
    topic: "direct-connect",
    title: "Three kinds of virtual interface",
    text: "A private virtual interface reaches VPCs through a virtual private gateway or a Direct Connect gateway; a public one reaches AWS public endpoints; a transit one reaches transit gateways through a Direct Connect gateway.",
    sources: [source("dx", "AWS Direct Connect virtual interfaces")],
    status: MODELLED,
  },
  {
    id: "DX-02",
    topic: "direct-connect",
    title: "The Direct Connect gateway is global",
    text: "A Direct Connect gateway is not tied to a Region: it can be associated with virtual private gateways or transit gateways in many Regions, and with other accounts' gateways after they accept a proposal.",
    sources: [source("dx", "Direct Connect gateways")],
    status: MODELLED,
  },
  {
    id: "DX-03",
    topic: "direct-connect",
    title: "No routing between associated gateways",
    text: "A Direct Connect gateway does not pass traffic between the gateways associated with it: two VPCs on the same Direct Connect gateway cannot talk through it.",
    sources: [source("dx", "Direct Connect gateways")],
    status: notModelled(
      "Asked as a fact; the model routes Direct Connect traffic between on-premises and VPCs only.",
    ),
  },
  {
    id: "DX-04",
    topic: "direct-connect",
    title: "Allowed prefixes",
    text: "The allowed prefixes of a Direct Connect gateway association decide what is advertised to on-premises. For a virtual private gateway association they are a filter: they must be the same as or wider than the VPC's CIDR, and then the VPC's CIDR is what is advertised. For a transit gateway association exactly the allowed prefixes are advertised, from the Direct Connect gateway's ASN; the CIDRs of VPCs behind the transit gateway are not.",
    sources: [
      source(
        "dx",
        "Allowed prefixes interactions",
        "https://docs.aws.amazon.com/directconnect/latest/UserGuide/allowed-to-prefixes.html",
      ),
    ],
    status: MODELLED,
    codes: ["RCH_DX_PREFIX_NOT_ALLOWED", "RCH_DX_PREFIXES_ADVERTISE_NOTHING"],
  },
  {
    id: "DX-08",
    topic: "direct-connect",
    title: "Routes to on-premises over Direct Connect",
    text: "Over a private virtual interface the virtual private gateway learns the on-premises prefixes by BGP. Subnets reach them only if their route tables send those prefixes to the virtual private gateway, as static routes or by route propagation from it (turned on after the gateway is associated with the Direct Connect gateway).",
    sources: [
      source(
        "dx",
        "Virtual private gateway associations",
        "https://docs.aws.amazon.com/directconnect/latest/UserGuide/virtualgateways.html",
      ),
      source("vpc", "Route propagation"),
    ],
    status: MODELLED,
  },
  {
    id: "DX-05",
    topic: "direct-connect",
    title: "Direct Connect quotas",
    text: "A Direct Connect gateway takes up to 20 virtual private gateways, 6 transit gateways and 30 private or transit virtual interfaces; none of the three can be raised. A BGP session on a private or transit virtual interface accepts 100 routes from you by default, for IPv4 and for IPv6 each; prefix controls raise that allocation to at most 1,000 each, and advertising more than the allocation takes the session down (a public virtual interface accepts 1,000, not raisable). A transit gateway association advertises up to 200 allowed prefixes to you (more only through your AWS account team). A dedicated connection (or LAG) carries up to 50 public or private virtual interfaces and up to 4 transit ones, and current AWS pages disagree on the total: the Direct Connect User Guide counts the transit ones inside a maximum of 51, the Service Quotas listing allows 54. A hosted connection carries exactly one. A LAG bundles up to 4 dedicated connections of one speed on one AWS device (2 at 100 or 400 Gbps).",
    sources: [
      source("dx", "AWS Direct Connect quotas"),
      source(
        "dx",
        "Direct Connect link aggregation groups (LAGs)",
        "https://docs.aws.amazon.com/directconnect/latest/UserGuide/lags.html",
      ),
      {
        guide: "AWS General Reference",
        page: "AWS Direct Connect endpoints and quotas",
        url: "https://docs.aws.amazon.com/general/latest/gr/dc.html",
      },
      source("tgw", "Quotas for your transit gateways"),
    ],
    status: notModelled(QUOTA),
    drift:
      "AWS raised several of these: older pages give 3 transit gateways and 10 virtual private gateways per Direct Connect gateway, 20 allowed prefixes per transit gateway association and 1 transit virtual interface per dedicated connection. Answer with the current figures (6, 20, 200, 4) unless every option uses the old ones. Older pages also make the 100 routes per BGP session a hard limit (the Service Quotas listing still marks it not adjustable), where the current User Guide makes 100 a default that prefix controls raise to 1,000; and older editions called the 30 virtual interfaces per Direct Connect gateway raisable, which the current page says they are not. The quotas page's 2023 edition read '50 and 1 transit virtual interface' per dedicated connection; the current User Guide counts the 4 transit interfaces against a maximum of 51, while the Service Quotas listing gives 50 public or private, 4 transit and 54 in all.",
  },
  {
    id: "DX-06",
    topic: "direct-connect",
    title: "Jumbo frames over Direct Connect",
    text: "Private and transit virtual interfaces can be set to a jumbo MTU of 8500 bytes (the default is 1500), so large packets can travel between a VPC and on-premises.",
    sources: [
      source("dx", "MTUs for private virtual interfaces or transit virtual interfaces"),
      source(
        "dx",
        "Set the MTU of a Direct Connect private virtual interface",
        "https://docs.aws.amazon.com/directconnect/latest/UserGuide/interface-set-mtu.html",
      ),
    ],
    status: notModelled("Packet size: the model traces addresses, protocols and ports, not MTU."),
    drift:
      "Older Direct Connect pages and SDK documentation give 9001 bytes as the jumbo MTU of a private virtual interface; current Direct Connect documentation gives 8500.",
  },
  {
    id: "DX-07",
    topic: "direct-connect",
    title: "Local-preference communities",
    text: "On private and transit virtual interfaces, the BGP communities 7224:7100, 7224:7200 and 7224:7300 set low, medium and high preference for the paths AWS uses back to you.",
    sources: [source("dx", "Routing policies and BGP communities")],
    status: notModelled("The model has no BGP attributes."),
  },
];
