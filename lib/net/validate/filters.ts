// Network ACLs (ACL-03, ACL-06) and security groups (SG-05).
import type { ValidationContext } from "./context";

/** One default NACL per VPC, rule numbers unique per direction and family. */
export function checkNetworkAcls(v: ValidationContext): void {
  const defaults = new Set<string>();
  v.topology.networkAcls.forEach((a, i) => {
    v.ref(`networkAcls[${i}].vpcId`, a.vpcId, "VPC");
    if (a.isDefault) {
      if (defaults.has(a.vpcId))
        v.add(
          "RCH_DUPLICATE_DEFAULT_NACL",
          `networkAcls[${i}].isDefault`,
          `VPC ${a.vpcId} already has a default network ACL.`,
          ["ACL-06"],
        );
      defaults.add(a.vpcId);
    }
    for (const dir of ["inbound", "outbound"] as const) {
      const seen = new Set<string>();
      a[dir].forEach((r, j) => {
        const family = r.cidrBlock.includes(":") ? 6 : 4;
        const key = `${r.ruleNumber}/${family}`;
        if (seen.has(key))
          v.add(
            "RCH_DUPLICATE_NACL_RULE_NUMBER",
            `networkAcls[${i}].${dir}[${j}].ruleNumber`,
            `Rule number ${r.ruleNumber} is used twice in the ${dir} rules of ${a.id}.`,
            ["ACL-03"],
          );
        seen.add(key);
      });
    }
  });
}

/** Each rule names exactly one peer, and references exist. */
export function checkSecurityGroups(v: ValidationContext): void {
  v.topology.securityGroups.forEach((sg, i) => {
    v.ref(`securityGroups[${i}].vpcId`, sg.vpcId, "VPC");
    for (const dir of ["inbound", "outbound"] as const) {
      (sg[dir] ?? []).forEach((r, j) => {
        const path = `securityGroups[${i}].${dir}[${j}]`;
        const peers = [r.cidrBlock, r.prefixListId, r.securityGroupId].filter((x) => x !== undefined).length;
        if (peers !== 1)
          v.add(
            "RCH_SG_RULE_PEER",
            path,
            "A security group rule needs exactly one of cidrBlock, prefixListId or securityGroupId.",
            ["SG-05"],
          );
        v.ref(`${path}.prefixListId`, r.prefixListId, "Prefix list");
        if (r.securityGroupId !== undefined && !r.securityGroupId.includes("/"))
          v.ref(`${path}.securityGroupId`, r.securityGroupId, "Security group");
      });
    }
  });
}
