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
    const built = topologyTables(input.topology, new NamedTokens(input.texts));
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

/**
 * Whether a name is a token of the question's texts, the tokens being `text.split(/[^A-Za-z0-9_.:/-]+/)` with
 * trailing dots and colons dropped (a token of only those becomes ""). Asked lazily, and each answer kept:
 * topologyTables asks only about a route table, security group or network ACL that nothing else shows, so
 * most of the topology's ids and names are never searched for (searching all of them up front was 3 % of an
 * edge-to-edge question). Each name is searched for with indexOf and its ends checked, rather than every
 * token cut out: a question's texts run to 2,000 characters, and a charCodeAt scan of them (they are
 * concatenations, which V8 reads slowly char by char) cost 5 % of a question.
 */
class NamedTokens {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly texts: readonly string[]) {}

  has(c: string): boolean {
    let found = this.known.get(c);
    if (found === undefined) {
      found = c === "" ? this.texts.some(hasEmptyToken) : isPossibleToken(c) && someHasToken(this.texts, c);
      this.known.set(c, found);
    }
    return found;
  }
}

/** Only token characters, not ending in a dot or colon (those would have been dropped from the token). */
function isPossibleToken(c: string): boolean {
  for (let i = 0; i < c.length; i += 1) if (!isTokenChar(c.charCodeAt(i))) return false;
  return !isTrailing(c.charCodeAt(c.length - 1));
}

/** `c` (a possible token, not "") is a whole token of `text`: a run of token characters that is c plus dots and colons. */
function hasToken(text: string, c: string): boolean {
  for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
    if (at > 0 && isTokenChar(text.charCodeAt(at - 1))) continue;
    let end = at + c.length;
    while (end < text.length && isTrailing(text.charCodeAt(end))) end += 1;
    if (end === text.length || !isTokenChar(text.charCodeAt(end))) return true;
  }
  return false;
}

function someHasToken(texts: readonly string[], c: string): boolean {
  for (const text of texts) if (hasToken(text, c)) return true;
  return false;
}

/** A run of token characters made only of dots and colons, i.e. the token "". */
function hasEmptyToken(text: string): boolean {
  let onlyTrailing = false;
  let inToken = false;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c >= 0 && isTokenChar(c)) {
      if (!inToken) onlyTrailing = true;
      inToken = true;
      if (!isTrailing(c)) onlyTrailing = false;
    } else {
      if (inToken && onlyTrailing) return true;
      inToken = false;
    }
  }
  return false;
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
