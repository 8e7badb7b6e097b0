// The exhibit as text, for printable and importable quizzes: GitHub-flavoured Markdown tables for the Markdown
// export, fixed-width text tables for GIFT (Moodle shows its question text without Markdown tables).
import type { Exhibit, ExhibitTable } from "./exhibit";

function markdownCell(text: string): string {
  return text === "" ? " " : text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

/** One block per table (caption in bold, then the table), then notes, then the preformatted lines. */
export function exhibitAsMarkdown(exhibit: Exhibit): string[] {
  const lines: string[] = [];
  for (const table of exhibit.tables) {
    lines.push(`**${table.caption}**`, "");
    lines.push(
      `| ${table.columns.map(markdownCell).join(" | ")} |`,
      `|${table.columns.map(() => " --- |").join("")}`,
    );
    for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(" | ")} |`);
    lines.push("");
  }
  for (const note of exhibit.notes) lines.push(`_${note}_`, "");
  if (exhibit.lines.length > 0) lines.push("```", ...exhibit.lines, "```", "");
  return lines;
}

function textTable(table: ExhibitTable): string[] {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join(" | ")
      .trimEnd();
  return [
    table.caption,
    line(table.columns),
    widths.map((w) => "-".repeat(w)).join("-+-"),
    ...table.rows.map(line),
  ];
}

/** Plain text: each table as caption, header, rule and rows with padded columns; blank line between blocks. */
export function exhibitAsText(exhibit: Exhibit): string[] {
  const blocks: string[][] = exhibit.tables.map(textTable);
  if (exhibit.notes.length > 0) blocks.push([...exhibit.notes]);
  if (exhibit.lines.length > 0) blocks.push([...exhibit.lines]);
  return blocks.flatMap((block, i) => (i === 0 ? block : ["", ...block]));
}
