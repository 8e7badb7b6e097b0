// `reachable analyze` on the eighth outside examination's AWS CLI folders (tests/cli/fixtures/examiner8, copied
// from the examiner's scenarios): each case is an explanation the examiner found untrue or thin for its input; the
// verdicts were right, so the tests assert on the blocker's code and detail fields.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
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

describe("D4: the transit gateway hop comes before its route table's, whatever the table decides", () => {
  const tgwHops = (j: AnalysisJson) =>
    j.forward
      .map((h) => h.component.type)
      .filter(
        (t) =>
          t === "transit-gateway-attachment" ||
          t === "transit-gateway" ||
          t === "transit-gateway-route-table",
      );

  it("no route in the table (s10): attachment, transit gateway, route table", async () => {
    const r = await analyze("s10-pcx-vs-tgw-lpm", "i-0a", "10.2.1.10", "--port", "22");
    expect(r.json.blockers[0]?.code).toBe("TGW_RTB_CANNOT_ROUTE");
    expect(tgwHops(r.json)).toEqual([
      "transit-gateway-attachment",
      "transit-gateway",
      "transit-gateway-route-table",
    ]);
  });

  it("a blackhole route (s01): the same hops", async () => {
    const r = await analyze(
      "s01-tgw-blackhole",
      "i-000000000000000a1",
      "i-000000000000000b1",
      "--port",
      "443",
    );
    expect(r.json.blockers[0]?.code).toBe("TGW_RTB_BAD_STATE_ROUTE");
    expect(tgwHops(r.json)).toEqual([
      "transit-gateway-attachment",
      "transit-gateway",
      "transit-gateway-route-table",
    ]);
  });
});

describe("D7: a route hop names the route it was preferred over by priority, not by prefix length", () => {
  const routeHop = (j: AnalysisJson) => j.forward.find((h) => h.component.id === "rtb-0a1")?.detail;

  it("a static route over a propagated one of the same prefix (RT-06)", async () => {
    const r = await analyze("s21-static-vs-propagated", "i-0one", "i-0peer", "--port", "22");
    expect([r.code, r.json.reachable]).toEqual([0, true]);
    expect(routeHop(r.json)).toMatchObject({
      route: {
        target: "pcx-0ab",
        origin: "static",
        preferredOver: [{ destination: "192.168.1.0/24", target: "vgw-0a", origin: "propagated" }],
      },
    });
  });

  it("the local route over a more specific propagated one (RT-05)", async () => {
    const r = await analyze("s21-static-vs-propagated", "i-0one", "i-0five", "--port", "22");
    expect([r.code, r.json.reachable]).toEqual([0, true]);
    expect(routeHop(r.json)).toMatchObject({
      route: { target: "local", origin: "local" },
      overrides: { destination: "10.0.5.0/24", target: "vgw-0a", origin: "propagated" },
    });
  });

  it("a plain longest-prefix match names neither", async () => {
    const r = await analyze("s09-vpn-propagation", "i-0one", "192.168.1.10", "--port", "22");
    const hop = r.json.forward.find((h) => h.component.type === "route-table")?.detail;
    expect(hop).not.toHaveProperty("overrides");
    expect(hop).not.toHaveProperty("route.preferredOver");
  });
});

describe("D1: per-table search-transit-gateway-routes files under the obvious names", () => {
  // s01's blackhole (10.2.0.0/16) is only in the spoke table's search-transit-gateway-routes output: the verdict
  // shows whether the file was read.
  const variants: Record<string, (table: string) => string> = {
    "<command>.<table>.json": (t) => `search-transit-gateway-routes.${t}.json`,
    "<command>-<table>.json": (t) => `search-transit-gateway-routes-${t}.json`,
    "<command>/<table>.json": (t) => path.join("search-transit-gateway-routes", `${t}.json`),
  };
  for (const [form, name] of Object.entries(variants))
    it(`${form}: read, so the blackhole route decides`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "exam8-d1-"));
      const source = path.join(FIXTURES, "s01-tgw-blackhole");
      mkdirSync(path.join(dir, "search-transit-gateway-routes"));
      for (const file of readdirSync(source)) {
        const table = /^search-transit-gateway-routes\.(.+)\.json$/.exec(file)?.[1];
        copyFileSync(path.join(source, file), path.join(dir, table === undefined ? file : name(table)));
      }
      const r = await captureCli(
        ["analyze", "--topology", dir, "--from", "i-000000000000000a1", "--to", "i-000000000000000b1"].concat(
          ["--port", "443", "--format", "json"],
        ),
        dir,
      );
      const j = JSON.parse(r.stdout) as AnalysisJson;
      expect(j.warnings).toEqual([]);
      expect([r.code, j.blockers[0]?.code]).toEqual([1, "TGW_RTB_BAD_STATE_ROUTE"]);
      const v = await captureCli(["validate", "--topology", dir, "--format", "json"], dir);
      expect((JSON.parse(v.stdout) as { unread: unknown[] }).unread).toEqual([]);
    });
});
