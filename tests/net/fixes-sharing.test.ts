import { describe, expect, it } from "vitest";
import { firstVerifiedFix, proposeFixes, type Fix } from "@/lib/net/fixes";
import { buildNetwork } from "@/lib/net/network";
import { analyze } from "@/lib/net/reachability";
import type { Query } from "@/lib/net/query";
import type { Topology } from "@/lib/net/topology";
import { edited, example, topo, twoPeered } from "./helpers";
import { must } from "../support/must";

const q = (from: string, to: string, port = 22): Query => ({ from, to, protocol: "tcp", port });

function blockedCases(): [string, Topology, Query][] {
  const sg = edited(example("tgw-hub"), (d) => {
    must(d.securityGroups[1]).inbound = [];
  });
  const tgw = edited(example("tgw-hub"), (d) => {
    must(d.transitGatewayRouteTables[0]).propagations = ["tgw-attach-1", "tgw-attach-2"];
  });
  return [
    ["add-peering", example("abc-peering-chain"), q("app-a", "app-c")],
    ["accept-peering", topo(twoPeered({ status: "pending-acceptance" })), q("h-1", "h-2")],
    ["add-route", topo(twoPeered({ routeBack: false })), q("h-1", "h-2")],
    ["combined", topo(twoPeered({ status: "pending-acceptance", routeBack: false })), q("h-1", "h-2")],
    [
      "add-nacl-rule",
      example("nacl-blocks-responses"),
      { from: "internet", to: "web", protocol: "tcp", port: 443 },
    ],
    ["add-endpoint", example("gateway-endpoint-from-peer"), q("app-host", "s3", 443)],
    ["add-sg-rule", sg, q("host-1", "host-2")],
    ["enable-propagation", tgw, q("host-1", "host-3")],
  ];
}

describe("proposeFixes builds candidates copy-on-write", () => {
  it.each(blockedCases())(
    "%s: the input is unchanged and each fix differs from it only in objects it replaced",
    (kind, t, query) => {
      const before = structuredClone(t);
      const fixes = proposeFixes(t, query);
      expect(fixes.some((f) => f.kind === kind)).toBe(true);
      expect(t).toEqual(before);
      for (const fix of fixes) {
        // Every object of the candidate either is the input's own object (shared) or is new; a shared object must
        // still equal its snapshot, i.e. no fix edited an object it shares with the input.
        const lists = Object.keys(t).filter((k) => Array.isArray((t as Record<string, unknown>)[k]));
        let shared = 0;
        for (const key of lists) {
          const original = (t as unknown as Record<string, unknown[]>)[key] ?? [];
          for (const item of (fix.topology as unknown as Record<string, unknown[]>)[key] ?? [])
            if (original.includes(item)) shared += 1;
        }
        expect(shared).toBeGreaterThan(0);
        // Lists a fix does not touch are the input's own lists; a fix that is not "combined" changes at most two.
        const copied = lists.filter(
          (key) =>
            (fix.topology as unknown as Record<string, unknown>)[key] !==
            (t as unknown as Record<string, unknown>)[key],
        );
        if (fix.kind !== "combined") expect(copied.length).toBeLessThanOrEqual(2);
        expect(copied.length).toBeLessThan(lists.length);
      }
      expect(t).toEqual(before);
    },
  );
});

describe("proposeFixes with the caller's network and analysis", () => {
  it("gives the same fixes as without them, and refuses a network of another topology or an analysis of another query", () => {
    const t = topo(twoPeered({ routeBack: false }));
    const query = q("h-1", "h-2");
    const network = buildNetwork(t);
    const analysis = analyze(network, query);
    const describe = (fixes: { kind: string; description: string; verified: boolean }[]) =>
      fixes.map((f) => `${f.kind}|${f.description}|${f.verified}`);
    expect(describe(proposeFixes(t, query, { network, analysis }))).toEqual(describe(proposeFixes(t, query)));
    expect(() => proposeFixes(topo(twoPeered({ routeBack: false })), query, { network })).toThrow(
      /another topology/,
    );
    expect(() => proposeFixes(t, q("h-1", "h-2", 443), { analysis })).toThrow(/another query/);
  });
});

describe("proposeFixes without the combined fix", () => {
  it("offers the same single fixes, in the same order, and no combined one", () => {
    const t = topo(twoPeered({ status: "pending-acceptance", routeBack: false }));
    const all = proposeFixes(t, q("h-1", "h-2"));
    expect(all.some((f) => f.kind === "combined")).toBe(true);
    const single = proposeFixes(t, q("h-1", "h-2"), { combined: false });
    expect(single.some((f) => f.kind === "combined")).toBe(false);
    expect(single.map((f) => f.description)).toEqual(
      all.filter((f) => f.kind !== "combined").map((f) => f.description),
    );
  });
});

describe("firstVerifiedFix", () => {
  it.each(blockedCases())(
    "%s: the first verified fix of proposeFixes(…, { combined: false }), with the same id",
    (_kind, t, query) => {
      const all = proposeFixes(t, query, { combined: false });
      const first = firstVerifiedFix(t, query);
      expect(first).toEqual(all.find((f) => f.verified));
    },
  );

  it.each(blockedCases())(
    "%s: with `only`, the first verified fix it accepts, with its id among all candidates",
    (_kind, t, query) => {
      const all = proposeFixes(t, query, { combined: false });
      for (const fix of all) {
        const filters: ((c: Pick<Fix, "kind" | "gateway">) => boolean)[] = [
          (c) => c.kind === fix.kind,
          (c) => c.kind === fix.kind && c.gateway === fix.gateway,
          (c) => c.kind === fix.kind && c.gateway === "no-such-gateway",
        ];
        for (const only of filters)
          expect(firstVerifiedFix(t, query, { only })).toEqual(all.find((f) => f.verified && only(f)));
      }
    },
  );

  it("is undefined for a reachable flow", () => {
    expect(firstVerifiedFix(topo(twoPeered({})), q("h-1", "h-2"))).toBeUndefined();
  });
});
