// The exam14 examiner on hybrid Direct Connect questions: the keyed allowed-prefixes option was the model's full
// rule sentence, about twice as long as every other option, so its length gave the key away (D1); and the
// summary said the request "is dropped at" the Direct Connect gateway, where allowed prefixes drop nothing: they
// decide what on premises learns (D2, DX-04).
import { describe, expect, it } from "vitest";
import { analyze } from "../../lib/net/index";
import { findFamily } from "../../lib/scenario/registry";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { must } from "../support/must";

const SEEDS = 600;

/** Hybrid questions whose shown setup is first blocked by a Direct Connect association's allowed prefixes. */
function allowedPrefixKeyed(): Question[] {
  const family = must(findFamily("hybrid"));
  const out: Question[] = [];
  for (let i = 0; i < SEEDS; i += 1) {
    const q = family.generate(300_000 + i, (2 + (i % 2)) as Difficulty);
    const first = analyze(must(q.topology), must(q.query)).blockers[0];
    if (first?.detail.kind === "allowed-prefixes") out.push(q);
  }
  return out;
}

describe("exam14 fixes (hybrid, Direct Connect allowed prefixes)", () => {
  const keyed = allowedPrefixKeyed();

  it("the keyed option is about as long as the longest other option, not twice as long (D1)", () => {
    expect(keyed.length).toBeGreaterThan(20);
    for (const q of keyed) {
      const key = must(q.options.find((o) => q.answer.includes(o.id)));
      const longest = Math.max(...q.options.filter((o) => o !== key).map((o) => o.text.length));
      expect(key.text.length / longest, `${q.id}: ${key.text}`).toBeLessThanOrEqual(1.2);
    }
  });

  it("the explanation says on premises learns no route, never that the gateway drops the traffic (D2)", () => {
    for (const q of keyed) {
      expect(q.explanation.summary, q.id).toMatch(/On premises learns no route to /);
      expect(q.explanation.summary, q.id).not.toMatch(/dropped at [^.]*Direct Connect|dropped at corp-dxgw/);
      expect(q.explanation.rules, q.id).toContain("DX-04");
    }
  });

  // exam15 D1: the key always read "… do not equal or contain the VPC's CIDR" and the wrong option always "… do
  // not include the on-premises range", so the wording alone told them apart. Both now use one form.
  it("an allowed-prefixes option has one form whether keyed or not (exam15 D1)", () => {
    const family = must(findFamily("hybrid"));
    const forms = { keyed: 0, wrong: 0 };
    for (let i = 0; i < SEEDS; i += 1) {
      const q = family.generate(300_000 + i, (2 + (i % 2)) as Difficulty);
      for (const o of q.options) {
        if (!o.text.includes("allowed prefixes")) continue;
        expect(o.text, q.id).toMatch(
          /^No: The allowed prefixes \([^)]+\) of Direct Connect gateway .* do not (advertise|contain) /,
        );
        forms[q.answer.includes(o.id) ? "keyed" : "wrong"] += 1;
      }
    }
    expect(forms.keyed).toBeGreaterThan(10);
    expect(forms.wrong).toBeGreaterThan(10);
  });

  // Found while checking cues: an edge-to-edge "transit gateway route table … has no route" key listed each
  // associated attachment as "name (id)" and was the longest option in 79 % of the questions it keyed.
  it("a keyed TGW no-route option is not the longest option most of the time", () => {
    const family = must(findFamily("edge-to-edge"));
    let keyed = 0;
    let longest = 0;
    for (let i = 0; i < 1500; i += 1) {
      const q = family.generate(500_000 + i, (2 + (i % 2)) as Difficulty);
      const key = must(q.options.find((o) => q.answer.includes(o.id)));
      if (!key.text.startsWith("No: Transit gateway route table")) continue;
      keyed += 1;
      if (q.options.every((o) => o.text.length <= key.text.length)) longest += 1;
    }
    expect(keyed).toBeGreaterThan(30);
    expect(longest / keyed).toBeLessThan(0.5);
  });
});
