// The exam17 examiner on hybrid and fix-it items. M1: "The route X -> blackhole (static) in vpc-routes drops the
// traffic" was offered beside a table that showed no blackhole route, and keyed exactly when it showed one.
import { describe, expect, it } from "vitest";
import { findFamily } from "../../lib/scenario/registry";
import { fixItCase } from "../../lib/scenario/families/fix-it";
import { isLoop } from "../../lib/scenario/routing-loop";
import { must } from "../support/must";

describe("exam17 fixes", () => {
  it("a blackhole option names a blackhole route the exhibit shows, and is not always the key (M1)", () => {
    const family = must(findFamily("hybrid"));
    const seen = { keyed: 0, wrong: 0 };
    for (let i = 0; i < 1500; i += 1) {
      const q = family.generate(170_000 + i, 3);
      const holes = must(q.topology).transitGatewayRouteTables.flatMap((t) =>
        t.routes.filter((r) => r.blackhole).map((r) => r.destination),
      );
      for (const o of q.options) {
        const m = /The route (\S+) -> blackhole/.exec(o.text);
        if (!m) continue;
        expect(holes, `${q.id}: ${o.text}`).toContain(m[1]);
        seen[q.answer.includes(o.id) ? "keyed" : "wrong"] += 1;
      }
    }
    expect(seen.keyed).toBeGreaterThan(30);
    expect(seen.wrong).toBeGreaterThan(30);
  });
});

describe("exam17 fixes (allowed prefixes on a virtual private gateway association)", () => {
  // M2: "The allowed prefixes (X) … do not equal or contain the VPC's CIDR X" was false by its own wording.
  it("no allowed-prefixes option names the same prefix as the VPC's CIDR it says they miss (M2)", () => {
    const family = must(findFamily("hybrid"));
    let checked = 0;
    for (let i = 0; i < 1500; i += 1) {
      const q = family.generate(171_000 + i, (2 + (i % 2)) as 2 | 3);
      for (const o of q.options) {
        const m =
          /allowed prefixes \(([^)]+)\).* do not (?:equal or )?contain the VPC's CIDR ([^ ]+?)\.?$/.exec(
            o.text,
          );
        if (o.text.includes("allowed prefixes") && o.text.includes("VPC")) checked += 1;
        if (m) expect(must(m[1]).split(", "), `${q.id}: ${o.text}`).not.toContain(m[2]);
        expect(o.text, q.id).not.toMatch(/do not equal or contain/);
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe("exam17 fixes (fix-it)", () => {
  // M3: a wrong fix that sends the request round a routing loop was explained as "the subnet … still drops the
  // request": a loop drops nowhere, and the clause now says the flow loops, read from the model's trace.
  it("a wrong fix left looping is explained as a loop, never as a drop (M3)", () => {
    let loops = 0;
    for (let i = 0; i < 1200; i += 1) {
      const c = fixItCase(172_000 + i, (1 + (i % 3)) as 1 | 2 | 3);
      for (const w of c.wrong) {
        if (!isLoop(w.blocker)) continue;
        loops += 1;
        const o = must(c.question.options.find((x) => x.text === w.text));
        const why = must(c.question.explanation.perOption[o.id]);
        expect(why, c.question.id).toMatch(/sent round in a loop/);
        expect(why, c.question.id).not.toMatch(/still drops/);
      }
    }
    expect(loops).toBeGreaterThan(5);
  });
});

describe("exam17 fixes (static TGW route wording)", () => {
  // m3: "being static, it would win even if a propagated route … exists" beside an exhibit showing one.
  it("a static TGW route's why says it wins over a propagated route for the same prefix (m3)", () => {
    let seen = 0;
    for (const name of ["fix-it", "missing-piece"]) {
      const family = must(findFamily(name));
      for (let i = 0; i < 600; i += 1) {
        const q = family.generate(173_000 + i, (1 + (i % 3)) as 1 | 2 | 3);
        for (const why of Object.values(q.explanation.perOption)) {
          expect(why, q.id).not.toMatch(/would win even if/);
          if (why.includes("being static")) seen += 1;
        }
      }
    }
    expect(seen).toBeGreaterThan(5);
  });
});

describe("exam17 fixes (edge-to-edge, private address at an internet gateway)", () => {
  // m4: the keyed "internet gateway … does not forward traffic to the private address" option carried its own
  // reasoning (the route that sent it there, the route missing), about twice the length of the other options.
  it("the keyed option is not much longer than the longest other option (m4)", () => {
    const family = must(findFamily("edge-to-edge"));
    let keyed = 0;
    for (let i = 0; i < 1500; i += 1) {
      const q = family.generate(175_000 + i, (1 + (i % 3)) as 1 | 2 | 3);
      const key = must(q.options.find((o) => q.answer.includes(o.id)));
      if (!/internet gateway/i.test(key.text) || !key.text.includes("private address")) continue;
      keyed += 1;
      const longest = Math.max(...q.options.filter((o) => o !== key).map((o) => o.text.length));
      expect(key.text.length / longest, `${q.id}: ${key.text}`).toBeLessThanOrEqual(1.2);
    }
    expect(keyed).toBeGreaterThan(30);
  });
});
