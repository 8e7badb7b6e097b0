import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { escapeXml, renderQuizMoodleXml } from "../../lib/scenario/export-moodle-xml";
import { renderQuizQtiFiles, renderQuizQtiZip } from "../../lib/scenario/export-qti";
import { generateQuestion } from "../../lib/scenario/generate";
import type { Question } from "../../lib/scenario/question";
import { crc32, zipStore } from "../../lib/scenario/zip-store";
import { must } from "../support/must";

function question(family: string, seed: number): Question {
  const generated = generateQuestion(family, seed, 1);
  if (!generated.ok) throw new Error(`${family} should generate`);
  return generated.question;
}

const single = question("endpoint-choice", 7);
/** A question with markup-looking text, to check escaping. */
const tricky: Question = {
  ...single,
  stem: `Which <route> & "path" wins?`,
  options: single.options.map((option, index) => (index === 0 ? { ...option, text: "a < b & c" } : option)),
};
const multi: Question = {
  ...single,
  id: "endpoint-choice.9.1",
  multiSelect: true,
  answer: single.options.slice(0, 2).map((option) => option.id),
};

/** The entries of a ZIP archive, read back from its central directory (stored or deflated). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(dataAt, dataAt + size);
    const data = method === 0 ? raw : new Uint8Array(inflateRawSync(raw));
    expect(crc32(data)).toBe(crc);
    files.set(name, new TextDecoder().decode(data));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return files;
}

describe("LMS exports", () => {
  it("escape the five XML characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it("Moodle XML: one multichoice question each, the key at 100 %, markup in the text escaped", () => {
    const xml = renderQuizMoodleXml([tricky, multi]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')).toBe(true);
    expect(xml.match(/<question type="multichoice">/g)).toHaveLength(2);
    // The stem is HTML inside XML: escaped once for HTML, once more for XML.
    expect(xml).toContain("Which &amp;lt;route&amp;gt; &amp;amp; &amp;quot;path&amp;quot; wins?");
    expect(xml).not.toContain("<route>");
    const [first, second] = xml.split('<question type="multichoice">').slice(1);
    expect(first).toContain("<single>true</single>");
    expect(must(first).match(/fraction="100"/g)).toHaveLength(1);
    expect(second).toContain("<single>false</single>");
    expect(must(second).match(/fraction="50"/g)).toHaveLength(2);
    expect(must(second).match(/fraction="-100"/g)).toHaveLength(multi.options.length - 2);
  });

  it("QTI 2.1: a manifest listing one item per question, the key as the correct response", () => {
    const files = renderQuizQtiFiles([single, multi], "Game ABC234");
    expect(files.map((file) => file.path)).toEqual([
      "imsmanifest.xml",
      "items/item_001.xml",
      "items/item_002.xml",
    ]);
    const manifest = must(files[0]).text;
    expect(manifest.match(/type="imsqti_item_xmlv2p1"/g)).toHaveLength(2);
    const item = must(files[1]).text;
    expect(item).toContain('cardinality="single"');
    expect(item).toContain('maxChoices="1"');
    expect(item).toContain(`<value>choice_${must(single.answer[0])}</value>`);
    expect(item.match(/<simpleChoice /g)).toHaveLength(single.options.length);
    expect(must(files[2]).text).toContain('cardinality="multiple"');
    expect(must(files[2]).text.match(/<value>choice_/g)).toHaveLength(2);
  });

  it("the QTI package is a ZIP whose entries read back byte for byte with their CRC", () => {
    const files = renderQuizQtiFiles([single], "t");
    const zipped = unzip(renderQuizQtiZip([single], "t"));
    expect([...zipped.keys()]).toEqual(files.map((file) => file.path));
    for (const file of files) expect(zipped.get(file.path)).toBe(file.text);
    expect(unzip(zipStore([{ path: "ü.txt", text: "é" }])).get("ü.txt")).toBe("é");
    // The standard check value of CRC-32.
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
