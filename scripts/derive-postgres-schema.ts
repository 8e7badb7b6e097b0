#!/usr/bin/env tsx
// Derives prisma/postgres/schema.prisma from prisma/schema.prisma, the one source of the data model (README,
// "Past one machine"). Prisma fixes the provider per schema and a client generated for SQLite refuses a PostgreSQL
// adapter, so the shared-server deployment needs a second schema and client; deriving it keeps them from drifting.
// Where the databases' types differ, the source schema says so once, in a doc comment on the field:
//   /// postgres: @db.Oid (why)
// appends `@db.Oid` to that field in the derived schema (PostgreSQL's integer is signed 32-bit; an unsigned 32-bit
// seed needs oid). Usage: tsx scripts/derive-postgres-schema.ts [--check]
import fs from "node:fs";
import path from "node:path";

export const SOURCE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts: do not edit. The PostgreSQL twin of\n" +
  '// the data model for several app servers on one database (README, "Past one machine").\n';

/** `Model.field` → the attributes its `/// postgres: …` doc comment adds on PostgreSQL. */
export function postgresAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let model: string | null = null;
  let pending: string[] = [];
  for (const line of source.split("\n")) {
    const trimmed = line.trim();
    const opens = /^model\s+(\w+)\s*\{/.exec(trimmed);
    if (opens) {
      model = opens[1] ?? null;
      pending = [];
      continue;
    }
    if (trimmed === "}") {
      if (pending.length > 0)
        throw new Error(`${model ?? "?"}: a "/// postgres:" comment is not above a field`);
      model = null;
      continue;
    }
    // The attributes come first; the rest of the comment says why.
    const note = /^\/\/\/\s*postgres:\s*((?:@[\w.]+(?:\([^)]*\))?\s*)+)/.exec(trimmed);
    if (note) {
      if (model === null) throw new Error(`"${trimmed}" is outside a model`);
      pending.push((note[1] ?? "").trim());
      continue;
    }
    if (/^\/\/\/\s*postgres:/.test(trimmed))
      throw new Error(
        `${model ?? "?"}: "${trimmed}" names no attribute (expected e.g. "/// postgres: @db.Oid")`,
      );
    if (trimmed.startsWith("//") || trimmed === "") continue;
    const field = /^(\w+)\s/.exec(trimmed);
    if (model !== null && field && pending.length > 0) {
      attributes.set(`${model}.${field[1] ?? ""}`, pending.join(" "));
      pending = [];
    }
  }
  return attributes;
}

/**
 * The PostgreSQL schema for a SQLite schema text. `annotations` defaults to the text's own `/// postgres:`
 * comments; the migration twins pass the current source's so that every historical step uses today's types.
 */
export function derivePostgresSchema(
  source: string,
  annotations: ReadonlyMap<string, string> = postgresAttributes(source),
): string {
  let model: string | null = null;
  const lines = source.split("\n").map((line) => {
    const trimmed = line.trim();
    const opens = /^model\s+(\w+)\s*\{/.exec(trimmed);
    if (opens) model = opens[1] ?? null;
    else if (trimmed === "}") model = null;
    if (/^provider\s*=\s*"sqlite"/.test(trimmed)) return line.replace('"sqlite"', '"postgresql"');
    if (/^url\s*=\s*"file:/.test(trimmed))
      return line.replace(/"file:[^"]*"/, '"postgresql://localhost/unused"');
    if (/^output\s*=\s*"\.\.\/lib\/db\/generated"/.test(trimmed))
      return line.replace('"../lib/db/generated"', '"../../lib/db/generated-pg"');
    const field = /^(\w+)\s/.exec(trimmed);
    if (model === null || !field || trimmed.startsWith("//") || trimmed.startsWith("@@")) return line;
    const extra = annotations.get(`${model}.${field[1] ?? ""}`);
    if (extra === undefined) return line;
    return `${line.trimEnd()} ${extra}`;
  });
  return HEADER + lines.join("\n");
}

function main(): void {
  const source = fs.readFileSync(SOURCE_SCHEMA, "utf8");
  const derived = derivePostgresSchema(source);
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (current !== derived) {
      console.error(`${POSTGRES_SCHEMA} is stale: run npx tsx scripts/derive-postgres-schema.ts`);
      process.exit(1);
    }
    return;
  }
  if (current === derived) return;
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, derived);
  console.log(`wrote ${POSTGRES_SCHEMA}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
