// RCH_BLOCK_PUBLIC_ACCESS_NOT_REGIONAL (aws-rules IGW-07): VPC Block Public Access is one setting per account and
// Region, which the topology repeats on each VPC; VPCs of one account and Region that disagree cannot be an AWS
// estate (and an export can only write one of the modes).
import type { ValidationContext } from "./context";

export function checkBlockPublicAccess(v: ValidationContext): void {
  const { topology } = v;
  const withSubnets = new Set(topology.subnets.map((s) => s.vpcId));
  const first = new Map<string, { index: number; mode: string }>();
  topology.vpcs.forEach((vpc, i) => {
    // A VPC known only from a peering (no subnets) is another snapshot's: its owner's setting is not shown here.
    if (!withSubnets.has(vpc.id)) return;
    const key = `${vpc.region ?? topology.region}|${vpc.accountId ?? ""}`;
    const mode = vpc.blockPublicAccess ?? "off";
    const seen = first.get(key);
    if (!seen) {
      first.set(key, { index: i, mode });
      return;
    }
    if (seen.mode !== mode)
      v.add(
        "RCH_BLOCK_PUBLIC_ACCESS_NOT_REGIONAL",
        `vpcs[${i}].blockPublicAccess`,
        `VPC Block Public Access is one setting per account and Region: ${vpc.id} has ${mode} but vpcs[${seen.index}] in the same account and Region has ${seen.mode}.`,
        ["IGW-07"],
        "warning",
      );
  });
}
