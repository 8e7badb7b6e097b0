// The exhibit of a question: the facts of its topology that the answer depends on, as tables (route tables with
// their prefix-list routes and associations, security-group rules, NACL entries, TGW route tables, peering
// status, endpoint settings, addresses). It is shown with the stem, so it holds facts only: nothing here says
// where a flow stops or which option is right.
import type { Query, Topology } from "../net/index";
import type { ExhibitTable } from "./exhibit-table";
import { topologyTables } from "./exhibit-tables";
import { addressTable } from "./exhibit-addresses";

export type { ExhibitTable, ExhibitTableKind } from "./exhibit-table";

export type Exhibit = {
  readonly tables: readonly ExhibitTable[];
  /** Defaults a table cannot show, in one sentence each (e.g. the allow-all default network ACL). */
  readonly notes: readonly string[];
  /** Preformatted material a family supplies, e.g. flow-log records with their header line. */
  readonly lines: readonly string[];
};

export type ExhibitInput = {
  readonly topology?: Topology;
  readonly query?: Query;
  /** The stem and every option text: resources they name are always shown. */
  readonly texts: readonly string[];
  readonly lines?: readonly string[];
};

export function buildExhibit(input: ExhibitInput): Exhibit {
  const tables: ExhibitTable[] = [];
  const notes: string[] = [];
  if (input.topology !== undefined) {
    const named = namedTokens(input.texts);
    const built = topologyTables(input.topology, named);
    tables.push(...built.tables);
    notes.push(...built.notes);
    const addresses = input.query !== undefined ? addressTable(input.topology, input.query) : undefined;
    if (addresses !== undefined) tables.push(addresses);
  }
  return { tables, notes, lines: input.lines ? input.lines.slice() : [] };
}

export function isEmptyExhibit(exhibit: Exhibit | undefined): boolean {
  return (
    exhibit === undefined ||
    (exhibit.tables.length === 0 && exhibit.notes.length === 0 && exhibit.lines.length === 0)
  );
}

/** Every word of the exhibit (captions, cells, notes, lines) as one string, for "is this named anywhere" checks. */
export function exhibitWords(exhibit: Exhibit): string {
  const parts: string[] = [];
  for (const table of exhibit.tables) {
    parts.push(table.caption, table.columns.join(" "));
    for (const row of table.rows) parts.push(row.join(" "));
  }
  parts.push(...exhibit.notes, ...exhibit.lines);
  return parts.join("\n");
}

/** Resource ids and names in the question's texts (split on anything that cannot be part of one). */
function namedTokens(texts: readonly string[]): ReadonlySet<string> {
  const tokens = new Set<string>();
  for (const text of texts)
    for (const token of text.split(/[^A-Za-z0-9_.:/-]+/)) if (token) tokens.add(token.replace(/[.:]+$/, ""));
  return tokens;
}
