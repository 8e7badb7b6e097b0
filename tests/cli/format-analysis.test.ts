import { describe, expect, it } from "vitest";
import { assumptionsFor } from "@/lib/cli/format-analysis";
import type { Analysis } from "@/lib/net/trace";

// `reachable analyze` prints what was assumed first: the import's assumptions, then every RCH_ASSUMED_* detail of
// the trace (on-premises networks, appliances behind a Gateway Load Balancer, a regional NAT gateway's zone).
const analysis = {
  reachable: true,
  query: { from: "a", to: "b", protocol: "tcp", port: 443 },
  forward: [],
  return: [],
  blockers: [],
  flowLogs: [],
  details: [
    { code: "RCH_DNS64", message: "not an assumption" },
    { code: "RCH_ASSUMED_APPLIANCE_PASSES", message: "assumed the appliances pass" },
    { code: "RCH_ASSUMED_REGIONAL_NAT_ZONE", message: "assumed the zone is served" },
    { code: "RCH_ASSUMED_ON_PREMISES", message: "assumed on-premises" },
  ],
} as unknown as Analysis;

describe("assumptionsFor", () => {
  it("lists the import's assumptions, then each assumption of the trace once, and nothing else", () => {
    expect(assumptionsFor(analysis, ["imported", "assumed on-premises"])).toEqual([
      "imported",
      "assumed on-premises",
      "assumed the appliances pass",
      "assumed the zone is served",
    ]);
  });
});
