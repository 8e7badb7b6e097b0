// TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED (aws-rules TGW-11): an inspection VPC's attachment without appliance mode.
import { applianceModeMessage, attachmentsNeedingApplianceMode } from "../appliance-mode";
import type { ValidationContext } from "./context";

export function checkApplianceMode(v: ValidationContext): void {
  for (const att of attachmentsNeedingApplianceMode(v.topology)) {
    const i = v.topology.transitGatewayAttachments.indexOf(att);
    v.add(
      "TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED",
      `transitGatewayAttachments[${i}].applianceMode`,
      applianceModeMessage(att),
      ["TGW-11"],
      "warning",
    );
  }
}
