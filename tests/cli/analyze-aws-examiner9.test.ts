// `reachable analyze` and `validate` on the ninth outside examination's AWS CLI folders (tests/cli/fixtures/examiner9,
// copied from the examiner's scenarios): the verdicts were right; each case is a trace, a flow-log record, a sentence or
// a validate note the examiner found missing or untrue for its input, asserted on the JSON's typed fields.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, captureCli } from "./capture";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/examiner9");

const analyze = (scenario: string, from: string, to: string, ...more: string[]) =>
  analyzeFolder(FIXTURES, scenario, from, to, "--protocol", "tcp", ...more);

type Issue = {
  readonly code: string;
  readonly severity: string;
  readonly rules: readonly string[];
  readonly location?: string;
  readonly message: string;
};

async function validateJson(scenario: string): Promise<{ readonly code: number; readonly issues: Issue[] }> {
  const r = await captureCli(
    ["validate", "--topology", path.join(FIXTURES, scenario), "--format", "json"],
    FIXTURES,
  );
  return { code: r.code, issues: (JSON.parse(r.stdout) as { issues: Issue[] }).issues };
}

const DXGW = "5f8d2d2e-1111-4c3b-9d1e-000000000001";

describe("centralised egress without a route back to the spoke (IGW-04)", () => {
  it("the internet gateway's blocker names the NAT subnet's route table and the default route that sent the reply there", async () => {
    const r = await analyze("e01-central-egress-noreturn", "i-0spk", "8.8.8.8", "--port", "443");
    expect(r.code).toBe(1);
    expect(r.json.blockers).toHaveLength(1);
    const b = r.json.blockers[0];
    expect([b?.component, b?.direction]).toEqual(["igw-0egr", "return"]);
    expect(b?.detail).toMatchObject({
      table: { id: "rtb-0epub" },
      route: { destination: "0.0.0.0/0", target: "igw-0egr" },
    });
  });
});

describe("a Direct Connect gateway on a transit gateway association is a hop of the path", () => {
  it("the reply outside the allowed prefixes is dropped at the Direct Connect gateway, between the VIF and the attachment", async () => {
    const r = await analyze("d05-dx-tgw-notcovered", "i-0app", "192.168.10.5", "--port", "443");
    expect(r.code).toBe(1);
    expect(r.json.blockers[0]).toMatchObject({ code: "RCH_DX_PREFIX_NOT_ALLOWED", component: DXGW });
    const hops = r.json.return.map((h) => [h.component.id, h.action]);
    expect(hops.slice(0, 4)).toEqual([
      [expect.stringMatching(/^onprem-/), "send"],
      ["dxvif-fgabc123", "forward"],
      [DXGW, "drop"],
      ["tgw-attach-0dx", "forward"],
    ]);
    expect(r.json.return[2]?.component.name).toBe("dxgw-main");
    expect(r.json.return[3]?.reached).toBe(false);
  });

  it("the request crosses it from the transit gateway attachment to the VIF", async () => {
    const r = await analyze("d05-dx-tgw-notcovered", "i-0app", "192.168.10.5", "--port", "443");
    const ids = r.json.forward.map((h) => h.component.id);
    const at = ids.indexOf("tgw-attach-0dx");
    expect(ids.slice(at, at + 3)).toEqual(["tgw-attach-0dx", DXGW, "dxvif-fgabc123"]);
  });

  it("on a virtual private gateway association the reply's drop hop carries the gateway's name too", async () => {
    const r = await analyze("d01-dx-vgw-narrow", "i-0app", "192.168.10.5", "--port", "443");
    const drop = r.json.return.find((h) => h.action === "drop");
    expect(drop?.component).toEqual({ id: DXGW, type: "direct-connect-gateway", name: "dxgw-main" });
  });
});

describe("flow logs record the middlebox interface the traffic crosses", () => {
  const lines = (json: { flowLogs: readonly { interfaceId: string; line: string }[] }, eni: string) =>
    json.flowLogs.filter((f) => f.interfaceId === eni).map((f) => f.line.split(" ").slice(3, 7).join(" "));

  it("a router instance with source/destination checking off logs each direction in and out, its own address on its side", async () => {
    const r = await analyze("r02-router-sdc-off", "i-0src", "i-0dst", "--port", "22");
    expect(r.code).toBe(0);
    expect(lines(r.json, "eni-0rtr")).toEqual([
      "10.0.1.10 10.0.2.10 49152 22",
      "10.0.2.10 10.0.3.10 49152 22",
      "10.0.3.10 10.0.2.10 22 49152",
      "10.0.2.10 10.0.1.10 22 49152",
    ]);
    expect(r.json.flowLogs.every((f) => f.action === "ACCEPT")).toBe(true);
  });

  it("an inspection appliance behind a transit gateway (appliance mode on) does the same", async () => {
    const r = await analyze("a02-appliance-on", "i-0a", "i-0b", "--port", "443");
    expect(r.code).toBe(0);
    expect(lines(r.json, "eni-0fwa")).toHaveLength(4);
  });

  it("with source/destination checking on, the router forwards nothing and no record is claimed for it", async () => {
    const r = await analyze("r01-router-sdc-on", "i-0src", "i-0dst", "--port", "22");
    expect(r.code).toBe(1);
    expect(lines(r.json, "eni-0rtr")).toEqual([]);
  });
});

describe("a Direct Connect gateway association that is listed but disassociated (DirectConnectGatewayAssociation)", () => {
  it("the no-link blocker names the association and its state", async () => {
    const r = await analyze("d08-dx-vgw-disassociated", "i-0app", "192.168.10.5", "--port", "443");
    expect(r.code).toBe(1);
    const b = r.json.blockers[0];
    expect([b?.code, b?.component]).toEqual(["NO_POSSIBLE_DESTINATION", "vgw-0a"]);
    expect(b?.detail).toMatchObject({
      problem: "no-link",
      inactiveAssociations: [
        {
          dxGateway: { id: DXGW, name: "dxgw-main" },
          association: "2a3b4c5d-aaaa-bbbb-cccc-000000000001",
          state: "disassociated",
        },
      ],
    });
    expect(b?.message).toContain("2a3b4c5d-aaaa-bbbb-cccc-000000000001");
    expect(b?.message).toContain("disassociated");
  });

  it("control: the same association when associated links the gateway (reachable)", async () => {
    const r = await analyze("d02-dx-vgw-equal", "i-0app", "192.168.10.5", "--port", "443");
    expect(r.code).toBe(0);
  });
});

describe("validate's notes name the AWS file and field, and catch allowed prefixes that advertise nothing", () => {
  it("the appliance-mode warning points at Options.ApplianceModeSupport in describe-transit-gateway-vpc-attachments.json", async () => {
    const v = await validateJson("a01-appliance-off");
    const w = v.issues.find((i) => i.code === "TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED");
    expect(w?.location).toBe(
      "describe-transit-gateway-vpc-attachments.json: TransitGatewayVpcAttachments[2].Options.ApplianceModeSupport (tgw-attach-0insp)",
    );
  });

  it("a VGW association's allowed prefix narrower than the VPC CIDR is a DX-04 warning at the prefix", async () => {
    const v = await validateJson("d01-dx-vgw-narrow");
    expect(v.code).toBe(0);
    expect(v.issues).toEqual([
      expect.objectContaining({
        code: "RCH_DX_PREFIXES_ADVERTISE_NOTHING",
        severity: "warning",
        rules: ["DX-04"],
        location: `describe-direct-connect-gateway-associations.json: directConnectGatewayAssociations[0].allowedPrefixesToDirectConnectGateway[0].cidr (${DXGW})`,
      }),
    ]);
  });

  it("control: the VPC CIDR itself as the allowed prefix gives no warning", async () => {
    const v = await validateJson("d02-dx-vgw-equal");
    expect(v.issues).toEqual([]);
  });
});

describe("appliance mode off: the reply is dropped by the other zone's appliance, which tracks no connection for it", () => {
  it("the drop hop is the appliance in the reply's zone; the attachment forwards; no connection-tracking claim there", async () => {
    const r = await analyze("a01-appliance-off", "i-0a", "i-0b", "--port", "443");
    expect(r.code).toBe(1);
    expect(r.json.blockers).toHaveLength(1);
    const b = r.json.blockers[0];
    expect([b?.code, b?.component, b?.direction]).toEqual([
      "RCH_APPLIANCE_MODE_ASYMMETRIC_PATH",
      "tgw-attach-0insp",
      "return",
    ]);
    expect(b?.detail).toMatchObject({
      appliance: { id: "eni-0fwb", name: "i-0fwb" },
      availabilityZone: "us-east-1b",
      requestAvailabilityZone: "us-east-1a",
    });
    expect(r.json.return.filter((h) => h.action === "drop").map((h) => h.component.id)).toEqual(["eni-0fwb"]);
    expect(r.json.return.find((h) => h.component.id === "tgw-attach-0insp")?.action).toBe("forward");
    const atAppliance = r.json.return.filter(
      (h) => h.component.id === "sg-0fw" && h.detail.kind === "security-group",
    );
    expect(atAppliance.map((h) => h.matched?.description)).toEqual([
      "sg-0fw: inbound all traffic 10.0.0.0/8",
      "sg-0fw: outbound all traffic 0.0.0.0/0",
    ]);
    expect(atAppliance.some((h) => h.detail.kind === "security-group" && h.detail.stateful === true)).toBe(
      false,
    );
    // The appliance's interface accepted the reply (its group allows it): the record is there; the drop is the appliance's.
    expect(r.json.flowLogs.filter((f) => f.interfaceId === "eni-0fwb").map((f) => f.action)).toEqual([
      "ACCEPT",
    ]);
  });

  it("an appliance group that would not admit the reply as a new connection refuses it first (it tracks nothing for it)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "examiner9-a01-"));
    cpSync(path.join(FIXTURES, "a01-appliance-off"), dir, { recursive: true });
    const file = path.join(dir, "describe-security-groups.json");
    const groups = JSON.parse(readFileSync(file, "utf8")) as {
      SecurityGroups: { GroupId: string; IpPermissions: { IpRanges: { CidrIp: string }[] }[] }[];
    };
    for (const g of groups.SecurityGroups)
      if (g.GroupId === "sg-0fw")
        for (const rule of g.IpPermissions) rule.IpRanges = [{ CidrIp: "10.1.0.0/16" }];
    writeFileSync(file, JSON.stringify(groups));
    const r = await analyzeFolder(dir, ".", "i-0a", "i-0b", "--protocol", "tcp", "--port", "443");
    expect(r.code).toBe(1);
    expect(r.json.blockers.map((b) => [b.code, b.component, b.direction, b.reached ?? true])).toEqual([
      ["ENI_SG_RULES_MISMATCH", "sg-0fw", "return", true],
      ["RCH_APPLIANCE_MODE_ASYMMETRIC_PATH", "tgw-attach-0insp", "return", false],
    ]);
  });
});
