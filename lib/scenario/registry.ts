// Every question family, by name. Add a family here and the CLI, the coverage test and the bench see it.
import type { Family } from "./family";
import { conceptCheck } from "./families/concept-check";
import { endpointChoice } from "./families/endpoint-choice";
import { peeringFeasibility } from "./families/peering-feasibility";
import { canAReachC } from "./families/can-a-reach-c";
import { filtering } from "./families/filtering";
import { missingPieceWithTwo } from "./families/missing-two";
import { flowLogDiagnosis } from "./families/flow-log-diagnosis";
import { fixIt } from "./families/fix-it";
import { edgeToEdge } from "./families/edge-to-edge";
import { ipv6Egress } from "./families/ipv6-egress";
import { hybrid } from "./families/hybrid";

export const FAMILIES: readonly Family[] = [
  conceptCheck,
  endpointChoice,
  canAReachC,
  missingPieceWithTwo,
  peeringFeasibility,
  filtering,
  flowLogDiagnosis,
  fixIt,
  edgeToEdge,
  ipv6Egress,
  hybrid,
];

const byName = new Map(FAMILIES.map((family) => [family.name, family]));

export function findFamily(name: string): Family | undefined {
  return byName.get(name);
}

export function familyNames(): string[] {
  return FAMILIES.map((family) => family.name);
}
