// Which of a VPC's own egress resources a requester can use, by where the requester sits. One table shared by
// endpoint-choice (its decision table) and by the cross-family check in scripts/check-generator.ts, which
// proves each entry the model can express against lib/net's analyze (edge-to-edge and can-a-reach-c keys come
// from the same analyze, so the three families cannot disagree).
//
// aws-rules: PCX-10 (no edge-to-edge routing through a peer), NAT-06 (a NAT gateway cannot be used through
// peering, VPN or Direct Connect), GWE-06 (a gateway endpoint is not extendable outside its VPC), IFE-04 (an
// interface endpoint is reachable over peering, VPN, Direct Connect and a transit gateway), TGW-18
// (centralised egress through a transit gateway to an egress VPC's NAT gateway works).

/** Where the requester sits relative to the VPC that owns the resource. */
export type TrafficOrigin =
  "same-vpc" | "peered-vpc" | "other-region-vpc" | "on-prem-vpn" | "on-prem-dx" | "tgw-spoke";

/** A resource in the VPC that a requester might try to use. */
export type VpcResource =
  | "nat-gateway"
  | "internet-gateway"
  | "gateway-endpoint"
  | "interface-endpoint"
  | "transit-gateway"
  | "peering-connection";

export type ReachRule = {
  readonly usable: boolean;
  readonly rules: readonly string[];
  readonly reason: string;
};

const SAME: ReachRule = { usable: true, rules: [], reason: "" };

const ORIGIN_PHRASE: Record<TrafficOrigin, string> = {
  "same-vpc": "inside the VPC",
  "peered-vpc": "in a peered VPC",
  "other-region-vpc": "in a VPC peered across Regions",
  "on-prem-vpn": "on premises behind a Site-to-Site VPN",
  "on-prem-dx": "on premises behind Direct Connect",
  "tgw-spoke": "in a VPC attached to the same transit gateway",
};

export function requesterCanUse(origin: TrafficOrigin, resource: VpcResource): ReachRule {
  if (origin === "same-vpc") return SAME;
  const where = ORIGIN_PHRASE[origin];
  switch (resource) {
    case "interface-endpoint":
      return {
        usable: true,
        rules: ["IFE-04"],
        reason: `An interface endpoint is an ENI with a private IP, reachable by requesters ${where} (IFE-04).`,
      };
    case "gateway-endpoint":
      return {
        usable: false,
        rules: ["GWE-06", "PCX-10"],
        reason: `A gateway endpoint serves only its own VPC; a requester ${where} cannot use it (GWE-06).`,
      };
    case "nat-gateway":
      if (origin === "tgw-spoke")
        return {
          usable: true,
          rules: ["TGW-18"],
          reason:
            "A transit gateway can carry a spoke's default route to an egress VPC's NAT gateway (TGW-18).",
        };
      // What is true is narrower than "a NAT gateway serves only its own VPC" (centralised egress through a
      // transit gateway works, TGW-18): traffic that arrives over a peering or from the virtual private gateway
      // cannot be sent on through the NAT gateway (edge-to-edge routing).
      if (origin === "on-prem-vpn" || origin === "on-prem-dx")
        return {
          usable: false,
          rules: ["NAT-06"],
          reason: `Traffic from a requester ${where} arrives through the VPC's virtual private gateway, and a VPC does not send such traffic on through its NAT gateway: there is no edge-to-edge routing from a virtual private gateway through a NAT device (NAT-06).`,
        };
      return {
        usable: false,
        rules: ["NAT-06", "PCX-10"],
        reason: `A peering carries only traffic addressed to the two VPCs; a requester ${where} cannot send traffic on through the peer VPC's NAT gateway: there is no edge-to-edge routing through a peering (NAT-06, PCX-10).`,
      };
    case "transit-gateway":
    case "peering-connection":
      if (origin === "tgw-spoke") return SAME;
      return {
        usable: false,
        rules: ["PCX-02", "PCX-10"],
        reason: `Peering is not transitive: a requester ${where} cannot go on through the VPC's ${resource === "transit-gateway" ? "transit gateway attachment" : "other peering connections"} (PCX-02).`,
      };
    case "internet-gateway":
      return {
        usable: false,
        rules: ["PCX-10"],
        reason: `An internet gateway serves only its own VPC; a requester ${where} cannot use it (PCX-10).`,
      };
  }
}
