// ipv6-egress draws the service the instances call (HTTPS 443, HTTP 80, an HTTPS API on 8443, SSH 22) beyond d1:
// the stem, the setup's rules, the flows the key is computed from and every option must name the same port, and
// an ephemeral-port option (1024-65535) must never cover that port (it would then match the requests too).
import { describe, expect, it } from "vitest";
import { ipv6Egress } from "../../../lib/scenario/families/ipv6-egress";
import type { Difficulty, Question } from "../../../lib/scenario/question";

const SEEDS = 400;

function questions(difficulty: Difficulty): Question[] {
  const out: Question[] = [];
  for (let seed = 0; seed < SEEDS; seed += 1) out.push(ipv6Egress.generate(seed, difficulty));
  return out;
}

/** The port the stem names ("(SSH, TCP 22)", "connections (TCP 8443)"). */
function stemPort(q: Question): number | undefined {
  const ports = [...q.stem.matchAll(/\bTCP (\d+)\b/g)].map((m) => Number(m[1]));
  expect(new Set(ports).size, q.stem).toBeLessThanOrEqual(1);
  return ports[0];
}

/** Ports an option text names: "TCP 22" → [22, 22], "TCP 1024-65535" → [1024, 65535]. */
function optionRanges(text: string): [number, number][] {
  return [...text.matchAll(/\bTCP (\d+)(?:-(\d+))?/g)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])]);
}

const EPHEMERAL: [number, number] = [1024, 65535];

describe("ipv6-egress service ports", () => {
  it("keeps d1 to HTTPS on 443 with no port in the stem", () => {
    for (const q of questions(1)) {
      expect(q.query?.port, q.id).toBe(443);
      expect(stemPort(q), q.stem).toBeUndefined();
    }
  });

  for (const difficulty of [2, 3] as const) {
    describe(`d${difficulty}`, () => {
      const qs = questions(difficulty);

      it("draws at least 3 services, none of them dominant", () => {
        const counts = new Map<number, number>();
        for (const q of qs) {
          const port = stemPort(q);
          expect(port, q.stem).toBeDefined();
          counts.set(port ?? -1, (counts.get(port ?? -1) ?? 0) + 1);
        }
        expect(counts.size).toBeGreaterThanOrEqual(3);
        for (const c of counts.values()) expect(c / qs.length).toBeLessThan(0.6);
      });

      it("names in the stem the port of the flows and of the SG/NACL rules the key depends on", () => {
        for (const q of qs) {
          const port = stemPort(q);
          // The required flow (the one the trace follows) goes to the stem's port.
          expect(q.query?.port, q.id).toBe(port);
          // A custom NACL's request rules (single ports) are for the stem's port; the rest are ephemeral ranges.
          for (const acl of q.topology?.networkAcls ?? [])
            for (const r of [...acl.inbound, ...acl.outbound])
              if (r.protocol === "tcp" && r.fromPort === r.toPort) expect(r.fromPort, q.id).toBe(port);
          // Servers that accept connections listen on the stem's port.
          if (/must accept .* connections \(TCP/.test(q.stem))
            for (const sg of q.topology?.securityGroups ?? [])
              for (const r of sg.inbound) if (r.protocol === "tcp") expect(r.fromPort, q.id).toBe(port);
          // The key's own port rule, if any, is for the stem's port or the ephemeral replies.
          for (const o of q.options.filter((x) => q.answer.includes(x.id)))
            for (const [from, to] of optionRanges(o.text))
              expect([from, to], `${q.id} ${o.text}`).toSatisfy(
                ([a, b]: [number, number]) =>
                  (a === port && b === port) || (a === EPHEMERAL[0] && b === EPHEMERAL[1]),
              );
        }
      });

      it("names no other port in any option than the service's and the deliberate ephemeral-range distractor", () => {
        let ephemeral = 0;
        for (const q of qs) {
          const port = stemPort(q) ?? -1;
          for (const o of q.options)
            for (const [from, to] of optionRanges(o.text)) {
              if (from === EPHEMERAL[0] && to === EPHEMERAL[1]) {
                ephemeral += 1;
                // 1024-65535 would also match requests to a port inside it (8443): never offered with one.
                expect(port < EPHEMERAL[0] || port > EPHEMERAL[1], `${q.id} ${o.text}`).toBe(true);
              } else {
                expect([from, to], `${q.id} ${o.text}`).toEqual([port, port]);
              }
            }
          // The explanation's numbers match too: no why speaks of a port the question is not about.
          for (const why of Object.values(q.explanation.perOption))
            for (const m of why.matchAll(/\bport (\d+)\b/g))
              expect(Number(m[1]), `${q.id} ${why}`).toBe(port);
        }
        if (difficulty === 3) expect(ephemeral).toBeGreaterThan(0);
      });
    });
  }
});
