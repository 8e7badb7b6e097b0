// The exhibit of a question: the facts of its topology that the answer depends on, as tables (route tables with
// their prefix-list routes and associations, security-group rules, NACL entries, TGW route tables, peering
// status, endpoint settings, addresses). It is shown with the stem, so it holds facts only: nothing here says
// where a flow stops or which option is right.
import type { NetworkCache, Query, Topology } from "../net/index";
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
  /** Where the network for the addresses table is built (the question's cache, when it has one). */
  readonly cache?: NetworkCache;
};

export function buildExhibit(input: ExhibitInput): Exhibit {
  const tables: ExhibitTable[] = [];
  const notes: string[] = [];
  if (input.topology !== undefined) {
    const named = namedTokens(input.texts);
    const built = topologyTables(input.topology, named);
    tables.push(...built.tables);
    notes.push(...built.notes);
    const addresses =
      input.query !== undefined ? addressTable(input.topology, input.query, input.cache) : undefined;
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
  // A character scan, the same tokens as `text.split(/[^A-Za-z0-9_.:/-]+/)` with trailing dots and colons
  // dropped (a token of only those becomes ""): the split and a replace per token cost 5-7 % of a question.
  const tokens = new Set<string>();
  for (const text of texts) {
    let start = -1;
    for (let i = 0; i <= text.length; i += 1) {
      const inToken = i < text.length && isTokenChar(text.charCodeAt(i));
      if (inToken) {
        if (start < 0) start = i;
        continue;
      }
      if (start < 0) continue;
      let end = i;
      while (end > start && isTrailing(text.charCodeAt(end - 1))) end -= 1;
      tokens.add(text.slice(start, end));
      start = -1;
    }
  }
  return tokens;
}

/** [A-Za-z0-9_.:/-] */
function isTokenChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 45 && c <= 58) || // - . / 0-9 :
    c === 95 // _
  );
}

/** . or : */
function isTrailing(c: number): boolean {
  return c === 46 || c === 58;
}
