import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCidr, toIp } from "@/lib/net/cidr";
import { compileNetworkAcl, evaluateNetworkAcl } from "@/lib/net/network-acls";
import { compileSecurityGroup, evaluateSecurityGroups, type SgPeerContext } from "@/lib/net/security-groups";
import type { NaclRule, SgRule } from "@/lib/net/topology";

const cidrArb = fc.constantFrom(
  "0.0.0.0/0",
  "10.0.0.0/8",
  "10.0.0.0/16",
  "10.0.1.0/24",
  "192.168.0.0/16",
  "10.0.1.10/32",
);
const protoArb = fc.constantFrom<"all" | "tcp" | "udp" | "icmp">("all", "tcp", "udp", "icmp");
const portsArb = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 2000 }))
    .map(([a, n]) => ({ fromPort: a, toPort: Math.min(65535, a + n) })),
  { nil: undefined },
);
const packetArb = fc.record({
  remote: fc.constantFrom("10.0.1.10", "10.0.2.3", "192.168.5.5", "8.8.8.8").map(toIp),
  protocol: fc.constantFrom<"tcp" | "udp" | "icmp">("tcp", "udp", "icmp"),
  port: fc.integer({ min: 0, max: 65535 }),
});

const sgRuleArb = fc
  .record({ protocol: protoArb, ports: portsArb, cidrBlock: cidrArb })
  .map(({ protocol, ports, cidrBlock }): SgRule => ({ protocol, cidrBlock, ...(ports ?? {}) }));
const ctx: SgPeerContext = { prefixListCidrs: () => undefined, isMemberOfReferencedGroup: () => false };

const naclRulesArb = fc.uniqueArray(
  fc
    .record({
      ruleNumber: fc.integer({ min: 1, max: 32766 }),
      protocol: protoArb,
      ports: portsArb,
      cidrBlock: cidrArb,
      action: fc.constantFrom<"allow" | "deny">("allow", "deny"),
    })
    .map(({ ports, ...r }): NaclRule => ({ ...r, ...(ports ?? {}) })),
  { selector: (r) => r.ruleNumber, maxLength: 15 },
);

describe("filter properties", () => {
  it("SG-01: security-group verdicts do not depend on rule or group order", () => {
    const withShuffle = fc
      .array(sgRuleArb, { maxLength: 12 })
      .chain((a) =>
        fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length })),
      );
    fc.assert(
      fc.property(
        withShuffle,
        fc.array(sgRuleArb, { maxLength: 6 }),
        packetArb,
        ([a, shuffled], b, packet) => {
          const g1 = compileSecurityGroup({ id: "sg-1", vpcId: "v", inbound: a }, toCidr);
          const g2 = compileSecurityGroup({ id: "sg-2", vpcId: "v", inbound: b }, toCidr);
          const g1s = compileSecurityGroup({ id: "sg-1", vpcId: "v", inbound: shuffled }, toCidr);
          const v1 = evaluateSecurityGroups([g1, g2], "inbound", packet, ctx).allowed;
          expect(evaluateSecurityGroups([g2, g1s], "inbound", packet, ctx).allowed).toBe(v1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("ACL-03: NACL verdicts depend on rule number, not array order", () => {
    fc.assert(
      fc.property(naclRulesArb, packetArb, fc.integer({ min: 0, max: 1000 }), (rules, packet, k) => {
        const rotated = rules.length
          ? [...rules.slice(k % rules.length), ...rules.slice(0, k % rules.length)].reverse()
          : rules;
        const a = evaluateNetworkAcl(
          compileNetworkAcl({ id: "a", vpcId: "v", isDefault: false, inbound: rules, outbound: [] }, toCidr),
          "inbound",
          packet,
        );
        const b = evaluateNetworkAcl(
          compileNetworkAcl(
            { id: "a", vpcId: "v", isDefault: false, inbound: rotated, outbound: [] },
            toCidr,
          ),
          "inbound",
          packet,
        );
        expect(b).toEqual(a);
        // Oracle: the lowest-numbered matching rule decides.
        const lowestMatch = [...rules]
          .sort((x, y) => x.ruleNumber - y.ruleNumber)
          .find(
            (r) =>
              evaluateNetworkAcl(
                compileNetworkAcl(
                  { id: "o", vpcId: "v", isDefault: false, inbound: [r], outbound: [] },
                  toCidr,
                ),
                "inbound",
                packet,
              ).ruleNumber === r.ruleNumber,
          );
        expect(a.ruleNumber).toBe(lowestMatch?.ruleNumber ?? "*");
      }),
      { numRuns: 200 },
    );
  });
});
