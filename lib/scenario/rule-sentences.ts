// One sentence per aws-rules §5 rule that a generated explanation may give as "the deciding rule". Each
// sentence states the AWS behaviour and ends with its rule ID, so an explanation teaches the rule rather
// than restating a verdict. A rule without a sentence here is cited by ID only (ruleSentence returns "").
import type { Blocker } from "../net/index";

const SENTENCES: Readonly<Record<string, string>> = {
  "RT-04":
    "A route table forwards a packet only when one of its routes matches the destination, and the longest matching prefix wins (RT-04).",
  "RT-08":
    "A route whose target cannot carry traffic, such as a peering connection that is not active, is a blackhole and drops what matches it (RT-08).",
  "PCX-02":
    "VPC peering is not transitive: a peering connection delivers only to addresses inside the peer VPC, never onward to the peer's other peers, gateways or attachments (PCX-02).",
  "PCX-05":
    "Traffic crosses a peering connection only while it is active; pending-acceptance, expired, rejected and deleted connections carry nothing (PCX-05).",
  "PCX-06":
    "A peering request that is not accepted within 7 days expires, and an expired connection can never become active (PCX-06).",
  "PCX-08":
    "Both VPCs need a route for the other's CIDR pointing at the peering connection, or traffic goes only one way (PCX-08).",
  "PCX-10":
    "Peering gives no edge-to-edge routing: a peer cannot use the other VPC's internet gateway, NAT gateway, VPN, Direct Connect or gateway endpoint (PCX-10).",
  "SG-01": "Security groups hold allow rules only, so traffic that no rule allows is dropped (SG-01).",
  "SG-03":
    "A security group admits only what its rules allow: with no inbound rules no connection gets in, and with no outbound rules the instance cannot start a connection of its own, though replies to traffic it allowed in still leave because security groups are stateful (SG-03, SG-02).",
  "SG-02": "Security groups are stateful: the reply to an allowed request is let back automatically (SG-02).",
  "ACL-01":
    "A network ACL filters traffic as it enters and leaves the subnet, with the first matching rule deciding (ACL-01, ACL-03).",
  "ACL-02":
    "Network ACLs are stateless, so the reply needs its own allow rule for the client's ephemeral ports (ACL-02).",
  "IGW-01":
    "Internet access needs an attached internet gateway, a route to it and a public IPv4 address on the instance (IGW-01).",
  "IGW-04":
    "An internet gateway only translates for addresses paired with a public IP; traffic from or to a private-only address is dropped there (IGW-04).",
  "TGW-04":
    "A transit gateway attachment must be associated with a TGW route table, which routes everything arriving from that attachment (TGW-04).",
  "TGW-05":
    "A transit gateway route table knows a network only when the attachment that leads to it propagates its routes into that table or a static route is added (TGW-05).",
  "TGW-09":
    "A VPC can use a transit gateway only from Availability Zones that have a subnet in the attachment (TGW-09).",
  "TGW-18":
    "Centralised egress works through a transit gateway: spokes route 0.0.0.0/0 to it and a static TGW route sends that to the egress VPC's NAT gateway (TGW-18).",
  "VPN-02":
    "A Site-to-Site VPN carries traffic only over a tunnel that is UP; each connection has two tunnels for redundancy (VPN-02).",
  "VPN-05":
    "The VPC route table needs a route to the on-premises prefixes via the virtual private gateway, static or propagated (VPN-05).",
  "VPN-07": "A virtual private gateway does not carry IPv6 (VPN-07).",
  "GWE-06":
    "A gateway endpoint serves only its own VPC; nothing across peering, VPN, Direct Connect or a transit gateway can use it (GWE-06).",
  "GWE-08": "A gateway endpoint's policy must allow the request, or the endpoint refuses it (GWE-08).",
  "GWE-02":
    "A gateway endpoint works through a prefix-list route (pl-… → vpce-…) in each associated route table (GWE-02).",
  "NAT-01":
    "A public NAT gateway sits in a public subnet with an Elastic IP and gives private subnets outbound-only internet access (NAT-01).",
  "NAT-02":
    "A private NAT gateway has no Elastic IP, and traffic it sends toward an internet gateway is dropped (NAT-02).",
  "NAT-04":
    "A NAT gateway translates IPv4 (and NAT64 with DNS64); it does not forward native IPv6 traffic (NAT-04).",
  "NAT-06":
    "A NAT gateway serves only its own VPC: traffic arriving over peering, VPN or Direct Connect cannot use it (NAT-06).",
  "EIGW-01":
    "An egress-only internet gateway carries IPv6 only and lets connections out but never in (EIGW-01).",
};

/**
 * The no-rules rule told for one side of a group: a blocker on the group's empty outbound side must not read as if
 * the group had no inbound rules either (the exhibit may show some), and the reverse.
 */
const SG_03_BY_SIDE: Readonly<Record<"inbound" | "outbound", string>> = {
  inbound:
    "A security group admits only what its rules allow: with no inbound rules, no connection from outside gets in (SG-03).",
  outbound:
    "A security group admits only what its rules allow: with no outbound rules, the instance cannot start a connection of its own, though replies to traffic it allowed in still leave because security groups are stateful (SG-03, SG-02).",
};

export function ruleSentence(ruleId: string): string {
  return SENTENCES[ruleId] ?? "";
}

/**
 * The sentence of the first rule that has one, else "" (a blocker's rules are listed most specific first). With
 * the blocker, a rule that has a sentence per side (a security group's empty side) is told for the side it failed on.
 */
export function decidingSentence(rules: readonly string[], blocker?: Pick<Blocker, "detail">): string {
  for (const rule of rules) {
    if (rule === "SG-03" && blocker?.detail.kind === "security-group")
      return SG_03_BY_SIDE[blocker.detail.side];
    const sentence = SENTENCES[rule];
    if (sentence !== undefined) return sentence;
  }
  return "";
}
