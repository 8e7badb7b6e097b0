// The trace is data: only lib/net/explanations.ts turns a blocker or hop into English, and no other module
// reads facts back out of those sentences (a rule number, an Availability Zone, "inbound"). This test walks
// the syntax tree of every lib/**/*.ts file and fails on a blocker message or a hop's `matched.description`
// that is parsed: passed to a regular expression, or used with split/match/includes/startsWith/... .
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findMessageParsing } from "./message-parsing";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const RENDERER = "lib/net/explanations.ts";

function libSources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name.startsWith("generated") ? [] : libSources(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

describe("no module parses the trace's sentences", () => {
  it("catches the ways fixes.ts used to read facts out of sentences", () => {
    const old = [
      'const denyNumber = /rule (\\d+)/.exec(hop.matched?.description ?? "")?.[1];',
      "const az = /in ([a-z0-9-]+),/.exec(b.message)?.[1];",
      'const inbound = hop.matched?.description.includes("inbound") ?? false;',
      'const inbound2 = hop.matched?.description.startsWith("inbound") ?? false;',
      "const parts = analysis.blockers[0]?.message.split(' ');",
    ].join("\n");
    expect(findMessageParsing("old-fixes.ts", old)).toHaveLength(5);
  });

  it("lets code show a sentence without parsing it", () => {
    const ok =
      'const a = `No: ${b.message}`;\nconst c = error.message.split("\\n");\nlines.push(hop.matched.description);';
    expect(findMessageParsing("ok.ts", ok)).toEqual([]);
  });

  it("finds none in lib/ outside the renderer", () => {
    const files = libSources("lib").filter((file) => file !== RENDERER);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      findMessageParsing(file, readFileSync(path.join(root, file), "utf8")),
    );
    expect(found).toEqual([]);
  }, 120_000);
});
