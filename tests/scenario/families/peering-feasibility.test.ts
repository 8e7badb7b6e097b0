import { describe, expect, it } from "vitest";
import { peeringFeasibility } from "../../../lib/scenario/families/peering-feasibility";
import type { Difficulty } from "../../../lib/scenario/question";

describe("peering-feasibility explanations", () => {
  it("state the deciding rule with its ID and the one fix; every wrong option cites a rule", () => {
    for (const difficulty of [1, 2, 3] as Difficulty[]) {
      for (let seed = 0; seed < 150; seed += 1) {
        const q = peeringFeasibility.generate(seed, difficulty);
        const s = q.explanation.summary;
        expect(s, q.id).toMatch(/\((PCX-\d\d)\)/);
        if (/^AWS refuses/.test(s)) {
          expect(s, q.id).toMatch(/primary or secondary, IPv4 or IPv6/);
          expect(s, q.id).toMatch(/Fix: /);
        }
        for (const o of q.options) {
          if (q.answer.includes(o.id)) continue;
          expect(q.explanation.perOption[o.id] ?? "", `${q.id} ${o.id}`).toMatch(/^(?!Wrong:).*\(PCX-\d\d/);
        }
      }
    }
  });

  it("words a duplicate peering as AWS's one-connection-per-pair rule and never says a pending one 'joins' the VPCs", () => {
    let duplicates = 0;
    for (const difficulty of [1, 2, 3] as Difficulty[]) {
      for (let seed = 0; seed < 150; seed += 1) {
        const q = peeringFeasibility.generate(seed, difficulty);
        // Option texts are the golden set's keys and keep their wording; the explanations are reworded.
        const texts = [q.explanation.summary, ...Object.values(q.explanation.perOption)];
        for (const text of texts) {
          expect(text, q.id).not.toMatch(/\bjoins\b/);
          expect(text, q.id).not.toMatch(/second request is refused/);
        }
        if (/PCX-04\); /.test(q.explanation.summary) && !/^AWS rules out/.test(q.explanation.summary)) {
          duplicates += 1;
          expect(q.explanation.summary, q.id).toMatch(
            /^AWS allows only one VPC peering connection between the same two VPCs at a time \(PCX-04\)/,
          );
          if (/pending-acceptance/.test(q.explanation.summary))
            expect(q.explanation.summary, q.id).toMatch(/accept the pending pcx-/);
        }
      }
    }
    expect(duplicates).toBeGreaterThan(0);
  });
});
