// The model's trace vocabulary (Batfish/RA style: hops with inbound/outbound headers, the matched
// rule, blockers with explanation codes). It is data: every hop and blocker carries a typed `detail`
// naming the resources and facts involved, and sentences are rendered from it in one place
// (explanations.ts). Verdicts, explanations, fixes and flow-log lines all read these fields.
import type { Protocol, Query } from "./query";
import type { FlowLogRecord } from "./flow-logs";

export type PacketHeader = {
  srcIp: string;
  dstIp: string;
  protocol: Protocol;
  srcPort?: number;
  dstPort?: number;
};

export type ComponentRef = { id: string; type: string; name?: string };

/** A component reference computed once when the network is built and shared by every trace, so frozen. */
export function componentRef(id: string, type: string, name?: string): ComponentRef {
  return Object.freeze(name !== undefined ? { id, type, name } : { id, type });
}

/** Request (forward) or reply (return) path. */
export type Direction = "forward" | "return";
/** Which way a filter looks at the packet: into the interface or subnet, or out of it. */
export type Side = "inbound" | "outbound";

/** A resource as a sentence names it: "web-a (i-0abc)" when it has a name, else its id. */
export type NamedRef = { readonly id: string; readonly name?: string | undefined };

/** A route as the trace shows it: "10.1.0.0/16 -> pcx-ab" (description) and its parts. */
/** Where a route came from; among routes of the same prefix the earlier wins (RT-05, RT-06, RT-07; TGW-07:
 * static > prefix-list > VPC-propagated > DX-propagated > VPN-propagated). */
export type RouteOrigin =
  "local" | "static" | "prefix-list" | "propagated" | "propagated-dx" | "propagated-vpn";

export type RouteFact = {
  readonly description: string;
  readonly destination: string;
  readonly target: string;
  readonly origin: RouteOrigin;
  /** Routes of the same prefix and lower priority that its table holds and this one won over (RT-06, RT-07; TGW-07). */
  readonly preferredOver?: readonly RouteFact[];
};

/**
 * The closed list of explanation codes: AWS Reachability Analyzer's code where one fits (rule catalog
 * §2.4), RCH_… (ours) where none does. explanations.ts holds one entry per code (rule IDs, sentence).
 */
export type BlockerCode =
  | "ENI_SG_RULES_MISMATCH"
  | "SG_HAS_NO_RULES"
  | "SUBNET_ACL_RESTRICTION"
  | "NO_ROUTE_TO_DESTINATION"
  | "BAD_STATE_ROUTE"
  | "BAD_STATE"
  | "BAD_STATE_ATTACHMENT"
  | "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR"
  | "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"
  | "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"
  | "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS"
  | "IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS"
  | "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS"
  | "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS"
  | "RCH_NO_INTERNET_GATEWAY"
  | "RCH_PRIVATE_NAT_TO_IGW"
  | "RCH_EIGW_IPV6_ONLY"
  | "RCH_NAT64_PREFIX_NOT_TRANSLATED"
  | "RCH_EIGW_INBOUND_INITIATED"
  | "RCH_REPLY_NOT_THROUGH_INTERNET_GATEWAY"
  | "TGW_ROUTE_AZ_RESTRICTION"
  | "TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION"
  | "TGW_RTB_CANNOT_ROUTE"
  | "TGW_RTB_BAD_STATE_ROUTE"
  | "BAD_STATE_VPN"
  | "TGW_BAD_STATE_VPN"
  | "VGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"
  | "RCH_VGW_NO_IPV6"
  | "NO_PATH"
  | "VPCE_GATEWAY_PROTOCOL_RESTRICTION"
  | "RCH_ENDPOINT_POLICY_DENIES"
  | "VPCE_INTRA_VPC_TRAFFIC"
  | "ENI_SOURCE_DEST_CHECK_RESTRICTION"
  | "NO_POSSIBLE_DESTINATION"
  | "VPC_LOCAL_ROUTE_CIDR_RESTRICTION"
  | "RCH_WRONG_DESTINATION"
  | "NO_SOURCE_OR_DESTINATION"
  | "RCH_ROUTING_LOOP"
  | "RCH_DNS_RESOLUTION_DISABLED"
  | "RCH_NO_IPV6_ADDRESS"
  | "RCH_NO_IPV4_ADDRESS"
  | "RCH_DX_VIF_NOT_AVAILABLE"
  | "RCH_DX_PREFIX_NOT_ALLOWED"
  | "RCH_ENDPOINT_CONNECTION_NOT_ACCEPTED"
  | "RCH_NLB_NO_LISTENER"
  | "RCH_NLB_NO_TARGET"
  | "RCH_NLB_TARGET_UNHEALTHY"
  | "RCH_NLB_NOT_ACTIVE"
  | "RCH_GWLB_ENDPOINT_NOT_AVAILABLE"
  | "RCH_APPLIANCE_MODE_ASYMMETRIC_PATH"
  | "RCH_REGIONAL_NAT_ZONE_NOT_SERVED"
  | "RCH_GWLB_NO_HEALTHY_TARGET"
  | "VPC_BLOCK_PUBLIC_ACCESS_ENABLED";

/** The traffic a filter judged: protocol and destination port (none for ICMP). */
export type Traffic = { readonly protocol: Protocol; readonly port?: number | undefined };

/** Resource types a `gateway` detail names (the trace's ComponentRef.type). */
export type GatewayType =
  | "internet-gateway"
  | "egress-only-internet-gateway"
  | "nat-gateway"
  | "vpc-peering-connection"
  | "vpc-gateway-endpoint"
  | "vpc-endpoint"
  | "vpn-gateway"
  | "vpn-connection"
  | "transit-gateway-attachment"
  | "direct-connect-gateway"
  | "gateway-load-balancer-endpoint"
  | "gateway-load-balancer";

/** What a VPC route points at, as a blackhole explanation names it. */
export type RouteTargetType =
  | "internet-gateway"
  | "egress-only-internet-gateway"
  | "nat-gateway"
  | "vpc-peering-connection"
  | "vpc-gateway-endpoint"
  | "vpn-gateway"
  | "transit-gateway"
  | "network-interface"
  | "unknown";

/**
 * A security group rule naming a group of another VPC that matched nothing (PCX-11): the peering between the VPCs
 * is not active (its state), there is none, the VPCs are in different Regions, or the traffic does not cross the
 * link that carries the reference (SG-06: a peering, or a transit gateway with referencing support, TGW-13).
 */
export type InertReference = {
  readonly rule: string;
  readonly group: NamedRef;
  readonly vpc: string;
  readonly problem:
    | "peering-not-active"
    | "no-peering"
    | "other-region"
    | "through-middlebox"
    | "tgw-referencing-off"
    /** An active peering joins the VPCs, but the routes send the traffic another way (SG-06). */
    | "not-over-peering";
  /** tgw-referencing-off: the transit gateway both VPCs are attached to, and the attachment whose option is off. */
  readonly transitGateway?: NamedRef;
  readonly attachment?: NamedRef;
  /** tgw-referencing-off: the transit gateway and attachments allow it, but the rule is outbound (inbound only). */
  readonly outboundRule?: boolean;
  readonly peering?: NamedRef;
  /** tgw-referencing-off: an active peering between the VPCs that the traffic does not cross (its routes go to the transit gateway). */
  readonly notVia?: NamedRef;
  /** through-middlebox: the appliance interface or Gateway Load Balancer endpoint the packet came through. */
  readonly middlebox?: NamedRef;
  readonly state?: string;
};

/** The facts behind one blocker, by kind of component. */
export type BlockerDetail =
  | {
      readonly kind: "security-group";
      readonly direction: Direction;
      readonly side: Side;
      readonly groups: readonly NamedRef[];
      readonly eni: NamedRef;
      readonly traffic: Traffic;
      readonly remote: string;
      /** Every rule of `side` that was checked, "<group>: tcp 443 10.0.0.0/16" (empty: the groups have none). */
      readonly rulesChecked: readonly string[];
      /** On a PrivateLink path: the Network Load Balancer whose groups, or whose target's groups, refused. */
      readonly loadBalancer?: NamedRef;
      /** Rules that would allow the traffic but name a group of another VPC the link to which cannot carry the reference. */
      readonly inertReferences?: readonly InertReference[];
      /** Rules that would allow the traffic but name a group the topology does not have (stale: it was deleted). */
      readonly missingReferences?: readonly { readonly rule: string; readonly group: string }[];
    }
  | {
      readonly kind: "network-acl";
      readonly direction: Direction;
      readonly side: Side;
      readonly acl: NamedRef;
      readonly subnet: NamedRef;
      readonly traffic: Traffic;
      readonly remote: string;
      /** The rule that matched and denied: its number, or "*" for the implicit final deny. */
      readonly ruleNumber: number | "*";
      readonly rule: string;
    }
  | {
      readonly kind: "route-table";
      readonly direction: Direction;
      readonly table: NamedRef;
      readonly subnet?: NamedRef;
      readonly vpc: NamedRef;
      readonly destination: string;
      /** no-route: nothing matches; blackhole: `route` matched but its target is not usable; loop: too many tables. */
      readonly problem: "no-route" | "blackhole" | "loop";
      readonly route?: RouteFact;
      readonly targetType?: RouteTargetType;
      readonly target?: string;
      /** no-route: a virtual private gateway of the VPC whose propagated routes would hold the destination, but the table does not propagate from it (VPN-05). */
      readonly unpropagatedGateway?: NamedRef;
    }
  | {
      readonly kind: "transit-gateway-route-table";
      readonly direction: Direction;
      readonly table: NamedRef;
      readonly destination: string;
      readonly problem: "no-route" | "blackhole" | "missing-attachment";
      readonly route?: RouteFact;
      /**
       * no-route: the attachment of this transit gateway whose propagation would cover the destination
       * (TGW-05); absent when none does (an internet address: only a static route to an egress attachment helps).
       */
      readonly owner?: NamedRef;
      /** no-route: the owner is a VPC attachment with IPv6 support disabled, so its IPv6 CIDRs do not propagate. */
      readonly ownerIpv6Disabled?: boolean;
    }
  | {
      readonly kind: "gateway";
      readonly direction: Direction;
      readonly gateway: NamedRef & { readonly type: GatewayType };
      /** The gateway's state when that is the problem (NAT gateway "pending", peering "expired", ...). */
      readonly state?: string;
      /** The packet address the gateway refused (a destination, or a source for IGW/NAT checks). */
      readonly address?: string;
      readonly vpc?: NamedRef;
      readonly site?: NamedRef;
      readonly availabilityZone?: string;
      /** asymmetric-appliance-path: the zone the request entered the attachment through. */
      readonly requestAvailabilityZone?: string;
      /**
       * asymmetric-appliance-path: the appliance the reply is delivered to in its zone (an interface, or a Gateway Load
       * Balancer endpoint), which never saw the request and drops the reply: the trace's drop hop.
       */
      readonly appliance?: NamedRef;
      readonly route?: RouteFact;
      /** reply-not-via-internet-gateway: the subnet and route table that sent the reply, and the internet gateway the request came in through. */
      readonly subnet?: NamedRef;
      readonly table?: NamedRef;
      readonly internetGateway?: NamedRef;
      /** no-static-route: the static-routing VPN connection and its static routes, none of which holds `address`. */
      readonly vpn?: NamedRef;
      readonly staticRoutes?: readonly string[];
      /**
       * no-link: associations of a Direct Connect gateway with this gateway that the input lists in another state
       * than `associated` (`disassociated`, …): they would link it, but are not in effect.
       */
      readonly inactiveAssociations?: readonly {
        readonly dxGateway: NamedRef;
        readonly association?: string;
        readonly state: string;
      }[];
      /**
       * A VPN connection that is down on a virtual private gateway with no other link up: the routes the VPC's
       * route tables still list as propagated from that gateway (VPN-05: none propagate while it is down, so a
       * non-empty list means the output was taken at different times). Absent when another link could have
       * propagated them.
       */
      readonly staleRoutes?: readonly { readonly table: NamedRef; readonly destination: string }[];
      readonly problem?:
        | "not-attached"
        | "no-peer"
        | "no-subnets"
        | "no-site"
        | "no-link"
        | "no-static-route"
        | "not-started-here"
        | "reply-not-via-internet-gateway"
        | "nat-instance"
        | "asymmetric-appliance-path"
        | "zone-not-served";
    }
  | {
      readonly kind: "interface";
      readonly direction: Direction;
      readonly eni: NamedRef;
      readonly owner: string;
      /** Its role on the path: where the problem shows. */
      readonly role: "source" | "destination" | "forwarder";
      readonly address?: string;
      /** private-address: `address` is its private IPv4 address, asked for from the internet. */
      readonly problem: "not-running" | "source-dest-check" | "no-public-ip" | "private-address";
      /** private-address: its public IPv4 address, which the internet reaches it at. */
      readonly publicAddress?: string;
      /** not-running: the owning instance's state ("stopped", "pending", ...) and name, when the topology has it; private-address: the instance. */
      readonly state?: string;
      readonly instance?: NamedRef;
    }
  | {
      readonly kind: "vpc";
      readonly direction: Direction;
      readonly vpc: NamedRef;
      readonly address?: string;
      readonly problem: "no-interface" | "outside-vpc" | "no-internet-gateway" | "dns-support-off";
      readonly service?: string;
      /** no-interface: the interface of another VPC that has the address (routes delivered to the wrong VPC). */
      readonly elsewhere?: { readonly eni: NamedRef; readonly vpc: NamedRef };
    }
  | {
      /** The query's source or destination itself (or where the packet ended up instead of it). */
      readonly kind: "query";
      readonly direction: Direction;
      readonly reference: string;
      readonly address?: string;
      readonly site?: NamedRef;
      readonly problem:
        | "unknown-source"
        | "unknown-destination"
        | "no-public-ip"
        | "no-ipv6"
        | "no-ipv4"
        /** IPv6-only with DNS64 on, but the destination is a literal IPv4 address, which DNS64 never sees. */
        | "no-ipv4-literal"
        | "not-a-public-address"
        | "no-ipv6-owner"
        | "wrong-destination"
        | "wrong-return"
        | "no-link";
    }
  | {
      /** A Direct Connect gateway none of whose virtual interfaces of the type the path needs is available. */
      readonly kind: "virtual-interfaces";
      readonly direction: Direction;
      readonly dxGateway: NamedRef;
      /** private: towards a virtual private gateway; transit: towards a transit gateway. */
      readonly vifType: "private" | "transit";
      /** Every virtual interface of that type, with its state ("down", "pending", ...). */
      readonly interfaces: readonly (NamedRef & { readonly state: string })[];
    }
  | {
      /** The provider's endpoint service or its Network Load Balancer (PrivateLink). */
      readonly kind: "endpoint-service";
      readonly direction: Direction;
      readonly service: NamedRef;
      readonly endpoint: NamedRef;
      readonly loadBalancer?: NamedRef;
      /** not-accepted: the provider has not accepted (or rejected) the endpoint's connection. */
      readonly problem: "not-accepted" | "no-listener" | "no-target" | "unhealthy-target" | "not-active";
      /** The endpoint connection's state (not-accepted), or the load balancer's (not-active). */
      readonly state?: string;
      readonly traffic?: Traffic;
      /** The listener ports the load balancer has (no-listener). */
      readonly listeners?: readonly string[];
      readonly targetGroup?: NamedRef;
      readonly availabilityZone?: string;
      /** The target (unhealthy-target), its health state, AWS's reason code and the health-check port. */
      readonly target?: string;
      readonly health?: string;
      readonly reason?: string;
      readonly port?: number;
    }
  | {
      /** A Direct Connect gateway association that does not advertise the destination to on-premises. */
      readonly kind: "allowed-prefixes";
      readonly direction: Direction;
      readonly dxGateway: NamedRef;
      /** The associated virtual private gateway or transit gateway. */
      readonly gateway: string;
      readonly associated: "virtual-private-gateway" | "transit-gateway";
      readonly allowedPrefixes: readonly string[];
      /**
       * What on-premises learns from the association: a transit gateway's allowed prefixes as listed; for a
       * virtual private gateway, the VPC's IPv4 CIDRs that an allowed prefix equals or contains (maybe none).
       */
      readonly advertised: readonly string[];
      /** A virtual private gateway association: the VPC's IPv4 CIDRs, which the allowed prefixes filter. */
      readonly vpcCidrs: readonly string[];
      readonly address: string;
    }
  | {
      /** VPC Block Public Access (IGW-07) stops this internet gateway traffic for the VPC or subnet. */
      readonly kind: "block-public-access";
      readonly direction: Direction;
      readonly mode: "block-bidirectional" | "block-ingress";
      /** Who opened the connection: an address in the VPC (outbound) or on the internet (inbound). */
      readonly initiated: "outbound" | "inbound";
      readonly gateway: NamedRef & { readonly type: "internet-gateway" | "egress-only-internet-gateway" };
      readonly vpc: NamedRef;
      readonly subnet: NamedRef;
      /** An exclusion of the VPC or subnet that does not cover this traffic (allow-egress for inbound). */
      readonly exclusion?: string;
    };

export type BlockerDetailKind = BlockerDetail["kind"];

/** code: an RA explanation code where one fits, else RCH_… (ours); message: the sentence rendered from `detail`. */
export type Blocker = {
  code: BlockerCode;
  component: string;
  message: string;
  rules: string[];
  direction?: Direction;
  detail: BlockerDetail;
  /**
   * false: found where the packet never got, because an earlier blocker had already dropped it (the walk goes on
   * to find every fault). It may be a consequence of that root cause or a fault of its own. Absent: reached.
   */
  reached?: false;
};

/** What a hop did, by kind; `matched` keeps the one-line summary that the text trace prints. */
export type HopDetail =
  | {
      readonly kind: "send" | "deliver";
      readonly at: "interface" | "internet" | "service" | "on-premises" | "endpoint" | "peer-vpc";
    }
  | {
      readonly kind: "route";
      readonly table: string;
      readonly destination: string;
      readonly route?: RouteFact;
      /** RT-05: the more specific propagated route that the local route `route` was preferred over. */
      readonly overrides?: RouteFact;
      readonly sameSubnet?: true;
      /** A gateway route table (RT-11): the internet or virtual private gateway whose arriving traffic it routes. */
      readonly edge?: string;
    }
  | {
      readonly kind: "transit-gateway-route";
      readonly table: string;
      readonly destination: string;
      readonly route?: RouteFact;
    }
  | {
      readonly kind: "security-group";
      readonly groups: string;
      readonly side: Side;
      readonly rule?: string;
      readonly stateful?: true;
    }
  | {
      readonly kind: "network-acl";
      readonly acl: string;
      readonly side: Side;
      readonly ruleNumber: number | "*";
      readonly allowed: boolean;
    }
  | {
      readonly kind: "translation";
      readonly field: "source" | "destination";
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: "gateway"; readonly gateway: string }
  | {
      /** A Network Load Balancer passing PrivateLink traffic: the listener and the target group that took it. */
      readonly kind: "load-balancer";
      readonly loadBalancer: string;
      readonly listenerPort: number;
      readonly targetGroup: string;
      readonly target: string;
      readonly targetPort: number;
      readonly health: string;
    }
  | { readonly kind: "forwarder"; readonly eni: string }
  | {
      /**
       * A Gateway Load Balancer endpoint (GWLB-01): traffic goes over PrivateLink to the Gateway Load Balancer,
       * through an appliance (assumed to pass it: AWS output does not show appliance rules) and back.
       */
      readonly kind: "gateway-load-balancer";
      readonly endpoint: string;
      readonly serviceName: string;
    };

export type MatchedKind =
  "route" | "tgw-route" | "sg-rule" | "nacl-rule" | "prefix-list" | "dns" | "translation";

export type Hop = {
  component: ComponentRef;
  /** e.g. "send", "allow", "deny", "forward", "deliver", "translate", "drop". */
  action: string;
  matched?: { kind: MatchedKind; description: string };
  inbound?: PacketHeader;
  outbound?: PacketHeader;
  direction: Direction;
  detail: HopDetail;
  /**
   * false: the packet never got here (an earlier hop dropped it); the hop shows the intended path the walk went
   * on along, and a return path after a dropped request is what the reply would do had the request arrived.
   */
  reached?: false;
};

/** A link to an assumed on-premises network, as the assumption names it. */
export type OnPremisesLink =
  | { readonly vpn: string; readonly routing: "bgp" | "static"; readonly tunnelsUp: number }
  | { readonly directConnectGateway: string };

/**
 * What an analysis of an imported topology assumed about on-premises, which AWS output does not show
 * (BGP-learned prefixes): that a source address is on-premises because the reply is routed there, or that
 * a destination routed to a VGW or a TGW VPN / Direct Connect attachment lies behind it.
 */
export type OnPremisesAssumption =
  | {
      readonly kind: "source";
      readonly address: string;
      readonly site: NamedRef;
      /** No route leads back to it: only that VPN or Direct Connect link can have brought it in. */
      readonly noRouteBack?: boolean;
    }
  | {
      readonly kind: "behind-gateway";
      readonly address: string;
      /** The VGW or the transit gateway attachment the destination is routed to. */
      readonly gateway: string;
      readonly via: "vpn-gateway" | "vpn-attachment" | "direct-connect-attachment";
      readonly links: readonly OnPremisesLink[];
    };

/** A note on the analysis that is not a blocker (e.g. how a DNS name resolved, or what was assumed). */
export type Detail = { code: string; message: string; assumption?: OnPremisesAssumption };

export type Analysis = {
  reachable: boolean;
  query: Query;
  forward: Hop[];
  return: Hop[];
  blockers: Blocker[];
  flowLogs: FlowLogRecord[];
  details?: Detail[];
  /** Set when analyze's `firstBlocker` option left out the reply's walk of a blocked request (reachability.ts). */
  truncated?: true;
};
