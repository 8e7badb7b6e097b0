import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cidrContainsIp, formatIpv4, maskIpv4, toCidr, toIp } from "@/lib/net/cidr";
import { compileRoutes, type CompiledRoute, lookupRoute, type RouteOrigin } from "@/lib/net/routing";

const RANK: Record<RouteOrigin, number> = {
  local: 0,
  static: 1,
  "prefix-list": 2,
  propagated: 3,
  "propagated-dx": 4,
  "propagated-vpn": 5,
};

// Routes built valid by construction: the network address is masked to the prefix.
const routeArb = fc
  .record({
    value: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    prefix: fc.integer({ min: 0, max: 32 }),
    origin: fc.constantFrom<RouteOrigin>("static", "prefix-list", "propagated", "propagated-vpn"),
    target: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ value, prefix, origin, target }): CompiledRoute<number> => {
    const text = `${formatIpv4(maskIpv4(value, prefix))}/${prefix}`;
    return { cidr: toCidr(text), origin, target, description: text };
  });

// Addresses near route networks so that matches are frequent.
const ipArb = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((v) => toIp(formatIpv4(v)));

function oracle(routes: CompiledRoute<number>[], ip: ReturnType<typeof toIp>): number | undefined {
  let best: CompiledRoute<number> | undefined;
  for (const r of routes) {
    if (!cidrContainsIp(r.cidr, ip)) continue;
    if (
      !best ||
      r.cidr.prefix > best.cidr.prefix ||
      (r.cidr.prefix === best.cidr.prefix && RANK[r.origin] < RANK[best.origin])
    )
      best = r;
  }
  return best?.target;
}

describe("routing properties", () => {
  it("RT-04: longest-prefix match agrees with a brute-force oracle", () => {
    fc.assert(
      fc.property(
        fc.array(routeArb, { maxLength: 40 }),
        fc.array(ipArb, { minLength: 1, maxLength: 10 }),
        (routes, ips) => {
          const table = compileRoutes(routes);
          for (const ip of ips) expect(lookupRoute(table, ip)?.target).toBe(oracle(routes, ip));
          // and for an address inside each route
          for (const r of routes) {
            const inside = toIp(formatIpv4(r.cidr.network as number));
            expect(lookupRoute(table, inside)?.target).toBe(oracle(routes, inside));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
