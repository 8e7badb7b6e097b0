import { describe, expect, it } from "vitest";
import { analysisToJson, assumptionsFor, formatAnalysisText } from "@/lib/cli/format-analysis";
import type { Analysis, Blocker } from "@/lib/net/trace";

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

describe("repeated blockers", () => {
  // A walk that loops past the first drop once listed the same two faults 64 times each (examiner round 3, D5).
  const sg = {
    code: "ENI_SG_RULES_MISMATCH",
    component: "sg-1",
    message: "no rule",
    rules: [],
    direction: "forward",
  };
  const check = { ...sg, code: "ENI_SOURCE_DEST_CHECK_RESTRICTION", component: "eni-1", message: "check on" };
  const loop = { ...sg, code: "RCH_ROUTING_LOOP", component: "subnet-1", message: "loop" };
  const looping = {
    ...analysis,
    reachable: false,
    details: [],
    blockers: [...Array.from({ length: 64 }, () => [sg, check]).flat(), loop] as unknown as Blocker[],
  } as unknown as Analysis;

  it("are folded into the first, with how many more there were, in JSON and text", () => {
    const json = analysisToJson(looping);
    expect(json.blockers.map((b) => [b.code, b.repeated])).toEqual([
      ["ENI_SG_RULES_MISMATCH", 63],
      ["ENI_SOURCE_DEST_CHECK_RESTRICTION", 63],
      ["RCH_ROUTING_LOOP", undefined],
    ]);
    const text = formatAnalysisText(looping);
    expect(text).toContain("NOT REACHABLE (3 blockers)");
    expect(text).toContain("ENI_SG_RULES_MISMATCH at sg-1 on the forward path (and 63 more times)");
    expect(text.match(/ENI_SG_RULES_MISMATCH/g)).toHaveLength(1);
  });
});

describe("warnings beside blockers", () => {
  const blocked = {
    ...analysis,
    reachable: false,
    details: [],
    blockers: [
      {
        code: "ENI_SG_RULES_MISMATCH",
        component: "sg-1",
        message: "no rule",
        rules: [],
        direction: "forward",
      },
    ] as unknown as Blocker[],
  } as unknown as Analysis;

  it("point from the blockers at the warnings printed at the end, only when there are both", () => {
    const warning = "describe-managed-prefix-lists.json: PrefixLists[0] (pl-1): its entries are not shown";
    const text = formatAnalysisText(blocked, [warning]);
    const pointer = text.indexOf("(The warning at the end names input that was missing or not read");
    expect(pointer).toBeGreaterThan(text.indexOf("Blockers:"));
    expect(pointer).toBeLessThan(text.indexOf(`warning: ${warning}`));
    expect(formatAnalysisText(blocked, [warning, "another"])).toContain("The 2 warnings at the end");
    expect(formatAnalysisText(blocked)).not.toContain("at the end names input");
    expect(formatAnalysisText(analysis, [warning])).not.toContain("at the end names input");
  });
});
