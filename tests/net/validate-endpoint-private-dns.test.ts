// IFE-03: private DNS of an interface endpoint needs the VPC's enableDnsSupport and enableDnsHostnames both on.
// With either off, validate warns (naming the VPC and the endpoint) and analyze resolves the service's name to
// its public addresses, not to the endpoint, as AWS does.
import { describe, expect, it } from "vitest";
import { validate } from "@/lib/net/validate";
import { edited, example, run } from "./helpers";
import { must } from "../support/must";

const base = example("interface-endpoint-private-dns");
const withVpc = (change: { enableDnsSupport?: boolean; enableDnsHostnames?: boolean }) =>
  edited(base, (d) => Object.assign(must(d.vpcs[0]), change));
const inert = (t: typeof base) => validate(t).filter((i) => i.code === "RCH_ENDPOINT_PRIVATE_DNS_INERT");
const viaEndpoint = (t: typeof base) =>
  run(t, "app", "sqs", 443).forward.some((h) => h.component.id === "eni-vpce-sqs-a");

describe("interface endpoint private DNS without the VPC's DNS attributes (IFE-03)", () => {
  it("is silent, and resolves to the endpoint, when both attributes are on", () => {
    expect(inert(base)).toEqual([]);
    expect(viaEndpoint(base)).toBe(true);
  });

  it("warns naming the VPC, the endpoint and the attribute when enableDnsHostnames is off", () => {
    const t = withVpc({ enableDnsHostnames: false });
    const issues = inert(t);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "warning",
      path: "interfaceEndpoints[0].privateDnsEnabled",
      rules: ["IFE-03"],
    });
    expect(issues[0]?.message).toContain(
      "Interface endpoint vpce-sqs has private DNS enabled, but VPC vpc-p",
    );
    expect(issues[0]?.message).toContain("enableDnsHostnames off");
    // analyze agrees: the name resolves to the public service, not to the endpoint's interface.
    expect(viaEndpoint(t)).toBe(false);
  });

  it("names both attributes when both are off, and analyze finds no DNS resolution", () => {
    const t = withVpc({ enableDnsSupport: false, enableDnsHostnames: false });
    expect(inert(t)[0]?.message).toContain("enableDnsSupport and enableDnsHostnames off");
    const a = run(t, "app", "sqs", 443);
    expect(a.blockers.map((b) => b.code)).toContain("RCH_DNS_RESOLUTION_DISABLED");
    expect(viaEndpoint(t)).toBe(false);
  });

  it("is silent for an endpoint whose private DNS is off", () => {
    const t = edited(withVpc({ enableDnsHostnames: false }), (d) => {
      must(d.interfaceEndpoints[0]).privateDnsEnabled = false;
    });
    expect(inert(t)).toEqual([]);
  });
});
