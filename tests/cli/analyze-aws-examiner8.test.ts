// `reachable analyze` on the eighth outside examination's AWS CLI folders (tests/cli/fixtures/examiner8, copied
// from the examiner's scenarios): each case is an explanation the examiner found untrue or thin for its input; the
// verdicts were right, so the tests assert on the blocker's code and detail fields.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, captureCli } from "./capture";
import type { AnalysisJson } from "@/lib/cli/format-analysis";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/examiner8");

const analyze = (scenario: string, from: string, to: string, ...more: string[]) =>
  analyzeFolder(FIXTURES, scenario, from, to, "--protocol", "tcp", ...more);

type Issue = { readonly code: string; readonly severity: string; readonly rules: readonly string[] };

async function validateJson(scenario: string): Promise<{ readonly code: number; readonly issues: Issue[] }> {
  const r = await captureCli(
    ["validate", "--topology", path.join(FIXTURES, scenario), "--format", "json"],
    FIXTURES,
  );
  return { code: r.code, issues: (JSON.parse(r.stdout) as { issues: Issue[] }).issues };
}

describe("D6: both tunnels of a static VPN down while a route table still lists its propagated route (VPN-05)", () => {
  it("the blocker names the stale propagated route instead of claiming there is none", async () => {
    const r = await analyze("s09b-vpn-tunnels-down", "192.168.1.10", "i-0one", "--port", "22");
    expect(r.code).toBe(1);
    const b = r.json.blockers[0];
    expect([b?.code, b?.component, b?.direction]).toEqual(["BAD_STATE_VPN", "vpn-0a", "forward"]);
    expect(b?.detail).toMatchObject({
      staleRoutes: [{ table: { id: "rtb-0a1" }, destination: "192.168.0.0/16" }],
    });
    expect(b?.rules).toEqual(expect.arrayContaining(["VPN-02", "VPN-05"]));
  });

  it("validate warns that the snapshot is inconsistent", async () => {
    const v = await validateJson("s09b-vpn-tunnels-down");
    expect(v.code).toBe(0);
    expect(v.issues).toEqual([
      expect.objectContaining({ code: "RCH_STALE_PROPAGATED_ROUTE", severity: "warning", rules: ["VPN-05"] }),
    ]);
  });

  it("control: with the tunnels up there is no such warning", async () => {
    const v = await validateJson("s09-vpn-propagation");
    expect(v.issues.map((i) => i.code)).not.toContain("RCH_STALE_PROPAGATED_ROUTE");
  });
});

describe("D2: an inbound rule naming a deleted group (--allow-invalid)", () => {
  it("the blocker names the stale rule and its missing group", async () => {
    const r = await captureCli(
      [
        "analyze",
        "--topology",
        path.join(FIXTURES, "s02-sg-deleted-ref"),
        "--from",
        "i-0src",
        "--to",
        "i-0dst",
        "--port",
        "5432",
        "--allow-invalid",
        "--format",
        "json",
      ],
      FIXTURES,
    );
    expect(r.code).toBe(1);
    const b = (JSON.parse(r.stdout) as AnalysisJson).blockers[0];
    expect([b?.code, b?.component]).toEqual(["ENI_SG_RULES_MISMATCH", "sg-0dst"]);
    expect(b?.detail).toMatchObject({
      missingReferences: [{ rule: "sg-0dst: inbound tcp/5432 sg-0deleted99", group: "sg-0deleted99" }],
    });
    expect(b?.rules).toContain("SG-06");
  });
});

describe("D5: no route in a table that does not propagate from the VPC's virtual private gateway (VPN-05)", () => {
  it("the blocker names the gateway whose propagation would carry the destination", async () => {
    const r = await analyze("s09-vpn-propagation", "i-0two", "192.168.1.10", "--port", "22");
    expect(r.code).toBe(1);
    const b = r.json.blockers[0];
    expect([b?.code, b?.component]).toEqual(["NO_ROUTE_TO_DESTINATION", "rtb-0a2"]);
    expect(b?.detail).toMatchObject({ problem: "no-route", unpropagatedGateway: { id: "vgw-0a" } });
    expect(b?.rules).toContain("VPN-05");
  });

  it("control: the table that propagates from it reaches on-premises", async () => {
    const r = await analyze("s09-vpn-propagation", "i-0one", "192.168.1.10", "--port", "22");
    expect([r.code, r.json.reachable]).toEqual([0, true]);
  });
});
