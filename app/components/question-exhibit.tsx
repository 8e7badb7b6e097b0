import { Fragment, type ReactNode } from "react";
import type { Exhibit, ExhibitTable } from "@/lib/scenario/exhibit";

/**
 * The facts a question rests on, beside its diagram: one captioned table per route table, security group, network
 * ACL and so on (lib/scenario/exhibit.ts), then notes and preformatted lines (flow-log records). Each table scrolls
 * sideways on its own and takes keyboard focus, so a phone user can read a wide route table (WCAG 2.1.1, 1.4.10).
 */
export function QuestionExhibit({
  exhibit,
  headingLevel = 3,
}: {
  exhibit: Exhibit | undefined;
  /** 2 where the question sits right under the page's h1 (no heading level is skipped, WCAG 1.3.1). */
  headingLevel?: 2 | 3;
}) {
  if (!exhibit) return null;
  const hasFacts = exhibit.tables.length > 0 || exhibit.notes.length > 0;
  return (
    <>
      {hasFacts ? (
        // Not a landmark (no accessible name): its "Exhibit" heading is what a screen reader lists, and a lesson
        // with several try-it questions would otherwise repeat one landmark name, or read out a sealed id.
        <section className="exhibit-facts" data-testid="exhibit">
          {headingLevel === 2 ? (
            <h2 className="exhibit-title">Exhibit</h2>
          ) : (
            <h3 className="exhibit-title">Exhibit</h3>
          )}
          {exhibit.tables.map((table, index) => (
            <ExhibitTableView key={index} table={table} />
          ))}
          {exhibit.notes.map((note, index) => (
            <p key={index} className="exhibit-note">
              {note}
            </p>
          ))}
        </section>
      ) : null}
      {exhibit.lines.length > 0 ? (
        // Focusable and named: long lines scroll sideways, and a keyboard user must be able to scroll them.
        <pre
          className="exhibit scroll-region"
          data-testid="exhibit-lines"
          tabIndex={0}
          aria-label="Exhibit lines"
        >
          {/* One block per line (a flow-log record), ruled off from the next: wrapped records stay apart. */}
          <code>
            {exhibit.lines.map((line, index) => (
              <span key={index} className="exhibit-line">
                {line}
                {index < exhibit.lines.length - 1 ? "\n" : ""}
              </span>
            ))}
          </code>
        </pre>
      ) : null}
    </>
  );
}

/**
 * The caption is shown above the scroll box, so it wraps to the screen's width instead of scrolling away with a
 * wide table; the table keeps a real <caption> for screen readers. The scroll box is a named group, not a region:
 * a landmark per table put dozens of same-named "VPCs" / "Subnets" regions in a lesson's landmark list (one set per
 * try-it card) and buried the landmarks worth jumping to; the table itself is reached by table navigation.
 */
function ExhibitTableView({ table }: { table: ExhibitTable }) {
  return (
    <div className="exhibit-item">
      <p className="exhibit-caption" aria-hidden="true">
        {table.caption}
      </p>
      <div
        className="exhibit-scroll"
        tabIndex={0}
        role="group"
        aria-label={table.caption}
        data-kind={table.kind}
      >
        <table className="exhibit-table">
          <caption className="sr-only">{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{breakable(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * A cell's text with a line-break opportunity after each AWS id's prefix (`subnet-` / `08ae5ad468259e686`): a
 * hyphen before a digit is no break point, so a 24-character id was one unbreakable word and wide screens could
 * not fit the subnet and interface tables. The text (and what a screen reader or a search reads) is unchanged.
 */
function breakable(cell: string): ReactNode {
  const parts = cell.split(/(?<=\b[a-z]+-)(?=[0-9a-f]{8,}\b)/);
  return parts.length === 1
    ? cell
    : parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ));
}
