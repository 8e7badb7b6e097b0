// The fixes the lab offers: the model's proposals (lib/net/fixes.ts, whose order the question generator depends
// on, so it is left alone), led by a narrower one where the model opens a security group to a whole VPC range.
// uxr6 finding 4: "Add an inbound rule tcp/443 from 10.0.0.0/16 to security group sg-app" opened the port to
// every address in the VPC when the source instance's own security group (sg-web) would do. A security group rule
// may name another security group in the same VPC as its source (aws-rules SG-06; Amazon VPC User Guide,
// "Security group rules" > "Security group referencing").
import { analyze, proposeFixes, type Fix, type Query, type SgRule, type Topology } from "@/lib/net";

/** Ids of the lab's own fixes; the model's keep theirs ("fix-1", …), so applying one finds it again by id. */
export const NARROW_FIX_PREFIX = "fix-narrow-";

function sourceInstance(topology: Topology, from: string) {
  return topology.instances.find((instance) => instance.id === from || instance.name === from);
}

function vpcOfSubnet(topology: Topology, subnetId: string | undefined): string | undefined {
  return topology.subnets.find((subnet) => subnet.id === subnetId)?.vpcId;
}

/**
 * For a model fix that adds one inbound security-group rule from a CIDR range, the same rule with the source
 * instance's security group as its source instead, when that group is in the same VPC and the result still
 * reaches (verified with the model). Undefined otherwise.
 */
function narrowerFix(topology: Topology, query: Query, fix: Fix): Fix | undefined {
  if (fix.kind !== "add-sg-rule" || !fix.verified) return undefined;
  const index = topology.securityGroups.findIndex((group, i) => group !== fix.topology.securityGroups[i]);
  const before = topology.securityGroups[index];
  const after = fix.topology.securityGroups[index];
  if (before === undefined || after === undefined || after.inbound.length !== before.inbound.length + 1)
    return undefined;
  const added = after.inbound[after.inbound.length - 1];
  if (added?.cidrBlock === undefined) return undefined;
  const source = sourceInstance(topology, query.from);
  const sourceGroup = source?.securityGroupIds[0];
  if (source === undefined || sourceGroup === undefined) return undefined;
  if (vpcOfSubnet(topology, source.subnetId) !== after.vpcId) return undefined;
  if (!topology.securityGroups.some((group) => group.id === sourceGroup && group.vpcId === after.vpcId))
    return undefined;
  const { cidrBlock: _wide, ...rest } = added;
  const rule: SgRule = { ...rest, securityGroupId: sourceGroup };
  const securityGroups = topology.securityGroups.map((group, i) =>
    i === index ? { ...group, inbound: [...before.inbound, rule] } : group,
  );
  const narrowed: Topology = { ...topology, securityGroups };
  if (!analyze(narrowed, query).reachable) return undefined;
  const ports = rule.fromPort === undefined ? "" : `/${rule.fromPort}`;
  return {
    ...fix,
    id: `${NARROW_FIX_PREFIX}${fix.id.replace(/^fix-/, "")}`,
    description: `Add an inbound rule ${rule.protocol}${ports} from security group ${sourceGroup} (${source.name ?? source.id}'s group) to security group ${after.id}`,
    rules: [...fix.rules, "SG-06"],
    topology: narrowed,
    verified: true,
  };
}

/** The model's fixes, each narrower lab fix just before the wide one it narrows (so the first fix is the narrowest). */
export function labFixes(topology: Topology, query: Query): Fix[] {
  return proposeFixes(topology, query).flatMap((fix) => {
    const narrow = narrowerFix(topology, query, fix);
    return narrow === undefined ? [fix] : [narrow, fix];
  });
}
