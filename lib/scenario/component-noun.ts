// What kind of resource an AWS id names, as a sentence's subject needs it: "The network ACL app-acl (acl-…) is not
// at fault" rather than a sentence opening on a lower-case resource name (or on one capitalised into a name that
// does not exist, "Reporting-main").
const NOUNS: readonly (readonly [string, string])[] = [
  ["tgw-rtb-", "transit gateway route table"],
  ["tgw-attach-", "transit gateway attachment"],
  ["tgw-", "transit gateway"],
  ["acl-", "network ACL"],
  ["sg-", "security group"],
  ["rtb-", "route table"],
  ["pcx-", "peering connection"],
  ["vpn-", "VPN connection"],
  ["vgw-", "virtual private gateway"],
  ["dxgw-", "Direct Connect gateway"],
  ["cgw-", "customer gateway"],
  ["eigw-", "egress-only internet gateway"],
  ["igw-", "internet gateway"],
  ["nat-", "NAT gateway"],
  ["vpce-", "VPC endpoint"],
  ["eni-", "network interface"],
  ["subnet-", "subnet"],
  ["i-", "instance"],
];

/** "The <kind> <phrase>" for a component id, or the phrase alone (capitalised) when the id's kind is unknown. */
export function subjectPhrase(id: string, phrase: string): string {
  const noun = NOUNS.find(([prefix]) => id.startsWith(prefix))?.[1];
  return noun !== undefined ? `The ${noun} ${phrase}` : phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
