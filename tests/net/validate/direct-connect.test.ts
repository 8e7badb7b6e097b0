// lib/net/validate/connections.ts checkDirectConnectGateways (DX-04): a virtual private gateway association whose
// allowed prefixes are narrower than (or outside) every CIDR of the VPC advertises nothing to on-premises.
import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import { oneVpc, topo } from "../helpers";

const withPrefixes = (gatewayId: string, allowedPrefixes: string[]) =>
  topo(
    oneVpc({
      vpnGateways: [{ id: "vgw-1", vpcId: "vpc-1" }],
      transitGateways: [{ id: "tgw-1" }],
      directConnectGateways: [{ id: "dxgw-1", name: "main", associations: [{ gatewayId, allowedPrefixes }] }],
    }),
  );

const warnings = (gatewayId: string, allowedPrefixes: string[]) =>
  validate(withPrefixes(gatewayId, allowedPrefixes)).filter(
    (i) => i.code === "RCH_DX_PREFIXES_ADVERTISE_NOTHING",
  );

describe("DX-04 in validate: allowed prefixes that advertise nothing", () => {
  it("warns for a prefix narrower than the VPC CIDR (AWS's 10.0.0.0/24 on 10.0.0.0/16) and for one outside it", () => {
    for (const prefix of ["10.0.0.0/24", "22.0.0.0/24"]) {
      const found = warnings("vgw-1", [prefix]);
      expect(found).toEqual([
        expect.objectContaining({
          severity: "warning",
          rules: ["DX-04"],
          path: "directConnectGateways[0].associations[0].allowedPrefixes[0]",
        }),
      ]);
      expect(found[0]?.message).toContain(prefix);
    }
  });

  it("is silent for the VPC CIDR, a wider prefix, no prefixes, and a transit gateway association", () => {
    expect(warnings("vgw-1", ["10.0.0.0/16"])).toEqual([]);
    expect(warnings("vgw-1", ["10.0.0.0/15"])).toEqual([]);
    expect(warnings("vgw-1", ["10.0.0.0/24", "10.0.0.0/8"])).toEqual([]);
    expect(warnings("vgw-1", [])).toEqual([]);
    expect(warnings("tgw-1", ["10.2.0.0/16"])).toEqual([]);
  });
});
