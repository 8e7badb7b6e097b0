import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  derivePostgresSchema,
  POSTGRES_SCHEMA,
  postgresAttributes,
  SOURCE_SCHEMA,
} from "../../scripts/derive-postgres-schema";

const root = path.resolve(import.meta.dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

const sample = `generator client {
  provider     = "prisma-client"
  output       = "../lib/db/generated"
}

datasource db {
  provider = "sqlite"
  url      = "file:./data/reachable.db"
}

model Attempt {
  id   String @id
  /// The seed that regenerates the question.
  /// postgres: @db.Oid (unsigned 32-bit)
  seed Int
  size Int
}
`;

describe("the PostgreSQL schema derived from prisma/schema.prisma", () => {
  it("is up to date (run npx tsx scripts/derive-postgres-schema.ts after editing prisma/schema.prisma)", () => {
    expect(read(POSTGRES_SCHEMA)).toBe(derivePostgresSchema(read(SOURCE_SCHEMA)));
  });

  it("switches the provider and the client's output, and adds a field's `/// postgres:` attributes to it alone", () => {
    const derived = derivePostgresSchema(sample);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('"sqlite"');
    expect(derived).toContain('output       = "../../lib/db/generated-pg"');
    expect(derived).toContain("  seed Int @db.Oid\n");
    expect(derived).toContain("  size Int\n");
  });

  it("reads the attributes of each annotated field and leaves the reason out", () => {
    expect([...postgresAttributes(sample)]).toEqual([["Attempt.seed", "@db.Oid"]]);
  });

  it("applies annotations it is given to an older schema text that lacks them (the migration twins' history)", () => {
    const older = sample.replace("  /// postgres: @db.Oid (unsigned 32-bit)\n", "");
    expect(derivePostgresSchema(older, postgresAttributes(sample))).toContain("  seed Int @db.Oid\n");
  });

  it("refuses a `/// postgres:` comment that names no attribute or is not above a field", () => {
    expect(() => derivePostgresSchema(sample.replace("@db.Oid (unsigned", "oid (unsigned"))).toThrow(
      /Attempt: .*names no attribute/,
    );
    expect(() =>
      derivePostgresSchema(sample.replace("  size Int\n", "  size Int\n  /// postgres: @db.Oid\n")),
    ).toThrow(/Attempt: a "\/\/\/ postgres:" comment is not above a field/);
  });

  it("gives every unsigned 32-bit Int of the model (seeds, the passkey counter) PostgreSQL's oid", () => {
    expect([...postgresAttributes(read(SOURCE_SCHEMA)).keys()].sort()).toEqual([
      "Attempt.seed",
      "Bookmark.seed",
      "Passkey.counter",
      "StudySession.seed",
    ]);
  });
});
