import { describe, expect, it } from "vitest";
import { CONCEPTS, type Concept } from "../../lib/content/concepts";
import { conceptPrompt, conceptsToAnkiCsv, quoteCsvField } from "../../lib/srs/anki-csv";

/** A small RFC 4180 reader, enough to check that our quoting round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else {
      field += char;
    }
  }
  return rows;
}

describe("Anki CSV of concept cards", () => {
  it("starts with Anki's import directives", () => {
    const lines = conceptsToAnkiCsv(CONCEPTS).split("\r\n");
    expect(lines.slice(0, 4)).toEqual([
      "#separator:comma",
      "#html:false",
      "#columns:Front,Back,Tags",
      "#tags column:3",
    ]);
  });

  it("writes one row per concept: prompt, plain fact, group and ID tags", () => {
    const rows = parseCsv(conceptsToAnkiCsv(CONCEPTS)).slice(4);
    expect(rows).toHaveLength(CONCEPTS.length);
    for (const [index, row] of rows.entries()) {
      const concept = CONCEPTS[index];
      expect(row).toHaveLength(3);
      expect(row[1]).toBe(concept?.text.replaceAll("**", ""));
      expect(row[2]).toBe(`${concept?.group} ${concept?.id}`);
      expect(row[0]).not.toBe(row[1]);
      // The shown stem is at most 60% of the fact, so there is something left to recall.
      const stem = (row[0] ?? "").replace(/^.*?complete the rule\. /, "").replace(/ …\?$/, "");
      expect(stem.length).toBeLessThanOrEqual((row[1] ?? "").length * 0.6);
    }
  });

  it("asks with the concept's opening clause or first words, never most of the fact", () => {
    const p3 = CONCEPTS.find((concept) => concept.id === "P3");
    if (p3 === undefined) throw new Error("P3 missing");
    expect(conceptPrompt(p3)).toBe("VPC peering (P3): complete the rule. Peering is not transitive: …?");
    const e4 = CONCEPTS.find((concept) => concept.id === "E4");
    if (e4 === undefined) throw new Error("E4 missing");
    // "Gateway endpoints cost nothing" has no clause: the first half of its words.
    expect(conceptPrompt(e4)).toBe("VPC endpoints (E4): complete the rule. Gateway endpoints …?");
    // P4's opening clause is most of the fact, so only its first words are shown.
    const p4 = CONCEPTS.find((concept) => concept.id === "P4");
    if (p4 === undefined) throw new Error("P4 missing");
    expect(conceptPrompt(p4)).toBe(
      "VPC peering (P4): complete the rule. Each side's subnet route tables need …?",
    );
  });

  it("quotes commas, quotes, line breaks and a leading #", () => {
    expect(quoteCsvField("plain")).toBe("plain");
    expect(quoteCsvField("a, b")).toBe('"a, b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField("two\nlines")).toBe('"two\nlines"');
    expect(quoteCsvField("#tag")).toBe('"#tag"');
    const tricky: Concept = {
      id: "X1",
      group: "peering",
      text: 'A "quoted", comma\nfact',
      seeds: [],
      assessed: false,
      drift: false,
    };
    expect(parseCsv(conceptsToAnkiCsv([tricky])).at(-1)?.[1]).toBe('A "quoted", comma\nfact');
  });
});
