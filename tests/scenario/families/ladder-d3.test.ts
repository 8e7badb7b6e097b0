// d3 is not the easiest level (examiner): endpoint-choice d3 never asks the d1 question "an internet API from the
// VPC itself" (a NAT gateway), and ipv6-egress d3 never asks the inbound IPv4 design, which the address family
// alone answers; its d3 is mostly the SG and NACL rules IPv6 needs beside a route that is already right.
import { describe, expect, it } from "vitest";
import { endpointChoiceScenario } from "../../../lib/scenario/families/endpoint-choice";
import { ipv6Egress } from "../../../lib/scenario/families/ipv6-egress";

const SEEDS = 200;

describe("d3 is not the easiest level", () => {
  it("endpoint-choice d3: no internet API asked from the VPC itself (d1 has it)", () => {
    const sameVpcInternet = (d: 1 | 3): number => {
      let n = 0;
      for (let seed = 0; seed < SEEDS; seed += 1) {
        const s = endpointChoiceScenario(seed, d);
        if (s.service === "internet-saas" && s.origin === "same-vpc") n += 1;
      }
      return n;
    };
    expect(sameVpcInternet(1)).toBeGreaterThan(0);
    expect(sameVpcInternet(3)).toBe(0);
  });

  it("ipv6-egress d3: never the inbound IPv4 design; mostly the SG or NACL rule beside a right route", () => {
    let ruleQuestions = 0;
    for (let seed = 0; seed < SEEDS / 2; seed += 1) {
      const q = ipv6Egress.generate(seed, 3);
      expect(q.stem, q.id).not.toMatch(/have public IPv4 addresses and must accept HTTPS/);
      if (/yet the connections never leave|IPv6 connections time out/.test(q.stem)) ruleQuestions += 1;
    }
    expect(ruleQuestions).toBeGreaterThan(SEEDS / 2 / 2);
  }, 60_000);
});
