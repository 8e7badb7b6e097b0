import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// A PostgreSQL server shared by several app servers (README, "Past one machine"): the Prisma driver adapter over a
// node-postgres pool, used by the app (lib/db/client.ts) and by `prisma migrate deploy`
// (prisma.postgres.config.ts), so both reach the server the same way. No engine download either way.

/** Catalog types the schema engine reads (relation and column names) that @prisma/adapter-pg 6.19 cannot map. */
const CATALOG_TEXT_TYPES = new Set([18 /* "char" */, 19 /* name */]);
const TEXT_TYPE = 25;

function asText(value: unknown): unknown {
  for (const field of (value as Partial<pg.QueryResult> | undefined)?.fields ?? [])
    if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE;
  return value;
}

/**
 * A pg client that reports catalog name columns as text. `prisma migrate deploy` through @prisma/adapter-pg
 * fails with "Column type 'name' could not be deserialized" (https://github.com/prisma/prisma/issues/27403)
 * because the adapter has no mapping for them; their values already arrive as strings, so calling them text is
 * exact. The app's own queries never read such columns.
 */
class CatalogNamesAsText extends pg.Client {}

// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the client as `this`
const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
Object.defineProperty(CatalogNamesAsText.prototype, "query", {
  value: function query(this: pg.Client, ...args: unknown[]): unknown {
    const last = args.at(-1);
    // The pool passes a callback; a direct caller gets a promise.
    if (typeof last === "function") {
      const done = last as (error: unknown, value: unknown) => void;
      return baseQuery.call(this, ...args.slice(0, -1), (error: unknown, value: unknown) => {
        done(error, error ? value : asText(value));
      });
    }
    const result = baseQuery.apply(this, args);
    return result instanceof Promise ? result.then(asText) : result;
  },
});

/** The Prisma adapter on a postgres:// or postgresql:// URL; Prisma's disconnect ends its pool. */
export function postgresAdapter(url: string): PrismaPg {
  return new PrismaPg(new pg.Pool({ connectionString: url, Client: CatalogNamesAsText }), {
    disposeExternalPool: true,
  });
}
