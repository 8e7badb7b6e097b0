import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/net/reachability";
import type { NaclRule, SgRule, TopologyInput } from "@/lib/net/topology";
import { topo } from "./helpers";
import { must } from "../support/must";

const cidrArb = fc.constantFrom(
  "0.0.0.0/0",
  "10.0.0.0/16",
  "10.0.1.0/24",
  "10.0.2.0/24",
  "10.0.3.0/24",
  "192.168.0.0/16",
);
const protoArb = fc.constantFrom<"all" | "tcp" | "udp">("all", "tcp", "udp");
const rangeArb = fc.option(
  fc.constantFrom(
    { fromPort: 22, toPort: 22 },
    { fromPort: 443, toPort: 443 },
    { fromPort: 1024, toPort: 65535 },
    { fromPort: 0, toPort: 1023 },
  ),
  { nil: undefined },
);
const naclRuleArb = fc
  .record({
    ruleNumber: fc.integer({ min: 1, max: 300 }),
    protocol: protoArb,
    range: rangeArb,
    cidrBlock: cidrArb,
    action: fc.constantFrom<"allow" | "deny">("allow", "deny"),
  })
  .map(({ range, ...r }): NaclRule => ({ ...r, ...(range ?? {}) }));
const naclRulesArb = fc.uniqueArray(naclRuleArb, { selector: (r) => r.ruleNumber, maxLength: 5 });
const sgRuleArb = fc
  .record({ protocol: protoArb, range: rangeArb, cidrBlock: cidrArb })
  .map(({ range, ...r }): SgRule => ({ ...r, ...(range ?? {}) }));

/** One VPC, three subnets with their own NACLs and SGs – valid by construction. */
const worldArb = fc.record({
  nacls: fc.array(fc.record({ inbound: naclRulesArb, outbound: naclRulesArb }), {
    minLength: 3,
    maxLength: 3,
  }),
  sgs: fc.array(
    fc.record({
      inbound: fc.array(sgRuleArb, { maxLength: 3 }),
      outbound: fc.array(sgRuleArb, { maxLength: 3 }),
    }),
    { minLength: 3, maxLength: 3 },
  ),
  // Mostly-open worlds, so that a fair share of queries is reachable before the change.
  openNacl: fc.array(
    fc.integer({ min: 0, max: 9 }).map((x) => x < 8),
    { minLength: 3, maxLength: 3 },
  ),
  openSg: fc.array(
    fc.integer({ min: 0, max: 9 }).map((x) => x < 8),
    { minLength: 3, maxLength: 3 },
  ),
  from: fc.integer({ min: 0, max: 2 }),
  to: fc.integer({ min: 0, max: 2 }),
  port: fc.constantFrom(22, 443, 8080),
  protocol: fc.constantFrom<"tcp" | "udp">("tcp", "udp"),
});

type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

function build(w: World): TopologyInput {
  return {
    vpcs: [{ id: "vpc-1", cidrBlocks: ["10.0.0.0/16"] }],
    subnets: [1, 2, 3].map((n) => ({
      id: `subnet-${n}`,
      vpcId: "vpc-1",
      availabilityZone: "us-east-1a",
      cidrBlock: `10.0.${n}.0/24`,
      networkAclId: `acl-${n}`,
    })),
    networkAcls: w.nacls.map((a, i) => {
      const open: NaclRule[] = w.openNacl[i]
        ? [{ ruleNumber: 1000, protocol: "all", cidrBlock: "0.0.0.0/0", action: "allow" }]
        : [];
      return {
        id: `acl-${i + 1}`,
        vpcId: "vpc-1",
        inbound: [...a.inbound, ...open],
        outbound: [...a.outbound, ...open],
      };
    }),
    securityGroups: w.sgs.map((g, i) => {
      const open: SgRule[] = w.openSg[i] ? [{ protocol: "all", cidrBlock: "10.0.0.0/16" }] : [];
      return {
        id: `sg-${i + 1}`,
        vpcId: "vpc-1",
        inbound: [...g.inbound, ...open],
        outbound: [...g.outbound, ...open],
      };
    }),
    instances: [1, 2, 3].map((n) => ({
      id: `i-${n}`,
      subnetId: `subnet-${n}`,
      privateIp: `10.0.${n}.10`,
      securityGroupIds: [`sg-${n}`],
    })),
  };
}

const allowArb = fc.record({
  where: fc.constantFrom("sg-in", "sg-out", "nacl-in", "nacl-out"),
  index: fc.integer({ min: 0, max: 2 }),
  protocol: protoArb,
  range: rangeArb,
  cidrBlock: cidrArb,
  ruleNumber: fc.integer({ min: 1, max: 400 }),
});

describe("reachability properties", () => {
  it("adding an allow rule never turns reachable into unreachable", () => {
    let reachableCases = 0;
    fc.assert(
      fc.property(worldArb, allowArb, (w, add) => {
        const query = { from: `i-${w.from + 1}`, to: `i-${w.to + 1}`, protocol: w.protocol, port: w.port };
        const before = analyze(topo(build(w)), query).reachable;
        const input = build(w);
        const rule = { protocol: add.protocol, cidrBlock: add.cidrBlock, ...(add.range ?? {}) };
        if (add.where.startsWith("sg")) {
          const sg = must(must(input.securityGroups)[add.index]);
          if (add.where === "sg-in") sg.inbound = [...(sg.inbound ?? []), rule];
          else sg.outbound = [...(sg.outbound ?? []), rule];
        } else {
          const acl = must(must(input.networkAcls)[add.index]);
          const list = add.where === "nacl-in" ? (acl.inbound ?? []) : (acl.outbound ?? []);
          if (list.some((r) => r.ruleNumber === add.ruleNumber)) return;
          list.push({ ...rule, ruleNumber: add.ruleNumber, action: "allow" });
          if (add.where === "nacl-in") acl.inbound = list;
          else acl.outbound = list;
        }
        const after = analyze(topo(input), query).reachable;
        if (before) {
          reachableCases++;
          expect(after).toBe(true);
        }
      }),
      { numRuns: 150, seed: 42 },
    );
    // The property is only meaningful if some generated worlds are reachable to begin with.
    expect(reachableCases).toBeGreaterThan(3);
  });

  it("PCX-02: peering never becomes transitive, whatever the route tables say", () => {
    const chainArb = fc.integer({ min: 3, max: 5 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        // for each VPC and each other VPC: route towards the left or the right neighbour's peering
        dirs: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), {
          minLength: n,
          maxLength: n,
        }),
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
      }),
    );
    fc.assert(
      fc.property(chainArb, ({ n, dirs, from, to }) => {
        const idx = [...Array(n).keys()];
        const pcx = (a: number, b: number) => `pcx-${Math.min(a, b)}-${Math.max(a, b)}`;
        const input: TopologyInput = {
          vpcs: idx.map((i) => ({ id: `vpc-${i}`, cidrBlocks: [`10.${i}.0.0/16`] })),
          subnets: idx.map((i) => ({
            id: `subnet-${i}`,
            vpcId: `vpc-${i}`,
            availabilityZone: "us-east-1a",
            cidrBlock: `10.${i}.1.0/24`,
            routeTableId: `rtb-${i}`,
          })),
          peeringConnections: idx
            .slice(1)
            .map((i) => ({ id: pcx(i - 1, i), requesterVpcId: `vpc-${i - 1}`, accepterVpcId: `vpc-${i}` })),
          routeTables: idx.map((i) => ({
            id: `rtb-${i}`,
            vpcId: `vpc-${i}`,
            routes: idx
              .filter((j) => j !== i)
              .map((j) => {
                const right = i < n - 1 && (i === 0 || must(must(dirs[i])[j]));
                return { destination: `10.${j}.0.0/16`, target: right ? pcx(i, i + 1) : pcx(i - 1, i) };
              }),
          })),
          securityGroups: idx.map((i) => ({
            id: `sg-${i}`,
            vpcId: `vpc-${i}`,
            inbound: [{ protocol: "all", cidrBlock: "10.0.0.0/8" }],
          })),
          instances: idx.map((i) => ({
            id: `i-${i}`,
            subnetId: `subnet-${i}`,
            privateIp: `10.${i}.1.10`,
            securityGroupIds: [`sg-${i}`],
          })),
        };
        const a = analyze(topo(input), { from: `i-${from}`, to: `i-${to}`, protocol: "tcp", port: 22 });
        if (Math.abs(from - to) >= 2) {
          expect(a.reachable).toBe(false);
          // Traffic never crosses more than one peering.
          expect(
            new Set(
              a.forward
                .filter((h) => h.component.type === "vpc-peering-connection")
                .map((h) => h.component.id),
            ).size,
          ).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
