import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime, machineDateTime } from "../../app/format-date";

const root = path.resolve(import.meta.dirname, "..", "..");
const HELPER = path.join("app", "format-date.ts");

/** Ways to turn a date into text other than app/format-date.ts: each gives another format, or a locale's. */
const AD_HOC = [
  /\.toLocale(?:Date|Time)?String\(/,
  /\.to(?:UTC|GMT|Date|Time)String\(/,
  /\bIntl\.(?:DateTimeFormat|RelativeTimeFormat)\b/,
  /\.toISOString\(\)\s*\.\s*(?:slice|substring|substr|replace|split)\(/,
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(?:ts|tsx|mdx)$/.test(entry.name) ? [relative] : [];
  });
}

/** The `file:line pattern` of every ad-hoc date formatting in these sources. */
function adHocDateFormats(files: readonly { name: string; text: string }[]): string[] {
  return files.flatMap(({ name, text }) =>
    text
      .split("\n")
      .flatMap((line, index) =>
        AD_HOC.filter((pattern) => pattern.test(line)).map(
          (pattern) => `${name}:${index + 1} ${pattern.source}`,
        ),
      ),
  );
}

describe("one date format across the app", () => {
  it("formats ISO-style in UTC, the same on the server and in the browser", () => {
    const at = new Date("2026-03-04T05:06:59.999Z");
    expect(formatDate(at)).toBe("2026-03-04");
    expect(formatTime(at)).toBe("05:06 UTC");
    expect(formatDateTime(at)).toBe("2026-03-04 05:06 UTC");
    expect(formatDateTime(at.toISOString())).toBe(formatDateTime(at.getTime()));
    expect(machineDateTime(at)).toBe("2026-03-04T05:06:59.999Z");
  });

  it("finds the ad-hoc formats it forbids", () => {
    const found = adHocDateFormats([
      { name: "a.tsx", text: "const a = when.toLocaleString();\nconst b = formatDate(when);" },
      { name: "b.tsx", text: 'x.toUTCString().replace(" GMT", "")\nnew Intl.DateTimeFormat("en")' },
      { name: "c.tsx", text: "at.toISOString().slice(0, 10); at.toISOString();" },
    ]);
    expect(found.map((hit) => hit.split(" ")[0])).toEqual(["a.tsx:1", "b.tsx:1", "b.tsx:2", "c.tsx:1"]);
  });

  it("no page, component or route under app/ formats a date outside app/format-date.ts", () => {
    const files = sourceFiles("app")
      .filter((file) => file !== HELPER)
      .map((file) => ({ name: file, text: fs.readFileSync(path.join(root, file), "utf8") }));
    expect(files.length).toBeGreaterThan(20);
    expect(adHocDateFormats(files)).toEqual([]);
  });
});
