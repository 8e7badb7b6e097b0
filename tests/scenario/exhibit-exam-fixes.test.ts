// The findings of an exam-style review of the exhibit and the answer key: a public IPv4 column, primary and
// secondary VPC blocks, TGW attachment associations, no doubled verdict words, one-sentence missing-piece stems.
import { describe, expect, it } from "vitest";
import type { Exhibit, ExhibitTable } from "../../lib/scenario/exhibit";
import { missingFromExhibit } from "../../lib/scenario/exhibit-completeness";
import { renderQuizGift } from "../../lib/scenario/export-gift";
import { renderQuizJson, type QuizExport } from "../../lib/scenario/export-json";
import { renderQuizMarkdown } from "../../lib/scenario/export-markdown";
import { reasonText } from "../../lib/scenario/options";
import type { Difficulty, Question } from "../../lib/scenario/question";
import { FAMILIES } from "../../lib/scenario/registry";
import { must } from "../support/must";

function family(name: string) {
  return must(FAMILIES.find((f) => f.name === name));
}

function table(q: Question, kind: ExhibitTable["kind"]): ExhibitTable | undefined {
  return q.exhibit?.tables.find((t) => t.kind === kind);
}

function cell(t: ExhibitTable, row: readonly string[], column: string): string {
  const at = t.columns.indexOf(column);
  expect(at, `${t.caption}: column ${column}`).toBeGreaterThanOrEqual(0);
  return row[at] ?? "";
}

/** A few seeds of every family at every difficulty. */
function sweep(seeds: number): Question[] {
  const out: Question[] = [];
  for (const f of FAMILIES)
    for (let seed = 7000; seed < 7000 + seeds; seed += 1)
      for (const d of f.difficulties) out.push(f.generate(seed, d));
  return out;
}

const DOUBLED = /\((?:right|wrong)\): (?:Right|Wrong|Correct|Incorrect):|\b(Right|Wrong): \1:/;

describe("verdict words are said once", () => {
  const questions = sweep(4);

  it(
    "no reason starts with a verdict word, so no export or feedback shows it twice",
    { timeout: 60_000 },
    () => {
      for (const q of questions)
        for (const o of q.options)
          expect(q.explanation.perOption[o.id] ?? "", `${q.id} ${o.id}`).not.toMatch(
            /^(?:right|wrong|correct|incorrect)\s*:/i,
          );
      const md = renderQuizMarkdown(questions, 7000);
      expect(md).not.toMatch(DOUBLED);
      // Each option line of the key still says once whether it is right.
      expect(md).toMatch(/^ {3}- [A-H] \(right\): [A-Z]/m);
      const gift = renderQuizGift(questions);
      expect(gift).not.toMatch(/#(?:Right|Wrong)\\?:/);
      const json = JSON.parse(renderQuizJson(questions, 7000)) as QuizExport;
      for (const q of json.questions)
        for (const why of Object.values(q.explanation.perOption))
          expect(why, q.id).not.toMatch(/^(?:Right|Wrong):/);
    },
  );

  it("reasonText drops a leading verdict word and capitalises what follows, and leaves other text alone", () => {
    expect(reasonText("Right: without it the request is dropped (IGW-01).")).toBe(
      "Without it the request is dropped (IGW-01).",
    );
    expect(reasonText("Wrong: a VPC can have many peerings (PCX-04).")).toBe(
      "A VPC can have many peerings (PCX-04).",
    );
    expect(reasonText("Correct routing is not enough (RT-01).")).toBe(
      "Correct routing is not enough (RT-01).",
    );
    expect(reasonText("10.0.0.0/16 is data-lake's own range (SG-05).")).toBe(
      "10.0.0.0/16 is data-lake's own range (SG-05).",
    );
  });
});

describe("instances table", () => {
  it("always has a Public IPv4 column: the address, or none", { timeout: 60_000 }, () => {
    let tables = 0;
    for (const q of sweep(3)) {
      const t = table(q, "interfaces");
      if (!t) continue;
      tables += 1;
      expect(t.columns, q.id).toContain("Public IPv4");
      for (const row of t.rows)
        expect(cell(t, row, "Public IPv4"), q.id).toMatch(/^(none|\d+\.\d+\.\d+\.\d+)$/);
    }
    expect(tables).toBeGreaterThan(20);
  });

  it("shows that api-1 has no public IPv4 address in missing-piece d2 seed 7485 (the examiner's DEFECT)", () => {
    const q = family("missing-piece").generate(7485, 2);
    const key = must(q.options.find((o) => o.id === q.answer[0]));
    expect(key.text).toMatch(/public IPv4/);
    const t = must(table(q, "interfaces"));
    const row = must(t.rows.find((r) => r[0] === "api-1"));
    expect(cell(t, row, "Public IPv4")).toBe("none");
    expect(renderQuizMarkdown([q], 7485)).toMatch(/\| Public IPv4 \|/);
  });

  it("is required by the completeness check when an option turns on a public IPv4 address", () => {
    const q = family("missing-piece").generate(7485, 2);
    expect(missingFromExhibit(q)).toEqual([]);
    const exhibit = must(q.exhibit);
    const withoutColumn: Exhibit = {
      ...exhibit,
      tables: exhibit.tables.map((t) => {
        if (t.kind !== "interfaces") return t;
        const at = t.columns.indexOf("Public IPv4");
        return {
          ...t,
          columns: t.columns.filter((_, i) => i !== at),
          rows: t.rows.map((r) => r.filter((_, i) => i !== at)),
        };
      }),
    };
    expect(missingFromExhibit({ ...q, exhibit: withoutColumn })).toContain("fact:public-ipv4");
  });
});

describe("VPCs table", () => {
  it("marks the first IPv4 block primary and the others secondary", { timeout: 30_000 }, () => {
    let multi = 0;
    for (let seed = 8100; seed < 8130; seed += 1) {
      const q = family("peering-feasibility").generate(seed, 2);
      const t = table(q, "vpcs");
      if (!t) continue;
      for (const row of t.rows) {
        const blocks = cell(t, row, "IPv4 CIDR").split(", ");
        expect(blocks[0], q.id).toMatch(/ \(primary\)$/);
        for (const b of blocks.slice(1)) expect(b, q.id).toMatch(/ \(secondary\)$/);
        if (blocks.length > 1) multi += 1;
      }
    }
    expect(multi).toBeGreaterThan(0);
  });
});

describe("transit gateway attachments table", () => {
  it("shows which route table each attachment is associated with (none for fix-it d2 seed 7749's key)", () => {
    // The association fault is a d2 fix-it question since the difficulty ladder (d3 is about the reply path).
    const q = family("fix-it").generate(7749, 2);
    const t = must(table(q, "transit-gateway-attachments"));
    const key = must(q.options.find((o) => o.id === q.answer[0]));
    const attachment = must(/tgw-attach-[0-9a-f]+/.exec(key.text))[0];
    const row = must(t.rows.find((r) => (r[0] ?? "").includes(attachment)));
    expect(cell(t, row, "Associated route table")).toBe("none");
    expect(cell(t, row, "Propagates to")).toMatch(/tgw-rtb-/);
    const other = must(t.rows.find((r) => !(r[0] ?? "").includes(attachment)));
    expect(cell(t, other, "Associated route table")).toMatch(/tgw-rtb-/);
  });
});

describe("missing-piece stems", () => {
  it("say the need and the failure once, in sentences that do not repeat", { timeout: 30_000 }, () => {
    const f = family("missing-piece");
    let internet = 0;
    for (let seed = 7400; seed < 7520; seed += 1) {
      const q = f.generate(seed, (1 + (seed % 3)) as Difficulty);
      const sentences = q.stem.split(/(?<=[.?])\s+/);
      expect(new Set(sentences).size, q.stem).toBe(sentences.length);
      expect(q.stem, q.id).not.toMatch(/cannot reach internet\b/);
      if (/must reach the internet/.test(q.stem)) {
        internet += 1;
        expect(q.stem, q.id).toMatch(/must reach the internet on TCP 443 but cannot\./);
        expect(q.stem.match(/reach the internet/g)?.length, q.id).toBe(1);
      }
    }
    expect(internet).toBeGreaterThan(0);
  });
});
